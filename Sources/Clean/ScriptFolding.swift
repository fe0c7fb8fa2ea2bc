import EduwhCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Folds traditional Chinese characters to simplified ones (from the lexicon's `traditional`
/// pairs), so rules written in simplified script also match pages served in traditional script.
///
/// ```swift
/// let folding = ScriptFolding(pairs: ["載载", "閱阅"])
/// folding.fold("下載全文")  // "下载全文"
/// ```
public struct ScriptFolding: Sendable {
    private static let base: UInt32 = 0x3400
    private static let end: UInt32 = 0xA000
    /// Per scalar in 0x3400..<0xA000: its simplified form, or 0 when it stays.
    private let table: [UInt32]
    /// One bit per scalar of `table` that folds: whether a line changes is asked of every line,
    /// and this reads 3.4 KB where the table is 110 KB.
    private let folds: [UInt64]
    /// Whether any pair was given (a folding without pairs never changes text).
    public let isEmpty: Bool

    /// A folding from two-character words: the traditional character, then the simplified one.
    public init(pairs: [String]) {
        var table = [UInt32](repeating: 0, count: Int(Self.end - Self.base))
        var any = false
        for pair in pairs {
            let scalars = Array(pair.unicodeScalars)
            guard scalars.count == 2, scalars[0].value >= Self.base, scalars[0].value < Self.end else { continue }
            table[Int(scalars[0].value - Self.base)] = scalars[1].value
            any = true
        }
        self.table = table
        var folds = [UInt64](repeating: 0, count: table.count / 64 + 1)
        for index in table.indices where table[index] != 0 { folds[index >> 6] |= 1 << UInt64(index & 63) }
        self.folds = folds
        isEmpty = !any
    }

    /// The simplified form of `text`, or nil when nothing in it folds.
    public func foldedIfChanged(_ text: String) -> String? {
        // Pinyin glosses a site writes after characters (當(dāng)前位置, 30個(gè)) are not text.
        if Self.mayHavePinyinGloss(text), let plain = Self.withoutPinyinGlosses(text) {
            return foldedIfChanged(plain) ?? plain
        }
        guard !isEmpty, changes(text) else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= Self.base, scalar.value < Self.end,
                case let mapped = table[Int(scalar.value - Self.base)], mapped != 0,
                let folded = Unicode.Scalar(mapped)
            {
                out.append(folded)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether some scalar of `text` folds (decoded from its UTF-8, looked up in `folds`).
    private func changes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            folds.withUnsafeBufferPointer { folds in
                var i = 0
                while i < bytes.count {
                    let (value, width) = UTF8Scalar.decode(bytes, at: i)
                    i += width
                    guard value >= Self.base, value < Self.end else { continue }
                    let index = Int(value - Self.base)
                    if folds[index >> 6] & (1 << UInt64(index & 63)) != 0 { return true }
                }
                return false
            }
        }
    }

    /// `text` without pinyin glosses: `(` one to seven lower-case Latin letters, at least one
    /// with a tone mark or all of them pinyin-shaped, `)` right after a Han character
    /// (當(dāng)前位置 → 當前位置); nil when there are none.
    static func withoutPinyinGlosses(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var removed = false
        var i = 0
        while i < scalars.count {
            if scalars[i] == "(", i > 0, isHan(scalars[i - 1]) {
                var j = i + 1
                var toned = false
                while j < scalars.count, j - i <= 8, isPinyinLetter(scalars[j]) {
                    if scalars[j].value > 0x7F { toned = true }
                    j += 1
                }
                if j < scalars.count, scalars[j] == ")", j > i + 1, toned {
                    removed = true
                    i = j + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return removed ? String(out) : nil
    }

    /// Whether `text` has a `(` followed by a Latin lower-case letter or a toned vowel (UTF-8 lead
    /// byte C3–C7): a cheap byte test that spares the scalar pass on the many lines whose
    /// brackets hold Chinese or digits.
    static func mayHavePinyinGloss(_ text: String) -> Bool {
        var text = text
        // memchr finds each ( : most lines have none, and walking the UTF-8 view byte by byte
        // was most of Clean's script folding.
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i < bytes.count, let hit = memchr(base + i, 0x28, bytes.count - i) {
                let next = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                guard next < bytes.count else { return false }
                let byte = bytes[next]
                if (0x61...0x7A).contains(byte) || (0xC3...0xC7).contains(byte) { return true }
                i = next
            }
            return false
        }
    }

    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    private static func isPinyinLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".unicodeScalars.contains(s)
    }

    /// The simplified form of `text`.
    public func fold(_ text: String) -> String { foldedIfChanged(text) ?? text }
}
