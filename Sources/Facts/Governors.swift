import EduwhCore

/// Governing words (`rules/facts/governors.tsv`): a verb earlier in a figure's sentence that
/// changes what the figure counts, whatever noun stands next to it.
///
/// ```swift
/// let line = "将改造建设城区初中4所,城区小学8所".scalarArray
/// Governors.standard.governed("schools_count", at: 14, in: line, sentence: 0..<line.count)?.code // "schools_built"
/// ```
public struct Governors: Sendable {
    struct Row: Sendable {
        var id: String
        var from: Set<String>
        var to: String
        var words: WordTrie
        var stops: WordTrie
    }

    let rows: [Row]
    /// The rows whose `from` names each code, in table order (one lookup per figure, not one per row).
    let rowsByCode: [String: [Int]]

    public static let standard = RuleTable.shipped(
        "rules/facts/governors.tsv", in: EmbeddedFiles.files,
        required: ["id", "from", "to", "words", "stop"], Governors.init(table:))

    public init(table: RuleTable) throws(RuleTableError) {
        rows = table.rows.map { row in
            let words = row["words"].split(separator: "|").map(String.init)
            let stops = row["stop"] == "-" ? [] : row["stop"].split(separator: "|").map(String.init)
            return Row(
                id: row["id"], from: Set(row["from"].split(separator: "|").map(String.init)), to: row["to"],
                words: WordTrie(Dictionary(words.map { ($0, [0]) }, uniquingKeysWith: { a, _ in a })),
                stops: WordTrie(Dictionary(stops.map { ($0, [0]) }, uniquingKeysWith: { a, _ in a })))
        }
        var byCode: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            for code in row.from { byCode[code, default: []].append(index) }
        }
        rowsByCode = byCode
    }

    /// The governing and stop words of one sentence, row by row, found when a figure of the
    /// sentence first asks for its row and kept for the sentence's other figures.
    public struct Words: Sendable {
        var rows: [(words: WordTrie.Occurrences, stops: WordTrie.Occurrences)?]
    }

    /// An empty `Words` for a new sentence.
    public func words() -> Words { Words(rows: Array(repeating: nil, count: rows.count)) }

    /// The indicator a governing word gives a figure at `offset` whose signal words chose `code`,
    /// or nil when no row applies.
    public func governed(_ code: String, at offset: Int, in scalars: [Unicode.Scalar], sentence: Range<Int>)
        -> IndicatorMapper.Choice?
    {
        var words = words()
        return governed(code, at: offset, in: scalars, sentence: sentence, words: &words)
    }

    /// `governed(_:at:in:sentence:)` with the words of `sentence` kept in `words` between the
    /// figures of one sentence.
    public func governed(
        _ code: String, at offset: Int, in scalars: [Unicode.Scalar], sentence: Range<Int>, words: inout Words
    ) -> IndicatorMapper.Choice? {
        let before = sentence.lowerBound..<max(sentence.lowerBound, min(offset, scalars.count))
        guard !before.isEmpty, let indices = rowsByCode[code] else { return nil }
        for index in indices {
            let row = rows[index]
            if words.rows[index] == nil {
                let span = sentence.clamped(to: 0..<scalars.count)
                words.rows[index] = (
                    row.words.occurrences(in: scalars, span: span), row.stops.occurrences(in: scalars, span: span)
                )
            }
            let found = words.rows[index]
            guard let word = Self.scan(row.words, found?.words, scalars, before).last else { continue }
            let between = word.end..<before.upperBound
            if !between.isEmpty, !Self.scan(row.stops, found?.stops, scalars, between).isEmpty { continue }
            return IndicatorMapper.Choice(
                code: row.to, rule: "\(row.id):\(String(scalars: scalars[word.start..<word.end]))")
        }
        return nil
    }

    /// The words of `trie` in `range`, from `found` when it covers the range.
    private static func scan(
        _ trie: WordTrie, _ found: WordTrie.Occurrences?, _ scalars: [Unicode.Scalar], _ range: Range<Int>
    ) -> [WordTrie.Match] {
        if let found, found.covers(range) { return found.matches(in: range) }
        return trie.matches(in: scalars, range: range)
    }
}
