import EduwhCore

/// Months written in digits, alone or as a span of one year's months (1-4月): dates without a
/// year, resolved against the sentence's, section's or report's year.
extension YearScanner {
    /// 3月8日, 8月20, 4月中旬, 10月末, 4月; a span of months of one year, 1-4月, 1—10月, 1至9月份, is one
    /// date (`y-month-span`: the months a progress report covers).
    func monthDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let (first, digitsEnd) = smallNumber(line, at: i, in: 1...12) else { return nil }
        var monthEnd = skipSpace(line, digitsEnd) { $0 == Self.yue }  // 9 月底
        var rule = "y-month-date"
        if line.at(monthEnd) != Self.yue, let spanEnd = monthSpanEnd(line, after: digitsEnd, first: first) {
            (monthEnd, rule) = (spanEnd, "y-month-span")
        }
        guard line.at(monthEnd) == Self.yue else { return nil }
        var end = monthEnd + 1
        if rule == "y-month-span" {
            for suffix in Self.monthSuffixes where line.matches(suffix, at: end) {
                end += suffix.count
                break
            }
            return FoundYear(start: i, end: end, kind: .date, rule: rule, anchor: .section, needsYear: true)
        }
        if let (day, dayEnd) = smallNumber(line, at: end, in: 1...31) {
            end = dayEnd
            if line.at(end) == Self.ri || line.at(end) == Self.hao {
                end += 1
                // 11月21日至26日: a span of days in one month is one date.
                let sep = line.at(end)
                if sep == Self.zhi || sep == Self.dao || ScalarClass.isRangeDash(sep),
                    let (last, lastEnd) = smallNumber(line, at: end + 1, in: 1...31), last > day,
                    line.at(lastEnd) == Self.ri || line.at(lastEnd) == Self.hao
                {
                    end = lastEnd + 1
                }
            }
        } else {
            for suffix in Self.monthSuffixes where line.matches(suffix, at: end) {
                end += suffix.count
                break
            }
        }
        return FoundYear(start: i, end: end, kind: .date, rule: "y-month-date", anchor: .section, needsYear: true)
    }

    /// Where 月 stands after a month span's dash or 至/到 and a later month (the 4 of 1-4月), or nil.
    private func monthSpanEnd(_ line: ScalarLine, after digitsEnd: Int, first: Int) -> Int? {
        var k = skipSpace(line, digitsEnd) { _ in true }
        let sep = line.at(k)
        guard ScalarClass.isRangeDash(sep) || sep == Self.zhi || sep == Self.dao else { return nil }
        k = skipSpace(line, k + 1) { ScalarClass.isArabicDigit($0) }
        guard let (last, lastEnd) = smallNumber(line, at: k, in: 1...12), last > first else { return nil }
        let monthEnd = skipSpace(line, lastEnd) { $0 == Self.yue }
        return line.at(monthEnd) == Self.yue ? monthEnd : nil
    }
}
