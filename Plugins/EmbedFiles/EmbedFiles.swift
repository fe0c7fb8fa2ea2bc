import Foundation
import PackagePlugin

/// Embeds the project's data files (schema, migrations, rule tables, canned reports, reference
/// data) into the target that uses them, as an `EmbeddedFiles` enum of string constants.
///
/// The files stay the single source of truth in the tree; the binary always carries exactly
/// what was there when it was built. Which folders a target embeds is listed in `sources`.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Package-relative files and folders embedded per target.
    static let sources: [String: [String]] = [
        "Clean": ["rules/clean"],
        "Normalize": ["rules/normalize", "data/adcodes.csv"],
        "Facts": ["rules/facts"],
        "Warehouse": ["schema.sql", "migrations", "reports", "rules/warehouse"],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let fm = FileManager.default
        var inputs: [URL] = []
        for entry in Self.sources[target.name] ?? [] {
            let url = root.appending(path: entry)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
                for name in names.sorted() where !name.hasPrefix(".") {
                    inputs.append(url.appending(path: name))
                }
            } else {
                inputs.append(url)
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        let tool = try context.tool(named: "EmbedFilesTool")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data files into \(target.name)",
                executable: tool.url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
