import EduwhCore

/// A line as an array of scalar values, with helpers to compare words and cut surfaces.
///
/// Traditional characters are folded to simplified ones one for one (`rules/normalize/traditional.tsv`)
/// so that every rule matches in simplified script; offsets stay those of the raw text and
/// surfaces (`text(_:)`) are cut from the raw text.
///
/// ```swift
/// let line = ScalarLine("約4.1萬平方米")
/// line.text(0..<2)   // "約4"
/// line[4] == 0x4E07  // true (萬 reads as 万)
/// ```
struct ScalarLine {
    /// The scalars as matched (traditional characters folded, pinyin glosses taken out).
    let s: [UInt32]
    /// The raw scalars when folding changed any; nil when `s` is the raw text.
    let raw: [UInt32]?
    /// With pinyin glosses taken out of `s` (個(gè) reads as 个): where each scalar stands in the
    /// raw line; nil when the line has no gloss (one reference, to keep the line small to copy).
    let glossed: GlossMap?

    /// The raw index of each scalar of a glossed line's `s`, and the whole raw line.
    final class GlossMap: Sendable {
        let origin: [Int]
        let full: [UInt32]
        init(origin: [Int], full: [UInt32]) {
            self.origin = origin
            self.full = full
        }
    }

    /// The raw index of each scalar, when pinyin glosses were taken out.
    var origin: [Int]? { glossed?.origin }
    /// Which kinds of marks the line holds (`hasBracket`, `hasLatinURLStart`, `hasQuote`), so that
    /// passes looking for them skip the lines that have none.
    let features: UInt8
    var count: Int { s.count }

    /// [ 〔 【 ［ ( （ 〖: a document number may open here.
    static let hasBracket: UInt8 = 1
    /// h w H W: a web address may start here.
    static let hasLatinURLStart: UInt8 = 2
    /// “ ” 「 」 『 』 ‘ ’ " 《 》 〈 〉: quotations and book titles.
    static let hasQuote: UInt8 = 4
    /// ( after a Han character and before a Latin letter: maybe a pinyin gloss (個(gè)).
    static let hasGloss: UInt8 = 8

    init(_ text: String) {
        // One pass over the UTF-8: decode, fold and note the marks (the line used to be decoded,
        // counted and folded in three passes).
        var text = text
        var features: UInt8 = 0
        var folded = false
        let fold = TraditionalFold.table
        let bits = TraditionalFold.bits
        let decoded = text.withUTF8 { bytes in
            bits.withUnsafeBufferPointer { bits in
                [UInt32](unsafeUninitializedCapacity: bytes.count) { values, initialized in
                    initialized = Self.decode(
                        bytes, into: values, bits: bits, fold: fold, features: &features, folded: &folded)
                }
            }
        }
        let rawScalars = folded ? text.scalarValues : nil
        self.features = features
        if features & Self.hasGloss != 0, let glosses = Self.glosses(in: decoded) {
            var kept: [Int] = []
            kept.reserveCapacity(decoded.count)
            var g = 0
            var k = 0
            while k < decoded.count {
                if g < glosses.count, glosses[g].lowerBound == k {
                    k = glosses[g].upperBound
                    g += 1
                    continue
                }
                kept.append(k)
                k += 1
            }
            glossed = GlossMap(origin: kept, full: rawScalars ?? decoded)
            raw = rawScalars.map { r in kept.map { r[$0] } }
            s = kept.map { decoded[$0] }
        } else {
            s = decoded
            raw = rawScalars
            glossed = nil
        }
    }

    /// Decodes UTF-8 `bytes` into `values` (room for one scalar a byte), folding the traditional
    /// characters `bits` marks (U+4E00–U+9FFF) through `fold`, and notes the marks `features`
    /// tracks; returns the number of scalars. The hot path of every line: a Han character costs a
    /// range test and one bitmap word (no overflow or bounds checks: `bytes` is valid UTF-8).
    @inline(__always)
    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, into values: UnsafeMutableBufferPointer<UInt32>,
        bits: UnsafeBufferPointer<UInt64>, fold: [UInt16], features: inout UInt8, folded: inout Bool
    ) -> Int {
        guard let base = bytes.baseAddress, let out = values.baseAddress, let words = bits.baseAddress else { return 0 }
        var i = 0
        var j = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(base[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i &+= 1
                switch v {
                case 0x28:
                    features |= hasBracket
                    // 個(gè): a bracket after a Han character opening Latin letters may be a gloss.
                    if j > 0, out[j &- 1] >= 0x3400, i < n,
                        (base[i] >= 0x61 && base[i] <= 0x7A) || (base[i] >= 0xC3 && base[i] <= 0xC9)
                    {
                        features |= hasGloss
                    }
                case 0x5B: features |= hasBracket
                case 0x68, 0x77, 0x48, 0x57: features |= hasLatinURLStart
                case 0x22: features |= hasQuote
                default: break
                }
            } else if b0 < 0xE0 {
                v = (b0 & 0x1F) << 6 | UInt32(base[i &+ 1] & 0x3F)
                i &+= 2
            } else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(base[i &+ 1] & 0x3F) << 6 | UInt32(base[i &+ 2] & 0x3F)
                i &+= 3
                if v &- 0x4E00 < 0x5200 {
                    if words[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 {
                        v = UInt32(fold[Int(v)])
                        folded = true
                    }
                } else {
                    switch v {
                    case 0x3014, 0x3010, 0xFF3B, 0xFF08, 0x3016: features |= hasBracket
                    case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0x2018, 0x2019, 0x300A, 0x300B, 0x3008, 0x3009:
                        features |= hasQuote
                    default: break
                    }
                }
            } else {
                v =
                    (b0 & 0x07) << 18 | UInt32(base[i &+ 1] & 0x3F) << 12 | UInt32(base[i &+ 2] & 0x3F) << 6
                    | UInt32(base[i &+ 3] & 0x3F)
                i &+= 4
            }
            out[j] = v
            j &+= 1
        }
        return j
    }

    /// Pinyin glosses a site put after characters, 個(gè) 學(xué) 的(de): a bracket right after a Han
    /// character holding one to six lower-case Latin letters. A line counts as glossed when at least
    /// one gloss carries a tone mark; then toneless ones (的(de)) go too. Nil when there are none.
    static func glosses(in s: [UInt32]) -> [Range<Int>]? {
        var found: [Range<Int>] = []
        var toned = false
        var k = 1
        while k < s.count {
            let open = s[k]
            guard open == 0x28, ScalarClass.isHan(s[k - 1]) else {
                k += 1
                continue
            }
            var m = k + 1
            var marks = false
            while m < s.count, m - k <= 7 {
                let v = s[m]
                if v >= 0x61 && v <= 0x7A {
                } else if (v >= 0xC0 && v <= 0x24F) || (v >= 0x300 && v <= 0x36F) {
                    marks = true
                } else {
                    break
                }
                m += 1
            }
            if m > k + 1, m - k <= 7, m < s.count, s[m] == 0x29 {
                found.append(k..<(m + 1))
                toned = toned || marks
                k = m + 1
                continue
            }
            k += 1
        }
        return toned ? found : nil
    }

    /// The raw index of scalar `i` (`count` maps to the raw line's end): offsets reported outside
    /// Normalize count the raw text, glosses included.
    func rawOffset(_ i: Int) -> Int {
        guard let glossed else { return i }
        return i < glossed.origin.count ? glossed.origin[i] : glossed.full.count
    }

    @inline(__always)
    subscript(_ i: Int) -> UInt32 { s[i] }

    /// The scalar at `i`, or 0 outside the line.
    @inline(__always)
    func at(_ i: Int) -> UInt32 { i >= 0 && i < s.count ? s[i] : 0 }

    /// The first index from `i` on whose scalar is in the BMP and has a bit of `mask` in `flags`
    /// (a table indexed by scalar, 0x10000 entries), or `count`. Scanners pass the characters that
    /// start nothing (most Han characters) in this tight loop instead of one full step each.
    @inline(__always)
    func nextFlagged(from i: Int, in flags: [UInt8], mask: UInt8) -> Int {
        s.withUnsafeBufferPointer { scalars in
            flags.withUnsafeBufferPointer { flags in
                var k = i
                while k < scalars.count {
                    let v = scalars[k]
                    if v < 0x10000, flags[Int(v)] & mask != 0 { return k }
                    k &+= 1
                }
                return k
            }
        }
    }

    /// The first index from `i` on whose scalar `stops` accepts, or `count`: a pass looking for a few
    /// marks (quotation marks, brackets) runs over the other characters in this tight loop.
    @inline(__always)
    func firstIndex(from i: Int, where stops: (UInt32) -> Bool) -> Int {
        s.withUnsafeBufferPointer { scalars in
            var k = i
            while k < scalars.count, !stops(scalars[k]) { k &+= 1 }
            return k
        }
    }

    /// True when `word` stands at `i`.
    @inline(__always)
    func matches(_ word: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= s.count else { return false }
        var k = 0
        while k < word.count {
            if s[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// True when `word` ends right before `i`.
    @inline(__always)
    func matches(_ word: [UInt32], endingAt i: Int) -> Bool {
        matches(word, at: i - word.count)
    }

    /// The raw text of scalars `range`.
    func text(_ range: Range<Int>) -> String {
        if let glossed {
            // A glossed line: cut the raw text, glosses inside the range included.
            guard !range.isEmpty else { return "" }
            return Self.string(glossed.full[glossed.origin[range.lowerBound]...glossed.origin[range.upperBound - 1]])
        }
        return Self.string((raw ?? s)[range])
    }

    /// The text of scalar values, encoded to UTF-8 in one buffer (appending to a
    /// `String.UnicodeScalarView` one scalar at a time cost more than the scan that found the
    /// surface). A value that is no scalar (a surrogate, past U+10FFFF) is left out, as before.
    static func string(_ values: ArraySlice<UInt32>) -> String {
        String(unsafeUninitializedCapacity: values.count * 4) { buffer in
            var n = 0
            for v in values {
                switch v {
                case 0..<0x80:
                    buffer[n] = UInt8(v)
                    n += 1
                case 0x80..<0x800:
                    buffer[n] = UInt8(0xC0 | v >> 6)
                    buffer[n + 1] = UInt8(0x80 | v & 0x3F)
                    n += 2
                case 0x800..<0xD800, 0xE000..<0x10000:
                    buffer[n] = UInt8(0xE0 | v >> 12)
                    buffer[n + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | v & 0x3F)
                    n += 3
                case 0x10000...0x10FFFF:
                    buffer[n] = UInt8(0xF0 | v >> 18)
                    buffer[n + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    buffer[n + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    buffer[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                default:
                    continue
                }
            }
            return n
        }
    }
}

/// The traditional → simplified fold of `rules/normalize/traditional.tsv`, as a table indexed by
/// scalar (BMP; 0 = no fold).
enum TraditionalFold {
    static let table: [UInt16] = RuleTable.shipped(
        "rules/normalize/traditional.tsv", in: EmbeddedFiles.files, required: ["traditional", "simplified"]
    ) { rules in
        var table = [UInt16](repeating: 0, count: 0x10000)
        try add(rules, to: &table)
        return table
    }

    /// Reads a table of traditional → simplified pairs, one BMP character each, into `table`;
    /// `keepingExisting` leaves a fold the table already has as it is.
    static func add(_ rules: RuleTable, to table: inout [UInt16], keepingExisting: Bool = false) throws {
        for row in rules.rows {
            let t = row["traditional"].unicodeScalars
            let s = row["simplified"].unicodeScalars
            guard t.count == 1, s.count == 1, let a = t.first?.value, let b = s.first?.value, a < 0x10000, b < 0x10000
            else {
                throw RuleTableError(file: rules.name, line: row.line, reason: "a pair is one BMP character each")
            }
            if !keepingExisting || table[Int(a)] == 0 { table[Int(a)] = UInt16(b) }
        }
    }

    /// One bit per BMP scalar: set when `table` folds it (8 KB, where the table is 128 KB).
    static let bits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<0x10000 where table[v] != 0 { bits[v >> 6] |= 1 << UInt64(v & 63) }
        return bits
    }()
}

extension String {
    /// The text's scalars with traditional characters folded to simplified ones, one for one
    /// (`rules/normalize/traditional.tsv`): offsets are those of the raw text, so a cue word,
    /// heading or indicator keyword written in simplified script matches a page served in
    /// traditional script (預計 reads as 预计, 學校 as 学校).
    ///
    /// ```swift
    /// "預計3年".simplifiedScalars == "预计3年".scalarArray   // true
    /// ```
    public var simplifiedScalars: [Unicode.Scalar] { Self.simplified(scalarArray) }

    /// The scalars `simplifiedScalars` reads as one of `targets`: the targets and the
    /// traditional characters folded to them (for a filter that passes every line whose folded
    /// text may hold one of the targets).
    public static func simplifiedPreimage(of targets: Set<Unicode.Scalar>) -> Set<Unicode.Scalar> {
        var found = targets
        let table = TraditionalFold.table
        for value in 0x3400..<0x10000 where table[value] != 0 {
            if let folded = Unicode.Scalar(UInt32(table[value])), targets.contains(folded),
                let scalar = Unicode.Scalar(UInt32(value))
            {
                found.insert(scalar)
            }
        }
        return found
    }

    /// The first `limit` scalars of `simplifiedScalars`, without decoding the rest of the text.
    public func simplifiedPrefix(_ limit: Int) -> [Unicode.Scalar] { Self.simplified(scalarPrefix(limit)) }

    /// What `simplifiedScalars` makes of one scalar (itself unless a traditional character).
    @inline(__always)
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value >= 0x3400, value < 0x10000,
            TraditionalFold.bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0,
            let folded = Unicode.Scalar(UInt32(TraditionalFold.table[Int(value)]))
        else { return scalar }
        return folded
    }

    static func simplified(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars = scalars
        let bits = TraditionalFold.bits
        for index in scalars.indices {
            let value = scalars[index].value
            guard value >= 0x3400, value < 0x10000, bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0,
                let folded = Unicode.Scalar(UInt32(TraditionalFold.table[Int(value)]))
            else { continue }
            scalars[index] = folded
        }
        return scalars
    }
}
