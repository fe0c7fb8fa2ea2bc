import EduwhCore
import Foundation

/// Runs the built `eduwh` binary (and python3 for parse checks) as a subprocess, against a
/// warehouse loaded from the repository's `imports/` once per test run with `eduwh load`.
enum CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The eduwh executable next to the test bundle (or in .build/debug).
    static let binary: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("eduwh").path
        for candidate in [besideTests, root.appendingPathComponent(".build/debug/eduwh").path]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        fatalError("eduwh binary not found; run `swift build` first")
    }()

    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eduwh-cli-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// A warehouse loaded from imports/ (shared; tests only read it).
    static let database: String = {
        let path = folder.appendingPathComponent("seeds.sqlite").path
        try? FileManager.default.removeItem(atPath: path)
        let output = run(["load", root.appendingPathComponent("imports").path, "--db", path, "--quiet"])
        guard output.status == 0 else { fatalError("eduwh load failed: \(output.stderr)") }
        return path
    }()

    /// Documents in the loaded warehouse, read by Python's sqlite3 module (not by the code under test).
    static let documentCount: Int = {
        let output = execute(
            "/usr/bin/env",
            [
                "python3", "-c",
                "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM dim_document').fetchone()[0])",
                database,
            ], input: nil, environment: [:])
        guard let count = Int(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            fatalError("python3 could not read \(database): \(output.stderr)")
        }
        return count
    }()

    /// A private copy of the loaded warehouse.
    static func copyOfDatabase() throws -> String {
        let target = folder.appendingPathComponent("copy-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: target)
        return target
    }

    /// Runs eduwh with `arguments`; `input` is piped to standard input (nil: /dev/null).
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) -> Output {
        execute(binary, arguments, input: input, environment: environment)
    }

    /// Runs eduwh with `--db` pointing at the loaded seeds.
    static func eduwh(_ arguments: [String], input: String? = nil) -> Output {
        run(arguments + ["--db", database], input: input)
    }

    /// Runs a python3 script on `input` and returns what it prints.
    static func python(_ script: String, input: String) -> Output {
        execute("/usr/bin/env", ["python3", "-c", script], input: input, environment: [:])
    }

    static func execute(
        _ executable: String, _ arguments: [String], input: String?, environment: [String: String],
        directory: URL? = nil
    ) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        if let directory { process.currentDirectoryURL = directory }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdout = Pipe()
        // stderr goes to a file so that a chatty child cannot block on a full pipe.
        let errorURL = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        guard let stderr = try? FileHandle(forWritingTo: errorURL) else {
            return Output(status: -1, stdout: "", stderr: "no stderr file")
        }
        process.standardOutput = stdout
        process.standardError = stderr
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch { return Output(status: -1, stdout: "", stderr: "\(error)") }
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        let outputData = stdout.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        try? stderr.close()
        let errorData = (try? Data(contentsOf: errorURL)) ?? Data()
        try? FileManager.default.removeItem(at: errorURL)
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}
