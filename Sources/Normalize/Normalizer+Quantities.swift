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
        let rules = NormalizeRules.standard
        var context = LineContext(line)
        context.markDocumentNumbersAndAddresses()
        _ = YearScanner.standard.scan(&context)
        context.markFixedPhrases(rules: rules)
        context.markQuotes()
        return QuantityScanner.standard.scan(context, standalone: standalone)
    }
}
