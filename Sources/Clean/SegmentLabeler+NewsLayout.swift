import EduwhCore

// MARK: - News-item layouts and lists among the report's lines

extension SegmentLabeler {
    /// Decisions by the report's layout for lines no line rule took: `body-credit` (M) lines
    /// among the paragraphs and the `foreign-abstract` (N) paragraph.
    func layoutDecisions(zoneOf zone: (Int) -> LineZone) -> [Int: (LineLabel, String)] {
        var out: [Int: (LineLabel, String)] = [:]
        for i in bodyCreditLines(zoneOf: zone) { out[i] = (.metadata, "body-credit") }
        if let i = loneForeignParagraph() { out[i] = (.noise, "foreign-abstract") }
        return out
    }

    /// A page record or credit line can stand among a news item's paragraphs (a dateline under
    /// a lead, an editor's line above the disclaimers) rather than at the page's edge: a line of
    /// at most this many characters with no sentence punctuation.
    static let bodyCreditMaxLength = 60

    /// Lines between the report's first and last paragraph that a metadata rule would take at
    /// the page's edge: short, unpunctuated, citing no document (《…》, 、: a table's source note is
    /// the report's), not a paragraph, and the first rule that holds
    /// for them in the head is a metadata rule (编辑：赵建, 2014-06-23 14:20:22 青岛日报,
    /// 新闻来源：华视新闻 between a news item's paragraphs). They are `body-credit` (M).
    func bodyCreditLines(zoneOf zone: (Int) -> LineZone) -> Set<Int> {
        var result = Set<Int>()
        for i in segment where zone(i) == .body && !paragraph[i] {
            let line = lines[i]
            guard line.shape.length <= Self.bodyCreditMaxLength, line.shape.punctuation == 0,
                !line.shape.endsSentence, !line.isTableRow, !line.text.contains("《"), !line.text.contains("、"),
                let rule = evaluator.firstRule(at: i, zone: .head, within: segment, zoneOf: zone),
                rule.label == .metadata, !rule.id.hasPrefix("breadcrumb")
            else { continue }
            result.insert(i)
        }
        return result
    }

    /// The number a list item is led by (`3、…` → 3), or nil.
    static func itemNumber(_ text: String) -> Int? {
        var digits = ""
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar), digits.count < 2 {
                digits.unicodeScalars.append(scalar)
            } else {
                return scalar == "、" && !digits.isEmpty ? Int(digits) : nil
            }
        }
        return nil
    }

    /// Whether line `i` is an item of a list the report numbers in step (1、… 2、… 3、…): its
    /// number follows the line above's or leads to the line below's. A web page's list of other
    /// stories carries no such numbers; a report's list of schools or sources does.
    func isNumberedItem(_ i: Int) -> Bool {
        guard let n = Self.itemNumber(lines[i].text) else { return false }
        let above = i > segment.lowerBound ? Self.itemNumber(lines[i - 1].text) : nil
        let below = i + 1 < segment.upperBound ? Self.itemNumber(lines[i + 1].text) : nil
        return above == n - 1 || below == n + 1
    }

    /// Whether line `i` is a short caption ending in a colon (中学：) right above the first item
    /// of a numbered list.
    func isNumberedListCaption(_ i: Int) -> Bool {
        guard let last = lines[i].text.unicodeScalars.last, last == ":" || last == "：",
            lines[i].shape.length <= 12, lines[i].shape.punctuation == 0, i + 1 < segment.upperBound,
            Self.itemNumber(lines[i + 1].text) == 1
        else { return false }
        return isNumberedItem(i + 1)
    }

    /// The pairs of adjacent ideographs in `text` (folded forms).
    static func ideographPairs(_ text: String) -> Set<String> {
        let scalars = Array(text.unicodeScalars)
        var pairs = Set<String>()
        for k in scalars.indices.dropLast()
        where scalars[k].properties.isIdeographic && scalars[k + 1].properties.isIdeographic {
            pairs.insert(String(String.UnicodeScalarView([scalars[k], scalars[k + 1]])))
        }
        return pairs
    }

    /// A page cut off mid-sentence leaves a piece of the report's own wording (推进高校, 大力提升雄安新);
    /// a short closing line that shares no pair of ideographs with the report's paragraphs is a
    /// widget's label (我有话说, 最新消息, 发布留言, 相关稿件：), not a cut sentence. Lines with more
    /// than `maxLength` ideographs are long enough to be a sentence's start either way.
    func isWidgetLabel(_ i: Int, maxLength: Int = 5) -> Bool {
        let line = lines[i]
        // A blanked name (**县教) hides the wording there is to compare: the cut text keeps it.
        let blanks = "*＊×".unicodeScalars
        guard line.shape.cjk <= maxLength, !line.text.unicodeScalars.contains(where: { blanks.contains($0) }) else {
            return false
        }
        let own = Self.ideographPairs(line.matchText)
        for j in segment where j != i && paragraph[j] {
            let text = lines[j].matchText
            if own.contains(where: { text.includes($0) }) { return false }
        }
        return true
    }
}

// MARK: - A lone paragraph in another script

extension SegmentLabeler {
    /// A line of at least this many characters can be a translated abstract.
    static let foreignParagraphMinLength = 60

    /// The one Latin-script paragraph (a line of `foreignParagraphMinLength` or more) of a Chinese report (a periodical site's machine-translated
    /// abstract under the Chinese text): no ideograph, half or more Latin letters, and no other
    /// Latin line of 20 characters or more in the report (an English cover page or a bilingual
    /// report has several). It is `foreign-abstract` (N).
    func loneForeignParagraph() -> Int? {
        let latin = segment.filter { i in
            let shape = lines[i].shape
            return shape.length >= 20 && shape.cjk == 0 && shape.latin * 2 >= shape.length
        }
        guard latin.count == 1, let i = latin.first,
            lines[i].shape.length >= Self.foreignParagraphMinLength,
            segment.contains(where: { lines[$0].shape.cjk >= 20 })
        else { return nil }
        return i
    }
}
