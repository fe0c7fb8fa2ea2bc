/// The cells of a flattened table row: a label with Chinese in it (and no digits but a leading list
/// number, 1.高等学校; spaced out over up to four cells, 小    学), then two or more cells that are each a number (48210, 1,250.5, 86.5%) or a year (2020年, 2021年度).
/// HTML tables reach the pipeline one row per line with their cells separated by spaces, and
/// plain-text pages copy them the same way. Clean keeps such rows as report content; Normalize
/// reads their number cells as quantities and a header row's years as column years.
///
/// ```swift
/// TableCells("在校学生（人） 48210 50136")?.cells.map(\.number) // [48210, 50136]
/// TableCells("项目 2020年 2021年")?.cells.map(\.year)           // [2020, 2021]
/// TableCells("共新建学校 12所 15所")                              // nil
/// TableCells("48210 50136 51022", bare: true)?.cells.count      // 3: a row that lost its label
/// ```
public struct TableCells: Sendable {
    public struct Cell: Sendable, Hashable {
        /// Code-point range of the cell in the line.
        public var start: Int
        public var end: Int
        /// The cell's digits as a number (commas dropped), unless it ends in 年/年度.
        public var number: Double?
        /// Whether the number carried a percent sign.
        public var percent: Bool
        /// The year a cell names: 2020年, 2021年度, or a bare 1900…2100 integer.
        public var year: Int?
    }

    /// The line as code points (cells index into it).
    public let scalars: [Unicode.Scalar]
    /// Code-point range of the label cell.
    public let label: Range<Int>
    public let cells: [Cell]

    /// A row's cells; with `bare`, a row of three or more figure cells and no label (a table
    /// row that lost its label column: `48210 50136 51022`) is one too, its label empty.
    public init?(_ line: String, bare: Bool = false) {
        // Cheap test first: this runs on every line, and prose ends in punctuation or words.
        guard let last = line.unicodeScalars.last,
            ("0"..."9").contains(last) || last == "%" || last == "％" || last == "年" || last == "度"
        else { return nil }
        let scalars = line.scalarArray
        var ranges: [Range<Int>] = []
        var start: Int?
        for (i, scalar) in scalars.enumerated() {
            if Self.isSeparator(scalar) {
                if let s = start {
                    ranges.append(s..<i)
                    start = nil
                }
            } else if start == nil {
                start = i
            }
        }
        if let s = start { ranges.append(s..<scalars.count) }
        guard ranges.count >= 3 else { return nil }
        // The label may be spaced out over several cells (小    学, 幼 儿 园) and may open with the
        // row's list number (1.高等学校): every cell up to the first figure is the label's.
        var labelCount = 0
        while labelCount < min(4, ranges.count), Self.cell(scalars[ranges[labelCount]], at: ranges[labelCount]) == nil {
            labelCount += 1
        }
        guard labelCount >= 1 || (bare && ranges.count >= 3), ranges.count - labelCount >= 2 else { return nil }
        let labelRange = labelCount == 0 ? 0..<0 : ranges[0].lowerBound..<ranges[labelCount - 1].upperBound
        var label = scalars[labelRange]
        if let marker = Self.listNumberLength(label) { label = label.dropFirst(marker) }
        guard
            labelCount == 0
                || (label.contains(where: {
                    (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
                })
                    && !label.contains(where: { ("0"..."9").contains($0) }))
        else { return nil }
        var cells: [Cell] = []
        for range in ranges.dropFirst(labelCount) {
            guard let cell = Self.cell(scalars[range], at: range) else { return nil }
            cells.append(cell)
        }
        self.scalars = scalars
        self.label = labelRange
        self.cells = cells
    }

    /// The text of a code-point range of the line.
    public func text(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The length of a row's list number before its label (`1.`, `12、`, `3．`), if it has one.
    private static func listNumberLength(_ label: ArraySlice<Unicode.Scalar>) -> Int? {
        let digits = label.prefix { ("0"..."9").contains($0) }.count
        guard (1...2).contains(digits), label.count > digits + 1 else { return nil }
        let mark = label[label.startIndex + digits]
        return mark == "." || mark == "、" || mark == "．" ? digits + 1 : nil
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{00A0}"
    }

    /// `48210`, `1,250.5`, `86.5%`, `2020年`, `2021年度`; nil for anything else.
    private static func cell(_ scalars: ArraySlice<Unicode.Scalar>, at range: Range<Int>) -> Cell? {
        var body = scalars
        var percent = false
        var yearSuffix = false
        if let last = body.last, last == "%" || last == "％" {
            percent = true
            body = body.dropLast()
        } else if body.last == "度", body.dropLast().last == "年" {
            yearSuffix = true
            body = body.dropLast(2)
        } else if body.last == "年" {
            yearSuffix = true
            body = body.dropLast()
        }
        guard let first = body.first, ("0"..."9").contains(first) else { return nil }
        var digits = ""
        var seenDot = false
        for scalar in body {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "," where !yearSuffix: continue
            case "." where !seenDot && !yearSuffix:
                seenDot = true
                digits.unicodeScalars.append(scalar)
            default: return nil
            }
        }
        if yearSuffix {
            guard digits.count == 4, let year = Int(digits), (1900...2100).contains(year) else { return nil }
            return Cell(start: range.lowerBound, end: range.upperBound, number: nil, percent: false, year: year)
        }
        guard let number = Double(digits) else { return nil }
        let year = !percent && !seenDot && digits.count == 4 && (1900...2100).contains(number) ? Int(number) : nil
        return Cell(start: range.lowerBound, end: range.upperBound, number: number, percent: percent, year: year)
    }
}
