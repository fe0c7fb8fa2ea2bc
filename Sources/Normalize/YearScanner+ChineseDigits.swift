import EduwhCore

/// Years written in Chinese digits read one by one: with 年 (二〇一一年, 二〇一一年五月) and, naming a
/// plan's horizon, without it (二〇三五远景目标).
extension YearScanner {
    /// The rule of a year written in Chinese digits without 年 (二〇三五), which dates no fact
    /// (`Normalizer.undatingYearRules`).
    static let chineseBareYearRule = "y-chinese-bare-year"

    /// 二〇一一年, 二〇一一年五月, 二〇二〇年9月1日 (the month and day in either kind of digits), and the
    /// bare 二〇三五 (`chineseBareYear`).
    func chineseYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let year = NumeralParser.chineseDigitYear(line, at: i) else { return nil }
        if let short = chineseShortRange(line, at: i, year: year) { return short }
        guard line.at(i + 4) == Self.nian else { return chineseBareYear(line, at: i, year: year) }
        var end = i + 5
        if let dateEnd = monthDay(line, at: end) {
            return FoundYear(start: i, end: dateEnd, kind: .date, from: year, to: year, rule: "y-chinese-date")
        }
        if line.at(end) == Self.du { end += 1 }  // 二〇二一年度, like 2021年度
        return FoundYear(start: i, end: end, kind: .year, from: year, to: year, rule: "y-chinese-year")
    }

    /// 二〇三五远景目标, 《中国教育现代化二〇三五》: four digits read one by one are a year without 年 too
    /// (no count is written so). Only before a word, a closing mark or the line's end: before / - 至 、
    /// or 学 it opens a span, a list or a school year that other forms read; a line of only the four
    /// digits stays a number.
    private func chineseBareYear(_ line: ScalarLine, at i: Int, year: Int) -> FoundYear? {
        let next = line.at(i + 4)
        let closes =
            next == 0 || next == 0x300B || next == 0x201D || next == 0x300D || next == 0x29 || next == 0xFF09
        guard closes || (ScalarClass.isHan(next) && next != Self.zhi && next != Self.dao && next != Self.xue),
            !ScalarClass.isArabicDigit(line.at(i - 1)),
            // Alone on its line it is the number the `--text` mode reads (二〇〇八 = 2008).
            i > 0 || next != 0
        else { return nil }
        return FoundYear(start: i, end: i + 4, kind: .year, from: year, to: year, rule: Self.chineseBareYearRule)
    }
}
