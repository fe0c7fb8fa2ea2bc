/// Writes whole numbers the way Chinese reports do, so that tests can check the Normalize
/// stage reads them back: standard numerals (一千零五, 十二万), financial numerals (壹仟零伍),
/// and mixed digit-plus-magnitude forms (1.2万, 3.48亿).
///
/// ```swift
/// ChineseNumeralRenderer.render(10_005)                       // "一万零五"
/// ChineseNumeralRenderer.render(120_000)                      // "十二万"
/// ChineseNumeralRenderer.render(1_234, style: .financial)     // "壹仟贰佰叁拾肆"
/// ChineseNumeralRenderer.mixed(34_800_000)                    // "3480万"
/// ```
public enum ChineseNumeralRenderer {
    /// Which characters to write with.
    public enum Style: Sendable, CaseIterable {
        /// 一二三 … 十百千万亿
        case standard
        /// 壹贰叁 … 拾佰仟万亿 (cheques, contracts)
        case financial
    }

    private static let standardDigits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let financialDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    private static let standardUnits: [Character] = ["千", "百", "十"]
    private static let financialUnits: [Character] = ["仟", "佰", "拾"]

    /// `n` (0 ... 9_999_999_999_999) in Chinese numerals.
    public static func render(_ n: Int, style: Style = .standard) -> String {
        precondition(n >= 0)
        let digits = style == .standard ? standardDigits : financialDigits
        if n == 0 { return String(digits[0]) }
        let groups = [(n / 100_000_000, "亿"), ((n / 10_000) % 10_000, "万"), (n % 10_000, "")]
        var out = ""
        var pendingZero = false
        var started = false
        for (value, name) in groups {
            if value == 0 {
                if started { pendingZero = true }
                continue
            }
            if started && (pendingZero || value < 1000) { out.append(digits[0]) }
            out += group(value, style: style, leading: !started)
            out += name
            started = true
            pendingZero = false
        }
        return out
    }

    /// A group below 10 000; `leading` drops the 一 of 一十 at the very start (十二, not 一十二).
    private static func group(_ value: Int, style: Style, leading: Bool) -> String {
        let digits = style == .standard ? standardDigits : financialDigits
        let units = style == .standard ? standardUnits : financialUnits
        let places = [value / 1000, (value / 100) % 10, (value / 10) % 10, value % 10]
        var out = ""
        var zero = false
        var wrote = false
        for (index, d) in places.enumerated() {
            if d == 0 {
                if wrote { zero = true }
                continue
            }
            if zero {
                out.append(digits[0])
                zero = false
            }
            let isTen = index == 2
            if !(isTen && d == 1 && !wrote && leading && style == .standard) { out.append(digits[d]) }
            if index < 3 { out.append(units[index]) }
            wrote = true
        }
        return out
    }

    /// `n` as digits with the largest magnitude that keeps it short: 34_800_000 → "3480万",
    /// 348_000_000 → "3.48亿", 12_345 → "1.2345万", below 10 000 → plain digits.
    public static func mixed(_ n: Int) -> String {
        if n >= 100_000_000 { return decimal(n, 100_000_000) + "亿" }
        if n >= 10_000 { return decimal(n, 10_000) + "万" }
        return String(n)
    }

    private static func decimal(_ n: Int, _ unit: Int) -> String {
        let whole = n / unit
        var fraction = n % unit
        if fraction == 0 { return String(whole) }
        var width = String(unit).count - 1
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: width - text.count) + text
    }
}
