/// Reads a number written in Arabic digits (ASCII or full-width, with thousands separators and a
/// decimal point) or in Chinese numerals (一千零五, 十二万, 壹仟贰佰, 两万五) at a position of a line.
///
/// ```swift
/// let line = ScalarLine("共投入一千零五万元")
/// NumeralParser.chinese(line, at: 3)?.value // 10050000 ... (一千零五万)
/// ```
enum NumeralParser {
    /// A number read from a line.
    struct Reading {
        var value: Double
        /// Index just past the number.
        var end: Int
        /// Written in Chinese numerals.
        var chinese: Bool
        /// Digits before the decimal point (Arabic), or characters (Chinese).
        var length: Int
        var hasDecimal: Bool
        /// The single Chinese digit when the numeral is one character (一, 二, 两 …).
        var loneDigit: Int?
        /// 十几: the numeral ends with 几 (value is the round part, qualifier over).
        var fuzzy: Bool
        /// Arabic digits grouped by thousands separators (28,096; 1,960,540.92).
        var grouped = false
    }

    /// Arabic digits at `i`: `3.48`, `19432.9`, `1,234`, `１２`.
    static func arabic(_ line: ScalarLine, at i: Int) -> Reading? {
        var j = i
        var intPart = 0.0
        var digits = 0
        var group = 0
        var separators = 0
        while j < line.count, let d = ScalarClass.arabicDigit(line[j]) {
            intPart = intPart * 10 + Double(d)
            digits += 1
            group += 1
            j += 1
            // Thousands separator: `,` (or `，` before a unit) followed by exactly three digits.
            let sep = line.at(j)
            // Full-width digits take the full-width comma as their separator (１２，３４０).
            if sep == 0x2C || sep == 0xFF0C, separators == 0 ? group <= 3 : group == 3,
                ScalarClass.isArabicDigit(line.at(j + 1)), ScalarClass.isArabicDigit(line.at(j + 2)),
                ScalarClass.isArabicDigit(line.at(j + 3)), !ScalarClass.isArabicDigit(line.at(j + 4)),
                sep == 0x2C || (line.at(j - 1) >= 0xFF10 && line.at(j + 1) >= 0xFF10) || separators > 0
                    || isGroupedEnd(line, j + 4)
            {
                j += 1
                group = 0
                separators += 1
            }
        }
        guard digits > 0 else { return nil }
        var value = intPart
        var hasDecimal = false
        if j + 1 < line.count, line[j] == 0x2E || line[j] == 0xFF0E || isStopAsPoint(line, j),
            ScalarClass.isArabicDigit(line[j + 1])
        {
            // Read the fraction as an integer and divide once, so 9999.9999 stays exact after scaling.
            var fraction = 0.0
            var scale = 1.0
            j += 1
            while j < line.count, let d = ScalarClass.arabicDigit(line[j]) {
                fraction = fraction * 10 + Double(d)
                scale *= 10
                j += 1
            }
            value = (intPart * scale + fraction) / scale
            hasDecimal = true
            // 1.2.3 is a section number, not a decimal.
            if j + 1 < line.count, line[j] == 0x2E, ScalarClass.isArabicDigit(line[j + 1]) { return nil }
        }
        return Reading(
            value: value, end: j, chinese: false, length: digits, hasDecimal: hasDecimal, loneDigit: nil, fuzzy: false,
            grouped: separators > 0)
    }

    /// 4。2%: a full stop typed for the decimal point, between digits and closed by a percent sign
    /// one or two digits later (a sentence does not end between 4 and 2%).
    private static func isStopAsPoint(_ line: ScalarLine, _ j: Int) -> Bool {
        guard line.at(j) == 0x3002, ScalarClass.isArabicDigit(line.at(j + 1)) else { return false }
        var k = j + 2
        if ScalarClass.isArabicDigit(line.at(k)) { k += 1 }
        return line.at(k) == 0x25 || line.at(k) == 0xFF05
    }

    /// A full-width comma between digit groups only counts when a unit or magnitude follows the
    /// group (1，200万元), so that 分别为7，800 stays two numbers.
    private static func isGroupedEnd(_ line: ScalarLine, _ k: Int) -> Bool {
        let v = line.at(k)
        return v == 0x4E07 || v == 0x4EBF || v == 0x5143 || v == 0x4EBA || v == 0x540D || v == 0x6240 || v == 0x2E
    }

    /// Chinese numerals at `i` (the grammar of `NumeralGrammar`). A numeral starts with a digit,
    /// 十/拾 or 廿/卅/卌; with `allowBareMagnitude` it may also start with 百, 千, 万 or 亿 (近百所, 上千名, 万五).
    static func chinese(_ line: ScalarLine, at i: Int, allowBareMagnitude: Bool = false) -> Reading? {
        guard i < line.count else { return nil }
        let first = line[i]
        guard
            NumeralGrammar.digit(first) != nil || NumeralGrammar.tens(first) != nil
                || ScalarClass.chineseSmallUnit(first) != nil
                || ScalarClass.chineseBigUnit(first) != nil
        else { return nil }
        if let d = NumeralGrammar.digit(first), endsLoneDigit(line.at(i + 1)) {
            // 一些, 第一, 统一: one digit and nothing that continues a numeral, the most common reading.
            return Reading(
                value: Double(d), end: i + 1, chinese: true, length: 1, hasDecimal: false, loneDigit: d, fuzzy: false)
        }
        guard let p = NumeralGrammar.parse(line, at: i, bareStart: allowBareMagnitude) else { return nil }
        return Reading(
            value: p.value, end: p.end, chinese: true, length: p.tokens, hasDecimal: p.hasDecimal,
            loneDigit: p.loneDigit, fuzzy: p.fuzzy)
    }

    /// A character after one Chinese digit that the grammar cannot read on with (see `NumeralGrammar`):
    /// no numeral character, 俩, ○, 兆, 几, a space it reads across, or 点 of a decimal. The digit
    /// is then the whole numeral, read without starting the grammar.
    @inline(__always)
    static func endsLoneDigit(_ v: UInt32) -> Bool {
        !ScalarClass.isChineseNumeral(v) && !NumeralGrammar.isLiang(v) && v != NumeralGrammar.circleZero && v != 0x5146
            && v != 0x51E0 && v != 0x20 && v != 0xA0 && v != NumeralGrammar.dian && v != NumeralGrammar.dianTrad
    }

    /// Chinese digits read one by one (二〇〇八 → 2008) over `range`, or nil when another
    /// character stands in it.
    static func chineseDigitString(_ line: ScalarLine, _ range: Range<Int>) -> Double? {
        guard range.count >= 2 else { return nil }
        var value = 0.0
        var scale: Double? = nil  // after 点: 一七二零点一 = 1720.1
        for k in range {
            let v = line[k]
            if v == 0x70B9 || v == 0x9EDE, scale == nil, k > range.lowerBound, k + 1 < range.upperBound {
                scale = 1
                continue
            }
            guard let d = ScalarClass.chineseDigit(v), v != 0x4E24 else { return nil }
            if let s = scale {
                scale = s / 10
                value += Double(d) * s / 10
            } else {
                value = value * 10 + Double(d)
            }
        }
        return value
    }

    /// A year written digit by digit in Chinese (二〇一一 → 2011), four characters.
    static func chineseDigitYear(_ line: ScalarLine, at i: Int) -> Int? {
        guard i + 4 <= line.count else { return nil }
        var year = 0
        var chinese = 0
        for k in 0..<4 {
            let v = line[i + k]
            // 二0一一, 二○二五, 二O一三: a zero may be written with an Arabic 0, a circle (○) or a Latin
            // letter O among Chinese digits.
            if k > 0, v == 0x30 || v == 0xFF10 || v == 0x25CB || v == 0x4F || v == 0x6F || v == 0xFF2F || v == 0xFF4F {
                year *= 10
                continue
            }
            guard let d = ScalarClass.chineseDigit(v), v != 0x4E24, v != 0x5169 else { return nil }
            year = year * 10 + d
            chinese += 1
        }
        guard chinese >= 2 else { return nil }
        guard (1900...2099).contains(year) else { return nil }
        if ScalarClass.isChineseNumeral(line.at(i + 4)) { return nil }
        return year
    }
}
