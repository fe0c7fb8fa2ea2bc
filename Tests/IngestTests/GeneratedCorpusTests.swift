import EduwhCore
import Foundation
import Ingest
import TestSupport
import Testing

/// `scripts/gen-corpus` writes a deterministic corpus that Ingest reads completely: every file
/// decodes with the encoding it was written in, and the bad ones are rejected with a reason.
@Suite(.serialized) struct GeneratedCorpusTests {
    static let script = PackagePaths.root.appending(path: "scripts/gen-corpus").path
    static let pythonAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "gen-corpus failed: \(text)")
        return text
    }

    func contents(of folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
        }
        return files
    }

    @Test(.enabled(if: pythonAvailable)) func sameSeedGivesIdenticalFilesAndPrefixes() throws {
        let folder = try TemporaryFolder()
        try run(["120", folder.file("a"), "--seed", "5", "--with-bad"])
        try run(["120", folder.file("b"), "--seed", "5", "--with-bad"])
        try run(["40", folder.file("c"), "--seed", "5", "--with-bad"])
        try run(["40", folder.file("d"), "--seed", "6", "--with-bad"])
        let a = try contents(of: folder.file("a"))
        let b = try contents(of: folder.file("b"))
        #expect(a.count == 120)
        #expect(a == b)
        let c = try contents(of: folder.file("c"))
        #expect(c.allSatisfy { a[$0.key] == $0.value })
        #expect(try contents(of: folder.file("d")) != c)
    }

    @Test(.enabled(if: pythonAvailable)) func everyGeneratedFileIsReadOrRejectedWithAReason() throws {
        let folder = try TemporaryFolder()
        let summary = try run(["400", folder.path, "--seed", "11", "--with-bad"])
        var encodings: [String: Int] = [:]
        var rejected = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            do {
                let raw = try Ingestor().read(path: folder.file(name), displayPath: name)
                encodings[raw.encoding.rawValue, default: 0] += 1
                #expect(!raw.text.contains("\r"))
                #expect(!raw.text.unicodeScalars.contains("\u{FFFD}"), "\(name) decoded with replacement characters")
            } catch {
                #expect([.empty, .binary].contains(error.reason), "\(error)")
                rejected += 1
            }
        }
        // The summary line counts what the generator wrote; Ingest must find the same mix.
        let utf8 = (encodings["utf-8"] ?? 0) + (encodings["utf-8-bom"] ?? 0)
        let utf16 = (encodings["utf-16le"] ?? 0) + (encodings["utf-16be"] ?? 0)
        #expect(
            summary.contains("utf-8 \(utf8), gb18030 \(encodings["gb18030"] ?? 0), utf-16 \(utf16),"),
            "\(summary) vs \(encodings)")
        #expect(summary.contains("bad \(rejected)"))
    }

    @Test(.enabled(if: pythonAvailable)) func changedModeRewritesThePercentageDeterministically() throws {
        let folder = try TemporaryFolder()
        try run(["200", folder.file("a"), "--seed", "3"])
        try run(["200", folder.file("b"), "--seed", "3"])
        let before = try contents(of: folder.file("a"))
        try run(["--changed", "5", "--seed", "9", folder.file("a")])
        try run(["--changed", "5", "--seed", "9", folder.file("b")])
        let after = try contents(of: folder.file("a"))
        #expect(after == (try contents(of: folder.file("b"))))
        let changed = after.filter { before[$0.key] != $0.value }
        #expect(changed.count == 10)
        for name in changed.keys {
            let old = try Ingestor().decode(bytes: before[name]!, path: name)
            let new = try Ingestor().decode(bytes: after[name]!, path: name)
            #expect(new.encoding == old.encoding)
            #expect(new.text.contains("更新"))
        }
    }
}
