import EduwhCore
import Normalize

/// Decides whether a figure is planned or achieved from cue words kept as data in
/// `rules/facts/status-cues.tsv`.
///
/// The quantity's clause decides first: a planned cue before the quantity in it (计划…, 力争…), else
/// an achieved one (累计, 共), else one right after it (修建了); then the earlier clauses of its
/// sentence, planned before achieved; otherwise `.unknown`.
///
/// ```swift
/// let line = "计划中学招生1440人,小学招生1350人"
/// let q = QuantityMention(surface: "1350人", value: 1350, unit: "人", qualifier: .exact, offset: 17, rule: "t")
/// StatusCues.standard.status(of: q, inLine: line) // (.planned, "计划")
/// ```
public struct StatusCues: Sendable {
    private enum Kind: Int { case planned, achieved, neutral, plannedWeak, objectVerb, achievedWeak }

    private let trie: WordTrie
    /// Cue words right after the quantity are looked for within this many scalars.
    public static let followingWindow = 4

    public static let standard = RuleTable.shipped(
        "rules/facts/status-cues.tsv", in: EmbeddedFiles.files,
        required: ["id", "status", "words"], StatusCues.init(table:))

    public init(table: RuleTable) throws(RuleTableError) {
        var words: [String: [Int]] = [:]
        for row in table.rows {
            let kind: Kind
            switch row["status"] {
            case "planned": kind = .planned
            case "achieved": kind = .achieved
            case "neutral": kind = .neutral
            case "planned-weak": kind = .plannedWeak
            case "object-verb": kind = .objectVerb
            case "achieved-weak": kind = .achievedWeak
            default:
                throw RuleTableError(
                    file: table.name, line: row.line,
                    reason: "status must be planned, planned-weak, achieved, achieved-weak, neutral or object-verb")
            }
            for word in row["words"].split(separator: "|") { words[String(word)] = [kind.rawValue] }
        }
        trie = WordTrie(words)
    }

    /// Status and cue word of `quantity` in `line`.
    public func status(of quantity: QuantityMention, inLine line: String) -> (FactStatus, String) {
        let scalars = line.simplifiedScalars
        let sentences = Sentence.split(scalars)
        guard let sentence = sentences.first(where: { $0.range.contains(quantity.offset) }) ?? sentences.last else {
            return (.unknown, "")
        }
        return status(of: quantity, scalars: scalars, sentence: sentence)
    }

    /// The cue words of `sentence` in the line `scalars`, found once for all the figures standing
    /// in it (`status(of:scalars:sentence:words:)` scans four ranges of the sentence per figure).
    public func words(in scalars: [Unicode.Scalar], sentence: Sentence) -> WordTrie.Occurrences {
        trie.occurrences(in: scalars, span: sentence.range)
    }

    /// Status and cue word of `quantity` standing in `sentence` of the line `scalars`; `words` are
    /// the sentence's `words(in:sentence:)` when the caller has them already.
    public func status(
        of quantity: QuantityMention, scalars: [Unicode.Scalar], sentence: Sentence,
        words: WordTrie.Occurrences? = nil
    ) -> (FactStatus, String) {
        func cues(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> [WordTrie.Match] {
            guard !range.isEmpty, range.upperBound <= scalars.count else { return [] }
            if let words, words.covers(range) { return words.matches(in: range) }
            return trie.matches(in: scalars, range: range)
        }
        let start = quantity.offset
        let end = min(start + quantity.surface.unicodeScalars.count, sentence.range.upperBound)
        let clause = sentence.clauses[sentence.clauseIndex(containing: start)]
        let clauseStart = max(clause.lowerBound, sentence.range.lowerBound)
        let before = cues(scalars, clauseStart..<max(clauseStart, start))
        let earlier = cues(scalars, sentence.range.lowerBound..<max(sentence.range.lowerBound, clauseStart))
        let after = cues(scalars, end..<min(max(end, clause.upperBound), end + Self.followingWindow))
        func word(_ match: WordTrie.Match) -> String { String(scalars: scalars[match.start..<match.end]) }
        // A weak plan cue (将) followed by an object verb (从, 纳入) before the quantity marks an object.
        // The object verb may also follow the figure in its clause (将15所村小改为教学点).
        let rest = cues(scalars, end..<max(end, clause.upperBound))
        let objectVerbs = (earlier + before + rest).filter { $0.payload.first == Kind.objectVerb.rawValue }.map(\.start)
        func isPlan(_ match: WordTrie.Match) -> Bool {
            switch match.payload.first {
            case Kind.planned.rawValue: return !Self.isPlanNoun(match, in: scalars)
            case Kind.plannedWeak.rawValue:
                return !objectVerbs.contains { $0 >= match.end && $0 < max(start, clause.upperBound) }
            default: return false
            }
        }
        func isDone(_ match: WordTrie.Match) -> Bool {
            match.payload.first == Kind.achieved.rawValue || match.payload.first == Kind.achievedWeak.rawValue
        }
        // The nearest cue earlier in the sentence: 各校积极争取…，共接受捐赠…，电脑105台 is 共's;
        // 正式启动…以来，…新建×所 is 以来's.
        let earlierCue = earlier.last(where: { isPlan($0) || isDone($0) })
        // For a clause whose own cue is such a word, earlier words of the same kind say nothing about
        // when either: the nearest earlier cue that does decides (到2013年，入园率力争达到55%以上，
        // 学前一年毛入园率达到80%: 力争's, not the first 达到's).
        let earlierTimeCue = earlier.last(where: { isPlan($0) || $0.payload.first == Kind.achieved.rawValue })
        // The quantity's own clause speaks first (各校积极争取…，共接受捐赠桌椅2850套: 共, not 争取).
        if let cue = before.last(where: isPlan) { return (.planned, word(cue)) }
        if !before.contains(where: { $0.payload.first == Kind.achieved.rawValue }),
            let weak = before.last(where: { $0.payload.first == Kind.achievedWeak.rawValue })
        {
            // A word of change or attainment (新增, 达到, 完成) says what the clause's subject does,
            // not when: in a sentence a plan word opened (未来三年将新增6660个…，新增4200个…) it
            // goes on with the plan.
            if let cue = earlierTimeCue, isPlan(cue) { return (.planned, word(cue)) }
            return (.achieved, word(weak))
        }
        if let cue = before.last(where: isDone) { return (.achieved, word(cue)) }
        if let cue = after.first(where: { isPlan($0) && $0.payload.first == Kind.planned.rawValue || isDone($0) }) {
            return (cue.payload.first == Kind.planned.rawValue ? .planned : .achieved, word(cue))
        }
        if let cue = earlierCue { return (isPlan(cue) ? .planned : .achieved, word(cue)) }
        return (.unknown, "")
    }

    /// How a text leans in time: of its sentences, how many hold a word of intent (计划, 力争, 将 …,
    /// not a plan noun: 按计划, nor 将 marking an object: 将X纳入) and how many a word of the past (已, 累计, 共 …; not 完成, 达到, which
    /// say nothing of when). Read for the whole body of a page (`StatusFeatures.documentFeatures`).
    public func leaning(of lines: [String]) -> (sentences: Int, planned: Int, achieved: Int) {
        var counts = (sentences: 0, planned: 0, achieved: 0)
        for line in lines {
            let scalars = line.simplifiedScalars
            // Ranges only: no sentence's text is built (they were, a String per sentence of every body line).
            for sentence in Sentence.split(scalars, texts: false) where !sentence.range.isEmpty {
                let lean = leaning(of: trie.matches(in: scalars, range: sentence.range), in: scalars)
                counts.sentences += 1
                if lean.planned { counts.planned += 1 }
                if lean.achieved { counts.achieved += 1 }
            }
        }
        return counts
    }

    /// Whether a sentence's cue words (`words(in:sentence:)`) hold a word of intent and a word of the past.
    public func leaning(of matches: [WordTrie.Match], in scalars: [Unicode.Scalar]) -> (planned: Bool, achieved: Bool) {
        // 将 marks an object when an object verb follows it (将15所村小改为教学点), as `status(of:)` reads it.
        let objectVerbs = matches.filter { $0.payload.first == Kind.objectVerb.rawValue }.map(\.start)
        let planned = matches.contains { match in
            match.payload.first == Kind.plannedWeak.rawValue && !objectVerbs.contains { $0 >= match.end }
                || match.payload.first == Kind.planned.rawValue && !Self.isPlanNoun(match, in: scalars)
        }
        return (planned, matches.contains { $0.payload.first == Kind.achieved.rawValue })
    }

    /// The word of intent of a sentence that holds one and no word of the past (`leaning(of:in:)`):
    /// the last such word of its cue words `matches`; nil otherwise.
    public func intent(of matches: [WordTrie.Match], in scalars: [Unicode.Scalar]) -> String? {
        let lean = leaning(of: matches, in: scalars)
        guard lean.planned, !lean.achieved else { return nil }
        let objectVerbs = matches.filter { $0.payload.first == Kind.objectVerb.rawValue }.map(\.start)
        let last = matches.last { match in
            match.payload.first == Kind.plannedWeak.rawValue && !objectVerbs.contains { $0 >= match.end }
                || match.payload.first == Kind.planned.rawValue && !Self.isPlanNoun(match, in: scalars)
        }
        return last.map { String(scalars: scalars[$0.start..<$0.end]) }
    }

    /// Whether a plan word (计划, 规划) names the plan a result is measured against, not an intent:
    /// the share of it (占规划量的89%, 占年度投资计划的32%), what was done to it (完成计划的36%,
    /// 完成年度计划的28%, 超额完成), or the manner (按计划, 按照规划, 比原计划).
    static func isPlanNoun(_ match: WordTrie.Match, in scalars: [Unicode.Scalar]) -> Bool {
        guard match.end - match.start == 2, match.start > 0, planNouns.contains(scalars[match.start]),
            scalars[match.start + 1] == "划"
        else { return false }
        if referenceMarks.contains(scalars[match.start - 1]) { return true }
        if match.start > 1, scalars[match.start - 2] == "完", scalars[match.start - 1] == "成" { return true }
        // 占 or 完成 a few characters before, in the same clause (占年度投资计划的, 完成年度投资计划的).
        var index = match.start - 1
        while index >= max(0, match.start - shareReach), !clauseMarks.contains(scalars[index]) {
            if scalars[index] == "占" { return true }
            if index > 0, scalars[index] == "成", scalars[index - 1] == "完" { return true }
            index -= 1
        }
        return false
    }

    static let planNouns: Set<Unicode.Scalar> = ["计", "规", "計", "規"]
    /// Characters right before 计划/规划 that make it the plan followed or compared with (按计划, 按照规划,
    /// 依规划, 原计划, 据计划).
    static let referenceMarks: Set<Unicode.Scalar> = ["按", "照", "依", "原", "据", "據"]
    static let clauseMarks: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "：", ":", "、"]
    /// How far before a plan word 占 may stand (占年度投资计划), in scalars.
    static let shareReach = 6
}
