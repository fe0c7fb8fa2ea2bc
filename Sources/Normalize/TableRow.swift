import EduwhCore

/// Quantities of a flattened table row (`TableCells`) whose cells are all numbers
/// (`在校学生（人） 48210 50136`). The numbers stand without a measure word, so the prose
/// scanner would skip them; here each number cell is a
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
        guard let row = TableCells(line), row.cells.allSatisfy({ $0.number != nil }),
            // A row of years is a header (年份 2019 2020 2021), not figures.
            !row.cells.allSatisfy({ $0.year != nil })
        else { return nil }
        let (unit, factor) = labelUnit(row.scalars[row.label], rules: rules)
        return row.cells.map { cell in
            QuantityMention(
                surface: row.text(cell.start..<cell.end),
                value: cell.percent ? cell.number : cell.number.map { $0 * factor },
                unit: cell.percent ? "percent" : unit,
                qualifier: .exact, offset: cell.start, rule: rule)
        }
    }

    /// A table flattened one cell to a line (`16 |`, `12.5% |`): a number alone before the cell
    /// mark is a figure of its column, without a unit (the header names it). A bare 1900–2100 is
    /// left alone: it is a column of years more often than a count.
    static func loneCell(in line: String) -> [QuantityMention]? {
        guard let last = line.unicodeScalars.last, last == "|" || last == "｜" else { return nil }
        let scalars = line.scalarArray
        var end = scalars.count - 1
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" || scalars[end - 1] == "\u{3000}" {
            end -= 1
        }
        var start = 0
        while start < end, scalars[start] == " " || scalars[start] == "\t" || scalars[start] == "\u{3000}" {
            start += 1
        }
        guard start < end else { return nil }
        let percent = scalars[end - 1] == "%" || scalars[end - 1] == "％"
        let digits = scalars[start..<(percent ? end - 1 : end)]
        guard let first = digits.first, ("0"..."9").contains(first),
            digits.allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == "." }),
            let value = Double(String(scalars: digits.filter { $0 != "," }))
        else { return nil }
        if !percent, !digits.contains("."), (1900...2100).contains(Int(value)) { return nil }
        return [
            QuantityMention(
                surface: String(scalars: scalars[start..<end]), value: value,
                unit: percent ? "percent" : "", qualifier: .exact, offset: start, rule: rule)
        ]
    }

    /// The column years of a table's header row (`项目 2020年 2021年`, `年份 2019 2020 2021`,
    /// `指标 2020年度 2021年度`): a label cell, then two or more cells that are each one year.
    static func headerYears(in line: String) -> [Int]? {
        guard let row = TableCells(line) else { return nil }
        let years = row.cells.compactMap(\.year)
        return years.count == row.cells.count ? years : nil
    }

    /// The unit named in the label's trailing parenthesis: （人） → 人, (万元) → yuan × 10,000.
    private static func labelUnit(_ label: ArraySlice<Unicode.Scalar>, rules: NormalizeRules) -> (String, Double) {
        guard let close = label.last, close == "）" || close == ")",
            let open = label.lastIndex(where: { $0 == "（" || $0 == "(" }), open < label.endIndex - 1
        else { return ("", 1) }
        let inside = String(scalars: label[(open + 1)..<(label.endIndex - 1)])
        if inside == "%" || inside == "％" { return ("percent", 1) }
        let scalarLine = ScalarLine(inside)
        var at = 0
        var factor = 1.0
        if let magnitude = rules.magnitude(in: scalarLine, at: 0) {
            factor = magnitude.factor
            at = magnitude.surface.count
        }
        guard let unit = rules.unit(in: scalarLine, at: at), at + unit.surface.count == scalarLine.count else {
            return ("", 1)
        }
        return (unit.unit, factor * unit.factor)
    }
}
