/// One logical report found in a raw file: the Clean stage's output per document.
///
/// A scraped file can hold several reports glued together; each becomes one `CleanDocument`
/// with its own title, lines and site metadata.
///
/// ```swift
/// let cleaned = Cleaner.standard.clean(raw)
/// cleaned.documents[0].title      // "推进教育均衡发展  办人民满意的教育"
/// cleaned.documents[0].bodyText   // the report without site noise
/// ```
public struct CleanDocument: Sendable, Hashable {
    /// 1-based index of this document within its file.
    public var index: Int
    /// The title (the first title line, or lines joined), if the document has one.
    public var title: String?
    /// Every non-blank line that belongs to this document, noise included, in file order.
    public var lines: [LabeledLine]
    /// Site metadata parsed from this document's `M` lines.
    public var metadata: SiteMetadata

    public init(index: Int, title: String?, lines: [LabeledLine], metadata: SiteMetadata) {
        self.index = index
        self.title = title
        self.lines = lines
        self.metadata = metadata
    }

    /// Title and body lines: the text a reader wants, in order.
    public var keptLines: [LabeledLine] { lines.filter { $0.label.isKept } }
    /// Body lines only.
    public var bodyLines: [LabeledLine] { lines.filter { $0.label == .body } }
    /// Body lines joined by newlines.
    public var bodyText: String { bodyLines.map(\.text).joined(separator: "\n") }
}

/// Attributes a scraping site wrote around the report, kept for `dim_document`.
public struct SiteMetadata: Sendable, Hashable, Codable {
    /// Publish date or date-time as written, normalised to `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    public var publishedAt: String?
    public var author: String?
    /// Word count the site states (字数), when given.
    public var wordCount: Int?
    /// The source site's name as it stands (来源:…, or the breadcrumb's first element).
    public var sourceSite: String?
    /// Breadcrumb path elements (当前位置: A > B > C), without the 当前位置 prefix.
    public var breadcrumb: [String]

    public init(
        publishedAt: String? = nil, author: String? = nil, wordCount: Int? = nil, sourceSite: String? = nil,
        breadcrumb: [String] = []
    ) {
        self.publishedAt = publishedAt
        self.author = author
        self.wordCount = wordCount
        self.sourceSite = sourceSite
        self.breadcrumb = breadcrumb
    }

    /// The year of the publication date (2016-03-02 08:05 → 2016), if it is one of `YearSpan.known`.
    ///
    /// ```swift
    /// SiteMetadata(publishedAt: "2016-03-02 08:05").publishedYear  // 2016
    /// ```
    public var publishedYear: Int? {
        guard let date = publishedAt else { return nil }
        let digits = date.prefix { ("0"..."9").contains($0) }
        guard digits.count == 4, let year = Int(digits), YearSpan.known.contains(year) else { return nil }
        return year
    }

    /// The site the report was scraped from, as `dim_site` names it: the source site, or else
    /// the breadcrumb's root; nil when the page names neither (or names an empty source).
    public var siteName: String? {
        guard let name = sourceSite ?? breadcrumb.first, !name.isEmpty else { return nil }
        return name
    }
}

/// The whole Clean verdict on one raw file: every non-blank line labelled, and the documents.
public struct CleanedFile: Sendable, Hashable {
    /// Every non-blank raw line in file order, each with its label, rule and document index.
    public var lines: [LabeledLine]
    /// The logical documents, in file order (at least one when the file has any kept line).
    public var documents: [CleanDocument]

    public init(lines: [LabeledLine], documents: [CleanDocument]) {
        self.lines = lines
        self.documents = documents
    }
}
