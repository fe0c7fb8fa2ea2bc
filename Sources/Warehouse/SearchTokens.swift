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
        var unigrams: [String] = []
        var bigrams: [String] = []
        var run: [Unicode.Scalar] = []   // current run of CJK characters
        var word = ""                     // current run of other letters and digits

        func flushRun() {
            guard !run.isEmpty else { return }
            for scalar in run { unigrams.append(String(scalar)) }
            if run.count == 1 {
                bigrams.append(String(run[0]))
            } else {
                for i in 0..<(run.count - 1) {
                    var pair = String(run[i]); pair.unicodeScalars.append(run[i + 1])
                    bigrams.append(pair)
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            unigrams.append(word); bigrams.append(word)
            word = ""
        }
        for scalar in text.unicodeScalars {
            if Self.isCJK(scalar) {
                flushWord(); run.append(scalar)
            } else if let folded = Self.foldedAlphanumeric(scalar) {
                flushRun(); word.unicodeScalars.append(folded)
            } else {
                flushRun(); flushWord()
            }
        }
        flushRun(); flushWord()
        self.unigrams = unigrams.joined(separator: " ")
        self.bigrams = bigrams.joined(separator: " ")
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
