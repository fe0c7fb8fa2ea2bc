import EduwhCore
import Normalize

extension FactBuilder {
    /// The facts of a glossed line read without its glosses (`PinyinGlosses`): the mentions move to
    /// the plain text's offsets, the facts keep their own quantities (offsets of the raw line). Nil
    /// when the line has no gloss.
    func unglossedFacts(
        _ quantities: [QuantityMention], line: LabeledLine, years: [YearMention], places: [PlaceMention],
        profile: DocumentProfile, scope: SectionScope.State, inherited: PlanTopic?, into found: inout [Fact]
    ) -> Bool {
        guard line.text.unicodeScalars.contains("(") else { return false }
        let scalars = Array(line.text.unicodeScalars)
        guard let glosses = PinyinGlosses.ranges(in: scalars) else { return false }
        var plain = line
        plain.text = PinyinGlosses.removing(glosses, from: scalars)
        let text = Array(plain.text.unicodeScalars)
        // A year's or place's surface is the raw line's (上(shàng)年): it moves with its offset.
        func moved<M>(_ mentions: [M], _ offset: WritableKeyPath<M, Int>, _ surface: WritableKeyPath<M, String>?) -> [M]
        {
            mentions.map {
                var m = $0
                let start = PinyinGlosses.folded(m[keyPath: offset], glosses)
                m[keyPath: offset] = start
                if let surface {
                    let end = PinyinGlosses.folded(
                        $0[keyPath: offset] + $0[keyPath: surface].unicodeScalars.count, glosses)
                    if start <= end, end <= text.count {
                        m[keyPath: surface] = String(String.UnicodeScalarView(text[start..<end]))
                    }
                }
                return m
            }
        }
        let start = found.count
        facts(
            moved(quantities, \.offset, nil), line: plain, years: moved(years, \.offset, \.surface),
            places: moved(places, \.offset, \.surface), profile: profile, scope: scope, inherited: inherited,
            glossFree: true, into: &found)
        for (index, quantity) in zip(start..<found.count, quantities) { found[index].quantity = quantity }
        return true
    }
}
