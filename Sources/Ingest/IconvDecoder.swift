#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes bytes of a legacy or UTF-16 encoding to UTF-8 with the C library's `iconv`, counting
/// what did not fit instead of stopping at it.
///
/// Foundation has no GBK and its GB2312 table differs from iconv's; glibc's iconv converts
/// GB18030, BIG5 and UTF-16 at about 150 MB/s. Invalid sequences become U+FFFD and are counted
/// (the detector decides whether a decoding with N of them is still believable); an incomplete
/// character at the very end (a scraper cut mid-character) is left out and reported.
///
/// ```swift
/// let gb: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xD6]          // 中文 + a cut-off lead byte
/// let decoded = IconvDecoder.decode(gb[...], charset: "GB18030")!
/// decoded.text                // "中文"
/// decoded.truncatedTailBytes  // 1
/// ```
struct IconvDecoder {
    /// What one conversion produced.
    struct Decoding: Sendable {
        /// The decoded text (U+FFFD where a sequence was invalid).
        var text: String
        /// How many invalid sequences were replaced by U+FFFD.
        var invalidSequences: Int
        /// Offset in the input of the first invalid sequence.
        var firstInvalidOffset: Int?
        /// Bytes of an incomplete character at the end that were left out.
        var truncatedTailBytes: Int
    }

    /// Converts `bytes` from `charset` (an iconv name such as "GB18030", "CP950", "UTF-16LE");
    /// `unitSize` is how many bytes to skip past an invalid sequence (2 for UTF-16).
    /// Returns nil when iconv does not know the charset.
    static func decode(_ bytes: ArraySlice<UInt8>, charset: String, unitSize: Int = 1) -> Decoding? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }

        var capacity = bytes.count + bytes.count / 2 + 64
        var output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { output.deallocate() }
        var written = 0
        var invalid = 0
        var firstInvalid: Int?
        var truncated = 0

        bytes.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base).assumingMemoryBound(
                to: CChar.self)
            var inLeft = input.count
            while inLeft > 0 {
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + written)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = capacity - written
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                written = capacity - outLeft
                if status != -1 { break }
                switch errno {
                case E2BIG:
                    grow(&output, capacity: &capacity, written: written, needed: inLeft * 2 + 64)
                case EILSEQ:
                    invalid += 1
                    if firstInvalid == nil { firstInvalid = input.count - inLeft }
                    if capacity - written < 3 { grow(&output, capacity: &capacity, written: written, needed: 64) }
                    output[written] = 0xEF
                    output[written + 1] = 0xBF
                    output[written + 2] = 0xBD
                    written += 3
                    let skip = min(unitSize, inLeft)
                    inPointer = inPointer.map { $0 + skip }
                    inLeft -= skip
                case EINVAL:
                    truncated = inLeft
                    inLeft = 0
                default:
                    // Unexpected: count the rest as one invalid stretch rather than loop forever.
                    invalid += 1
                    if firstInvalid == nil { firstInvalid = input.count - inLeft }
                    inLeft = 0
                }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: output, count: written), as: UTF8.self)
        return Decoding(
            text: text, invalidSequences: invalid, firstInvalidOffset: firstInvalid, truncatedTailBytes: truncated)
    }

    private static func grow(
        _ buffer: inout UnsafeMutablePointer<UInt8>, capacity: inout Int, written: Int, needed: Int
    ) {
        let newCapacity = max(capacity * 2, written + needed)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: buffer, count: written)
        buffer.deallocate()
        buffer = bigger
        capacity = newCapacity
    }
}
