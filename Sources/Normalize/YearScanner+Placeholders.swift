import EduwhCore

/// Placeholder years (20xx年, XX—XX学年度), years before a season (2019秋季, 20xx暑期) and plan
/// spans in brackets (计划(2022-2024)): forms `YearScanner.match` tries among the explicit years.
extension YearScanner {
    // MARK: - Placeholders

    /// End of a run of placeholder characters (with leading digits: 20xx, 201x), or nil.
    private func placeholderRun(_ line: ScalarLine, at i: Int) -> Int? {
        var j = i
        var marks = 0
        // ____年___月___日: a form's blank may be long.
        let limit = line.at(i) == 0x5F ? 20 : 4
        while j < line.count, j - i < limit {
            let v = line[j]
            if ScalarClass.isPlaceholder(v) { marks += 1 } else if !ScalarClass.isArabicDigit(v) || marks > 0 { break }
            j += 1
        }
        guard marks > 0, !ScalarClass.isASCIILetter(line.at(j)), !ScalarClass.isArabicDigit(line.at(j)) else {
            return nil
        }
        return j
    }

    /// The end of a date range's second half after `end` (至5月28日, —11月, 到28日), else `end`.
    private func dateContinuation(_ line: ScalarLine, after end: Int) -> Int {
        var k = end
        while ScalarClass.isSpace(line.at(k)) { k += 1 }
        let sep = line.at(k)
        guard ScalarClass.isRangeDash(sep) || sep == Self.zhi || sep == Self.dao else { return end }
        var m = k + 1
        while ScalarClass.isRangeDash(line.at(m)) && m - k < 3 { m += 1 }
        while ScalarClass.isSpace(line.at(m)) { m += 1 }
        if let second = monthDay(line, at: m) { return second }
        if let (_, dayEnd) = smallNumber(line, at: m, in: 1...31),
            line.at(dayEnd) == Self.ri || line.at(dayEnd) == Self.hao || line.at(dayEnd) == Self.haoTrad
        {
            return dayEnd + 1
        }
        return end
    }

    /// 20xx年, xx年, x年, 20xx年至20xx年, x —x 年, 20xx、20xx两年, 20xx年6月.
    func placeholderYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
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
            while ScalarClass.isRangeDash(line.at(m)) && m - k < 3 { m += 1 }  // XX——XX
            while ScalarClass.isSpace(line.at(m)) { m += 1 }
            if let secondEnd = placeholderRun(line, at: m) {
                var e = secondEnd
                while ScalarClass.isSpace(line.at(e)) { e += 1 }
                if line.at(e) == Self.xue, line.at(e + 1) == Self.nian { e += 1 }
                if line.at(e) == Self.nian {
                    if line.at(e + 1) == Self.du { e += 1 }
                    return FoundYear(start: i, end: e + 1, kind: .placeholder, rule: "y-placeholder-range")
                }
                if let count = NumeralParser.chinese(line, at: e), count.end < line.count, line[count.end] == Self.nian
                {
                    return FoundYear(start: i, end: count.end + 1, kind: .placeholder, rule: "y-placeholder-range")
                }
            }
        }
        if !hasNian, let end = seasonEnd(line, at: runEnd) {
            return FoundYear(start: i, end: end, kind: .placeholder, rule: "y-placeholder-season")
        }
        guard hasNian else { return nil }
        // 年___月___日: blanked month and day after it.
        if let monthRun = placeholderRun(line, at: afterFirst), line.at(monthRun) == Self.yue {
            var end = monthRun + 1
            if let dayRun = placeholderRun(line, at: end), line.at(dayRun) == Self.ri || line.at(dayRun) == Self.hao {
                end = dayRun + 1
            }
            return FoundYear(start: i, end: end, kind: .placeholder, rule: "y-placeholder-date")
        }
        // 20xx年6月, 20__年5月20日至5月28日, 20xx年7月—11月: a month and day after a blanked year
        // belong to its one placeholder mention; they are no dates of their own.
        // 201x 年 2 月: a space before the month (PDF text).
        if let dateEnd = monthDay(line, at: skipSpace(line, afterFirst) { ScalarClass.isArabicDigit($0) }) {
            return FoundYear(
                start: i, end: dateContinuation(line, after: dateEnd), kind: .placeholder, rule: "y-placeholder-date")
        }
        return FoundYear(
            start: i, end: line.at(afterFirst) == Self.du ? afterFirst + 1 : afterFirst, kind: .placeholder,
            rule: "y-placeholder")
    }

    /// x月x日, x月份, *月, x月、x月和x月: a blanked month (and day) without a year before it is one placeholder
    /// mention, as 20xx年6月 is (session 28: gb43, gd62, gd67; the gold's placeholder rows). Only marks, no
    /// digits (1x月 is no month), and a month word right after them; not after 年 (今年x月 is one row).
    func placeholderMonth(_ line: ScalarLine, at i: Int) -> FoundYear? {
        func blankedMonth(at k: Int) -> Int? {
            var j = k
            while j < line.count, j - k < 3, ScalarClass.isPlaceholder(line[j]) { j += 1 }
            guard j > k, line.at(j) == Self.yue else { return nil }
            var end = j + 1
            if line.at(end) == Self.fen { end += 1 }  // 份
            var d = end
            while d < line.count, d - end < 3, ScalarClass.isPlaceholder(line[d]) { d += 1 }
            if d > end, line.at(d) == Self.ri || line.at(d) == Self.hao { end = d + 1 }
            return end
        }
        // 今年x月, 去年x月6日: the month belongs to the year word before it, which is the one row.
        guard line.at(i - 1) != Self.nian, var end = blankedMonth(at: i) else { return nil }
        // x月、x月和x月, x月至x月: months written together are one mention.
        while true {
            let sep = line.at(end)
            guard sep == Self.dun || sep == Self.he || sep == Self.zhi || ScalarClass.isRangeDash(sep),
                let next = blankedMonth(at: end + 1)
            else { break }
            end = next
        }
        return FoundYear(start: i, end: end, kind: .placeholder, rule: "y-placeholder-month")
    }

    /// 2019秋季, 2020春, 20xx暑期: a year written without 年 before a season or a school holiday
    /// (a term of the school year), as school reports date their terms.
    func seasonYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let year = fourDigitYear(line, at: i), (1950...2049).contains(year), let end = seasonEnd(line, at: i + 4)
        else { return nil }
        return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: "y-season-year")
    }

    /// The end of 春季 秋季 春 秋 暑期 暑假 寒假 at `k` (after a year without 年), or nil.
    func seasonEnd(_ line: ScalarLine, at k: Int) -> Int? {
        let v = line.at(k)
        if v == 0x6625 || v == 0x79CB {  // 春 秋
            return line.at(k + 1) == 0x5B63 ? k + 2 : k + 1  // 季
        }
        if v == 0x6691, line.at(k + 1) == 0x671F || line.at(k + 1) == 0x5047 { return k + 2 }  // 暑期 暑假
        if v == 0x5BD2, line.at(k + 1) == 0x5047 { return k + 2 }  // 寒假
        return nil
    }

    /// 《…三年计划(2022-2024)》, 规划(2016-2020): two years without 年 in brackets after a plan's
    /// name (计划 规划 纲要 方案) or inside a document's 《name》: the span the plan covers.
    func bracketedSpan(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let open = line.at(i - 1)
        guard open == 0x28 || open == 0xFF08 else { return nil }
        // (20232025): a page that lost the dash between the years still names the plan's span.
        if line.at(i + 8) == 0x29 || line.at(i + 8) == 0xFF09 { return squashedSpan(line, at: i) }
        guard let y1 = fourDigitYear(line, at: i) else { return nil }
        var k = i + 4
        while ScalarClass.isRangeDash(line.at(k)) || line.at(k) == Self.zhi, k - (i + 4) < 2 { k += 1 }
        guard k > i + 4, let y2 = fourDigitYear(line, at: k), y2 > y1, y2 - y1 <= 30,
            line.at(k + 4) == 0x29 || line.at(k + 4) == 0xFF09
        else { return nil }
        let planNamed = Self.planNames.contains { line.matches($0, endingAt: i - 1) }
        guard planNamed || insideName(line, before: i) else { return nil }
        return FoundYear(start: i, end: k + 4, kind: .range, from: y1, to: y2, rule: "y-bracketed-span")
    }

    /// 三年行动计划(20232025): eight digits in brackets after a plan's name, two years whose dash
    /// was lost; read as the span only when the second year follows the first by 1 to 30 years.
    private func squashedSpan(_ line: ScalarLine, at i: Int) -> FoundYear? {
        var y1 = 0
        var y2 = 0
        for k in 0..<8 {
            guard let d = ScalarClass.arabicDigit(line.at(i + k)) else { return nil }
            if k < 4 { y1 = y1 * 10 + d } else { y2 = y2 * 10 + d }
        }
        guard (1900...2099).contains(y1), y2 > y1, y2 - y1 <= 30,
            Self.planNames.contains(where: { line.matches($0, endingAt: i - 1) })
        else { return nil }
        return FoundYear(start: i, end: i + 8, kind: .range, from: y1, to: y2, rule: "y-squashed-span")
    }

    /// True when an open 《 stands before `i` with no 》 between: the position is inside a document's name.
    private func insideName(_ line: ScalarLine, before i: Int) -> Bool {
        var b = i - 2
        while b >= 0, line[b] != 0x300B {
            if line[b] == 0x300A { return true }
            b -= 1
        }
        return false
    }

    static let planNames: [[UInt32]] = ["计划", "规划", "纲要", "方案"].map(\.scalarValues)
}
