/// Breaks lines longer than a limit into several, after a sentence end where one is near.
///
/// A scraped page can hold its whole text on one line (minified HTML, a file without breaks):
/// the later stages work line by line, and a single 20 MB line took 137 s and 416 MB against
/// 8 s and 316 MB for the same text in lines. Lines within the limit are untouched, so normal
/// files keep their raw line numbers.
///
/// ```swift
/// LongLines.split("一二三。四五六。", maxBytes: 12).text // "一二三。\n四五六。"
/// ```
enum LongLines {
    /// UTF-8 of the sentence ends a break goes after: 。！？； and ASCII . ! ? ;
    private static let fullWidthEnds: [[UInt8]] = ["。", "！", "？", "；"].map { Array($0.utf8) }

    /// `text` with every line over `maxBytes` UTF-8 bytes broken (at the last sentence end in
    /// the window, else at the last character boundary), and the number of breaks added.
    static func split(_ text: String, maxBytes: Int) -> (text: String, breaks: Int) {
        guard maxBytes >= 8, text.utf8.count > maxBytes else { return (text, 0) }
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                current = 0
            } else {
                current += 1
                longest = max(longest, current)
            }
        }
        guard longest > maxBytes else { return (text, 0) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / maxBytes + 1)
        var breaks = 0
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                output.append(contentsOf: bytes[lineStart...index])
                index += 1
                lineStart = index
                continue
            }
            if index - lineStart >= maxBytes {
                let cut = breakPoint(bytes, from: lineStart, to: index)
                output.append(contentsOf: bytes[lineStart..<cut])
                output.append(0x0A)
                breaks += 1
                lineStart = cut
                index = cut
                continue
            }
            index += 1
        }
        if lineStart < bytes.count { output.append(contentsOf: bytes[lineStart...]) }
        return (String(decoding: output, as: UTF8.self), breaks)
    }

    /// Where to break a window: after its last sentence end in its second half, else at the last
    /// character boundary before `end`.
    private static func breakPoint(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var position = end
        let floor = start + (end - start) / 2
        while position > floor {
            let byte = bytes[position - 1]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: ";")
            {
                return position
            }
            for ending in fullWidthEnds
            where position - ending.count >= start
                && bytes[(position - ending.count)..<position].elementsEqual(ending)
            {
                return position
            }
            position -= 1
        }
        position = end
        // Step back to the first byte of a UTF-8 sequence (not 10xxxxxx).
        while position > start + 1, bytes[position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }
}
