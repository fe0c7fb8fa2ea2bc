import Foundation
import Logging

/// Writes strings to stderr or an appended log file without buffering surprises.
enum FileHandleOutput {
    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIFailure(code: ExitCodes.ioError, message: "\(path): cannot open the log file for appending; check the folder exists and is writable")
        }
        handle.seekToEndOfFile()
        return LogSink(handle: handle)
    }

    func write(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        handle.write(Data((line + "\n").utf8))
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
        let timestamp = ISO8601DateFormatter().string(from: Date())
        switch format {
        case .json:
            var object: [String: Any] = ["ts": timestamp, "level": event.level.rawValue, "event": event.message.description]
            for (key, value) in all { object[key] = Self.json(value) }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
            sink.write(String(decoding: data, as: UTF8.self))
        case .text:
            let fields = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
            sink.write("\(timestamp) \(event.level.rawValue): \(event.message)\(fields.isEmpty ? "" : " " + fields)")
        }
    }

    static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text):
            if let int = Int(text) { return int }
            if let double = Double(text), text.contains(".") { return double }
            return text
        case .stringConvertible(let convertible): return convertible.description
        case .array(let values): return values.map(json)
        case .dictionary(let dictionary): return dictionary.mapValues(json)
        }
    }
}

/// A failure that maps to a documented exit code, printed as one line.
struct CLIFailure: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { message }
}
