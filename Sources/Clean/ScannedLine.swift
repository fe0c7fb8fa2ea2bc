/// One non-blank raw line, trimmed, with its UTF-8 bytes and shape measured once.
///
/// ```swift
/// let lines = ScannedLine.scan("标题\n\n  正文。\n")
/// lines.map(\.number)  // [1, 3]
/// lines[1].indented    // true
/// ```
public struct ScannedLine: Sendable {
    /// 1-based line number in the raw file, counting blank lines (as `sed -n Np` does).
    public var number: Int
    /// The line trimmed of surrounding whitespace.
    public var text: String
    /// Whether the raw line began with whitespace.
    public var indented: Bool
    /// The shape features of `text`.
    public var shape: LineShape
    let bytes: [UInt8]

    /// Scans one raw line (`number` is its 1-based line number).
    public init(number: Int, raw: Substring) {
        self.number = number
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, LineShape.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, LineShape.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        indented = start != scalars.startIndex
        text = String(String.UnicodeScalarView(scalars[start..<end]))
        bytes = Array(text.utf8)
        shape = LineShape(text)
    }

    /// Splits decoded text into lines the way the gold files count them (`\r\n` and a lone
    /// `\r` are one break each) and keeps the non-blank ones.
    public static func scan(_ text: String) -> [ScannedLine] {
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
                if !isBlank(line) { result.append(ScannedLine(number: number, raw: line)) }
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
            if !isBlank(line) { result.append(ScannedLine(number: number, raw: line)) }
        }
        return result
    }

    static func isBlank(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy(LineShape.isSpace)
    }
}
