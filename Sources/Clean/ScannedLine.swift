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
    /// A 512-bit Bloom filter of the line's adjacent byte pairs: a literal whose last pair is
    /// absent cannot occur, so most literal searches end without scanning.
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

/// A 512-bit set of hashed adjacent byte pairs of a line (see `ScannedLine.pairBloom`).
struct PairBloom: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

    init(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        var w = [UInt64](repeating: 0, count: 8)
        var previous = bytes[0]
        for byte in bytes.dropFirst() {
            let bit = Self.slot(previous, byte)
            w[bit >> 6] |= 1 << UInt64(bit & 63)
            previous = byte
        }
        words = (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7])
    }

    static func slot(_ a: UInt8, _ b: UInt8) -> Int {
        Int(((UInt32(a) << 8 | UInt32(b)) &* 2_654_435_761) >> 23)
    }

    /// False when the pair `a b` certainly does not occur.
    func mayContain(_ a: UInt8, _ b: UInt8) -> Bool {
        let bit = Self.slot(a, b)
        let word: UInt64
        switch bit >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        case 3: word = words.3
        case 4: word = words.4
        case 5: word = words.5
        case 6: word = words.6
        default: word = words.7
        }
        return word & (1 << UInt64(bit & 63)) != 0
    }
}
