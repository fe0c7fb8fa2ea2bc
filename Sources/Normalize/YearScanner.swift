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

    private static let nian: UInt32 = 0x5E74      // 年
    private static let yue: UInt32 = 0x6708       // 月
    private static let ri: UInt32 = 0x65E5        // 日
    private static let hao: UInt32 = 0x53F7       // 号
    private static let xue: UInt32 = 0x5B66       // 学
    private static let du: UInt32 = 0x5EA6        // 度
    private static let zhi: UInt32 = 0x81F3       // 至
    private static let dao: UInt32 = 0x5230       // 到
    private static let dun: UInt32 = 0x3001       // 、
    private static let ji: UInt32 = 0x7EA7        // 级
    private static let zhiSystem: UInt32 = 0x5236 // 制

    /// Characters besides numerals that can start a year mention: 民 (民国十年), 农 (农历), 正 (正月),
    /// 腊 (腊月), 阴 陰 (阴历).
    static let extraStarts: Set<UInt32> = [0x6C11, 0x519C, 0x6B63, 0x814A, 0x9634, 0x9670, 0x8FB2, 0x81D8]

    /// Month suffixes that make a bare month a date: 中旬, 上旬, 下旬, 初, 底, 末, 份.
    private static let monthSuffixes: [[UInt32]] = ["上旬", "中旬", "下旬", "初", "底", "末", "份"].map(\.scalarValues)
    /// The scanner with the shipped rule tables.
    static let standard = YearScanner(rules: .standard)

    /// Word lists from `rules/normalize/context-words.tsv`, read once.
    private let planCues: [[UInt32]]
    private let durationFollowers: Set<UInt32>
    private let durationLeads: Set<UInt32>

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
        if found.contains(where: { $0.kind == .range || ($0.kind == .placeholder && $0.rule == "y-placeholder-range") }) {
            found = addRangeReferences(found, &context)
        }
        return found
    }

    /// Two mentions joined by a range word or dash (2010年——2015年, 二零一一年至二零一三年,
    /// 2009.09-2012.07, 2017年8月至11月) are one mention: a range when the years differ.
    private func mergeRanges(_ found: [FoundYear], _ context: inout LineContext) -> [FoundYear] {
        let line = context.line
        var out: [FoundYear] = []
        for year in found {
            guard let last = out.last, last.anchor == nil || last.yearOfCentury != nil, last.kind == .year || last.kind == .date || last.kind == .range,
                  year.kind == .year || year.kind == .date else { out.append(year); continue }
            // Only a connector (and spaces) between them.
            var k = last.end
            var connectors = 0
            var words = 0
            while k < year.start {
                let v = line[k]
                if ScalarClass.isRangeDash(v) { connectors += 1 } else if v == Self.zhi || v == Self.dao { words += 1 } else if !ScalarClass.isSpace(v) { break }
                k += 1
            }
            guard k == year.start, connectors + words >= 1, words <= 1, connectors <= 3 else { out.append(year); continue }
            var merged = last
            merged.end = year.end
            merged.rule = last.rule + "+range"
            if year.needsYear {
                // 2017年8月至11月: the second date takes the first's year.
                guard last.kind == .date, year.anchor == .section else { out.append(year); continue }
            } else if let y2 = year.to, let y1 = last.from {
                guard y2 >= y1, y2 - y1 <= 30 else { out.append(year); continue }
                merged.to = y2
                // 2024年-2024年: a period written as a range stays a range even within one year.
                merged.kind = y2 > y1 || (last.kind == .year && year.kind == .year) ? .range : (last.kind == .date || year.kind == .date ? .date : .year)
            } else if let c2 = year.yearOfCentury, let c1 = last.yearOfCentury {
                guard c2 > c1 else { out.append(year); continue }
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
        guard let range = found.first(where: { $0.kind == .range || $0.rule == "y-placeholder-range" }) else { return found }
        var i = range.end
        while i < line.count {
            let v = line[i]
            if !context.claimed[i], ScalarClass.chineseDigit(v) != nil, !ScalarClass.isChineseNumeral(line.at(i - 1)),
               let n = NumeralParser.chinese(line, at: i), n.end < line.count, line[n.end] == Self.nian,
               !durationLeads.contains(line.at(i - 1)), ScalarClass.isHan(line.at(n.end + 1)),
               !durationFollowers.contains(line.at(n.end + 1)) {
                let span = Int(n.value)
                let fits = range.from.map { from in range.to.map { $0 - from + 1 == span } ?? false } ?? true
                if fits {
                    let mention = FoundYear(start: i, end: n.end + 1, kind: .relative, from: range.from, to: range.to, rule: "y-range-reference")
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
            let v = line[i]
            if v >= 0x10000 || rules.firstFlags[Int(v)] & triggers == 0 || context.claimed[i] { i += 1; continue }
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

    private func match(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let v = line[i]
        let prev = line.at(i - 1)
        if ScalarClass.isArabicDigit(v) {
            guard !ScalarClass.isArabicDigit(prev), !ScalarClass.isASCIILetter(prev), prev != 0x2E, prev != 0xFF0E else { return nil }
            if let y = placeholderYear(line, at: i) { return y }
            if let y = explicitYear(line, at: i) { return y }
            if let y = slashDate(line, at: i) { return y }
            if let y = twoDigitYear(line, at: i) { return y }
            if let y = monthDate(line, at: i) { return y }
            return relativeNumberFirst(line, at: i)
        }
        switch v {
        case 0x6C11:   // 民
            if let y = rocYear(line, at: i) { return y }
        case 0x519C, 0x6B63, 0x814A, 0x9634, 0x9670, 0x8FB2, 0x81D8:   // 农 正 腊 阴 陰 農 臘
            if let y = lunarDate(line, at: i) { return y }
        default:
            break
        }
        if ScalarClass.isPlaceholder(v) {
            guard !ScalarClass.isASCIILetter(prev), !ScalarClass.isPlaceholder(prev), !ScalarClass.isArabicDigit(prev) else { return nil }
            return placeholderYear(line, at: i)
        }
        if ScalarClass.isChineseNumeral(v) {
            if !ScalarClass.isChineseNumeral(prev) {
                if let y = chineseYear(line, at: i) { return y }
                if let y = chineseTwoDigitYear(line, at: i) { return y }
                if let y = planPeriod(line, at: i) { return y }
                if let y = relativeLiteralFirst(line, at: i) { return y }
                if let y = relativeNumberFirst(line, at: i) { return y }
                // A month needs 月 within the next three characters (十二月): skip the parse otherwise.
                if line.at(i + 1) == Self.yue || line.at(i + 2) == Self.yue || line.at(i + 3) == Self.yue,
                   let y = chineseMonthDate(line, at: i) { return y }
            }
            return nil   // relative words starting with a numeral were tried above
        }
        // 第十三个五年: a plan period named in full.
        if v == 0x7B2C, let y = planPeriod(line, at: i) { return y }
        if let y = relativeLiteralFirst(line, at: i) { return y }
        // 在年前: a year the site blanked out entirely.
        if v == Self.nian, prev == 0x5728 || prev == 0x4E8E, line.at(i + 1) == 0x524D {
            return FoundYear(start: i, end: i + 2, kind: .placeholder, rule: "y-missing")
        }
        return nil
    }

    // MARK: - Explicit years

    /// Four digits 1900–2099 at `i` (no digit after).
    private func fourDigitYear(_ line: ScalarLine, at i: Int) -> Int? {
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
    private func smallNumber(_ line: ScalarLine, at i: Int, in range: ClosedRange<Int>) -> (Int, Int)? {
        guard let d0 = ScalarClass.arabicDigit(line.at(i)) else { return nil }
        var value = d0
        var j = i + 1
        if let d1 = ScalarClass.arabicDigit(line.at(j)) { value = value * 10 + d1; j += 1 }
        guard !ScalarClass.isArabicDigit(line.at(j)), range.contains(value) else { return nil }
        return (value, j)
    }

    /// `j` moved past at most one space when `next` follows it (2010 年, 11 月 26 日 in PDF text).
    private func skipSpace(_ line: ScalarLine, _ j: Int, before next: (UInt32) -> Bool) -> Int {
        if ScalarClass.isSpace(line.at(j)), next(line.at(j + 1)) { return j + 1 }
        return j
    }

    private func explicitYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let year = fourDigitYear(line, at: i) else { return nil }
        let j = skipSpace(line, i + 4) { $0 == Self.nian }
        let sep = line.at(j)
        // 2024-06-07, 2024/6/7, 2024.6.7
        if sep == 0x2D || sep == 0x2F || sep == 0x2E || sep == 0xFF0D,
           let (_, monthEnd) = smallNumber(line, at: j + 1, in: 1...12), line.at(monthEnd) == sep,
           let (_, dayEnd) = smallNumber(line, at: monthEnd + 1, in: 1...31) {
            return FoundYear(start: i, end: dayEnd, kind: .date, from: year, to: year, rule: "y-iso-date")
        }
        let hasNian = line.at(j) == Self.nian && line.at(j + 1) != Self.ji && line.at(j + 1) != Self.zhiSystem
        var k = hasNian ? j + 1 : j
        // 2021.6, 2021/06: a year and a month (a range 2007-2008 is read below).
        if !hasNian, sep == 0x2E || sep == 0x2F || sep == 0xFF0E, let (_, monthEnd) = smallNumber(line, at: j + 1, in: 1...12),
           line.at(monthEnd) != 0x2E, line.at(monthEnd) != sep,
           rules.magnitude(in: line, at: monthEnd) == nil, !isMeasure(rules.unit(in: line, at: monthEnd)) {   // 1900.01万元 is money
            return FoundYear(start: i, end: monthEnd, kind: .date, from: year, to: year, rule: "y-year-month")
        }
        // Ranges: 2007-2008年, 2007至2008年, 2007年至2008年, 2018年度至2019年度, 2007—2008学年, 2010、2011年
        if hasNian, line.at(k) == Self.du, case let after = line.at(k + 1),
           ScalarClass.isRangeDash(after) || after == Self.zhi || after == Self.dao {
            k += 1
        }
        // 2003 – 2005年: spaces (PDF text) before the connector.
        if !hasNian || true {
            var spaced = k
            while ScalarClass.isSpace(line.at(spaced)) && spaced - k < 2 { spaced += 1 }
            let v = line.at(spaced)
            if spaced > k, ScalarClass.isRangeDash(v) || v == Self.zhi || v == Self.dao || (!hasNian && Self.isAnd(v)) { k = spaced }
        }
        let rangeSep = line.at(k)
        // 2011和2012年, 2011 和2012 年: two consecutive years joined by 和/与/及 and closed by one 年.
        if !hasNian, Self.isAnd(rangeSep) {
            var m = k + 1
            while ScalarClass.isSpace(line.at(m)) && m - k < 3 { m += 1 }
            if let y2 = fourDigitYear(line, at: m), y2 == year + 1 {
                let end = skipSpace(line, m + 4) { $0 == Self.nian }
                if line.at(end) == Self.nian {
                    return FoundYear(start: i, end: end + 1, kind: .range, from: year, to: y2, rule: "y-range")
                }
            }
        }
        // 2011/2012学年: a slash joins two consecutive years.
        if rangeSep == 0x2F, !hasNian, let y2 = fourDigitYear(line, at: k + 1), y2 == year + 1 {
            var end = k + 5
            if line.at(end) == Self.nian { end += 1 } else if line.matches("学年".scalarValues, at: end) { end += 2 }
            if line.at(end) == Self.du { end += 1 }
            return FoundYear(start: i, end: end, kind: .range, from: year, to: y2, rule: "y-range")
        }
        if ScalarClass.isRangeDash(rangeSep) || rangeSep == Self.zhi || rangeSep == Self.dao || (rangeSep == Self.dun && !hasNian) {
            var m = k + 1
            while ScalarClass.isRangeDash(line.at(m)) && m - k < 3 { m += 1 }   // 2010——2015年
            while ScalarClass.isSpace(line.at(m)) { m += 1 }
            var second: Int? = nil
            var secondEnd = m
            if let y2 = fourDigitYear(line, at: m) {
                second = y2
                secondEnd = m + 4
            } else if let (yy, end) = smallNumber(line, at: m, in: 0...99), end == m + 2, !hasNian {
                let candidate = (year / 100) * 100 + yy
                if candidate > year { second = candidate; secondEnd = end }
            }
            if let y2 = second, y2 > year, y2 - year <= 30 {
                var end = skipSpace(line, secondEnd) { $0 == Self.nian }
                if line.at(end) == Self.nian { end += 1 } else if line.matches("学年".scalarValues, at: end) { end += 2 } else if !hasNian { end = -1 }
                if end > 0 {
                    if line.at(end) == Self.du { end += 1 }
                    return FoundYear(start: i, end: end, kind: .range, from: year, to: y2, rule: "y-range")
                }
            }
        }
        if hasNian {
            k = skipSpace(line, j + 1) { ScalarClass.isArabicDigit($0) }
            // 2009年5月13日, 2009年5月, 2010 年 11 月 26 日
            if let (_, monthDigitsEnd) = smallNumber(line, at: k, in: 1...12),
               case let monthEnd = skipSpace(line, monthDigitsEnd, before: { $0 == Self.yue }), line.at(monthEnd) == Self.yue {
                var end = monthEnd + 1
                let dayAt = skipSpace(line, end) { ScalarClass.isArabicDigit($0) }
                if let (_, dayDigitsEnd) = smallNumber(line, at: dayAt, in: 1...31),
                   case let dayEnd = skipSpace(line, dayDigitsEnd, before: { $0 == Self.ri || $0 == Self.hao }),
                   line.at(dayEnd) == Self.ri || line.at(dayEnd) == Self.hao {
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
        if line.matches("学年".scalarValues, at: j) {
            return FoundYear(start: i, end: j + 2, kind: .year, from: year, to: year, rule: "y-school-year")
        }
        return nil
    }

    /// 和 与 及: words that join two years.
    @inline(__always)
    private static func isAnd(_ v: UInt32) -> Bool { v == 0x548C || v == 0x4E0E || v == 0x53CA }

    /// 二〇一一年, 二〇一一年五月, 二〇二〇年9月1日 (the month and day in either kind of digits).
    private func chineseYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let year = NumeralParser.chineseDigitYear(line, at: i), line.at(i + 4) == Self.nian else { return nil }
        var end = i + 5
        if let dateEnd = monthDay(line, at: end) {
            return FoundYear(start: i, end: dateEnd, kind: .date, from: year, to: year, rule: "y-chinese-date")
        }
        if line.at(end) == Self.du { end += 1 }   // 二〇二一年度, like 2021年度
        return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: "y-chinese-year")
    }

    // MARK: - Dates without a year

    /// 3月8日, 8月20, 4月中旬, 10月末, 4月.
    private func monthDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let (_, monthEnd) = smallNumber(line, at: i, in: 1...12), line.at(monthEnd) == Self.yue else { return nil }
        var end = monthEnd + 1
        if let (_, dayEnd) = smallNumber(line, at: end, in: 1...31) {
            end = dayEnd
            if line.at(end) == Self.ri || line.at(end) == Self.hao { end += 1 }
        } else {
            for suffix in Self.monthSuffixes where line.matches(suffix, at: end) {
                end += suffix.count
                break
            }
        }
        return FoundYear(start: i, end: end, kind: .date, rule: "y-month-date", anchor: .section, needsYear: true)
    }

    /// 五月份, 十二月初, 三月八日 (Chinese numerals need a day or suffix: 一月一汇总 is not a date).
    private func chineseMonthDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let month = NumeralParser.chinese(line, at: i), month.value >= 1, month.value <= 12, !month.fuzzy,
              line.at(month.end) == Self.yue, let end = monthDay(line, at: i), end > month.end + 1 else { return nil }
        return FoundYear(start: i, end: end, kind: .date, rule: "y-chinese-month-date", anchor: .section, needsYear: true)
    }

    // MARK: - Months and days

    private static let chu: UInt32 = 0x521D       // 初
    private static let haoTrad: UInt32 = 0x865F   // 號
    private static let run: UInt32 = 0x95F0       // 闰
    private static let lunarMarks: [[UInt32]] = ["农历", "農曆", "阴历", "陰曆"].map(\.scalarValues)

    /// The length of a lunar-calendar mark (农历, 阴历) at `k`, or 0.
    private func lunarMark(_ line: ScalarLine, at k: Int) -> Int {
        for mark in Self.lunarMarks where line.matches(mark, at: k) { return mark.count }
        return 0
    }

    /// A month and maybe a day at `k`, in any writing: 5月, 五月, 5月4号, 三月二十號, 八月初三,
    /// 正月十五, 腊月初十, 闰四月, 农历六月, 4月中旬, 五月份. Returns the end, or nil.
    func monthDay(_ line: ScalarLine, at k: Int) -> Int? {
        var m = k + lunarMark(line, at: k)
        var lunar = m > k
        if line.at(m) == Self.run { m += 1; lunar = true }
        var monthEnd: Int? = nil
        let v = line.at(m)
        if let (_, e) = smallNumber(line, at: m, in: 1...12) {
            monthEnd = skipSpace(line, e) { $0 == Self.yue }
        } else if v == 0x6B63 || v == 0x814A || v == 0x51AC || v == 0x81D8 {   // 正 腊 冬 臘
            monthEnd = m + 1
            lunar = true
        } else if v == 0x5143, line.at(m + 1) == Self.yue {   // 元月: January
            monthEnd = m + 1
        } else if let r = NumeralParser.chinese(line, at: m), r.value >= 1, r.value <= 12, !r.fuzzy, !r.hasDecimal, r.value == r.value.rounded() {
            monthEnd = r.end
        }
        guard let me = monthEnd, line.at(me) == Self.yue else { return nil }
        let end = me + 1
        let dayAt = skipSpace(line, end) { ScalarClass.isArabicDigit($0) }
        if let (_, dayDigitsEnd) = smallNumber(line, at: dayAt, in: 1...31) {
            let dayEnd = skipSpace(line, dayDigitsEnd) { $0 == Self.ri || $0 == Self.hao || $0 == Self.haoTrad }
            let suffix = line.at(dayEnd)
            if suffix == Self.ri || suffix == Self.hao || suffix == Self.haoTrad { return dayEnd + 1 }
            return lunar ? dayDigitsEnd : end
        }
        // 初三 (the first ten days of a lunar month)
        if line.at(end) == Self.chu, let d = NumeralParser.chinese(line, at: end + 1), d.value >= 1, d.value <= 10, !d.fuzzy {
            return d.end
        }
        if let d = NumeralParser.chinese(line, at: end), d.value >= 1, d.value <= 31, !d.fuzzy, !d.hasDecimal, d.value == d.value.rounded() {
            let suffix = line.at(d.end)
            if suffix == Self.ri || suffix == Self.hao || suffix == Self.haoTrad { return d.end + 1 }
            // 正月十五, 五月廿二: a lunar day needs no 日; a unit after it (五月十五个) makes it no day.
            let tensStart = NumeralGrammar.tens(line.at(end)) != nil
            if (lunar || tensStart) && rules.unit(in: line, at: d.end) == nil { return d.end }
            return end
        }
        for suffix in Self.monthSuffixes where line.matches(suffix, at: end) { return end + suffix.count }
        return end
    }

    /// 12/25/2010, 25/12/2010, 25.12.2010: a day and a month before a four-digit year.
    private func slashDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let (_, aEnd) = smallNumber(line, at: i, in: 1...31) else { return nil }
        let sep = line.at(aEnd)
        guard sep == 0x2F || sep == 0x2E || sep == 0x2D, let (_, bEnd) = smallNumber(line, at: aEnd + 1, in: 1...31), line.at(bEnd) == sep,
              let year = fourDigitYear(line, at: bEnd + 1) else { return nil }
        return FoundYear(start: i, end: bEnd + 5, kind: .date, from: year, to: year, rule: "y-slash-date")
    }

    /// Words after N年 that make a two-digit number a year (19年底, 06年以来, 98年度).
    private static let twoDigitCues: [[UInt32]] = ["底", "初", "末", "度", "上半年", "下半年", "春", "秋", "夏", "冬", "伊始"].map(\.scalarValues)
    private static let twoDigitSinceCues: [[UInt32]] = ["以来", "起", "至今", "开始", "后", "前", "时"].map(\.scalarValues)

    /// 05年6月1日, 98年4月, 06年以来, 19年底: a year written with two Arabic digits. It needs a
    /// month, a leading zero or a year word after it (工作15年 is a duration).
    private func twoDigitYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let d0 = ScalarClass.arabicDigit(line.at(i)), let d1 = ScalarClass.arabicDigit(line.at(i + 1)),
              !ScalarClass.isArabicDigit(line.at(i + 2)) else { return nil }
        let yy = d0 * 10 + d1
        if line.at(i + 2) == Self.dun, let list = twoDigitYearList(line, at: i, first: yy) { return list }
        let j = skipSpace(line, i + 2) { $0 == Self.nian }
        guard line.at(j) == Self.nian, line.at(j + 1) != Self.ji, line.at(j + 1) != Self.zhiSystem else { return nil }
        let prev = line.at(i - 1)
        if prev == 0x7B2C || prev == 0x8FD1 || prev == 0x5F53 { return nil }   // 第 近 当
        if let end = monthDay(line, at: skipSpace(line, j + 1) { !ScalarClass.isSpace($0) }), line.at(j + 1) != 0x6765 {
            return FoundYear(start: i, end: end, kind: .date, rule: "y-two-digit-date", fromOffset: yy, toOffset: yy, twoDigit: true)
        }
        let after = j + 1
        let cue = Self.twoDigitCues.contains { line.matches($0, at: after) }
        let since = Self.twoDigitSinceCues.contains { line.matches($0, at: after) }
        guard cue || (d0 == 0 && line.at(after) != 0x6765 && line.at(after) != 0x591A) || (since && yy > 20) else { return nil }
        var end = after
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(start: i, end: end, kind: .year, rule: "y-two-digit-year", fromOffset: yy, toOffset: yy, twoDigit: true)
    }

    /// 07、08、09年: consecutive two-digit years listed with 、 and closed by 年 are one range.
    private func twoDigitYearList(_ line: ScalarLine, at i: Int, first: Int) -> FoundYear? {
        var k = i + 2
        var last = first
        while line.at(k) == Self.dun, let a = ScalarClass.arabicDigit(line.at(k + 1)), let b = ScalarClass.arabicDigit(line.at(k + 2)),
              !ScalarClass.isArabicDigit(line.at(k + 3)), a * 10 + b == last + 1 {
            last = a * 10 + b
            k += 3
        }
        guard last > first, line.at(k) == Self.nian, line.at(k + 1) != Self.ji, line.at(k + 1) != Self.zhiSystem else { return nil }
        var end = k + 1
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(start: i, end: end, kind: .range, rule: "y-two-digit-list", fromOffset: first, toOffset: last, twoDigit: true)
    }

    /// 八五年, 零九年, 九零年9月十号: two Chinese digits and 年. Two digits in a row (三四年, 五六年)
    /// are an estimate of years, not a year, unless a month follows.
    private func chineseTwoDigitYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let a = line.at(i), b = line.at(i + 1)
        guard let d0 = ScalarClass.chineseDigit(a), let d1 = ScalarClass.chineseDigit(b), a != 0x4E24, b != 0x4E24, a != 0x5169, b != 0x5169,
              line.at(i + 2) == Self.nian, !ScalarClass.isChineseNumeral(line.at(i - 1)) else { return nil }
        let yy = d0 * 10 + d1
        if let end = monthDay(line, at: i + 3) {
            return FoundYear(start: i, end: end, kind: .date, rule: "y-chinese-two-digit-date", fromOffset: yy, toOffset: yy, twoDigit: true)
        }
        if d1 == d0 + 1 { return nil }
        let next = line.at(i + 3)
        let blockers: Set<UInt32> = [Self.ji, Self.zhiSystem, 0x6765, 0x5185, 0x591A, 0x95F4, 0x91CC, 0x540E, 0x5DE6, 0x534A, 0x7EAA, 0x8F7B, 0x9F84]
        if blockers.contains(next) { return nil }
        var end = i + 3
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(start: i, end: end, kind: .year, rule: "y-chinese-two-digit-year", fromOffset: yy, toOffset: yy, twoDigit: true)
    }

    /// 民国十年 (1921), 民國38年: years of the Republic of China, counted from 1912.
    private func rocYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard line.at(i + 1) == 0x56FD || line.at(i + 1) == 0x570B else { return nil }
        let k = i + 2
        var n = 0
        var numberEnd = k
        if let r = NumeralParser.chinese(line, at: k), r.value >= 1, r.value <= 150, !r.fuzzy, !r.hasDecimal {
            n = Int(r.value)
            numberEnd = r.end
        } else if k < line.count, ScalarClass.isArabicDigit(line[k]) {
            var e = k
            while let d = ScalarClass.arabicDigit(line.at(e)), e - k < 3 { n = n * 10 + d; e += 1 }
            guard (1...150).contains(n), !ScalarClass.isArabicDigit(line.at(e)) else { return nil }
            numberEnd = e
        } else if line.at(k) == 0x5143 {   // 元年
            n = 1
            numberEnd = k + 1
        } else {
            return nil
        }
        guard line.at(numberEnd) == Self.nian else { return nil }
        let year = 1911 + n
        if let end = monthDay(line, at: numberEnd + 1) {
            return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-roc-date")
        }
        return FoundYear(start: i, end: numberEnd + 1, kind: .year, from: year, to: year, rule: "y-roc-year")
    }

    /// 农历二〇二一年六月, 农历正月十五, 正月十五, 腊月初十: lunar dates (the year as written).
    private func lunarDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let mark = lunarMark(line, at: i)
        if mark > 0 {
            if let year = NumeralParser.chineseDigitYear(line, at: i + mark), line.at(i + mark + 4) == Self.nian {
                let end = monthDay(line, at: i + mark + 5) ?? (i + mark + 5)
                return FoundYear(start: i, end: end, kind: end > i + mark + 5 ? .date : .year, from: year, to: year, rule: "y-lunar-date")
            }
            if let year = fourDigitYear(line, at: i + mark), line.at(i + mark + 4) == Self.nian {
                let end = monthDay(line, at: i + mark + 5) ?? (i + mark + 5)
                return FoundYear(start: i, end: end, kind: end > i + mark + 5 ? .date : .year, from: year, to: year, rule: "y-lunar-date")
            }
        }
        let v = line.at(i + mark)
        guard mark > 0 || v == 0x6B63 || v == 0x814A || v == 0x81D8 else { return nil }
        guard let end = monthDay(line, at: i) else { return nil }
        // 正月 alone is a month; 正 needs 月 right after it (正在, 正式 are no dates).
        return FoundYear(start: i, end: end, kind: .date, rule: "y-lunar-month-date", anchor: .section, needsYear: true)
    }

    // MARK: - Placeholders

    /// End of a run of placeholder characters (with leading digits: 20xx, 201x), or nil.
    private func placeholderRun(_ line: ScalarLine, at i: Int) -> Int? {
        var j = i
        var marks = 0
        while j < line.count, j - i < 4 {
            let v = line[j]
            if ScalarClass.isPlaceholder(v) { marks += 1 } else if !ScalarClass.isArabicDigit(v) || marks > 0 { break }
            j += 1
        }
        guard marks > 0, !ScalarClass.isASCIILetter(line.at(j)), !ScalarClass.isArabicDigit(line.at(j)) else { return nil }
        return j
    }

    /// 20xx年, xx年, x年, 20xx年至20xx年, x —x 年, 20xx、20xx两年.
    private func placeholderYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let runEnd = placeholderRun(line, at: i) else { return nil }
        var j = runEnd
        while ScalarClass.isSpace(line.at(j)) { j += 1 }
        // XX学年度: the school year of a blanked year.
        if line.at(j) == Self.xue, line.at(j + 1) == Self.nian { j += 1 }
        let hasNian = line.at(j) == Self.nian && line.at(j + 1) != Self.ji && line.at(j + 1) != Self.zhiSystem
        let afterFirst = hasNian ? j + 1 : runEnd
        // Joined forms.
        var k = hasNian ? j + 1 : j
        while ScalarClass.isSpace(line.at(k)) { k += 1 }
        let sep = line.at(k)
        if ScalarClass.isRangeDash(sep) || sep == Self.zhi || sep == Self.dao || (sep == Self.dun && !hasNian) {
            var m = k + 1
            while ScalarClass.isRangeDash(line.at(m)) && m - k < 3 { m += 1 }   // XX——XX
            while ScalarClass.isSpace(line.at(m)) { m += 1 }
            if let secondEnd = placeholderRun(line, at: m) {
                var e = secondEnd
                while ScalarClass.isSpace(line.at(e)) { e += 1 }
                if line.at(e) == Self.xue, line.at(e + 1) == Self.nian { e += 1 }
                if line.at(e) == Self.nian {
                    if line.at(e + 1) == Self.du { e += 1 }
                    return FoundYear(start: i, end: e + 1, kind: .placeholder, rule: "y-placeholder-range")
                }
                if let count = NumeralParser.chinese(line, at: e), count.end < line.count, line[count.end] == Self.nian {
                    return FoundYear(start: i, end: count.end + 1, kind: .placeholder, rule: "y-placeholder-range")
                }
            }
        }
        guard hasNian else { return nil }
        return FoundYear(start: i, end: line.at(afterFirst) == Self.du ? afterFirst + 1 : afterFirst, kind: .placeholder, rule: "y-placeholder")
    }

    // MARK: - Plan periods

    private func planPeriod(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard rules.starts(line[i], NormalizeRules.flagPlanPeriod), let candidates = rules.planPeriods[line[i]] else { return nil }
        for rule in candidates where line.matches(rule.surface, at: i) {
            let end = i + rule.surface.count
            let next = line.at(end)
            if ScalarClass.isChineseNumeral(next) || ScalarClass.isArabicDigit(next) { continue }
            if line.matches("普法".scalarValues, at: end) { continue }
            if rule.needsQuoteOrCue {
                let prev = line.at(i - 1)
                let quoted = prev == 0x201C || prev == 0x22 || prev == 0x2018 || prev == 0x300C
                let cued = planCues.contains { line.matches($0, at: end) } || next == 0x201D
                if !(quoted || cued) { continue }
                // 十五所, 十五人: a number with a unit is not a plan period.
                if rules.unit(in: line, at: end) != nil { continue }
            }
            return FoundYear(start: i, end: end, kind: .planPeriod, from: rule.from, to: rule.to, rule: rule.id)
        }
        return nil
    }

    // MARK: - Relative years

    /// The N of a pattern at `i`: a small Chinese or Arabic number.
    private func patternNumber(_ line: ScalarLine, at i: Int) -> (Int, Int)? {
        if let reading = NumeralParser.chinese(line, at: i), !reading.fuzzy, !reading.hasDecimal, reading.value >= 1, reading.value <= 20 {
            return (Int(reading.value), reading.end)
        }
        if let (value, end) = smallNumber(line, at: i, in: 1...20) { return (value, end) }
        return nil
    }

    private func matchPattern(_ rule: NormalizeRules.RelativeRule, _ line: ScalarLine, at i: Int, number: (Int, Int)? = nil) -> (end: Int, n: Int)? {
        var j = i
        var n = 0
        for element in rule.pattern {
            switch element {
            case .literal(let v):
                guard line.at(j) == v else { return nil }
                j += 1
            case .number:
                if j == i, let (value, end) = number {
                    n = value
                    j = end
                    continue
                }
                guard let (value, end) = patternNumber(line, at: j) else { return nil }
                n = value
                j = end
            }
        }
        return (j, n)
    }

    private func relativeFound(_ rule: NormalizeRules.RelativeRule, _ i: Int, _ end: Int, _ n: Int) -> FoundYear {
        FoundYear(start: i, end: end, kind: .relative, rule: rule.id, anchor: rule.anchor,
                  fromOffset: rule.from, toOffset: rule.to, span: n)
    }

    /// Guards shared by relative expressions: 全年级, 以上年龄, 三年内 are not relative years.
    private func relativeAllowed(_ line: ScalarLine, start i: Int, end: Int) -> Bool {
        let next = line.at(end)
        if next == Self.ji || next == 0x8F7B || next == 0x9F84 || next == 0x7EAA { return false }  // 级 轻 龄 纪
        let prev = line.at(i - 1)
        let first = line[i]
        if first == Self.nian || first == 0x6765 || first == 0x524D {  // 年内, 来年, 前年
            if ScalarClass.isChineseNumeral(prev) || ScalarClass.isArabicDigit(prev) || ScalarClass.isPlaceholder(prev) { return false }
            if prev == Self.xue || prev == Self.nian || prev == 0x5F53 || prev == 0x5468 || prev == 0x534A || prev == 0x672C { return false }  // 学 年 当 周 半 本
        }
        if first == 0x4E0A, prev == 0x4EE5 { return false }  // 以上年…
        if first == 0x4E0A || first == 0x4E0B, prev == Self.nian { return false }  // 2012年上半年: part of the year before it
        if ScalarClass.isChineseNumeral(first), ScalarClass.isChineseNumeral(prev) { return false }
        return true
    }

    private func relativeLiteralFirst(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard rules.starts(line[i], NormalizeRules.flagRelative), let candidates = rules.relativeByFirst[line[i]] else { return nil }
        for rule in candidates {
            guard let (end, n) = matchPattern(rule, line, at: i) else { continue }
            guard relativeAllowed(line, start: i, end: end) else { continue }
            var found = relativeFound(rule, i, end, n)
            // 今年3月1日, 去年8月: one year with its month is one date, resolved like the year.
            if rule.anchor == .reference, rule.from == rule.to, line.at(end - 1) == Self.nian,
               !rule.pattern.contains(.number),
               let dateEnd = monthDay(line, at: end) {
                found.end = dateEnd
                found.kind = .date
            }
            return found
        }
        return nil
    }

    private func relativeNumberFirst(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // Every pattern here starts with N: read the number once, then its words.
        guard let (n0, numberEnd) = patternNumber(line, at: i), rules.starts(line.at(numberEnd), NormalizeRules.flagRelativeRest) else { return nil }
        for rule in rules.relativeNumberFirst {
            guard let (end, n) = matchPattern(rule, line, at: i, number: (n0, numberEnd)) else { continue }
            guard relativeAllowed(line, start: i, end: end) else { continue }
            return relativeFound(rule, i, end, n)
        }
        return nil
    }
}
