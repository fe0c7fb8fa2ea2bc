import EduwhCore

/// What a table's number cells count: the column header above a cell and the label of its row.
/// A figure in a table stands alone (`16 |`, `1,066,743.58`) and says nothing of itself; its
/// column header (编制人数, 本年预算数, 在校生数) and its row label (厦门市第二实验小学, 教育支出)
/// name what it counts, and the header's year or 预算/决算 word its year and status. Facts reads
/// such a cell as if the label and header were written before it (`FactBuilder.cellFacts`).
///
/// Three shapes of a flattened table are read:
/// - one cell to a line (`16 |`, or bare `95,831`): rows of k label lines and m number lines
///   repeat at least twice; the N = k + m lines before the first row are the header;
/// - `|` rows (`一级 | 42.64 | 30173 |`): the nearest `|` row above without figures whose cells
///   line up with the row's is the header, the row's first cell its label;
/// - rows split by spaces (`基線指標撥款 1,066,743.58 855,641.80`, `TableCells`): the nearest
///   line of two or more word cells above is the header, lined up from the right.
///
/// ```swift
/// let lines = ["单位 |", "编制人数 |", "实有人数 |", "第一小学 |", "16 |", "15 |", "第二小学 |", "27 |", "26 |"]
/// TableScope.cells(lines.enumerated().map { ($0.offset + 1, $0.element) })[5]?.first?.header  // "编制人数"
/// ```
public enum TableScope {
    /// The column header and row label of one number cell.
    public struct Cell: Sendable, Hashable {
        /// The column header's text (编制人数), nil when the table shows none that lines up.
        public var header: String?
        /// The row's label cells, joined by a space (厦门市第二实验小学 全额拨款).
        public var label: String?
        /// Code-point range of the cell in its line.
        public var range: Range<Int>
        /// The shape the cell was read in: `one-per-line`, `bar-row` or `space-row`.
        public var shape: String
    }

    /// Longest line read as one cell of a one-cell-per-line table, in scalars.
    static let cellLimit = 80
    /// Longest header or label handed to a cell, in scalars (a long label is cut from its start).
    static let contextLimit = 40
    /// Most lines between a space-separated row and the header above it.
    static let headerReach = 4

    /// The cells of every table found in `lines` (line number and text, in order, blank lines left
    /// out), by line number; each line's cells in order.
    public static func cells(_ lines: [(number: Int, text: String)]) -> [Int: [Cell]] {
        var found: [Int: [Cell]] = [:]
        onePerLine(lines, into: &found)
        barRows(lines, into: &found)
        spaceRows(lines, into: &found)
        return found
    }

    // MARK: - One cell to a line

    enum Kind: Equatable { case number, text, other }

    /// A line read as one cell: its text without the cell mark, and whether it is a figure (an
    /// empty mark such as `/` or `-` counts as one: an empty cell of a number column).
    static func kind(_ text: String) -> (Kind, String) {
        var body = Substring(text).trimmingBlanks()
        if let last = body.last, last == "|" || last == "｜" { body = body.dropLast().trimmingBlanks() }
        let count = body.unicodeScalars.count
        // A line longer than a cell is never one (nor a figure): most lines are prose, so say so first.
        if count > cellLimit { return (.other, "") }
        if count == 0 || ["/", "-", "—", "－", "／", "--"].contains(body) { return (.number, String(body)) }
        // A bare 1900–2100 is a column's year (a header cell), not a figure (as `TableRow.loneNumber`).
        if isFigure(body), !(body.count == 4 && Int(body).map { (1900...2100).contains($0) } == true) {
            return (.number, String(body))
        }
        if body.unicodeScalars.contains(where: { "。；！？;|｜".unicodeScalars.contains($0) }) {
            return (.other, String(body))
        }
        return (.text, String(body))
    }

    /// Whether a cell is a bare year, four digits from 1900 to 2100 (a yearbook's column title 1980).
    static func isBareYear(_ text: String) -> Bool {
        let body = Substring(text).trimmingBlanks()
        return body.count == 4 && body.allSatisfy(\.isASCII) && Int(body).map { (1900...2100).contains($0) } == true
    }

    /// Digits with commas and a point, a sign or a percent: one figure and nothing else.
    static func isFigure(_ body: Substring) -> Bool {
        var scalars = Array(body.unicodeScalars)
        if let last = scalars.last, last == "%" || last == "％" { scalars.removeLast() }
        if let first = scalars.first, first == "-" || first == "+" { scalars.removeFirst() }
        guard let first = scalars.first, ("0"..."9").contains(first), let last = scalars.last,
            ("0"..."9").contains(last)
        else { return false }
        return scalars.allSatisfy { ("0"..."9").contains($0) || $0 == "," || $0 == "." }
    }

    static func onePerLine(_ lines: [(number: Int, text: String)], into found: inout [Int: [Cell]]) {
        let kinds = lines.map { kind($0.text) }
        var index = 0
        while index < lines.count {
            guard kinds[index].0 == .number, index > 0, kinds[index - 1].0 == .text,
                let table = rows(kinds, from: index)
            else {
                index += 1
                continue
            }
            let (k, m, rows) = table
            let n = k + m
            let first = index - k
            // The header: the n lines above the first row, lined up with its columns, while they
            // are cells (a long line above ends the table's head).
            var header: [String?] = Array(repeating: nil, count: n)
            for column in 0..<n {
                let at = first - n + column
                // A figure above the first row is the end of a table before, never a column's title.
                if at >= 0, kinds[at].0 == .text, (at..<first).allSatisfy({ kinds[$0].0 != .other }) {
                    header[column] = kinds[at].1
                }
            }
            for row in rows {
                let label = (row.start..<(row.start + row.labels)).map { kinds[$0].1 }.filter { !$0.isEmpty }
                    .joined(separator: " ")
                for column in 0..<row.figures where kinds[row.start + row.labels + column].0 == .number {
                    let line = lines[row.start + row.labels + column]
                    found[line.number] = [
                        Cell(
                            header: header[k + column], label: label.isEmpty ? nil : label, range: cellRange(line.text),
                            shape: "one-per-line")
                    ]
                }
            }
            index = rows.last.map { $0.start + $0.labels + $0.figures } ?? index + 1
        }
    }

    /// The table whose first number line is `start`: k label lines and m number lines a row, and
    /// where each row starts with how many label lines it has (two rows at least), or nil. A row
    /// may lack its labels (a yearbook's row label was an image): exactly m figures right after a row's.
    /// A row short of cells (普通高中 with five figures where the others have six: the page left a
    /// blank cell out) between two full rows is read from the left, `figures` its count.
    static func rows(
        _ kinds: [(Kind, String)], from start: Int
    ) -> (k: Int, m: Int, rows: [(start: Int, labels: Int, figures: Int)])? {
        func run(_ kind: Kind, at index: Int) -> Int {
            var end = index
            while end < kinds.count, kinds[end].0 == kind { end += 1 }
            return end - index
        }
        let m = run(.number, at: start)
        let k = run(.text, at: start + m)
        var before = 0
        while before < k, start - before - 1 >= 0, kinds[start - before - 1].0 == .text { before += 1 }
        guard k >= 1, before >= k, k + m >= 2 else { return nil }
        var rows = [(start: start - k, labels: k, figures: m)]
        var at = start + m
        while m > 0 {
            let labels = run(.text, at: at)
            let figures = run(.number, at: at + labels)
            if labels == k, figures >= m {
                rows.append((at, k, m))
                at += k + m
            } else if labels == k, figures >= 2, 2 * figures >= m, run(.text, at: at + k + figures) == k,
                run(.number, at: at + 2 * k + figures) >= m
            {
                rows.append((at, k, figures))
                at += k + figures
            } else if labels == 0, figures == m, rows.count >= 2 {
                rows.append((at, 0, m))
                at += m
            } else {
                break
            }
        }
        return rows.count >= 2 ? (k, m, rows) : nil
    }

    /// The code-point range of a lone cell's figure in its line (blanks and the cell mark left out).
    static func cellRange(_ text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        let isBlank: (Unicode.Scalar) -> Bool = {
            $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "|" || $0 == "｜"
        }
        let start = scalars.firstIndex { !isBlank($0) } ?? 0
        let end = (scalars.lastIndex { !isBlank($0) } ?? (scalars.count - 1)) + 1
        return start..<max(start, end)
    }

    // MARK: - `|` rows

    /// The cells of a `|` row as code-point ranges (trimmed; empty cells kept), or nil when the line
    /// has fewer than two cell marks.
    static func barCells(_ text: String) -> [Range<Int>]? {
        let scalars = Array(text.unicodeScalars)
        let marks = scalars.indices.filter { scalars[$0] == "|" || scalars[$0] == "｜" }
        guard marks.count >= 2 else { return nil }
        var cells: [Range<Int>] = []
        var start = 0
        for end in marks + [scalars.count] {
            var (low, high) = (start, end)
            while low < high, scalars[low].properties.isWhitespace { low += 1 }
            while high > low, scalars[high - 1].properties.isWhitespace { high -= 1 }
            cells.append(low..<high)
            start = end + 1
        }
        // The trailing cell after the last mark is no cell when empty.
        if let last = cells.last, last.isEmpty { cells.removeLast() }
        return cells
    }

    static func barRows(_ lines: [(number: Int, text: String)], into found: inout [Int: [Cell]]) {
        var header: [String]?
        for line in lines {
            guard let cells = barCells(line.text) else {
                header = nil
                continue
            }
            let scalars = Array(line.text.unicodeScalars)
            let texts = cells.map { String(String.UnicodeScalarView(scalars[$0])) }
            let nonEmpty = texts.filter { !$0.isEmpty }
            if nonEmpty.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" || $0 == "—" } }) { continue }
            if nonEmpty.count >= 2, nonEmpty.allSatisfy(isHeaderWord) {
                header = texts
                continue
            }
            guard found[line.number] == nil, texts.count >= 2, !texts[0].isEmpty,
                !texts[0].contains(where: \.isNumber)
            else { continue }
            var row: [Cell] = []
            for column in 1..<texts.count where texts[column].contains(where: \.isNumber) {
                let title = header.flatMap { $0.count == texts.count && !$0[column].isEmpty ? $0[column] : nil }
                row.append(Cell(header: title, label: texts[0], range: cells[column], shape: "bar-row"))
            }
            if !row.isEmpty { found[line.number] = row }
        }
    }

    /// Whether a cell can title a column: words, with digits only in a year (2024年预算数,
    /// 2019/20学年) or none (本年预算数, 在校生数).
    static func isHeaderWord(_ word: some StringProtocol) -> Bool {
        let scalars = Array(word.unicodeScalars)
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        guard scalars.contains(where: { !isDigit($0) && $0.properties.isIdeographic }) else { return false }
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            // A year: four digits from 1900 to 2100 followed by 年, 学年 or a school year's slash.
            guard end - index == 4, let year = Int(String(String.UnicodeScalarView(scalars[index..<end]))),
                (1900...2100).contains(year), end < scalars.count, ["年", "/", "学", "學", "-"].contains(scalars[end])
            else { return false }
            index = end + 1
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        }
        return true
    }

    // MARK: - Rows split by spaces

    static func spaceRows(_ lines: [(number: Int, text: String)], into found: inout [Int: [Cell]]) {
        var header: (cells: [String], at: Int)?
        // Header lines stacked one under another (学校数 招生数 … / (所) (人) … / (人) 教师): a title
        // row, then its units and the titles' broken-off ends. The topmost that lines up with the
        // first row below them is the header.
        var stack: [(cells: [String], at: Int)] = []
        for (index, line) in lines.enumerated() {
            if let row = TableCells(line.text, bare: true) {
                guard found[line.number] == nil, !row.cells.allSatisfy({ $0.year != nil }) else { continue }
                let fits: ([String]) -> Bool = {
                    $0.count >= row.cells.count && $0.count <= row.cells.count + 1
                }
                if let top = stack.first(where: { fits($0.cells) }) { header = (top.cells, stack.last!.at) }
                stack = []
                var titles: [String?] = Array(repeating: nil, count: row.cells.count)
                if let header, index - header.at <= headerReach, fits(header.cells) {
                    // Lined up from the right: a first header cell more than the figures names the labels.
                    let shift = header.cells.count - row.cells.count
                    for column in row.cells.indices { titles[column] = header.cells[column + shift] }
                }
                let label = row.text(row.label)
                found[line.number] = zip(row.cells, titles).map { cell, title in
                    Cell(header: title, label: label, range: cell.start..<cell.end, shape: "space-row")
                }
                if header != nil { header!.at = index }
                continue
            }
            if let words = headerWords(line.text) {
                if let last = stack.last, last.at != index - 1 { stack = [] }
                stack.append((words, index))
                header = (words, index)
            } else if let current = header, index - current.at > headerReach {
                header = nil
            }
        }
    }
}

extension TableScope {
    /// A header row's cells: 2 to 12 words of at most 12 characters split by blanks, each one that can title
    /// a column (`isHeaderWord`), and no 。 or ，; nil for any other line (most lines are prose, refused by
    /// their punctuation before they are split).
    static func headerWords(_ text: String) -> [String]? {
        var blank = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{3000}": blank = true
            case "。", "，": return nil
            default: continue
            }
        }
        guard blank else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        guard words.count >= 2, words.count <= 12, words.allSatisfy({ $0.count <= 12 && isHeaderWord($0) }) else {
            return nil
        }
        return words.map(String.init)
    }
}

extension Substring {
    /// The text without blanks (spaces, tabs, ideographic spaces) at either end.
    func trimmingBlanks() -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }
}
