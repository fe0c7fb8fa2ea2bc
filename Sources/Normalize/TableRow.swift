import EduwhCore

/// A flattened table row: a label cell, then two or more cells that are only numbers.
///
/// HTML tables reach the pipeline one row per line with their cells separated by spaces
/// (`在校学生（人） 48210 50136`), and plain-text pages copy them the same way. The numbers stand
/// without a measure word, so the prose scanner would skip them; here each number cell is a
/// quantity whose unit comes from the label's parenthesis (（人）, (万元), （%）) when it has one,
/// else from a `%` in the cell, else none. A header row of years (`项目 2020年 2021年`, or
/// `年份 2019 2020`) is not a row of quantities.
///
/// ```swift
/// TableRow.quantities(in: "专任教师（人） 3120 3285", rules: .standard)?.map(\.value) // [3120, 3285]
/// TableRow.quantities(in: "教育经费(万元) 1,250.5 1,380", rules: .standard)?.first?.value // 12505000
/// ```
enum TableRow {
    static let rule = "q-table-cell"

    /// The row's number cells as quantities, or nil when the line is not a table row.
    static func quantities(in line: String, rules: NormalizeRules) -> [QuantityMention]? {
        // Cheap test first: this runs on every line, and prose ends in punctuation or words.
        guard let last = line.unicodeScalars.last, ("0"..."9").contains(last) || last == "%" || last == "％" else { return nil }
        let scalars = Array(line.unicodeScalars)
        var cells: [(start: Int, end: Int)] = []
        var start: Int?
        for (i, scalar) in scalars.enumerated() {
            if isSeparator(scalar) {
                if let s = start { cells.append((s, i)); start = nil }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { cells.append((s, scalars.count)) }
        guard cells.count >= 3 else { return nil }

        let label = scalars[cells[0].start..<cells[0].end]
        guard label.contains(where: isCJK), !label.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        var numbers: [(start: Int, end: Int, value: Double, percent: Bool)] = []
        for cell in cells.dropFirst() {
            guard let (value, percent) = number(scalars[cell.start..<cell.end]) else { return nil }
            numbers.append((cell.start, cell.end, value, percent))
        }
        // A row of years is a header (年份 2019 2020 2021), not figures.
        if numbers.allSatisfy({ !$0.percent && $0.value == $0.value.rounded() && (1900...2100).contains($0.value) }) { return nil }

        let (unit, factor) = labelUnit(label, rules: rules)
        return numbers.map { cell in
            QuantityMention(
                surface: String(String.UnicodeScalarView(scalars[cell.start..<cell.end])),
                value: cell.percent ? cell.value : cell.value * factor,
                unit: cell.percent ? "percent" : unit,
                qualifier: .exact, offset: cell.start, rule: rule)
        }
    }

    /// The column years of a table's header row (`项目 2020年 2021年`, `年份 2019 2020 2021`,
    /// `指标 2020年度 2021年度`): a label cell, then two or more cells that are each one year.
    static func headerYears(in line: String) -> [Int]? {
        guard let last = line.unicodeScalars.last, ("0"..."9").contains(last) || last == "年" || last == "度" else { return nil }
        let cells = line.unicodeScalars.split(whereSeparator: isSeparator)
        guard cells.count >= 3, cells[0].contains(where: isCJK) else { return nil }
        var years: [Int] = []
        for cell in cells.dropFirst() {
            var digits = String.UnicodeScalarView(cell)
            for suffix in ["年度", "年"] where String(digits).hasSuffix(suffix) {
                digits = String.UnicodeScalarView(String(digits).dropLast(suffix.count).unicodeScalars)
                break
            }
            guard digits.count == 4, let year = Int(String(digits)), (1900...2100).contains(year) else { return nil }
            years.append(year)
        }
        return years
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
    }

    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// `48210`, `1,250.5`, `86.5%`: digits with optional thousands commas, decimals and a percent sign.
    private static func number(_ cell: ArraySlice<Unicode.Scalar>) -> (Double, Bool)? {
        var body = cell
        var percent = false
        if let last = body.last, last == "%" || last == "％" { percent = true; body = body.dropLast() }
        guard let first = body.first, ("0"..."9").contains(first) else { return nil }
        var text = ""
        var seenDot = false
        for scalar in body {
            switch scalar {
            case "0"..."9": text.unicodeScalars.append(scalar)
            case ",": continue
            case "." where !seenDot: seenDot = true; text.unicodeScalars.append(scalar)
            default: return nil
            }
        }
        return Double(text).map { ($0, percent) }
    }

    /// The unit named in the label's trailing parenthesis: （人） → 人, (万元) → yuan × 10,000.
    private static func labelUnit(_ label: ArraySlice<Unicode.Scalar>, rules: NormalizeRules) -> (String, Double) {
        guard let close = label.last, close == "）" || close == ")",
              let open = label.lastIndex(where: { $0 == "（" || $0 == "(" }), open < label.endIndex - 1 else { return ("", 1) }
        let inside = String(String.UnicodeScalarView(label[(open + 1)..<(label.endIndex - 1)]))
        if inside == "%" || inside == "％" { return ("percent", 1) }
        let scalarLine = ScalarLine(inside)
        var at = 0
        var factor = 1.0
        if let magnitude = rules.magnitude(in: scalarLine, at: 0) {
            factor = magnitude.factor
            at = magnitude.surface.count
        }
        guard let unit = rules.unit(in: scalarLine, at: at), at + unit.surface.count == scalarLine.count else { return ("", 1) }
        return (unit.unit, factor * unit.factor)
    }
}
