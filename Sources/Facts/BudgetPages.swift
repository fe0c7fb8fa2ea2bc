import EduwhCore
import Normalize

/// Finds the pages that present a year's budget (部门预算, 收支预算, 三公经费预算) or final accounts
/// (部门决算), the year the budget is for, and which of a budget's columns a figure stands in
/// (预算数 or 决算数), by words kept as data in `rules/facts/budget-pages.tsv`.
///
/// The title lines are read first, then the first `openingLines` body lines that look like a
/// document's own heading or opening (short with no sentence end, or announcing what follows:
/// 现将…说明如下; not a news item's sentence that mentions a budget); the first
/// line holding a `budget` or `final` page word decides. The budget year is the last year mention on
/// that line before the word (2024年县教育局部门预算 → 2024), else the page's reference year.
///
/// When no title or opening line names one, the page's structure may: the budget's or the accounts'
/// table headers and notes words (`structure` rows: 预算数, 一般公共预算拨款, 收入总计, 功能分类科目,
/// 三公经费, a 单位：万元 line) anywhere in its first `screenLines` kept lines, at least
/// `structureMinimum` different ones (`structuralPage`).
///
/// ```swift
/// let pages = BudgetPages.standard
/// pages.page(in: "县教育局部门预算说明", years: [], referenceYear: 2024)?.year  // 2024
/// let line = Array("2023年决算数为11640万元".unicodeScalars)
/// pages.column(in: line, from: 0, to: 12)?.kind  // .final
/// ```
public struct BudgetPages: Sendable {
    /// The page words and the column words, each word's payload indexing `entries`.
    private let pageTrie: WordTrie
    private let columnTrie: WordTrie
    private let structureTrie: WordTrie
    private let carryTrie: WordTrie
    /// Each word's kind (nil for a `none` or `either` word) and rule id, indexed by the tries' payloads.
    private let entries: [(kind: BudgetPage.Kind?, rule: String)]
    /// The structure words that lean neither way (`either`: 收入总计 heads a budget and an account alike).
    private let eitherEntries: Set<Int>
    /// The id of the first `structure` row of each kind: the lineage of a page its structure found.
    private let structureRules: [BudgetPage.Kind: String]
    /// How many kept lines from the top the structure words are looked for in (a table printed one
    /// cell a line spends a line on each header).
    public static let screenLines = 60
    /// How many different structure words make a page a budget's or an account's.
    public static let structureMinimum = 3
    /// How many body lines from the top are read when the title says nothing.
    public static let openingLines = 6
    /// Longest opening body line read without 如下 in it: a heading, not a paragraph that mentions a budget.
    public static let openingLength = 60

    public static let standard = RuleTable.shipped(
        "rules/facts/budget-pages.tsv", in: EmbeddedFiles.files,
        required: ["id", "scope", "kind", "words"], BudgetPages.init(table:))

    public init(table: RuleTable) throws(RuleTableError) {
        var pages: [String: [Int]] = [:]
        var columns: [String: [Int]] = [:]
        var structures: [String: [Int]] = [:]
        var carries: [String: [Int]] = [:]
        var entries: [(BudgetPage.Kind?, String)] = []
        var either: Set<Int> = []
        var structureRules: [BudgetPage.Kind: String] = [:]
        for row in table.rows {
            let kind: BudgetPage.Kind?
            switch (row["kind"], row["scope"]) {
            case ("budget", _): kind = .budget
            case ("final", _): kind = .final
            case ("none", _): kind = nil
            case ("either", "structure"):
                kind = nil
                either.insert(entries.count)
            default:
                throw RuleTableError(
                    file: table.name, line: row.line,
                    reason: "kind must be budget, final or none (or either, for a structure word)")
            }
            if row["scope"] == "structure", let kind, structureRules[kind] == nil { structureRules[kind] = row["id"] }
            entries.append((kind, row["id"]))
            for word in row["words"].split(separator: "|") {
                switch row["scope"] {
                case "page": pages[String(word)] = [entries.count - 1]
                case "column": columns[String(word)] = [entries.count - 1]
                case "structure": structures[String(word)] = [entries.count - 1]
                case "carry": carries[String(word)] = [entries.count - 1]
                default:
                    throw RuleTableError(
                        file: table.name, line: row.line, reason: "scope must be page, column, structure or carry")
                }
            }
        }
        self.entries = entries
        eitherEntries = either
        self.structureRules = structureRules
        pageTrie = WordTrie(pages)
        columnTrie = WordTrie(columns)
        structureTrie = WordTrie(structures)
        carryTrie = WordTrie(carries)
    }

    /// The budget page `document` is, if any; `years` are its year mentions by line number.
    public func page(
        _ document: CleanDocument, years: [Int: [YearMention]], referenceYear: Int?
    ) -> BudgetPage? {
        let titles = document.lines.filter { $0.label == .title }
        let opening = document.bodyLines.prefix(Self.openingLines).filter { line in
            let ends = line.text.unicodeScalars.last.map { "。！？!?".unicodeScalars.contains($0) } ?? false
            return line.text.includes("如下") || !ends && line.text.scalarCount <= Self.openingLength
        }
        for line in titles + opening {
            if let page = page(in: line.text, years: years[line.number] ?? [], referenceYear: referenceYear) {
                return page
            }
        }
        return structuralPage(document, years: years, referenceYear: referenceYear)
    }

    /// The budget page one line announces, dated by `years` (the line's mentions) or `referenceYear`.
    public func page(in text: String, years: [YearMention], referenceYear: Int?) -> BudgetPage? {
        let scalars = text.simplifiedScalars
        for match in pageTrie.matches(in: scalars) {
            let entry = entries[match.payload[0]]
            guard let kind = entry.kind else { continue }
            let year = years.last { $0.offset < match.start && $0.from != nil && $0.from == $0.to }?.from
            return BudgetPage(
                kind: kind, year: year ?? referenceYear, rule: entry.rule,
                word: String(scalars: scalars[match.start..<match.end]))
        }
        return nil
    }

    /// The budget or accounts page `document`'s structure shows, if any: at least `structureMinimum`
    /// different `structure` words in its first `screenLines` kept lines (title, headings, body, a
    /// table's cells), an account's when more of them lean to the accounts (决算数) than to the budget.
    /// Its year is the first single year written on a line before such a word or a page word
    /// (2023年财政拨款收支总预算, 中华民国八十六年度 单位:新台币千元) or in a table's caption
    /// (111年度經費來源及支出對照表), else `referenceYear`.
    func structuralPage(_ document: CleanDocument, years: [Int: [YearMention]], referenceYear: Int?) -> BudgetPage? {
        var found: [String] = []
        var kinds: [BudgetPage.Kind] = []
        var year: Int?
        for line in document.lines.filter({ $0.label.isKept }).prefix(Self.screenLines) {
            let scalars = line.text.simplifiedScalars
            let marks = structureTrie.matches(in: scalars).filter {
                entries[$0.payload[0]].kind != nil || eitherEntries.contains($0.payload[0])
            }
            for mark in marks {
                let word = String(scalars: scalars[mark.start..<mark.end])
                guard !found.contains(word) else { continue }
                found.append(word)
                if let kind = entries[mark.payload[0]].kind { kinds.append(kind) }
            }
            if year == nil {
                year = Self.captionYear(
                    scalars, marks: marks + pageTrie.matches(in: scalars), years: years[line.number] ?? [])
            }
        }
        guard found.count >= Self.structureMinimum else { return nil }
        let finals = kinds.filter { $0 == .final }.count
        let kind: BudgetPage.Kind = finals * 2 > kinds.count ? .final : .budget
        guard let rule = structureRules[kind] else { return nil }
        return BudgetPage(
            kind: kind, year: year ?? referenceYear, rule: rule, word: found.prefix(3).joined(separator: "+"))
    }

    /// The year a line gives a budget's table or notes: the last single year before the first of
    /// `marks` (the line's structure and page words), or the last one of a table's caption (a short
    /// line ending in 表).
    static func captionYear(_ scalars: [Unicode.Scalar], marks: [WordTrie.Match], years: [YearMention]) -> Int? {
        let single = years.filter { $0.from != nil && $0.from == $0.to }
        if let first = marks.map(\.start).min(), let year = single.last(where: { $0.offset < first }) {
            return year.from
        }
        let end = (scalars.lastIndex { !Self.cellEnds.contains($0) } ?? -1) + 1
        guard end > 0, end <= Self.captionLength, scalars[end - 1] == "表" else { return nil }
        return single.last?.from
    }

    /// Longest line read as a table's caption.
    static let captionLength = 40
    /// What a flattened table's cell ends in besides its text (` |`).
    static let cellEnds: Set<Unicode.Scalar> = [" ", "\t", "\u{3000}", "|"]

    /// The carry-over word in `scalars[range]` (a figure's clause), with its rule id: last year's
    /// balance carried into the budget (上年结转结余 23,067.24 元) is a line of the budget year's
    /// income, not last year's figure.
    public func carryOver(in scalars: [Unicode.Scalar], range: Range<Int>) -> (rule: String, word: String)? {
        guard range.lowerBound < range.upperBound, range.upperBound <= scalars.count,
            let found = carryTrie.matches(in: scalars, range: range).first
        else { return nil }
        return (entries[found.payload[0]].rule, String(scalars: scalars[found.start..<found.end]))
    }

    /// The column a figure at `end` stands in: the last column word in `scalars[start..<end]` (the
    /// figure's clause before it), with its rule id and the word. A word after a comparison mark
    /// (比上年执行数增加…) names the base compared with, not the figure's column: it is skipped.
    public func column(in scalars: [Unicode.Scalar], from start: Int, to end: Int)
        -> (kind: BudgetPage.Kind, rule: String, word: String)?
    {
        guard start < end, end <= scalars.count else { return nil }
        let limit = (start..<end).last { Self.comparisonMarks.contains(scalars[$0]) } ?? end
        guard let found = columnTrie.matches(in: scalars, range: start..<limit).last,
            let kind = entries[found.payload[0]].kind
        else { return nil }
        return (kind, entries[found.payload[0]].rule, String(scalars: scalars[found.start..<found.end]))
    }

    /// Marks of a comparison (比上年, 较2023年): a column word after one names the base.
    static let comparisonMarks: Set<Unicode.Scalar> = ["比", "较"]
}
