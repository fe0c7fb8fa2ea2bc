import EduwhCore

// MARK: - Lines a report's own later lines expose as copies

extension SegmentLabeler {
    /// A table of contents in the head: a run of section headings (一、… (三)…) listed before
    /// the body that come again, as the body's own headings, after it. A run is the contents list
    /// when two of its headings recur later, or when it has three or more and its first recurs
    /// (a page cut off after its first section); the line right above it goes with it when it
    /// names it (目录, 提纲, or a short label ending in ：or …). A run of five or more is also the
    /// contents when its first heading stands in the opening of the first paragraph below it: a
    /// document site's outline over the text it glued into one paragraph.
    func contentsEntries(headEnd: Int) -> Set<Int> {
        guard headEnd < segment.upperBound else { return [] }
        let maxLength = cleaner.settings.maxTitleLength
        let isHeading = { (i: Int) in self.lines[i].isListHeading && self.lines[i].shape.length <= maxLength }
        var runs: [Range<Int>] = []
        var i = segment.lowerBound
        while i < headEnd {
            guard isHeading(i) else {
                i += 1
                continue
            }
            var j = i
            while j < headEnd, isHeading(j) { j += 1 }
            if j - i >= 2 { runs.append(i..<j) }
            i = j
        }
        guard !runs.isEmpty else { return [] }
        let later = (headEnd..<segment.upperBound).filter { lines[$0].isListHeading }.map { lines[$0].comparable }
        let recurs = { (i: Int) -> Bool in
            let own = self.lines[i].comparable
            return own.count >= 4 && later.contains { $0 == own || ($0.hasPrefix(own) && own.count >= 8) }
        }
        // A document site's preview prints the document's outline, then its text glued into one
        // paragraph that opens with the outline's headings (10.4行动呼吁一、背景与意义1.1政策背景:国家…).
        let glued =
            paragraph[headEnd]
            ? String(String.UnicodeScalarView(lines[headEnd].comparable.unicodeScalars.prefix(80))) : ""
        let inGluedText = { (i: Int) -> Bool in
            let own = self.lines[i].comparable
            return own.count >= 4 && glued.includes(own)
        }
        var entries = Set<Int>()
        for run in runs {
            let recurring = run.filter(recurs).count
            let outline = run.count >= 5 && inGluedText(run.lowerBound)
            guard recurring >= 2 || (run.count >= 3 && recurs(run.lowerBound)) || outline else { continue }
            entries.formUnion(run)
            if run.lowerBound - 1 >= segment.lowerBound, namesContents(lines[run.lowerBound - 1]) {
                entries.insert(run.lowerBound - 1)
            }
        }
        return entries
    }

    /// The document's own table of contents: a line that is the word 目录 alone (目 录, 目次; no
    /// colon, ellipsis or 提纲, which a site's outline widget adds) right above a list heading, with
    /// the run of list headings under it, in the head or below a notice's first paragraph; or, in
    /// the head with no such line, a run of list headings holding two or more of the document's
    /// parts (第一部分 部门概况 … 第四部分 名词解释: the fixed contents of a 部门预算/决算 disclosure).
    /// The corpus convention labels a document's own 目录 as its text (B) and a site's outline as
    /// noise; the entries are the report's own section headings, so they are kept whether or not
    /// the body repeats them.
    func ownContents(headEnd: Int) -> Range<Int>? {
        let maxLength = cleaner.settings.maxTitleLength
        let isHeading = { (i: Int) in self.lines[i].isListHeading && self.lines[i].shape.length <= maxLength }
        let runEnd = { (start: Int, end: Int) -> Int in
            var j = start
            while j < end, isHeading(j) { j += 1 }
            return j
        }
        for i in segment where i + 1 < segment.upperBound && Self.isBareContentsWord(lines[i].text) {
            guard isHeading(i + 1) else { continue }
            return i..<runEnd(i + 1, i < headEnd ? headEnd : segment.upperBound)
        }
        var i = segment.lowerBound
        while i < headEnd {
            guard isHeading(i) else {
                i += 1
                continue
            }
            let j = runEnd(i, headEnd)
            if (i..<j).filter({ Self.isPartHeading(lines[$0].text) }).count >= 2 { return i..<j }
            i = j
        }
        return nil
    }

    /// A line of the document's own contents (`ownContents`) is its text: `contents-heading` for its
    /// 目录 line (and a spaced 目 录 alone, whatever its entries became in the page's text),
    /// `contents-entry` for the headings under it.
    func ownContentsDecision(_ i: Int, _ own: Range<Int>?) -> (LineLabel, String)? {
        if let own, own.contains(i) {
            let heading = i == own.lowerBound && !Self.isPartHeading(lines[i].text)
            return (.body, heading ? "contents-heading" : "contents-entry")
        }
        return Self.isSpacedContentsWord(lines[i].text) ? (.body, "contents-heading") : nil
    }

    /// A document's part heading: 第一部分 部门概况, 第四部分:名词解释, (第二部分)….
    static func isPartHeading(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars.drop { LineShape.isSpace($0) || $0 == "(" || $0 == "（" }
        guard scalars.first == "第" else { return false }
        scalars = scalars.dropFirst()
        let numerals = "一二三四五六七八九十0123456789０１２３４５６７８９".unicodeScalars
        let count = scalars.prefix { numerals.contains($0) }.count
        guard (1...3).contains(count) else { return false }
        return String(String.UnicodeScalarView(scalars.dropFirst(count).prefix(2))) == "部分"
    }

    /// The word for contents spaced out as a document sets its own heading (目 录, 目  錄): a
    /// site's outline button prints it unspaced.
    static func isSpacedContentsWord(_ text: String) -> Bool {
        guard isBareContentsWord(text) else { return false }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !LineShape.isSpace($0) }),
            let last = scalars.lastIndex(where: { !LineShape.isSpace($0) })
        else { return false }
        return last - first > 1
    }

    /// Whether a line is the word for contents and nothing else (目录, 目 录, 目錄, 目次).
    static func isBareContentsWord(_ text: String) -> Bool {
        let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { !LineShape.isSpace($0) }))
        return compact == "目录" || compact == "目錄" || compact == "目次"
    }

    /// A short label over a table of contents: 目录, 提纲, or a few words ending in ：or an ellipsis.
    private func namesContents(_ line: ScannedLine) -> Bool {
        guard line.shape.length <= 16, line.shape.punctuation == 0, !line.isListHeading else { return false }
        if line.matchText.includes("目录") || line.matchText.includes("提纲") { return true }
        guard let last = line.text.unicodeScalars.last else { return false }
        return last == "：" || last == ":" || last == "…"
    }

    /// The report's first paragraph when it is a site's banner: it stands alone above four or
    /// more short lines with no punctuation (counters, a menu, the title and its date), none of
    /// them a signature (an office, a date alone: a notice signed under its first paragraph), and
    /// two or more paragraphs follow them, where the report's text begins.
    func bannerParagraph() -> Int? {
        guard let first = segment.first(where: { paragraph[$0] }) else { return nil }
        var next = first + 1
        while next < segment.upperBound, !paragraph[next] {
            let line = lines[next]
            // Lines a rule already claims (a breadcrumb, a site's blurb) are chrome too.
            if let rule = evaluator.firstRule(at: next, zone: nil, within: next..<next + 1, zoneOf: { _ in .head }),
                rule.label == .noise || rule.label == .metadata
            {
                next += 1
                continue
            }
            guard line.shape.length <= 20, line.shape.punctuation == 0, !line.shape.endsSentence, !line.isListHeading,
                !line.isDateOnly, !line.isOrganisation(suffixes: cleaner.rules.words("org-suffix")),
                evaluator.cue(.salutation, at: next) == nil
            else { return nil }
            next += 1
        }
        let following = (next..<segment.upperBound).filter { paragraph[$0] }.count
        guard next - first - 1 >= 4, following >= 2 else { return nil }
        return first
    }

    /// The report's first paragraph when it is a teaser of the body: a document site's summary
    /// or a news page's lead that a paragraph a few lines below repeats from its start (the same
    /// first 24 characters, spaces and punctuation aside). The later copy is the report's text,
    /// unless it holds exactly the same words: then the page prints its item twice (`laterCopies`).
    func repeatedOpening(firstParagraph: Int?) -> Int? {
        guard let first = firstParagraph else { return nil }
        let key = Self.opening(of: lines[first])
        guard key.count == Self.openingLength else { return nil }
        for j in (first + 1)..<min(segment.upperBound, first + 6) where paragraph[j] {
            if Self.opening(of: lines[j]) == key { return isExactCopy(j, of: first) ? nil : first }
        }
        return nil
    }

    static let openingLength = 24

    /// Labels a news or document site puts before its own summary of the page (摘要, 导读, 内容提要,
    /// 核心提示, 导语), compared spaces and punctuation aside, in simplified and traditional script.
    static let summaryLabels: [[Unicode.Scalar]] = [
        "摘要", "内容提要", "內容提要", "提要", "导读", "導讀", "导语", "導語",
        "核心提示",
    ].map { Array($0.unicodeScalars) }

    /// Paragraphs that are a site's summary of the report: a paragraph led by a summary label ([摘要] …,
    /// 导读：…) whose words after the label a paragraph a few lines below repeats from its start (the
    /// same first 24 characters). The later paragraph is the report's text; the summary is the site's.
    /// A journal's own abstract (摘 要：受各种条件制约…) is not repeated below, so it stays.
    func summaryTeasers() -> Set<Int> {
        var teasers = Set<Int>()
        for i in segment where paragraph[i] {
            let head = ScannedLine.comparablePrefix(lines[i].text, Self.openingLength + 4)
            guard let label = Self.summaryLabels.first(where: { head.starts(with: $0) }) else { continue }
            let key = Array(
                ScannedLine.comparablePrefix(lines[i].text, Self.openingLength + label.count)
                    .dropFirst(label.count))
            guard key.count == Self.openingLength else { continue }
            if (i + 1..<min(segment.upperBound, i + 6)).contains(where: {
                paragraph[$0] && Self.opening(of: lines[$0]) == key
            }) {
                teasers.insert(i)
            }
        }
        return teasers
    }

    private static func opening(of line: ScannedLine) -> [Unicode.Scalar] {
        ScannedLine.comparablePrefix(line.text, openingLength)
    }

    /// Head lines that caption the page rather than title this report: the same words come again
    /// a few lines below as a piece of the collection (校安工程总结 above 第一篇：校安工程总结,
    /// 年终工作总结 above 年终工作总结1) or in the document's own fuller form (`restates`). The
    /// later line is the report's title. On a page of pieces marked at their ends, every
    /// title-shaped line above the first piece (`pageCaptions`).
    func collectionCaptions(headEnd: Int) -> Set<Int> {
        let head = segment.lowerBound..<headEnd
        let maxLength = cleaner.settings.maxTitleLength
        // Each title-shaped head line's comparable form and piece title, measured once.
        var comparable: [Int: String] = [:]
        var piece: [Int: String] = [:]
        for i in head where lines[i].shape.length <= maxLength && !lines[i].shape.endsSentence {
            comparable[i] = lines[i].comparable
            piece[i] = pieceTitle(i)
        }
        var result = pageCaptions(above: head.first { lines[$0].endsWithPieceMarker })
        for i in head {
            guard let own = comparable[i], own.unicodeScalars.count >= 4,
                evaluator.cue(.marker, at: i) == nil
            else { continue }
            for j in (i + 1)..<min(headEnd, i + 10) {
                guard let other = comparable[j] else { continue }
                if piece[j] == own || restates(own, as: other, at: j, from: i) {
                    result.insert(i)
                    break
                }
            }
        }
        return result
    }

    /// On a page collecting pieces marked at their ends (…述职报告 篇1) or at their starts (篇一：《…》), the
    /// one or two paragraphs above the first piece, within its first 16 lines: the site's blurb about the
    /// collection (随着社会不断进步，报告…以下是为大家整理的…; 《幼儿园全园工作计划》是引领幼儿园发展的航标…), not a
    /// report's text.
    func collectionIntro() -> Set<Int> {
        let window =
            segment.lowerBound..<min(segment.upperBound, segment.lowerBound + cleaner.settings.collectionIntroWindow)
        let isPiece = { (i: Int) -> Bool in
            !self.paragraph[i]
                && (self.lines[i].endsWithPieceMarker
                    || (self.evaluator.cue(.marker, at: i) != nil && Cleaner.titleText(self.lines[i].text) != nil))
        }
        guard let piece = window.first(where: isPiece) else { return [] }
        let above = (segment.lowerBound..<piece).filter { paragraph[$0] }
        return above.count <= 2 ? Set(above) : []
    }

    /// Title-shaped lines above a piece's title marked at its end (个人学校校长述职报告 篇1): on a
    /// page collecting pieces, the lines above the first piece are the page's and the
    /// collection's captions (校长年度工作总结, …锦集5篇), the piece's line is the report's title.
    private func pageCaptions(above piece: Int?) -> Set<Int> {
        guard let piece else { return [] }
        return Set(
            (segment.lowerBound..<piece).filter { i in
                let line = lines[i]
                return line.shape.length <= cleaner.settings.maxTitleLength && !line.shape.endsSentence
                    && !line.startsWithDash && !line.isDateOnly && !line.isListHeading && !line.isFieldAndValue
                    && !line.isLeadIn && evaluator.cue(.salutation, at: i) == nil
            })
    }

    /// Whether head line `j` is the document's own fuller form of title `own` (line `i`): the same
    /// words with the quotes and brackets a site's caption drops (扬州市教育事业“十二五”发展规划(讨论稿)
    /// under 扬州市教育事业十二五发展规划讨论稿), or with the words a caption cut from its front
    /// (xx县人民政府履行… under 政府履行…). A ——subtitle is no such form.
    private func restates(_ own: String, as other: String, at j: Int, from i: Int) -> Bool {
        let line = lines[j]
        guard !line.startsWithDash, line.shape.length > lines[i].shape.length, !line.isListHeading else { return false }
        guard other != own else { return true }
        // The words cut from the front are the document's (xx县人民…), not a button's (Share "…").
        guard other.hasSuffix(own), own.unicodeScalars.count >= 8 else { return false }
        return !other.unicodeScalars.dropLast(own.unicodeScalars.count).contains {
            $0.isASCII && $0.properties.isAlphabetic && $0 != "x" && $0 != "X"
        }
    }

    /// The comparable title of a piece of a collection: a marked piece (第一篇：…, 篇2 …) without
    /// its marker, or a title ending in a piece number of one or two digits without it.
    private func pieceTitle(_ j: Int) -> String? {
        let line = lines[j]
        if evaluator.cue(.marker, at: j) != nil {
            guard let title = Cleaner.titleText(line.text), title != line.text else { return nil }
            return ScannedLine.comparable(title)
        }
        // The number ends the line itself (年终工作总结1), not a footnote mark (公报[1]).
        guard let end = line.text.unicodeScalars.last, ("0"..."9").contains(end) else { return nil }
        var scalars = Array(line.comparable.unicodeScalars)
        var digits = 0
        while let last = scalars.last, ("0"..."9").contains(last) {
            scalars.removeLast()
            digits += 1
        }
        guard (1...2).contains(digits), let before = scalars.last, before.properties.isIdeographic else { return nil }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether head line `i` is a piece of a sentence hard-wrapped over lines (PDF text): it ends
    /// in a comma or 、, or it leaves a 《 or “ open, or it is 20 or more characters with a comma
    /// inside, and the lines right under it reach a comma or a sentence's end within three lines.
    /// A title wrapped over lines ends in neither.
    func isWrappedProse(_ i: Int) -> Bool {
        if Self.endsInClauseBreak(lines[i]) { return true }
        // A long line with a clause break inside (…的关键之年,是加快推进) runs on into the next.
        let brokenInside = Self.isBrokenInside(lines[i])
        guard lines[i].leavesQuoteOpen || brokenInside else { return false }
        var k = i
        while k + 1 < min(segment.upperBound, i + 4), lines[k + 1].number == lines[k].number + 1 {
            k += 1
            if Self.endsInClauseBreak(lines[k]) || lines[k].shape.endsSentence { return true }
            // Hard-wrapped prose goes on line after line with clauses broken inside.
            if brokenInside, Self.isBrokenInside(lines[k]) { return true }
        }
        return false
    }

    /// 20 or more characters with a comma before the last one.
    private static func isBrokenInside(_ line: ScannedLine) -> Bool {
        line.shape.length >= 20 && line.text.unicodeScalars.dropLast().contains { $0 == "，" || $0 == "," }
    }

    private static func endsInClauseBreak(_ line: ScannedLine) -> Bool {
        guard let last = line.text.unicodeScalars.last else { return false }
        return last == "，" || last == "," || last == "、"
    }

    /// Whether a collection's title (line `i`: 幼儿园工作总结(精选15篇), 中学督导汇报材料范文) has a
    /// piece below it in the head: a piece marker (第一篇：, 篇1), or a title-shaped line holding the
    /// collection's words without the count (幼儿园工作总结1, 中学督导汇报材料).
    func collectionHasPiece(_ i: Int, headEnd: Int) -> Bool {
        var scalars = Array(lines[i].text.unicodeScalars)
        if let open = scalars.lastIndex(where: { $0 == "(" || $0 == "（" }), open >= 4 {
            scalars.removeSubrange(open...)
        }
        var base = ScannedLine.comparable(String(String.UnicodeScalarView(scalars)))
        for suffix in ["范文大全", "范文精选", "范文"] where base.hasSuffix(suffix) && base.count > suffix.count + 3 {
            base.removeLast(suffix.count)
            break
        }
        let end = max(headEnd, min(segment.upperBound, i + 12))
        for j in (i + 1)..<end {
            if evaluator.cue(.marker, at: j) != nil { return true }
            if j < headEnd, base.count >= 4, lines[j].shape.length <= cleaner.settings.maxTitleLength,
                lines[j].comparable.includes(base)
            {
                return true
            }
        }
        return false
    }
}
