/// The slow, careful look at bytes that failed fast UTF-8 validation: how many sequences are
/// invalid, how many multi-byte characters are fine, and whether only the last character is cut.
///
/// ```swift
/// let bytes: [UInt8] = Array("教育".utf8) + [0xE5, 0xB1]     // 局 cut after two of its three bytes
/// UTF8Check.incompleteTailStart(bytes[...])                   // 6
/// ```
struct UTF8Check: Sendable, Hashable {
    /// Invalid sequences (each would become one U+FFFD).
    var invalidSequences = 0
    /// Runs of adjacent invalid sequences: one damaged spot (a byte inserted into a character
    /// makes up to four invalid sequences in a row).
    var damagedSpots = 0
    /// Offset of the first invalid sequence.
    var firstInvalidOffset: Int?
    /// Valid characters of two to four bytes.
    var validMultiByte = 0

    /// Scans `bytes`, stopping early once more than 16 sequences are invalid and they outnumber
    /// 1% of the valid multi-byte characters (clearly not UTF-8: the counts are then lower bounds).
    init(_ bytes: ArraySlice<UInt8>) {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var previousWasError = false
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 { validMultiByte += 1 }
                offset += encoded.count
                previousWasError = false
            case .error(let length):
                invalidSequences += 1
                if !previousWasError { damagedSpots += 1 }
                previousWasError = true
                if firstInvalidOffset == nil { firstInvalidOffset = offset }
                offset += length
                if invalidSequences > 16, invalidSequences * 100 > validMultiByte { return }
            case .emptyInput:
                return
            }
        }
    }

    /// Where an incomplete multi-byte character at the very end starts, if the bytes end with
    /// one (a lead byte followed by fewer continuation bytes than it announces).
    static func incompleteTailStart(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.endIndex
        var continuations = 0
        while index > bytes.startIndex, continuations < 4 {
            index -= 1
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 {
                continuations += 1
                continue
            }
            let length =
                byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 && byte < 0xF0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            return length > continuations + 1 ? index : nil
        }
        return nil
    }
}
