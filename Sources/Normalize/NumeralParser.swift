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
            if sep == 0x2C || sep == 0xFF0C, separators == 0 ? group <= 3 : group == 3,
               ScalarClass.isArabicDigit(line.at(j + 1)), ScalarClass.isArabicDigit(line.at(j + 2)),
               ScalarClass.isArabicDigit(line.at(j + 3)), !ScalarClass.isArabicDigit(line.at(j + 4)),
               sep == 0x2C || isGroupedEnd(line, j + 4) {
                j += 1
                group = 0
                separators += 1
            }
        }
        guard digits > 0 else { return nil }
        var value = intPart
        var hasDecimal = false
        if j + 1 < line.count, line[j] == 0x2E || line[j] == 0xFF0E, ScalarClass.isArabicDigit(line[j + 1]) {
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
        return Reading(value: value, end: j, chinese: false, length: digits, hasDecimal: hasDecimal, loneDigit: nil, fuzzy: false)
    }

    /// A full-width comma between digit groups only counts when a unit or magnitude follows the
    /// group (1，200万元), so that 分别为7，800 stays two numbers.
    private static func isGroupedEnd(_ line: ScalarLine, _ k: Int) -> Bool {
        let v = line.at(k)
        return v == 0x4E07 || v == 0x4EBF || v == 0x5143 || v == 0x4EBA || v == 0x540D || v == 0x6240 || v == 0x2E
    }

    /// Chinese numerals at `i`. A numeral starts with a digit or 十/拾; with `allowBareMagnitude`
    /// it may also start with 百, 千 or 万 (近百所, 上千名).
    static func chinese(_ line: ScalarLine, at i: Int, allowBareMagnitude: Bool = false) -> Reading? {
        guard i < line.count else { return nil }
        let first = line[i]
        if first == 0x5EFF || first == 0x5345 {
            // 廿 (20), 卅 (30)
        } else if ScalarClass.chineseDigit(first) == nil {
            if let u = ScalarClass.chineseSmallUnit(first) {
                if u != 10 && !allowBareMagnitude { return nil }
            } else if ScalarClass.chineseBigUnit(first) != nil {
                if !allowBareMagnitude { return nil }
            } else {
                return nil
            }
        }
        var j = i
        var total = 0.0      // parts at 亿 level
        var wanPart = 0.0    // parts at 万 level (below 亿)
        var section = 0.0    // below 万
        var digit: Double? = nil
        var lastUnit = 0.0
        var afterUnitDigit = false  // the pending digit follows a unit directly (一万五)
        var previousWasUnit = false
        var loneDigit: Int? = nil
        var fuzzy = false
        var chars = 0
        while j < line.count {
            let v = line[j]
            if let d = ScalarClass.chineseDigit(v) {
                if let pending = digit, pending != 0 {
                    // Two digits in a row (一二, 二〇一一): not a cardinal numeral.
                    return nil
                }
                if digit == 0 && d == 0 { return nil }
                afterUnitDigit = previousWasUnit && digit == nil && d != 0
                digit = Double(d)
                previousWasUnit = false
            } else if (v == 0x5EFF || v == 0x5345), digit == nil, chars == 0 {
                section += v == 0x5EFF ? 20 : 30   // 廿 = 二十, 卅 = 三十
                lastUnit = 10
                previousWasUnit = true
                afterUnitDigit = false
            } else if let u = ScalarClass.chineseSmallUnit(v) {
                let multiplier = digit ?? ((u == 10 || allowBareMagnitude || chars > 0) ? 1 : 0)
                if multiplier == 0 && digit == nil { return nil }
                section += multiplier * u
                digit = nil
                lastUnit = u
                previousWasUnit = true
                afterUnitDigit = false
            } else if let u = ScalarClass.chineseBigUnit(v) {
                let here = section + (digit ?? 0)
                if u == 10_000 {
                    wanPart += (here == 0 ? (chars == 0 ? 1 : 0) : here) * u
                    if here == 0 && chars > 0 && wanPart == 0 && total == 0 { return nil }
                } else {
                    let sub = wanPart + here
                    total = (total + (sub == 0 ? 1 : sub)) * u
                    wanPart = 0
                }
                section = 0
                digit = nil
                lastUnit = u
                previousWasUnit = true
                afterUnitDigit = false
            } else if v == 0x51E0, lastUnit == 10, digit == nil, previousWasUnit {  // 十几
                fuzzy = true
                j += 1
                chars += 1
                break
            } else {
                break
            }
            chars += 1
            j += 1
        }
        guard chars > 0 else { return nil }
        var value = total + wanPart + section
        if let d = digit {
            if afterUnitDigit && lastUnit >= 100 {
                value += d * lastUnit / 10   // 两万五 = 25000, 三百五 = 350
            } else {
                value += d
            }
        }
        if chars == 1, let d = ScalarClass.chineseDigit(line[i]) { loneDigit = d }
        // 三点五 (3.5), 零点五: a decimal point 点 (點 in traditional script) followed by digits
        // only. 三点意见 is not a decimal.
        var hasDecimal = false
        if !fuzzy, total == 0, wanPart == 0, line.at(j) == 0x70B9 || line.at(j) == 0x9EDE, let first = ScalarClass.chineseDigit(line.at(j + 1)), line.at(j + 1) != 0x4E24 {
            var fraction = Double(first)
            var scale = 10.0
            var k = j + 2
            while let d = ScalarClass.chineseDigit(line.at(k)), line.at(k) != 0x4E24 {
                fraction = fraction * 10 + Double(d)
                scale *= 10
                k += 1
            }
            if !ScalarClass.isChineseNumeral(line.at(k)) || ScalarClass.chineseBigUnit(line.at(k)) != nil {
                value += fraction / scale
                j = k
                hasDecimal = true
                loneDigit = nil
            }
        }
        return Reading(value: value, end: j, chinese: true, length: chars, hasDecimal: hasDecimal, loneDigit: loneDigit, fuzzy: fuzzy)
    }

    /// Chinese digits read one by one (二〇〇八 → 2008) over `range`, or nil when another
    /// character stands in it.
    static func chineseDigitString(_ line: ScalarLine, _ range: Range<Int>) -> Double? {
        guard range.count >= 2 else { return nil }
        var value = 0.0
        for k in range {
            guard let d = ScalarClass.chineseDigit(line[k]), line[k] != 0x4E24 else { return nil }
            value = value * 10 + Double(d)
        }
        return value
    }

    /// A year written digit by digit in Chinese (二〇一一 → 2011), four characters.
    static func chineseDigitYear(_ line: ScalarLine, at i: Int) -> Int? {
        guard i + 4 <= line.count else { return nil }
        var year = 0
        for k in 0..<4 {
            let v = line[i + k]
            guard let d = ScalarClass.chineseDigit(v), v != 0x4E24, v != 0x5169 else { return nil }
            year = year * 10 + d
        }
        guard (1900...2099).contains(year) else { return nil }
        if ScalarClass.isChineseNumeral(line.at(i + 4)) { return nil }
        return year
    }
}
