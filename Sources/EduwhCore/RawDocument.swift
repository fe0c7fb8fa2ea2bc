/// A file read from the drop folder and decoded to text: the Ingest stage's output.
///
/// ```swift
/// let raw = try Ingestor().read(path: "imports/000_2aee6a9319702955.txt")
/// raw.encoding   // .utf8
/// raw.lines[0]   // "履行基础教育职责述职报告"
/// ```
public struct RawDocument: Sendable, Hashable {
    /// Path as given to the loader (relative to the drop folder when loaded from one).
    public var path: String
    /// Size of the file in bytes.
    public var byteCount: Int
    /// Lower-case hex SHA-256 of the file's bytes: the content identity used by the warehouse.
    public var sha256: String
    /// The encoding the bytes were decoded from.
    public var encoding: TextEncoding
    /// Whether the file was plain text or HTML (HTML has been reduced to visible text).
    public var format: SourceFormat
    /// Decoded text. Line breaks are `\n`; for HTML, one line per block element.
    public var text: String
    /// What Ingest repaired or doubted on the way, one sentence each ("dropped 2 bytes of an
    /// incomplete character at the end …"); empty for a clean file.
    public var notes: [String]
    /// For HTML: the numbers (1-based, as `lines` counts them) of the lines Ingest found outside
    /// the page's article (menus, sidebars, related lists, comments, footers). Clean labels them
    /// noise with rule `html-outside-article`. Empty for text files and when no article was found.
    public var outsideArticle: Set<Int>
    /// For lines of `outsideArticle` left out for a more particular reason than lying outside
    /// the article's block, the rule naming it (`html-boilerplate-block`, `html-link-line`,
    /// `html-repeated-lead`, `html-image-credit`); Clean labels them with it.
    public var outsideArticleRules: [Int: String]

    public init(
        path: String, byteCount: Int, sha256: String, encoding: TextEncoding, format: SourceFormat, text: String,
        notes: [String] = [], outsideArticle: Set<Int> = [], outsideArticleRules: [Int: String] = [:]
    ) {
        self.path = path
        self.byteCount = byteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.format = format
        self.text = text
        self.notes = notes
        self.outsideArticle = outsideArticle
        self.outsideArticleRules = outsideArticleRules
    }

    /// The raw lines, numbered from 1 the way `sed -n Np` counts them (blank lines included).
    /// `\r\n` and lone `\r` count as one break.
    public var lines: [String] { RawDocument.splitLines(text) }

    /// Splits text into lines the way the gold files count them.
    public static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if previousWasCR {
                    previousWasCR = false
                    continue
                }
                lines.append(current)
                current = ""
            case "\r":
                lines.append(current)
                current = ""
                previousWasCR = true
                continue
            default:
                current.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Text encodings the Ingest stage recognises.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case gb18030 = "gb18030"
    case big5 = "big5"
}

/// The kind of file a document came from.
public enum SourceFormat: String, Sendable, Hashable, Codable {
    case text
    case html
}
