import EduwhCore

/// One quantity read at a start position, in phases: the number (digits, numerals, a rate in
/// words, a placeholder), a fraction or a range, 余/多 and magnitudes, the unit with 角分 and 半,
/// then the checks that say whether it is a quantity at all, and the qualifier before it.
extension QuantityScanner {
    /// What a phase decided: read on, or stop with this answer (nil: no quantity here).
    enum Step {
        case next
        case stop((QuantityMention, Int)?)
    }

    /// The quantity read so far.
    struct Draft {
        /// Where the number starts, the character before it, the line piece that is only numbers.
        let start: Int
        let prev: UInt32
        let standaloneSpan: Range<Int>?
        var value: Double? = nil
        var upper: Double? = nil
        var placeholder = false
        var reading: NumeralParser.Reading? = nil
        var rule = "q"
        var qualifier = Qualifier.exact
        /// The reading position.
        var j = 0
        var numberEnd = 0
        /// A rate written in words (百分之三十五, 千分之三): its unit comes from the words.
        var percentWords = false
        var wordsUnit = "percent"
        /// 上百名: the lead character belongs to the surface.
        var leadIncluded = false
        /// An Arabic number read whole by the grammar holds its own 万/亿 (2千5百万).
        var mixedBig = false
        var factor = 1.0
        var addend = 0.0
        var sawMagnitude = false
        /// 15k, 30w: the magnitude is a Latin letter.
        var latinMagnitude = false
        var unitRule: NormalizeRules.UnitRule? = nil
        var afterNumber = 0
        var cents = 0.0
        var unitOverride: String? = nil
        var half = 0.0
        var end = 0
        var unitName = ""
        var negative = false
        var isStandalone = false
        /// $160,154, $ 18,690: where the dollar sign before the number stands.
        var dollarAt: Int? = nil

        init(start: Int, prev: UInt32, standaloneSpan: Range<Int>?) {
            self.start = start
            self.prev = prev
            self.standaloneSpan = standaloneSpan
        }
    }

    func candidate(_ context: LineContext, at i: Int, standaloneSpan: Range<Int>?) -> (QuantityMention, Int)? {
        let line = context.line
        var d = Draft(start: i, prev: line.at(i - 1), standaloneSpan: standaloneSpan)
        if case .stop(let answer) = readNumber(context, &d) { return answer }
        d.numberEnd = d.j
        if let answer = ratio(context, &d) { return answer }
        if let answer = share(context, &d) { return answer }
        d.dollarAt = dollarSign(line, d)
        if case .stop(let answer) = readFraction(context, d) { return answer }
        readRange(line, &d)
        readMagnitudes(context, &d)
        readUnit(line, &d)
        guard unitFits(line, d) else { return nil }
        if case .stop(let answer) = vetContext(context, &d) { return answer }
        if case .stop(let answer) = vetForm(line, d) { return answer }
        guard let r = d.reading, d.value != nil else { return nil }
        if case .stop(let answer) = vetBare(line, r, &d) { return answer }
        if case .stop(let answer) = vetChinese(context, r, d) { return answer }
        return finish(line, r, &d)
    }

    // MARK: - The number

    private func readNumber(_ context: LineContext, _ d: inout Draft) -> Step {
        let line = context.line
        let i = d.start
        let v = line[i]
        if (v == 0x767E && line.matches(Self.percentWords, at: i))
            || (v == 0x5343 && line.matches(Self.permilleWords, at: i))
        {
            let numberAt = i + Self.percentWords.count
            guard
                let r = NumeralParser.chinese(line, at: numberAt, allowBareMagnitude: true)
                    ?? NumeralParser.arabic(line, at: numberAt)
            else { return .stop(nil) }
            d.reading = r
            d.value = r.value
            d.j = r.end
            d.percentWords = true
            if v == 0x5343 {
                d.wordsUnit = "‰"  // as the ‰ sign is written (units.tsv: permille)
                d.rule = "q-permille-words"
            } else {
                d.rule = "q-percent-words"
            }
            return .next
        }
        if ScalarClass.isArabicDigit(v) { return readArabic(context, &d) }
        if ScalarClass.isPlaceholder(v) {
            guard let end = placeholderRun(line, at: i) else { return .stop(nil) }
            d.placeholder = true
            d.j = end
            d.rule = "q-placeholder"
            return .next
        }
        if v == Self.mou {
            // 某万元, 某%: only with money or percent.
            let next = line.at(i + 1)
            guard next == 0x4E07 || next == 0x4EBF || next == 0x5143 || next == 0x25 || next == 0xFF05 else {
                return .stop(nil)
            }
            d.placeholder = true
            d.j = i + 1
            d.rule = "q-placeholder"
            return .next
        }
        if v == 0x25 || v == 0xFF05 {
            // A percent sign with no number before it: the site dropped the number.
            let prev = d.prev
            if ScalarClass.isArabicDigit(prev) || ScalarClass.isPlaceholder(prev) || ScalarClass.isSpace(prev)
                || ScalarClass.isASCIILetter(prev)
            {
                return .stop(nil)
            }
            guard !context.isQuoted(i) else { return .stop(nil) }
            let mention = QuantityMention(
                surface: line.text(i..<(i + 1)), value: nil, unit: "percent", qualifier: .placeholder,
                offset: i, rule: "q-missing-number")
            return .stop((mention, i + 1))
        }
        if NumeralGrammar.startsNumeral(v) {
            if let r = NumeralParser.chinese(line, at: i) {
                d.reading = r
                d.value = r.value
                d.j = r.end
                d.rule = "q-chinese"
                return .next
            }
            if let span = d.standaloneSpan, span.lowerBound == i,
                let digits = NumeralParser.chineseDigitString(line, span)
            {
                // 二〇〇八 on a line of its own: digits read one by one.
                let mention = QuantityMention(
                    surface: line.text(span), value: digits, unit: "", qualifier: .exact, offset: i,
                    rule: "q-chinese-digits")
                return .stop((mention, span.upperBound))
            }
            return .stop(nil)
        }
        if v == 0x28 || v == 0xFF08 {
            // ()个, ()平方米, 入学率(): a form's blank where the figure goes.
            let close = line.at(i + 1)
            guard close == 0x29 || close == 0xFF09 else { return .stop(nil) }
            d.placeholder = true
            d.j = i + 2
            d.rule = "q-blank"
            return .next
        }
        return readBareMagnitude(context, &d)
    }

    /// Arabic digits: a placeholder like 20xx, a number broken by a PDF space, or digits with
    /// Chinese places read whole by the grammar (2千5百万).
    private func readArabic(_ context: LineContext, _ d: inout Draft) -> Step {
        let line = context.line
        let i = d.start
        if let end = placeholderRun(line, at: i) {
            d.placeholder = true
            d.j = end
            d.rule = "q-placeholder"
            return .next
        }
        guard var r = NumeralParser.arabic(line, at: i) else { return .stop(nil) }
        // 2 056所, 14. 38亿元, 76. 9%: a number broken by a space in PDF text.
        if let joined = spacedNumber(line, r, at: i) { r = joined }
        // 2千5百万, 1百零1亿, 3千零40: Arabic digits with Chinese places, read whole by the grammar.
        let after = line.at(r.end)
        if ScalarClass.chineseSmallUnit(after) != nil, let g = NumeralGrammar.parse(line, at: i, arabic: true),
            g.tokens >= 3,
            g.end > r.end + 1, !(i..<g.end).contains(where: { context.claimed[$0] }),
            tailEnds(line, at: g.end, standaloneSpan: d.standaloneSpan), rules.unit(in: line, at: r.end) == nil
        {
            r.value = g.value
            r.end = g.end
            d.mixedBig = g.hasBig
        }
        d.reading = r
        d.value = r.value
        d.j = r.end
        d.rule = "q-arabic"
        return .next
    }

    /// 百, 千, 万, 亿 with no digit: 近百所 / 上千名, or a missing number (分别投入万元).
    private func readBareMagnitude(_ context: LineContext, _ d: inout Draft) -> Step {
        let line = context.line
        let i = d.start
        let v = line[i]
        let prev = d.prev
        let roughAfter =
            ScalarClass.chineseBigUnit(v) != nil || ScalarClass.chineseSmallUnit(v) != nil
            ? (line.at(i + 1) == 0x4F59 || line.at(i + 1) == 0x591A) : false  // 千余名, 百多所
        let standaloneStart = d.standaloneSpan?.lowerBound == i
        if bareMagnitudeLeads.contains(prev) || (roughAfter && prev != 0x6570 && prev != 0x51E0) || standaloneStart,
            let r = NumeralParser.chinese(line, at: i, allowBareMagnitude: true)
        {
            d.reading = r
            d.value = r.value
            d.j = r.end
            d.rule = "q-chinese"
            if prev == 0x4E0A {
                d.qualifier = .over
                d.leadIncluded = true
            }  // 上百名, 上千人: more than
            return .next
        }
        guard let magnitude = rules.magnitude(in: line, at: i), magnitude.factor >= 10_000 else { return .stop(nil) }
        let unitAt = i + magnitude.surface.count
        guard let unit = rules.unit(in: line, at: unitAt),
            unit.kind == .money || unit.kind == .area || unit.id == "renci"
        else {
            return .stop(nil)
        }
        // 数 几 上 多 余
        if prev == 0x6570 || prev == 0x51E0 || prev == 0x4E0A || prev == 0x591A || prev == 0x4F59 { return .stop(nil) }
        // 第1万元, 附件1万元: a number stands right before, refused as a name; no number is missing.
        if ScalarClass.isArabicDigit(prev) || ScalarClass.isChineseNumeral(prev) { return .stop(nil) }
        guard !context.isQuoted(i) else { return .stop(nil) }
        let end = unitAt + unit.surface.count
        let mention = QuantityMention(
            surface: line.text(i..<end), value: nil, unit: unit.unit, qualifier: .placeholder,
            offset: i, rule: "q-missing-number:\(unit.id)")
        return .stop((mention, end))
    }

    // MARK: - Fractions, ranges, magnitudes

    /// Ranges: 3-5所, 三至五所, 3～5万元.
    private func readRange(_ line: ScalarLine, _ d: inout Draft) {
        guard let r = d.reading, !d.percentWords else { return }
        let sep = line.at(d.j)
        guard ScalarClass.isRangeDash(sep) || sep == 0x81F3 || sep == 0x5230 else { return }
        let otherAt = d.j + 1
        // 1至两年: the ends may be written in different digits.
        let other =
            r.chinese
            ? (NumeralParser.chinese(line, at: otherAt) ?? NumeralParser.arabic(line, at: otherAt))
            : (NumeralParser.arabic(line, at: otherAt) ?? NumeralParser.chinese(line, at: otherAt))
        guard let o = other, o.value > r.value else { return }
        // Only a range when a magnitude or unit follows (七至九年级 stops at the unit check).
        var probe = o.end
        while ScalarClass.isSpace(line.at(probe)) && probe - o.end < 2 { probe += 1 }
        guard
            rules.unit(in: line, at: probe) != nil || rules.magnitude(in: line, at: probe) != nil
                || d.standaloneSpan?.upperBound == o.end
                || line.at(o.end) == 0x4F59 || line.at(o.end) == 0x591A
        else { return }
        d.upper = o.value
        d.j = o.end
        d.rule += "-range"
        // 一百二十到一百五十万元, 七千到九千亿元, 两到三万: the lower end takes the 万/亿
        // that closes the upper end when it has none of its own.
        if r.chinese, !(d.start..<r.end).contains(where: { ScalarClass.chineseBigUnit(line[$0]) != nil }),
            let big = ScalarClass.chineseBigUnit(line.at(o.end - 1))
        {
            var scale = big
            if let before = ScalarClass.chineseBigUnit(line.at(o.end - 2)) { scale *= before }  // 万亿
            if r.value * scale < o.value { d.value = r.value * scale }
        }
    }

    /// 余/多 and magnitudes: 5000余, 30多亿, 1.2万余, 十多万.
    private func readMagnitudes(_ context: LineContext, _ d: inout Draft) {
        let line = context.line
        if d.reading?.fuzzy == true { d.qualifier = .over }
        var steps = 0
        while steps < 3 {
            steps += 1
            // 200 余场: one space may stand before 余/多.
            if ScalarClass.isSpace(line.at(d.j)), line.at(d.j + 1) == 0x4F59 || line.at(d.j + 1) == 0x591A,
                d.reading != nil || d.placeholder
            {
                d.j += 1
            }
            if let q = rules.qualifiersAfterNumber.first(where: { line.matches($0.surface, at: d.j) }),
                q.surface != [0x51E0]
            {
                if q.surface == [0x591A] || q.surface == [0x4F59] {
                    // 多/余 only counts as "over" when a magnitude or unit follows, or at the end (or
                    // before 及/和 after a magnitude: 9亿多及4亿多).
                    let after = d.j + 1
                    if rules.unit(in: line, at: after) == nil && rules.magnitude(in: line, at: after) == nil
                        && !(d.standaloneSpan?.upperBound == after) && !ScalarClass.isClauseBreak(line.at(after))
                        && after < line.count && !(d.sawMagnitude && Self.isListAnd(line.at(after)))
                        && !(q.surface == [0x4F59] && isBigRoughCount(line, d, after: after))
                    {
                        break
                    }
                }
                d.qualifier = q.qualifier
                d.j += q.surface.count
                continue
            }
            var spaced = d.j
            while ScalarClass.isSpace(line.at(spaced)) && spaced - d.j < 2 { spaced += 1 }
            guard !d.sawMagnitude, !d.percentWords, let m = rules.magnitude(in: line, at: spaced) else { break }
            // 15k, 30w: a Latin magnitude glued to Arabic digits, not the start of a word (5km, 3wifi).
            let latin = ScalarClass.isASCIILetter(m.surface[0])
            if latin,
                spaced != d.j || d.reading?.chinese != false
                    || ScalarClass.isASCIILetter(line.at(spaced + m.surface.count))
            {
                break
            }
            d.latinMagnitude = latin
            // A Chinese numeral already holds its own 万/亿 (十二万); 百/千 after one is part of it.
            if let r = d.reading, r.chinese, m.factor < 10_000 { break }
            // 2千米, 5千克: a unit that starts like a magnitude wins.
            if let u = rules.unit(in: line, at: spaced), u.surface.count > m.surface.count { break }
            d.factor *= m.factor
            d.sawMagnitude = true
            d.j = spaced + m.surface.count
            // 5萬(wàn)名: a pinyin gloss a site put after the magnitude.
            if let g = Self.glossEnd(line, at: d.j) { d.j = g }
            // 1亿2千万元, 3亿5000万元, 2万5千人: a smaller magnitude right after adds to it.
            // 6万2000, 2万3千5百, 3千零40, 200万五千, 2万5: the rest of a mixed number (NumeralGrammar.tail).
            if !d.placeholder, readMagnitudeRange(line, m, &d) { continue }
            if !d.placeholder, let tail = NumeralGrammar.tail(line, at: d.j, below: m.factor),
                !(d.j..<tail.end).contains(where: { context.claimed[$0] }),
                tailEnds(line, at: tail.end, standaloneSpan: d.standaloneSpan) || Self.endsOnMagnitude(line, tail.end),
                !tail.colloquial || colloquialTailEnds(line, at: tail.end)
            {
                d.addend = tail.value
                d.j = tail.end
            } else if let tail = spacedTail(line, m, d) {
                d.addend = tail.value  // 7万 5千 4百 as a line of its own: one number spaced out
                d.j = tail.end
            }
        }
    }

    /// 1亿9千万推行, 3万5千投入: a tail that closes on a magnitude of its own (百 千 万, any script: `ScalarClass`)
    /// is a whole number whatever word follows it (session 25: ga29 动用1亿9千万推行).
    static func endsOnMagnitude(_ line: ScalarLine, _ end: Int) -> Bool {
        let last = line.at(end - 1)
        return (ScalarClass.chineseSmallUnit(last) ?? 0) >= 100 || ScalarClass.chineseBigUnit(last) == 10_000
    }

    /// 1万-5万元, 3千～5千元: a range whose ends both carry the magnitude just read (Arabic digits;
    /// a Chinese lower end holds its own 万 and is read as a range before).
    private func readMagnitudeRange(_ line: ScalarLine, _ m: NormalizeRules.MagnitudeRule, _ d: inout Draft) -> Bool {
        guard d.upper == nil, let r = d.reading, !r.chinese else { return false }
        let sep = line.at(d.j)
        guard ScalarClass.isRangeDash(sep) || sep == 0x81F3 || sep == 0x5230,
            let o = NumeralParser.arabic(line, at: d.j + 1),
            let m2 = rules.magnitude(in: line, at: o.end), m2.surface == m.surface, o.value > r.value
        else { return false }
        d.upper = o.value
        d.j = o.end + m2.surface.count
        d.rule += "-range"
        return true
    }

    // MARK: - The unit

    /// 级 子 主 额 车 长: after 个班 they make 班 the start of a noun (班级, 班子, 班主任, 班额, 班车, 班长).
    static let banNounRests: Set<UInt32> = [0x7EA7, 0x5B50, 0x4E3B, 0x989D, 0x8F66, 0x957F]
    /// The plain 个 row of units.tsv.
    static let geRule = NormalizeRules.standard.unit(in: ScalarLine("个"), at: 0)

    /// The unit after at most two spaces (417 人次, x %), 角分 after 元, 半 after a measure word,
    /// and the qualifier after the unit (70%以上, 1000人左右).
    private func readUnit(_ line: ScalarLine, _ d: inout Draft) {
        let j = d.j
        d.afterNumber = j
        if !d.percentWords {
            var k = j
            while ScalarClass.isSpace(line.at(k)) && k - j < 2 { k += 1 }
            if let g = Self.glossEnd(line, at: k), rules.unit(in: line, at: g) != nil { k = g }
            if d.dollarAt != nil, rules.unit(in: line, at: k)?.kind != .money {
                d.unitRule = Self.yuanRule  // $160,154班本額: the sign is the unit, 班 starts the next label
            } else if var u = rules.unit(in: line, at: k) {
                // 8个班级, 三个班子, 5个班主任: 班 opens a longer noun, the measure word is 个.
                if u.id == "ge-ban", Self.banNounRests.contains(line.at(k + 2)), let ge = Self.geRule { u = ge }
                d.unitRule = u
                d.afterNumber = k + u.surface.count
            }
        }
        // 贰拾叁元肆角伍分, 八块五毛, 45元6角7分: 角/毛 and 分 after 元 or 块 are tenths and hundredths.
        if let u = d.unitRule, !d.placeholder, u.unit == "yuan" || u.id == "kuai",
            let (extra, chainEnd) = moneyChain(line, at: d.afterNumber), chainEnd > d.afterNumber
        {
            d.cents = extra
            d.afterNumber = chainEnd
            d.unitOverride = "yuan"
        } else if let u = d.unitRule, u.unit == "yuan", line.at(d.afterNumber) == 0x6574 {
            d.afterNumber += 1  // 伍仟圆整
        } else if line.at(d.afterNumber) == 0x6B21, let u = d.unitRule, u.kind == .count, u.surface.count == 1,
            u.surface[0] != 0x6B21, line.at(d.afterNumber + 1) != 0x6027, u.surface[0] != 0x540D
        {  // not 次次, 一次性, 名次 (a rank)
            // 2,510校次, 27所次, 80余篇次: a measure word and 次 count visits or times (as 人次 does).
            d.unitOverride = u.unit + "次"
            d.afterNumber += 1
        }
        readHalf(line, &d)
        d.end = d.unitRule != nil ? d.afterNumber : j
        d.unitName = d.percentWords ? d.wordsUnit : (d.unitOverride ?? d.unitRule?.unit ?? "")
        // 3成多, 六成余, 翻了一番多: 多/余 after 成 (tenths) or 番 is "more than", as 30%以上.
        if d.unitRule?.id == "tenths" || d.unitRule?.id == "fan", line.at(d.end) == 0x591A || line.at(d.end) == 0x4F59 {
            d.qualifier = .over
            d.end += 1
        }
        // After-unit qualifiers: 70%以上, 1000人左右, 不超过 … (before); one space may stand
        // before the word (升学率达到 90% 以上).
        if d.unitRule != nil || d.percentWords || d.sawMagnitude {
            let at = ScalarClass.isSpace(line.at(d.end)) && ScalarClass.isHan(line.at(d.end + 1)) ? d.end + 1 : d.end
            if let q = rules.qualifiersAfterUnit.first(where: { line.matches($0.surface, at: at) }) {
                d.qualifier = q.qualifier
                d.end = at + q.surface.count
            }
        }
    }

    // MARK: - The mention

    /// Qualifiers before the number (近4万平方米, 不超过24个, 约1.8亿元) or earlier in the clause, the
    /// sign, and the value in the unit's base unit.
    func finish(_ line: ScalarLine, _ r: NumeralParser.Reading, _ d: inout Draft) -> (QuantityMention, Int)? {
        guard var number = d.value else { return nil }
        let numberStart = d.dollarAt ?? d.start
        var start = numberStart
        // 近 50億元: one space may stand between the word and the number.
        let spaced = ScalarClass.isSpace(line.at(numberStart - 1)) ? 1 : 0
        if qualifierBeforeEnds.mayEnd(line.at(numberStart - spaced - 1)),
            let q = rules.qualifiersBefore.first(where: { line.matches($0.surface, endingAt: numberStart - spaced) })
        {
            let before = line.at(numberStart - spaced - q.surface.count - 1)
            var blocked = false
            if q.surface == [0x8FD1] && jinBlockers.contains(before) { blocked = true }
            if q.surface == [0x7EA6] && yueBlockers.contains(before) { blocked = true }
            if !blocked {
                d.qualifier = q.qualifier
                start = numberStart - spaced - q.surface.count
            }
        }
        if d.qualifier == .exact, let clauseRule = rules.clauseQualifiers.first {
            // 每年约新增财政投入1.8亿元: a qualifier earlier in the clause, not part of the surface.
            var k = start - 1
            let limit = max(0, start - 12)
            while k >= limit {
                let c = line[k]
                if ScalarClass.isClauseBreak(c) || ScalarClass.isArabicDigit(c) || ScalarClass.isChineseNumeral(c) {
                    break
                }
                if line.matches(clauseRule.surface, at: k),
                    !yueBlockers.contains(line.at(k - 1)),
                    !yueFollowBlockers.contains(line.at(k + clauseRule.surface.count))
                {
                    d.qualifier = clauseRule.qualifier
                    break
                }
                k -= 1
            }
        }
        if d.unitRule?.id == "fan", d.prev == Self.fan { start = numberStart - 1 }  // 翻一番
        if d.leadIncluded { start = numberStart - 1 }
        var upper = d.upper
        if d.negative {
            start = ScalarClass.isSpace(d.prev) ? numberStart - 2 : numberStart - 1  // 负 1,200,000
            number = -number
            upper = upper.map { -$0 }
        }
        let unitFactor = d.unitRule?.factor ?? 1
        number = decimalRounded(
            (number * d.factor + (number < 0 ? -d.addend : d.addend) + d.half) * unitFactor + d.cents)
        if let up = upper { upper = decimalRounded(up * d.factor * unitFactor) }
        // 三大 is 3; 7大 (Arabic digits) is its value.
        if d.unitRule?.kind == .group { number = r.chinese ? Double(r.loneDigit ?? 0) : r.value }
        let id = d.unitRule.map { "\(d.rule):\($0.id)" } ?? (d.percentWords ? d.rule : "\(d.rule):bare")
        // 2-4所, 25至35人: a range says "at most" its upper end; the lower end is kept beside it.
        var lower: Double? = nil
        if let up = upper {
            lower = number
            number = up
            if d.qualifier == .exact { d.qualifier = .under }
        }
        let mention = QuantityMention(
            surface: line.text(start..<d.end), value: number, unit: d.unitName, qualifier: d.qualifier,
            upperValue: upper, lowerValue: lower, offset: start, rule: id)
        return (mention, d.end)
    }
}
