import EduwhCore

/// Years of the Republic of China written without 民國, as Taiwanese reports write them: 105年底,
/// 自106至108年, 107年8月. A three-digit number 100–150 before 年 is such a year only with a word of
/// time around it (a range, a month, 底/初/度/起, or 自/至/到/於 before it); whether the document
/// counts ROC years at all is decided for the whole document (`DocumentTimeFrame.rocEra`), and the
/// mention is dropped where it does not (`Normalizer.years`).
extension YearScanner {
    /// The rule of a ROC year written without 民國: kept only in a document that counts ROC years.
    static let taiwanYearRule = "y-taiwan-year"
    /// A ROC year with no word of time around it (115年教育預算): kept, like the others, only in a
    /// document that counts ROC years, and it does not count toward deciding that it does.
    static let taiwanBareRule = "y-taiwan-year-bare"

    /// Whether a found year is a ROC year with a word of time around it (105年底, 自102年度起):
    /// two of these in a document in traditional script make it count ROC years.
    static func isCuedTaiwanYear(_ found: FoundYear) -> Bool {
        found.rule.hasPrefix(taiwanYearRule) && !found.rule.hasPrefix(taiwanBareRule)
    }

    /// 底 初 末 度 起 中: words after 年 that make a three-digit number a year (105年底, 98年起).
    private static let taiwanCues: Set<UInt32> = [0x5E95, 0x521D, 0x672B, 0x5EA6, 0x8D77, 0x4E2D]
    /// 自 至 到 於 于 在 迄 从 從: words before the number that make it a point in time.
    private static let taiwanLeads: Set<UInt32> = [
        0x81EA, 0x81F3, 0x5230, 0x65BC, 0x4E8E, 0x5728, 0x8FC4, 0x4ECE, 0x5F9E,
    ]
    /// 有 历 的 之 逾 约 共: words around N年 that make it a length of time (已有112年历史, 112年的历史).
    private static let bareDurationMarks: Set<UInt32> = [0x6709, 0x5386, 0x7684, 0x4E4B, 0x903E, 0x7EA6, 0x5171]

    /// Three Arabic digits 100–150 at `i`, not part of a longer number, or three Chinese digits
    /// written one by one (一○四, 一〇七, 一一二: how Taiwanese texts write ROC years in words);
    /// the value and end.
    private func rocNumber(_ line: ScalarLine, at i: Int) -> (Int, Int)? {
        if line.at(i) == 0x4E00, !ScalarClass.isChineseNumeral(line.at(i - 1)) {
            var n = 1
            for k in 1..<3 {
                guard let d = Self.spelledDigit(line.at(i + k)) else { return nil }
                n = n * 10 + d
            }
            guard (100...150).contains(n), !ScalarClass.isChineseNumeral(line.at(i + 3)) else { return nil }
            return (n, i + 3)
        }
        guard line.at(i) == 0x31 || line.at(i) == 0xFF11 else { return nil }
        var n = 0
        for k in 0..<3 {
            guard let d = ScalarClass.arabicDigit(line.at(i + k)) else { return nil }
            n = n * 10 + d
        }
        let next = line.at(i + 3)
        guard (100...150).contains(n), !ScalarClass.isArabicDigit(next), next != 0x2E, next != 0xFF0E else {
            return nil
        }
        return (n, i + 3)
    }

    /// 105年底, 106至108年, 自98年起 (two digits are read by `twoDigitYear`), 107年8月1日: see the type note.
    func taiwanYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let (n, numberEnd) = rocNumber(line, at: i) else { return nil }
        var k = skipSpace(line, numberEnd) { !ScalarClass.isSpace($0) }
        // 106至108年, 106-108年: a range closed by one 年.
        if ScalarClass.isRangeDash(line.at(k)) || line.at(k) == Self.zhi || line.at(k) == Self.dao {
            let m = skipSpace(line, k + 1) { !ScalarClass.isSpace($0) }
            if let (n2, end2) = rocNumber(line, at: m), n2 > n, n2 - n <= 30 {
                let close = skipSpace(line, end2) { $0 == Self.nian }
                guard line.at(close) == Self.nian else { return nil }
                var end = close + 1
                if line.at(end) == Self.du { end += 1 }
                return FoundYear(
                    start: i, end: end, kind: .range, from: 1911 + n, to: 1911 + n2, rule: Self.taiwanYearRule)
            }
            return nil
        }
        k = skipSpace(line, numberEnd) { $0 == Self.nian }
        guard line.at(k) == Self.nian, line.at(k + 1) != Self.ji, line.at(k + 1) != Self.zhiSystem else { return nil }
        let year = 1911 + n
        if let end = monthDay(line, at: skipSpace(line, k + 1) { !ScalarClass.isSpace($0) }), end > k + 1 {
            return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: Self.taiwanYearRule)
        }
        let after = line.at(k + 1)
        let rangeAfter = after == Self.zhi || after == Self.dao || ScalarClass.isRangeDash(after)
        var end = k + 1
        guard Self.taiwanCues.contains(after) || Self.taiwanLeads.contains(line.at(i - 1)) || rangeAfter else {
            // 115年教育預算: N年 before a noun, kept only where the document counts ROC years; 104年:補助…
            // heads a year's figures in a list.
            let lead = line.at(i - 1)
            guard ScalarClass.isHan(after) || after == 0xFF1A || after == 0x3A, !durationFollowers.contains(after),
                !durationLeads.contains(lead),
                !Self.bareDurationMarks.contains(after), !Self.bareDurationMarks.contains(lead)
            else { return nil }
            return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: Self.taiwanBareRule)
        }
        if line.at(end) == Self.du { end += 1 }
        return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: Self.taiwanYearRule)
    }

    /// A digit written as a word, one character per digit (○ 〇 零 一 … 九); places (十 百) are not.
    static func spelledDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x25CB, 0x3007, 0x96F6: return 0
        case 0x4E00: return 1
        case 0x4E8C: return 2
        case 0x4E09: return 3
        case 0x56DB: return 4
        case 0x4E94: return 5
        case 0x516D: return 6
        case 0x4E03: return 7
        case 0x516B: return 8
        case 0x4E5D: return 9
        default: return nil
        }
    }
}
