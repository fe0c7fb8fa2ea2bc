import EduwhCore
import Normalize

extension FactBuilder {
    /// The year the learned year chooser (`yearChooser`) gives a figure among the candidates the
    /// text offers (`YearChooser.candidates`), with its reason (`yearchooser:section 0.71 (rules
    /// 2019 0.40)`); the rules' year when the chooser is off. The candidates keep their features
    /// when `recordsFeatures` (for training). A sentence's mentions and cue words are read once.
    func chosenYear(
        _ year: (from: Int?, to: Int?, source: ContextSource), quantity: QuantityMention, status: FactStatus,
        profile: DocumentProfile, readings: inout SentenceReadings, at place: YearPlace
    ) -> (from: Int?, to: Int?, source: ContextSource, rule: String, candidates: [YearCandidate]) {
        let scalars = readings.scalars
        let latest = place.scope.year?.upperBound ?? profile.referenceYear
        let marks = Self.cached(&readings.yearMarks, place.sentence.index ?? -1) {
            let range = place.sentence.range
            let mentions = place.usable.filter { range.contains($0.offset) }
            return YearChooser.marks(mentions, sentence: range, scalars: scalars, latest: latest)
        }
        let earlier = place.usable.filter { $0.offset < place.sentence.range.lowerBound }
        let previous = earlier.compactMap(YearChooser.names).last ?? place.scope.previous
        // The line's own opening year is the topic of its later sentences (2021年以来，…。…新建…).
        var topic =
            YearChooser.topic(of: earlier, line: 0, scalars: { scalars }, latest: latest)
            ?? place.scope.topic
        if topic?.line == 0 { topic?.features.append("t:back0+") }
        let context = YearChooser.FactContext(
            rules: year, status: status, section: place.scope.year, previous: previous, topic: topic)
        let candidates = YearChooser.candidates(
            marks, quantity: quantity, clause: place.clause, fact: context, profile: profile,
            document: recordsFeatures ? profile.yearContext : nil)
        let recorded = recordsFeatures ? candidates : []
        guard let yearChooser, let rules = candidates.firstIndex(where: { $0.kinds.contains("rules") }) else {
            return (year.from, year.to, year.source, "", recorded)
        }
        let base = profile.yearChoiceBase
        let probabilities = candidates.map { candidate in
            yearChooser.probability(
                candidate.features,
                base: (base[""] ?? 0) + candidate.kinds.reduce(0) { $0 + (base[$1] ?? 0) })
        }
        let chosen = YearChooser.choose(
            probabilities, rules: rules, none: { candidates[$0].from == nil }, margins: yearChooser.margins)
        let pick = candidates[chosen]
        func named(_ index: Int) -> String {
            let kinds = candidates[index].kinds.filter { $0 != "rules" }
            return (kinds.isEmpty ? "rules" : kinds.joined(separator: "+")) + " " + format2(probabilities[index])
        }
        var rule = "yearchooser:" + named(chosen)
        if chosen != rules {
            rule += " (rules \(Self.shown(candidates[rules])) \(format2(probabilities[rules])))"
        } else if let other = probabilities.indices.filter({ $0 != rules }).max(by: {
            probabilities[$0] < probabilities[$1]
        }) {
            rule += " (next \(Self.shown(candidates[other])) \(named(other)))"
        }
        guard chosen != rules else { return (year.from, year.to, year.source, rule, recorded) }
        return (pick.from, pick.to, Self.source(of: pick), rule, recorded)
    }

    /// A candidate's years as the explanation shows them (2019, 2016-2020, none).
    static func shown(_ candidate: YearCandidate) -> String {
        guard let from = candidate.from, let to = candidate.to else { return "none" }
        return from == to ? "\(from)" : "\(from)-\(to)"
    }

    /// Where a chosen candidate came from, as the fact's year source.
    static func source(of candidate: YearCandidate) -> ContextSource {
        let kinds = candidate.kinds
        if kinds.contains("clause") { return .clause }
        if kinds.contains("sentence") || kinds.contains("since") { return .sentence }
        if kinds.contains("topic") { return .section }
        if kinds.contains("section") { return .section }
        if kinds.contains("none") { return .none }
        return .document
    }
}
