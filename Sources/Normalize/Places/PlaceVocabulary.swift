import EduwhCore

/// The word lists place resolution needs besides the division table, kept as data in
/// `rules/normalize/places.tsv`: official suffixes, minority names, generic words, words that
/// need context, institution words and placeholder marks.
///
/// ```swift
/// PlaceVocabulary.standard.isGeneric("全区")      // true
/// PlaceVocabulary.standard.needsContext("朝阳")   // true
/// ```
public struct PlaceVocabulary: Sendable {
    /// Official suffixes, longest first (自治县 before 县).
    public let suffixes: [String]
    /// Official suffix → the shorter suffixes it is written as in running text.
    public let shortSuffixes: [String: [String]]
    /// Suffixes a county-level name is also written with (市 ↔ 区 ↔ 县).
    public let swapSuffixes: [String]
    /// Minority names dropped from the stems of autonomous divisions.
    public let ethnicNames: [String]
    /// Words that are never places.
    public let genericWords: Set<String>
    /// Names and stems that are places only with support from the document.
    public let contextWords: Set<String>
    /// Words after a short name that make it an institution's name.
    public let institutionWords: [String]
    /// Words after a bare stem that make it part of a person's name (长春同志).
    public let personWords: [String]
    /// Gambling brands a hijacked host writes into a page (澳门皇冠体育 as the publisher, 澳门新葡京 inside a
    /// town's name): they open with a place's name, but no place is read in them. Folded scalars.
    private let brandScalars: [[Unicode.Scalar]]
    /// Words after a county's bare stem that make it the report's own county speaking of itself
    /// (宜川教育, 镇安人民): a place when the report speaks as a county (我县, 全县).
    public let ownWords: [String]
    /// Names a division bore before it was renamed, merged or upgraded (蓟县 → 蓟州区, 桃园县 → 桃园市,
    /// 崇文区 → 东城区), each with the official name it is filed under today: an older report's figures
    /// are that division's, and no stem or suffix swap reaches them (蓟县 is no 蓟州, 桃园县 no 桃园区).
    public let formerNames: [(former: String, current: String)]
    /// Common two-character words whose second character may open a place name (其中, 初中, 安全):
    /// no place starts inside one (其中江北区 is 江北区, not 中江; 安全南路 is no 全南). Kept as packed
    /// scalar pairs (first << 32 | second), so the per-character check in the resolver's scan builds no string.
    private let wordEndPairs: Set<UInt64>
    /// The second characters of `wordEndPairs` (中, 全, 建 …): a scalar none of them ends no common
    /// word, answered without hashing a pair (the check runs at every character a scan reads).
    private let wordEndSeconds: ScalarSet
    /// Scalars written instead of a name (x, X, *, 某).
    public let placeholderMarks: ScalarSet
    /// Suffixes a placeholder mark must stand before.
    public let placeholderSuffixes: ScalarSet
    /// `suffixes` and `ethnicNames` as scalars, same order: `stem(of:)` compares scalar arrays
    /// (`String.hasSuffix` over every suffix and division name was 0.1 s of each process's start).
    private let suffixScalars: [[Unicode.Scalar]]
    private let ethnicScalars: [[Unicode.Scalar]]

    /// The vocabulary shipped in `rules/normalize/places.tsv`.
    public static let standard = RuleTable.shipped(
        "rules/normalize/places.tsv", in: EmbeddedFiles.files,
        required: ["id", "kind", "words"], PlaceVocabulary.init(table:))

    /// Reads a vocabulary table; unknown kinds are an error naming the row.
    public init(table: RuleTable) throws(RuleTableError) {
        var byKind: [String: [String]] = [:]
        let kinds: Set<String> = [
            "suffix", "short-suffix", "swap-suffix", "ethnic", "generic", "needs-context",
            "institution", "person", "own-name", "word-end", "placeholder-mark", "placeholder-suffix", "former",
            "brand",
        ]
        for row in table.rows {
            guard kinds.contains(row["kind"]) else {
                throw RuleTableError(
                    file: table.name, line: row.line,
                    reason: "unknown kind \(row["kind"]) (one of \(kinds.sorted().joined(separator: ", ")))")
            }
            byKind[row["kind"], default: []] += row["words"].split(separator: "|").map(String.init)
        }
        suffixes = (byKind["suffix"] ?? []).sorted { $0.count > $1.count }
        var shorts: [String: [String]] = [:]
        for pair in byKind["short-suffix"] ?? [] {
            let parts = pair.split(separator: ">").map(String.init)
            if parts.count == 2 { shorts[parts[0], default: []].append(parts[1]) }
        }
        shortSuffixes = shorts
        swapSuffixes = byKind["swap-suffix"] ?? []
        brandScalars = (byKind["brand"] ?? []).map { Array($0.unicodeScalars) }
        formerNames = (byKind["former"] ?? []).compactMap { pair in
            let parts = pair.split(separator: ">").map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        ethnicNames = (byKind["ethnic"] ?? []).sorted { $0.count > $1.count }
        suffixScalars = suffixes.map { Array($0.unicodeScalars) }
        ethnicScalars = ethnicNames.map { Array($0.unicodeScalars) }
        genericWords = Set(byKind["generic"] ?? [])
        contextWords = Set(byKind["needs-context"] ?? [])
        institutionWords = byKind["institution"] ?? []
        personWords = byKind["person"] ?? []
        ownWords = byKind["own-name"] ?? []
        let wordEnds = (byKind["word-end"] ?? []).filter { $0.unicodeScalars.count == 2 }.map {
            Array($0.unicodeScalars)
        }
        wordEndPairs = Set(wordEnds.map { UInt64($0[0].value) << 32 | UInt64($0[1].value) })
        wordEndSeconds = ScalarSet(wordEnds.map { $0[1] })
        placeholderMarks = ScalarSet(
            (byKind["placeholder-mark"] ?? []).compactMap {
                $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil
            })
        placeholderSuffixes = ScalarSet(
            (byKind["placeholder-suffix"] ?? []).compactMap {
                $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil
            })
    }

    /// Whether `word` is never a place (全区, 城区).
    public func isGeneric(_ word: String) -> Bool { genericWords.contains(word) }

    /// Whether the scalar at `index` ends a common word with the one before it (其中, 初中): no
    /// place name starts there.
    public func endsWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0, index < scalars.count, wordEndSeconds.contains(scalars[index]) else { return false }
        return wordEndPairs.contains(UInt64(scalars[index - 1].value) << 32 | UInt64(scalars[index].value))
    }

    /// Whether `word` is a place only when the document supports it (朝阳, 新城区).
    public func needsContext(_ word: String) -> Bool { contextWords.contains(word) }

    /// Splits an official name into its stem and suffix (乳源瑶族自治县 → 乳源, 自治县), or nil when
    /// the name has no known suffix (a township, 海域).
    public func stem(of name: String) -> (stem: String, suffix: String)? {
        let scalars = Array(name.unicodeScalars)
        guard let found = suffixScalars.firstIndex(where: { Self.ends(scalars, at: scalars.count, with: $0) })
        else { return nil }
        var end = scalars.count - suffixScalars[found].count
        // Drop minority names at the end, repeatedly (双江拉祜族佤族布朗族傣族 → 双江).
        while let ethnic = ethnicScalars.first(where: { Self.ends(scalars, at: end, with: $0) }) {
            end -= ethnic.count
        }
        var stem = String.UnicodeScalarView()
        stem.append(contentsOf: scalars[..<end])
        return (String(stem), suffixes[found])
    }

    /// Whether `scalars[..<end]` ends with `word` and has more scalars than it (a word alone is
    /// no name with that ending).
    private static func ends(_ scalars: [Unicode.Scalar], at end: Int, with word: [Unicode.Scalar]) -> Bool {
        guard end > word.count else { return false }
        var k = word.count
        var i = end
        while k > 0 {
            k -= 1
            i -= 1
            if scalars[i] != word[k] { return false }
        }
        return true
    }
}

extension PlaceVocabulary {
    /// Whether a gambling brand (`brand` rows: 澳门皇冠, 澳门新葡京) starts at `index` of folded scalars.
    func opensBrand(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        brandScalars.contains { brand in
            index + brand.count <= scalars.count && scalars[index..<index + brand.count].elementsEqual(brand)
        }
    }
}
