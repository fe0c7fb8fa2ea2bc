import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Writes strings to stderr or an appended log file without buffering surprises.
enum FileHandleOutput {
    static func stderr(_ text: String) {
        // A failed write to stderr has nowhere to be reported: it must not trap.
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}

/// Where and how load logs are written.
final class LogSink: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(handle: FileHandle) { self.handle = handle }

    /// Appends to `path`, creating it; nil path means stderr.
    static func open(path: String?) throws -> LogSink {
        guard let path else { return LogSink(handle: .standardError) }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIFailure(
                code: ExitCodes.ioError,
                message: "\(path): cannot open the log file for appending; check the folder exists and is writable")
        }
        handle.seekToEndOfFile()
        return LogSink(handle: handle)
    }

    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        // write(_:) traps on a failed write (a full disk under the log): a log line that
        // cannot be written goes to stderr instead, and the load's exit code still says why.
        do {
            try handle.write(contentsOf: Data((line + "\n").utf8))
        } catch {
            if handle !== FileHandle.standardError {
                try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
            }
        }
    }
}

/// Writes load events as lines: one JSON object per line (`{"ts":…,"level":…,"event":…, metadata…}`)
/// for machines, or `2026-11-23T10:00:00Z warning: rejected path=… reason=…` for people.
struct LineLogHandler: LogHandler {
    enum Format { case json, text }

    let sink: LogSink
    let format: Format
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
        let timestamp = Self.timestamp()
        switch format {
        case .json:
            var fields: [(String, String)] = [
                ("ts", Self.quoted(timestamp)), ("level", Self.quoted(event.level.rawValue)),
                ("event", Self.quoted(event.message.description)),
            ]
            for (key, value) in all { fields.append((key, Self.json(value))) }
            fields.sort { $0.0 < $1.0 }
            sink.write("{" + fields.map { Self.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}")
        case .text:
            let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
            sink.write("\(timestamp) \(event.level.rawValue): \(event.message)\(fields.isEmpty ? "" : " " + fields)")
        }
    }

    /// UTC `YYYY-MM-DDTHH:MM:SSZ` without a DateFormatter (one per event cost more than the load itself).
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A JSON value: metadata strings that are integers or decimals become numbers, the rest strings.
    static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text):
            if Int(text) != nil { return text }
            if text.contains("."), let double = Double(text), double.isFinite { return text }
            return quoted(text)
        case .stringConvertible(let convertible): return quoted(convertible.description)
        case .array(let values): return "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let dictionary):
            return "{"
                + dictionary.keys.sorted().map { quoted($0) + ":" + json(dictionary[$0]!) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal: the same escaping as `--json` output (`Renderer.jsonString`).
    static func quoted(_ text: String) -> String {
        Renderer.jsonString(text)
    }
}

/// A failure that maps to a documented exit code, printed as one line.
struct CLIFailure: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { message }
}
