import Foundation

/// Prints a value the way gold files and TSV output write it: a plain decimal, no exponent,
/// no trailing zeros (`348000000`, `28.8`, `0.5`).
///
/// ```swift
/// plainDecimal(288259.99999999997) // "288260"
/// plainDecimal(1e20)               // "1e+20" (beyond 1e15 digits are printed as stored)
/// ```
public func plainDecimal(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    // Past 1e15 a double has no decimals left to clean up, and scaling by 1e9 would change its
    // digits (1e20 printed as 99999999999999983616): print it exactly as stored instead.
    if abs(value) >= 1e15 {
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) }
        return "\(value)"  // the shortest text that reads back as this double: 1e+20
    }
    // Round to 9 decimals, and to 15 significant digits, to undo binary noise from unit scaling
    // (1.15亿 is 114999999.99999999 as a product of doubles: printed 115000000).
    let scale = 1_000_000_000.0
    let rounded = decimalRounded((value * scale).rounded() / scale)
    if rounded == rounded.rounded(), abs(rounded) < 9.0e15 {
        return String(Int64(rounded))
    }
    var text = String(format: "%.9f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}

/// The double nearest to `value` written with 15 significant digits: a figure scaled by a unit
/// or magnitude (1.15 × 1e8 = 114999999.99999999) comes back to the decimal the text wrote
/// (115000000), so the warehouse stores and sums what the page says. 15 digits is what a double
/// always holds exactly; values past that are returned unchanged.
///
/// ```swift
/// decimalRounded(1.15 * 100_000_000)  // 115000000
/// decimalRounded(0.1 + 0.2)           // 0.3
/// ```
public func decimalRounded(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    return Double(String(format: "%.15g", value)) ?? value
}
