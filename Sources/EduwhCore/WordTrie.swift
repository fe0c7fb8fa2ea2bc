/// A trie of words over Unicode scalars for longest-match scans of short texts; each word carries
/// payload numbers (indices into the caller's tables). Built once per dictionary; used by the
/// Facts stage's signal words and the Normalize stage's place-name gazetteer.
///
/// ```swift
/// let trie = WordTrie(["投入": [0], "投入使用": [1]])
/// trie.matches(in: Array("已投入使用".unicodeScalars)).map(\.length) // [4]
/// ```
public struct WordTrie: Sendable {
    /// A word found in a text: where it starts, how long it is (scalars), and its payload.
    public struct Match: Sendable, Hashable {
        public var start: Int
        public var length: Int
        public var payload: [Int]
        public var end: Int { start + length }
    }

    private var children: [UInt64: Int32] = [:]
    private var terminals: [Int32: [Int]] = [:]

    public init(_ words: [String: [Int]]) {
        var nodeCount: Int32 = 1
        for (word, payload) in words where !word.isEmpty {
            var node: Int32 = 0
            for scalar in word.unicodeScalars {
                let edge = UInt64(node) << 21 | UInt64(scalar.value)
                if let next = children[edge] {
                    node = next
                } else {
                    children[edge] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            terminals[node, default: []] += payload
        }
    }

    /// The longest word starting at `start`, if any.
    public func longest(in scalars: [Unicode.Scalar], at start: Int, end limit: Int? = nil) -> Match? {
        let end = limit ?? scalars.count
        var node: Int32 = 0
        var best: Match?
        var index = start
        while index < end, let next = children[UInt64(node) << 21 | UInt64(scalars[index].value)] {
            node = next
            index += 1
            if let payload = terminals[node] { best = Match(start: start, length: index - start, payload: payload) }
        }
        return best
    }

    /// Non-overlapping longest matches, left to right, within `range` (the whole text by default).
    public func matches(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [Match] {
        let range = range ?? 0..<scalars.count
        var found: [Match] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = longest(in: scalars, at: index, end: range.upperBound) {
                found.append(match)
                index = match.end
            } else {
                index += 1
            }
        }
        return found
    }
}
