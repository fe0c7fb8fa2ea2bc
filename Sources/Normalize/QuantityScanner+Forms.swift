import EduwhCore

/// Forms of a number that carry their own unit or qualifier outside the measure-word table: a ratio
/// to one (生师比16.97:1), a dollar sign before the figure ($160,154), 余 after a 万/亿 figure before
/// the noun it counts (10万余教师), measure words that count only in some places (层, M, 兆).
extension QuantityScanner {
    /// Words in the clause of a figure with M, Mbps or 兆 that make it a bandwidth (context-words.tsv,
    /// bandwidth-cue: 光纤, 带宽).
    static let bandwidthCues = NormalizeRules.standard.words("bandwidth-cue")

    /// Whether the unit just read counts here. 层 counts a building's floors when it closes a clause or
    /// 的 or a number follows (共四层。 一幢两层的建筑, 四层20个教室), not before a noun (两层楼, 4层高,
    /// 主体二层正在施工). M, Mbps and 兆 are a bandwidth only with a network word in the clause (租用100M
    /// 光纤, 带宽10M以上); 100MB, 3M公司 and 1兆元 are not read so.
    func unitFits(_ line: ScalarLine, _ d: Draft) -> Bool {
        guard let u = d.unitRule else { return true }
        let next = line.at(d.afterNumber)
        if u.id == "ceng" {
            let closes =
                d.afterNumber >= line.count || ScalarClass.isClauseBreak(next) || next == 0x7684
                || ScalarClass.isArabicDigit(next) || ScalarClass.isChineseNumeral(next)
            return closes && d.prev != 0x7B2C  // 第三层 is a floor, not a count
        }
        guard u.id.hasPrefix("bw-") else { return true }
        if ScalarClass.isASCIILetter(next) { return false }
        var k = d.start - 1
        while k >= 0, d.start - k <= 12, !ScalarClass.isClauseBreak(line[k]) {
            if Self.bandwidthCues.contains(where: { line.matches($0, endingAt: k + 1) }) { return true }
            k -= 1
        }
        var j = d.afterNumber
        while j < line.count, j - d.afterNumber < 8, !ScalarClass.isClauseBreak(line[j]) {
            if Self.bandwidthCues.contains(where: { line.matches($0, at: j) }) { return true }
            j += 1
        }
        return false
    }

    /// The 元 row of units.tsv: a dollar figure's unit.
    static let yuanRule = NormalizeRules.standard.unit(in: ScalarLine("元"), at: 0)

    /// 生师比16.97:1, 人机比为44∶1: a ratio of N to one is a quantity N with no unit (rule q-ratio).
    /// Only N:1 with N above one; 1:N, 3:2, clock times (8:30) and longer chains (1:1:2) are not read.
    func ratio(_ context: LineContext, _ d: inout Draft) -> (QuantityMention, Int)? {
        let line = context.line
        guard let r = d.reading, !r.chinese, !d.placeholder, let value = d.value, value > 1,
            Self.isRatioColon(line.at(d.j)), line.at(d.j + 1) == 0x31
        else { return nil }
        let after = line.at(d.j + 2)
        guard !ScalarClass.isArabicDigit(after), after != 0x2E, !Self.isRatioColon(after),
            !ScalarClass.isArabicDigit(d.prev), !Self.isRatioColon(d.prev), d.prev != 0x2E,
            !(d.start..<(d.j + 2)).contains(where: { context.claimed[$0] })
        else { return nil }
        d.rule = "q-ratio"
        d.end = d.j + 2
        d.afterNumber = d.end
        d.unitName = ""
        guard var (mention, end) = finish(line, r, &d) else { return nil }
        mention.rule = "q-ratio"
        end = d.end
        return (mention, end)
    }

    /// 超过1/3的县, 有近1/4的学生: a share written as a fraction, before 的 and after a qualifier or
    /// a verb of having (有, 占, 达), is a percent rounded to two places (33.33), as the field gold
    /// converts it (fo18, fu35); 1/15的標準 after a noun (a norm, fm01) and 1/3 paging stay out.
    func share(_ context: LineContext, _ d: inout Draft) -> (QuantityMention, Int)? {
        let line = context.line
        guard let r = d.reading, !r.chinese, !d.placeholder, !r.hasDecimal, !r.grouped, r.value >= 1,
            line.at(d.j) == 0x2F, let den = NumeralParser.arabic(line, at: d.j + 1), !den.hasDecimal,
            den.value > r.value, den.value <= 100, line.at(den.end) == 0x7684,
            !ScalarClass.isArabicDigit(d.prev), d.prev != 0x2F,
            Self.shareLeads.contains(d.prev)
                || rules.qualifiersBefore.contains(where: { line.matches($0.surface, endingAt: d.start) }),
            !(d.start..<den.end).contains(where: { context.claimed[$0] })
        else { return nil }
        d.value = (r.value / den.value * 10_000).rounded() / 100
        d.rule = "q-share"
        d.end = den.end
        d.afterNumber = d.end
        d.unitName = "percent"
        guard var (mention, _) = finish(line, r, &d) else { return nil }
        mention.rule = "q-share"
        return (mention, d.end)
    }

    /// 有, 占, 达 (達): verbs that take a share right after them.
    static let shareLeads: Set<UInt32> = [0x6709, 0x5360, 0x8FBE, 0x9054]

    /// : ： ∶ between the two terms of a ratio.
    static func isRatioColon(_ v: UInt32) -> Bool { v == 0x3A || v == 0xFF1A || v == 0x2236 }

    /// $160,154, 調升至$ 18,690: a dollar sign (one space may follow it) right before Arabic digits
    /// makes the figure money; US$ stays out (its unit is 美元, which the text does not write).
    func dollarSign(_ line: ScalarLine, _ d: Draft) -> Int? {
        guard let r = d.reading, !r.chinese, !d.placeholder else { return nil }
        let at = ScalarClass.isSpace(d.prev) ? d.start - 2 : d.start - 1
        guard line.at(at) == 0x24 || line.at(at) == 0xFF04 else { return nil }
        if line.at(at - 1) == 0x53, line.at(at - 2) == 0x55 { return nil }  // US$
        return at
    }

    /// 10万余教师, 十四万余学童: 余 after a 万/亿 figure, before the noun it counts, is "more than"
    /// (余额, 余下, 余款 after it are words of their own).
    func isBigRoughCount(_ line: ScalarLine, _ d: Draft, after: Int) -> Bool {
        let big =
            (d.sawMagnitude && d.factor >= 10_000)
            || (d.reading?.chinese == true && ScalarClass.chineseBigUnit(line.at(d.j - 1)) ?? 0 >= 10_000)
        let next = line.at(after)
        return big && ScalarClass.isHan(next) && !ScalarClass.isChineseNumeral(next)
            && !Self.yuWordRests.contains(next)
    }

    /// 额 下 款 生 数 地: after 余 they make a word (余额, 余下, 余款, 余生, 余数, 余地).
    static let yuWordRests: Set<UInt32> = [0x989D, 0x4E0B, 0x6B3E, 0x751F, 0x6570, 0x5730]

    /// 两吨半, 五斤半, 三年半, 一个半小时: 半 after the measure word adds a half. Before a word, only after
    /// a duration, money, area or a weight or length (三年半时间, 两亩半地): a count of people or things has
    /// no half, so there 半 opens the word (一名全日制学生作两名半日制学生计算, gc24).
    func readHalf(_ line: ScalarLine, _ d: inout Draft) {
        guard let u = d.unitRule, !d.placeholder, d.unitOverride == nil, line.at(d.afterNumber) == 0x534A,
            u.kind == .count || u.kind == .duration || u.kind == .area || u.kind == .money
        else { return }
        if u.id == "ge", let next = rules.unit(in: line, at: d.afterNumber + 1), next.kind == .duration {
            d.unitRule = next  // 一个半小时 = 1.5 小时
            d.afterNumber += 1 + next.surface.count
            d.half = 0.5
        } else if !ScalarClass.isHan(line.at(d.afterNumber + 1))
            || (u.id != "ge" && rules.unit(in: line, at: d.afterNumber + 1) == nil
                && (u.kind != .count || Self.fractionalMeasures.contains(u.unit)))
        {
            d.afterNumber += 1
            d.half = 0.5
        }
    }
}

extension QuantityScanner {
    /// A magnitude or a unit of money, area, percent or score closes a number whose point is typed as 。
    /// (87。8分, 4。2%, 1。24万): a count (87。8个) is no fraction, so there the 。 ends a sentence.
    /// A length or weight (90。1公里) takes a fraction too; so does a bare figure of one or two
    /// fraction digits closed by a comma or semicolon (及格率全校为88。2，超过…: a sentence does not
    /// open with a lone number and a comma), fv40, fu11.
    func closesTypedPoint(_ line: ScalarLine, at k: Int, from start: Int) -> Bool {
        var m = k
        if Self.isPDFSpace(line.at(m)) { m += 1 }
        if rules.magnitude(in: line, at: m) != nil { return true }
        guard let u = rules.unit(in: line, at: m) else {
            let v = line.at(k)
            return k - start <= 2 && (v == 0xFF0C || v == 0x2C || v == 0xFF1B || v == 0x3B)
        }
        return u.kind == .money || u.kind == .area || u.kind == .percent || u.kind == .score
            || Self.fractionalMeasures.contains(u.unit)
    }

    /// · ・ ‧ ∙ ⋅ ･: a middle dot, which some pages type for the decimal point (gc09's bulletin: 34·16萬所,
    /// 99·27%, 0·25個百分點, 19·17∶1) and others put between a date's month and day (5·12地震, 9·11).
    @inline(__always)
    static func isMiddleDot(_ v: UInt32) -> Bool {
        v == 0xB7 || v == 0x30FB || v == 0x2027 || v == 0x2219 || v == 0x22C5 || v == 0xFF65
    }

    /// 34·16萬所, 5·12地震: digits after a middle dot after digits are a fraction or a date's day, never a
    /// number of their own.
    static func followsDottedDigits(_ line: ScalarLine, at i: Int) -> Bool {
        isMiddleDot(line.at(i - 1)) && ScalarClass.isArabicDigit(line.at(i - 2))
    }

    /// A middle dot is a point only before a magnitude, a unit of money, area or percent (个百分点
    /// too) or a ratio's :1; a date's day (5·12地震, 7·19特大暴雨) has none after it.
    func dotPointCloses(_ line: ScalarLine, at k: Int) -> Bool {
        if rules.magnitude(in: line, at: k) != nil { return true }
        if Self.isRatioColon(line.at(k)) { return line.at(k + 1) == 0x31 && !ScalarClass.isArabicDigit(line.at(k + 2)) }
        guard let u = rules.unit(in: line, at: k) else { return false }
        return u.kind == .money || u.kind == .area || u.kind == .percent
    }

    /// Measures of length and weight, which a decimal fraction can divide (unlike 个, 所, 人).
    static let fractionalMeasures: Set<String> = ["米", "公里", "千米", "吨", "克", "公斤", "千克"]

    /// The digits from `k` read as a decimal fraction (38 → 0.38) and the index after them.
    static func fraction(_ line: ScalarLine, at k: Int) -> (value: Double, end: Int) {
        var m = k
        var digits = 0.0
        var scale = 1.0
        while let d = ScalarClass.arabicDigit(line.at(m)) {
            digits = digits * 10 + Double(d)
            scale *= 10
            m += 1
        }
        return (digits / scale, m)
    }

    /// ? or ？: what a page shows where a character was lost in re-encoding.
    @inline(__always)
    static func isQuestionMark(_ v: UInt32) -> Bool { v == 0x3F || v == 0xFF1F }

    /// A point lost as ? (21?5%, 19?85%) is read only with one or two fraction digits and % right
    /// after them: before a count (1?個) the ? may stand for a lost digit, so the number stays unread.
    func lostPointCloses(_ line: ScalarLine, from start: Int, at k: Int) -> Bool {
        guard k - start <= 2 else { return false }
        return rules.unit(in: line, at: k)?.kind == .percent
    }

    /// 92.六亿元: the digits after the point typed as Chinese digits, read as one number when a
    /// magnitude follows them (a count, 3.五个, stays unread). Returns the joined reading, or nil.
    func chineseDigitDecimal(_ line: ScalarLine, _ r: NumeralParser.Reading) -> NumeralParser.Reading? {
        guard line.at(r.end) == 0x2E, let (fraction, k) = Self.chineseFraction(line, at: r.end + 1),
            rules.magnitude(in: line, at: k) != nil
        else { return nil }
        var joined = r
        joined.value = r.value + fraction
        joined.end = k
        joined.hasDecimal = true
        return joined
    }

    /// Chinese digits (六, 二五) after a point, read as a decimal fraction (二五 → 0.25), with the
    /// index after them; nil when none stands at `k` or a unit word (十 百 千) is among them.
    static func chineseFraction(_ line: ScalarLine, at k: Int) -> (value: Double, end: Int)? {
        var m = k
        var digits = 0.0
        var scale = 1.0
        while m - k < 4, let d = ScalarClass.chineseDigit(line.at(m)) {
            digits = digits * 10 + Double(d)
            scale *= 10
            m += 1
        }
        guard m > k, ScalarClass.chineseSmallUnit(line.at(m)) == nil else { return nil }
        return (digits / scale, m)
    }
}
