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
        guard let row = TableCells(line, bare: true), row.cells.allSatisfy({ $0.number != nil }),
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

    /// A table printed one cell to a line with no cell mark (`95,831`, `14.3`, `12.5%` alone on
    /// their lines under a header line): a line that is only a number is a figure of its column,
    /// without a unit. A leading zero (`01`, a list number) and a bare 1900–2100 (a year) are not.
    ///
    /// ```swift
    /// TableRow.loneNumber(in: " 222,425 ")?.first?.value // 222425
    /// TableRow.loneNumber(in: "2019") // nil
    /// ```
    static func loneNumber(in line: String) -> [QuantityMention]? {
        guard let first = line.unicodeScalars.first(where: { !isBlank($0) }), ("0"..."9").contains(first),
            let last = line.unicodeScalars.last(where: { !isBlank($0) }),
            ("0"..."9").contains(last) || last == "%" || last == "％"
        else { return nil }
        let scalars = line.scalarArray
        var start = 0
        var end = scalars.count
        while start < end, isBlank(scalars[start]) { start += 1 }
        while end > start, isBlank(scalars[end - 1]) { end -= 1 }
        let percent = scalars[end - 1] == "%" || scalars[end - 1] == "％"
        let digits = scalars[start..<(percent ? end - 1 : end)]
        guard isGroupedNumber(digits), let value = Double(String(scalars: digits.filter { $0 != "," })) else {
            return nil
        }
        // 01, 007: list or code numbers; 0.5 is a figure.
        if digits.first == "0", digits.count > 1, digits[digits.startIndex + 1] != "." { return nil }
        if !percent, !digits.contains("."), (1900...2100).contains(Int(value)) { return nil }
        return [
            QuantityMention(
                surface: String(scalars: scalars[start..<end]), value: value,
                unit: percent ? "percent" : "", qualifier: .exact, offset: start, rule: rule)
        ]
    }

    private static func isBlank(_ v: Unicode.Scalar) -> Bool { v == " " || v == "\t" || v == "\u{3000}" }

    /// Digits with an optional decimal part, thousands grouped by commas in threes (1,250.5) or not.
    private static func isGroupedNumber(_ digits: ArraySlice<Unicode.Scalar>) -> Bool {
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        guard let first = digits.first, isDigit(first), let last = digits.last, isDigit(last) else { return false }
        let point = digits.firstIndex(of: ".")
        let whole = digits[digits.startIndex..<(point ?? digits.endIndex)]
        if let p = point, !digits[(p + 1)...].allSatisfy(isDigit) { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        return groups.count == 1 || (groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
    }

    /// The column years of a table's header row (`项目 2020年 2021年`, `年份 2019 2020 2021`,
    /// `指标 2020年度 2021年度`): a label cell, then two or more cells that are each one year.
    static func headerYears(in line: String) -> [Int]? {
        guard let row = TableCells(line, bare: true) else { return nil }
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
