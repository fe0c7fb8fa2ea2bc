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
    /// Each word's kind (nil for a `none` word) and rule id, indexed by the tries' payloads.
    private let entries: [(kind: BudgetPage.Kind?, rule: String)]
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
        var entries: [(BudgetPage.Kind?, String)] = []
        for row in table.rows {
            let kind: BudgetPage.Kind?
            switch row["kind"] {
            case "budget": kind = .budget
            case "final": kind = .final
            case "none": kind = nil
            default:
                throw RuleTableError(file: table.name, line: row.line, reason: "kind must be budget, final or none")
            }
            guard row["scope"] == "page" || row["scope"] == "column" else {
                throw RuleTableError(file: table.name, line: row.line, reason: "scope must be page or column")
            }
            entries.append((kind, row["id"]))
            for word in row["words"].split(separator: "|") {
                if row["scope"] == "page" {
                    pages[String(word)] = [entries.count - 1]
                } else {
                    columns[String(word)] = [entries.count - 1]
                }
            }
        }
        self.entries = entries
        pageTrie = WordTrie(pages)
        columnTrie = WordTrie(columns)
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
        return nil
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
