import EduwhCore
import Normalize

/// The sections of a report and what their headings say about the figures under them: a year
/// (一、2011年工作回顾 → 2011) and a status (回顾 → achieved, 打算 → planned), from
/// `rules/facts/section-cues.tsv`.
///
/// A heading is recognised by its shape, not its words: a line (or the start of a line, up to its
/// first space, colon or full stop, as in flattened pages: 一、2011年工作回顾 过去的一年…) that opens
/// with an ordinal marker (一、 （二） 第三部分 1.), or a short line with no sentence end. A
/// top-level heading (一、 第一部分) replaces the scope; a second-level heading ((一) 1.) narrows it
/// only when it names a year or a cue of its own.
///
/// ```swift
/// let scope = SectionScope.standard
/// scope.heading(in: "二、2012年工作思路")?.status  // .planned
/// ```
public struct SectionScope: Sendable {
    /// What a heading says.
    public struct Heading: Sendable, Hashable {
        /// The heading's text (the line, or the line's leading heading part).
        public var text: String
        /// 1 for 一、 and 第一部分, 2 for (一) and 1. and unnumbered short lines.
        public var level: Int
        /// achieved / planned when a cue word says so; nil otherwise (or for a `none` cue).
        public var status: FactStatus?
        /// The cue's rule id, or nil.
        public var rule: String?
        /// The word that decided the status.
        public var cue: String?
    }

    /// The scope in force at one line.
    public struct State: Sendable, Hashable {
        public var year: ClosedRange<Int>?
        public var status: FactStatus?
        /// The heading word behind `status` ("section:打算").
        public var cue: String?
        /// The last year or span an earlier kept line named (the topic the text last spoke of),
        /// read by the learned year chooser; set by `FactBuilder.build`.
        public var previous: ClosedRange<Int>?
        /// The year or span the last earlier body line opened with (`YearChooser.carryTopics`).
        public var topic: YearTopic?
        /// The text of the heading in force (the nearest, of either level), read by the learned
        /// indicator chooser as the section's topic (`CountedThing.topics`).
        public var heading: String?

        public init(year: ClosedRange<Int>? = nil, status: FactStatus? = nil, cue: String? = nil) {
            self.year = year
            self.status = status
            self.cue = cue
        }
    }

    private let words: [(word: String, status: FactStatus?, rule: String)]
    /// The cue words, each with its index in `words`.
    private let trie: WordTrie
    /// Longest heading read from the start of a long line, in scalars.
    public static let maxHeading = 30

    public static let standard = RuleTable.shipped(
        "rules/facts/section-cues.tsv", in: EmbeddedFiles.files,
        required: ["id", "status", "words"], SectionScope.init(table:))

    public init(table: RuleTable) throws(RuleTableError) {
        var words: [(String, FactStatus?, String)] = []
        for row in table.rows {
            let status: FactStatus?
            switch row["status"] {
            case "achieved": status = .achieved
            case "planned": status = .planned
            case "none": status = nil
            default:
                throw RuleTableError(
                    file: table.name, line: row.line, reason: "status must be achieved, planned or none")
            }
            for word in row["words"].split(separator: "|") { words.append((String(word), status, row["id"])) }
        }
        self.words = words
        var indexes: [String: [Int]] = [:]
        for (index, entry) in words.enumerated() where indexes[entry.0] == nil { indexes[entry.0] = [index] }
        trie = WordTrie(indexes)
    }

    /// The heading at the start of `line`, if the line has one.
    public func heading(in line: String) -> Heading? {
        heading(
            lineScalars: line.simplifiedPrefix(Self.maxHeading + 8), lineLength: line.scalarCount)
    }

    /// The heading in a line's first scalars (`lineLength` is the whole line's length): the
    /// shape is checked first, so most lines cost a few comparisons.
    func heading(lineScalars scalars: [Unicode.Scalar], lineLength: Int) -> Heading? {
        guard let first = scalars.first else { return nil }
        let (level, markerEnd) = Self.ordinal(scalars)
        var end = scalars.count
        if level == 0 {
            // An unnumbered heading: a short line that does not end a sentence.
            guard lineLength <= 20, let last = scalars.last, !"。；;，,！!？?：:".unicodeScalars.contains(last) else {
                return nil
            }
            _ = first
        } else {
            // Up to the first space, colon or full stop after the marker: the rest is the section's text.
            if let stop = scalars[markerEnd...].firstIndex(where: { " \u{3000}。：:；;".unicodeScalars.contains($0) }) {
                end = stop
            } else if lineLength > scalars.count {
                return nil  // no stop within the heading's reach: a numbered paragraph, not a heading
            }
            guard end - markerEnd <= Self.maxHeading else { return nil }
        }
        let part = Array(scalars[0..<end])
        // The first cue word in the heading decides; a heading naming both a review and a plan
        // (2010年工作总结和2011年工作打算) says neither.
        let found = trie.matches(in: part).map { match in words[match.payload[0]] }
        let statuses = Set(found.map { $0.status.map { $0.rawValue } ?? "none" })
        guard level > 0 || !found.isEmpty else { return nil }
        var heading = Heading(
            text: String(String.UnicodeScalarView(part)), level: max(level, level == 0 ? 2 : level),
            status: nil, rule: nil, cue: nil)
        if statuses.count == 1, let first = found.first {
            heading.status = first.status
            heading.rule = first.rule
            heading.cue = first.word
        }
        return heading
    }

    /// The ordinal marker a line opens with: (level, index after the marker); level 0 when none.
    static func ordinal(_ s: [Unicode.Scalar]) -> (Int, Int) {
        let digits = "一二三四五六七八九十".unicodeScalars
        func isDigit(_ c: Unicode.Scalar) -> Bool { digits.contains(c) || ("0"..."9").contains(c) }
        var i = 0
        if i < s.count, s[i] == "(" || s[i] == "（" {
            i += 1
            let start = i
            while i < s.count, isDigit(s[i]) { i += 1 }
            guard i > start, i < s.count, s[i] == ")" || s[i] == "）" else { return (0, 0) }
            return (2, i + 1)
        }
        let first = i < s.count && s[i] == "第"
        if first { i += 1 }
        let start = i
        var chinese = true
        while i < s.count, isDigit(s[i]) {
            chinese = chinese && digits.contains(s[i])
            i += 1
        }
        guard i > start, i < s.count else { return (0, 0) }
        if first, s[i] == "部" || s[i] == "章" || s[i] == "篇" { return (1, min(s.count, i + 2)) }
        guard s[i] == "、" || s[i] == "." || s[i] == "．" else { return (0, 0) }
        // 1.2 is a decimal or a section number, not a marker.
        if s[i] == ".", i + 1 < s.count, ("0"..."9").contains(s[i + 1]) { return (0, 0) }
        return (chinese ? 1 : 2, i + 1)
    }

    /// The scope in force at each of `lines`, given each line's year mentions. Only body lines
    /// open sections: a title (任务分解…推进项目建设) names the report, not a part of it.
    public func states(_ lines: [LabeledLine], years: [Int: [YearMention]]) -> [State] {
        var top = State()
        var sub: State? = nil
        var result: [State] = []
        result.reserveCapacity(lines.count)
        // An unnumbered short line is a heading only where a sentence ended before it: in text
        // broken one clause per line (PDF, 总体思路 in the middle of a sentence) it is not.
        var afterSentenceEnd = true
        for line in lines {
            let head = line.text.simplifiedPrefix(Self.maxHeading + 8)
            let numbered = Self.ordinal(head).0 > 0
            let ends = line.text.unicodeScalars.last.map { "。！？；：:!?;".unicodeScalars.contains($0) } ?? false
            defer { if line.label.isKept { afterSentenceEnd = ends || line.label == .title || numbered } }
            if line.label == .body, numbered || afterSentenceEnd,
                let heading = heading(lineScalars: head, lineLength: line.text.scalarCount)
            {
                let headingLength = heading.text.unicodeScalars.count
                let year = (years[line.number] ?? []).first { mention in
                    mention.offset < headingLength && mention.from != nil && mention.to != nil
                        && (mention.kind == .year || mention.kind == .range || mention.kind == .planPeriod)
                }
                let range = year.flatMap { y in y.from.flatMap { from in y.to.map { from...max(from, $0) } } }
                var state = State(year: range, status: heading.status, cue: heading.cue.map { "section:" + $0 })
                state.heading = heading.text
                if heading.level == 1 {
                    top = state
                    sub = nil
                } else if range != nil || heading.status != nil || heading.rule != nil {
                    sub = State(
                        year: range ?? top.year, status: heading.rule != nil ? heading.status : top.status,
                        cue: heading.rule != nil ? state.cue : top.cue)
                    sub?.heading = heading.text
                } else {
                    // A heading of no year or cue changes the topic only.
                    sub = top
                    sub?.heading = heading.text
                }
            }
            result.append(sub ?? top)
        }
        return result
    }
}
