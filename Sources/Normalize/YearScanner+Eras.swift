import EduwhCore

/// Years counted from a reign (光绪二十年 = 1894, 康熙20年 = 1681), as school histories and
/// anniversary speeches write them, and years written as a cardinal number (两千零四年 = 2004). A
/// number after a reign name is never a two-digit Gregorian year (康熙20年 was read as 2020).
extension YearScanner {
    /// The Qing reigns (the ones a school founded before 1912 names) with their first years, in
    /// simplified and traditional script. 民国 is read by `rocYear`.
    static let reigns: [(name: [UInt32], first: Int)] = [
        ("顺治", 1644), ("順治", 1644), ("康熙", 1662), ("雍正", 1723), ("乾隆", 1736), ("嘉庆", 1796), ("嘉慶", 1796),
        ("道光", 1821), ("咸丰", 1851), ("咸豐", 1851), ("同治", 1862), ("光绪", 1875), ("光緒", 1875), ("宣统", 1909),
        ("宣統", 1909),
    ].map { ($0.0.scalarValues, $0.1) }

    /// The first characters of the reign names, to try `reignYear` only there (a bitmap: asked at
    /// most characters that may start a relative year).
    static let reignStarts = ScalarSet(reigns.compactMap { Unicode.Scalar($0.name[0]) })

    @inline(__always)
    static func isReignStart(_ v: UInt32) -> Bool { Unicode.Scalar(v).map(reignStarts.contains) ?? false }

    /// 光绪三十一年, 康熙20年9月, 宣统元年: a reign, its year (Chinese or Arabic, or 元) and 年.
    func reignYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        guard let reign = Self.reigns.first(where: { line.matches($0.name, at: i) }) else { return nil }
        let k = i + reign.name.count
        var n = 0
        var numberEnd = k
        if line.at(k) == 0x5143 {  // 元年
            n = 1
            numberEnd = k + 1
        } else if let r = NumeralParser.chinese(line, at: k) ?? NumeralParser.arabic(line, at: k), !r.hasDecimal,
            r.value >= 1, r.value <= 61
        {
            n = Int(r.value)
            numberEnd = r.end
        } else {
            return nil
        }
        guard line.at(numberEnd) == Self.nian else { return nil }
        let year = reign.first + n - 1
        if let end = monthDay(line, at: numberEnd + 1) {
            return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-reign-date")
        }
        return FoundYear(start: i, end: numberEnd + 1, kind: .year, from: year, to: year, rule: "y-reign-year")
    }

    /// 两千零四年八月十五, 一千九百九十八年: a year written as a cardinal number (not digit by digit). Only
    /// with a 零 inside, five characters or more, or a month after it: 两千年来 is two thousand years.
    func cardinalYear(_ line: ScalarLine, at i: Int) -> FoundYear? {
        // 一千九百…, 两千…, 二千…: a thousand comes second (a cheap test before parsing every numeral).
        let thousand = line.at(i + 1)
        guard thousand == 0x5343 || thousand == 0x4EDF, let r = NumeralParser.chinese(line, at: i), !r.hasDecimal,
            !r.fuzzy, (1900...2099).contains(r.value),
            line.at(r.end) == Self.nian
        else { return nil }
        let year = Int(r.value)
        if let end = monthDay(line, at: r.end + 1) {
            return FoundYear(start: i, end: end, kind: .date, from: year, to: year, rule: "y-cardinal-date")
        }
        let zero = (i..<r.end).contains { line[$0] == 0x96F6 || line[$0] == 0x3007 }
        guard zero || r.length >= 5 else { return nil }
        return FoundYear(start: i, end: r.end + 1, kind: .year, from: year, to: year, rule: "y-cardinal-year")
    }
}
