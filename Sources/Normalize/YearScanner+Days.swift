import EduwhCore

/// Dates news reports write without year or month (记者26日从…获悉, 行政院17日表示, 台北17日电),
/// years a template blanked with dashes or letters (20--年, 20nn年), and English dates (June 2012).
extension YearScanner {
    /// Words after N日 that make it the day something was said or done: 电 讯 (a dateline), 表示,
    /// 宣布, 上午…, 从 (记者26日从…获悉), 起, 在 (教育部26日在南昌召开), 出席, 刊登 (公报19日刊登).
    private static let dayFollowers: [[UInt32]] = [
        "电", "讯", "表示", "宣布", "发布", "公布", "召开", "举行", "举办", "上午", "下午", "晚", "凌晨", "从", "起",
        "指出", "说", "在", "出席", "刊登", "刊发", "印发",
    ].map(\.scalarValues)
    /// 第 每 数 几 多 近 前 后 共 等 约: before N日 these make it a count of days or an ordinal.
    private static let dayBlockers: Set<UInt32> = [
        0x7B2C, 0x6BCF, 0x6570, 0x51E0, 0x591A, 0x8FD1, 0x524D, 0x540E, 0x5171, 0x7B49, 0x7EA6,
    ]

    /// 20063月, 200612月, 20169月—20178月: a date whose 年 the site dropped, so that the month's one
    /// or two digits run on from the year's four (a two-digit month is 10–12). 月 must follow at once;
    /// a day after it (20063月5日) is part of the date.
    func gluedYearMonth(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // Cheap test first: 月 right after five or six digits.
        let five = line.at(i + 5) == Self.yue
        guard five || line.at(i + 6) == Self.yue, let m0 = ScalarClass.arabicDigit(line.at(i + 4)) else { return nil }
        var month = m0
        if !five {
            guard let m1 = ScalarClass.arabicDigit(line.at(i + 5)) else { return nil }
            month = m0 * 10 + m1
        }
        guard let year = fourDigitYearAhead(line, at: i), (1950...2049).contains(year),
            five ? month >= 1 : (10...12).contains(month)
        else { return nil }
        let k = five ? i + 5 : i + 6
        var end = k + 1
        if let (_, dayEnd) = smallNumber(line, at: end, in: 1...31), line.at(dayEnd) == Self.ri {
            end = dayEnd + 1
        }
        return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-glued-year-month")
    }

    /// The four digits at `i` as a number, whatever follows them; nil unless all four are digits.
    private func fourDigitYearAhead(_ line: ScalarLine, at i: Int) -> Int? {
        var year = 0
        for k in 0..<4 {
            guard let d = ScalarClass.arabicDigit(line.at(i + k)) else { return nil }
            year = year * 10 + d
        }
        return year
    }

    /// 26日, 十七日: a day of the month alone, when a word of saying or doing follows it (记者26日从
    /// 市教育局获悉, 行政院17日表示, 台北17日电). The year and month are those of the text around it.
    func dayDate(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // 日 within the next three characters (7日, 17日, 十七日, 二十六日), or no day here.
        guard line.at(i + 1) == Self.ri || line.at(i + 2) == Self.ri || line.at(i + 3) == Self.ri else { return nil }
        let prev = line.at(i - 1)
        guard !Self.dayBlockers.contains(prev), prev != Self.yue, !ScalarClass.isChineseNumeral(prev) else {
            return nil
        }
        var end: Int
        if let (_, e) = smallNumber(line, at: i, in: 1...31) {
            end = e
        } else if let r = NumeralParser.chinese(line, at: i), !r.fuzzy, !r.hasDecimal, r.value >= 1, r.value <= 31 {
            end = r.end
        } else {
            return nil
        }
        guard line.at(end) == Self.ri else { return nil }
        end += 1
        guard
            Self.dayFollowers.contains(where: { line.matches($0, at: end) }) || opensSentence(line, i, end)
                || isTodayNote(line, i, end)
        else { return nil }
        return FoundYear(start: i, end: end, kind: .date, rule: "y-day-date", anchor: .section, needsYear: true)
    }

    /// 。”9日,在第32个教师节来临前 / 報道,9日,香港教育局發布 / 中新網3月23日電 23日,…: a day that opens a
    /// sentence or the text, a comma right after it, is the day of the news (fp05, fr20, fv36, fx13, gc26);
    /// after 至, 到, a dash, 、 or another day (9日至 16日, 5日、6日) it belongs to a date before it.
    private func opensSentence(_ line: ScalarLine, _ i: Int, _ end: Int) -> Bool {
        let after = line.at(end)
        guard after == 0xFF0C || after == 0x2C else { return false }
        var k = i - 1
        while k >= 0, ScalarClass.isSpace(line[k]) { k -= 1 }
        guard k >= 0 else { return true }
        let v = line[k]
        if v == Self.zhi || v == Self.dao || ScalarClass.isRangeDash(v) || v == 0x3001 || v == Self.ri { return false }
        return k < i - 1 || ScalarClass.isClauseBreak(v) || v == 0x201D || v == 0x300D
    }

    /// 政府今（25日）發表, 林郑月娥今日(10日)在出席: the day named in brackets after 今 or 今日 (fr23, ga29).
    private func isTodayNote(_ line: ScalarLine, _ i: Int, _ end: Int) -> Bool {
        let open = line.at(i - 1)
        let close = line.at(end)
        guard open == 0x28 || open == 0xFF08, close == 0x29 || close == 0xFF09 else { return false }
        let before = line.at(i - 2)
        return before == Self.jinToday || (before == Self.ri && line.at(i - 3) == Self.jinToday)
    }

    /// 今
    private static let jinToday: UInt32 = 0x4ECA

    /// The end of two blank marks after a century (20--, 20nn, 20○○) at `k`, or nil.
    private func blankMarks(_ line: ScalarLine, at k: Int) -> Int? {
        func isMark(_ v: UInt32) -> Bool { v == 0x2D || v == 0xFF0D || v == 0x6E || v == 0x4E || v == 0x25CB }
        let a = line.at(k)
        let b = line.at(k + 1)
        guard isMark(a), isMark(b), (a == 0x6E || a == 0x4E) == (b == 0x6E || b == 0x4E) else { return nil }
        let after = line.at(k + 2)
        guard !ScalarClass.isArabicDigit(after), !ScalarClass.isASCIILetter(after), !isMark(after) else { return nil }
        return k + 2
    }

    /// 20--年, 20nn年, 20○○年, 20--至20--: a year a template left blank after its century.
    func blankedCenturyYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard (line.at(i) == 0x32 && line.at(i + 1) == 0x30) || (line.at(i) == 0x31 && line.at(i + 1) == 0x39),
            let end = blankMarks(line, at: i + 2)
        else { return nil }
        let j = skipSpace(line, end) { $0 == Self.nian || $0 == Self.xue }
        let wordEnd = yearWordEnd(line, at: j)
        let k = wordEnd ?? end
        let sep = line.at(k)
        if sep == Self.zhi || sep == Self.dao || ScalarClass.isRangeDash(sep),
            line.at(k + 1) == line.at(i), line.at(k + 2) == line.at(i + 1), let end2 = blankMarks(line, at: k + 3)
        {
            let e = yearWordEnd(line, at: skipSpace(line, end2) { $0 == Self.nian || $0 == Self.xue }) ?? end2
            return FoundYear(start: i, end: e, kind: .placeholder, rule: "y-placeholder-range")
        }
        guard wordEnd != nil, line.at(k) != Self.ji, line.at(k) != Self.zhiSystem else { return nil }
        return FoundYear(start: i, end: k, kind: .placeholder, rule: "y-placeholder")
    }

    private static let englishMonths: [String] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// June 2012, Sept. 2015, March 8, 2019: an English month (and day) before a four-digit year.
    func englishMonthYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        let before = line.at(i - 2)
        guard ScalarClass.isSpace(line.at(i - 1)),
            ScalarClass.isASCIILetter(before) || before == 0x2C || before == 0x2E,
            let year = fourDigitYear(line, at: i)
        else { return nil }
        var k = i - 1
        while k >= 0, ScalarClass.isSpace(line[k]) { k -= 1 }
        if k >= 0, line[k] == 0x2C {  // March 8, 2019
            k -= 1
            var digits = 0
            while k >= 0, ScalarClass.isArabicDigit(line[k]) {
                k -= 1
                digits += 1
            }
            guard (1...2).contains(digits) else { return nil }
            while k >= 0, ScalarClass.isSpace(line[k]) { k -= 1 }
        }
        if k >= 0, line[k] == 0x2E { k -= 1 }  // Sept.
        let wordEnd = k + 1
        while k >= 0, ScalarClass.isASCIILetter(line[k]) { k -= 1 }
        let wordStart = k + 1
        guard wordEnd - wordStart >= 3, wordEnd - wordStart <= 9 else { return nil }
        let word = String(String.UnicodeScalarView(line.s[wordStart..<wordEnd].compactMap(Unicode.Scalar.init)))
        guard Self.englishMonths.contains(word.lowercased()) else { return nil }
        return FoundYear(start: wordStart, end: i + 4, kind: .date, from: year, to: year, rule: "y-english-date")
    }
}
