/// How much a decoded text looks like real Chinese: used to choose between decodings of the same
/// bytes (GB18030 or BIG5) and to refuse a decoding that is plausible in neither.
///
/// The score is `(common − rare − 4 × invalid) / (non-ASCII characters + invalid)`, in −4…1:
/// common are frequent Han characters (simplified or traditional) and CJK punctuation, rare are
/// private-use code points, compatibility ideographs, extension A/B characters and U+FFFD.
/// Measured on the seeds: the right table scores ≥ 0.99, the wrong one −0.33…0.03. Korean and
/// Japanese bytes read as GB18030 also score high (Hangul rows land on common GB2312 rows), so
/// `veryFrequentShare` (the 500 most frequent characters: ~0.75 real, ≤ 0.21 nonsense) is checked too.
///
/// ```swift
/// ChineseTextScore(text: "我区加大财政投入。", invalidSequences: 0).value   // 1.0
/// ```
struct ChineseTextScore: Sendable, Hashable {
    /// Characters at or above U+0080.
    var nonASCII = 0
    /// Han characters (CJK Unified Ideographs block).
    var han = 0
    /// Frequent Han characters and CJK punctuation.
    var common = 0
    /// The ~500 most frequent Han characters.
    var veryFrequent = 0
    /// Characters a real text rarely holds (private use, extensions, compatibility forms, U+FFFD).
    var rare = 0
    /// Invalid byte sequences met while decoding.
    var invalidSequences = 0

    init(text: String, invalidSequences: Int) {
        self.invalidSequences = invalidSequences
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 { continue }
            nonASCII += 1
            switch value {
            case 0x4E00...0x9FFF:
                han += 1
                if CommonHanCharacters.contains(scalar) {
                    common += 1
                    if CommonHanCharacters.isVeryFrequent(scalar) { veryFrequent += 1 }
                }
            case 0x3000...0x303F, 0xFF01...0xFF5E, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7:
                common += 1  // CJK punctuation, full-width forms, dashes, quotes, ellipsis, middle dot
            case 0xE000...0xF8FF, 0xF900...0xFAFF, 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xFFFD, 0x80...0x9F:
                rare += 1
            default:
                break
            }
        }
    }

    /// The score: 1 for a text of common characters only, ≤ 0 for noise.
    var value: Double {
        let total = nonASCII + invalidSequences
        guard total > 0 else { return 1 }
        return Double(common - rare - 4 * invalidSequences) / Double(total)
    }

    /// Share of the ~500 most frequent characters among the Han characters (1 without any):
    /// ~0.75 for real Chinese, 0.1–0.2 for Korean or Japanese bytes read with a Chinese table.
    var veryFrequentShare: Double {
        han == 0 ? 1 : Double(veryFrequent) / Double(han)
    }

    /// Whether the text reads as Chinese: a score of at least `minScore` and, with 20 Han
    /// characters or more, a share of very frequent characters of at least `minFrequentShare`.
    func isPlausible(minScore: Double, minFrequentShare: Double) -> Bool {
        value >= minScore && (han < 20 || veryFrequentShare >= minFrequentShare)
    }

    /// Share of invalid sequences among the decoded non-ASCII characters.
    var invalidShare: Double {
        let total = nonASCII + invalidSequences
        return total == 0 ? 0 : Double(invalidSequences) / Double(total)
    }

    /// "87% common Chinese characters, 3 invalid sequences": for reject details and notes.
    var summary: String {
        let total = max(nonASCII, 1)
        let percent = Int((Double(common) / Double(total) * 100).rounded())
        let frequent = Int((veryFrequentShare * 100).rounded())
        return
            "\(percent)% common Chinese characters, \(frequent)% of Han among the 500 most frequent, \(invalidSequences) invalid sequence\(invalidSequences == 1 ? "" : "s")"
    }
}
