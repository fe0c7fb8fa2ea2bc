import EduwhCore
import Normalize

extension FactBuilder {
    /// Where a figure stands in its line, for its year: the line's usable year mentions, the
    /// figure's clause and sentence, and the section scope in force.
    struct YearPlace {
        var usable: [YearMention]
        var clause: Range<Int>
        var sentence: (index: Int?, range: Range<Int>)
        var scope: SectionScope.State
        /// The rule a kind of sentence gave the year (`sentenceKindYear`), if any.
        var rule = ""
    }

    /// The year a fact keeps, given the one the rules gave it: none for a count the plan starts
    /// from (现有学校541所 in a 十四五 plan: no figure of the plan's years), else the rules' year
    /// unless the learned year gate (`yearGate`) doubts it, which leaves it empty with its reason
    /// (`yeargate:0.31<0.45`); then the learned year chooser's pick among the years the text
    /// offers (`chosenYear`). The features are kept when `recordsFeatures` (for training).
    func gatedYear(
        _ year: (from: Int?, to: Int?, source: ContextSource), own: (mention: YearMention, source: ContextSource)?,
        quantity: QuantityMention, status: FactStatus, profile: DocumentProfile, readings: inout SentenceReadings,
        at place: YearPlace
    ) -> (from: Int?, to: Int?, source: ContextSource, rule: String, features: [String], candidates: [YearCandidate]) {
        var gated = rulesYear(
            year, own: own, quantity: quantity, scalars: readings.scalars, status: status,
            sectioned: place.scope.year != nil, profile: profile)
        if gated.rule.isEmpty, !place.rule.isEmpty { gated.rule = place.rule }
        if gated.from == nil, gated.rule.isEmpty { gated.rule = Self.emptyYearReason(own: own, place: place) }
        if gated.from != nil, gated.rule.isEmpty {
            gated.rule = Self.scopeRule(
                own: own, from: gated.from, source: gated.source, quantity: quantity, sentence: place.sentence.range)
        }
        guard yearChooser != nil || recordsFeatures else {
            return (gated.from, gated.to, gated.source, gated.rule, gated.features, [])
        }
        let chosen = chosenYear(
            (gated.from, gated.to, gated.source), quantity: quantity, status: status, profile: profile,
            readings: &readings, at: place)
        let rule = chosen.rule.isEmpty ? gated.rule : chosen.rule
        return (chosen.from, chosen.to, chosen.source, rule, gated.features, chosen.candidates)
    }

    /// Why the rules left a figure no year: its clause or sentence names one that dates no figure
    /// (a since-year with no end, a year before which, a run of recent years, a comparison's
    /// base), or nothing in its clause, sentence, section or report names one.
    static func emptyYearReason(own: (mention: YearMention, source: ContextSource)?, place: YearPlace) -> String {
        // Constant texts: no string is built per figure.
        if let own, own.mention.from == nil {
            return "noyear:its year is hidden or unresolved (20xx年; 今年 where the report's year is unclear or doubted)"
        }
        switch own?.source {
        case .clause?: return "noyear:the clause's year dates no figure (since, before, recent years, comparison)"
        case .sentence?: return "noyear:the sentence's year dates no figure (since, before, recent years, comparison)"
        case _?: return "noyear:its year dates no figure"
        case nil:
            return "noyear:no year in clause, sentence (before it: scope:no-later-clause), section or report"
        }
    }

    /// The rules' year after the running-plan rule and the learned year gate.
    func rulesYear(
        _ year: (from: Int?, to: Int?, source: ContextSource), own: (mention: YearMention, source: ContextSource)?,
        quantity: QuantityMention, scalars: [Unicode.Scalar], status: FactStatus, sectioned: Bool,
        profile: DocumentProfile
    ) -> (from: Int?, to: Int?, source: ContextSource, rule: String, features: [String]) {
        if year.source == .document, status == .achieved, Self.isRunningPlan(profile) {
            return (nil, nil, .none, "noyear:a count the running plan starts from", [])
        }
        guard let from = year.from, let to = year.to, yearGate != nil || recordsFeatures else {
            return (year.from, year.to, year.source, "", [])
        }
        let features = YearGate.features(
            own: own, from: from, to: to, source: year.source, quantity: quantity, scalars: scalars, status: status,
            sectioned: sectioned, profile: profile)
        let recorded = recordsFeatures ? features : []
        guard let yearGate else { return (from, to, year.source, "", recorded) }
        let probability = yearGate.probability(features)
        let shown = format2(probability)
        if probability < yearGate.threshold {
            return (nil, nil, .none, "yeargate:\(shown)<\(yearGate.threshold)", recorded)
        }
        return (from, to, year.source, "yeargate:\(shown)", recorded)
    }
}
