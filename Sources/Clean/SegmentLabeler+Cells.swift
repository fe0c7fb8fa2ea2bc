import EduwhCore
import Foundation

// MARK: - A table flattened to one cell per line

extension ScannedLine {
    /// What a line is as the cell of a table flattened one cell per line (HTML tables copied
    /// out of a page often come out so, each cell closed by a `|`).
    enum CellKind { case number, text, empty }

    /// The line as a table cell: a number (`16`, `95,831`, `86.5%`, `2020年`, `-3.2`, `48人`, with a
    /// `|` or `｜` around it), a short label without sentence punctuation (`全额拨款 |`, `经费性质`)
    /// or an empty cell's mark (`-`, `/`);
    /// nil for anything longer or punctuated.
    var cellKind: CellKind? {
        // Most lines are prose, far longer than a cell: let go before their scalars are copied.
        // (Punctuation cannot decide it here: a figure's separators, 95,831, count as punctuation.)
        guard text.utf8.count <= 160 else { return nil }
        var scalars = Substring(text).unicodeScalars[...]
        let edge: (Unicode.Scalar) -> Bool = { $0 == "|" || $0 == "｜" || LineShape.isSpace($0) }
        while let first = scalars.first, edge(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, edge(last) { scalars = scalars.dropLast() }
        let cell = Array(scalars)
        guard !cell.isEmpty, cell.count <= 24, !cell.contains(where: { $0 == "|" || $0 == "｜" }) else { return nil }
        // A figure's thousands separators (95,831) are no sentence punctuation.
        if Self.isNumberCell(cell) { return .number }
        // A table's empty cell, marked by a dash or a slash (-, —, /), continues its run.
        if cell.count <= 2, cell.allSatisfy({ "-－—–/／".unicodeScalars.contains($0) }) { return .empty }
        guard shape.punctuation == 0, !shape.endsSentence else { return nil }
        let hasWord = cell.contains { $0.properties.isIdeographic || ($0.isASCII && $0.properties.isAlphabetic) }
        return hasWord ? .text : nil
    }

    /// Units a table's figure cell may end in (a budget's 1,234.56万元, a count's 48人).
    static let cellUnits: [String] = ["万元", "亿元", "元", "万", "人", "所", "个", "%", "％", "年"]

    /// A figure: digits with separators, a sign in front (a change, -12.5), a unit behind.
    static func isNumberCell(_ cell: [Unicode.Scalar]) -> Bool {
        var body = ArraySlice(cell)
        if let first = body.first, "-−－+".unicodeScalars.contains(first), body.count > 1 { body = body.dropFirst() }
        for unit in cellUnits where body.count > unit.unicodeScalars.count {
            if body.suffix(unit.unicodeScalars.count).elementsEqual(unit.unicodeScalars) {
                body = body.dropLast(unit.unicodeScalars.count)
                break
            }
        }
        while let last = body.last, LineShape.isSpace(last) { body = body.dropLast() }
        guard let first = body.first, ("0"..."9").contains(first), let last = body.last, ("0"..."9").contains(last)
        else { return false }
        return body.allSatisfy { ("0"..."9").contains($0) || $0 == "," || $0 == "." }
    }
}

extension SegmentLabeler {
    /// Lines of a table flattened one cell per line: a run of six or more cell lines (`cellKind`)
    /// in which number cells (a quarter or more, three or more) come between text cells, as a
    /// table's rows do. It is report content wherever it stands. Not a table: page numbers
    /// counting up (1 2 3 4), a counter bar whose words a rule knows as buttons (收藏 12 点赞 5),
    /// or a list of other documents' titles with their view counts.
    func flattenedTableCells() -> Set<Int> {
        var result = Set<Int>()
        var i = segment.lowerBound
        while i < segment.upperBound {
            guard lines[i].cellKind != nil else {
                i += 1
                continue
            }
            var j = i
            while j < segment.upperBound, lines[j].cellKind != nil { j += 1 }
            if isTable(i..<j) { result.formUnion(i..<j) }
            i = j
        }
        return result
    }

    private func isTable(_ run: Range<Int>) -> Bool {
        guard run.count >= 6 else { return false }
        let numbers = run.filter { lines[$0].cellKind == .number }
        let texts = run.filter { lines[$0].cellKind == .text }
        let filled = run.count - run.filter { lines[$0].cellKind == .empty }.count
        guard numbers.count >= 3, texts.count >= 2, numbers.count * 4 >= filled,
            let firstNumber = numbers.first, let lastNumber = numbers.last,
            texts.contains(where: { $0 > firstNumber && $0 < lastNumber })
        else { return false }
        // Page numbers count up by one.
        let values = numbers.map { Int(lines[$0].cellText) }
        if !values.contains(nil), zip(values, values.dropFirst()).allSatisfy({ $1! == $0! + 1 }) { return false }
        // Text cells a rule takes for buttons or site chrome make a counter bar, not a table.
        let claimed = texts.filter { i in
            let label = evaluator.firstRule(at: i, zone: nil, within: i..<i + 1, zoneOf: { _ in .body })?.label
            return label == .noise || label == .metadata
        }
        if claimed.count * 3 > texts.count { return false }
        // Text cells that name documents (…工作总结, …述职报告) are a list of other reports.
        let words = cleaner.rules.words("document-kind")
        let titled = texts.filter { i in words.contains { lines[i].matchText.includes($0) } }
        return titled.count * 3 <= texts.count
    }
}

extension ScannedLine {
    /// The text of a cell line without the `|` around it.
    var cellText: String {
        text.trimmingCharacters(in: .init(charactersIn: "|｜ \u{3000}\t"))
    }
}

// MARK: - A table flattened to rows of `|`-separated cells

extension SegmentLabeler {
    /// Lines of a table flattened to rows whose cells a `|` or `｜` separates (an HTML table
    /// copied out of a page: `学校占地面积 (亩) | 校舍建筑 面积 (M2) | …` over `一级 | 42.64 | 30173`):
    /// a run of lines holding a bar, four or more of them with two or more cells, and two or
    /// more with a figure cell (`isNumberCell`; page numbers counting up are none). Its header
    /// rows, all words, are the table's, not a menu. Lines of bars alone (empty rows) and lines a
    /// metadata rule claims (a government record's `| [ 发布日期 ] | 2021-04-12 |`) are left to
    /// their own decisions.
    func barTableRows() -> Set<Int> {
        var result = Set<Int>()
        var i = segment.lowerBound
        while i < segment.upperBound {
            guard Self.barCells(lines[i].text) != nil else {
                i += 1
                continue
            }
            var j = i
            while j < segment.upperBound, Self.barCells(lines[j].text) != nil { j += 1 }
            let rows = (i..<j).filter { !Self.barCells(lines[$0].text)!.isEmpty }
            let multi = rows.filter { Self.barCells(lines[$0].text)!.count >= 2 }
            let figured = rows.filter { k in
                let numbers = Self.barCells(lines[k].text)!.filter {
                    ScannedLine.isNumberCell(Array($0.unicodeScalars))
                }
                let values = numbers.map { Int($0) }
                let counting =
                    numbers.count >= 2 && !values.contains(nil)
                    && zip(values, values.dropFirst()).allSatisfy { $1! == $0! + 1 }
                return !numbers.isEmpty && !counting
            }
            if multi.count >= 4, figured.count >= 2 {
                result.formUnion(
                    rows.filter { k in
                        evaluator.firstRule(at: k, zone: nil, within: k..<k + 1, zoneOf: { _ in .body })?.label
                            != .metadata
                    })
            }
            i = j
        }
        return result
    }

    /// The trimmed, non-empty cells of a line holding a `|` or `｜`; nil for a line without one.
    static func barCells(_ text: String) -> [String]? {
        guard text.unicodeScalars.contains(where: { $0 == "|" || $0 == "｜" }) else { return nil }
        return text.split(whereSeparator: { $0 == "|" || $0 == "｜" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
