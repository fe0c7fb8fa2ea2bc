#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Encodes text into a legacy encoding with the C library's iconv, to build test fixtures at test
/// time (GB18030, BIG5, UTF-16LE …) from real-looking Chinese text.
///
/// ```swift
/// IconvEncoder.encode("教育", to: "GB18030")   // [0xBD, 0xCC, 0xD3, 0xFD]
/// ```
public enum IconvEncoder {
    /// `text` in `charset`; characters the charset cannot represent are dropped (like `iconv -c`).
    /// Returns nil when iconv does not know the charset.
    public static func encode(_ text: String, to charset: String) -> [UInt8]? {
        let converter = iconv_open(charset, "UTF-8")
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var written = 0
        input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    guard errno == EILSEQ, let pointer = inPointer else { break }
                    // Skip the whole UTF-8 character that has no mapping.
                    var skip = 1
                    while skip < inLeft, UInt8(bitPattern: pointer[skip]) & 0xC0 == 0x80 { skip += 1 }
                    inPointer = pointer + skip
                    inLeft -= skip
                }
                written = outBuffer.count - outLeft
            }
        }
        return Array(output[..<written])
    }

    /// Decodes `bytes` from `charset` with iconv, dropping what does not convert (like `iconv -c`).
    public static func decode(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var written = 0
        input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                while inLeft > 0 {
                    if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                    guard errno == EILSEQ, let pointer = inPointer else { break }
                    inPointer = pointer + 1
                    inLeft -= 1
                }
                written = outBuffer.count - outLeft
            }
        }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}
