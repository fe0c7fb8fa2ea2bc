import EduwhCore

/// One sentence of a line, with its clauses, as offsets in Unicode scalars of the line.
///
/// Sentences end at 。！？；(and ! ? ;); clauses end at ，：(and , : between non-digits).
/// 、 joins the items of one clause (桌椅2850套、电脑105台) and does not split it.
/// A run-on sentence longer than `maxScalars` (scraped pages that lost their punctuation) is cut
/// at a clause break, or hard at the limit, so the context a fact looks at stays bounded.
///
/// ```swift
/// let sentences = Sentence.split("共接受捐赠桌椅2850套,电脑105台。新增微机400台")
/// sentences.count              // 2
/// sentences[0].clauses.count   // 2
/// ```
public struct Sentence: Sendable, Hashable {
    /// The sentence's text, without its closing mark.
    public var text: String
    /// Scalar range of the sentence in the line (closing mark excluded).
    public var range: Range<Int>
    /// Scalar ranges of its clauses in the line (separators excluded), in order.
    public var clauses: [Range<Int>]

    public init(text: String, range: Range<Int>, clauses: [Range<Int>]) {
        self.text = text
        self.range = range
        self.clauses = clauses
    }

    /// Longest sentence kept whole, in scalars.
    public static let maxScalars = 400

    /// Index of the clause holding scalar offset `offset` (the nearest before it when it falls on a separator).
    public func clauseIndex(containing offset: Int) -> Int {
        // Clauses are in order: binary search for the last one starting at or before offset.
        var low = 0
        var high = clauses.count - 1
        var best = 0
        while low <= high {
            let mid = (low + high) / 2
            if clauses[mid].lowerBound <= offset {
                best = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return best
    }

    /// Index of the sentence whose range holds `offset` in sentences sorted by position, if any.
    public static func index(of offset: Int, in sentences: [Sentence]) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid].range
            if range.contains(offset) { return mid }
            if offset < range.lowerBound { high = mid - 1 } else { low = mid + 1 }
        }
        return nil
    }

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "!", "?", ";", "…": return true
        default: return false
        }
    }

    private static func isClauseEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "：", "﹐", "﹕": return true
        default: return false
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    /// Splits one line into sentences and clauses.
    public static func split(_ line: String) -> [Sentence] {
        split(line.scalarArray)
    }

    /// Splits a line given as scalars; with `texts: false` every sentence's `text` is left empty
    /// (a caller that needs the texts of a few sentences makes them from their ranges).
    public static func split(_ scalars: [Unicode.Scalar], texts: Bool = true) -> [Sentence] {
        func text(_ range: Range<Int>) -> String { texts ? String(scalars: scalars[range]) : "" }
        var sentences: [Sentence] = []
        var sentenceStart = 0
        var clauseStart = 0
        var clauses: [Range<Int>] = []
        func closeSentence(at end: Int) {
            if clauseStart < end { clauses.append(clauseStart..<end) }
            if sentenceStart < end, !clauses.isEmpty {
                sentences.append(
                    Sentence(
                        text: text(sentenceStart..<end),
                        range: sentenceStart..<end, clauses: clauses))
            }
            clauses = []
        }
        for (index, scalar) in scalars.enumerated() {
            if index - sentenceStart >= maxScalars {
                // Run-on text: end the sentence at its last clause break, or right here.
                if let last = clauses.last, last.upperBound > sentenceStart {
                    let cut = last.upperBound
                    let kept = clauses
                    clauses = []
                    sentences.append(
                        Sentence(
                            text: text(sentenceStart..<cut),
                            range: sentenceStart..<cut, clauses: kept))
                    sentenceStart = cut + 1 <= index ? cut + 1 : index
                    if clauseStart < sentenceStart { clauseStart = sentenceStart }
                } else {
                    closeSentence(at: index)
                    sentenceStart = index
                    clauseStart = index
                }
            }
            if isSentenceEnd(scalar) {
                closeSentence(at: index)
                sentenceStart = index + 1
                clauseStart = index + 1
                continue
            }
            var clauseEnd = isClauseEnd(scalar)
            if scalar == "," || scalar == ":" {
                // 19,432 and 15:30 are numbers, not clause breaks.
                let before = index > 0 && isDigit(scalars[index - 1])
                let after = index + 1 < scalars.count && isDigit(scalars[index + 1])
                clauseEnd = !(before && after)
            }
            if clauseEnd {
                if clauseStart < index { clauses.append(clauseStart..<index) }
                clauseStart = index + 1
            }
        }
        closeSentence(at: scalars.count)
        return sentences
    }
}
