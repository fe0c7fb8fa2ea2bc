import EduwhCore

/// Reads a file from disk and decodes it into a `RawDocument`: the Ingest stage.
///
/// Detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030/GBK, BIG5), rejects
/// empty, binary, unreadable, oversized, undecodable and textless files with an `IngestError`
/// naming the reason, reduces `.html`/`.htm` pages to visible text (and finds which of its lines
/// are the article, `HTMLArticleFinder`), turns CRLF/CR into LF and
/// keeps every other character and line as decoded (gold line numbers count raw lines).
///
/// ```swift
/// let raw = try Ingestor().read(path: "imports/000_2aee6a9319702955.txt")
/// raw.encoding   // .utf8
/// raw.lines[0]   // "履行基础教育职责述职报告"
/// ```
public struct Ingestor: Sendable {
    /// Thresholds: size limit, binary and decoding tolerances.
    public var settings: IngestSettings

    /// An ingestor with the given thresholds (`IngestSettings.standard` by default).
    public init(settings: IngestSettings = .standard) {
        self.settings = settings
    }

    /// File name extensions the loader picks up from a drop folder.
    public static let supportedExtensions: Set<String> = ["txt", "text", "htm", "html"]

    /// Reads and decodes the file at `path`; `displayPath` is what errors and rows name.
    public func read(path: String, displayPath: String? = nil) throws(IngestError) -> RawDocument {
        let shown = displayPath ?? path
        let bytes = try FileBytesReader.read(path: path, shownAs: shown, maxBytes: settings.maxFileBytes)
        return try decode(bytes: bytes, path: shown)
    }

    /// Reads the file at `fileSystemPath` (raw bytes: a name need not be UTF-8) and decodes it;
    /// `displayPath` is what errors and rows name. Without `followingLinks`, a path whose last
    /// component is a symbolic link is refused (the drop folder's policy decided on links before).
    public func read(fileSystemPath: [UInt8], displayPath: String, followingLinks: Bool = true) throws(IngestError)
        -> RawDocument
    {
        let bytes = try FileBytesReader.read(
            path: fileSystemPath, shownAs: displayPath, maxBytes: settings.maxFileBytes,
            followingLinks: followingLinks)
        return try decode(bytes: bytes, path: displayPath)
    }

    /// Decodes bytes already in memory; `path` decides the format (`.html`/`.htm` are HTML) and
    /// is what errors name.
    public func decode(bytes: [UInt8], path: String) throws(IngestError) -> RawDocument {
        guard !bytes.isEmpty else { throw IngestError(path: path, reason: .empty, detail: "the file has 0 bytes") }
        guard bytes.count <= settings.maxFileBytes else {
            throw IngestError(
                path: path, reason: .tooLarge,
                detail: "\(bytes.count) bytes, over the limit of \(settings.maxFileBytes) bytes")
        }
        if let signature = BinarySignature.match(bytes[...]) {
            throw IngestError(
                path: path, reason: .binary, detail: "a \(signature.name), not text (recognised by its first bytes)")
        }
        let format = Self.format(ofPath: path)
        let declared =
            format == .html ? HTMLCharsetSniffer.declaredEncoding(in: bytes.prefix(settings.charsetSniffBytes)) : nil
        let decoded = try EncodingDetector(settings: settings).decode(bytes, path: path, declared: declared)

        var text = LineBreaks.normalized(decoded.text)
        var outsideArticle: Set<Int> = []
        var outsideRules: [Int: String] = [:]
        if format == .html {
            let page = text
            text = HTMLTextExtractor.visibleText(of: page)
            let outside = HTMLArticleFinder(settings: settings.article).outsideLines(html: page, visibleText: text)
            outsideArticle = Set(outside.keys)
            for (line, decision) in outside where decision != .outsideBlock { outsideRules[line] = decision.rule }
        }
        guard Self.hasVisibleText(text) else {
            let what =
                format == .html
                ? "the page has no visible text outside markup, scripts and styles"
                : "the file holds only whitespace or invisible characters"
            throw IngestError(path: path, reason: .noText, detail: "\(what) (decoded as \(decoded.encoding.rawValue))")
        }
        return RawDocument(
            path: path, byteCount: bytes.count, sha256: SHA256Digest.hex(of: bytes),
            encoding: decoded.encoding, format: format, text: text, notes: decoded.notes,
            outsideArticle: outsideArticle, outsideArticleRules: outsideRules)
    }

    /// `raw` with its lines over `settings.maxLineBytes` broken after a sentence end
    /// (`LongLines`) and a note saying so; `raw` itself when no line is that long. The loader
    /// applies it before Clean, which works line by line (a 20 MB line took 137 s to load).
    ///
    /// ```swift
    /// let raw = Ingestor().breakingLongLines(try Ingestor().read(path: "one-line.txt"))
    /// ```
    public func breakingLongLines(_ raw: RawDocument) -> RawDocument {
        let (text, breaks) = LongLines.split(raw.text, maxBytes: settings.maxLineBytes)
        guard breaks > 0 else { return raw }
        var broken = raw
        broken.text = text
        // The article finder numbered the lines before the breaks: its choice no longer fits them.
        broken.outsideArticle = []
        broken.outsideArticleRules = [:]
        broken.notes.append(
            "\(breaks) line break\(breaks == 1 ? "" : "s") added to lines over \(settings.maxLineBytes) bytes (later line numbers shift)"
        )
        return broken
    }

    /// `.html` for `.html`/`.htm` paths, `.text` otherwise.
    public static func format(ofPath path: String) -> SourceFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .text
    }

    /// Whether `text` has a character that shows: not whitespace, a control or a format
    /// character (zero-width spaces, byte-order marks).
    static func hasVisibleText(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.value > 0x20, scalar.value < 0x7F { return true }
            if scalar.value < 0xA0 { continue }
            let properties = scalar.properties
            if properties.isWhitespace { continue }
            switch properties.generalCategory {
            case .format, .control, .unassigned, .surrogate: continue
            default: return true
            }
        }
        return false
    }
}
