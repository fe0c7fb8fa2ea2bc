import Foundation
import TestSupport
import Testing

/// Every command has help that teaches: an abstract and an example.
@Suite struct HelpTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        guard let binary = PackagePaths.eduwhBinary else { throw CLIError.binaryMissing }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
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

    @Test func rootHelpListsCommands() throws {
        let result = try Self.run(["--help"])
        for command in Self.commands { #expect(result.stdout.contains(command)) }
    }
}
