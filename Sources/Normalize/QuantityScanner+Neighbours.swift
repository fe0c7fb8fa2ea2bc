import EduwhCore

/// Figures read with their neighbours in the line. Two figures that each carry their unit, joined by 至/到 or a dash (5646元至5711元, 3万元至8万元,
/// 3万元(港币,下同)至8万元, 九千元至一万五千五百), say one range, as 3至4处 does: one mention spanning
/// both, at most its upper end (qualifier `under`, the lower end kept beside it). A change from one
/// value to another (增加49亿元至875亿元, 增幅由22.9%至26%: context-words.tsv, range-change-lead) stays
/// two figures. A unit-less 万/亿 figure after a money figure of the same sentence is money.
extension QuantityScanner {
    /// Words earlier in the clause that make two joined figures a change (context-words.tsv).
    static let rangeChangeLeads = NormalizeRules.standard.words("range-change-lead")

    /// The mentions of a line with each such pair of neighbours joined into one range.
    ///
    /// ```swift
    /// // 获发3万元至8万元不等的津贴 → one mention 3万元至8万元, value 80000, qualifier under
    /// ```
    func joinRangePairs(_ found: [QuantityMention], _ context: LineContext) -> [QuantityMention] {
        // Cheap test first: most lines have no 至/到/dash right before a figure.
        guard found.count >= 2, found.dropFirst().contains(where: { Self.followsJoint(context.line, $0.offset) })
        else { return found }
        var out: [QuantityMention] = []
        out.reserveCapacity(found.count)
        for mention in found {
            if let last = out.last, let joined = rangePair(last, mention, context) {
                out[out.count - 1] = joined
            } else {
                out.append(mention)
            }
        }
        return out
    }

    /// 預算已達25億,連同理工學院9億多及旅院4億多; 本年度预算数32,195千元,包括人事费12,884千: a 万/亿/千
    /// figure with no unit, later in the sentence than a money figure and closing its clause (no noun
    /// after it: 十四万余学童 counts children), is money too.
    func carryMoneyUnit(_ found: inout [QuantityMention], _ context: LineContext) {
        guard found.count >= 2, found.contains(where: { $0.unit.isEmpty && $0.value != nil }) else { return }
        let line = context.line
        var moneyEnd: Int? = nil
        for k in found.indices {
            if found[k].unit == "yuan" {
                moneyEnd = end(of: found[k], in: line)
                continue
            }
            guard let since = moneyEnd, found[k].unit.isEmpty, found[k].value != nil,
                found[k].surface.unicodeScalars.contains(where: { Self.magnitudeMarks.contains($0.value) })
            else { continue }
            let mention = found[k]
            let mentionEnd = end(of: mention, in: line)
            guard !(since..<mention.offset).contains(where: { Self.sentenceEnds.contains(line[$0]) }) else {
                moneyEnd = nil
                continue
            }
            // 受益学生1.2万, 惠及人口3万: people counted before the figure, not money.
            var lead = mention.offset - 1
            while lead > 0, Self.figureLeads.contains(line[lead]) { lead -= 1 }
            guard !Self.peopleNounEnds.contains(line.at(lead)) else { continue }
            let next = line.at(mentionEnd)
            guard
                mentionEnd >= line.count || ScalarClass.isClauseBreak(next) || ScalarClass.isSpace(next)
                    || Self.isListAnd(next) || next == 0x29 || next == 0xFF09
            else { continue }
            found[k].unit = "yuan"
            found[k].rule += "+money-carry"
        }
    }

    /// 约 近 达 为 共 有 超 逾: words between a noun and its figure (学生约1.2万).
    static let figureLeads: Set<UInt32> = [0x7EA6, 0x8FD1, 0x8FBE, 0x4E3A, 0x5171, 0x6709, 0x8D85, 0x903E]
    /// 生 人 口 童 儿 师 员 户 位 (学生, 人口, 学童, 幼儿, 教师, 学位): nouns of people or places counted.
    static let peopleNounEnds: Set<UInt32> = [
        0x751F, 0x4EBA, 0x53E3, 0x7AE5, 0x513F, 0x5E08, 0x5458, 0x6237, 0x4F4D,
    ]

    /// 千 万 亿 萬 億: the magnitudes a unit-less money figure is written with.
    static let magnitudeMarks: Set<UInt32> = [0x5343, 0x4E07, 0x4EBF, 0x842C, 0x5104]
    /// 。！？!? : the marks that end a sentence.
    static let sentenceEnds: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F]

    /// Whether 至, 到 or a dash (and at most one space) stands right before `offset`.
    static func followsJoint(_ line: ScalarLine, _ offset: Int) -> Bool {
        var v = line.at(offset - 1)
        if ScalarClass.isSpace(v) { v = line.at(offset - 2) }
        return v == 0x81F3 || v == 0x5230 || ScalarClass.isRangeDash(v)
    }

    /// `lower` and `upper` read as one range, or nil when they are not a pair.
    private func rangePair(_ lower: QuantityMention, _ upper: QuantityMention, _ context: LineContext)
        -> QuantityMention?
    {
        guard let low = lower.value, let high = upper.value, high > low, low >= 0,
            lower.qualifier == .exact, upper.qualifier == .exact, lower.upperValue == nil, upper.upperValue == nil,
            !lower.unit.isEmpty, upper.unit == lower.unit || upper.unit.isEmpty
        else { return nil }
        let line = context.line
        let lowerEnd = end(of: lower, in: line)
        guard joins(line, from: lowerEnd, to: upper.offset) else { return nil }
        // 增加49亿元至875亿元: a change, not a range.
        var k = lower.offset - 1
        while k >= 0, lower.offset - k <= 12, !ScalarClass.isClauseBreak(line[k]) {
            if Self.rangeChangeLeads.contains(where: { line.matches($0, endingAt: k + 1) }) { return nil }
            k -= 1
        }
        // A bare upper end (九千元至一万五千五百) must close its clause: else it counts something else.
        let upperEnd = end(of: upper, in: line)
        if upper.unit.isEmpty, upperEnd < line.count, !ScalarClass.isClauseBreak(line[upperEnd]) { return nil }
        var joined = lower
        joined.surface = line.text(lower.offset..<upperEnd)
        joined.value = high
        joined.qualifier = .under
        joined.upperValue = high
        joined.lowerValue = low
        joined.rule = lower.rule + "+range-pair"
        return joined
    }

    /// The joint between two figures: at most one bracketed aside ((港币,下同)), then 至, 到 or one
    /// dash, then at most one space, and nothing else.
    private func joins(_ line: ScalarLine, from start: Int, to end: Int) -> Bool {
        var k = start
        let open = line.at(k)
        if open == 0x28 || open == 0xFF08 {
            let limit = min(end, k + 12)
            while k < limit, line[k] != 0x29, line[k] != 0xFF09 { k += 1 }
            guard k < end, line[k] == 0x29 || line[k] == 0xFF09 else { return false }
            k += 1
        }
        let v = line.at(k)
        guard v == 0x81F3 || v == 0x5230 || ScalarClass.isRangeDash(v) else { return false }
        var m = k + 1
        if ScalarClass.isSpace(line.at(m)) { m += 1 }
        return m == end
    }

    /// The index just after a mention in the scanned line (a glossed line's surface holds its glosses).
    private func end(of mention: QuantityMention, in line: ScalarLine) -> Int {
        let count = mention.surface.unicodeScalars.count
        guard let origin = line.origin else { return mention.offset + count }
        let rawEnd = line.rawOffset(mention.offset) + count
        var k = mention.offset
        while k < origin.count, origin[k] < rawEnd { k += 1 }
        return k
    }
}
