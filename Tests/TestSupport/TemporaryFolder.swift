import Foundation

/// A fresh folder under the system temporary directory, removed when the value is released.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// let path = try folder.write("a.txt", bytes: Array("教育".utf8))
/// ```
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates `…/eduwh-test-<random>/`.
    public init() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "eduwh-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        // Restore permissions a test may have removed, so the folder can be deleted.
        if let names = try? FileManager.default.subpathsOfDirectory(atPath: path) {
            for name in names { chmod(path + "/" + name, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// The path `name` would have inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }
}
