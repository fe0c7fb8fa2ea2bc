import EduwhCore
import Foundation
import TestSupport
import Testing

/// Every command has help that teaches: an abstract and an example.
@Suite struct HelpTests {
    static func run(_ arguments: [String], columns: Int? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        guard let binary = PackagePaths.eduwhBinary else { throw CLIError.binaryMissing }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let columns {
            process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": String(columns)]) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readToEndRetrying()
        let stderr = err.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    enum CLIError: Error { case binaryMissing }

    static let commands = ["load", "sql", "clean", "extract"]

    @Test(arguments: commands)
    func commandHelpHasAnExample(command: String) throws {
        let result = try Self.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"), "\(command) --help should show an example")
        #expect(result.stdout.contains("OVERVIEW:"))
    }

    /// ArgumentParser wraps help at 80 columns when the output is not a terminal (piped into
    /// less, a file, a CI log): prose written wider than that comes out ragged. Shown 300 wide,
    /// every line of each command's overview fits in 80, except example command lines.
    @Test func everyCommandsOverviewFitsEightyColumns() throws {
        let root = try Self.run(["--help"], columns: 300).stdout
        let commands =
            root.components(separatedBy: "SUBCOMMANDS:").last?
            .split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.allSatisfy { $0.isLetter || $0 == "-" } } ?? []
        #expect(commands.count >= 10, "\(commands)")
        for command in commands {
            let help = try Self.run([command, "--help"], columns: 300).stdout
            let overview = help.components(separatedBy: "USAGE:").first ?? ""
            // The abstract after OVERVIEW: is one paragraph, which wraps cleanly.
            for line in overview.split(separator: "\n") where line.count > 80 && !line.hasPrefix("OVERVIEW:") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                #expect(
                    trimmed.hasPrefix("eduwh ") || trimmed.hasPrefix("duckdb ") || trimmed.hasPrefix("psql "),
                    "eduwh \(command) --help: \(line.count) columns: \(trimmed.prefix(40))…")
            }
        }
    }

    @Test func extractPrintsQuantitiesByDefault() throws {
        let seed = PackagePaths.root.appending(path: "imports").path
        let file = try FileManager.default.contentsOfDirectory(atPath: seed).filter { $0.hasSuffix(".txt") }.sorted()[0]
        let result = try Self.run(["extract", "\(seed)/\(file)"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("line\tdoc\tsurface\tvalue\tunit\tqualifier\n"))
        #expect(result.stdout == (try Self.run(["extract", "--quantities", "\(seed)/\(file)"])).stdout)
    }

    @Test func rootHelpListsCommands() throws {
        let result = try Self.run(["--help"])
        for command in Self.commands { #expect(result.stdout.contains(command)) }
    }
}
