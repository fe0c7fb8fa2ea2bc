import EduwhCore

/// Forms of a number that carry their own unit or qualifier outside the measure-word table: a ratio
/// to one (生师比16.97:1), a dollar sign before the figure ($160,154), 余 after a 万/亿 figure before
/// the noun it counts (10万余教师).
extension QuantityScanner {
    /// The 元 row of units.tsv: a dollar figure's unit.
    static let yuanRule = NormalizeRules.standard.unit(in: ScalarLine("元"), at: 0)

    /// 生师比16.97:1, 人机比为44∶1: a ratio of N to one is a quantity N with no unit (rule q-ratio).
    /// Only N:1 with N above one; 1:N, 3:2, clock times (8:30) and longer chains (1:1:2) are not read.
    func ratio(_ context: LineContext, _ d: inout Draft) -> (QuantityMention, Int)? {
        let line = context.line
        guard let r = d.reading, !r.chinese, !d.placeholder, let value = d.value, value > 1,
            Self.isRatioColon(line.at(d.j)), line.at(d.j + 1) == 0x31
        else { return nil }
        let after = line.at(d.j + 2)
        guard !ScalarClass.isArabicDigit(after), after != 0x2E, !Self.isRatioColon(after),
            !ScalarClass.isArabicDigit(d.prev), !Self.isRatioColon(d.prev), d.prev != 0x2E,
            !(d.start..<(d.j + 2)).contains(where: { context.claimed[$0] })
        else { return nil }
        d.rule = "q-ratio"
        d.end = d.j + 2
        d.afterNumber = d.end
        d.unitName = ""
        guard var (mention, end) = finish(line, r, &d) else { return nil }
        mention.rule = "q-ratio"
        end = d.end
        return (mention, end)
    }

    /// : ： ∶ between the two terms of a ratio.
    static func isRatioColon(_ v: UInt32) -> Bool { v == 0x3A || v == 0xFF1A || v == 0x2236 }

    /// $160,154, 調升至$ 18,690: a dollar sign (one space may follow it) right before Arabic digits
    /// makes the figure money; US$ stays out (its unit is 美元, which the text does not write).
    func dollarSign(_ line: ScalarLine, _ d: Draft) -> Int? {
        guard let r = d.reading, !r.chinese, !d.placeholder else { return nil }
        let at = ScalarClass.isSpace(d.prev) ? d.start - 2 : d.start - 1
        guard line.at(at) == 0x24 || line.at(at) == 0xFF04 else { return nil }
        if line.at(at - 1) == 0x53, line.at(at - 2) == 0x55 { return nil }  // US$
        return at
    }

    /// 10万余教师, 十四万余学童: 余 after a 万/亿 figure, before the noun it counts, is "more than"
    /// (余额, 余下, 余款 after it are words of their own).
    func isBigRoughCount(_ line: ScalarLine, _ d: Draft, after: Int) -> Bool {
        let big =
            (d.sawMagnitude && d.factor >= 10_000)
            || (d.reading?.chinese == true && ScalarClass.chineseBigUnit(line.at(d.j - 1)) ?? 0 >= 10_000)
        let next = line.at(after)
        return big && ScalarClass.isHan(next) && !ScalarClass.isChineseNumeral(next)
            && !Self.yuWordRests.contains(next)
    }

    /// 额 下 款 生 数 地: after 余 they make a word (余额, 余下, 余款, 余生, 余数, 余地).
    static let yuWordRests: Set<UInt32> = [0x989D, 0x4E0B, 0x6B3E, 0x751F, 0x6570, 0x5730]
}
