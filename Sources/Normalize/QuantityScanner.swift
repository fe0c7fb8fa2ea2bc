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

    static let percentWords = "百分之".scalarValues
    static let permilleWords = "千分之".scalarValues
    static let fractionWords = "分之".scalarValues
    static let yi: UInt32 = 0x4E00  // 一
    static let er: UInt32 = 0x4E8C  // 二
    static let mou: UInt32 = 0x67D0  // 某
    static let fan: UInt32 = 0x7FFB  // 翻
    static let mei: UInt32 = 0x6BCF  // 每

    /// The scanner with the shipped rule tables.
    static let standard = QuantityScanner(rules: .standard)

    /// Word lists from `rules/normalize/context-words.tsv`, read once.
    let durationCues: [[UInt32]]
    let bareMagnitudeLeads: Set<UInt32>
    let labelLeads: Set<UInt32>
    let contactWords: [[UInt32]]
    /// The first scalars of the name contexts after a unit (`rules.nameContextsAfter`).
    let nameContextAfterStarts: ScalarSet
    /// The last scalars of `contactWords`: a number after none of them needs no word compared.
    let contactWordEnds: WordEnds
    let jinBlockers: Set<UInt32>
    let yueBlockers: Set<UInt32>
    let yueFollowBlockers: Set<UInt32>
    let countVerbs: [[UInt32]]
    let articleLeads: [[UInt32]]
    let pointNouns: [[UInt32]]
    let blankLeads: [[UInt32]]
    let vagueMeasures: Set<[UInt32]>
    /// The last scalars of the qualifiers before a number (近, 约, 不超过 …).
    let qualifierBeforeEnds: WordEnds
    /// 1 at the scalars `scan` stops at: those that can start a quantity, and the spaces, ㎡ and 平
    /// where a blank figure is looked for; `scan` passes every other character in one tight loop.
    let scanStops: [UInt8]
    /// Words before a unit-less 万/亿 figure that make it money (context-words.tsv, money-lead), and
    /// words that make an age a figure (age-measure: 平均年龄42岁). Static, read once from the shipped
    /// tables: the scanner's own fields are kept few, as it is passed by value on the hot path.
    static let moneyLeads = NormalizeRules.standard.words("money-lead")
    static let ageMeasures = NormalizeRules.standard.words("age-measure")
    /// Words right before 一成 that make it a tenth (context-words.tsv, tenths-lead: 削减一成).
    static let tenthsLeads = NormalizeRules.standard.words("tenths-lead")

    init(rules: NormalizeRules) {
        self.rules = rules
        durationCues = rules.words("duration-cue")
        bareMagnitudeLeads = rules.chars("bare-magnitude-lead")
        labelLeads = rules.chars("label-lead")
        contactWords = rules.words("contact")
        contactWordEnds = WordEnds(contactWords)
        nameContextAfterStarts = ScalarSet(
            rules.nameContextsAfter.compactMap { $0.word.first.flatMap(Unicode.Scalar.init) })
        jinBlockers = rules.chars("jin-blocker")
        yueBlockers = rules.chars("yue-blocker")
        yueFollowBlockers = rules.chars("yue-follower")
        countVerbs = rules.words("count-verb")
        articleLeads = rules.words("article-lead")
        pointNouns = rules.words("point-noun")
        blankLeads = rules.words("blank-lead")
        vagueMeasures = Set(rules.words("vague-measure"))
        qualifierBeforeEnds = WordEnds(rules.qualifiersBefore.map(\.surface))
        var stops = rules.firstFlags.map { $0 & NormalizeRules.flagQuantityStart == 0 ? UInt8(0) : 1 }
        for v in [0x20, 0x3000, 0x33A1, 0x5E73] { stops[v] = 1 }
        scanStops = stops
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
            while lineEnd > lineStart, ScalarClass.isSpace(line[lineEnd - 1]) || line[lineEnd - 1] == 0x3002 {
                lineEnd -= 1
            }
        }
        // 一百二十，三百四十五，两千零八点五: a line that is a list of numbers reads each as a line of its own.
        let pieces = standalone ? Self.numberListPieces(line, lineStart..<lineEnd) : nil
        var i = 0
        while i < n {
            i = line.nextFlagged(from: i, in: scanStops, mask: 1)
            guard i < n else { break }
            let v = line[i]
            if v >= 0x10000 || rules.firstFlags[Int(v)] & NormalizeRules.flagQuantityStart == 0 || context.claimed[i] {
                if v == 0x20 || v == 0x3000, let (blank, end) = spaceBlank(context, at: i) {
                    out.append(blank)
                    i = end
                    continue
                }
                if v == 0x33A1 || v == 0x5E73, let (blank, end) = areaBlank(context, at: i) {
                    out.append(blank)
                    i = end
                    continue
                }
                i += 1
                continue
            }
            let prev = line.at(i - 1)
            var startable = false
            if ScalarClass.isArabicDigit(v) {
                startable =
                    !ScalarClass.isArabicDigit(prev) && prev != 0x2E && prev != 0xFF0E && !isSpacedTail(line, at: i)
                    && !Self.followsDottedDigits(line, at: i)
            } else if NumeralGrammar.startsNumeral(v) {
                // 五兆六十二亿: the rest of a number with 兆 is no number of its own.
                startable =
                    !ScalarClass.isChineseNumeral(prev)
                    && !(prev == 0x5146
                        && (ScalarClass.isChineseNumeral(line.at(i - 2))
                            || ScalarClass.isArabicDigit(line.at(i - 2))))
            } else if ScalarClass.isPlaceholder(v) || v == Self.mou {
                startable =
                    !ScalarClass.isASCIILetter(prev) && !ScalarClass.isPlaceholder(prev)
                    && !ScalarClass.isArabicDigit(prev)
            } else if v == 0x25 || v == 0xFF05 || v == 0x28 || v == 0xFF08 {
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
                    // 一百五十四点零: the decimal too, or its 零 would be read as a zero of its own.
                    while j < n,
                        ScalarClass.isChineseNumeral(line[j])
                            || ((line[j] == NumeralGrammar.dian || line[j] == NumeralGrammar.dianTrad)
                                && ScalarClass.isChineseNumeral(line.at(j + 1)))
                    {
                        j += 1
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// 占地面积 平方米, 入托幼儿 人。: a form whose figure was left blank, spaces standing where the
    /// number goes between a word and a unit that closes its clause. Money, area and the measure
    /// words that are no article (人 所 名, not 个) only: a placeholder with no value.
    func spaceBlank(_ context: LineContext, at i: Int) -> (QuantityMention, Int)? {
        let line = context.line
        let before = line.at(i - 1)
        guard ScalarClass.isHan(before), !ScalarClass.isChineseNumeral(before) else { return nil }
        var k = i + 1
        while ScalarClass.isSpace(line.at(k)), k - i < 4 { k += 1 }
        guard let u = rules.unit(in: line, at: k),
            u.kind == .area || u.kind == .money || (u.kind == .count && !u.article && u.id != "sui")
        else { return nil }
        let end = k + u.surface.count
        guard end >= line.count || ScalarClass.isClauseBreak(line[end]), !context.claimed[k], !context.isQuoted(k)
        else { return nil }
        let mention = QuantityMention(
            surface: line.text(k..<end), value: nil, unit: u.unit, qualifier: .placeholder, offset: k,
            rule: "q-blank-space:\(u.id)")
        return (mention, end)
    }

    /// 占地面积㎡,生均…, 校舍建筑面积平方米。: a form's area whose figure was left out, the unit right
    /// after 面积 (or 面积为/约/达) and closing its clause. A placeholder with no value.
    func areaBlank(_ context: LineContext, at i: Int) -> (QuantityMention, Int)? {
        let line = context.line
        guard let u = rules.unit(in: line, at: i), u.kind == .area, !context.claimed[i] else { return nil }
        let lead = line.at(i - 1) == 0x4E3A || line.at(i - 1) == 0x7EA6 || line.at(i - 1) == 0x8FBE ? i - 1 : i
        guard line.matches(Self.areaWord, endingAt: lead) else { return nil }
        let end = i + u.surface.count
        // 面积㎡ alone at a line's end is a table's header cell, not a blank of a sentence.
        guard end < line.count, ScalarClass.isClauseBreak(line[end]), !context.isQuoted(i) else { return nil }
        let mention = QuantityMention(
            surface: line.text(i..<end), value: nil, unit: u.unit, qualifier: .placeholder, offset: i,
            rule: "q-blank-area:\(u.id)")
        return (mention, end)
    }

    /// 面积
    static let areaWord = "面积".scalarValues

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
                if v == 0x2C || v == 0xFF0C, ScalarClass.isArabicDigit(line.at(k - 1)),
                    ScalarClass.isArabicDigit(line.at(k + 1))
                {
                    return nil
                }
            } else if !(ScalarClass.isChineseNumeral(v) || ScalarClass.isArabicDigit(v) || v == 0x70B9 || v == 0x9EDE
                || v == 0x2E
                || v == 0x4FE9 || v == 0x5006 || ScalarClass.isSpace(v))
            {
                return nil
            }
        }
        guard sawSeparator, start < span.upperBound else { return nil }
        pieces.append(start..<span.upperBound)
        return pieces.map { piece in
            var a = piece.lowerBound
            var b = piece.upperBound
            while a < b, ScalarClass.isSpace(line[a]) { a += 1 }
            while b > a, ScalarClass.isSpace(line[b - 1]) { b -= 1 }
            return a..<b
        }
    }

    /// A space inside a number, as PDF text extraction leaves it: `2 056所` (a group of 1–3 digits,
    /// one space, exactly three digits) and `14. 38亿元` (a decimal point, one space, digits) read as
    /// one number when a unit or magnitude closes it. Returns the joined reading, or nil.
    func spacedNumber(_ line: ScalarLine, _ r: NumeralParser.Reading, at i: Int) -> NumeralParser.Reading? {
        guard !r.hasDecimal, r.end - i == r.length else { return nil }
        let e = r.end
        // 14. 38亿元 (a PDF space after the point), or 87。8分 / 4。2% (。 typed for the point: closesTypedPoint).
        let typedPoint = line.at(e) == 0x3002 && ScalarClass.isArabicDigit(line.at(e + 1))
        let spacedPoint =
            line.at(e) == 0x2E && Self.isPDFSpace(line.at(e + 1)) && ScalarClass.isArabicDigit(line.at(e + 2))
        // 21?5%: a point lost in re-encoding (? for .), read as one only when % follows (lostPointCloses);
        // 34·16萬所, 99·27%: a middle dot typed for the point (dotPointCloses).
        let lostPoint = Self.isQuestionMark(line.at(e)) && ScalarClass.isArabicDigit(line.at(e + 1))
        let dotPoint = Self.isMiddleDot(line.at(e)) && ScalarClass.isArabicDigit(line.at(e + 1))
        if spacedPoint || typedPoint || lostPoint || dotPoint, r.length <= 6 {
            let (fraction, k) = Self.fraction(line, at: spacedPoint ? e + 2 : e + 1)
            let closed =
                spacedPoint
                ? closesSpacedNumber(line, at: k)
                : typedPoint
                    ? closesTypedPoint(line, at: k, from: e + 1)
                    : dotPoint ? dotPointCloses(line, at: k) : lostPointCloses(line, from: e + 1, at: k)
            guard line.at(k) != 0x2E, !Self.isMiddleDot(line.at(k)), closed else { return nil }
            var joined = r
            joined.value = r.value + fraction
            joined.end = k
            joined.hasDecimal = true
            return joined
        }
        if let joined = chineseDigitDecimal(line, r) { return joined }  // 92.六亿元
        guard r.length <= 3 else { return nil }
        var k = e
        var value = r.value
        var groups = 0
        while Self.isPDFSpace(line.at(k)), ScalarClass.isArabicDigit(line.at(k + 1)),
            ScalarClass.isArabicDigit(line.at(k + 2)),
            ScalarClass.isArabicDigit(line.at(k + 3)), !ScalarClass.isArabicDigit(line.at(k + 4))
        {
            for m in 1...3 { value = value * 10 + Double(ScalarClass.arabicDigit(line[k + m])!) }
            k += 4
            groups += 1
        }
        guard groups > 0 else { return nil }
        var joined = r
        joined.length = r.length + 3 * groups
        // 20 691.34 万元 (GB/T 15835 thousands spacing) is one number, not the fragment 691.34万元.
        if line.at(k) == 0x2E, ScalarClass.isArabicDigit(line.at(k + 1)) {
            let (fraction, m) = Self.fraction(line, at: k + 1)
            guard line.at(m) != 0x2E, closesSpacedNumber(line, at: m) else { return nil }
            joined.value = value + fraction
            joined.end = m
            joined.hasDecimal = true
            return joined
        }
        guard closesSpacedNumber(line, at: k) else { return nil }
        joined.value = value
        joined.end = k
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
    static func isPDFSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 }

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
            if (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v <= 0x24F) || (v >= 0x300 && v <= 0x36F) {
                m += 1
                continue
            }
            break
        }
        let close = line.at(m)
        guard m > k + 1, close == 0x29 || close == 0xFF09 else { return nil }
        return m + 1
    }

    /// 角/毛 and 分 after 元 or 块 (贰拾叁元|肆角伍分, 八块|五毛, 一百三十五块|六角七分钱): their value
    /// in yuan and the end, with 钱 or 整 after them.
    func moneyChain(_ line: ScalarLine, at k: Int) -> (Double, Int)? {
        func digitAt(_ i: Int) -> (Double, Int)? {
            if let d = NumeralGrammar.digit(line.at(i)) { return (Double(d), i + 1) }
            if let d = ScalarClass.arabicDigit(line.at(i)), !ScalarClass.isArabicDigit(line.at(i + 1)) {
                return (Double(d), i + 1)
            }
            return nil
        }
        var i = k
        var value = 0.0
        var parts = 0
        if let (d, e) = digitAt(i), line.at(e) == 0x89D2 || line.at(e) == 0x6BDB {  // 角 毛
            value += d / 10
            i = e + 1
            parts += 1
        }
        // 分, not 分之 / 分钟
        if let (d, e) = digitAt(i), line.at(e) == 0x5206, line.at(e + 1) != 0x4E4B, line.at(e + 1) != 0x949F {
            guard parts > 0 || line.at(k - 1) == 0x5143 || line.at(k - 1) == 0x5706 else {
                return parts > 0 ? (value, i) : nil
            }
            value += d / 100
            i = e + 1
            parts += 1
        }
        guard parts > 0 else { return nil }
        if line.at(i) == 0x94B1 || line.at(i) == 0x6574 { i += 1 }  // 钱 整
        return (value, i)
    }

    /// What may follow the rest of a mixed number: a unit, a magnitude, 余/多, a clause break, a
    /// space or the end (5万一次性 is 5万 and 一次性, not 51000).
    func tailEnds(_ line: ScalarLine, at k: Int, standaloneSpan: Range<Int>?) -> Bool {
        let v = line.at(k)
        if k >= line.count || standaloneSpan?.upperBound == k { return true }
        if ScalarClass.isClauseBreak(v) || ScalarClass.isSpace(v) || v == 0x4F59 || v == 0x591A || v == 0x5DE6 {
            return true
        }
        if ScalarClass.isHan(v) { return rules.unit(in: line, at: k) != nil || rules.magnitude(in: line, at: k) != nil }
        return !ScalarClass.isArabicDigit(v) && !ScalarClass.isASCIILetter(v)
    }

    /// A lone digit after a magnitude (2万5) stands for the next place down only before a clause
    /// break, the end, 余/多 or a money, area or percent unit: in 5万一次性 the 一 is a word's.
    func colloquialTailEnds(_ line: ScalarLine, at k: Int) -> Bool {
        let v = line.at(k)
        guard ScalarClass.isHan(v) else { return true }
        if v == 0x4F59 || v == 0x591A || v == 0x5DE6 { return true }
        guard let u = rules.unit(in: line, at: k) else { return false }
        return u.kind == .money || u.kind == .area || u.kind == .percent || u.id == "renci" || u.id == "ren"
    }

    /// End of a placeholder number at `i`: x, X, xx, XX, ×, **, 20xx (digits then x), or nil.
    func placeholderRun(_ line: ScalarLine, at i: Int) -> Int? {
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

    /// 三分之一, and a mixed fraction 十一又十四分之一.
    func readFraction(_ context: LineContext, _ d: Draft) -> Step {
        let line = context.line
        guard let r = d.reading, !d.percentWords, line.matches(Self.fractionWords, at: d.j) else { return .next }
        let numeratorAt = d.j + Self.fractionWords.count
        guard
            let numerator = NumeralParser.chinese(line, at: numeratorAt) ?? NumeralParser.arabic(line, at: numeratorAt),
            r.value > 0, !context.isQuoted(d.start)
        else { return .stop(nil) }
        let end = numerator.end
        let (whole, start) = Self.mixedWhole(line, before: d.start) ?? (0, d.start)  // 十一又十四分之一
        let mention = QuantityMention(
            surface: line.text(start..<end), value: whole + (whole < 0 ? -1 : 1) * numerator.value / r.value,
            unit: "", qualifier: .exact,
            offset: start, rule: whole != 0 ? "q-fraction-mixed" : "q-fraction")
        return .stop((mention, end))
    }

    /// 十一又十四分之一, 3又一千分之23: the whole part of a mixed fraction, written before 又, with its
    /// start; nil when 又 does not stand right before the fraction after a number that ends there.
    static func mixedWhole(_ line: ScalarLine, before start: Int) -> (Double, Int)? {
        guard line.at(start - 1) == 0x53C8 else { return nil }
        let end = start - 1
        var k = end
        while k > 0,
            ScalarClass.isChineseNumeral(line.at(k - 1)) || ScalarClass.isArabicDigit(line.at(k - 1))
                || line.at(k - 1) == 0x2E || (line.at(k - 1) == 0x20 && ScalarClass.isChineseNumeral(line.at(k - 2)))
        {
            k -= 1
        }
        guard k < end else { return nil }
        let whole = NumeralParser.chinese(line, at: k) ?? NumeralParser.arabic(line, at: k)
        guard let w = whole, w.end == end, w.value > 0 else { return nil }
        // 负一又二分之一: a minus sign before the whole part signs the whole number.
        let sign = line.at(k - 1) == 0x8D1F || line.at(k - 1) == 0x8CA0
        return sign ? (-w.value, k - 1) : (w.value, k)
    }

    /// 7万 5千 4百 on a line of its own: the rest of the number after a space, when it has places of
    /// its own and ends the line (in running text a space after 万 ends the number).
    func spacedTail(_ line: ScalarLine, _ m: NormalizeRules.MagnitudeRule, _ d: Draft) -> (value: Double, end: Int)? {
        guard !d.placeholder, line.at(d.j) == 0x20 else { return nil }
        if let span = d.standaloneSpan, let tail = NumeralGrammar.tail(line, at: d.j + 1, below: m.factor),
            !tail.colloquial, tail.end == span.upperBound
        {
            return (tail.value, tail.end)
        }
        return typesetTail(line, after: m, at: d.j)
    }

    /// 1 万 3 千元, 1 千 5 百多元: a number typeset with a space between every digit group and its
    /// magnitude (PDF extraction, some forms). When the magnitude itself stood after a space, the
    /// rest reads on as long as each group is ` digits magnitude` with a smaller magnitude than
    /// the one before and a value below it; a group without its magnitude (1 万 3 所) ends it.
    func typesetTail(_ line: ScalarLine, after m: NormalizeRules.MagnitudeRule, at j: Int) -> (
        value: Double, end: Int
    )? {
        guard line.at(j - m.surface.count - 1) == 0x20 else { return nil }
        var factor = m.factor
        var k = j
        var value = 0.0
        while line.at(k) == 0x20, ScalarClass.isArabicDigit(line.at(k + 1)),
            let o = NumeralParser.arabic(line, at: k + 1), o.end - k - 1 <= 3, line.at(o.end) == 0x20,
            let m2 = rules.magnitude(in: line, at: o.end + 1), m2.factor >= 10, m2.factor < factor,
            o.value * m2.factor < factor, o.value == o.value.rounded(),
            (rules.unit(in: line, at: o.end + 1)?.surface.count ?? 0) <= m2.surface.count
        {
            value += o.value * m2.factor
            factor = m2.factor
            k = o.end + 1 + m2.surface.count
        }
        return value > 0 ? (value, k) : nil
    }
}
