import EduwhCore
import Foundation

/// Reads a file from disk and decodes it into a `RawDocument`: the Ingest stage.
///
/// ```swift
/// let raw = try Ingestor().read(path: "imports/000_2aee6a9319702955.txt")
/// ```
public struct Ingestor: Sendable {
    public init() {}

    /// File name extensions the loader picks up from a drop folder.
    public static let supportedExtensions: Set<String> = ["txt", "text", "htm", "html"]

    /// Reads and decodes the file at `path`; `displayPath` is what errors and rows name.
    public func read(path: String, displayPath: String? = nil) throws(IngestError) -> RawDocument {
        let shown = displayPath ?? path
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw IngestError(path: shown, reason: .unreadable, detail: "\(error.localizedDescription)")
        }
        return try decode(bytes: bytes, path: shown)
    }

    /// Decodes bytes already in memory.
    public func decode(bytes: [UInt8], path: String) throws(IngestError) -> RawDocument {
        guard !bytes.isEmpty else { throw IngestError(path: path, reason: .empty, detail: "the file has 0 bytes") }
        if let nul = bytes.firstIndex(of: 0) {
            throw IngestError(path: path, reason: .binary, detail: "NUL byte at offset \(nul)")
        }
        var body = bytes[...]
        var encoding = TextEncoding.utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3); encoding = .utf8BOM }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw IngestError(path: path, reason: .undecodable, detail: "not valid UTF-8")
        }
        let lower = path.lowercased()
        let format: SourceFormat = (lower.hasSuffix(".html") || lower.hasSuffix(".htm")) ? .html : .text
        return RawDocument(path: path, byteCount: bytes.count, sha256: SHA256Digest.hex(of: bytes),
                           encoding: encoding, format: format, text: text)
    }
}
