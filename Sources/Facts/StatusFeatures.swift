import EduwhCore

/// The features the learned status chooser (`StatusModel`) reads for one figure: what the rules
/// decided and why, the tense and aspect words around the figure (the status cue words of its
/// sentence by where they stand, the nearest one before it by report kind and section, the
/// characters right before and after it, how its clause and sentence open and end), its section's
/// and report's kind, and its year against the report's.
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
        /// The cue words of the sentence before it in the line, and of the line's first sentence.
        public var previousCues: [WordTrie.Match] = []
        public var firstCues: [WordTrie.Match] = []
        /// The status the rules gave the line's previous figure.
        public var previous: FactStatus?
        /// Whether the rules call the figure achieved and a word of the past stands before it in its
        /// sentence (已, 累计, 共有 …; 去年共投入…，新建幼儿园12所): the model does not overrule such a
        /// word (`StatusModel`; the whole sentence, not only the figure's clause: site folds 343 → 346
        /// wrong, slices trained without them 375 → 364).
        public var pastWord: Bool {
            rules.0 == .achieved
                && cues.contains { match in
                    match.start >= sentence.lowerBound && match.end <= offset
                        && StatusFeatures.isGuardWord(scalars[match.start..<match.end])
                }
        }
        /// Whether a plan calls the figure achieved by its words and the figure's own clause or sentence
        /// dates it before the plan's year (2023年完成新建学校5所 in a 2024 工作要点: last year's result
        /// under review): the model does not overrule it either. Not a feature: the tables need no retraining.
        public var pastYearInPlan: Bool {
            guard rules.0 == .achieved, isPlanKind, yearSource == .clause || yearSource == .sentence,
                let year, let reference
            else { return false }
            return year < reference
        }
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
        /// The page's features (`documentFeatures`) and the year it was published, if known.
        public var document: [String] = []
        public var published: Int?
        /// The period the report covers, and how many of the line's sentences hold a word of intent
        /// and of the past (`StatusCues.leaning`).
        public var period: ClosedRange<Int>?
        public var line: (sentences: Int, planned: Int, achieved: Int)?

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

    /// The words of the past that keep the rules' achieved from the model (`Context.pastWord`): the
    /// fact builder's, and 共, 共计 (共接受捐赠电脑105台) as the status cues read them.
    public static let guardWords = FactBuilder.pastCues.union(["共", "共计"])

    /// Whether `word` is one of `guardWords`. A word of ASCII and CJK ideographs only (what the cue
    /// words are) is in NFC, so it equals a String exactly when it equals it scalar by scalar: it is
    /// looked up as scalars (no String built and hashed per cue word and figure); any other is
    /// compared as a String.
    static func isGuardWord(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        if let guardScalars, word.allSatisfy(isPlain) { return guardScalars.contains(Array(word)) }
        return guardWords.contains(String(scalars: word))
    }

    /// `guardWords` as scalars, when every one is plain (`isPlain`); else nil (compared as Strings).
    static let guardScalars: Set<[Unicode.Scalar]>? =
        guardWords.allSatisfy { $0.unicodeScalars.allSatisfy(isPlain) }
        ? Set(guardWords.map { Array($0.unicodeScalars) }) : nil

    /// ASCII or a CJK ideograph of the basic block or extension A: scalars no canonical
    /// decomposition or composition touches.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// The feature of a figure whose rules' status stands on a word of the past (`Context.pastWord`).
    public static let pastGuard = "G=past"

    /// How many scalars before the figure, in its clause, give character pairs.
    public static let reach = 6

    /// The features of one figure, as `name=value` strings, without repeats.
    public static func features(_ c: Context) -> [String] {
        var sink = Strings()
        collect(c, into: &sink)
        return Array(Set(sink.features))
    }

    /// The hashes of `features(c)` (`IndicatorFeatures.hash`), sorted, without repeats: what a
    /// load looks the weights up by, made without building the strings.
    public static func hashes(_ c: Context) -> [UInt64] {
        var sink = Hashes()
        sink.hashes.reserveCapacity(64)
        collect(c, into: &sink)
        sink.hashes.sort()
        var kept = 0
        for index in sink.hashes.indices where index == 0 || sink.hashes[index] != sink.hashes[index - 1] {
            sink.hashes[kept] = sink.hashes[index]
            kept += 1
        }
        sink.hashes.removeLast(sink.hashes.count - kept)
        return sink.hashes
    }

    /// Where features go: their strings (training, --explain) or their hashes (a load).
    protocol Sink {
        mutating func add(_ a: String, _ b: String, _ c: String, _ d: String)
        mutating func add(_ name: String, _ scalars: ArraySlice<Unicode.Scalar>)
    }

    struct Strings: Sink {
        var features: [String] = []
        mutating func add(_ a: String, _ b: String, _ c: String, _ d: String) { features.append(a + b + c + d) }
        mutating func add(_ name: String, _ scalars: ArraySlice<Unicode.Scalar>) {
            var text = name
            text.unicodeScalars.append(contentsOf: scalars)
            features.append(text)
        }
    }

    /// FNV-1a over the parts' scalars in turn: the hash of the string they spell.
    struct Hashes: Sink {
        var hashes: [UInt64] = []
        static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
        static func mix(_ hash: inout UInt64, _ text: String) { IndicatorFeatures.mix(&hash, text) }
        mutating func add(_ a: String, _ b: String, _ c: String, _ d: String) {
            var hash = Self.seed
            Self.mix(&hash, a)
            Self.mix(&hash, b)
            Self.mix(&hash, c)
            Self.mix(&hash, d)
            hashes.append(hash)
        }
        mutating func add(_ name: String, _ scalars: ArraySlice<Unicode.Scalar>) {
            var hash = Self.seed
            Self.mix(&hash, name)
            for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
            hashes.append(hash)
        }
    }

    static func collect<S: Sink>(_ c: Context, into out: inout S) {
        let rules = c.rules.0.rawValue
        let words = c.words.0.rawValue
        let section = c.section.status?.rawValue ?? "-"
        let year = yearRelation(c)
        let cueClass = cueClass(c.rules.1)
        let plan = c.isPlanKind ? "true" : "false"
        let previous = c.previous?.rawValue ?? "-"
        out.add("bias", "", "", "")
        if c.pastWord { out.add(pastGuard, "", "", "") }
        out.add("R=", rules, "", "")
        out.add("RC=", cueClass, "", "")
        out.add("W=", words, "", "")
        out.add("K=", c.reportKind, "", "")
        out.add("KP=", plan, "", "")
        out.add("S=", section, "", "")
        out.add("Y=", year, "", "")
        out.add("YS=", c.yearSource.rawValue, "", "")
        out.add("U=", c.unit, "", "")
        out.add("I=", c.indicator, "", "")
        out.add("P=", previous, "", "")
        out.add("R|S=", rules, "|", section)
        out.add("R|Y=", rules, "|", year)
        out.add("W|S=", words, "|", section)
        out.add("W|KP=", words, "|", plan)
        out.add("R|RC=", rules, "|", cueClass)
        out.add("P|R=", previous, "|", rules)
        if cueClass == "word" || cueClass == "weak-word" { out.add("RW=", c.rules.1, "", "") }
        if !c.words.1.isEmpty { out.add("WW=", c.words.1, "", "") }
        if let cue = c.section.cue { out.add("SC=", cue, "", "") }
        let end = c.offset + c.length
        var nearest: WordTrie.Match?
        for match in c.cues {
            let place: String
            if match.start >= c.clause.lowerBound && match.end <= c.offset {
                place = "cb="
                nearest = match
            } else if match.start >= end && match.start < c.clause.upperBound {
                place = "ca="
            } else if match.end <= c.clause.lowerBound {
                place = "ce="
            } else if match.start >= c.clause.upperBound {
                place = "cl="
            } else {
                continue
            }
            out.add(place, c.scalars[match.start..<match.end])
        }
        // The nearest cue word before the figure in its clause, by the report's kind and the section.
        if let nearest {
            let word = c.scalars[nearest.start..<nearest.end]
            out.add("Kcb=" + c.reportKind + "|", word)
            out.add("Scb=" + section + "|", word)
        }
        for match in c.previousCues { out.add("cp=", c.scalars[match.start..<match.end]) }
        for match in c.firstCues { out.add("c0=", c.scalars[match.start..<match.end]) }
        for feature in c.document {
            out.add(feature, "", "", "")
            out.add("R|", feature, "|", rules)
        }
        context(c, rules: rules, into: &out)
        if let published = c.published {
            let relation = c.year.map { $0 < published ? "earlier" : $0 == published ? "same" : "later" } ?? "none"
            out.add("YP=", relation, "", "")
            out.add("R|YP=", rules, "|", relation)
        }
        years(c, into: &out)
        let lower = max(c.clause.lowerBound, c.offset - reach)
        if c.offset - lower >= 2 {
            for start in lower..<(c.offset - 1) { pair("b2=", start, &out, c.scalars) }
        }
        pair("co=", c.clause.lowerBound, &out, c.scalars)
        pair("so=", c.sentence.lowerBound, &out, c.scalars)
        pair("a2=", end, &out, c.scalars)
        // How the clause and the sentence end (…的目标, …以上, …左右, …完成).
        pair("cf=", c.clause.upperBound - 2, &out, c.scalars)
        pair("sf=", c.sentence.upperBound - 2, &out, c.scalars)
    }

    /// Whether `scalar` is a Han character of the basic block or extension A (a table lookup would
    /// cost more per figure than these two comparisons).
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// `name` and the two scalars at `start`, when both are Han characters.
    static func pair<S: Sink>(_ name: String, _ start: Int, _ out: inout S, _ scalars: [Unicode.Scalar]) {
        guard start >= 0, start + 1 < scalars.count, isHan(scalars[start]), isHan(scalars[start + 1]) else { return }
        out.add(name, scalars[start..<(start + 2)])
    }

    /// The years written in the sentence (four digits and 年) against the report's: `yb=` in the
    /// figure's clause before it, `ys=` elsewhere in the sentence, `dl=` one shaped as a deadline
    /// (到, 至, 在 or 于 before it).
    static func years<S: Sink>(_ c: Context, into out: inout S) {
        let upper = min(c.sentence.upperBound, c.scalars.count)
        var index = c.sentence.lowerBound
        while index + 4 < upper {
            defer { index += 1 }
            guard c.scalars[index + 4] == "年", (0..<4).allSatisfy({ ("0"..."9").contains(c.scalars[index + $0]) }),
                index == 0 || !("0"..."9").contains(c.scalars[index - 1])
            else { continue }
            let year = (0..<4).reduce(0) { $0 * 10 + Int(c.scalars[index + $1].value - 48) }
            let relation = c.reference.map { year < $0 ? "earlier" : year == $0 ? "same" : "later" } ?? "noref"
            let inClause = index >= c.clause.lowerBound && index < c.offset
            out.add(inClause ? "yb=" : "ys=", relation, "", "")
            if index > 0, deadlineMarks.contains(c.scalars[index - 1]) { out.add("dl=", relation, "", "") }
            if let published = c.published {
                out.add("yp=", year < published ? "earlier" : year == published ? "same" : "later", "", "")
            }
        }
    }

    static let deadlineMarks: Set<Unicode.Scalar> = ["到", "至", "在", "于"]

    /// The figure's year against the report's: none, earlier, same, later, or no report year.
    static func yearRelation(_ c: Context) -> String {
        guard let year = c.year else { return "none" }
        guard let reference = c.reference else { return "noref" }
        return year < reference ? "earlier" : year == reference ? "same" : "later"
    }

    /// The kind of cue behind a rules' status: a word of the text, or the source that spoke for
    /// it (kind:, section, deadline:, next-year:, a report kind for a plan), or none.
    static func cueClass(_ cue: String) -> String {
        guard let first = cue.utf8.first else { return "none" }
        // Only the sources' names start with a Latin letter: the prefixes are compared only for them.
        if first < 0x80 {
            for prefix in ["kind:", "section", "deadline:", "next-year:", FactBuilder.partPrefix]
            where cue.hasPrefix(prefix) { return prefix }
            // A budget page's reading (budget-page:, budget-base:, budget-column:, final-page:, final-column:).
            if cue.hasPrefix("budget-") || cue.hasPrefix("final-") { return "budget" }
        } else if FactBuilder.planKinds.contains(cue) {
            return "plan-kind"
        }
        if cue.utf8.contains(UInt8(ascii: "@")), cue.includes("@plan:") { return "plan-period" }
        return FactBuilder.weakAttainment.contains(cue) ? "weak-word" : "word"
    }
}
