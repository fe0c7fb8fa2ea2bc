import EduwhCore

/// Ranges whose second year is written with its last two digits only, as school and financial
/// years are (2018/19年度, 2017/18學年, 2011-12学年度, 二零二五至二六年度, 二○二五至二六財政年度).
/// The second year must be the next one and a year word must close the range: 2007/08 alone
/// may be a month, but not in brackets after a title ((2007/08)).
extension YearScanner {
    /// The end of a year word at `k` (年, 年度, 学年, 學年度, 财政年度, 財政年度…), or nil.
    func yearWordEnd(_ line: ScalarLine, at k: Int) -> Int? {
        var j = k
        if line.at(j) == 0x8D22 || line.at(j) == 0x8CA1, line.at(j + 1) == 0x653F {
            j += 2
        }  // 财政/財政
        else if line.at(j) == 0x5B66 || line.at(j) == 0x5B78 {
            j += 1
            // 学校年度/學校年度: the school year, as Macao writes it.
            if line.at(j) == 0x6821, line.at(j + 1) == Self.nian, line.at(j + 2) == Self.du { j += 1 }
        }  // 学/學
        guard line.at(j) == Self.nian else { return nil }
        j += 1
        if line.at(j) == Self.du { j += 1 }
        return j
    }

    /// 2018/19年度, 2011-12学年: a four-digit year at `i`, a slash or dash, then the next year's
    /// last two digits and a year word.
    func shortSecondYearRange(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let k = i + 4
        let sep = line.at(k)
        guard sep == 0x2F || ScalarClass.isRangeDash(sep) || sep == Self.zhi, let year = fourDigitYear(line, at: i),
            let (yy, end) = smallNumber(line, at: k + 1, in: 0...99), end == k + 3, yy == (year + 1) % 100
        else { return nil }
        guard let wordEnd = yearWordEnd(line, at: end) else {
            // (2007/08): a bracketed period after a title is a school or financial year, not a month.
            let open = line.at(i - 1)
            let close = line.at(end)
            if sep == 0x2F, open == 0x28 || open == 0xFF08, close == 0x29 || close == 0xFF09 {
                return FoundYear(start: i, end: end, kind: .range, from: year, to: year + 1, rule: "y-range-short")
            }
            guard bareShortRangeEnds(line, at: end, slash: sep == 0x2F, secondDigits: yy) else { return nil }
            return FoundYear(start: i, end: end, kind: .range, from: year, to: year + 1, rule: "y-range-short-bare")
        }
        return FoundYear(start: i, end: wordEnd, kind: .range, from: year, to: year + 1, rule: "y-range-short")
    }

    /// 2019/20津貼, 2025/26起, 2019/20至2024/25, 2018-19課稅年度: a school or financial year with no
    /// year word right after it. After a slash the two digits that are no month (2019/20) close it
    /// before anything but a digit or a date's separator; a month's digits (2010/11) and a dash
    /// (2008-09 is also September 2008) only before a word (2010/11学校, 2018-19課稅年度) or 至/到.
    func bareShortRangeEnds(_ line: ScalarLine, at end: Int, slash: Bool, secondDigits yy: Int) -> Bool {
        let next = line.at(end)
        if ScalarClass.isArabicDigit(next) || next == 0x2F || next == 0x2E || ScalarClass.isRangeDash(next)
            || next == Self.yue || next == Self.ri || next == Self.hao || next == 0x865F
        {
            return false
        }
        if slash, !(1...12).contains(yy) { return true }
        return ScalarClass.isHan(next) && !ScalarClass.isChineseNumeral(next) && rules.unit(in: line, at: end) == nil
    }

    /// 二零二五至二六年度, 二○二五至二六財政年度: a year in Chinese digits, 至/到/dash, the next year's
    /// last two Chinese digits and a year word.
    func chineseShortRange(_ line: ScalarLine, at i: Int, year: Int) -> FoundYear? {
        let sep = line.at(i + 4)
        // 二〇一三/二〇一四学年, 二〇一一至二〇一三年: both years written in full, one year word after them.
        if sep == 0x2F || sep == 0xFF0F || sep == Self.zhi || sep == Self.dao || ScalarClass.isRangeDash(sep),
            let y2 = NumeralParser.chineseDigitYear(line, at: i + 5),
            sep == 0x2F || sep == 0xFF0F ? y2 == year + 1 : (y2 > year && y2 - year <= 30),
            let wordEnd = yearWordEnd(line, at: i + 9)
        {
            return FoundYear(start: i, end: wordEnd, kind: .range, from: year, to: y2, rule: "y-range-chinese")
        }
        guard sep == Self.zhi || sep == Self.dao || sep == 0x2F || sep == 0xFF0F || ScalarClass.isRangeDash(sep),
            let d0 = ScalarClass.chineseDigit(line.at(i + 5)), let d1 = ScalarClass.chineseDigit(line.at(i + 6)),
            d0 * 10 + d1 == (year + 1) % 100, let wordEnd = yearWordEnd(line, at: i + 7)
        else { return nil }
        return FoundYear(start: i, end: wordEnd, kind: .range, from: year, to: year + 1, rule: "y-range-short")
    }

    /// 06-07學年, 〇七/〇八学年, 98/99年度: a school or financial year written as two two-digit years,
    /// the second the next one, closed by a year word. The century comes from the document's year.
    func twoDigitSchoolYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let arabic = ScalarClass.isArabicDigit(line.at(i))
        func digit(_ k: Int) -> Int? {
            let v = line.at(k)
            if arabic { return ScalarClass.arabicDigit(v) }
            return v == 0x4E24 || v == 0x5169 ? nil : ScalarClass.chineseDigit(v)  // 两 is no digit of a year
        }
        let sep = line.at(i + 2)
        guard let a0 = digit(i), let a1 = digit(i + 1),
            sep == 0x2F || sep == 0xFF0F || sep == Self.zhi || ScalarClass.isRangeDash(sep),
            let b0 = digit(i + 3), let b1 = digit(i + 4), b0 * 10 + b1 == (a0 * 10 + a1 + 1) % 100,
            let wordEnd = yearWordEnd(line, at: i + 5), wordEnd > i + 6  // 10-11年 may be years of age
        else { return nil }
        return FoundYear(
            start: i, end: wordEnd, kind: .range, rule: "y-two-digit-school-year", fromOffset: a0 * 10 + a1,
            toOffset: b0 * 10 + b1, twoDigit: true)
    }
}

extension YearScanner {
    /// 2012——2013下学年, 2023-2024上学期, 2024-2025学年: the end of a school year's word (学年, 学期, either
    /// after 上 or 下, its first or second half) at `k`, or nil.
    func schoolTermEnd(_ line: ScalarLine, at k: Int) -> Int? {
        let start = Self.isHalf(line.at(k)) ? k + 1 : k
        guard line.at(start) == Self.xue, line.at(start + 1) == Self.nian || line.at(start + 1) == 0x671F else {
            return nil
        }  // 学年 学期
        return start + 2
    }

    /// 上 or 下: the first or second half of a school year or term.
    static func isHalf(_ v: UInt32) -> Bool { v == 0x4E0A || v == 0x4E0B }
}
