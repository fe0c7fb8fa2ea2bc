import EduwhCore
import Foundation

/// Runs an external program (psql, duckdb, python3) and captures what it prints.
struct ExternalTool {
    /// Absolute path of the program.
    let path: String

    /// Finds `name` on PATH (plus the usual system folders cron leaves out).
    static func find(_ name: String) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        for folder in folders {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return ExternalTool(path: candidate) }
        }
        return nil
    }

    /// Runs with `arguments`, feeding `input` (a file) to stdin; returns stdout, throws with stderr on failure.
    @discardableResult
    func run(_ arguments: [String], stdinFile: String? = nil) throws(PublishError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdinFile {
            guard let handle = FileHandle(forReadingAtPath: stdinFile) else {
                throw .tool(name: path, message: "cannot read \(stdinFile)")
            }
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            throw .tool(name: path, message: "cannot start: \(error)")
        }
        // Read both pipes concurrently so a chatty tool never blocks on a full pipe.
        let errBox = OutputBox()
        let reader = Thread { errBox.data = err.fileHandleForReading.readToEndRetrying() }
        reader.start()
        let stdout = out.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        while !errBox.done { usleep(1000) }
        let stderr = String(decoding: errBox.data ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw .tool(
                name: (path as NSString).lastPathComponent,
                message: stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: stdout, as: UTF8.self)
    }
}

final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    private var finished = false

    var data: Data? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return stored
        }
        set {
            lock.lock()
            stored = newValue
            finished = true
            lock.unlock()
        }
    }

    var done: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
}

/// Why a publish or export failed; printed as one line that says what to do.
public enum PublishError: Error, CustomStringConvertible {
    case missingTool(name: String, install: String)
    case tool(name: String, message: String)
    case io(path: String, message: String)
    /// The target database's tables were created by another eduwh schema version.
    case schemaDrift(table: String, target: [String], warehouse: [String])

    public var description: String {
        switch self {
        case .missingTool(let name, let install): "\(name) not found; install it: \(install)"
        case .tool(let name, let message): "\(name) failed: \(message)"
        case .io(let path, let message): "\(path): \(message)"
        case .schemaDrift(let table, let target, let warehouse):
            "PostgreSQL's \(table) has columns (\(target.joined(separator: ", "))) but this warehouse's has (\(warehouse.joined(separator: ", "))): "
                + "the PostgreSQL schema was made by another eduwh version. Publish into a new database, or empty this one "
                + "(psql -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public') and publish again."
        }
    }
}
