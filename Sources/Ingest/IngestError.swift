/// Why a file was refused by the Ingest stage. Recorded in `etl_reject` and printed as one line.
///
/// ```swift
/// IngestError(path: "imports/a.txt", reason: .binary, detail: "NUL byte at offset 12").description
/// // "imports/a.txt: rejected (binary): NUL byte at offset 12 — remove it from the drop folder or convert it to text"
/// ```
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Machine-readable reason, stored in `etl_reject.reason`.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The file has no bytes.
        case empty
        /// NUL bytes or other binary content.
        case binary
        /// The bytes decode as none of the supported encodings.
        case undecodable
        /// The file could not be opened or read (permissions, vanished, a loop of links).
        case unreadable
        /// The file is larger than the configured limit.
        case tooLarge = "too_large"
        /// Decoded, but no visible text was left.
        case noText = "no_text"
    }

    /// The file as the user named it (relative to the drop folder during a load).
    public var path: String
    /// Why the file was refused.
    public var reason: Reason
    /// Human-readable detail (offset of the bad byte, OS error …).
    public var detail: String

    /// An error for `path` with its reason and detail.
    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }

    /// What a user can do about it.
    public var advice: String {
        switch reason {
        case .empty, .noText: "nothing to load; remove it or re-scrape it"
        case .binary: "remove it from the drop folder or convert it to text"
        case .undecodable: "convert it to UTF-8 (iconv -f ENCODING -t UTF-8)"
        case .unreadable: "check that the file exists and is readable by this user"
        case .tooLarge: "split it, or raise --max-file-size"
        }
    }

    /// One line: path, reason, detail and advice.
    public var description: String { "\(path): rejected (\(reason.rawValue)): \(detail) — \(advice)" }
}
