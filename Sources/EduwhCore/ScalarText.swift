/// Fast conversions between the `[Unicode.Scalar]` views the scanners work on and `String`.
extension String {
    /// The text of some scalars, written straight as UTF-8: ten times faster than
    /// `String(String.UnicodeScalarView(scalars))`, which appends one scalar at a time (the
    /// sentences and surfaces built this way were 7% of a load's processing).
    ///
    /// ```swift
    /// let scalars = Array("校舍12000平方米".unicodeScalars)
    /// String(scalars: scalars[0..<2])   // "校舍"
    /// ```
    @inlinable
    public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
    }
}

extension String {
    /// The text's Unicode scalars, decoded straight from its UTF-8 into an array of the right
    /// size: three to four times faster than `Array(text.unicodeScalars)`, which grows the array
    /// as the view's iterator yields. Each line is turned into scalars by several stages.
    ///
    /// ```swift
    /// "校舍12".scalarArray   // ["校", "舍", "1", "2"]
    /// ```
    public var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: Self.scalarCount(bytes)) { scalars, initialized in
                // Unicode.Scalar is a frozen struct of one UInt32, its value: the same layout.
                initialized = scalars.withMemoryRebound(to: UInt32.self) { Self.decode(bytes, into: $0) }
            }
        }
    }

    /// The values of the text's Unicode scalars (see `scalarArray`).
    public var scalarValues: [UInt32] {
        var text = self
        return text.withUTF8 { bytes in
            [UInt32](unsafeUninitializedCapacity: Self.scalarCount(bytes)) { values, initialized in
                initialized = Self.decode(bytes, into: values)
            }
        }
    }

    /// The number of Unicode scalars (`unicodeScalars.count`), counted on the UTF-8 bytes.
    public var scalarCount: Int {
        var text = self
        return text.withUTF8 { Self.scalarCount($0) }
    }

    /// The first `limit` scalars (`Array(scalarArray.prefix(limit))`), without decoding the rest.
    public func scalarPrefix(_ limit: Int) -> [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(Swift.min(limit, bytes.count))
            var i = 0
            while i < bytes.count, scalars.count < limit {
                let (value, width) = UTF8Scalar.decode(bytes, at: i)
                scalars.append(Unicode.Scalar(value)!)
                i += width
            }
            return scalars
        }
    }

    /// The number of scalars in valid UTF-8: the bytes that are not continuation bytes.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// Decodes valid UTF-8 into `values`, which has room for every scalar; returns how many
    /// were written.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into values: UnsafeMutableBufferPointer<UInt32>)
        -> Int
    {
        var i = 0
        var j = 0
        while i < bytes.count {
            let (value, width) = UTF8Scalar.decode(bytes, at: i)
            values[j] = value
            i += width
            j += 1
        }
        return j
    }
}

/// Decoding one scalar of UTF-8 by hand, for the loops that walk a line's bytes and need each
/// scalar's value (`String.scalarArray`, the search tokens): the standard library's
/// `unicodeScalars` view decodes the same, a few times slower in these loops.
public enum UTF8Scalar {
    /// The scalar starting at byte `i` of valid UTF-8 (a `String`'s, so every lead byte has its
    /// continuation bytes): its value and how many bytes it takes.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, width: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3) }
        return (
            (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4
        )
    }
}

extension String {
    /// The number of characters (`count`, grapheme clusters), without Unicode's cluster rules
    /// when no scalar of the text can join another: ASCII but CR, Latin-1, CJK ideographs and
    /// punctuation, fullwidth forms. Other text falls back to `count`. Counting a report's body
    /// with `count` was 2% of a load's processing.
    ///
    /// ```swift
    /// "全县投入3.48亿元".characterCount   // 10
    /// ```
    public var characterCount: Int {
        var text = self
        // Decoded from the UTF-8 bytes: the unicodeScalars view's iterator was most of the cost.
        let simple: Int? = text.withUTF8 { bytes in
            var scalars = 0
            var i = 0
            while i < bytes.count {
                let (value, width) = UTF8Scalar.decode(bytes, at: i)
                i += width
                switch value {
                case 0x0D: return nil  // CR LF is one character
                // Latin before the combining marks, CJK and its punctuation, general punctuation
                // (—…“”), letterlike and number forms to dingbats (Ⅱ ① ■ ★), CJK compatibility and
                // small forms, full-width forms: no scalar here joins its neighbour.
                case 0..<0x300, 0x2010..<0x2028, 0x2030..<0x205F, 0x2100..<0x2800, 0x2E80..<0x302A, 0x3030..<0x3099,
                    0x309B..<0xA000, 0xFE30..<0xFE70, 0xFF01..<0xFF61:
                    scalars += 1
                default: return nil  // may combine: ask the standard library
                }
            }
            return scalars
        }
        return simple ?? count
    }
}

/// A set of Unicode scalars with a bitmap for the Basic Multilingual Plane: membership is one
/// load and a mask, where `Set<Unicode.Scalar>` hashes the scalar (the place scanner asks at
/// every character of every line whether it is a placeholder mark).
///
/// ```swift
/// let marks = ScalarSet(["x", "X", "×"])
/// marks.contains("×")   // true
/// ```
public struct ScalarSet: Sendable, Hashable {
    @usableFromInline let bits: [UInt64]
    @usableFromInline let astral: Set<Unicode.Scalar>

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        var astral: Set<Unicode.Scalar> = []
        for scalar in scalars {
            if scalar.value < 0x10000 {
                bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                astral.insert(scalar)
            }
        }
        self.bits = bits
        self.astral = astral
    }

    @inlinable
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 ? contains(bmp: scalar.value) : containsAstral(scalar)
    }

    @inlinable
    func contains(bmp value: UInt32) -> Bool {
        bits.withUnsafeBufferPointer { $0[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
    }

    @usableFromInline
    func containsAstral(_ scalar: Unicode.Scalar) -> Bool { astral.contains(scalar) }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (PropList.txt) by value, without the property lookup of
    /// `properties.isWhitespace` (asked for every scalar of some per-line tests).
    @inlinable
    public var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
