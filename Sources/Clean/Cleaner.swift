import EduwhCore
import Foundation

/// Labels every non-blank line of a raw file T/M/B/N and splits the file into logical
/// documents: the Clean stage.
///
/// How a line is decided, in order:
/// 1. The file's body paragraphs are found first: long lines with sentence punctuation that no
///    line rule claims. They divide each report into a head (before its first paragraph), a
///    body and a tail (after its last paragraph).
/// 2. Split cues (`split-cues.tsv`) find where glued reports start.
/// 3. In each report, a tail line that closes the speech or signs it stays body; then the line
///    rules (`rules/clean/*.tsv`, user rules first) are tried, the first that holds decides;
///    lines after a `rest` rule (paywall, related-articles heading) are noise.
/// 4. Otherwise the zone decides: titles, speaker lines and headings in the head; body in the
///    body; short unpunctuated leftovers in the tail are noise. Copies of a title are noise.
///
/// Rules are data (`rules/clean/*.tsv`, format in `10-navigation.tsv`), written in simplified
/// script; traditional-script pages match them through the lexicon's character folding.
/// Thresholds are in `CleanSettings`. Users add rule tables without recompiling:
/// `Cleaner(extraRulesDirectory:)` (`eduwh clean --rules DIR`).
///
/// ```swift
/// let cleaned = Cleaner.standard.clean(raw)
/// cleaned.lines.first?.label    // .title
/// cleaned.documents.count       // 4 for a file with four glued reports
/// ```
public struct Cleaner: Sendable {
    /// The cleaner with the rule tables shipped in `rules/clean/`.
    public static let standard = Cleaner()

    /// The rules applied.
    public var rules: CleanRules
    /// The thresholds applied.
    public var settings: CleanSettings
    /// The learned model that may relabel a line the rules decided, where it is sure
    /// (`LineModel`); nil: the rules alone.
    public var lineModel: LineModel?
    /// The title chooser's weights (`rules/clean/title-scores.tsv`).
    public var titleScores: TitleScores = .standard

    /// A cleaner with the given rules, thresholds and line model (by default the shipped one,
    /// `rules/clean/line-model.tsv`, when there is one).
    public init(
        rules: CleanRules = .standard, settings: CleanSettings = CleanSettings(),
        lineModel: LineModel? = LineModel.standard
    ) {
        self.rules = rules
        self.settings = settings
        self.lineModel = lineModel
    }

    /// A cleaner with the shipped rules plus every `*.tsv` rule table in `extraRulesDirectory`
    /// (tried before the shipped ones). A bad table is reported as `file:line: reason`.
    ///
    /// ```swift
    /// let cleaner = try Cleaner(extraRulesDirectory: "site-rules")
    /// ```
    public init(extraRulesDirectory: String, settings: CleanSettings = CleanSettings()) throws(RuleTableError) {
        self.init(rules: try CleanRules.standard.addingTables(inDirectory: extraRulesDirectory), settings: settings)
    }

    /// Labels each non-blank line and groups lines into documents.
    public func clean(_ raw: RawDocument) -> CleanedFile {
        clean(text: raw.text, outsideArticle: raw.outsideArticle, outsideArticleRules: raw.outsideArticleRules)
    }

    /// Rule id of lines Ingest found outside an HTML page's article (`RawDocument.outsideArticle`).
    public static let outsideArticleRule = "html-outside-article"

    /// Rule id of an HTML article's paragraph kept because it opens with a news dateline.
    public static let articleDatelineRule = "html-article-dateline"

    /// Whether `text` opens with a news dateline: a source of up to 8 characters ending in 讯
    /// (本站讯, 本报讯, 新华网讯) followed by a space or a colon.
    static func opensWithDateline(_ text: String) -> Bool {
        let head = Array(text.unicodeScalars.prefix(11))
        guard let mark = head.firstIndex(of: "讯"), mark >= 1, mark + 1 < head.count else { return false }
        return " 　：:".unicodeScalars.contains(head[mark + 1]) || head[mark + 1] == "\u{A0}"
    }

    /// Labels each non-blank line of decoded text and groups lines into documents.
    ///
    /// Lines in `outsideArticle` (an HTML page's menus, sidebars, related lists, footers) take no
    /// part in the labelling: they are noise (`html-outside-article`), except site metadata lines
    /// above the article (a breadcrumb naming the site, publish time), which stay metadata.
    /// `outsideArticleRules` names a more particular rule for some of them
    /// (`RawDocument.outsideArticleRules`).
    public func clean(text: String, outsideArticle: Set<Int> = [], outsideArticleRules: [Int: String] = [:])
        -> CleanedFile
    {
        var lines = ScannedLine.scan(text, folding: rules.folding)
        var outside: [LabeledLine] = []
        if !outsideArticle.isEmpty, lines.contains(where: { !outsideArticle.contains($0.number) }) {
            let firstInside = lines.first { !outsideArticle.contains($0.number) }!.number
            let outsideLines = lines.filter { outsideArticle.contains($0.number) }
            lines.removeAll { outsideArticle.contains($0.number) }
            let evaluator = LineEvaluator(lines: outsideLines, rules: rules)
            outside = outsideLines.indices.map { i in
                let line = outsideLines[i]
                if line.number < firstInside,
                    let rule = evaluator.firstRule(at: i, zone: nil, within: i..<i + 1, zoneOf: { _ in .body }),
                    rule.label == .metadata,
                    !rule.id.hasPrefix("breadcrumb") || MetadataParser(rules: rules).breadcrumbNamesSite(line.text)
                {
                    return LabeledLine(
                        number: line.number, text: line.text, label: .metadata, rule: rule.id, document: 0)
                }
                return LabeledLine(
                    number: line.number, text: line.text, label: .noise,
                    rule: outsideArticleRules[line.number] ?? Self.outsideArticleRule, document: 0)
            }
        }
        guard !lines.isEmpty else { return CleanedFile(lines: [], documents: []) }
        let inside = labelInside(lines)
        var labeled = inside.labeled
        if let lineModel {
            let extractor = LineFeatures(
                space: lineModel.space, rules: rules, pageFeatures: lineModel.pageFeatures, blind: lineModel.blind)
            let features = extractor.features(
                lines: lines, labeled: labeled, paragraph: inside.paragraph, segments: inside.segments)
            lineModel.revise(&labeled, features: features)
        }
        if !outside.isEmpty {
            // In an HTML article, a paragraph opening with a news dateline (本站讯 …) is the
            // article's first paragraph, whatever a rule about the site (本站) says.
            let byNumber = Dictionary(uniqueKeysWithValues: lines.map { ($0.number, $0) })
            for k in labeled.indices where labeled[k].label == .noise && Self.opensWithDateline(labeled[k].text) {
                if let shape = byNumber[labeled[k].number]?.shape, shape.length >= settings.paragraphMinLength,
                    shape.punctuation >= settings.paragraphMinPunctuation
                {
                    labeled[k].label = .body
                    labeled[k].rule = Self.articleDatelineRule
                }
            }
            labeled = (labeled + outside).sorted { $0.number < $1.number }
        }
        assignNearestDocuments(&labeled)
        return CleanedFile(lines: labeled, documents: documents(from: labeled))
    }

    /// The rules' labels of an article's lines, with what the line model reads beside them.
    struct InsideLabels {
        var labeled: [LabeledLine]
        /// Per line: a body paragraph (it anchors the head/body/tail zones).
        var paragraph: [Bool]
        /// The glued reports' line ranges.
        var segments: [Range<Int>]
    }

    /// Labels lines by the rules alone: paragraphs, split cues, then each report's lines.
    func labelInside(_ lines: [ScannedLine]) -> InsideLabels {
        // 1. Which lines a rule claims regardless of zone, and which are body paragraphs.
        let evaluator = LineEvaluator(lines: lines, rules: rules)
        let claims: [LineLabel?] = lines.indices.map { i in
            evaluator.firstRule(at: i, zone: nil, within: i..<i + 1, zoneOf: { _ in .body })?.label
        }
        let paragraph = lines.indices.map { i in
            claims[i] == nil && lines[i].shape.length >= settings.paragraphMinLength
                && lines[i].shape.punctuation >= settings.paragraphMinPunctuation
        }

        // 2. Where glued reports start.
        let splitter = DocumentSplitter(rules: rules, settings: settings)
        var starts = splitter.starts(evaluator, claims: claims, paragraph: paragraph)
        starts.append(lines.count)

        // 3–4. Label each report's lines.
        var labeled: [LabeledLine] = []
        labeled.reserveCapacity(lines.count)
        var fileTitles: [String] = []
        for k in 0..<(starts.count - 1) {
            let segment = starts[k]..<starts[k + 1]
            var labeler = SegmentLabeler(
                cleaner: self, evaluator: evaluator, segment: segment, paragraph: paragraph, fileTitles: fileTitles)
            labeled += labeler.label(document: k + 1)
            fileTitles += labeler.titles
        }
        let segments = (0..<(starts.count - 1)).map { starts[$0]..<starts[$0 + 1] }
        return InsideLabels(labeled: labeled, paragraph: paragraph, segments: segments)
    }

    /// Takes every non-blank line as body text of one document, with no cleaning (`--text`).
    public func uncleaned(_ raw: RawDocument, eachLine: Bool = false) -> CleanedFile {
        var labeled = ScannedLine.scan(raw.text).map {
            LabeledLine(number: $0.number, text: $0.text, label: .body, rule: LabeledLine.asTextRule, document: 1)
        }
        guard eachLine else {
            return CleanedFile(
                lines: labeled,
                documents: [CleanDocument(index: 1, title: nil, lines: labeled, metadata: SiteMetadata())])
        }
        // One sentence per line (test cases, lists of examples): every non-blank line is a document
        // of its own, so no line lends another its year, its ROC era or its section.
        var documents: [CleanDocument] = []
        for i in labeled.indices where !labeled[i].text.allSatisfy(\.isWhitespace) {
            labeled[i].document = documents.count + 1
            documents.append(
                CleanDocument(index: documents.count + 1, title: nil, lines: [labeled[i]], metadata: SiteMetadata()))
        }
        return CleanedFile(lines: labeled, documents: documents)
    }

    // MARK: - Documents

    /// Renumbers documents by their kept lines; a noise or metadata line outside every
    /// document's kept lines takes the number of the nearest one.
    private func assignNearestDocuments(_ labeled: inout [LabeledLine]) {
        var spans: [(doc: Int, first: Int, last: Int)] = []
        for line in labeled where line.label.isKept {
            if let last = spans.last, last.doc == line.document {
                spans[spans.count - 1].last = line.number
            } else {
                spans.append((line.document, line.number, line.number))
            }
        }
        guard !spans.isEmpty else {
            for i in labeled.indices { labeled[i].document = 1 }
            return
        }
        var renumber: [Int: Int] = [:]
        for (n, span) in spans.enumerated() where renumber[span.doc] == nil { renumber[span.doc] = n + 1 }
        for i in labeled.indices {
            let line = labeled[i]
            if line.label.isKept, let doc = renumber[line.document] {
                labeled[i].document = doc
                continue
            }
            if let own = spans.firstIndex(where: {
                $0.doc == line.document && $0.first <= line.number && line.number <= $0.last
            }) {
                labeled[i].document = renumber[spans[own].doc]!
                continue
            }
            // Outside kept lines: the nearest span; ties go to the later one before a
            // report, the earlier one after it.
            var best = 0
            var bestDistance = Int.max
            for (n, span) in spans.enumerated() {
                let distance = line.number < span.first ? span.first - line.number : line.number - span.last
                let sameDoc = span.doc == line.document
                if distance < bestDistance || (distance == bestDistance && sameDoc) {
                    best = n
                    bestDistance = distance
                }
            }
            labeled[i].document = renumber[spans[best].doc]!
        }
    }

    /// Groups lines into documents with their titles and metadata. In a file of glued reports,
    /// a report without metadata lines of its own takes the page's publish time, source site
    /// and breadcrumb from the first report that has them (not its author or word count).
    private func documents(from labeled: [LabeledLine]) -> [CleanDocument] {
        let parser = MetadataParser(rules: rules)
        var byDoc: [Int: [LabeledLine]] = [:]
        for line in labeled { byDoc[line.document, default: []].append(line) }
        var documents = byDoc.keys.sorted().map { index in
            let lines = byDoc[index]!
            let title = lines.lazy.filter { $0.label == .title }.compactMap { Self.titleText($0.text) }.first
            let metadata = parser.parse(lines.filter { $0.label == .metadata }.map(\.text))
            return CleanDocument(index: index, title: title, lines: lines, metadata: metadata)
        }
        if documents.count > 1, let page = documents.first(where: { $0.metadata != SiteMetadata() })?.metadata {
            for k in documents.indices where documents[k].metadata == SiteMetadata() {
                documents[k].metadata = SiteMetadata(
                    publishedAt: page.publishedAt, sourceSite: page.sourceSite, breadcrumb: page.breadcrumb)
            }
        }
        return documents
    }

    /// A title line without a piece marker in front (`篇1：基础教育工作的述职报告` → the rest);
    /// nil for a marker alone (【篇二】).
    static func titleText(_ text: String) -> String? {
        let scalars = text.scalarArray
        if scalars.count <= 8, text.contains("篇"),
            scalars.allSatisfy({ "【】[]（）()第篇一二三四五六七八九十0123456789０１２３４５６７８９ ：:、.．".unicodeScalars.contains($0) })
        {
            return nil
        }
        guard scalars.count > 3 else { return text }
        let head = String(scalars: scalars.prefix(8))
        guard head.hasPrefix("篇") || head.hasPrefix("第") || head.hasPrefix("【") || head.hasPrefix("[") else {
            return text
        }
        if let colon = scalars.prefix(10).firstIndex(where: { $0 == "：" || $0 == ":" || $0 == "】" || $0 == "]" }),
            colon + 1 < scalars.count
        {
            let rest = String(scalars: scalars[(colon + 1)...]).trimmingCharacters(in: .whitespaces)
            let lead = String(scalars: scalars[..<colon])
            if lead.contains("篇") && !rest.isEmpty {
                return rest.hasPrefix("：") || rest.hasPrefix(":") ? String(rest.dropFirst()) : rest
            }
        }
        return text
    }
}
