#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns CRLF and lone CR line breaks into LF, touching nothing else (line numbers of the raw
/// file stay the same: `RawDocument.splitLines` counts CRLF and CR as one break each).
///
/// ```swift
/// LineBreaks.normalized("一\r\n二\r三\n")   // "一\n二\n三\n"
/// ```
enum LineBreaks {
    /// `text` with `\n` line breaks; returns `text` itself when it holds no CR.
    static func normalized(_ text: String) -> String {
        var text = text
        let hasCR = text.withUTF8 { buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        guard hasCR else { return text }
        var output: [UInt8] = []
        text.withUTF8 { buffer in
            output.reserveCapacity(buffer.count)
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 0x0D {
                    output.append(0x0A)
                    if index + 1 < buffer.count, buffer[index + 1] == 0x0A { index += 1 }
                } else {
                    output.append(byte)
                }
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
