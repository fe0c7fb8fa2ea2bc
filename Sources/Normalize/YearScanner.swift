import EduwhCore

/// A year, date, range, plan period or relative year as found in a line, before relative
/// expressions are resolved against the document's time frame.
///
/// ```swift
/// // "两年来,我区共向全国公开招聘教师374名"
/// FoundYear(start: 0, end: 3, kind: .relative, anchor: .back, span: 2, rule: "ry-nlai")
/// ```
struct FoundYear: Sendable, Hashable {
    var start: Int
    var end: Int
    var kind: YearKind
    var from: Int?
    var to: Int?
    var rule: String
    /// How a relative expression (or a date without a year) resolves; nil for explicit years.
    var anchor: NormalizeRules.RelativeAnchor?
    var fromOffset = 0
    var toOffset = 0
    /// N of 两年来 / 近三年 / 今后五年.
    var span = 0
    /// A date written without its year (3月8日): takes the section or reference year.
    var needsYear = false
    /// A year written with two digits (05年, 八五年): `fromOffset` and `toOffset` hold the digits and
    /// the century comes from the document's year (`DocumentTimeFrame.century`). A flag rather than
    /// fields of its own keeps the struct small: it is returned by value on the scanner's hot path.
    var twoDigit = false

    /// The two digits of a two-digit year, or nil.
    var yearOfCentury: Int? { twoDigit ? fromOffset : nil }
    var toYearOfCentury: Int? { twoDigit && toOffset != fromOffset ? toOffset : nil }
}

/// Finds year mentions in one line and claims their spans so that quantities skip them.
///
/// ```swift
/// var context = LineContext("现将本人2007至2008年履行基础教育工作职责的情况简要汇报如下")
/// YearScanner(rules: .standard).scan(&context).first?.kind // .range
/// ```
struct YearScanner {
    let rules: NormalizeRules

    static let nian: UInt32 = 0x5E74  // 年
    static let yue: UInt32 = 0x6708  // 月
    static let ri: UInt32 = 0x65E5  // 日
    static let hao: UInt32 = 0x53F7  // 号
    static let xue: UInt32 = 0x5B66  // 学
    static let du: UInt32 = 0x5EA6  // 度
    static let zhi: UInt32 = 0x81F3  // 至
    static let dao: UInt32 = 0x5230  // 到
    static let dun: UInt32 = 0x3001  // 、
    static let ji: UInt32 = 0x7EA7  // 级
    static let zhiSystem: UInt32 = 0x5236  // 制
    static let fen: UInt32 = 0x4EFD  // 份
    static let he: UInt32 = 0x548C  // 和

    /// Characters besides numerals that can start a year mention: 民 (民国十年), 农 (农历), 正 (正月),
    /// 腊 (腊月), 阴 陰 (阴历), 某 (某年某月).
    static let extraStarts: Set<UInt32> = [0x6C11, 0x519C, 0x6B63, 0x814A, 0x9634, 0x9670, 0x8FB2, 0x81D8, 0x67D0]

    /// Month suffixes that make a bare month a date: 中旬, 上旬, 下旬, 初, 底, 末, 份.
    static let monthSuffixes: [[UInt32]] = ["上旬", "中旬", "下旬", "初", "底", "末", "份"].map(\.scalarValues)
    /// The scanner with the shipped rule tables.
    static let standard = YearScanner(rules: .standard)

    /// Word lists from `rules/normalize/context-words.tsv`, read once.
    let planCues: [[UInt32]]
    let durationFollowers: Set<UInt32>
    let durationLeads: Set<UInt32>

    init(rules: NormalizeRules) {
        self.rules = rules
        planCues = rules.words("plan-cue")
        durationFollowers = rules.chars("range-duration-follower")
        durationLeads = rules.chars("range-duration-lead")
    }

    /// Finds every year mention of the line, in order, and claims their spans in `context`.
    func scan(_ context: inout LineContext) -> [FoundYear] {
        var found = scanMentions(&context)
        if found.count > 1 { found = mergeRanges(found, &context) }
        if found.contains(where: { $0.kind == .range || ($0.kind == .placeholder && $0.rule == "y-placeholder-range") })
        {
            found = addRangeReferences(found, &context)
        }
        return found
    }

    /// Two mentions joined by a range word or dash (2010年——2015年, 二零一一年至二零一三年,
    /// 2009.09-2012.07, 2017年8月至11月, 2019/20至2024/25) are one mention: a range when the years differ.
    private func mergeRanges(_ found: [FoundYear], _ context: inout LineContext) -> [FoundYear] {
        let line = context.line
        var out: [FoundYear] = []
        for year in found {
            guard let last = out.last, last.anchor == nil || last.yearOfCentury != nil,
                last.kind == .year || last.kind == .date || last.kind == .range,
                year.kind == .year || year.kind == .date
                    || (year.kind == .range && year.from != nil && last.from != nil)  // 2019/20至2024/25
            else {
                out.append(year)
                continue
            }
            // Only a connector (and spaces) between them.
            var k = last.end
            var connectors = 0
            var words = 0
            while k < year.start {
                let v = line[k]
                if ScalarClass.isRangeDash(v) {
                    connectors += 1
                } else if v == Self.zhi || v == Self.dao {
                    words += 1
                } else if !ScalarClass.isSpace(v) {
                    break
                }
                k += 1
            }
            guard k == year.start, connectors + words >= 1, words <= 1, connectors <= 3 else {
                out.append(year)
                continue
            }
            var merged = last
            merged.end = year.end
            merged.rule = last.rule + "+range"
            if year.needsYear {
                // 2017年8月至11月: the second date takes the first's year.
                guard last.kind == .date, year.anchor == .section else {
                    out.append(year)
                    continue
                }
            } else if let y2 = year.to, let y1 = last.from {
                guard y2 >= y1, y2 - y1 <= 30 else {
                    out.append(year)
                    continue
                }
                merged.to = y2
                // 2024年-2024年: a period written as a range stays a range even within one year.
                merged.kind =
                    y2 > y1 || (last.kind == .year && year.kind == .year)
                    ? .range : (last.kind == .date || year.kind == .date ? .date : .year)
            } else if let c2 = year.yearOfCentury, let c1 = last.yearOfCentury {
                guard c2 > c1 else {
                    out.append(year)
                    continue
                }
                merged.toOffset = c2
                merged.kind = .range
            } else {
                out.append(year)
                continue
            }
            context.claim(last.start..<year.end)
            out[out.count - 1] = merged
        }
        return out
    }

    /// 2002-2004年……三年分别为…, x —x 年……两年农村税费改革资金: a Chinese N年 after a range of
    /// N years in the same line names those years (a relative mention), not a duration.
    private func addRangeReferences(_ found: [FoundYear], _ context: inout LineContext) -> [FoundYear] {
        let line = context.line
        var out = found
        guard let range = found.first(where: { $0.kind == .range || $0.rule == "y-placeholder-range" }) else {
            return found
        }
        var i = range.end
        while i < line.count {
            let v = line[i]
            if !context.claimed[i], ScalarClass.chineseDigit(v) != nil, !ScalarClass.isChineseNumeral(line.at(i - 1)),
                let n = NumeralParser.chinese(line, at: i), n.end < line.count, line[n.end] == Self.nian,
                !durationLeads.contains(line.at(i - 1)), ScalarClass.isHan(line.at(n.end + 1)),
                !durationFollowers.contains(line.at(n.end + 1))
            {
                let span = Int(n.value)
                let fits = range.from.map { from in range.to.map { $0 - from + 1 == span } ?? false } ?? true
                if fits {
                    let mention = FoundYear(
                        start: i, end: n.end + 1, kind: .relative, from: range.from, to: range.to,
                        rule: "y-range-reference")
                    out.append(mention)
                    context.claim(i..<(n.end + 1))
                    i = n.end + 1
                    continue
                }
            }
            i += 1
        }
        return out.sorted { $0.start < $1.start }
    }

    private func scanMentions(_ context: inout LineContext) -> [FoundYear] {
        let line = context.line
        let n = line.count
        var found: [FoundYear] = []
        var i = 0
        let triggers = NormalizeRules.flagYearStart | NormalizeRules.flagRelative | NormalizeRules.flagPlanPeriod
        while i < n {
            i = line.nextFlagged(from: i, in: rules.firstFlags, mask: triggers)
            guard i < n else { break }
            let v = line[i]
            if v >= 0x10000 || rules.firstFlags[Int(v)] & triggers == 0 || context.claimed[i] {
                i += 1
                continue
            }
            if let year = match(line, at: i) {
                found.append(year)
                context.claim(year.start..<year.end)
                i = year.end
                continue
            }
            i += 1
        }
        return found
    }

    func match(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let v = line[i]
        let prev = line.at(i - 1)
        if ScalarClass.isArabicDigit(v) {
            guard !ScalarClass.isArabicDigit(prev), !ScalarClass.isASCIILetter(prev), prev != 0x2E, prev != 0xFF0E
            else { return nil }
            if let y = placeholderYear(line, at: i) { return y }
            if let y = shortSecondYearRange(line, at: i) ?? explicitYear(line, at: i) { return y }
            if let y = twoDigitSchoolYear(line, at: i) { return y }
            if let y = gluedRange(line, at: i) { return y }
            if let y = slashDate(line, at: i) { return y }
            if let y = rocSchoolYear(line, at: i) { return y }
            if let y = taiwanYear(line, at: i) { return y }
            if let y = lostDigitDate(line, at: i) { return y }
            if let y = twoDigitYear(line, at: i) { return y }
            if let y = centuryOrDecade(line, at: i) { return y }
            if let y = monthDate(line, at: i) { return y }
            if let y = relativeNumberFirst(line, at: i) { return y }
            if let y = dayDate(line, at: i) { return y }
            if let y = blankedCenturyYear(line, at: i) { return y }
            if let y = englishMonthYear(line, at: i) { return y }
            if let y = seasonYear(line, at: i) { return y }
            if let y = bracketedSpan(line, at: i) { return y }
            if let y = gluedYearMonth(line, at: i) { return y }
            return bareYear(line, at: i)
        }
        switch v {
        case 0x6C11:  // 民
            if let y = rocYear(line, at: i) { return y }
        case 0x519C, 0x6B63, 0x814A, 0x9634, 0x9670, 0x8FB2, 0x81D8:  // 农 正 腊 阴 陰 農 臘
            if let y = lunarDate(line, at: i) { return y }
        default:
            if Self.isReignStart(v) {
                if let y = reignYear(line, at: i) { return y }
                // 同 光 道 …: common characters flagged only for the reigns stop here.
                if rules.firstFlags[Int(v)] & (NormalizeRules.flagRelative | NormalizeRules.flagPlanPeriod) == 0 {
                    return nil
                }
            }
        }
        if ScalarClass.isPlaceholder(v) {
            guard !ScalarClass.isASCIILetter(prev), !ScalarClass.isPlaceholder(prev), !ScalarClass.isArabicDigit(prev)
            else { return nil }
            return placeholderYear(line, at: i) ?? placeholderMonth(line, at: i)
        }
        if ScalarClass.isChineseNumeral(v) {
            if !ScalarClass.isChineseNumeral(prev) {
                if let y = chineseYear(line, at: i) ?? cardinalYear(line, at: i) { return y }
                if let y = twoDigitSchoolYear(line, at: i) { return y }
                if let y = rocSchoolYear(line, at: i) { return y }
                if v == 0x4E00, let y = taiwanYear(line, at: i) { return y }  // 一○四年到一○六年
                if let y = centuryOrDecade(line, at: i) { return y }
                if let y = chineseTwoDigitYear(line, at: i) { return y }
                if let y = planPeriod(line, at: i) { return y }
                if let y = relativeLiteralFirst(line, at: i) { return y }
                if let y = relativeNumberFirst(line, at: i) { return y }
                if let y = dayDate(line, at: i) { return y }
                // A month needs 月 within the next three characters (十二月): skip the parse otherwise.
                if line.at(i + 1) == Self.yue || line.at(i + 2) == Self.yue || line.at(i + 3) == Self.yue,
                    let y = chineseMonthDate(line, at: i)
                {
                    return y
                }
            }
            return nil  // relative words starting with a numeral were tried above
        }
        // 第十三个五年: a plan period named in full.
        if v == 0x7B2C, let y = planPeriod(line, at: i) { return y }
        if v == 0x4E0A, let y = centuryOrDecade(line, at: i) { return y }  // 上世纪80年代
        if let y = relativeLiteralFirst(line, at: i) { return y }
        // 在年前: a year the site blanked out entirely; 规划(年): a period blanked out.
        if v == Self.nian, prev == 0x5728 || prev == 0x4E8E, line.at(i + 1) == 0x524D {
            return FoundYear(start: i, end: i + 2, kind: .placeholder, rule: "y-missing")
        }
        if v == Self.nian, prev == 0x28 || prev == 0xFF08, line.at(i + 1) == 0x29 || line.at(i + 1) == 0xFF09 {
            return FoundYear(start: i - 1, end: i + 2, kind: .placeholder, rule: "y-missing-bracketed")
        }
        if v == 0x67D0, let y = someYear(line, at: i) { return y }
        if v == Self.nian, let y = blankedYear(line, at: i) { return y }
        return nil
    }

    // MARK: - Explicit years

    /// Four digits 1900–2099 at `i` (no digit after).
    func fourDigitYear(_ line: ScalarLine, at i: Int) -> Int? {
        var year = 0
        for k in 0..<4 {
            guard let d = ScalarClass.arabicDigit(line.at(i + k)) else { return nil }
            year = year * 10 + d
        }
        guard !ScalarClass.isArabicDigit(line.at(i + 4)), (1900...2099).contains(year) else { return nil }
        return year
    }

    /// Money, percent and area units: after 1900.01 they make it a number, not a year and month.
    private func isMeasure(_ unit: NormalizeRules.UnitRule?) -> Bool {
        guard let unit else { return false }
        return unit.kind == .money || unit.kind == .percent || unit.kind == .area
    }

    /// 1–2 digits at `i` within `range`; returns value and end.
    func smallNumber(_ line: ScalarLine, at i: Int, in range: ClosedRange<Int>) -> (Int, Int)? {
        guard let d0 = ScalarClass.arabicDigit(line.at(i)) else { return nil }
        var value = d0
        var j = i + 1
        if let d1 = ScalarClass.arabicDigit(line.at(j)) {
            value = value * 10 + d1
            j += 1
        }
        guard !ScalarClass.isArabicDigit(line.at(j)), range.contains(value) else { return nil }
        return (value, j)
    }

    /// `j` moved past at most one space when `next` follows it (2010 年, 11 月 26 日 in PDF text).
    func skipSpace(_ line: ScalarLine, _ j: Int, before next: (UInt32) -> Bool) -> Int {
        if ScalarClass.isSpace(line.at(j)), next(line.at(j + 1)) { return j + 1 }
        return j
    }

    private func explicitYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let year = fourDigitYear(line, at: i) else { return nil }
        let j = skipSpace(line, i + 4) { $0 == Self.nian }
        let sep = line.at(j)
        // 2024-06-07, 2024/6/7, 2024.6.7, 2024·6·7
        if sep == 0x2D || sep == 0x2F || sep == 0x2E || sep == 0xFF0D || sep == 0xB7 || sep == 0x30FB,
            let (_, monthEnd) = smallNumber(line, at: j + 1, in: 1...12), line.at(monthEnd) == sep,
            let (_, dayEnd) = smallNumber(line, at: monthEnd + 1, in: 1...31)
        {
            return FoundYear(start: i, end: dayEnd, kind: .date, from: year, to: year, rule: "y-iso-date")
        }
        let hasNian = line.at(j) == Self.nian && line.at(j + 1) != Self.ji && line.at(j + 1) != Self.zhiSystem
        var k = hasNian ? j + 1 : j
        // 2021.6, 2021/06: a year and a month (a range 2007-2008 is read below).
        if !hasNian, sep == 0x2E || sep == 0x2F || sep == 0xFF0E,
            let (_, monthEnd) = smallNumber(line, at: j + 1, in: 1...12),
            line.at(monthEnd) != 0x2E, line.at(monthEnd) != sep,
            rules.magnitude(in: line, at: monthEnd) == nil, !isMeasure(rules.unit(in: line, at: monthEnd))
        {  // 1900.01万元 is money
            return FoundYear(start: i, end: monthEnd, kind: .date, from: year, to: year, rule: "y-year-month")
        }
        // Ranges: 2007-2008年, 2007至2008年, 2007年至2008年, 2018年度至2019年度, 2007—2008学年, 2010、2011年
        if hasNian, line.at(k) == Self.du, case let after = line.at(k + 1),
            ScalarClass.isRangeDash(after) || after == Self.zhi || after == Self.dao
        {
            k += 1
        }
        // 2003 – 2005年: spaces (PDF text) before the connector.
        if !hasNian || true {
            var spaced = k
            while ScalarClass.isSpace(line.at(spaced)) && spaced - k < 2 { spaced += 1 }
            let v = line.at(spaced)
            if spaced > k, ScalarClass.isRangeDash(v) || v == Self.zhi || v == Self.dao || (!hasNian && Self.isAnd(v)) {
                k = spaced
            }
        }
        let rangeSep = line.at(k)
        // 2011和2012年, 2004、2005年: a list of full years closed by one 年 names each year (two rows, as
        // the field labels decided), not a range; the next year is read on its own.
        if !hasNian, Self.isAnd(rangeSep) || rangeSep == Self.dun, listedYearFollows(line, after: k) {
            return FoundYear(start: i, end: i + 4, kind: .year, from: year, to: year, rule: "y-year-list")
        }
        // 2011/2012学年: a slash joins two consecutive years.
        if rangeSep == 0x2F, !hasNian, let y2 = fourDigitYear(line, at: k + 1), y2 == year + 1 {
            var end = k + 5
            if line.at(end) == Self.nian { end += 1 } else if line.matches("学年".scalarValues, at: end) { end += 2 }
            if line.at(end) == Self.du { end += 1 }
            return FoundYear(start: i, end: end, kind: .range, from: year, to: y2, rule: "y-range")
        }
        if ScalarClass.isRangeDash(rangeSep) || rangeSep == Self.zhi || rangeSep == Self.dao
            || (rangeSep == Self.dun && !hasNian)
        {
            var m = k + 1
            while ScalarClass.isRangeDash(line.at(m)) && m - k < 3 { m += 1 }  // 2010——2015年
            while ScalarClass.isSpace(line.at(m)) { m += 1 }
            var second: Int? = nil
            var secondEnd = m
            if let y2 = fourDigitYear(line, at: m) {
                second = y2
                secondEnd = m + 4
            } else if let (yy, end) = smallNumber(line, at: m, in: 0...99), end == m + 2, !hasNian {
                let candidate = (year / 100) * 100 + yy
                if candidate > year {
                    second = candidate
                    secondEnd = end
                }
            }
            if let y2 = second, y2 > year, y2 - year <= 30 {
                if let end = rangeEnd(line, after: secondEnd, firstHasNian: hasNian) {
                    return FoundYear(start: i, end: end, kind: .range, from: year, to: y2, rule: "y-range")
                }
            }
        }
        if hasNian { return yearWithMonth(line, at: i, year: year, nian: j) }
        if line.matches("学年".scalarValues, at: j) {
            return FoundYear(start: i, end: j + 2, kind: .year, from: year, to: year, rule: "y-school-year")
        }
        // 2017 学年: a space before the word (PDF text).
        if ScalarClass.isSpace(line.at(j)), line.matches("学年".scalarValues, at: j + 1) {
            var end = j + 3
            if line.at(end) == Self.du { end += 1 }
            return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: "y-school-year")
        }
        return nil
    }

    /// Whether a full year of a list stands after the 和/与/及/、 at `k` (spaces allowed), itself
    /// closed by 年 or followed by another 、 of the list: 2011和2012年, 2002、2003、2004年.
    private func listedYearFollows(_ line: ScalarLine, after k: Int) -> Bool {
        var m = k + 1
        while ScalarClass.isSpace(line.at(m)) && m - k < 3 { m += 1 }
        guard fourDigitYear(line, at: m) != nil else { return false }
        let end = skipSpace(line, m + 4) { $0 == Self.nian }
        let next = line.at(end)
        return next == Self.nian || ((next == Self.dun || Self.isAnd(next)) && listedYearFollows(line, after: end))
    }

    /// Where a range's second year ends (`after`: its last digit + 1): after its 年, 学年 or 学年度 (one space
    /// allowed before them, as PDF text has: 2024-2025 学年度); nil when neither follows and the first year
    /// had no 年 either (2007-2008 alone is no range).
    private func rangeEnd(_ line: ScalarLine, after secondEnd: Int, firstHasNian: Bool) -> Int? {
        var end = skipSpace(line, secondEnd) { $0 == Self.nian || $0 == Self.xue || Self.isHalf($0) }
        if line.at(end) == Self.nian {
            end += 1
        } else if let termEnd = schoolTermEnd(line, at: end) {
            end = termEnd
        } else {
            guard firstHasNian else { return nil }
            end = secondEnd  // 2024年-2025 学生: no 学年 after the space
        }
        if line.at(end) == Self.du { end += 1 }
        return end
    }

    /// A year written with 年 at `nian`, then its month and day if they follow (2009年5月13日,
    /// 2016年八月初三), else the year alone.
    private func yearWithMonth(_ line: ScalarLine, at i: Int, year: Int, nian j: Int) -> FoundYear {
        let k = skipSpace(line, j + 1) { ScalarClass.isArabicDigit($0) }
        // 2009年5月13日, 2009年5月, 2010 年 11 月 26 日
        if let (_, monthDigitsEnd) = smallNumber(line, at: k, in: 1...12),
            case let monthEnd = skipSpace(line, monthDigitsEnd, before: { $0 == Self.yue }),
            line.at(monthEnd) == Self.yue
        {
            var end = monthEnd + 1
            let dayAt = skipSpace(line, end) { ScalarClass.isArabicDigit($0) }
            if let (_, dayDigitsEnd) = smallNumber(line, at: dayAt, in: 1...31),
                case let dayEnd = skipSpace(line, dayDigitsEnd, before: { $0 == Self.ri || $0 == Self.hao }),
                line.at(dayEnd) == Self.ri || line.at(dayEnd) == Self.hao
            {
                end = dayEnd + 1
            }
            return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-date")
        }
        // 2016年八月初三, 2014年三月二十號, 2012年农历正月十五
        if let end = monthDay(line, at: skipSpace(line, j + 1) { !ScalarClass.isSpace($0) }) {
            return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-date")
        }
        // No month after it: the year ends at 年 (or 年度), not at the space looked past
        // for a month (表头 2020年 2021年).
        var end = j + 1
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: "y-year")
    }

    /// 和 与 及: words that join two years.
    @inline(__always)
    private static func isAnd(_ v: UInt32) -> Bool { v == 0x548C || v == 0x4E0E || v == 0x53CA }
}
