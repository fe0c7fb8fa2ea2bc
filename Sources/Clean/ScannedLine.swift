/// One non-blank raw line, trimmed, with its UTF-8 bytes and shape measured once.
///
/// ```swift
/// let lines = ScannedLine.scan("标题\n\n  正文。\n")
/// lines.map(\.number)  // [1, 3]
/// lines[1].indented    // true
/// ```
public final class ScannedLine: Sendable {
    /// 1-based line number in the raw file, counting blank lines (as `sed -n Np` does).
    public let number: Int
    /// The line trimmed of surrounding whitespace.
    public let text: String
    /// The text rules are matched against: `text` with traditional characters folded to
    /// simplified ones (the same string when there are none).
    public let matchText: String
    /// Whether the raw line began with whitespace.
    public let indented: Bool
    /// The shape features of `text`.
    public let shape: LineShape
    let bytes: [UInt8]
    /// A Bloom filter of the line's adjacent byte pairs: a literal with a pair it lacks cannot
    /// occur, so most literal searches end without scanning.
    let pairBloom: PairBloom

    /// Scans one raw line (`number` is its 1-based line number).
    public init(number: Int, raw: Substring, folding: ScriptFolding? = nil) {
        self.number = number
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, LineShape.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, LineShape.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        indented = start != scalars.startIndex
        text = String(raw[start..<end])
        matchText = folding?.foldedIfChanged(text) ?? text
        bytes = Array(matchText.utf8)
        pairBloom = PairBloom(bytes)
        shape = LineShape(text)
    }

    /// Splits decoded text into lines the way the gold files count them (`\r\n` and a lone
    /// `\r` are one break each) and keeps the non-blank ones.
    public static func scan(_ text: String, folding: ScriptFolding? = nil) -> [ScannedLine] {
        var result: [ScannedLine] = []
        var number = 0
        var lineStart = text.startIndex
        let utf8 = text.utf8
        var iterIndex = utf8.startIndex
        while iterIndex < utf8.endIndex {
            let byte = utf8[iterIndex]
            if byte == 10 || byte == 13 {
                number += 1
                let line = text[lineStart..<iterIndex]
                if !isBlank(line) { result.append(ScannedLine(number: number, raw: line, folding: folding)) }
                var next = utf8.index(after: iterIndex)
                if byte == 13, next < utf8.endIndex, utf8[next] == 10 { next = utf8.index(after: next) }
                iterIndex = next
                lineStart = next
                continue
            }
            iterIndex = utf8.index(after: iterIndex)
        }
        if lineStart < text.endIndex {
            number += 1
            let line = text[lineStart...]
            if !isBlank(line) { result.append(ScannedLine(number: number, raw: line, folding: folding)) }
        }
        return result
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy(LineShape.isSpace)
    }
}

/// A 2048-bit set of hashed adjacent byte pairs: of a line (see `ScannedLine.pairBloom`), or
/// of a literal, as the bits the line must have for the literal to occur in it.
///
/// A literal is looked for only when all its pairs may occur. With only its last pair asked, a
/// long body paragraph (900 bytes) filled a 512-bit set so far that most literals passed, and
/// the search behind it (memchr for a continuation byte, then memcmp) ran on nearly every line.
struct PairBloom: Sendable {
    static let wordCount = 32
    private var words: [UInt64]

    init(_ bytes: [UInt8]) {
        words = [UInt64](unsafeUninitializedCapacity: Self.wordCount) { w, initialized in
            w.initialize(repeating: 0)
            initialized = Self.wordCount
            bytes.withUnsafeBufferPointer { bytes in
                guard bytes.count >= 2 else { return }
                var previous = bytes[0]
                for byte in bytes[1...] {
                    // `slot` is below 2048: a word index below `wordCount`.
                    let bit = Self.slot(previous, byte)
                    w[bit >> 6] |= 1 << UInt64(bit & 63)
                    previous = byte
                }
            }
        }
    }

    static func slot(_ a: UInt8, _ b: UInt8) -> Int {
        Int(((UInt32(a) << 8 | UInt32(b)) &* 2_654_435_761) >> 21)
    }

    /// The literal's pairs as (word, bits) for `mayContain`: at most one entry per pair.
    static func requirement(of literal: [UInt8]) -> [(word: Int, bits: UInt64)] {
        let set = PairBloom(literal)
        return set.words.indices.compactMap { set.words[$0] == 0 ? nil : ($0, set.words[$0]) }
    }

    /// False when the pairs of one entry of a `requirement` certainly do not all occur.
    @inline(__always)
    func mayContain(_ entry: (word: Int, bits: UInt64)) -> Bool {
        words.withUnsafeBufferPointer { $0[entry.word] & entry.bits == entry.bits }
    }

    /// False when some pair of the literal whose `requirement` this is certainly does not occur.
    func mayContain(_ requirement: [(word: Int, bits: UInt64)]) -> Bool {
        words.withUnsafeBufferPointer { w in
            for (word, bits) in requirement where w[word] & bits != bits { return false }
            return true
        }
    }
}
