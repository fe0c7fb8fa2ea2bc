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
    }

    /// The indicator a governing word gives a figure at `offset` whose signal words chose `code`,
    /// or nil when no row applies.
    public func governed(_ code: String, at offset: Int, in scalars: [Unicode.Scalar], sentence: Range<Int>)
        -> IndicatorMapper.Choice?
    {
        let before = sentence.lowerBound..<max(sentence.lowerBound, min(offset, scalars.count))
        guard !before.isEmpty else { return nil }
        for row in rows where row.from.contains(code) {
            guard let word = row.words.matches(in: scalars, range: before).last else { continue }
            let between = word.end..<before.upperBound
            if !between.isEmpty, !row.stops.matches(in: scalars, range: between).isEmpty { continue }
            return IndicatorMapper.Choice(
                code: row.to, rule: "\(row.id):\(String(scalars: scalars[word.start..<word.end]))")
        }
        return nil
    }
}
