import EduwhCore

/// The last scalars of a list of words: a word cannot end before a scalar that ends none of them
/// (an empty word ends anywhere), so the words need no comparing there.
///
/// ```swift
/// let ends = WordEnds(["电话", "QQ"].map(\.scalarValues))
/// ends.mayEnd(0x8BDD)  // true (话)
/// ends.mayEnd(0x5B66)  // false (学)
/// ```
struct WordEnds: Sendable {
    let ends: ScalarSet
    let hasEmptyWord: Bool

    init(_ words: [[UInt32]]) {
        ends = ScalarSet(words.compactMap { $0.last.flatMap(Unicode.Scalar.init) })
        hasEmptyWord = words.contains(where: \.isEmpty)
    }

    /// Whether some word may end with `v` (0, outside the line, ends none but the empty word).
    @inline(__always)
    func mayEnd(_ v: UInt32) -> Bool {
        hasEmptyWord || (v != 0 && Unicode.Scalar(v).map(ends.contains) ?? false)
    }
}
