import EduwhCore

/// One clean paragraph that matched a search, with where it stands and where the hits are.
///
/// ```swift
/// hit.snippet(open: "[", close: "]") // "…区财政投入，新建[校舍]4万平方米，改造…"
/// ```
public struct SearchHit: Sendable, Hashable {
    /// doc_paragraph.paragraph_id (the rowid of search_paragraph).
    public var paragraphID: Int64
    /// dim_document.document_id of the report the paragraph is in.
    public var documentID: Int64
    /// 1-based line of the raw file.
    public var lineNumber: Int
    /// The whole paragraph.
    public var text: String
    /// The report's title.
    public var title: String?
    /// Path of the file the report was loaded from.
    public var sourcePath: String
    /// Kind of report (述职报告, 工作总结 …).
    public var reportKind: String
    /// Name of the region the report is about, if resolved.
    public var region: String?
    /// Reference year of the report, if known.
    public var year: Int?
    /// FTS5 bm25 score: lower is a better match.
    public var score: Double
    /// Hits as unicode-scalar offset ranges into `text`, sorted.
    public var hits: [Range<Int>]

    /// A window of `text` around the first hit: `before` characters ahead of it, `width`
    /// characters in all, every hit inside wrapped in `open`/`close`, "…" where text was cut.
    public func snippet(before: Int = 10, width: Int = 36, open: String = "[", close: String = "]") -> String {
        let scalars = text.scalarArray
        guard let first = hits.first else {
            return String(scalars: scalars.prefix(width)) + (scalars.count > width ? "…" : "")
        }
        var start = max(0, first.lowerBound - before)
        var end = min(scalars.count, max(start + width, first.upperBound))
        if end - start < width { start = max(0, end - width) }
        end = min(scalars.count, max(end, first.upperBound))
        // A hit that starts inside the window is shown whole.
        for hit in hits where hit.lowerBound < end && hit.upperBound > end { end = hit.upperBound }
        var out = start > 0 ? "…" : ""
        var position = start
        for hit in hits where hit.lowerBound < end && hit.upperBound > start {
            let lower = max(hit.lowerBound, start)
            let upper = min(hit.upperBound, end)
            out += String(scalars: scalars[position..<lower])
            out += open + String(scalars: scalars[lower..<upper]) + close
            position = upper
        }
        out += String(scalars: scalars[position..<end])
        if end < scalars.count { out += "…" }
        return out
    }
}
