import EduwhCore

/// Trains and measures `StatusModel`s with `IndicatorTrainer`'s regression: an example is an
/// `IndicatorExample` whose label is the gold status, whose features are `StatusFeatures` and
/// whose `dictionary` choice is the rules' status (code) and cue (rule).
///
/// ```swift
/// let examples = StatusTrainer.examples(goldFacts: g, goldQuantities: q, facts: f, rawLines: r, site: s, slice: "fa")
/// let model = StatusTrainer().train(examples)
/// ```
public struct StatusTrainer: Sendable {
    public var regression = IndicatorTrainer()
    /// What a wrong known status costs, in right ones, when a policy is chosen.
    public var wrongPenalty = 0.5

    public init() {
        regression.epochs = 15
        regression.l2 = 0.002
        regression.minCount = 3
    }

    /// The examples of one labelled page: its gold facts matched to eduwh's facts as
    /// `IndicatorExample.examples` matches them. `facts` must have been built with
    /// `recordsFeatures` (for `Fact.statusFeatures`).
    public static func examples(
        goldFacts: String, goldQuantities: String, facts: [Fact], rawLines: [String], site: String, slice: String
    ) -> [IndicatorExample] {
        IndicatorExample.matches(goldFacts: goldFacts, goldQuantities: goldQuantities, facts: facts, rawLines: rawLines)
            .map { match in
                guard let fact = match.fact else {
                    return IndicatorExample(
                        features: [], label: match.row[7], site: site, slice: slice,
                        dictionary: .init(code: FactStatus.unknown.rawValue, rule: ""), matched: false,
                        restExact: false)
                }
                return IndicatorExample(
                    features: fact.statusFeatures, label: match.row[7], site: site, slice: slice,
                    dictionary: .init(code: fact.status.rawValue, rule: fact.statusCue), matched: true,
                    restExact: match.restExact(excluding: .status))
            }
    }

    /// A model trained on the matched examples (policy off).
    public func train(_ examples: [IndicatorExample]) -> IndicatorModel {
        regression.train(examples)
    }

    /// Each example's prediction by a model trained without its fold's sites.
    public func heldOut(_ examples: [IndicatorExample], folds: Int) -> [IndicatorModel.Prediction?] {
        regression.heldOut(examples, folds: folds)
    }

    /// The status `policy` gives each example (the rules' where there is no prediction).
    public static func chosen(
        _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?], policy: IndicatorModel.Policy
    ) -> [String] {
        zip(examples, predictions).map { example, prediction in
            guard example.matched else { return "" }
            let rules = (FactStatus(rawValue: example.dictionary.code) ?? .unknown, example.dictionary.rule)
            guard let prediction, !example.features.contains(StatusFeatures.pastGuard) else { return rules.0.rawValue }
            return StatusModel.decide(rules, prediction, policy: policy).0.rawValue
        }
    }

    /// Right statuses, wrong known ones and exact facts of the choices `codes`
    /// (`IndicatorTrainer.Score`; `unknown` counts as not wrong).
    public static func score(_ examples: [IndicatorExample], _ codes: [String]) -> IndicatorTrainer.Score {
        var score = IndicatorTrainer.Score()
        for (example, code) in zip(examples, codes) {
            score.total += 1
            guard example.matched else { continue }
            if code == example.label {
                score.right += 1
                if example.restExact { score.exact += 1 }
            } else if code != FactStatus.unknown.rawValue {
                score.wrongKnown += 1
            }
        }
        return score
    }

    /// The cue classes a policy may keep from the model (`StatusFeatures.cueClass`), none first (a
    /// tie goes to the policy that keeps less): a budget page's reading, a plan's kind, a cue word.
    static let keeps: [Set<String>] = [[], ["budget"], ["budget", "plan-kind"], ["budget", "word"]]

    /// The policies tried when one is chosen.
    public static let policyGrid: [IndicatorModel.Policy] = {
        var grid: [IndicatorModel.Policy] = []
        for fill in [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2] {
            for override in [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 2] {
                for doubt in [0, 0.05, 0.1, 0.2] {
                    for keep in keeps {
                        grid.append(IndicatorModel.Policy(fill: fill, override: override, doubt: doubt, keep: keep))
                    }
                }
            }
        }
        return grid
    }()

    /// The policy of the grid that scores best on held-out predictions (right statuses minus
    /// `wrongPenalty` per wrong known one; off when nothing beats the rules).
    public func bestPolicy(
        _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?]
    ) -> IndicatorModel.Policy {
        IndicatorModel.Policy.best(of: Self.policyGrid) { policy in
            let score = Self.score(examples, Self.chosen(examples, predictions, policy: policy))
            return Double(score.right) - wrongPenalty * Double(score.wrongKnown)
        }
    }
}
