/// Classifies the Unicode scalars the scanners care about (digits, Chinese numerals, placeholders,
/// punctuation), by value, without allocating.
///
/// ```swift
/// ScalarClass.arabicDigit(0xFF13)  // 3 (full-width ３)
/// ScalarClass.chineseDigit(0x4E24) // 2 (两)
/// ```
enum ScalarClass {
    /// 0–9 for ASCII and full-width digits.
    @inline(__always)
    static func arabicDigit(_ v: UInt32) -> Int? {
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    @inline(__always)
    static func isArabicDigit(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19)
    }

    /// Value of a Chinese digit character: 零〇一二两三四五六七八九, financial 壹贰叁肆伍陆柒捌玖 and
    /// traditional forms.
    @inline(__always)
    static func chineseDigit(_ v: UInt32) -> Int? {
        switch v {
        case 0x96F6, 0x3007: return 0  // 零 〇
        case 0x4E00, 0x58F9, 0x5F0C: return 1  // 一 壹 弌
        case 0x4E8C, 0x8D30, 0x8CB3, 0x4E24, 0x5169: return 2  // 二 贰 貳 两 兩
        case 0x4E09, 0x53C1, 0x53C3: return 3  // 三 叁 參
        case 0x56DB, 0x8086: return 4  // 四 肆
        case 0x4E94, 0x4F0D: return 5  // 五 伍
        case 0x516D, 0x9646, 0x9678: return 6  // 六 陆 陸
        case 0x4E03, 0x67D2: return 7  // 七 柒
        case 0x516B, 0x634C: return 8  // 八 捌
        case 0x4E5D, 0x7396: return 9  // 九 玖
        default: return nil
        }
    }

    /// 壹贰叁肆伍陆柒捌玖拾 and their traditional forms: the digits of financial writing, which are
    /// also ordinary characters of words (队伍, 大陆, 收拾).
    @inline(__always)
    static func isFinancialNumeral(_ v: UInt32) -> Bool {
        switch v {
        case 0x58F9, 0x5F0C, 0x8D30, 0x8CB3, 0x53C1, 0x53C3, 0x8086, 0x4F0D, 0x9646, 0x9678, 0x67D2, 0x634C, 0x7396,
            0x62FE:
            return true
        default: return false
        }
    }

    /// Value of a Chinese place-value character below 万: 十拾 (10), 百佰 (100), 千仟 (1000).
    @inline(__always)
    static func chineseSmallUnit(_ v: UInt32) -> Double? {
        switch v {
        case 0x5341, 0x62FE: return 10  // 十 拾
        case 0x767E, 0x4F70: return 100  // 百 佰
        case 0x5343, 0x4EDF: return 1000  // 千 仟
        default: return nil
        }
    }

    /// 万萬 → 1e4, 亿億 → 1e8.
    @inline(__always)
    static func chineseBigUnit(_ v: UInt32) -> Double? {
        switch v {
        case 0x4E07, 0x842C: return 10_000
        case 0x4EBF, 0x5104: return 100_000_000
        default: return nil
        }
    }

    /// Any character that can be part of a Chinese numeral.
    @inline(__always)
    static func isChineseNumeral(_ v: UInt32) -> Bool {
        chineseDigit(v) != nil || chineseSmallUnit(v) != nil || chineseBigUnit(v) != nil || v == 0x5EFF || v == 0x5345
            || v == 0x534C
    }

    /// x X ｘ Ｘ × * ＊ _ ＿: characters a site or a template writes instead of a blanked number.
    @inline(__always)
    static func isPlaceholder(_ v: UInt32) -> Bool {
        v == 0x78 || v == 0x58 || v == 0xFF58 || v == 0xFF38 || v == 0xD7 || v == 0x2A || v == 0xFF0A || v == 0x5F
            || v == 0xFF3F
    }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// CJK unified ideographs (basic block and extension A).
    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x3000 || v == 0xA0 || v == 0x09
    }

    /// Punctuation that ends a clause: ，。；、,;!?！？：: and line breaks.
    @inline(__always)
    static func isClauseBreak(_ v: UInt32) -> Bool {
        switch v {
        case 0xFF0C, 0x3002, 0xFF1B, 0x3001, 0x2C, 0x3B, 0x21, 0x3F, 0xFF01, 0xFF1F, 0xFF1A, 0x3A, 0x0A, 0x0D:
            return true
        default: return false
        }
    }

    /// Dashes and tildes that join the two ends of a range (2007-2008年, 3～5所).
    @inline(__always)
    static func isRangeDash(_ v: UInt32) -> Bool {
        switch v {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFF0D, 0x7E, 0xFF5E, 0x301C: return true
        default: return false
        }
    }
}
