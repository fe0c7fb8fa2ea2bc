import EduwhCore

/// The edges of a numeral: spaces inside it, a decimal fraction with 点, and the rest of a mixed
/// number after a magnitude.
extension NumeralGrammar {
    /// One ASCII or no-break space between two characters of a numeral (一百 五, 九十六 万).
    @inline(__always)
    static func isNumeralSpace(_ line: ScalarLine, at j: Int, arabic: Bool) -> Bool {
        let v = line.at(j)
        guard v == 0x20 || v == 0xA0 else { return false }
        let before = line.at(j - 1)
        let after = line.at(j + 1)
        guard ScalarClass.isChineseNumeral(before) || (arabic && ScalarClass.isArabicDigit(before)) else {
            return false
        }
        return ScalarClass.isChineseNumeral(after) || (arabic && ScalarClass.isArabicDigit(after))
    }

    /// The parse stopped at a character that would have continued a numeral (the grammar broke), or
    /// at a space that is followed by one.
    @inline(__always)
    static func isNumeralBreak(_ line: ScalarLine, at j: Int, arabic: Bool) -> Bool {
        let v = line.at(j)
        if ScalarClass.isChineseNumeral(v) || (arabic && ScalarClass.isArabicDigit(v)) { return true }
        return (v == 0x20 || v == 0xA0) && ScalarClass.isChineseNumeral(line.at(j + 1))
    }

    /// 三点五, 零点五, 十二点五万: 点 and digits (两 is no decimal digit); 三点意见 is no decimal. A big
    /// unit may follow only the decimal of a number below 万 (`bigAllowed`: 十二点五万, not 一万点五万).
    @inline(__always)
    static func decimal(_ line: ScalarLine, at j: Int, below bigAllowed: Bool) -> (Double, Int)? {
        guard line.at(j) == dian || line.at(j) == dianTrad,
            let first = ScalarClass.chineseDigit(line.at(j + 1)), line.at(j + 1) != liang
        else { return nil }
        var fraction = Double(first)
        var scale = 10.0
        var k = j + 2
        while let d = ScalarClass.chineseDigit(line.at(k)), line.at(k) != liang {
            fraction = fraction * 10 + Double(d)
            scale *= 10
            k += 1
        }
        let next = line.at(k)
        guard !ScalarClass.isChineseNumeral(next) || (ScalarClass.chineseBigUnit(next) != nil && bigAllowed) else {
            return nil
        }
        return (fraction / scale, k)
    }

    /// The rest of a mixed number after a magnitude of `factor` (6万|2000, 2万|3千5百, 3千|零40,
    /// 200万|五千, 1亿|2千万): its value (below `factor`) and end, or nil.
    static func tail(_ line: ScalarLine, at j: Int, below factor: Double) -> (
        value: Double, end: Int, colloquial: Bool
    )? {
        var k = j
        var zero = false
        if line.at(k) == 0x96F6 || line.at(k) == 0x3007 {
            k += 1
            zero = true
        }
        let v = line.at(k)
        guard digit(v) != nil || ScalarClass.isArabicDigit(v) else { return nil }
        guard let p = parse(line, at: k, arabic: true), p.value > 0, !p.fuzzy else { return nil }
        // A lone digit right after the magnitude stands for the next place down (2万5 = 25000, 1千2 = 1200).
        if !zero, p.tokens == 1, !p.hasDecimal, p.value < 10, factor >= 100 {
            if ScalarClass.isArabicDigit(v) && line.at(p.end) == 0x2E { return nil }
            return (p.value * factor / 10, p.end, true)
        }
        guard p.value < factor else { return nil }
        // An Arabic tail needs a place of its own or a 零, or more than one digit below 万 (6万2000).
        if !p.hasPlace && !zero && p.tokens == 1 && ScalarClass.isArabicDigit(v) && p.value * 10 < factor / 10
            && factor < 10_000
        {
            return nil
        }
        return (p.value, p.end, false)
    }
}
