import EduwhCore

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
        // Built straight from the text's UTF-8 into a buffer no text can overflow: this runs on
        // every kept line of every load, where appending scalar by scalar cost 2.6% of it (1.0%
        // now). A run of k CJK characters of 3 bytes gives k − 1 pairs of 7 bytes (with their
        // space) and its last character, 7k − 3 bytes from 3k; of 4 bytes, 9k − 4 from 4k; a
        // word of letters gives at most one byte more than it has. So 7/3 of the input plus a
        // few bytes suffices, and little memory waits unused until the tokens are indexed.
        var text = text
        utf8 = text.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count * 7 / 3 + 8) { out, written in
                var count = 0
                func separate() {
                    if count > 0 {
                        out[count] = 0x20
                        count += 1
                    }
                }
                func copy(_ range: Range<Int>) {
                    for k in range {
                        out[count] = bytes[k]
                        count += 1
                    }
                }
                var previous: Range<Int>? = nil  // bytes of the last CJK character of the current run
                var inWord = false  // inside a run of other letters and digits
                var i = 0
                let n = bytes.count
                while i < n {
                    let (value, width) = UTF8Scalar.decode(bytes, at: i)
                    let current = i..<(i + width)
                    i += width
                    if Self.isCJK(value) {
                        inWord = false
                        if let run = previous {
                            separate()
                            copy(run)
                            copy(current)
                        }
                        previous = current
                    } else if let folded = Self.foldedAlphanumeric(value) {
                        if let run = previous {
                            separate()
                            copy(run)
                            previous = nil
                        }
                        if !inWord {
                            separate()
                            inWord = true
                        }
                        out[count] = folded
                        count += 1
                    } else {
                        if let run = previous {
                            separate()
                            copy(run)
                            previous = nil
                        }
                        inWord = false
                    }
                }
                if let run = previous {
                    separate()
                    copy(run)
                }
                written = count
            }
        }
    }

    static func isCJK(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: true
        default: false
        }
    }

    /// ASCII letters and digits (full-width ones folded to ASCII), lower-cased, as one byte; nil
    /// for anything else.
    static func foldedAlphanumeric(_ scalar: UInt32) -> UInt8? {
        var value = scalar
        if (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) {
            value -= 0xFEE0
        }
        switch value {
        case 0x30...0x39, 0x61...0x7A: return UInt8(value)
        case 0x41...0x5A: return UInt8(value + 0x20)
        default: return nil
        }
    }
}
