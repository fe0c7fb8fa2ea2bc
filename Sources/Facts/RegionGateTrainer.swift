import EduwhCore

/// One gold fact as the region chooser sees it: the region eduwh gave the matching fact, the gold
/// region, the chooser's features (empty when eduwh gave no region: the chooser only ever moves a
/// region up or blanks it) and whether the fact's other fields equal the gold (for fact exact).
public struct RegionExample: Sendable {
    public var features: [String]
    /// eduwh's region ("" for none) and the gold's.
    public var region: String
    public var gold: String
    public var site: String
    public var slice: String
    public var matched: Bool
    /// Value, unit, indicator, years and status all equal the gold.
    public var restExact: Bool
    /// The finer division the text names that the region may be lowered to ("" for none).
    public var lower: String

    /// `features` may carry the lower candidate (`RegionGate.lowerMark`): it is taken out of them.
    public init(
        features: [String], region: String, gold: String, site: String, slice: String, matched: Bool,
        restExact: Bool
    ) {
        let mark = RegionGate.lowerMark
        let lower = features.first { $0.hasPrefix(mark) }.map { String($0.dropFirst(mark.count)) } ?? ""
        (self.features, self.region, self.gold, self.site) = (
            features.filter { !$0.hasPrefix(mark) }, region, gold, site
        )
        (self.slice, self.matched, self.restExact, self.lower) = (slice, matched, restExact, lower)
    }

    /// Whether the chooser may change this region.
    public var gated: Bool { matched && !region.isEmpty }

    /// The region the fact ends with under `choice`.
    public func region(after choice: RegionGate.Choice) -> String {
        switch choice {
        case .keep: return region
        case .parent: return RegionGate.parent(of: region) ?? region
        case .empty: return ""
        case .lower: return lower.isEmpty ? region : lower
        }
    }

    /// The examples of one labelled page, matched as `IndicatorExample.matches` matches them.
    /// `facts` must have been built with `recordsFeatures`.
    public static func examples(
        goldFacts: String, goldQuantities: String, facts: [Fact], rawLines: [String], site: String, slice: String
    ) -> [RegionExample] {
        IndicatorExample.matches(goldFacts: goldFacts, goldQuantities: goldQuantities, facts: facts, rawLines: rawLines)
            .map { match in
                guard let fact = match.fact else {
                    return RegionExample(
                        features: [], region: "", gold: match.row[6], site: site, slice: slice, matched: false,
                        restExact: false)
                }
                return RegionExample(
                    features: fact.regionFeatures, region: fact.adcode ?? "", gold: match.row[6], site: site,
                    slice: slice, matched: true, restExact: match.restExact(excluding: .region))
            }
    }
}

/// Trains `RegionGate`s: each of its three models (keep, parent, empty) is a binary logistic
/// regression trained by the year gate's trainer (`YearGateTrainer`: L2, AdaGrad, features seen
/// on too few sites dropped, sites weighed 1/sqrt(n)) on a relabelled copy of the examples; the
/// margins are chosen on held-out site folds.
public struct RegionGateTrainer: Sendable {
    public var models = YearGateTrainer()
    /// What a wrong region costs, in right ones, when the margins are chosen (an empty one costs 0).
    public var wrongPenalty = 1.0

    public init() {}

    /// The probabilities of a gated example (`parent` nil when its region has none, `lower` when
    /// the text names no finer division inside it).
    public typealias Probabilities = (keep: Double, parent: Double?, empty: Double, lower: Double?)

    /// The examples as one model learns them: its choice's region stands as a year example's year.
    static func relabelled(_ examples: [RegionExample], model: String) -> [YearExample] {
        examples.map { example in
            var year = example.region
            var gold = example.gold
            switch model {
            case "parent": year = example.region.isEmpty ? "" : RegionGate.parent(of: example.region) ?? ""
            case "empty":
                year = example.region.isEmpty ? "" : "-"
                gold = gold.isEmpty ? "-" : gold
            case "lower": year = example.region.isEmpty ? "" : example.lower
            default: break
            }
            return YearExample(
                features: example.features, year: (year, ""), gold: (gold, ""), site: example.site,
                slice: example.slice, matched: example.matched, restExact: example.restExact)
        }
    }

    /// A chooser trained on `examples`, with these margins (on: threshold 1).
    public func train(
        _ examples: [RegionExample], margins: (parent: Double, empty: Double) = (2, 2), lowerMargin: Double = 2
    ) -> RegionGate {
        var weights: [String: Double] = ["@parent": margins.parent, "@empty": margins.empty, "@lower": lowerMargin]
        for model in RegionGate.models {
            for (feature, weight) in models.train(Self.relabelled(examples, model: model)).weights {
                weights[model + ":" + feature] = weight
            }
        }
        return RegionGate(table: YearGate(weights: weights, threshold: 1))
    }

    /// The probabilities of a gated example under `gate` (nil when it is not gated).
    public static func probabilities(_ example: RegionExample, _ gate: RegionGate) -> Probabilities? {
        guard example.gated else { return nil }
        let parent = RegionGate.parent(of: example.region).map { _ in
            gate.probability(example.features, model: "parent")
        }
        let lower = example.lower.isEmpty ? nil : gate.probability(example.features, model: "lower")
        return (
            gate.probability(example.features, model: "keep"), parent,
            gate.probability(example.features, model: "empty"), lower
        )
    }

    /// Each gated example's probabilities from a chooser trained without its fold's sites
    /// (`folds` 0: one site at a time; else sites dealt into `folds` groups by name order).
    public func heldOut(_ examples: [RegionExample], folds: Int) -> [Probabilities?] {
        siteFoldPredictions(
            examples, folds: folds, site: \.site, train: { train($0) },
            predict: { example, gate in Self.probabilities(example, gate) })
    }

    /// Right regions, wrong non-empty ones, exact facts, and the changes a chooser made: right
    /// regions it lost, wrong ones it made right, regions it moved up or blanked.
    public struct Score: Sendable, Hashable {
        public var total = 0
        public var right = 0
        public var wrong = 0
        public var exact = 0
        public var lost = 0
        public var fixed = 0
        public var raised = 0
        public var blanked = 0
        public var lowered = 0

        public var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
        public var exactShare: Double { total == 0 ? 0 : Double(exact) / Double(total) }
    }

    public static func score(
        _ examples: [RegionExample], _ probabilities: [Probabilities?], margins: (parent: Double, empty: Double),
        lowerMargin: Double = 2
    ) -> Score {
        var score = Score()
        for (example, probability) in zip(examples, probabilities) {
            score.total += 1
            guard example.matched else { continue }
            var choice = RegionGate.Choice.keep
            if let p = probability {
                choice = RegionGate.choose(
                    keep: p.keep, parent: p.parent, empty: p.empty, lower: p.lower, margins: margins,
                    lowerMargin: lowerMargin)
            }
            if choice == .parent { score.raised += 1 }
            if choice == .lower { score.lowered += 1 }
            if choice == .empty { score.blanked += 1 }
            let region = example.region(after: choice)
            let before = example.region == example.gold
            let after = region == example.gold
            if before, !after { score.lost += 1 }
            if !before, after { score.fixed += 1 }
            if after {
                score.right += 1
                if example.restExact { score.exact += 1 }
            } else if !region.isEmpty {
                score.wrong += 1
            }
        }
        return score
    }

    /// The margins tried when they are chosen (2: that choice is never made).
    public static let marginGrid = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 2.0]

    /// The margins that score best on held-out probabilities (right regions minus `wrongPenalty`
    /// per wrong one); (2, 2), the rules alone, when none beats them.
    public func bestMargins(_ examples: [RegionExample], _ probabilities: [Probabilities?]) -> (
        parent: Double, empty: Double
    ) {
        func utility(_ margins: (parent: Double, empty: Double)) -> Double {
            let score = Self.score(examples, probabilities, margins: margins)
            return Double(score.right) - wrongPenalty * Double(score.wrong)
        }
        var best = (margins: (parent: 2.0, empty: 2.0), utility: utility((2, 2)))
        for parent in Self.marginGrid {
            for empty in Self.marginGrid where utility((parent, empty)) > best.utility + 1e-9 {
                best = ((parent, empty), utility((parent, empty)))
            }
        }
        return best.margins
    }

    /// The margin for lowering a region that scores best on held-out probabilities with the
    /// other margins fixed (2, never, when none beats them).
    public func bestLowerMargin(
        _ examples: [RegionExample], _ probabilities: [Probabilities?], margins: (parent: Double, empty: Double)
    ) -> Double {
        func utility(_ lower: Double) -> Double {
            let score = Self.score(examples, probabilities, margins: margins, lowerMargin: lower)
            return Double(score.right) - wrongPenalty * Double(score.wrong)
        }
        var best = (margin: 2.0, utility: utility(2))
        for lower in Self.marginGrid where utility(lower) > best.utility + 1e-9 { best = (lower, utility(lower)) }
        return best.margin
    }
}
