import EduwhCore

/// What bulk loads learned about sites: per site (`SiteMetadata.siteName`), the lines that
/// stand in many of its files (its navigation bar, slogan, footer). No single page shows that
/// such a line is the site's and not the report's; the warehouse keeps them
/// (`site_template_line`), and Clean's verdict on a later file of that site is corrected by
/// `apply(to:)`, after the file's own labelling, which it does not change otherwise.
///
/// ```swift
/// let templates = SiteTemplates(["某某教育网": ["首页 | 工作总结 | 述职报告"]])
/// let cleaned = templates.apply(to: Cleaner.standard.clean(raw))
/// cleaned.lines.first { $0.rule == SiteTemplates.rule }?.label  // .noise
/// ```
public struct SiteTemplates: Sendable, Hashable {
    /// The rule id of a line labelled noise because it is one of its site's template lines.
    public static let rule = "site-template"

    /// The longest line (in characters) learned as a template line: templates are a site's
    /// short furniture, never its paragraphs.
    public static let maxLength = 80

    /// Template lines (trimmed text) by site name.
    public var linesBySite: [String: Set<String>]

    public init(_ linesBySite: [String: Set<String>] = [:]) {
        self.linesBySite = linesBySite
    }

    public var isEmpty: Bool { linesBySite.values.allSatisfy(\.isEmpty) }

    // MARK: - Learning

    /// Whether a line that repeats across many files of one site may be learned as that site's
    /// template. Lines that read as report content on any site never are, however often they
    /// repeat (a site of one school's reports repeats its headings and its closing sentence):
    /// - sentence-like lines: ending in 。！？；… , or long and holding clause punctuation;
    /// - enumerated headings: 一、  (一)  1.  1、  第一章 / 第3部分 / 第二篇;
    /// - lines of years or dates only (2012年, 2013年5月, 2012-05-12);
    /// - a line over `maxLength` characters, or blank.
    public static func isLearnable(_ text: String) -> Bool {
        isLearnable(line: ScannedLine(number: 1, raw: Substring(text)))
    }

    /// The same for a scanned line (the line model reads it as a feature of every short line).
    static func isLearnable(line: ScannedLine) -> Bool {
        let shape = line.shape
        guard shape.length > 0, line.text.unicodeScalars.count <= maxLength else { return false }
        if shape.endsSentence { return false }
        // Long with clauses: prose even without its full stop (a sentence cut by the page).
        if shape.length >= 25, shape.punctuation >= 2 { return false }
        if line.isListHeading || isNumberedPart(line.text) { return false }
        if line.isDateOnly || isYearsOnly(line.text) { return false }
        return true
    }

    /// 第3章, 第12部分, 第二篇, (第一部分): a part of the report, numbered in digits or numerals.
    static func isNumberedPart(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars.drop { $0 == "(" || $0 == "（" || $0 == "【" || $0 == "[" }
        guard scalars.first == "第" else { return false }
        scalars = scalars.dropFirst()
        let numerals = "一二三四五六七八九十百零〇两0123456789０１２３４５６７８９".unicodeScalars
        let count = scalars.prefix { numerals.contains($0) }.count
        guard count > 0, let unit = scalars.dropFirst(count).first else { return false }
        return "章节篇部条款讲期回".unicodeScalars.contains(unit)
    }

    /// A line of years only (2012年, 2012-2013学年 is not: it has a word): digits, the year and
    /// month characters and separators.
    static func isYearsOnly(_ text: String) -> Bool {
        let allowed = "0123456789０１２３４５６７８９年月日-—－~～至/.．、 　".unicodeScalars
        let scalars = text.unicodeScalars
        return scalars.contains { ("0"..."9").contains($0) } && scalars.allSatisfy { allowed.contains($0) }
    }

    // MARK: - Applying

    /// The rules of Clean's verdicts a template may overturn: a head line taken for a title or
    /// for text by its place alone, a short sentence after the last paragraph. A line Clean
    /// recognised as the report's (a signature, a speaker, a greeting, a heading, a document
    /// number, a table row, a line rule's body) stays, even when every report of a site repeats
    /// it: a county bureau's site signs each of its reports with its own name.
    public static let overturnedRules: Set<String> = [
        "title-heading", "title-subtitle", "collection-title-only", "head-body", "tail-sentence",
    ]

    /// The file with each document's template lines relabelled noise (rule `site-template`):
    /// a title or body line in the document's head or tail (before the first or after the last
    /// line the labeller placed in the body, `body-paragraph` or `body-line`), decided by one of
    /// `overturnedRules`, whose text is a template line of the document's site. Metadata lines
    /// stay metadata. A document's only
    /// title stays (a site whose reports share one title keeps it), and a document none of whose
    /// body lines would be left is not touched. Titles are re-read from the lines that remain.
    public func apply(to file: CleanedFile) -> CleanedFile {
        guard !isEmpty else { return file }
        var relabelled: [Int: Int] = [:]  // line number → document index, of the lines turned noise
        var documents = file.documents
        for k in documents.indices {
            guard let site = documents[k].metadata.siteName, let lines = linesBySite[site], !lines.isEmpty else {
                continue
            }
            let hits = templateLines(of: documents[k], among: lines)
            guard !hits.isEmpty else { continue }
            for i in hits {
                documents[k].lines[i].label = .noise
                documents[k].lines[i].rule = Self.rule
                relabelled[documents[k].lines[i].number] = documents[k].index
            }
            documents[k].title =
                documents[k].lines.lazy.filter { $0.label == .title }
                .compactMap { Cleaner.titleText($0.text) }.first
        }
        guard !relabelled.isEmpty else { return file }
        var lines = file.lines
        for i in lines.indices where relabelled[lines[i].number] == lines[i].document {
            lines[i].label = .noise
            lines[i].rule = Self.rule
        }
        return CleanedFile(lines: lines, documents: documents)
    }

    /// Indices (into `document.lines`) of the head and tail lines to relabel.
    private func templateLines(of document: CleanDocument, among templates: Set<String>) -> [Int] {
        let lines = document.lines
        let inBody = { (line: LabeledLine) in line.rule == "body-paragraph" || line.rule == "body-line" }
        let first = lines.firstIndex(where: inBody)
        let last = lines.lastIndex(where: inBody)
        var hits: [Int] = []
        for i in lines.indices {
            if let first, let last, i >= first, i <= last { continue }
            let line = lines[i]
            guard line.label == .body || line.label == .title, Self.overturnedRules.contains(line.rule),
                templates.contains(line.text)
            else { continue }
            hits.append(i)
        }
        // The document's only title is its title, even if the site's other reports share it.
        let titles = lines.indices.filter { lines[$0].label == .title }
        if titles.allSatisfy(hits.contains) { hits.removeAll { lines[$0].label == .title && $0 == titles.first } }
        // Never leave a report without the body it had.
        let body = lines.indices.filter { lines[$0].label == .body }
        if !body.isEmpty, body.allSatisfy(hits.contains) { return [] }
        return hits
    }
}
