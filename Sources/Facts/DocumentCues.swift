import EduwhCore
import Normalize

/// Words that say whether a report's own year and region can be read from its text
/// (`rules/facts/document-cues.tsv`): a title that is a site's page label (…范文), a report that
/// speaks as the whole country (全国), one that speaks from a region it names by a short name (全港).
///
/// ```swift
/// DocumentCues.standard.isSiteTitle("2022年关于全县义务教育均衡发展工作情况汇报范文")  // true
/// ```
public struct DocumentCues: Sendable {
    enum Role: Sendable, Hashable {
        case siteTitle
        case nation
        case speaksAs(String)
    }

    private let roles: [Role]
    /// Every cue word, its payload the index of its role in `roles`.
    private let trie: WordTrie
    /// UTF-8 of scalars of which a line must hold one for a nation or speaks-as word to occur in
    /// it, once folded (a character of every such word, with its traditional forms): `speakers`
    /// reads only the lines that have one, where decoding and scanning every kept line of every
    /// report was a fiftieth of a load.
    private let speakerMarks: [String]

    public static let standard = RuleTable.shipped(
        "rules/facts/document-cues.tsv", in: EmbeddedFiles.files,
        required: ["id", "role", "adcode", "words"], DocumentCues.init(table:))

    public init(table: RuleTable) throws(RuleTableError) {
        var roles: [Role] = []
        var words: [String: [Int]] = [:]
        for row in table.rows {
            let role: Role
            switch row["role"] {
            case "site-title": role = .siteTitle
            case "nation": role = .nation
            case "speaks-as" where row["adcode"].count == 12: role = .speaksAs(row["adcode"])
            default:
                throw RuleTableError(
                    file: table.name, line: row.line,
                    reason: "role must be site-title, nation or speaks-as (with a 12-digit adcode)")
            }
            roles.append(role)
            for word in row["words"].split(separator: "|") { words[String(word)] = [roles.count - 1] }
        }
        self.roles = roles
        trie = WordTrie(words)
        // The fewest characters that every nation and speaks-as word contains one of (greedy:
        // the character most of the remaining words share, the smallest on a tie).
        var remaining = words.filter { word, payload in payload.contains { roles[$0] != .siteTitle } }.keys
            .map { Set($0.unicodeScalars) }
        var marks = Set<Unicode.Scalar>()
        while !remaining.isEmpty {
            var counts: [Unicode.Scalar: Int] = [:]
            for word in remaining { for scalar in word { counts[scalar, default: 0] += 1 } }
            let best = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key.value > $1.key.value }!.key
            marks.insert(best)
            remaining.removeAll { $0.contains(best) }
        }
        speakerMarks = String.simplifiedPreimage(of: marks).map { String($0) }.sorted()
    }

    private func roles(in text: String) -> [Role] {
        trie.matches(in: text.simplifiedScalars).compactMap { $0.payload.first.map { roles[$0] } }
    }

    /// Whether a title line is a site's page label (2022年…工作总结范文, …(通用5篇)).
    public func isSiteTitle(_ text: String) -> Bool {
        roles(in: text).contains(.siteTitle)
    }

    /// How often the kept lines speak as the nation (全国, 我国), and the region they speak from by a
    /// short name (全港, 本澳) with how often.
    func speakers(_ lines: [LabeledLine]) -> (nation: Int, region: (adcode: String, count: Int)?) {
        var nation = 0
        var regions: [String: Int] = [:]
        for line in lines where line.label.isKept && speakerMarks.contains(where: { line.text.includes($0) }) {
            for role in roles(in: line.text) {
                switch role {
                case .nation: nation += 1
                case .speaksAs(let adcode): regions[adcode, default: 0] += 1
                case .siteTitle: break
                }
            }
        }
        let region = regions.max { $0.value < $1.value }.map { (adcode: $0.key, count: $0.value) }
        return (nation, region)
    }
}
