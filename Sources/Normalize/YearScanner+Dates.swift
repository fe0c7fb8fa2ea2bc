import EduwhCore

/// Dates without a year, months and days, two-digit, ROC and lunar years: the
/// forms `YearScanner.match` tries after explicit years (plan periods and relative years are in
/// YearScanner+Relative.swift, placeholders in YearScanner+Placeholders.swift).
extension YearScanner {
    // MARK: - Dates without a year

    /// 五月份, 十二月初, 三月八日 (Chinese numerals need a day or suffix: 一月一汇总 is not a date).
    func chineseMonthDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let month = NumeralParser.chinese(line, at: i), month.value >= 1, month.value <= 12, !month.fuzzy,
            line.at(month.end) == Self.yue, let end = monthDay(line, at: i)
        else { return nil }
        // A month alone (三月园务, 十月起, 六月至八月) is a date like 3月; a season's poetic month
        // (金秋九月, 阳春三月) is not.
        // 两月 (two months) and 一月一次, 一月一汇总 (once a month) count months, they name none.
        if end == month.end + 1,
            Self.seasonChars.contains(line.at(i - 1)) || line[i] == 0x4E24
                || ScalarClass.isChineseNumeral(line.at(end))
        {
            return nil
        }
        return FoundYear(
            start: i, end: end, kind: .date, rule: "y-chinese-month-date", anchor: .section, needsYear: true)
    }

    /// 春 夏 秋 冬: before a Chinese month alone they make it a season's figure of speech (金秋九月).
    private static let seasonChars: Set<UInt32> = [0x6625, 0x590F, 0x79CB, 0x51AC]

    // MARK: - Months and days

    private static let chu: UInt32 = 0x521D  // 初
    static let haoTrad: UInt32 = 0x865F  // 號
    private static let run: UInt32 = 0x95F0  // 闰
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
        if line.at(m) == Self.run {
            m += 1
            lunar = true
        }
        var monthEnd: Int? = nil
        let v = line.at(m)
        if let (first, e) = smallNumber(line, at: m, in: 1...12) {
            monthEnd = skipSpace(line, e) { $0 == Self.yue }
            // 1－9月份: a range of months.
            if ScalarClass.isRangeDash(line.at(e)), let (last, e2) = smallNumber(line, at: e + 1, in: 1...12),
                last > first,
                line.at(e2) == Self.yue
            {
                monthEnd = e2
            }
        } else if v == 0x6B63 || v == 0x814A || v == 0x51AC || v == 0x81D8 {  // 正 腊 冬 臘
            monthEnd = m + 1
            lunar = true
        } else if v == 0x5143, line.at(m + 1) == Self.yue {  // 元月: January
            monthEnd = m + 1
        } else if let r = NumeralParser.chinese(line, at: m), r.value >= 1, r.value <= 12, !r.fuzzy, !r.hasDecimal,
            r.value == r.value.rounded()
        {
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
        if line.at(end) == Self.chu, let d = NumeralParser.chinese(line, at: end + 1), d.value >= 1, d.value <= 10,
            !d.fuzzy
        {
            return d.end
        }
        if let d = NumeralParser.chinese(line, at: end), d.value >= 1, d.value <= 31, !d.fuzzy, !d.hasDecimal,
            d.value == d.value.rounded()
        {
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
    func slashDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let (_, aEnd) = smallNumber(line, at: i, in: 1...31) else { return nil }
        let sep = line.at(aEnd)
        guard sep == 0x2F || sep == 0x2E || sep == 0x2D, let (_, bEnd) = smallNumber(line, at: aEnd + 1, in: 1...31),
            line.at(bEnd) == sep,
            let year = fourDigitYear(line, at: bEnd + 1)
        else { return nil }
        return FoundYear(start: i, end: bEnd + 5, kind: .date, from: year, to: year, rule: "y-slash-date")
    }

    /// Words after N年 that make a two-digit number a year (19年底, 06年以来, 98年度).
    private static let twoDigitCues: [[UInt32]] = ["底", "初", "末", "度", "上半年", "下半年", "春", "秋", "夏", "冬", "伊始"].map(
        \.scalarValues)
    private static let twoDigitSinceCues: [[UInt32]] = ["以来", "起", "至今", "开始", "后", "前", "时"].map(\.scalarValues)

    /// 05年6月1日, 98年4月, 06年以来, 19年底: a year written with two Arabic digits. It needs a
    /// month, a leading zero or a year word after it (工作15年 is a duration).
    func twoDigitYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let d0 = ScalarClass.arabicDigit(line.at(i)), let d1 = ScalarClass.arabicDigit(line.at(i + 1)),
            !ScalarClass.isArabicDigit(line.at(i + 2))
        else { return nil }
        let yy = d0 * 10 + d1
        if line.at(i + 2) == Self.dun, let list = twoDigitYearList(line, at: i, first: yy) { return list }
        let j = skipSpace(line, i + 2) { $0 == Self.nian }
        guard line.at(j) == Self.nian, line.at(j + 1) != Self.ji, line.at(j + 1) != Self.zhiSystem else { return nil }
        let prev = line.at(i - 1)
        if prev == 0x7B2C || prev == 0x8FD1 || prev == 0x5F53 { return nil }  // 第 近 当
        if let end = monthDay(line, at: skipSpace(line, j + 1) { !ScalarClass.isSpace($0) }), line.at(j + 1) != 0x6765 {
            return FoundYear(
                start: i, end: end, kind: .date, rule: "y-two-digit-date", fromOffset: yy, toOffset: yy, twoDigit: true)
        }
        let after = j + 1
        let cue = Self.twoDigitCues.contains { line.matches($0, at: after) }
        let since = Self.twoDigitSinceCues.contains { line.matches($0, at: after) }
        guard cue || (d0 == 0 && line.at(after) != 0x6765 && line.at(after) != 0x591A) || (since && yy > 20) else {
            return nil
        }
        var end = after
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(
            start: i, end: end, kind: .year, rule: "y-two-digit-year", fromOffset: yy, toOffset: yy, twoDigit: true)
    }

    /// 07、08、09年: consecutive two-digit years listed with 、 and closed by 年 are one range.
    private func twoDigitYearList(_ line: ScalarLine, at i: Int, first: Int) -> FoundYear? {
        var k = i + 2
        var last = first
        while line.at(k) == Self.dun, let a = ScalarClass.arabicDigit(line.at(k + 1)),
            let b = ScalarClass.arabicDigit(line.at(k + 2)),
            !ScalarClass.isArabicDigit(line.at(k + 3)), a * 10 + b == last + 1
        {
            last = a * 10 + b
            k += 3
        }
        guard last > first, line.at(k) == Self.nian, line.at(k + 1) != Self.ji, line.at(k + 1) != Self.zhiSystem else {
            return nil
        }
        var end = k + 1
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(
            start: i, end: end, kind: .range, rule: "y-two-digit-list", fromOffset: first, toOffset: last,
            twoDigit: true)
    }

    /// 八五年, 零九年, 九零年9月十号: two Chinese digits and 年. Two digits in a row (三四年, 五六年)
    /// are an estimate of years, not a year, unless a month follows.
    func chineseTwoDigitYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let a = line.at(i)
        let b = line.at(i + 1)
        guard let d0 = ScalarClass.chineseDigit(a), let d1 = ScalarClass.chineseDigit(b), a != 0x4E24, b != 0x4E24,
            a != 0x5169, b != 0x5169,
            line.at(i + 2) == Self.nian, !ScalarClass.isChineseNumeral(line.at(i - 1))
        else { return nil }
        let yy = d0 * 10 + d1
        if let end = monthDay(line, at: i + 3) {
            return FoundYear(
                start: i, end: end, kind: .date, rule: "y-chinese-two-digit-date", fromOffset: yy, toOffset: yy,
                twoDigit: true)
        }
        if d1 == d0 + 1 { return nil }
        let next = line.at(i + 3)
        let blockers: Set<UInt32> = [
            Self.ji, Self.zhiSystem, 0x6765, 0x5185, 0x591A, 0x95F4, 0x91CC, 0x540E, 0x5DE6, 0x534A, 0x7EAA, 0x8F7B,
            0x9F84,
        ]
        if blockers.contains(next) { return nil }
        var end = i + 3
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(
            start: i, end: end, kind: .year, rule: "y-chinese-two-digit-year", fromOffset: yy, toOffset: yy,
            twoDigit: true)
    }

    /// 99 學年度, 九十九學年度, 一0一學年度: a school year of the Republic of China (Taiwan), N + 1911.
    /// Only 50–150 (a mainland school year is written in full: 2010学年度).
    func rocSchoolYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // 学/學 within the next six characters, or no school year here.
        guard (i + 2...i + 6).contains(where: { line.at($0) == Self.xue || line.at($0) == 0x5B78 }) else { return nil }
        var n = 0
        var k = i
        if let r = NumeralParser.chinese(line, at: i), r.value >= 50, r.value <= 150, !r.fuzzy, !r.hasDecimal,
            r.end - i > 1,
            line.at(r.end) != 0x5343
        {
            n = Int(r.value)
            k = r.end
        } else {
            // Digits one by one, Arabic, Chinese or both (一0一).
            while k - i < 3, let d = ScalarClass.arabicDigit(line.at(k)) ?? ScalarClass.chineseDigit(line.at(k)),
                line.at(k) != 0x4E24
            {
                n = n * 10 + d
                k += 1
            }
            guard k - i >= 2, (50...150).contains(n), !ScalarClass.isArabicDigit(line.at(k)),
                !ScalarClass.isChineseNumeral(line.at(k))
            else {
                return nil
            }
        }
        k = skipSpace(line, k) { $0 == Self.xue || $0 == 0x5B78 }
        guard line.at(k) == Self.xue || line.at(k) == 0x5B78, line.at(k + 1) == Self.nian else { return nil }
        var end = k + 2
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(start: i, end: end, kind: .year, from: 1911 + n, to: 1911 + n, rule: "y-roc-school-year")
    }

    /// (?016年11月26日): a date whose year lost its first digit to a mangled character; 0NN年 with a
    /// month after it is 20NN (no count or year is written with a leading 0).
    func lostDigitDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard line.at(i) == 0x30, let a = ScalarClass.arabicDigit(line.at(i + 1)),
            let b = ScalarClass.arabicDigit(line.at(i + 2)),
            !ScalarClass.isArabicDigit(line.at(i + 3)), line.at(i + 3) == Self.nian, a <= 4,
            let (_, monthEnd) = smallNumber(line, at: i + 4, in: 1...12), line.at(monthEnd) == Self.yue,
            let end = monthDay(line, at: i + 4)
        else { return nil }
        let year = 2000 + a * 10 + b
        return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-lost-digit-date")
    }

    /// 20162020年: a range whose dash the site lost (two years in a row, the second later, then 年).
    func gluedRange(_ line: ScalarLine, at i: Int) -> FoundYear? {
        func digits(_ at: Int) -> Int? {
            var year = 0
            for k in 0..<4 {
                guard let d = ScalarClass.arabicDigit(line.at(at + k)) else { return nil }
                year = year * 10 + d
            }
            return (1900...2099).contains(year) ? year : nil
        }
        guard let first = digits(i), let second = digits(i + 4), second > first, second - first <= 30,
            !ScalarClass.isArabicDigit(line.at(i + 8))
        else { return nil }
        let k = skipSpace(line, i + 8) { $0 == Self.nian }
        guard line.at(k) == Self.nian else { return nil }
        return FoundYear(start: i, end: k + 1, kind: .range, from: first, to: second, rule: "y-glued-range")
    }

    /// A year without 年: 2018 as a whole line, 《2022 opening a document's name. A unit, a magnitude, a
    /// digit or a decimal point after it makes it a number. A year glued before a word (2022副区长在…发言,
    /// 2019 学校总务工作总结, 一、2022 主要工作, …总结及2022工作计划), closing a name (《…现代化2035》) or
    /// before 以来 (2020以来) is a mention too, under rule `y-bare-glued`: it is most often a site's label,
    /// so neither the time frame nor Facts date anything by it (`Normalizer.undatingYearRules`).
    func bareYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let year = fourDigitYear(line, at: i), (1950...2049).contains(year) else { return nil }
        let next = line.at(i + 4)
        guard !ScalarClass.isArabicDigit(next), next != 0x2E, next != 0xFF0E, next != 0x25, next != 0xFF05,
            !countsAfter(line, at: i + 4) || Self.endsYear(line, at: i + 4), rules.magnitude(in: line, at: i + 4) == nil
        else { return nil }
        var lead = i
        while lead > 0, ScalarClass.isSpace(line[lead - 1]) { lead -= 1 }
        var tail = i + 4
        while tail < line.count, ScalarClass.isSpace(line[tail]) { tail += 1 }
        let wholeLine = lead == 0 && tail >= line.count
        let opensName = line.at(i - 1) == 0x300A  // 《
        if wholeLine || opensName || beforeDashAndWord(line, at: i) {
            return FoundYear(start: i, end: i + 4, kind: .year, from: year, to: year, rule: "y-bare-year")
        }
        guard gluedToWord(line, at: i, lead: lead, tail: tail) else { return nil }
        return FoundYear(start: i, end: i + 4, kind: .year, from: year, to: year, rule: Self.gluedYearRule)
    }

    /// The rule of a year written without 年 and glued to a word (`bareYear`).
    static let gluedYearRule = "y-bare-glued"

    /// Whether the four digits at `i` (`lead` and `tail`: the first non-space before and after them) are a
    /// year glued to a word: opening the line or following a list mark or 及/和/与, then a word (at most
    /// one space between, and not a unit: 2023名 is a count); closing a name (现代化2035》); or before 以来.
    func gluedToWord(_ line: ScalarLine, at i: Int, lead: Int, tail: Int) -> Bool {
        let prev = line.at(lead - 1)
        if line.at(i + 4) == 0x300B, ScalarClass.isHan(line.at(i - 1)) { return true }  // 》
        if line.matches("以来".scalarValues, at: i + 4) { return true }
        // 数说2023牡丹教育, 截至2019岁尾, 方案》,2016“全面改薄”: after a word or a clause break too, as
        // long as no unit, magnitude or date word follows (2000余人, 1943套 stay counts).
        let opens =
            lead == 0 || prev == Self.dun || prev == 0x3001 || prev == 0x3011 || prev == 0xFF1A || prev == 0x3A
            || Self.joinsYears(prev) || ScalarClass.isClauseBreak(prev)
            || (ScalarClass.isHan(prev) && !ScalarClass.isChineseNumeral(prev)
                && (!Self.notAYearBefore.contains(prev) || (prev == 0x81F3 && line.at(lead - 2) == 0x622A)))  // 截至
        var word = tail
        if tail == i + 4, Self.opensQuote(line.at(tail)) { word += 1 }  // 2016“全面改薄”
        guard opens, tail - (i + 4) <= 1, ScalarClass.isHan(line.at(word)),
            !ScalarClass.isChineseNumeral(line.at(word)), !countsAfter(line, at: word) || Self.endsYear(line, at: word),
            !Self.notAWordAfterYear.contains(line.at(word)), !Self.notAWordAfterYear.contains(line.at(tail))
        else { return false }
        return true
    }

    /// 第 每 约 近 达 共 计 为 号 等 超 逾: before four digits they make an ordinal, a count or a number, not a
    /// year; 至 到 make the end of a range written without 年 (2025至2026油尖旺杯), left to the range rules.
    static let notAYearBefore: Set<UInt32> = [
        0x7B2C, 0x6BCF, 0x7EA6, 0x8FD1, 0x8FBE, 0x5171, 0x8BA1, 0x4E3A, 0x53F7, 0x7B49, 0x8D85, 0x903E, 0x81F3, 0x5230,
    ]

    /// 岁末 岁尾 (歲末 歲尾): the end of the year, not ages (截至2019岁末).
    static func endsYear(_ line: ScalarLine, at k: Int) -> Bool {
        let v = line.at(k)
        let w = line.at(k + 1)
        return (v == 0x5C81 || v == 0x6B72) && (w == 0x672B || w == 0x5C3E)
    }

    /// “ 「 ‘ ": an opening quote between a year and the name it dates.
    static func opensQuote(_ v: UInt32) -> Bool { v == 0x201C || v == 0x300C || v == 0x2018 || v == 0x22 }

    /// Whether a unit that makes the digits before it a count stands at `i` (2023名); a blocking word
    /// (校长 in 2024校长工作总结, `units.tsv` kind block) makes no count of them.
    func countsAfter(_ line: ScalarLine, at i: Int) -> Bool {
        guard let unit = rules.unit(in: line, at: i) else { return false }
        return unit.kind != .block && unit.kind != .division  // 2013市教育局: no one counts 2013 cities
    }

    /// 年 月 级 届, and the qualifiers 余 多 左(右) 以(上) 个: after four digits they make a date, a cohort
    /// or a count (2000余人), not a year glued to a word.
    static let notAWordAfterYear: Set<UInt32> = [
        0x5E74, 0x6708, 0x7EA7, 0x5C4A, 0x4F59, 0x591A, 0x5DE6, 0x4EE5, 0x4E2A,
    ]

    /// 和 与 及: words that join two years.
    static func joinsYears(_ v: UInt32) -> Bool { v == 0x548C || v == 0x4E0E || v == 0x53CA }

    /// A year written without 年 before an em or en dash and a word (回眸2021—城乡教育均衡发展):
    /// a title's year set off by a dash. A dash before digits is a range (read elsewhere).
    /// (2022副区长在…发言, a year glued before a title, and 2020以来 are left out: Facts takes the
    /// first as the report's year, which it is not, and dates a 以来 span with no known end by its start.)
    func beforeDashAndWord(_ line: ScalarLine, at i: Int) -> Bool {
        let next = line.at(i + 4)
        guard next == 0x2014 || next == 0x2013 else { return false }
        var k = i + 5
        while line.at(k) == 0x2014 || line.at(k) == 0x2013 { k += 1 }
        return ScalarClass.isHan(line.at(k)) && !ScalarClass.isChineseNumeral(line.at(k))
    }

    /// 某年, 某年某月, 某年某月某日: a year a template leaves unnamed.
    func someYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard line.at(i + 1) == Self.nian, line.at(i + 2) != Self.ji, line.at(i + 2) != Self.zhiSystem else {
            return nil
        }
        var end = i + 2
        if line.at(end) == 0x67D0, line.at(end + 1) == Self.yue {
            end += 2
            if line.at(end) == 0x67D0, line.at(end + 1) == Self.ri || line.at(end + 1) == Self.hao { end += 2 }
        }
        return FoundYear(start: i, end: end, kind: .placeholder, rule: "y-some-year")
    }

    /// 18世纪, 二十世纪八十年代, 上世纪80年代, 80年代: a century or a decade as a range of years. A
    /// decade alone is of the 1900s (30年代 to 90年代); 上世纪 is the 1900s.
    func centuryOrDecade(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // 世 or 代 within the next seven characters, or no century or decade here.
        guard (i + 1...i + 7).contains(where: { line.at($0) == 0x4E16 || line.at($0) == 0x4EE3 }) else { return nil }
        func number(_ k: Int) -> (Int, Int)? {
            if let r = NumeralParser.chinese(line, at: k), !r.fuzzy, !r.hasDecimal { return (Int(r.value), r.end) }
            return smallNumber(line, at: k, in: 1...99)
        }
        var century: Int? = nil
        var k = i
        if line.at(i) == 0x4E0A, line.at(i + 1) == 0x4E16, line.at(i + 2) == 0x7EAA {  // 上世纪
            century = 20
            k = i + 3
        } else if let (n, e) = number(i), (1...21).contains(n), line.at(e) == 0x4E16, line.at(e + 1) == 0x7EAA {  // 世纪
            century = n
            k = e + 2
        }
        if let (decade, e) = number(k), decade % 10 == 0, decade <= 90, line.at(e) == Self.nian,
            line.at(e + 1) == 0x4EE3
        {  // 年代
            guard century != nil || decade >= 30 else { return nil }
            let base = ((century ?? 20) - 1) * 100 + decade
            return FoundYear(start: i, end: e + 2, kind: .range, from: base, to: base + 9, rule: "y-decade")
        }
        guard let c = century else { return nil }
        return FoundYear(start: i, end: k, kind: .range, from: (c - 1) * 100, to: (c - 1) * 100 + 99, rule: "y-century")
    }

    /// 总结了年教育工作, 对年工作作出安排, 在区委…年,: a year the site blanked out, 年 alone after a
    /// particle or a break and before 工作/教育 or a comma; 。年是… (no sentence opens with 年是) and
    /// 自年6月 (a month after a preposition and a lone 年).
    func blankedYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let prev = line.at(i - 1)
        let next = line.at(i + 1)
        // 。年是全面实施…的关键一年: a sentence cannot open with 年是.
        if i == 0 || prev == 0x3002 || prev == 0xFF1B, next == 0x662F {
            return FoundYear(start: i, end: i + 1, kind: .placeholder, rule: "y-blanked-year")
        }
        // 自年6月开始: a month after a preposition and a lone 年.
        if Self.blankedMonthLeads.contains(prev), let (_, monthEnd) = smallNumber(line, at: i + 1, in: 1...12),
            line.at(monthEnd) == Self.yue
        {
            return FoundYear(start: i, end: monthEnd + 1, kind: .placeholder, rule: "y-blanked-year")
        }
        guard i == 0 || Self.blankedYearLeads.contains(prev) else { return nil }
        let work = line.matches(Self.gongzuo, at: i + 1) || line.matches(Self.jiaoyuGongzuo, at: i + 1)
        guard work || ((next == 0xFF0C || next == 0x2C) && (i == 0 || ScalarClass.isSpace(prev))) else { return nil }
        return FoundYear(start: i, end: i + 1, kind: .placeholder, rule: "y-blanked-year")
    }

    /// 了 对 、 ， , space 在 于: before a lone 年 that a site blanked (made once, not per 年).
    static let blankedYearLeads: Set<UInt32> = [0x4E86, 0x5BF9, 0x3001, 0xFF0C, 0x2C, 0x20, 0x3000, 0x5728, 0x4E8E]

    /// 自 从 于 在 至 到: before a lone 年 and a month (自年6月), the year was blanked.
    static let blankedMonthLeads: Set<UInt32> = [0x81EA, 0x4ECE, 0x4E8E, 0x5728, 0x81F3, 0x5230]

    private static let gongzuo = "工作".scalarValues
    private static let jiaoyuGongzuo = "教育工作".scalarValues

    /// 民国十年 (1921), 民國38年: years of the Republic of China, counted from 1912.
    func rocYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard line.at(i + 1) == 0x56FD || line.at(i + 1) == 0x570B else { return nil }
        let k = i + 2
        var n = 0
        var numberEnd = k
        if let r = NumeralParser.chinese(line, at: k), r.value >= 1, r.value <= 150, !r.fuzzy, !r.hasDecimal {
            n = Int(r.value)
            numberEnd = r.end
        } else if k < line.count, ScalarClass.isArabicDigit(line[k]) {
            var e = k
            while let d = ScalarClass.arabicDigit(line.at(e)), e - k < 3 {
                n = n * 10 + d
                e += 1
            }
            guard (1...150).contains(n), !ScalarClass.isArabicDigit(line.at(e)) else { return nil }
            numberEnd = e
        } else if line.at(k) == 0x5143 {  // 元年
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
    func lunarDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let mark = lunarMark(line, at: i)
        if mark > 0 {
            if let year = NumeralParser.chineseDigitYear(line, at: i + mark), line.at(i + mark + 4) == Self.nian {
                let end = monthDay(line, at: i + mark + 5) ?? (i + mark + 5)
                return FoundYear(
                    start: i, end: end, kind: end > i + mark + 5 ? .date : .year, from: year, to: year,
                    rule: "y-lunar-date")
            }
            if let year = fourDigitYear(line, at: i + mark), line.at(i + mark + 4) == Self.nian {
                let end = monthDay(line, at: i + mark + 5) ?? (i + mark + 5)
                return FoundYear(
                    start: i, end: end, kind: end > i + mark + 5 ? .date : .year, from: year, to: year,
                    rule: "y-lunar-date")
            }
        }
        let v = line.at(i + mark)
        guard mark > 0 || v == 0x6B63 || v == 0x814A || v == 0x81D8 else { return nil }
        guard let end = monthDay(line, at: i) else { return nil }
        // 正月 alone is a month; 正 needs 月 right after it (正在, 正式 are no dates).
        return FoundYear(start: i, end: end, kind: .date, rule: "y-lunar-month-date", anchor: .section, needsYear: true)
    }
}
