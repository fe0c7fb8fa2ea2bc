import EduwhCore

/// Every way a division's name is written (乳源瑶族自治县, 乳源县, 乳源; 增城区, 增城市, 增城), in a
/// trie over Unicode scalars so a line is scanned once: built once per process.
///
/// ```swift
/// let gazetteer = PlaceGazetteer.standard
/// let scalars = Array("我县乳源县中小学".unicodeScalars)
/// gazetteer.longestMatch(in: scalars, at: 2)?.length // 3 (乳源县)
/// ```
public struct PlaceGazetteer: Sendable {
    /// How a name variant relates to the official name; earlier cases are stronger evidence.
    public enum Form: Int, Sendable, Hashable, Comparable {
        /// The official name (海珠区, 乳源瑶族自治县).
        case full = 0
        /// The stem with a shortened official suffix (乳源县, 延边州).
        case short = 1
        /// The stem with another county-level suffix (增城市 for 增城区).
        case swapped = 2
        /// The bare stem (海珠, 乳源, 四平, 广东).
        case stem = 3

        public static func < (lhs: Form, rhs: Form) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One division a variant may stand for.
    public struct Candidate: Sendable, Hashable {
        /// Index into `table.divisions`.
        public var division: Int
        public var form: Form
    }

    public let table: DivisionTable
    public let vocabulary: PlaceVocabulary
    /// Candidates per variant, best form only (a variant that is some division's official name
    /// does not also stand for another division's stem).
    private let entries: [[Candidate]]
    /// Name variants; each word's payload is its index in `entries`.
    private let trie: WordTrie

    /// The gazetteer of `DivisionTable.standard` with the shipped vocabulary.
    public static let standard = PlaceGazetteer(table: .standard, vocabulary: .standard)

    public init(table: DivisionTable, vocabulary: PlaceVocabulary) {
        self.table = table
        self.vocabulary = vocabulary
        var variants: [String: [Candidate]] = [:]
        func add(_ key: String, _ division: Int, _ form: Form) {
            guard key.unicodeScalars.count >= 2, !vocabulary.isGeneric(key) else { return }
            variants[key, default: []].append(Candidate(division: division, form: form))
        }
        for (index, division) in table.divisions.enumerated() {
            guard let (stem, suffix) = vocabulary.stem(of: division.name) else { continue }
            add(division.name, index, .full)
            // A one-character stem (兴县, 范县) is never written without its official suffix.
            guard stem.unicodeScalars.count >= 2 else { continue }
            for short in vocabulary.shortSuffixes[suffix] ?? [] { add(stem + short, index, .short) }
            if division.level == .county, vocabulary.swapSuffixes.contains(suffix) {
                for other in vocabulary.swapSuffixes where other != suffix { add(stem + other, index, .swapped) }
            }
            add(stem, index, .stem)
        }
        // A former name (蓟县, 襄樊) stands for the division bearing its current name, written as it
        // was: with a suffix it is a full name, bare a stem (a former city's stem stands alone).
        let byName = Dictionary(grouping: table.divisions.indices, by: { table.divisions[$0].name })
        for (former, current) in vocabulary.formerNames {
            guard let found = byName[current], found.count == 1, let index = found.first else { continue }
            add(former, index, vocabulary.stem(of: former) == nil ? .stem : .full)
        }
        var entries: [[Candidate]] = []
        var words: [String: [Int]] = [:]
        for (key, candidates) in variants {
            let best = candidates.map(\.form).min() ?? .stem
            var seen = Set<Int>()
            let kept = candidates.filter { $0.form == best && seen.insert($0.division).inserted }
            words[key] = [entries.count]
            entries.append(kept)
        }
        self.entries = entries
        self.trie = WordTrie(words)
    }

    /// The longest variant starting at `start`: its length in scalars and its candidates.
    public func longestMatch(in scalars: [Unicode.Scalar], at start: Int) -> (length: Int, candidates: [Candidate])? {
        trie.longest(in: scalars, at: start).map { ($0.length, entries[$0.payload[0]]) }
    }

    /// Candidates of one exact variant (乳源县), empty when it is not a known name.
    public func candidates(of variant: String) -> [Candidate] {
        let scalars = variant.scalarArray
        guard let match = longestMatch(in: scalars, at: 0), match.length == scalars.count else { return [] }
        return match.candidates
    }
}
