/// The two token columns of `search_paragraph`: text pre-split so FTS5's standard unicode61
/// tokenizer indexes single CJK characters and CJK character pairs.
///
/// ```swift
/// let tokens = SearchTokens("新建校舍4万平方米")
/// tokens.unigrams // "新 建 校 舍 4 万 平 方 米"
/// tokens.bigrams  // "新建 建校 校舍 4 万平 平方 方米"
/// ```
public struct SearchTokens: Sendable, Hashable {
    public var unigrams: String
    public var bigrams: String

    public init(_ text: String) {
        // Built straight into two UTF-8 buffers: this runs on every kept line of every load.
        var unigrams: [UInt8] = []
        var bigrams: [UInt8] = []
        unigrams.reserveCapacity(text.utf8.count * 4 / 3 + 8)
        bigrams.reserveCapacity(text.utf8.count * 2 + 8)
        var previous: Unicode.Scalar?   // last CJK character of the current run
        var runLength = 0
        var word: [UInt8] = []           // current run of other letters and digits

        func separate(_ buffer: inout [UInt8]) {
            if !buffer.isEmpty { buffer.append(0x20) }
        }
        func append(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
            UTF8.encode(scalar) { buffer.append($0) }
        }
        func flushRun() {
            if runLength == 1, let previous { separate(&bigrams); append(previous, to: &bigrams) }
            runLength = 0
            previous = nil
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            separate(&unigrams); unigrams += word
            separate(&bigrams); bigrams += word
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if Self.isCJK(scalar) {
                flushWord()
                separate(&unigrams); append(scalar, to: &unigrams)
                if let previous {
                    separate(&bigrams); append(previous, to: &bigrams); append(scalar, to: &bigrams)
                }
                previous = scalar
                runLength += 1
            } else if let folded = Self.foldedAlphanumeric(scalar) {
                flushRun(); word.append(UInt8(truncatingIfNeeded: folded.value))
            } else {
                flushRun(); flushWord()
            }
        }
        flushRun(); flushWord()
        self.unigrams = String(decoding: unigrams, as: UTF8.self)
        self.bigrams = String(decoding: bigrams, as: UTF8.self)
    }

    /// The FTS5 MATCH expression for a user's query: single characters against `unigrams`,
    /// longer CJK runs as phrases of overlapping pairs against `bigrams`, other words as terms.
    /// Terms are ANDed.
    public static func matchExpression(for query: String) -> String {
        var clauses: [String] = []
        for part in query.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }) {
            let tokens = SearchTokens(String(part))
            let pieces = tokens.bigrams.split(separator: " ")
            guard !pieces.isEmpty else { continue }
            if pieces.count == 1, pieces[0].unicodeScalars.count == 1, isCJK(pieces[0].unicodeScalars.first!) {
                clauses.append("unigrams : \"\(pieces[0])\"")
            } else {
                clauses.append("bigrams : \"\(pieces.joined(separator: " "))\"")
            }
        }
        return clauses.joined(separator: " AND ")
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
