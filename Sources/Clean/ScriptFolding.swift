/// Folds traditional Chinese characters to simplified ones (from the lexicon's `traditional`
/// pairs), so rules written in simplified script also match pages served in traditional script.
///
/// ```swift
/// let folding = ScriptFolding(pairs: ["載载", "閱阅"])
/// folding.fold("下載全文")  // "下载全文"
/// ```
public struct ScriptFolding: Sendable {
    private static let base: UInt32 = 0x3400
    private static let end: UInt32 = 0xA000
    /// Per scalar in 0x3400..<0xA000: its simplified form, or 0 when it stays.
    private let table: [UInt32]
    /// Whether any pair was given (a folding without pairs never changes text).
    public let isEmpty: Bool

    /// A folding from two-character words: the traditional character, then the simplified one.
    public init(pairs: [String]) {
        var table = [UInt32](repeating: 0, count: Int(Self.end - Self.base))
        var any = false
        for pair in pairs {
            let scalars = Array(pair.unicodeScalars)
            guard scalars.count == 2, scalars[0].value >= Self.base, scalars[0].value < Self.end else { continue }
            table[Int(scalars[0].value - Self.base)] = scalars[1].value
            any = true
        }
        self.table = table
        isEmpty = !any
    }

    /// The simplified form of `text`, or nil when nothing in it folds.
    public func foldedIfChanged(_ text: String) -> String? {
        guard !isEmpty else { return nil }
        var changed = false
        for scalar in text.unicodeScalars where scalar.value >= Self.base && scalar.value < Self.end {
            if table[Int(scalar.value - Self.base)] != 0 { changed = true; break }
        }
        guard changed else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= Self.base, scalar.value < Self.end, case let mapped = table[Int(scalar.value - Self.base)], mapped != 0,
               let folded = Unicode.Scalar(mapped) {
                out.append(folded)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The simplified form of `text`.
    public func fold(_ text: String) -> String { foldedIfChanged(text) ?? text }
}
