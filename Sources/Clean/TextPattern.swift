import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a rule recognises a line's text: literal alternatives searched as UTF-8 bytes, one
/// precompiled regular expression, or nothing (the rule's conditions decide alone).
///
/// ```swift
/// let pattern = try TextPattern(match: "contains", pattern: "试读结束|预览结束")
/// pattern.matches(ScannedLine(number: 1, raw: "……试读结束……"))  // true
/// ```
public struct TextPattern: Sendable {
    /// The ways a pattern can match, as written in a rule table's `match` column.
    public enum Kind: String, Sendable, CaseIterable {
        /// No pattern: the rule's conditions decide alone.
        case any
        /// One of the `|`-separated literals occurs in the line.
        case contains
        /// The line starts with one of the literals.
        case prefix
        /// The line ends with one of the literals.
        case suffix
        /// The line is one of the literals.
        case exact
        /// The ICU regular expression matches somewhere in the line.
        case regex
    }

    /// How the pattern matches.
    public let kind: Kind
    let literals: [Literal]
    let regex: NSRegularExpression?
    /// Literals of which one must occur before the pattern is tried (the `needs` cell): a
    /// cheap filter that spares a regular expression most lines.
    let needs: [Literal]

    /// A literal's UTF-8 bytes and the pair-filter bits a line needs for it to occur.
    struct Literal: Sendable {
        let bytes: [UInt8]
        let pairs: [(word: Int, bits: UInt64)]
        /// The entry of `pairs` with the most bits, kept inline: most lines fail it, and a rule
        /// table's literals are then tried without reading each one's `pairs` array (that pointer
        /// chase was most of `matches`, 3.7% of a load's samples).
        let first: (word: Int, bits: UInt64)

        init(_ text: Substring) {
            bytes = Array(text.utf8)
            pairs = PairBloom.requirement(of: bytes)
            first = pairs.max { $0.bits.nonzeroBitCount < $1.bits.nonzeroBitCount } ?? (0, 0)
        }
    }

    /// Builds a pattern from a rule table's `match` and `pattern` cells.
    ///
    /// Throws a one-line reason when the kind is unknown, a literal list is empty or the
    /// regular expression does not compile.
    public init(match: String, pattern: String, needs: String = "") throws(PatternError) {
        self.needs = needs.split(separator: "|").map(Literal.init)
        guard let kind = Kind(rawValue: match) else {
            throw PatternError(
                reason: "unknown match '\(match)' (use \(Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.kind = kind
        switch kind {
        case .any:
            literals = []
            regex = nil
        case .regex:
            guard !pattern.isEmpty else { throw PatternError(reason: "empty regex") }
            do {
                regex = try NSRegularExpression(pattern: pattern)
            } catch {
                throw PatternError(reason: "regex does not compile: \(pattern)")
            }
            literals = []
        case .contains, .prefix, .suffix, .exact:
            let words = pattern.split(separator: "|").map(Literal.init)
            guard !words.isEmpty else { throw PatternError(reason: "\(match) needs at least one |-separated literal") }
            literals = words
            regex = nil
        }
    }

    /// Whether the pattern matches a line.
    func matches(_ line: ScannedLine) -> Bool {
        if !needs.isEmpty, !needs.contains(where: { Self.find($0, in: line) }) { return false }
        switch kind {
        case .any:
            return true
        case .regex:
            let text = line.matchText
            return regex!.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        case .contains:
            return literals.contains { Self.find($0, in: line) }
        case .prefix:
            return literals.contains {
                line.bytes.count >= $0.bytes.count && line.bytes[0..<$0.bytes.count].elementsEqual($0.bytes)
            }
        case .suffix:
            return literals.contains {
                line.bytes.count >= $0.bytes.count
                    && line.bytes[(line.bytes.count - $0.bytes.count)...].elementsEqual($0.bytes)
            }
        case .exact:
            return literals.contains { line.bytes == $0.bytes }
        }
    }

    /// Whether `needle` occurs in a line, asking its pair filter first.
    static func find(_ needle: Literal, in line: ScannedLine) -> Bool {
        line.pairBloom.mayContain(needle.first) && line.pairBloom.mayContain(needle.pairs)
            && find(needle.bytes, in: line.bytes)
    }

    /// Whether `needle` occurs in `haystack` (UTF-8 bytes): `memchr` finds the needle's last
    /// byte (a continuation byte for CJK, so rarely a false lead), `memcmp` checks the rest.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        let n = needle.count
        let h = haystack.count
        guard n > 0, n <= h else { return n == 0 }
        return haystack.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                let base = hp.baseAddress!
                let lastByte = Int32(np[n - 1])
                var i = n - 1
                while i < h {
                    guard let hit = memchr(base + i, lastByte, h - i) else { return false }
                    let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + (end - n + 1), np.baseAddress!, n) == 0 { return true }
                    i = end + 1
                }
                return false
            }
        }
    }
}

/// Why a rule's pattern could not be built (wrapped into `file:line: reason` by the loader).
public struct PatternError: Error, Sendable, Hashable {
    /// What is wrong, in one line.
    public var reason: String
}
