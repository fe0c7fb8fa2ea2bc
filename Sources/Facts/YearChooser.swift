import EduwhCore
import Normalize

#if canImport(Glibc)
    import Glibc
#endif

/// A learned year chooser: one logistic regression that says how likely each year the text
/// offers a figure is its year. The candidates are the rules' year, each year the figure's
/// clause or sentence names (its relative years resolved), the section heading's year, the
/// report's reference year, its title's year, the period it covers, and none; a candidate that
/// several of these give is one candidate with all their kinds. Its features describe kinds:
/// where the candidate comes from, what the mention looks like (a since-year, a year before
/// which, a deadline, a comparison's base, a year opening its sentence), its distance to the
/// figure and the cue words between them (past, plan, comparison, until, as-of), the fact's
/// status, the rules' source, whether the candidates agree, and the document's year context
/// (`YearGate.documentFeatures`) crossed with the kind. The rules' year stands unless another
/// candidate beats it by its margin (`@change`, `@empty`): a wrong year is worse than none.
/// Weights are data (`rules/facts/year-chooser.tsv`, written by `eduwh train-year-chooser`) in the
/// year gate's table shape (`feature weight`; `@threshold` 1 = on, 0 = off).
///
/// ```swift
/// YearChooser.standard?.margins  // (change, empty) the site folds chose, when the shipped table is on
/// ```
public struct YearChooser: Sendable {
    public var table: YearGate

    public init(table: YearGate) { self.table = table }

    /// How much another year, or none, must beat the rules' year by (above 1: never).
    public var margins: (change: Double, empty: Double) {
        (table.weights["@change"] ?? 2, table.weights["@empty"] ?? 2)
    }

    /// The kinds a candidate may come from, in the order its explanation names them.
    public static let kinds = [
        "clause", "sentence", "since", "previous", "topic", "section", "title", "period", "document", "none", "rules",
    ]

    /// The probability that a candidate with these features is the figure's year, `base` added
    /// to its score (the document's part, `documentBase`).
    public func probability(_ features: [String], base: Double = 0) -> Double {
        1 / (1 + exp(-(score(features) + base)))
    }

    func score(_ features: [String]) -> Double {
        var score = table.weights["bias"] ?? 0
        for feature in features { score += table.weights[feature] ?? 0 }
        return score
    }

    /// The document's part of a candidate's score, per kind (key "" for the uncrossed part): its
    /// year context summed once per document.
    public func documentBase(_ context: [String]) -> [String: Double] {
        var base = ["": context.reduce(0) { $0 + (table.weights[$1] ?? 0) }]
        for kind in Self.kinds {
            base[kind] = context.reduce(0) { $0 + (table.weights["k:\(kind)|\($1)"] ?? 0) }
        }
        return base
    }

    /// The candidate chosen: the rules' (`rules`) unless another beats it by its margin (a none
    /// candidate by `margins.empty`, a year by `margins.change`); the best such gain wins.
    public static func choose(
        _ probabilities: [Double], rules: Int, none: (Int) -> Bool, margins: (change: Double, empty: Double)
    ) -> Int {
        var best = (index: rules, gain: 0.0)
        for (index, p) in probabilities.enumerated() where index != rules {
            let gain = p - probabilities[rules] - (none(index) ? margins.empty : margins.change)
            if gain > best.gain { best = (index, gain) }
        }
        return best.index
    }

    /// The shipped chooser, or nil when its table is missing or its threshold is 0 (off).
    public static let standard: YearChooser? = {
        guard let text = EmbeddedFiles.files[path], let table = try? YearGate(table: text), table.threshold > 0 else {
            return nil
        }
        return YearChooser(table: table)
    }()

    public static let path = "rules/facts/year-chooser.tsv"

    /// The year the title names (its first year, date or span in the years facts may carry).
    static func titleYear(_ document: CleanDocument, years: [Located<YearMention>]) -> Int? {
        let titles = Set(document.lines.filter { $0.label == .title }.map(\.number))
        return years.first { located in
            let kind = located.mention.kind
            return titles.contains(located.line) && (kind == .year || kind == .date || kind == .range)
                && located.mention.to.map(FactBuilder.factYears.contains) == true
        }?.mention.to
    }
}

// MARK: - Candidates

extension YearChooser {
    /// Whether a mention names a year or span facts may carry (a year, date, span or plan period).
    static func names(_ mention: YearMention) -> ClosedRange<Int>? {
        guard mention.kind != .placeholder, mention.kind != .relative, let from = mention.from, let to = mention.to,
            from <= to, FactBuilder.factYears.contains(from), FactBuilder.factYears.contains(to)
        else { return nil }
        return from...to
    }

    /// Sets each line's `previous`: the last year or span named on an earlier kept line.
    static func carryPrevious(
        _ scopes: inout [SectionScope.State], _ lines: [LabeledLine], _ years: [Int: [Located<YearMention>]]
    ) {
        var previous: ClosedRange<Int>?
        for (index, line) in lines.enumerated() where index < scopes.count {
            scopes[index].previous = previous
            guard line.label.isKept, line.label != .title else { continue }
            if let last = (years[line.number] ?? []).compactMap({ names($0.mention) }).last { previous = last }
        }
    }
}

extension YearChooser {
    /// A sentence's year mentions with what each looks like, and its cue words: read once for
    /// all the figures of the sentence.
    struct SentenceMarks {
        var mentions: [(mention: YearMention, features: [String])] = []
        /// The spans mentions open (`derivedSpan`), with the index of their mention.
        var spans: [(mention: Int, years: ClosedRange<Int>, feature: String)] = []
        var cues: [(offset: Int, kind: String)] = []
    }

    /// Cue words and their kinds (what a word between a year and a figure says of the figure).
    static let cueWords: [(word: [Unicode.Scalar], kind: String)] = [
        ("已", "past"), ("累计", "past"), ("以来", "past"), ("去年", "past"), ("上年", "past"), ("过去", "past"),
        ("先后", "past"), ("计划", "plan"), ("力争", "plan"), ("将", "plan"), ("预计", "plan"), ("目标", "plan"),
        ("确保", "plan"), ("争取", "plan"), ("拟", "plan"), ("比", "cmp"), ("较", "cmp"), ("相比", "cmp"),
        ("到", "until"), ("截至", "asof"), ("截止", "asof"), ("底", "end"), ("末", "end"), ("成立", "found"),
        ("建校", "found"), ("始建", "found"), ("创办", "found"), ("其中", "part"), ("分别", "resp"),
        ("期间", "during"), ("以前", "before"), ("之前", "before"), ("近年", "vague"), ("多年", "vague"),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    static let cueFirsts = Set(cueWords.map { $0.word[0] })

    /// The marks of one sentence (`mentions`: its usable year mentions).
    static func marks(
        _ mentions: [YearMention], sentence: Range<Int>, scalars: [Unicode.Scalar], latest: Int? = nil
    ) -> SentenceMarks {
        var marks = SentenceMarks()
        let upper = min(sentence.upperBound, scalars.count)
        var k = max(0, sentence.lowerBound)
        while k < upper {
            if cueFirsts.contains(scalars[k]) {
                for cue in cueWords where FactBuilder.starts(cue.word, at: k, in: scalars) {
                    marks.cues.append((k, cue.kind))
                }
            }
            k += 1
        }
        for mention in mentions where mention.from != nil && mention.to != nil {
            var features = ["m:" + mention.kind.rawValue]
            if FactBuilder.since(mention, in: scalars) { features.append("m:since") }
            if FactBuilder.isBefore(mention, in: scalars) { features.append("m:before") }
            if FactBuilder.isDeadline(mention, in: scalars) { features.append("m:deadline") }
            let inside = mention.offset > 0 && mention.offset <= scalars.count
            let lead: Unicode.Scalar = inside ? scalars[mention.offset - 1] : "。"
            if FactBuilder.isComparedWith(mention, in: scalars) || lead == "比" || lead == "较" {
                features.append("m:cmp")
            }
            if mention.offset <= sentence.lowerBound + 1 { features.append("m:opens") }
            let end = mention.offset + mention.surface.unicodeScalars.count
            features.append("pre1:" + YearGate.word(scalars, max(0, mention.offset - 1)..<mention.offset))
            features.append("post1:" + YearGate.word(scalars, end..<min(scalars.count, end + 1)))
            if let span = derivedSpan(mention, in: scalars, sentenceEnd: upper, latest: latest) {
                marks.spans.append((marks.mentions.count, span.years, span.feature))
            }
            marks.mentions.append((mention, features))
        }
        return marks
    }

    /// What a fact is read with: the rules' year and source, its status, its section's year.
    struct FactContext {
        var rules: (from: Int?, to: Int?, source: ContextSource)
        var status: FactStatus
        var section: ClosedRange<Int>?
        /// The last year or span named before the figure's sentence (its line, else earlier lines).
        var previous: ClosedRange<Int>?
        /// The year or span the figure's paragraph, or the last paragraph that opened with one, opened with.
        var topic: YearTopic? = nil
    }

    /// The years the text offers a figure, merged by value, with their features (the document's
    /// context crossed with their kinds only when `document` is given, for recording).
    static func candidates(
        _ marks: SentenceMarks, quantity: QuantityMention, clause: Range<Int>, fact: FactContext,
        profile: DocumentProfile, document: [String]?
    ) -> [YearCandidate] {
        var entries: [(from: Int?, to: Int?, kind: String, features: [String])] = [
            (fact.rules.from, fact.rules.to, "rules", [])
        ]
        let qEnd = quantity.offset + quantity.surface.unicodeScalars.count
        // A span a since-year or a start with a duration opens (2021年以来 → 2021-2023).
        for span in marks.spans {
            let (mention, features) = marks.mentions[span.mention]
            let before = mention.offset < quantity.offset ? "before" : "after"
            entries.append((span.years.lowerBound, span.years.upperBound, "since", features + [span.feature, before]))
        }
        // Nearest first, so a value named twice keeps its nearest mention's features.
        let mentions = marks.mentions.sorted {
            abs($0.mention.offset - quantity.offset) < abs($1.mention.offset - quantity.offset)
        }
        for (mention, features) in mentions {
            let start = mention.offset
            let end = start + mention.surface.unicodeScalars.count
            let before = end <= quantity.offset
            let between = before ? end..<quantity.offset : qEnd..<max(qEnd, start)
            var own = features
            own.append((before ? "before:" : "after:") + YearGate.bucket(between.count, [0, 3, 8, 20, 50]))
            for kind in Set(marks.cues.filter { between.contains($0.offset) }.map(\.kind)) { own.append("btw:" + kind) }
            if marks.mentions.contains(where: { between.contains($0.mention.offset) }) { own.append("yrbtw") }
            entries.append((mention.from, mention.to, clause.contains(start) ? "clause" : "sentence", own))
        }
        if let section = fact.section { entries.append((section.lowerBound, section.upperBound, "section", [])) }
        if let previous = fact.previous { entries.append((previous.lowerBound, previous.upperBound, "previous", [])) }
        if let topic = fact.topic {
            entries.append((topic.years.lowerBound, topic.years.upperBound, "topic", topic.features))
        }
        if let year = profile.titleYear { entries.append((year, year, "title", [])) }
        if let from = profile.periodFrom, let to = profile.periodTo, from <= to {
            entries.append((from, to, "period", []))
        }
        if let year = profile.referenceYear { entries.append((year, year, "document", [])) }
        entries.append((nil, nil, "none", []))
        return merged(entries, marks: marks, fact: fact, profile: profile, document: document)
    }

    /// One candidate per value, its kinds in `kinds` order, with the value's and the fact's features.
    static func merged(
        _ entries: [(from: Int?, to: Int?, kind: String, features: [String])], marks: SentenceMarks,
        fact: FactContext, profile: DocumentProfile, document: [String]?
    ) -> [YearCandidate] {
        var order: [String] = []
        var byValue: [String: (from: Int?, to: Int?, kinds: Set<String>, features: [String])] = [:]
        for entry in entries where entry.from == nil || FactBuilder.factYears.contains(entry.from!) {
            let key = entry.from == nil ? "-" : "\(entry.from!)-\(entry.to ?? entry.from!)"
            if byValue[key] == nil {
                order.append(key)
                byValue[key] = (entry.from, entry.to ?? entry.from, [], [])
            }
            byValue[key]!.kinds.insert(entry.kind)
            if byValue[key]!.features.isEmpty { byValue[key]!.features = entry.features }
        }
        let context = [
            "st:" + fact.status.rawValue, "rsrc:" + fact.rules.source.rawValue,
            fact.section == nil ? "nosect" : "insect",
            "sy:" + YearGate.bucket(marks.mentions.count, [0, 1, 2, 3]),
        ]
        return order.map { key in
            let value = byValue[key]!
            let kinds = Self.kinds.filter(value.kinds.contains)
            var features = kinds.map { "k:" + $0 } + value.features
            if let from = value.from, let to = value.to {
                features.append(from == to ? "single" : "span")
                if let reference = profile.referenceYear {
                    features.append(to == reference ? "rel:eq" : to < reference ? "rel:lt" : "rel:gt")
                } else {
                    features.append("rel:noref")
                }
                let sources = kinds.filter { $0 != "rules" }.count
                features.append("agree:" + YearGate.bucket(sources, [0, 1, 2, 3]))
            }
            for kind in kinds {
                for cue in context { features.append("k:\(kind)|\(cue)") }
                if let document {
                    for cue in document { features.append("k:\(kind)|\(cue)") }
                }
            }
            if let document { features += document }
            return YearCandidate(from: value.from, to: value.to, kinds: kinds, features: features)
        }
    }
}
