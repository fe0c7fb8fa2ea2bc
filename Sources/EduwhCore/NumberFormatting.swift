import Foundation

/// Prints a value the way gold files and TSV output write it: a plain decimal, no exponent,
/// no trailing zeros (`348000000`, `28.8`, `0.5`).
///
/// ```swift
/// plainDecimal(288259.99999999997) // "288260"
/// ```
public func plainDecimal(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    // Round to 9 significant decimals to undo binary noise from unit scaling.
    let scale = 1_000_000_000.0
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 9.0e15 {
        return String(Int64(rounded))
    }
    var text = String(format: "%.9f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
