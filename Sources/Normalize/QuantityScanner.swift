import EduwhCore

/// Finds quantities (a number with its unit and qualifier) in one prepared line.
///
/// Numbers in Arabic digits, Chinese or financial numerals and mixed forms (3.48亿), placeholders
/// (x所, XX万元, 20xx元) and missing numbers (分别投入万元, 跃升到%) are read; list markers, plan
/// names, document numbers, fixed phrases, ranks, ordinals and names (一中, 二期, 下三台公路) are not.
///
/// ```swift
/// var context = LineContext("投入3.48亿元升级改造")
/// QuantityScanner(rules: .standard).scan(context, standalone: false).first?.value // 348000000
/// ```
struct QuantityScanner {
    let rules: NormalizeRules

    private static let percentWords = "百分之".scalarValues
    private static let permilleWords = "千分之".scalarValues
    private static let fractionWords = "分之".scalarValues
    private static let yi: UInt32 = 0x4E00     // 一
    private static let er: UInt32 = 0x4E8C     // 二
    private static let mou: UInt32 = 0x67D0    // 某
    private static let fan: UInt32 = 0x7FFB    // 翻
    private static let mei: UInt32 = 0x6BCF    // 每

    /// The scanner with the shipped rule tables.
    static let standard = QuantityScanner(rules: .standard)

    /// Word lists from `rules/normalize/context-words.tsv`, read once.
    private let durationCues: [[UInt32]]
    private let bareMagnitudeLeads: Set<UInt32>
    private let labelLeads: Set<UInt32>
    private let contactWords: [[UInt32]]
    private let jinBlockers: Set<UInt32>
    private let yueBlockers: Set<UInt32>
    private let yueFollowBlockers: Set<UInt32>

    init(rules: NormalizeRules) {
        self.rules = rules
        durationCues = rules.words("duration-cue")
        bareMagnitudeLeads = rules.chars("bare-magnitude-lead")
        labelLeads = rules.chars("label-lead")
        contactWords = rules.words("contact")
        jinBlockers = rules.chars("jin-blocker")
        yueBlockers = rules.chars("yue-blocker")
        yueFollowBlockers = rules.chars("yue-follower")
    }

    /// Reads every quantity of the line. With `standalone`, a line that is only a number
    /// (一百零一, 4.78万亿) is a quantity too.
    func scan(_ context: LineContext, standalone: Bool) -> [QuantityMention] {
        let line = context.line
        let n = line.count
        var out: [QuantityMention] = []
        var lineStart = 0
        var lineEnd = n
        if standalone {
            while lineStart < n, ScalarClass.isSpace(line[lineStart]) { lineStart += 1 }
            while lineEnd > lineStart, ScalarClass.isSpace(line[lineEnd - 1]) || line[lineEnd - 1] == 0x3002 { lineEnd -= 1 }
        }
        // 一百二十，三百四十五，两千零八点五: a line that is a list of numbers reads each as a line of its own.
        let pieces = standalone ? Self.numberListPieces(line, lineStart..<lineEnd) : nil
        var i = 0
        while i < n {
            let v = line[i]
            if v >= 0x10000 || rules.firstFlags[Int(v)] & NormalizeRules.flagQuantityStart == 0 || context.claimed[i] { i += 1; continue }
            let prev = line.at(i - 1)
            var startable = false
            if ScalarClass.isArabicDigit(v) {
                startable = !ScalarClass.isArabicDigit(prev) && prev != 0x2E && prev != 0xFF0E && !isSpacedTail(line, at: i)
            } else if NumeralGrammar.startsNumeral(v) {
                startable = !ScalarClass.isChineseNumeral(prev)
            } else if ScalarClass.isPlaceholder(v) || v == Self.mou {
                startable = !ScalarClass.isASCIILetter(prev) && !ScalarClass.isPlaceholder(prev) && !ScalarClass.isArabicDigit(prev)
            } else if v == 0x25 || v == 0xFF05 {
                startable = true
            } else if ScalarClass.chineseBigUnit(v) != nil || ScalarClass.chineseSmallUnit(v) != nil {
                startable = !ScalarClass.isChineseNumeral(prev)
            }
            if startable {
                let whole = standalone ? (pieces?.first { $0.contains(i) } ?? (lineStart..<lineEnd)) : nil
                if let (mention, end) = candidate(context, at: i, standaloneSpan: whole) {
                    out.append(mention)
                    i = max(end, i + 1)
                    continue
                }
                // Skip the rest of this number so that its tail is not read again.
                var j = i + 1
                if ScalarClass.isArabicDigit(v) {
                    while j < n, ScalarClass.isArabicDigit(line[j]) || line[j] == 0x2E { j += 1 }
                    // 3—6岁: a range that is no quantity is skipped whole, not read from its upper end.
                    if j + 1 < n, ScalarClass.isRangeDash(line[j]), ScalarClass.isArabicDigit(line[j + 1]) {
                        j += 1
                        while j < n, ScalarClass.isArabicDigit(line[j]) || line[j] == 0x2E { j += 1 }
                    }
                } else if ScalarClass.isChineseNumeral(v) {
                    while j < n, ScalarClass.isChineseNumeral(line[j]) { j += 1 }
                }
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// The pieces of a line that is only numbers separated by 、，,；; (two or more), or nil.
    static func numberListPieces(_ line: ScalarLine, _ span: Range<Int>) -> [Range<Int>]? {
        var pieces: [Range<Int>] = []
        var start = span.lowerBound
        var sawSeparator = false
        for k in span {
            let v = line[k]
            if v == 0x3001 || v == 0xFF0C || v == 0x2C || v == 0xFF1B || v == 0x3B {
                if k > start { pieces.append(start..<k) } else { return nil }
                start = k + 1
                sawSeparator = true
                if v == 0x2C || v == 0xFF0C, ScalarClass.isArabicDigit(line.at(k - 1)), ScalarClass.isArabicDigit(line.at(k + 1)) { return nil }
            } else if !(ScalarClass.isChineseNumeral(v) || ScalarClass.isArabicDigit(v) || v == 0x70B9 || v == 0x9EDE || v == 0x2E
                        || v == 0x4FE9 || v == 0x5006 || ScalarClass.isSpace(v)) {
                return nil
            }
        }
        guard sawSeparator, start < span.upperBound else { return nil }
        pieces.append(start..<span.upperBound)
        return pieces.map { piece in
            var a = piece.lowerBound, b = piece.upperBound
            while a < b, ScalarClass.isSpace(line[a]) { a += 1 }
            while b > a, ScalarClass.isSpace(line[b - 1]) { b -= 1 }
            return a..<b
        }
    }

    // MARK: - One candidate

    private func candidate(_ context: LineContext, at i: Int, standaloneSpan: Range<Int>?) -> (QuantityMention, Int)? {
        let line = context.line
        let v = line[i]
        let prev = line.at(i - 1)
        var value: Double? = nil
        var upper: Double? = nil
        var placeholder = false
        var reading: NumeralParser.Reading? = nil
        var rule = "q"
        var qualifier = Qualifier.exact
        var j: Int
        // A rate written in words (百分之三十五, 千分之三): its unit comes from the words.
        var percentWords = false
        var wordsUnit = "percent"
        var leadIncluded = false
        // An Arabic number read whole by the grammar holds its own 万/亿 (2千5百万).
        var mixedBig = false

        if (v == 0x767E && line.matches(Self.percentWords, at: i)) || (v == 0x5343 && line.matches(Self.permilleWords, at: i)) {
            let numberAt = i + Self.percentWords.count
            guard let r = NumeralParser.chinese(line, at: numberAt, allowBareMagnitude: true) ?? NumeralParser.arabic(line, at: numberAt) else { return nil }
            reading = r
            value = r.value
            j = r.end
            percentWords = true
            if v == 0x5343 {
                wordsUnit = "‰"   // as the ‰ sign is written (units.tsv: permille)
                rule = "q-permille-words"
            } else {
                rule = "q-percent-words"
            }
        } else if ScalarClass.isArabicDigit(v) {
            if let end = placeholderRun(line, at: i) {
                placeholder = true
                j = end
                rule = "q-placeholder"
            } else {
                guard var r = NumeralParser.arabic(line, at: i) else { return nil }
                // 2 056所, 14. 38亿元, 76. 9%: a number broken by a space in PDF text.
                if let joined = spacedNumber(line, r, at: i) { r = joined }
                // 2千5百万, 1百零1亿, 3千零40: Arabic digits with Chinese places, read whole by the grammar.
                let after = line.at(r.end)
                if ScalarClass.chineseSmallUnit(after) != nil, let g = NumeralGrammar.parse(line, at: i, arabic: true), g.tokens >= 3, g.end > r.end + 1,
                   !(i..<g.end).contains(where: { context.claimed[$0] }), tailEnds(line, at: g.end, standaloneSpan: standaloneSpan),
                   rules.unit(in: line, at: r.end) == nil {
                    r.value = g.value
                    r.end = g.end
                    mixedBig = g.hasBig
                }
                reading = r
                value = r.value
                j = r.end
                rule = "q-arabic"
            }
        } else if ScalarClass.isPlaceholder(v) {
            guard let end = placeholderRun(line, at: i) else { return nil }
            placeholder = true
            j = end
            rule = "q-placeholder"
        } else if v == Self.mou {
            // 某万元, 某%: only with money or percent.
            let next = line.at(i + 1)
            guard next == 0x4E07 || next == 0x4EBF || next == 0x5143 || next == 0x25 || next == 0xFF05 else { return nil }
            placeholder = true
            j = i + 1
            rule = "q-placeholder"
        } else if v == 0x25 || v == 0xFF05 {
            // A percent sign with no number before it: the site dropped the number.
            if ScalarClass.isArabicDigit(prev) || ScalarClass.isPlaceholder(prev) || ScalarClass.isSpace(prev) || ScalarClass.isASCIILetter(prev) { return nil }
            guard !context.isQuoted(i) else { return nil }
            let mention = QuantityMention(surface: line.text(i..<(i + 1)), value: nil, unit: "percent", qualifier: .placeholder, offset: i, rule: "q-missing-number")
            return (mention, i + 1)
        } else if NumeralGrammar.startsNumeral(v) {
            if let r = NumeralParser.chinese(line, at: i) {
                reading = r
                value = r.value
                j = r.end
                rule = "q-chinese"
            } else if let span = standaloneSpan, span.lowerBound == i, let digits = NumeralParser.chineseDigitString(line, span) {
                // 二〇〇八 on a line of its own: digits read one by one.
                let mention = QuantityMention(surface: line.text(span), value: digits, unit: "", qualifier: .exact, offset: i, rule: "q-chinese-digits")
                return (mention, span.upperBound)
            } else {
                return nil
            }
        } else {
            // 百, 千, 万, 亿 with no digit: 近百所 / 上千名, or a missing number (分别投入万元).
            let roughAfter = ScalarClass.chineseBigUnit(v) != nil || ScalarClass.chineseSmallUnit(v) != nil
                ? (line.at(i + 1) == 0x4F59 || line.at(i + 1) == 0x591A) : false  // 千余名, 百多所
            let standaloneStart = standaloneSpan?.lowerBound == i
            if bareMagnitudeLeads.contains(prev) || (roughAfter && prev != 0x6570 && prev != 0x51E0) || standaloneStart,
               let r = NumeralParser.chinese(line, at: i, allowBareMagnitude: true) {
                reading = r
                value = r.value
                j = r.end
                rule = "q-chinese"
                if prev == 0x4E0A { qualifier = .over; leadIncluded = true }  // 上百名, 上千人: more than
            } else if let magnitude = rules.magnitude(in: line, at: i), magnitude.factor >= 10_000 {
                let unitAt = i + magnitude.surface.count
                guard let unit = rules.unit(in: line, at: unitAt), unit.kind == .money || unit.kind == .area || unit.id == "renci" else { return nil }
                if prev == 0x6570 || prev == 0x51E0 || prev == 0x4E0A || prev == 0x591A || prev == 0x4F59 { return nil }  // 数 几 上 多 余
                guard !context.isQuoted(i) else { return nil }
                let end = unitAt + unit.surface.count
                let mention = QuantityMention(surface: line.text(i..<end), value: nil, unit: unit.unit, qualifier: .placeholder,
                                              offset: i, rule: "q-missing-number:\(unit.id)")
                return (mention, end)
            } else {
                return nil
            }
        }
        let numberStart = i
        let numberEnd = j

        // Fractions: 三分之一.
        if let r = reading, !percentWords, line.matches(Self.fractionWords, at: j) {
            let numeratorAt = j + Self.fractionWords.count
            guard let numerator = NumeralParser.chinese(line, at: numeratorAt) ?? NumeralParser.arabic(line, at: numeratorAt), r.value > 0 else { return nil }
            guard !context.isQuoted(i) else { return nil }
            let end = numerator.end
            let mention = QuantityMention(surface: line.text(i..<end), value: numerator.value / r.value, unit: "", qualifier: .exact, offset: i, rule: "q-fraction")
            return (mention, end)
        }

        // Ranges: 3-5所, 三至五所, 3～5万元.
        if let r = reading, !percentWords {
            let sep = line.at(j)
            if ScalarClass.isRangeDash(sep) || sep == 0x81F3 || sep == 0x5230 {
                let otherAt = j + 1
                let other = r.chinese ? NumeralParser.chinese(line, at: otherAt) : NumeralParser.arabic(line, at: otherAt)
                if let o = other, o.value > r.value {
                    // Only a range when a magnitude or unit follows (七至九年级 stops at the unit check).
                    var probe = o.end
                    while ScalarClass.isSpace(line.at(probe)) && probe - o.end < 2 { probe += 1 }
                    if rules.unit(in: line, at: probe) != nil || rules.magnitude(in: line, at: probe) != nil || standaloneSpan?.upperBound == o.end
                        || line.at(o.end) == 0x4F59 || line.at(o.end) == 0x591A {
                        upper = o.value
                        j = o.end
                        rule += "-range"
                        // 一百二十到一百五十万元, 七千到九千亿元, 两到三万: the lower end takes the 万/亿
                        // that closes the upper end when it has none of its own.
                        if r.chinese, !(i..<r.end).contains(where: { ScalarClass.chineseBigUnit(line[$0]) != nil }),
                           let big = ScalarClass.chineseBigUnit(line.at(o.end - 1)) {
                            var scale = big
                            if let before = ScalarClass.chineseBigUnit(line.at(o.end - 2)) { scale *= before }   // 万亿
                            if r.value * scale < o.value { value = r.value * scale }
                        }
                    }
                }
            }
        }

        // 余/多 and magnitudes: 5000余, 30多亿, 1.2万余, 十多万.
        var factor = 1.0
        var addend = 0.0
        var sawMagnitude = false
        if reading?.fuzzy == true { qualifier = .over }
        var steps = 0
        while steps < 3 {
            steps += 1
            // 200 余场: one space may stand before 余/多.
            if ScalarClass.isSpace(line.at(j)), line.at(j + 1) == 0x4F59 || line.at(j + 1) == 0x591A, reading != nil || placeholder { j += 1 }
            if let q = rules.qualifiersAfterNumber.first(where: { line.matches($0.surface, at: j) }), q.surface != [0x51E0] {
                if q.surface == [0x591A] || q.surface == [0x4F59] {
                    // 多/余 only counts as "over" when a magnitude or unit follows, or at the end.
                    let after = j + 1
                    if rules.unit(in: line, at: after) == nil && rules.magnitude(in: line, at: after) == nil
                        && !(standaloneSpan?.upperBound == after) && !ScalarClass.isClauseBreak(line.at(after)) && after < line.count { break }
                }
                qualifier = q.qualifier
                j += q.surface.count
                continue
            }
            var spaced = j
            while ScalarClass.isSpace(line.at(spaced)) && spaced - j < 2 { spaced += 1 }
            if !sawMagnitude, !percentWords, let m = rules.magnitude(in: line, at: spaced) {
                // A Chinese numeral already holds its own 万/亿 (十二万); 百/千 after one is part of it.
                if let r = reading, r.chinese, m.factor < 10_000 { break }
                // 2千米, 5千克: a unit that starts like a magnitude wins.
                if let u = rules.unit(in: line, at: spaced), u.surface.count > m.surface.count { break }
                factor *= m.factor
                sawMagnitude = true
                j = spaced + m.surface.count
                // 5萬(wàn)名: a pinyin gloss a site put after the magnitude.
                if let g = Self.glossEnd(line, at: j) { j = g }
                // 1亿2千万元, 3亿5000万元, 2万5千人: a smaller magnitude right after adds to it.
                // 6万2000, 2万3千5百, 3千零40, 200万五千, 2万5: the rest of a mixed number (NumeralGrammar.tail).
                if !placeholder, let tail = NumeralGrammar.tail(line, at: j, below: m.factor),
                   !(j..<tail.end).contains(where: { context.claimed[$0] }), tailEnds(line, at: tail.end, standaloneSpan: standaloneSpan),
                   !tail.colloquial || colloquialTailEnds(line, at: tail.end) {
                    addend = tail.value
                    j = tail.end
                }
                continue
            }
            break
        }

        // The unit, after at most two spaces (417 人次, x %).
        var unitRule: NormalizeRules.UnitRule? = nil
        var afterNumber = j
        if percentWords {
            unitRule = nil
        } else {
            var k = j
            while ScalarClass.isSpace(line.at(k)) && k - j < 2 { k += 1 }
            if let g = Self.glossEnd(line, at: k), rules.unit(in: line, at: g) != nil { k = g }
            if let u = rules.unit(in: line, at: k) {
                unitRule = u
                afterNumber = k + u.surface.count
            }
        }
        // 贰拾叁元肆角伍分, 八块五毛, 45元6角7分: 角/毛 and 分 after 元 or 块 are tenths and hundredths.
        var cents = 0.0
        var unitOverride: String? = nil
        if let u = unitRule, !placeholder, u.unit == "yuan" || u.id == "kuai",
           let (extra, chainEnd) = moneyChain(line, at: afterNumber), chainEnd > afterNumber {
            cents = extra
            afterNumber = chainEnd
            unitOverride = "yuan"
        } else if let u = unitRule, u.unit == "yuan", line.at(afterNumber) == 0x6574 {
            afterNumber += 1   // 伍仟圆整
        }
        // 两吨半, 五斤半, 三年半, 一个半小时: 半 after the measure word adds a half.
        var half = 0.0
        if let u = unitRule, !placeholder, unitOverride == nil, line.at(afterNumber) == 0x534A,
           u.kind == .count || u.kind == .duration || u.kind == .area || u.kind == .money {
            if u.id == "ge", let next = rules.unit(in: line, at: afterNumber + 1), next.kind == .duration {
                unitRule = next          // 一个半小时 = 1.5 小时
                afterNumber += 1 + next.surface.count
                half = 0.5
            } else if !ScalarClass.isHan(line.at(afterNumber + 1)) || (u.id != "ge" && rules.unit(in: line, at: afterNumber + 1) == nil) {
                afterNumber += 1
                half = 0.5
            }
        }
        var end = unitRule != nil ? afterNumber : j
        let unitName: String
        if percentWords { unitName = wordsUnit } else { unitName = unitOverride ?? unitRule?.unit ?? "" }

        // After-unit qualifiers: 70%以上, 1000人左右, 不超过 … (before).
        if unitRule != nil || percentWords {
            if let q = rules.qualifiersAfterUnit.first(where: { line.matches($0.surface, at: end) }) {
                qualifier = q.qualifier
                end += q.surface.count
            }
        }

        // MARK: Decide whether this is a quantity.

        guard !context.isQuoted(numberStart) else { return nil }
        if (numberStart..<end).contains(where: { context.claimed[$0] }) { return nil }
        let unitKind = unitRule?.kind
        if unitKind == .block { return nil }

        // 负5%, 负三; and a minus sign right after a word of change, not between two numbers
        // (增长-2.3%, but 5-6%).
        let minusSign = (prev == 0x2D || prev == 0x2212 || prev == 0xFF0D) && ScalarClass.isHan(line.at(numberStart - 2))
        let negative = (prev == 0x8D1F || (minusSign && unitName == "percent")) && reading != nil && (unitName == "percent" || unitName == "")
        let isStandalone = standaloneSpan.map { span in
            guard span.upperBound == end else { return false }
            if span.lowerBound == numberStart || ((leadIncluded || negative) && span.lowerBound == numberStart - 1) { return true }
            // 约三百, 近4万: a qualifier word and a number make the whole line.
            return rules.qualifiersBefore.contains { $0.surface.count == numberStart - span.lowerBound && line.matches($0.surface, at: span.lowerBound) }
        } ?? false
        // Name contexts before the number: 第一名, 前百名, 学前三年.
        // 第 2 期: one space may stand between the word and the number.
        let contextEnd = ScalarClass.isSpace(prev) ? numberStart - 1 : numberStart
        for context in rules.nameContextsBefore where line.matches(context.word, endingAt: numberStart) || line.matches(context.word, endingAt: contextEnd) {
            if context.units.isEmpty || context.units.contains(unitName) { return nil }
        }
        if let u = unitRule {
            for context in rules.nameContextsAfter where line.matches(context.word, at: afterNumber) {
                if context.units.contains(u.unit) { return nil }
            }
        }
        if let r = reading, !r.chinese {
            // 3G, MP3, A4: digits glued to Latin letters are names.
            if ScalarClass.isASCIILetter(prev) { return nil }
            if ScalarClass.isASCIILetter(line.at(numberEnd)) && !(unitRule.map { ScalarClass.isASCIILetter($0.surface[0]) } ?? false) { return nil }
            if contactWords.contains(where: { word in (1...4).contains { line.matches(word, endingAt: numberStart - $0 + 1) } }) { return nil }
        }

        // 2010 年: a year the year scanner did not take is still not a duration.
        if let r = reading, !r.chinese, !r.hasDecimal, r.length == 4, unitRule?.unit == "年", (1900...2099).contains(Int(r.value)) { return nil }
        if placeholder && unitRule == nil && sawMagnitude {
            // 户籍人口xx万, 财政收入分别为xx亿: a blanked figure with a magnitude and no unit.
            let mention = QuantityMention(surface: line.text(numberStart..<j), value: nil, unit: "", qualifier: .placeholder,
                                          offset: numberStart, rule: "q-placeholder:magnitude")
            return (mention, j)
        }
        // 3—6岁, 3-6周岁: a range of ages names a group of people, it measures nothing.
        if upper != nil, unitRule?.id == "sui" || unitRule?.id == "zhousui" { return nil }
        // 016年 (a year whose first digit was lost), 05个: a leading zero makes no count.
        if let r = reading, !r.chinese, !r.hasDecimal, r.length > 1, line[numberStart] == 0x30 || line[numberStart] == 0xFF10 { return nil }
        if placeholder {
            // _分以上考生: a blanked score is a threshold, not a figure.
            guard let u = unitRule, u.kind != .group, u.kind != .score, u.unit != "年" else { return nil }
            if ScalarClass.isASCIILetter(line.at(j)) { return nil }
            let mention = QuantityMention(surface: line.text(numberStart..<end), value: nil, unit: u.unit, qualifier: .placeholder,
                                          offset: numberStart, rule: "q-placeholder:\(u.id)")
            return (mention, end)
        }
        guard let r = reading, var number = value else { return nil }

        if unitRule == nil && !percentWords {
            let bigChinese = r.chinese && (numberStart..<r.end).contains { ScalarClass.chineseBigUnit(line[$0]) != nil }
            if isStandalone {
                // A line that is only a number.
            } else if (sawMagnitude && factor >= 10_000) || bigChinese || mixedBig {
                // 人口78万, 人口七十八万: a magnitude makes it a figure even without a unit.
                if !r.chinese && ScalarClass.isASCIILetter(prev) { return nil }
            } else if !r.chinese {
                // A bare figure closing a clause: 万人本28.8。
                let next = line.at(j)
                guard ScalarClass.isClauseBreak(next) || next == 0xFF09 || next == 0x29 || j >= line.count else { return nil }
                // 1、 is a list marker, 篇1: a heading number.
                guard next != 0x3001, next != 0xFF1A, next != 0x3A, ScalarClass.isHan(prev), !labelLeads.contains(prev) else { return nil }
                guard r.hasDecimal || r.length <= 6, !(r.length == 4 && !r.hasDecimal && (1900...2099).contains(Int(r.value))) else { return nil }
                if upper != nil { return nil }
            } else if r.loneDigit == 0 {
                // 调出数量为零。
                let next = line.at(j)
                guard ScalarClass.isClauseBreak(next) || j >= line.count else { return nil }
            } else {
                return nil
            }
            end = j
        }

        if r.chinese, unitKind == .score { return nil }
        // 数十所, 几百名: vague counts.
        if r.chinese, prev == 0x6570 || prev == 0x51E0 { return nil }
        if r.chinese, let u = unitRule, !isStandalone {
            let lone = r.loneDigit
            if u.kind == .group {
                guard let d = lone, d >= 2 else { return nil }
            }
            if lone == 1 {
                if u.id == "fan" {
                    guard prev == Self.fan else { return nil }
                } else if u.article {
                    guard u.kind == .duration, durationCues.contains(where: { line.matches($0, endingAt: numberStart) }) else { return nil }
                }
                if prev == Self.mei { return nil }
                // 一月一汇总, 成熟一所评估一所: paired 一 … 一 is a pattern, not a count.
                if line.at(afterNumber) == Self.yi { return nil }
                let pair = Array(line.s[numberStart..<afterNumber])
                for k in max(0, numberStart - 4 - pair.count)...(afterNumber + 3) where k != numberStart {
                    if line.matches(pair, at: k) { return nil }
                }
            }
            if lone == 2, line[numberStart] == Self.er, u.kind == .count || u.kind == .duration || u.kind == .tier {
                return nil  // 二期, 二中: ordinals
            }
            // A name the line quotes elsewhere (“三个坚持” … 三个坚持:).
            let probeEnd = min(line.count, afterNumber + 2)
            if context.isQuotedName(line.s[numberStart..<probeEnd]) && probeEnd - afterNumber == 2 { return nil }
        }

        // Qualifiers before the number: 近4万平方米, 不超过24个, 约1.8亿元.
        var start = numberStart
        if let q = rules.qualifiersBefore.first(where: { line.matches($0.surface, endingAt: numberStart) }) {
            let before = line.at(numberStart - q.surface.count - 1)
            var blocked = false
            if q.surface == [0x8FD1] && jinBlockers.contains(before) { blocked = true }
            if q.surface == [0x7EA6] && yueBlockers.contains(before) { blocked = true }
            if !blocked {
                qualifier = q.qualifier
                start = numberStart - q.surface.count
            }
        }
        if qualifier == .exact, let clauseRule = rules.clauseQualifiers.first {
            // 每年约新增财政投入1.8亿元: a qualifier earlier in the clause, not part of the surface.
            var k = start - 1
            let limit = max(0, start - 12)
            while k >= limit {
                let c = line[k]
                if ScalarClass.isClauseBreak(c) || ScalarClass.isArabicDigit(c) || ScalarClass.isChineseNumeral(c) { break }
                if line.matches(clauseRule.surface, at: k),
                   !yueBlockers.contains(line.at(k - 1)), !yueFollowBlockers.contains(line.at(k + clauseRule.surface.count)) {
                    qualifier = clauseRule.qualifier
                    break
                }
                k -= 1
            }
        }
        if unitRule?.id == "fan", prev == Self.fan { start = numberStart - 1 }  // 翻一番
        if leadIncluded { start = numberStart - 1 }
        if negative {
            start = numberStart - 1
            number = -number
            upper = upper.map { -$0 }
        }

        number = (number * factor + (number < 0 ? -addend : addend) + half) * (unitRule?.factor ?? 1) + cents
        if let up = upper { upper = up * factor * (unitRule?.factor ?? 1) }
        if unitKind == .group { number = Double(r.loneDigit ?? 0) }
        let id = unitRule.map { "\(rule):\($0.id)" } ?? (percentWords ? rule : "\(rule):bare")
        let mention = QuantityMention(surface: line.text(start..<end), value: number, unit: unitName, qualifier: qualifier,
                                      upperValue: upper, offset: start, rule: id)
        return (mention, end)
    }

    /// A space inside a number, as PDF text extraction leaves it: `2 056所` (a group of 1–3 digits,
    /// one space, exactly three digits) and `14. 38亿元` (a decimal point, one space, digits) read as
    /// one number when a unit or magnitude closes it. Returns the joined reading, or nil.
    private func spacedNumber(_ line: ScalarLine, _ r: NumeralParser.Reading, at i: Int) -> NumeralParser.Reading? {
        guard !r.hasDecimal, r.end - i == r.length else { return nil }
        let e = r.end
        if line.at(e) == 0x2E, Self.isPDFSpace(line.at(e + 1)), ScalarClass.isArabicDigit(line.at(e + 2)), r.length <= 6 {
            var k = e + 2
            var fraction = 0.0
            var scale = 1.0
            while let d = ScalarClass.arabicDigit(line.at(k)) { fraction = fraction * 10 + Double(d); scale *= 10; k += 1 }
            guard line.at(k) != 0x2E, closesSpacedNumber(line, at: k) else { return nil }
            var joined = r
            joined.value = (r.value * scale + fraction) / scale
            joined.end = k
            joined.hasDecimal = true
            return joined
        }
        guard r.length <= 3 else { return nil }
        var k = e
        var value = r.value
        var groups = 0
        while Self.isPDFSpace(line.at(k)), ScalarClass.isArabicDigit(line.at(k + 1)), ScalarClass.isArabicDigit(line.at(k + 2)),
              ScalarClass.isArabicDigit(line.at(k + 3)), !ScalarClass.isArabicDigit(line.at(k + 4)) {
            for m in 1...3 { value = value * 10 + Double(ScalarClass.arabicDigit(line[k + m])!) }
            k += 4
            groups += 1
        }
        guard groups > 0, line.at(k) != 0x2E || !ScalarClass.isArabicDigit(line.at(k + 1)), closesSpacedNumber(line, at: k) else { return nil }
        var joined = r
        joined.value = value
        joined.end = k
        joined.length = r.length + 3 * groups
        return joined
    }

    /// The start of the three digits of `2 056所` or the fraction of `14. 38亿元`: never a number of its own.
    private func isSpacedTail(_ line: ScalarLine, at i: Int) -> Bool {
        guard Self.isPDFSpace(line.at(i - 1)) else { return false }
        let before = line.at(i - 2)
        if before == 0x2E { return ScalarClass.isArabicDigit(line.at(i - 3)) }
        guard ScalarClass.isArabicDigit(before) else { return false }
        var k = i
        while ScalarClass.isArabicDigit(line.at(k)) { k += 1 }
        var lead = i - 2
        while ScalarClass.isArabicDigit(line.at(lead)) { lead -= 1 }
        return k - i == 3 && i - 2 - lead <= 3 && closesSpacedNumber(line, at: k)
    }

    @inline(__always)
    private static func isPDFSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 }

    /// A unit, a magnitude or 余/多 (after at most one space) closes a number read across a space.
    private func closesSpacedNumber(_ line: ScalarLine, at k: Int) -> Bool {
        var m = k
        if Self.isPDFSpace(line.at(m)) { m += 1 }
        let v = line.at(m)
        if v == 0x4F59 || v == 0x591A { return true }
        guard let u = rules.unit(in: line, at: m) else { return rules.magnitude(in: line, at: m) != nil }
        return u.kind != .block
    }

    /// The end of a pinyin gloss at `k` (`(wàn)`, `（yì）`: Latin letters, tone marks included, in
    /// brackets), which some sites insert after characters; nil when none stands there.
    static func glossEnd(_ line: ScalarLine, at k: Int) -> Int? {
        let open = line.at(k)
        guard open == 0x28 || open == 0xFF08 else { return nil }
        var m = k + 1
        while m - k <= 8 {
            let v = line.at(m)
            if (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F) || (v >= 0x300 && v <= 0x36F) { m += 1; continue }
            break
        }
        let close = line.at(m)
        guard m > k + 1, close == 0x29 || close == 0xFF09 else { return nil }
        return m + 1
    }

    /// 角/毛 and 分 after 元 or 块 (贰拾叁元|肆角伍分, 八块|五毛, 一百三十五块|六角七分钱): their value
    /// in yuan and the end, with 钱 or 整 after them.
    private func moneyChain(_ line: ScalarLine, at k: Int) -> (Double, Int)? {
        func digitAt(_ i: Int) -> (Double, Int)? {
            if let d = NumeralGrammar.digit(line.at(i)) { return (Double(d), i + 1) }
            if let d = ScalarClass.arabicDigit(line.at(i)), !ScalarClass.isArabicDigit(line.at(i + 1)) { return (Double(d), i + 1) }
            return nil
        }
        var i = k
        var value = 0.0
        var parts = 0
        if let (d, e) = digitAt(i), line.at(e) == 0x89D2 || line.at(e) == 0x6BDB {   // 角 毛
            value += d / 10
            i = e + 1
            parts += 1
        }
        if let (d, e) = digitAt(i), line.at(e) == 0x5206, line.at(e + 1) != 0x4E4B, line.at(e + 1) != 0x949F {   // 分, not 分之 / 分钟
            guard parts > 0 || line.at(k - 1) == 0x5143 || line.at(k - 1) == 0x5706 else { return parts > 0 ? (value, i) : nil }
            value += d / 100
            i = e + 1
            parts += 1
        }
        guard parts > 0 else { return nil }
        if line.at(i) == 0x94B1 || line.at(i) == 0x6574 { i += 1 }   // 钱 整
        return (value, i)
    }

    /// What may follow the rest of a mixed number: a unit, a magnitude, 余/多, a clause break, a
    /// space or the end (5万一次性 is 5万 and 一次性, not 51000).
    private func tailEnds(_ line: ScalarLine, at k: Int, standaloneSpan: Range<Int>?) -> Bool {
        let v = line.at(k)
        if k >= line.count || standaloneSpan?.upperBound == k { return true }
        if ScalarClass.isClauseBreak(v) || ScalarClass.isSpace(v) || v == 0x4F59 || v == 0x591A || v == 0x5DE6 { return true }
        if ScalarClass.isHan(v) { return rules.unit(in: line, at: k) != nil || rules.magnitude(in: line, at: k) != nil }
        return !ScalarClass.isArabicDigit(v) && !ScalarClass.isASCIILetter(v)
    }

    /// A lone digit after a magnitude (2万5) stands for the next place down only before a clause
    /// break, the end, 余/多 or a money, area or percent unit: in 5万一次性 the 一 is a word's.
    private func colloquialTailEnds(_ line: ScalarLine, at k: Int) -> Bool {
        let v = line.at(k)
        guard ScalarClass.isHan(v) else { return true }
        if v == 0x4F59 || v == 0x591A || v == 0x5DE6 { return true }
        guard let u = rules.unit(in: line, at: k) else { return false }
        return u.kind == .money || u.kind == .area || u.kind == .percent || u.id == "renci" || u.id == "ren"
    }

    /// End of a placeholder number at `i`: x, X, xx, XX, ×, **, 20xx (digits then x), or nil.
    private func placeholderRun(_ line: ScalarLine, at i: Int) -> Int? {
        var j = i
        var marks = 0
        while j < line.count, j - i < 8 {
            let v = line[j]
            if ScalarClass.isPlaceholder(v) {
                marks += 1
            } else if (v == 0x2E || v == 0xFF0E) && marks > 0 && ScalarClass.isPlaceholder(line.at(j + 1)) {
                // xx.x%: a blanked decimal.
            } else if !ScalarClass.isArabicDigit(v) || marks > 0 {
                break
            }
            j += 1
        }
        guard marks > 0, marks <= 6, !ScalarClass.isASCIILetter(line.at(j)) else { return nil }
        // x.x or 3x5 style arithmetic is not a placeholder.
        if ScalarClass.isArabicDigit(line.at(j)) { return nil }
        return j
    }
}
