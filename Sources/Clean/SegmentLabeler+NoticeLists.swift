import EduwhCore
import Foundation

// MARK: - A site's numbered notices

extension SegmentLabeler {
    /// A document site's numbered notices (1. 1、下载文档前请自行甄别… 2. 2、"仅部分预览"的文档… 3. 3、如文档侵犯…):
    /// when a line rule takes item 1 of a numbered list for noise, the items right after it that go
    /// on in step in the same numbering form (n+1, n+2, the same marks) are the same list, and
    /// noise too (`notice-list-item`), whatever words they use, when the list is noise from its
    /// item 1 on. A list the report numbers (1.发放… 2.落实…) keeps its items even where a rule
    /// takes one of them for noise further down; a line of another numbering form ends the list, and so
    /// does an item that states counted quantities (2.学校情况:现有各级各类学校111所…): a site's notices
    /// never count schools or pupils, so one dubious rule on item 1 cannot take a numbered body down with it.
    func extendNoticeLists(_ labeled: inout [LabeledLine]) {
        // The last item of a notice list that is noise from its first item (numbered 1) on.
        var previous: (number: Int, form: String)?
        for k in labeled.indices {
            let i = segment.lowerBound + k
            guard let item = Self.listNumber(lines[i].text) else {
                previous = nil
                continue
            }
            let inStep =
                previous.map { item.form == $0.form && item.number == $0.number + 1 } == true && k > 0
                && lines[i].number - labeled[k - 1].number <= 2 && lines[i].shape.counts == 0
            if inStep, labeled[k].label == .body {
                labeled[k].label = .noise
                labeled[k].rule = Self.noticeRule
            }
            // Only a line rule's noise starts a list: a structural guess about an item is no evidence.
            let starts =
                item.number == 1 && labeled[k].label == .noise
                && evaluator.firstRule(at: i, zone: nil, within: i..<(i + 1), zoneOf: { _ in .body })?.label == .noise
            previous = (inStep && labeled[k].label == .noise) || starts ? item : nil
        }
    }

    static let noticeRule = "notice-list-item"

    /// A line's list number and its form with the digits taken out (`3. 3、如…` → 3, `#.#、`;
    /// `2、…` → 2, `#、`); nil for a line that does not open with one.
    static func listNumber(_ text: String) -> (number: Int, form: String)? {
        // Most lines open with no digit: they are answered without the regex (called on every line).
        guard opensWithDigit(text),
            let found = listNumberPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let match = Range(found.range, in: text)
        else { return nil }
        let prefix = text[match]
        guard let number = Int(prefix.drop { !("0"..."9").contains($0) }.prefix { ("0"..."9").contains($0) })
        else { return nil }
        var form = ""
        var inDigits = false
        for character in prefix where !character.isWhitespace {
            let isDigit = ("0"..."9").contains(character)
            if isDigit, !inDigits { form.append("#") }
            if !isDigit { form.append(character) }
            inDigits = isDigit
        }
        return (number, form)
    }

    /// Compiled once: `range(of:options: .regularExpression)` compiled its pattern on every line
    /// (6% of a load's instructions).
    static let listNumberPattern = try! NSRegularExpression(
        pattern: #"^\s*([0-9]{1,2})\s*[.、．)）]\s*(([0-9]{1,2})\s*[.、．)）])?"#)

    /// Whether the first scalar after the line's leading white space is an ASCII digit, as the list
    /// pattern needs. Skips more than the pattern's `\s` (every separator, control and format
    /// scalar), so it only answers yes for lines the pattern may still refuse, never no for one it takes.
    static func opensWithDigit(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) { return true }
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: continue
            default: if scalar.properties.isWhitespace { continue }
            }
            return false
        }
        return false
    }
}

// MARK: - A list of other stories after the text

extension SegmentLabeler {
    /// A news page's list of other stories after the report's text, each headline cut to the same
    /// width (刚刚,全国第七个扶贫日主题宣传活动暨第 / 9000万元!“全闽乐购·畅享宁德”全闽乐): a headline that
    /// holds a comma or a ！ is no `related-list` line by its punctuation, and the tail walk keeps it
    /// as a short sentence or a figure. Such a line in the tail that ends no sentence, with two or
    /// more of its four nearest lines (two above, two below) taken as the list or its residue, one
    /// of them the list itself (a `related-list` line or an item this found above), and no longer than
    /// the list's lines (40 characters), is the list's (`tail-list-item`). A sentence that ends
    /// (…复学。) or a signature stays the report's, and so do short lines among headings alone (the
    /// residue rule takes a statistics page's 義務教育總體情況 too).
    func extendTailLists(_ labeled: inout [LabeledLine], lastParagraph: Int?) {
        guard let last = lastParagraph else { return }
        let list = Set(["related-list", Self.tailListRule])
        // An item found below counts for the lines above it too (the list grows upward through its
        // residue), so walk again until no line changes.
        var grew = true
        while grew {
            grew = false
            for k in labeled.indices where segment.lowerBound + k > last {
                guard labeled[k].rule == "tail-sentence" || labeled[k].rule == "tail-figure" else { continue }
                let line = lines[segment.lowerBound + k]
                guard !line.shape.endsSentence, line.shape.length <= 40 else { continue }
                let near = [k - 2, k - 1, k + 1, k + 2].filter { labeled.indices.contains($0) }.map { labeled[$0].rule }
                guard near.count(where: { list.contains($0) || $0 == "tail-residue" }) >= 2,
                    near.contains(where: list.contains)
                else { continue }
                labeled[k].label = .noise
                labeled[k].rule = Self.tailListRule
                grew = true
            }
        }
    }

    static let tailListRule = "tail-list-item"
}
