import EduwhCore

#if canImport(Glibc)
    import Glibc
#endif

/// One gold fact as the year gate sees it: the year eduwh gave the matching fact, the gold year,
/// the gate's features (empty when eduwh gave no year: the gate only ever blanks a year) and
/// whether the fact's other fields equal the gold (for fact exact).
public struct YearExample: Sendable {
    public var features: [String]
    /// eduwh's year (from, to), "" for none.
    public var year: (from: String, to: String)
    public var gold: (from: String, to: String)
    public var site: String
    public var slice: String
    public var matched: Bool
    /// Value, unit, indicator, region and status all equal the gold.
    public var restExact: Bool

    public init(
        features: [String], year: (from: String, to: String), gold: (from: String, to: String), site: String,
        slice: String, matched: Bool, restExact: Bool
    ) {
        (self.features, self.year, self.gold, self.site) = (features, year, gold, site)
        (self.slice, self.matched, self.restExact) = (slice, matched, restExact)
    }

    /// Whether eduwh's year equals the gold's.
    public var right: Bool { matched && year == gold }
    /// Whether the gold has no year.
    public var goldEmpty: Bool { gold.from.isEmpty && gold.to.isEmpty }
    /// Whether the gate may blank this year.
    public var gated: Bool { matched && !year.from.isEmpty }

    /// The examples of one labelled page, matched as `IndicatorExample.examples` matches them.
    /// `facts` must have been built with `recordsFeatures`.
    public static func examples(
        goldFacts: String, goldQuantities: String, facts: [Fact], rawLines: [String], site: String, slice: String
    ) -> [YearExample] {
        IndicatorExample.matches(goldFacts: goldFacts, goldQuantities: goldQuantities, facts: facts, rawLines: rawLines)
            .map { match in
                var example = YearExample(
                    features: [], year: ("", ""), gold: (match.row[4], match.row[5]), site: site, slice: slice,
                    matched: false, restExact: false)
                guard let fact = match.fact else { return example }
                example.matched = true
                example.year = (fact.yearFrom.map(String.init) ?? "", fact.yearTo.map(String.init) ?? "")
                example.features = fact.yearFeatures
                example.restExact = match.restExact(excluding: .years)
                return example
            }
    }
}

/// Trains `YearGate`s (binary logistic regression, L2, AdaGrad, rare features dropped) on the
/// years eduwh gives, labelled right or wrong by the gold, and measures them on unseen sites.
public struct YearGateTrainer: Sendable {
    public var epochs = 20
    public var rate = 0.2
    public var l2 = 0.01
    /// Fewest sites a feature must be seen on.
    public var minCount = 5
    /// What a wrong year costs, in right ones, when the threshold is chosen (an empty year costs 0).
    public var wrongPenalty = 1.0
    /// Whether a site's examples weigh 1/sqrt(their number) in training.
    public var siteWeighting = true

    public init() {}

    /// A gate trained on the examples whose year it may blank (threshold 0).
    public func train(_ examples: [YearExample]) -> YearGate {
        let usable = examples.filter(\.gated)
        // A feature must be seen on `minCount` sites: one read on a single site names that site.
        var sites: [String: Set<String>] = [:]
        for example in usable { for feature in example.features { sites[feature, default: []].insert(example.site) } }
        let names = ["bias"] + sites.filter { $0.value.count >= minCount }.map(\.key).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        // A site's examples weigh 1/sqrt(their number): a long page does not teach its own quirks.
        var perSite: [String: Int] = [:]
        for example in usable { perSite[example.site, default: 0] += 1 }
        let rows = usable.map { example in
            (
                [0] + Array(Set(example.features.compactMap { index[$0] })).sorted(), example.right ? 1.0 : 0.0,
                siteWeighting ? 1 / Double(perSite[example.site]!).squareRoot() : 1
            )
        }
        var model = AdaGradWeights(count: names.count, rate: rate)
        AdaGradWeights.passes(rows: rows.count, epochs: epochs) { row in
            let (features, label, weight) = rows[row]
            let score = features.reduce(0.0) { $0 + model.weights[$1] }
            let error = (1 / (1 + exp(-score)) - label) * weight
            for f in features { model.update(f, gradient: error + (f == 0 ? 0 : l2 * model.weights[f])) }
        }
        let weights = model.weights
        var table: [String: Double] = [:]
        for (f, name) in names.enumerated() where abs(weights[f]) >= 0.01 || f == 0 { table[name] = weights[f] }
        return YearGate(weights: table, threshold: 0)
    }

    /// Each gated example's probability from a gate trained without its fold's sites (`folds`
    /// 0: one site at a time; else sites dealt into `folds` groups by name order).
    public func heldOut(_ examples: [YearExample], folds: Int) -> [Double?] {
        siteFoldPredictions(examples, folds: folds, site: \.site, train: train) { example, gate in
            example.gated ? gate.probability(example.features) : nil
        }
    }

    /// Right years, wrong non-empty years, and exact facts when years under `threshold` are blanked.
    public struct Score: Sendable, Hashable {
        public var total = 0
        public var right = 0
        public var wrong = 0
        public var exact = 0
        public var blanked = 0

        public var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
        public var exactShare: Double { total == 0 ? 0 : Double(exact) / Double(total) }
    }

    public static func score(_ examples: [YearExample], _ probabilities: [Double?], threshold: Double) -> Score {
        var score = Score()
        for (example, probability) in zip(examples, probabilities) {
            score.total += 1
            guard example.matched else { continue }
            let blank = example.gated && (probability ?? 1) < threshold
            if blank { score.blanked += 1 }
            let right = blank ? example.goldEmpty : example.right
            if right {
                score.right += 1
                if example.restExact { score.exact += 1 }
            } else if !blank, !example.year.from.isEmpty {
                score.wrong += 1
            }
        }
        return score
    }

    /// The thresholds tried when one is chosen.
    public static let thresholds = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]

    /// The threshold that scores best on held-out probabilities (right years minus `wrongPenalty`
    /// per wrong one); 0 (off) when none beats keeping every year.
    public func bestThreshold(_ examples: [YearExample], _ probabilities: [Double?]) -> Double {
        func utility(_ threshold: Double) -> Double {
            let score = Self.score(examples, probabilities, threshold: threshold)
            return Double(score.right) - wrongPenalty * Double(score.wrong)
        }
        var best = (threshold: 0.0, utility: utility(0))
        for threshold in Self.thresholds where utility(threshold) > best.utility + 1e-9 {
            best = (threshold, utility(threshold))
        }
        return best.threshold
    }
}
