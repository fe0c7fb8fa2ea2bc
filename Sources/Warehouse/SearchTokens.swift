/// The token column of `search_paragraph`: text pre-split so FTS5's standard unicode61 tokenizer
/// indexes CJK character pairs. Each run of CJK characters gives its overlapping pairs and then
/// its last character alone (a one-character run gives just that character); letters and digits
/// give whole, lower-cased words.
///
/// A run of n characters costs n tokens, where one column of single characters plus one of pairs
/// cost 2n − 1, and FTS5's tokenizing of these strings was the largest single cost of a load.
/// Every query still finds its text (`SearchQuery.matchExpression`): a character is either
/// followed by another in its run (a pair starting with it, found by prefix) or ends the run
/// (the lone last character).
///
/// ```swift
/// SearchTokens("新建校舍4万平方米").grams // "新建 建校 校舍 舍 4 万平 平方 方米 米"
/// SearchTokens("学").grams              // "学"
/// ```
public struct SearchTokens: Sendable, Hashable {
    /// The tokens as UTF-8 bytes, which is how the load binds them (a `String` would validate
    /// them again on every kept line).
    public var utf8: [UInt8]
    /// The tokens, space-separated.
    public var grams: String { String(decoding: utf8, as: UTF8.self) }

    public init(_ text: String) {
        // Built straight into a UTF-8 buffer: this runs on every kept line of every load.
        var grams: [UInt8] = []
        grams.reserveCapacity(text.utf8.count * 2 + 8)
        var previous: Unicode.Scalar?   // last CJK character of the current run
        var word: [UInt8] = []           // current run of other letters and digits

        func separate() {
            if !grams.isEmpty { grams.append(0x20) }
        }
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { grams.append($0) }
        }
        func flushRun() {
            if let previous { separate(); append(previous) }
            previous = nil
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            separate(); grams += word
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if Self.isCJK(scalar) {
                flushWord()
                if let previous { separate(); append(previous); append(scalar) }
                previous = scalar
            } else if let folded = Self.foldedAlphanumeric(scalar) {
                flushRun(); word.append(UInt8(truncatingIfNeeded: folded.value))
            } else {
                flushRun(); flushWord()
            }
        }
        flushRun(); flushWord()
        self.utf8 = grams
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: true
        default: false
        }
    }

    /// ASCII letters and digits (full-width ones folded to ASCII), lower-cased; nil for anything else.
    static func foldedAlphanumeric(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        var value = scalar.value
        if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
            value -= 0xFEE0
        }
        switch value {
        case 0x30...0x39, 0x61...0x7A: return Unicode.Scalar(value)
        case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
        default: return nil
        }
    }
}
