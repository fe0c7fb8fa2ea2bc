import EduwhCore
import Normalize

extension FactBuilder {
    /// The year a fact keeps, given the one the rules gave it: none for a count the plan starts
    /// from (现有学校541所 in a 十四五 plan: no figure of the plan's years), else the rules' year
    /// unless the learned year gate (`yearGate`) doubts it, which leaves it empty with its reason
    /// (`yeargate:0.31<0.45`). The gate's features are kept when `recordsFeatures` (for training).
    func gatedYear(
        _ year: (from: Int?, to: Int?, source: ContextSource), own: (mention: YearMention, source: ContextSource)?,
        quantity: QuantityMention, scalars: [Unicode.Scalar], status: FactStatus, sectioned: Bool,
        profile: DocumentProfile
    ) -> (from: Int?, to: Int?, source: ContextSource, rule: String, features: [String]) {
        if year.source == .document, status == .achieved, Self.isRunningPlan(profile) {
            return (nil, nil, .none, "", [])
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
