import EduwhCore

extension Normalizer {
    /// Quantity mentions in one line of text (title or body).
    ///
    /// ```swift
    /// Normalizer.standard.quantities(in: "共撤并中小学校177所,新建和扩建学校75所").map(\.surface) // ["177所", "75所"]
    /// ```
    public func quantities(in line: String) -> [QuantityMention] {
        quantities(in: line, standalone: false)
    }

    /// Quantity mentions in one line; with `standalone`, a line that is nothing but a number
    /// (一百零一, 4.78万亿 — the `--text` mode) is a quantity too, with an empty unit.
    ///
    /// ```swift
    /// Normalizer.standard.quantities(in: "一百零一", standalone: true).first?.value // 101
    /// ```
    public func quantities(in line: String, standalone: Bool) -> [QuantityMention] {
        quantities(in: yearScan(of: line), standalone: standalone)
    }

    /// Quantity mentions of a line already read by `yearScan(of:)` (see `quantities(in:standalone:)`).
    public func quantities(in scanned: YearScannedLine, standalone: Bool) -> [QuantityMention] {
        let rules = NormalizeRules.standard
        // A flattened table row (在校学生（人） 48210 50136): its number cells, unit from the label.
        if let cells = TableRow.quantities(in: scanned.text, rules: rules) { return cells }
        if let cell = TableRow.loneCell(in: scanned.text) { return cell }
        // A table printed one cell to a line (the `--text` mode reads such a line as a number already).
        if !standalone, let cell = TableRow.loneNumber(in: scanned.text) { return cell }
        // The years and document numbers are claimed: numbers in them are no quantities.
        var context = scanned.context
        context.markFixedPhrases(rules: rules)
        context.markQuotes()
        var found = QuantityScanner.standard.scan(context, standalone: standalone)
        found = QuantityScanner.standard.joinRangePairs(found, context)
        QuantityScanner.standard.carryMoneyUnit(&found, context)
        // A line with pinyin glosses was read without them: offsets go back to the raw text.
        if context.line.origin != nil {
            for k in found.indices { found[k].offset = context.line.rawOffset(found[k].offset) }
        }
        return found
    }

    /// The years a table's header row gives its columns (`项目 2020年 2021年` → [2020, 2021]), or
    /// nil when the line is not such a row. Facts gives each number cell of the rows below
    /// (`TableRow`) its column's year.
    public func tableColumnYears(in line: String) -> [Int]? {
        TableRow.headerYears(in: line)
    }

    /// Whether a quantity is a number cell of a flattened table row.
    public static func isTableCell(_ quantity: QuantityMention) -> Bool {
        quantity.rule == TableRow.rule
    }
}
