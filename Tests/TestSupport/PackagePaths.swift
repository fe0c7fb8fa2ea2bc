import Foundation

/// Paths tests need: the package root, the bundled sample drop folder, and the shared gold set.
public enum PackagePaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appending(path: "Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `imports/`: the five seed files shipped as the sample drop folder.
    public static var imports: URL { root.appending(path: "imports") }

    /// `corpus/seeds/gold`: the hand-written gold labels of the five seeds (format in corpus/FORMAT.md).
    public static var gold: URL { root.appending(path: "corpus/seeds/gold") }

    /// The seed files the gold labels describe: the sample drop folder `imports/`.
    public static var seeds: URL { imports }

    /// `corpus/field`: real pages from many sites, with gold labels in `corpus/field/gold`.
    public static var fieldCorpus: URL { root.appending(path: "corpus/field") }

    /// The built `eduwh` binary next to the test bundle (debug or release, whichever scratch path runs the tests).
    public static var eduwhBinary: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "eduwh"),
            Bundle.main.bundleURL.deletingLastPathComponent().appending(path: "eduwh"),
            Bundle.main.bundleURL.appending(path: "eduwh"),
            root.appending(path: ".build/debug/eduwh"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
