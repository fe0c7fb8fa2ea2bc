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
        // An unmappable input is a whole UTF-8 character: skip its continuation bytes too.
        convert(Array(text.utf8), from: "UTF-8", to: charset) { pointer, left in
            var skip = 1
            while skip < left, UInt8(bitPattern: pointer[skip]) & 0xC0 == 0x80 { skip += 1 }
            return skip
        }
    }

    /// Decodes `bytes` from `charset` with iconv, dropping what does not convert (like `iconv -c`).
    public static func decode(_ bytes: [UInt8], from charset: String) -> String? {
        convert(bytes, from: charset, to: "UTF-8") { _, _ in 1 }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs iconv over `bytes`; at an input it cannot convert, `skip` says how many bytes to drop.
    private static func convert(
        _ bytes: [UInt8], from source: String, to target: String,
        skip: (UnsafeMutablePointer<CChar>, Int) -> Int
    ) -> [UInt8]? {
        let converter = iconv_open(target, source)
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
                    let width = skip(pointer, inLeft)
                    inPointer = pointer + width
                    inLeft -= width
                }
                written = outBuffer.count - outLeft
            }
        }
        return Array(output[..<written])
    }
}
