import EduwhCore
import Foundation

// MARK: - A table flattened to one cell per line

extension ScannedLine {
    /// What a line is as the cell of a table flattened one cell per line (HTML tables copied
    /// out of a page often come out so, each cell closed by a `|`).
    enum CellKind { case number, text, empty, separator }

    /// The line as a table cell: a number (`16`, `95,831`, `86.5%`, `2020年`, `-3.2`, `48人`, with a
    /// `|` or `｜` around it), a short label without sentence punctuation (`全额拨款 |`, `经费性质`),
    /// an empty cell's mark (`-`, `/`) or a bare separator between cells (`|`);
    /// a list of items apart by 、 (up to 60 characters) counts as a label too;
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
        // A bare `|` line between cells closes one cell and opens the next (`指 标` / `|` / `2014年`).
        if cell.isEmpty { return text.unicodeScalars.contains { $0 == "|" || $0 == "｜" } ? .separator : nil }
        // A longer cell lists items (詩歌朗誦、全國讀書心得寫作比賽、國語文競賽: a table's description column).
        let listing = cell.count <= 60 && cell.filter { $0 == "、" }.count >= 2
        guard cell.count <= 24 || listing, !cell.contains(where: { $0 == "|" || $0 == "｜" }) else { return nil }
        // A figure's thousands separators (95,831) are no sentence punctuation.
        if Self.isNumberCell(cell) { return .number }
        // A table's empty cell, marked by a dash or a slash either way (-, —, /, \), continues its run.
        if cell.count <= 2, cell.allSatisfy({ "-－—–/／\\＼".unicodeScalars.contains($0) }) { return .empty }
        guard shape.punctuation == 0, !shape.endsSentence else { return nil }
        let hasWord = cell.contains { $0.properties.isIdeographic || ($0.isASCII && $0.properties.isAlphabetic) }
        return hasWord ? .text : nil
    }

    /// Units a table's figure cell may end in (a budget's 1,234.56万元, a count's 48人).
    static let cellUnits: [String] = ["万元", "亿元", "元", "万", "人", "所", "个", "%", "％", "年"]

    /// Currency marks a money cell may open with ($23,037, NT$ 1,200, ￥3.5).
    static let cellCurrencies: [String] = ["NT$", "HK$", "US$", "MOP$", "$", "＄", "¥", "￥"]

    /// A figure: digits with separators, a currency mark or a sign in front ($23,037; a change, -12.5),
    /// a unit behind (one of `cellUnits`, or any word of up to three characters: 95.5分, 12个班).
    static func isNumberCell(_ cell: [Unicode.Scalar]) -> Bool {
        var body = ArraySlice(cell)
        if let mark = cellCurrencies.first(where: { body.starts(with: $0.unicodeScalars) }),
            body.count > mark.unicodeScalars.count
        {
            body = body.dropFirst(mark.unicodeScalars.count)
            while let first = body.first, LineShape.isSpace(first) { body = body.dropFirst() }
        }
        if let first = body.first, "-−－+".unicodeScalars.contains(first), body.count > 1 { body = body.dropFirst() }
        var matched = false
        for unit in cellUnits where body.count > unit.unicodeScalars.count {
            if body.suffix(unit.unicodeScalars.count).elementsEqual(unit.unicodeScalars) {
                body = body.dropLast(unit.unicodeScalars.count)
                matched = true
                break
            }
        }
        // Any other measure word of up to three characters (95.5分, 12个班, 3200平方米).
        if !matched {
            let word = body.reversed().prefix { $0.properties.isIdeographic }.count
            if (1...3).contains(word), body.count > word { body = body.dropLast(word) }
        }
        while let last = body.last, LineShape.isSpace(last) { body = body.dropLast() }
        guard let first = body.first, ("0"..."9").contains(first), let last = body.last, ("0"..."9").contains(last)
        else { return false }
        return body.allSatisfy { ("0"..."9").contains($0) || $0 == "," || $0 == "." }
    }
}

extension SegmentLabeler {
    /// Lines of a table flattened one cell per line: a run of six or more cell lines (`cellKind`,
    /// bare `|` separators and empty cells included) in which number cells (a quarter or more, three
    /// or more) come between text cells, as a table's rows do. It is report content wherever it
    /// stands. A run under a table's head (`tableHead`: 计量单位：所, or a first cell 指标/项目/类别)
    /// needs only two figures and an eighth of its cells. Not a table: page numbers counting up
    /// (1 2 3 4), a counter bar whose words a rule knows as buttons (收藏 12 点赞 5), or a list of
    /// other documents' titles with their view counts. The unit lines above a table are in the set.
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
            let run = unclaimedEnd(barredCells(i..<j))
            // A table has two figures at least (`isTable`): look for its head only then.
            guard run.count(where: { lines[$0].cellKind == .number }) >= 2 else {
                i = j
                continue
            }
            let head = tableHead(above: run.lowerBound)
            if isTable(run, headed: head.headed) {
                result.formUnion(head.units.union(run))
            } else {
                result.formUnion(tablesUnderHeadings(run))
            }
            i = j
        }
        return result
    }

    /// A run that is no table as a whole may be a form's sections, each a table under its numbered
    /// heading (`4.補助情況:` over the grant table's cells, `第二部份:…` over the rubric's): the
    /// stretches between its text cells that are list headings (`isListHeading`) are tried one by one.
    /// The headings themselves are left to their own decisions.
    func tablesUnderHeadings(_ run: Range<Int>) -> Set<Int> {
        let cuts = run.filter { lines[$0].cellKind == .text && lines[$0].isListHeading }
        guard !cuts.isEmpty else { return [] }
        var result = Set<Int>()
        var start = run.lowerBound
        for end in cuts + [run.upperBound] {
            let piece = start..<end
            start = end + 1
            guard piece.count >= 6, piece.count(where: { lines[$0].cellKind == .number }) >= 2 else { continue }
            if isTable(piece, headed: tableHead(above: piece.lowerBound).headed) { result.formUnion(piece) }
        }
        return result
    }

    /// A run loses the text cells at its end from a heading that ends the report's text (a `rest`
    /// rule: the page's 相关文章 or a paywall right under a table is not a cell of it; a note,
    /// 备注:, stays).
    func unclaimedEnd(_ run: Range<Int>) -> Range<Int> {
        var end = run.upperBound
        for k in run.reversed() where lines[k].cellKind == .text {
            let rule = evaluator.firstRule(at: k, zone: nil, within: k..<k + 1, zoneOf: { _ in .body })
            if rule?.scope == .rest { end = k }
        }
        return run.lowerBound..<end
    }

    /// A run whose cells a `|` closes or separates loses the lines at its start that carry no bar
    /// and touch no separator line: a page's title or a caption standing over the table. (Lines
    /// at its end stay: a note under the table, 备注:, is the table's.)
    func barredCells(_ run: Range<Int>) -> Range<Int> {
        let barred = { (k: Int) -> Bool in lines[k].text.unicodeScalars.contains { $0 == "|" || $0 == "｜" } }
        guard run.contains(where: barred) else { return run }
        let touching = { (k: Int) -> Bool in
            barred(k) || (k + 1 < run.upperBound && lines[k + 1].cellKind == .separator)
                || (k > run.lowerBound && lines[k - 1].cellKind == .separator)
        }
        var start = run.lowerBound
        while start < run.upperBound, !touching(start) { start += 1 }
        return start..<run.upperBound
    }

    /// A table's unit line: 计量单位：所, 单位:万元, 金额单位：万元.
    static func isUnitLine(_ text: String) -> Bool {
        text.count <= 30 && text.contains("单位")
            && text.range(of: #"^\s*(计量|金额|数量)?单位\s*[:：]"#, options: .regularExpression) != nil
    }

    /// A cell run's head: the lines right above it (at most two) that give the table's unit
    /// (计量单位：所, 单位:万元), kept as body; and whether the run is headed at all, by such a
    /// unit line, a 表N caption above it, or a first text cell naming the label column (指 标, 项目).
    func tableHead(above start: Int) -> (units: Set<Int>, headed: Bool) {
        var units = Set<Int>()
        var headed = false
        for k in stride(from: start - 1, through: max(segment.lowerBound, start - 2), by: -1) {
            let text = lines[k].matchText.trimmingCharacters(in: .whitespaces)
            guard text.count <= 30 else { break }
            if Self.isUnitLine(text) {
                units.insert(k)
                headed = true
            } else if text.hasPrefix("表"), text.range(of: Self.captionPattern, options: .regularExpression) != nil {
                headed = true
            } else {
                break
            }
        }
        let opening = (start..<min(start + 4, segment.upperBound)).filter { lines[$0].cellKind == .text }
        if let first = opening.first,
            Self.labelColumnWords.contains(lines[first].cellText.filter { !$0.isWhitespace })
                || opening.contains(where: { Self.isUnitLine(lines[$0].matchText) })
        {
            headed = true
        }
        return (units, headed)
    }

    /// A table's caption: 表3, 表13—11 (with a space after its number).
    static let captionPattern = #"^表\s*([0-9]+|[一二三四五六七八九十]+)([-.－][0-9]+)?\s"#

    /// First cells that name a table's label column (指 标 / 项 目 with the spaces taken out).
    static let labelColumnWords: Set<String> = ["指标", "项目", "类别", "项目名称", "指标名称", "年份", "年度", "类型"]

    private func isTable(_ run: Range<Int>, headed: Bool) -> Bool {
        let numbers = run.filter { lines[$0].cellKind == .number }
        let texts = run.filter { lines[$0].cellKind == .text }
        let filled = numbers.count + texts.count
        let cells = run.count - run.filter { lines[$0].cellKind == .separator }.count
        guard cells >= 6, numbers.count >= (headed ? 2 : 3), texts.count >= 2,
            numbers.count * (headed ? 8 : 4) >= filled,
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
        // Text cells that name documents (…工作总结, …述职报告(精选5篇)) are a list of other reports; a
        // column's name or a figure's note that holds such a word (“国培计划” 培训人数, 13640(计划)) is none.
        let words = cleaner.rules.words("document-kind")
        let titled = texts.filter { i in
            let name = Self.withoutNotes(lines[i].matchText)
            return words.contains { name.includes($0) }
        }
        return titled.count * 3 <= texts.count
    }

    /// A cell's text without its quoted names (“国培计划” 培训人数 → 培训人数) and a bracketed note
    /// after a figure (13640(计划) → 13640).
    static func withoutNotes(_ text: String) -> String {
        var name = text.replacingOccurrences(of: #"“[^”]*”|"[^"]*""#, with: "", options: .regularExpression)
        name = name.replacingOccurrences(of: #"([0-9])\s*[(（][^)）]*[)）]"#, with: "$1", options: .regularExpression)
        return name
    }
}

extension SegmentLabeler {
    /// How a line of a flattened table is labelled: a cell B, a bare separator N, a unit line B.
    func tableDecision(_ i: Int) -> (LineLabel, String) {
        switch lines[i].cellKind {
        case .separator: (.noise, "table-separator")
        case nil: (.body, "table-head")
        default: Self.isUnitLine(lines[i].matchText) ? (.body, "table-head") : (.body, "table-cell")
        }
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
    /// their own decisions, and so are a Markdown table's rule lines (`---|---|---|`).
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
                // A Markdown table's rule under its header (---|---|---) holds no cell: it is left out.
                let rule = { (k: Int) in
                    Self.barCells(lines[k].text)!.allSatisfy {
                        $0.unicodeScalars.allSatisfy { "-—－:：".unicodeScalars.contains($0) }
                    }
                }
                result.formUnion(
                    rows.filter { k in
                        !rule(k)
                            && evaluator.firstRule(at: k, zone: nil, within: k..<k + 1, zoneOf: { _ in .body })?.label
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

// MARK: - A table flattened to space-aligned rows

extension SegmentLabeler {
    /// Lines of a table flattened to rows whose cells spaces align (a yearbook's HTML table copied
    /// out as text: `2.普通中学 54 20102 19218` under `学校数 招生数 毕业生数`): three or more rows in a
    /// row that `TableCells` reads with two or more figures each, and the header lines right above
    /// them (at most three: three or more short cells apart, no sentence punctuation, no prose).
    /// Rows that lost their label column (`1820 1903 1988`, a run of figures alone) count too when
    /// they agree in their number of figures and the run stands under a table's head (column names,
    /// a year row, a 单位 line, a 表N caption) or among two or more labelled rows (`isBareRun`).
    /// It is report content wherever it stands; a metadata rule's line keeps its own decision.
    func spaceTableRows() -> Set<Int> {
        var result = Set<Int>()
        var i = segment.lowerBound
        while i < segment.upperBound {
            guard Self.figureCount(lines[i].text) != nil else {
                i += 1
                continue
            }
            var j = i
            while j < segment.upperBound, Self.figureCount(lines[j].text) != nil { j += 1 }
            var head = i
            while head > segment.lowerBound, head > i - 3, Self.isHeaderRow(lines[head - 1]) { head -= 1 }
            let labelled = (i..<j).filter { Self.isFigureRow(lines[$0].text) }
            let table = labelled.count == j - i ? j - i >= 3 : isBareRun(i..<j, labelled: labelled.count, head: head)
            // Not a table with its bare rows: its labelled stretches of three or more still are.
            let kept = table ? [captionLines(above: head).lowerBound..<j] : labelledStretches(i..<j)
            for range in kept {
                result.formUnion(
                    range.filter { k in
                        evaluator.firstRule(at: k, zone: nil, within: k..<k + 1, zoneOf: { _ in .body })?.label
                            != .metadata
                    })
            }
            i = j
        }
        return result
    }

    /// Stretches of three or more labelled figure rows in a run, each with the header lines above it.
    private func labelledStretches(_ run: Range<Int>) -> [Range<Int>] {
        var stretches: [Range<Int>] = []
        var k = run.lowerBound
        while k < run.upperBound {
            guard Self.isFigureRow(lines[k].text) else {
                k += 1
                continue
            }
            var end = k
            while end < run.upperBound, Self.isFigureRow(lines[end].text) { end += 1 }
            if end - k >= 3 {
                var head = k
                while head > segment.lowerBound, head > k - 3, Self.isHeaderRow(lines[head - 1]) { head -= 1 }
                stretches.append(head..<end)
            }
            k = end
        }
        return stretches
    }

    /// A run with rows that lost their label (figures alone) is a table's when its bare rows all
    /// hold as many figures (no more than a labelled row's), no bare row counts up by one (page
    /// numbers 1 2 3 4), and it has two rows or more under a head (`head` < `run`'s start, or a
    /// unit line or caption right above) or three or more with two labelled ones among them.
    private func isBareRun(_ run: Range<Int>, labelled: Int, head: Int) -> Bool {
        let counts = run.map { Self.figureCount(lines[$0].text)! }
        let bare = run.filter { !Self.isFigureRow(lines[$0].text) }
        let bareCounts = Set(bare.map { Self.figureCount(lines[$0].text)! })
        guard bareCounts.count == 1, let width = bareCounts.first, width <= counts.max()!,
            !bare.contains(where: { Self.countsUp(lines[$0].text) })
        else { return false }
        let headed = head < run.lowerBound || captionLines(above: head).lowerBound < head
        return run.count >= 2 && (headed || (labelled >= 2 && run.count >= 3))
    }

    /// The unit lines and 表N captions right above a table's first line (at most two).
    private func captionLines(above start: Int) -> Range<Int> {
        var top = start
        while top > segment.lowerBound, top > start - 2 {
            let text = lines[top - 1].matchText.trimmingCharacters(in: .whitespaces)
            guard text.count <= 30,
                Self.isUnitLine(text)
                    || (text.hasPrefix("表") && text.range(of: Self.captionPattern, options: .regularExpression) != nil)
            else { break }
            top -= 1
        }
        return top..<start
    }

    /// The figures of a row `TableCells` reads, labelled or not (`1820 1903 1988`); nil for a row
    /// with fewer than two figures that are not years.
    static func figureCount(_ text: String) -> Int? {
        guard let row = TableCells(text, bare: true) else { return nil }
        let figures = row.cells.filter { $0.number != nil && $0.year == nil }.count
        return figures >= 2 ? figures : nil
    }

    /// Whether a row's cells are whole numbers counting up by one (1 2 3 4: page numbers).
    static func countsUp(_ text: String) -> Bool {
        guard let row = TableCells(text, bare: true) else { return false }
        let values = row.cells.map { cell in cell.number.flatMap { $0 == $0.rounded() ? Int($0) : nil } }
        return !values.contains(nil) && zip(values, values.dropFirst()).allSatisfy { $1! == $0! + 1 }
    }

    /// A row `TableCells` reads with two or more figures that are not all years.
    static func isFigureRow(_ text: String) -> Bool {
        guard let row = TableCells(text) else { return false }
        return row.cells.filter { $0.number != nil && $0.year == nil }.count >= 2
    }

    /// A table's header line: three or more cells apart, each short (学校数 招生数 毕业生数, (所) (人)),
    /// with no sentence punctuation and no long run of words.
    static func isHeaderRow(_ line: ScannedLine) -> Bool {
        guard line.shape.punctuation == 0, !line.shape.endsSentence, line.text.utf8.count <= 160 else { return false }
        let cells = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        return cells.count >= 3 && cells.allSatisfy { $0.count <= 6 }
    }
}
