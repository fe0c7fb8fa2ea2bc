import EduwhCore

/// The features the learned status chooser (`StatusModel`) reads for one figure: what the rules
/// decided and why, the tense and aspect words around the figure (the status cue words of its
/// sentence by where they stand, the characters right before and after it, how its clause and
/// sentence open), its section's and report's kind, and its year against the report's.
///
/// ```swift
/// let line = Array("下一步，全县新建幼儿园5所".unicodeScalars)
/// // features(context) holds "so=下一", "b2=新建", "R=achieved", "K=工作总结" …
/// ```
public enum StatusFeatures {
    /// Everything the features are read from, computed once per figure by the fact builder.
    public struct Context {
        public var scalars: [Unicode.Scalar]
        public var sentence: Range<Int>
        public var clause: Range<Int>
        /// Where the figure stands and how long it is, in scalars of `scalars`.
        public var offset: Int
        public var length: Int
        public var unit: String
        /// The status cue words of the sentence (`StatusCues.words`), left to right.
        public var cues: [WordTrie.Match] = []
        /// The status the cue words alone gave (`StatusCues.status`) and its cue.
        public var words: (FactStatus, String)
        /// The status the rules settled on (words, section, report kind, deadlines) and its cue.
        public var rules: (FactStatus, String)
        public var reportKind: String
        public var isPlanKind: Bool
        public var section: SectionScope.State
        /// The figure's first year and where it came from; the report's own year.
        public var year: Int?
        public var yearSource: ContextSource
        public var reference: Int?
        public var indicator: String

        public init(
            scalars: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>, offset: Int, length: Int,
            unit: String, words: (FactStatus, String), rules: (FactStatus, String), reportKind: String,
            isPlanKind: Bool, section: SectionScope.State, year: Int?, yearSource: ContextSource, reference: Int?,
            indicator: String
        ) {
            self.scalars = scalars
            self.sentence = sentence
            self.clause = clause
            self.offset = offset
            self.length = length
            self.unit = unit
            self.words = words
            self.rules = rules
            self.reportKind = reportKind
            self.isPlanKind = isPlanKind
            self.section = section
            self.year = year
            self.yearSource = yearSource
            self.reference = reference
            self.indicator = indicator
        }
    }

    /// How many scalars before the figure, in its clause, give character pairs.
    public static let reach = 6

    /// The features of one figure, as `name=value` strings, without repeats.
    public static func features(_ c: Context) -> [String] {
        var out = ["bias"]
        let rules = c.rules.0.rawValue
        let section = c.section.status?.rawValue ?? "-"
        let year = yearRelation(c)
        out += [
            "R=" + rules, "RC=" + cueClass(c.rules.1), "W=" + c.words.0.rawValue, "K=" + c.reportKind,
            "KP=\(c.isPlanKind)", "S=" + section, "Y=" + year, "YS=" + c.yearSource.rawValue, "U=" + c.unit,
            "I=" + c.indicator, "R|S=\(rules)|\(section)", "R|Y=\(rules)|\(year)", "W|S=\(c.words.0.rawValue)|\(section)",
            "W|KP=\(c.words.0.rawValue)|\(c.isPlanKind)", "R|RC=\(rules)|\(cueClass(c.rules.1))",
        ]
        if isOwnWord(c.rules.1) { out.append("RW=" + c.rules.1) }
        if !c.words.1.isEmpty { out.append("WW=" + c.words.1) }
        if let cue = c.section.cue { out.append("SC=" + cue) }
        let end = c.offset + c.length
        for match in c.cues {
            let place: String
            if match.start >= c.clause.lowerBound && match.end <= c.offset {
                place = "b"
            } else if match.start >= end && match.start < c.clause.upperBound {
                place = "a"
            } else if match.end <= c.clause.lowerBound {
                place = "e"
            } else if match.start >= c.clause.upperBound {
                place = "l"
            } else {
                continue
            }
            out.append("c\(place)=" + String(scalars: c.scalars[match.start..<match.end]))
        }
        let lower = max(c.clause.lowerBound, c.offset - reach)
        if c.offset - lower >= 2 {
            for start in lower..<(c.offset - 1) { pair("b2=", start, &out, c.scalars) }
        }
        pair("co=", c.clause.lowerBound, &out, c.scalars)
        pair("so=", c.sentence.lowerBound, &out, c.scalars)
        pair("a2=", end, &out, c.scalars)
        return Array(Set(out))
    }

    /// The hashes of `features(c)` (`IndicatorFeatures.hash`), the model's lookup keys.
    public static func hashes(_ c: Context) -> [UInt64] {
        features(c).map { IndicatorFeatures.hash($0.unicodeScalars) }
    }

    /// `name` and the two scalars at `start`, when both are ideographs.
    static func pair(_ name: String, _ start: Int, _ out: inout [String], _ scalars: [Unicode.Scalar]) {
        guard start >= 0, start + 1 < scalars.count, scalars[start].properties.isIdeographic,
            scalars[start + 1].properties.isIdeographic
        else { return }
        var text = name
        text.unicodeScalars.append(scalars[start])
        text.unicodeScalars.append(scalars[start + 1])
        out.append(text)
    }

    /// The figure's year against the report's: none, earlier, same, later, or no report year.
    static func yearRelation(_ c: Context) -> String {
        guard let year = c.year else { return "none" }
        guard let reference = c.reference else { return "noref" }
        return year < reference ? "earlier" : year == reference ? "same" : "later"
    }

    /// The kind of cue behind a rules' status: a word of the text, or the source that spoke for
    /// it (kind:, section, deadline:, next-year:, a report kind for a plan), or none.
    static func cueClass(_ cue: String) -> String {
        if cue.isEmpty { return "none" }
        for prefix in ["kind:", "section", "deadline:", "next-year:"] where cue.hasPrefix(prefix) { return prefix }
        if FactBuilder.planKinds.contains(cue) { return "plan-kind" }
        if cue.includes("@plan:") { return "plan-period" }
        return FactBuilder.isOwnWord(cue) ? "word" : "weak-word"
    }

    static func isOwnWord(_ cue: String) -> Bool {
        cueClass(cue) == "word" || cueClass(cue) == "weak-word"
    }
}
