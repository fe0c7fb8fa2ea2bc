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

    /// Edges (parent node << 21 | scalar) → child node, in an open-addressing table: the scans
    /// look up one edge per scalar of every line, and Swift's `Dictionary` (SipHash) made the
    /// place gazetteer a tenth of a load's CPU.
    private var edgeKeys: [UInt64]
    private var edgeNodes: [Int32]
    private var mask: Int
    /// The first scalars of the words: most positions of a text start no word, and one bit
    /// says so without probing the edge table.
    private var starts: ScalarSet
    /// The first two scalars of the words of two or more scalars, hashed into a bitmap (false
    /// positives only): where the first scalar starts a word but the pair starts none, only a
    /// one-scalar word can match, and most positions end here without probing the edge table.
    private var pairs: [UInt64]
    /// The one-scalar words.
    private var singles: ScalarSet
    /// Payload of each node, empty for inner nodes.
    private var terminals: [[Int]] = [[]]
    private var isTerminal: [Bool] = [false]

    private static let emptyKey = UInt64.max

    public init(_ words: [String: [Int]]) {
        let edgeCount = words.keys.reduce(0) { $0 + $1.unicodeScalars.count }
        var capacity = 16
        while capacity < edgeCount * 2 { capacity <<= 1 }
        edgeKeys = Array(repeating: Self.emptyKey, count: capacity)
        edgeNodes = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        starts = ScalarSet(words.keys.compactMap(\.unicodeScalars.first))
        singles = ScalarSet(words.keys.filter { $0.unicodeScalars.count == 1 }.compactMap(\.unicodeScalars.first))
        pairs = [UInt64](repeating: 0, count: Self.pairBits / 64)
        for word in words.keys {
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= 2 else { continue }
            let bit = Self.pairBit(scalars[0], scalars[1])
            pairs[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        var nodeCount: Int32 = 1
        for (word, payload) in words.sorted(by: { $0.key < $1.key }) where !word.isEmpty {
            var node: Int32 = 0
            for scalar in word.unicodeScalars {
                let edge = UInt64(node) << 21 | UInt64(scalar.value)
                if let next = child(edge) {
                    node = next
                } else {
                    insert(edge, nodeCount)
                    terminals.append([])
                    isTerminal.append(false)
                    node = nodeCount
                    nodeCount += 1
                }
            }
            terminals[Int(node)] += payload
            isTerminal[Int(node)] = true
        }
    }

    /// Size of the pair bitmap: 2^17 bits (16 KiB), so it stays in the L1 cache beside the
    /// text; the place scan stalled on it at 64 KiB (trie 3.0–3.3% → 2.6–2.7% of a load's
    /// samples; 8 KiB was no faster). A few more false positives only cost an edge probe.
    private static let pairBits = 1 << 17

    @inline(__always)
    private static func pairBit(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        let key = UInt64(first.value) << 21 | UInt64(second.value)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 45) & (pairBits - 1)
    }

    @inline(__always)
    private func mayStartPair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        let bit = Self.pairBit(first, second)
        return pairs.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    private func child(_ key: UInt64) -> Int32? {
        var index = slot(key)
        while true {
            let found = edgeKeys[index]
            if found == key { return edgeNodes[index] }
            if found == Self.emptyKey { return nil }
            index = (index + 1) & mask
        }
    }

    private mutating func insert(_ key: UInt64, _ node: Int32) {
        var index = slot(key)
        while edgeKeys[index] != Self.emptyKey { index = (index + 1) & mask }
        edgeKeys[index] = key
        edgeNodes[index] = node
    }

    /// The longest word starting at `start`, if any.
    public func longest(in scalars: [Unicode.Scalar], at start: Int, end limit: Int? = nil) -> Match? {
        // An end past the text stops the walk at the text's end (the walk reads no further).
        let end = min(limit ?? scalars.count, scalars.count)
        guard start < end else { return nil }
        precondition(start >= 0, "negative start")
        // Read through buffer pointers: the scans call this at every position of every line
        // (places) and sentence (signal and grammar words), and each array access was checked.
        return scalars.withUnsafeBufferPointer { text -> Match? in
            let first = text[start]
            guard starts.contains(first) else { return nil }
            if start + 1 >= end || !mayStartPair(first, text[start + 1]) {
                // No word of two or more scalars starts here: at most a one-scalar word.
                guard singles.contains(first), let node = child(UInt64(first.value)), isTerminal[Int(node)]
                else { return nil }
                return Match(start: start, length: 1, payload: terminals[Int(node)])
            }
            let (bestEnd, bestNode) = walk(text, from: start, to: end)
            guard bestEnd >= 0 else { return nil }
            return Match(start: start, length: bestEnd - start, payload: terminals[Int(bestNode)])
        }
    }

    /// Follows the trie along `text[start..<end]` from the root: where the last word passed on
    /// the way ends and its node, or -1 when no word was passed.
    @inline(__always)
    private func walk(_ text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, to end: Int) -> (Int, Int32) {
        edgeKeys.withUnsafeBufferPointer { keys in
            edgeNodes.withUnsafeBufferPointer { nodes in
                isTerminal.withUnsafeBufferPointer { terminal in
                    var node: Int32 = 0
                    var bestEnd = -1
                    var bestNode: Int32 = 0
                    var index = start
                    scan: while index < end {
                        let key = UInt64(node) << 21 | UInt64(text[index].value)
                        var probe = slot(key)
                        while true {
                            let found = keys[probe]
                            if found == key { break }
                            if found == Self.emptyKey { break scan }
                            probe = (probe + 1) & mask
                        }
                        node = nodes[probe]
                        index += 1
                        if terminal[Int(node)] {
                            bestEnd = index
                            bestNode = node
                        }
                    }
                    return (bestEnd, bestNode)
                }
            }
        }
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

extension WordTrie {
    /// Every word of a trie that starts in one span of a text (a sentence), found once, for the
    /// many scans of ranges inside it that a sentence's figures ask for (the words before, after
    /// and around each one): `matches(in:range:)` gives exactly what the trie's own scan of the
    /// range gives, without walking the trie again.
    public struct Occurrences: Sendable {
        /// The span the words were looked for in.
        public let span: Range<Int>
        /// For position `span.lowerBound + k`, its words are `lengths[starts[k]..<starts[k + 1]]`,
        /// shortest first, with their payloads in `payloads`.
        let starts: [Int32]
        let lengths: [Int32]
        let payloads: [[Int]]

        /// Whether `range` lies inside the span (only such ranges can be scanned here).
        public func covers(_ range: Range<Int>) -> Bool {
            range.lowerBound >= span.lowerBound && range.upperBound <= span.upperBound
        }

        /// The non-overlapping longest matches, left to right, within `range` (which the span must
        /// cover): at each position the longest word that ends inside the range, as
        /// `WordTrie.matches` finds them.
        public func matches(in range: Range<Int>) -> [Match] {
            precondition(covers(range), "range outside the span the words were found in")
            var found: [Match] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let k = index - span.lowerBound
                var word = Int(starts[k + 1]) - 1
                while word >= Int(starts[k]), index + Int(lengths[word]) > range.upperBound { word -= 1 }
                if word >= Int(starts[k]) {
                    let length = Int(lengths[word])
                    found.append(Match(start: index, length: length, payload: payloads[word]))
                    index += length
                } else {
                    index += 1
                }
            }
            return found
        }
    }

    /// The words starting at each position of `span` in `scalars` (ending inside it).
    public func occurrences(in scalars: [Unicode.Scalar], span: Range<Int>) -> Occurrences {
        let span = span.clamped(to: 0..<scalars.count)
        var firsts: [Int32] = [0]
        var lengths: [Int32] = []
        var payloads: [[Int]] = []
        firsts.reserveCapacity(span.count + 1)
        for start in span {
            defer { firsts.append(Int32(lengths.count)) }
            guard starts.contains(scalars[start]) else { continue }
            var node: Int32 = 0
            var index = start
            while index < span.upperBound, let next = child(UInt64(node) << 21 | UInt64(scalars[index].value)) {
                node = next
                index += 1
                if isTerminal[Int(node)] {
                    lengths.append(Int32(index - start))
                    payloads.append(terminals[Int(node)])
                }
            }
        }
        return Occurrences(span: span, starts: firsts, lengths: lengths, payloads: payloads)
    }
}
