import EduwhCore

#if canImport(Glibc)
    import Glibc
#endif

/// One gold fact as the learned indicator chooser sees it: the features the Facts stage read
/// for the matching quantity, the gold indicator, the site it comes from (for leave-site-out
/// measurement) and what the dictionary chose.
public struct IndicatorExample: Sendable {
    public var features: [String]
    /// The gold indicator.
    public var label: String
    /// The site (host) the page comes from: a held-out fold leaves whole sites out.
    public var site: String
    /// The corpus slice (fa … fi, seed).
    public var slice: String
    /// The dictionary's and grammar's choice.
    public var dictionary: IndicatorMapper.Choice
    /// Whether eduwh found the quantity at all (a gold fact not found is wrong whatever the model says).
    public var matched: Bool
    /// Whether every other field of the fact (value, unit, years, region, status) equals the gold.
    public var restExact: Bool
    /// The gold surface and its sentence (for reading misses: `train-indicators --dump`).
    public var surface = ""
    public var sentence = ""
    /// The raw line the gold fact stands on, and the table cell lineage of its fact (for reading misses).
    public var lineText = ""
    public var tableCell = ""

    public init(
        features: [String], label: String, site: String, slice: String, dictionary: IndicatorMapper.Choice,
        matched: Bool, restExact: Bool
    ) {
        self.features = features
        self.label = label
        self.site = site
        self.slice = slice
        self.dictionary = dictionary
        self.matched = matched
        self.restExact = restExact
    }
}

/// Trains `IndicatorModel`s: multinomial logistic regression with L2, AdaGrad steps, features seen
/// fewer than `minCount` times dropped and weights under `prune` pruned (the shipped table holds
/// only the rest); and measures them on sites left out of training.
///
/// ```swift
/// let model = IndicatorTrainer().train(examples)
/// model.predict(examples[0].features, dictionary: "unknown").code
/// ```
public struct IndicatorTrainer: Sendable {
    public var epochs = 15
    public var rate: Float = 0.2
    public var l2: Float = 0.002
    public var minCount = 2
    /// Fewest sites a feature must be seen on (a word of one site's template says nothing of others).
    /// 1 (off) by measurement, 2026-12-06 on 580 pages: indicator on 10 site folds 0.737 at 1 and 3,
    /// 0.730 at 6; trained without fu and scored on it 0.604 / 0.576 / 0.563; without ft,fu 0.587 /
    /// 0.588 / 0.574. The status chooser gains a little at 3 (`train-status` uses 3).
    public var minSites = 1
    /// Whether each example weighs 1/sqrt(facts of its site) (scaled to a mean of 1): a site with
    /// many figures then teaches less of its own wording.
    public var weighSites = false
    public var prune: Float = 0.05
    /// What a wrong indicator that is not `unknown` costs, in right ones, when a policy is chosen.
    public var wrongPenalty = 0.25

    public init() {}

    /// A model trained on the matched examples (policy off).
    public func train(_ examples: [IndicatorExample]) -> IndicatorModel {
        let usable = examples.filter(\.matched)
        var counts: [String: Int] = [:]
        var sites: [String: Set<String>] = [:]
        for example in usable {
            for feature in Set(example.features) {
                counts[feature, default: 0] += 1
                if minSites > 1 { sites[feature, default: []].insert(example.site) }
            }
        }
        let names = counts.filter { $0.value >= minCount && (minSites <= 1 || sites[$0.key]!.count >= minSites) }
            .map(\.key).sorted()
        let featureIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let classes = Array(Set(usable.map(\.label)).union([IndicatorMapper.unknownCode])).sorted()
        let classIndex = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        let width = classes.count
        let rows = usable.map { example in
            (Array(Set(example.features.compactMap { featureIndex[$0] })).sorted(), classIndex[example.label]!)
        }
        var weights = [Float](repeating: 0, count: names.count * width)
        var squares = [Float](repeating: 1e-6, count: names.count * width)
        var perSite: [String: Int] = [:]
        for example in usable { perSite[example.site, default: 0] += 1 }
        var share = usable.map { weighSites ? 1 / Float(perSite[$0.site]!).squareRoot() : 1 }
        let mean = share.reduce(0, +) / Float(max(share.count, 1))
        for index in share.indices { share[index] /= mean }
        var order = Array(rows.indices)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var scores = [Float](repeating: 0, count: width)
        for _ in 0..<epochs {
            // A fixed shuffle per epoch (LCG): the same data trains the same model.
            WeightTable.shuffle(&order, seed: &seed)
            for row in order {
                let (features, label) = rows[row]
                for c in 0..<width { scores[c] = 0 }
                for f in features { for c in 0..<width { scores[c] += weights[f * width + c] } }
                let top = scores.max() ?? 0
                var sum: Float = 0
                for c in 0..<width {
                    scores[c] = expf(scores[c] - top)
                    sum += scores[c]
                }
                for c in 0..<width { scores[c] = share[row] * (scores[c] / sum - (c == label ? 1 : 0)) }
                for f in features {
                    for c in 0..<width {
                        let k = f * width + c
                        let gradient = scores[c] + l2 * weights[k]
                        squares[k] += gradient * gradient
                        weights[k] -= rate * gradient / squares[k].squareRoot()
                    }
                }
            }
        }
        var table: [String: [(Int, Float)]] = [:]
        for (f, name) in names.enumerated() {
            // A feature adds the same to every class's score when the median of its row is taken
            // off all of them: the probabilities do not change, and most weights become ~0.
            let median = (0..<width).map { weights[f * width + $0] }.sorted()[width / 2]
            for c in 0..<width { weights[f * width + c] -= median }
            // Every class keeps its bias, so a table read back has every class.
            let floor = name == "bias" ? 0 : prune
            let row = (0..<width).compactMap { c in
                abs(weights[f * width + c]) >= floor ? (c, weights[f * width + c]) : nil
            }
            if !row.isEmpty { table[name] = row }
        }
        return IndicatorModel(classes: classes, weights: table, policy: .off)
    }

    /// Each example's prediction by a model trained without its fold's sites: `folds` 0 leaves
    /// one site out at a time, otherwise sites are dealt into `folds` groups (by name order).
    public func heldOut(_ examples: [IndicatorExample], folds: Int) -> [IndicatorModel.Prediction?] {
        siteFoldPredictions(examples, folds: folds, site: \.site, train: train) { example, model in
            example.matched ? model.predict(example.features, dictionary: example.dictionary.code) : nil
        }
    }

    /// Right indicators, wrong ones other than `unknown`, and exact facts, of a policy.
    public struct Score: Sendable, Hashable {
        public var total = 0
        public var right = 0
        public var wrongKnown = 0
        public var exact = 0
        /// Gold `unknown` given an indicator, and a gold indicator left `unknown`.
        public var knownForUnknown = 0
        public var unknownForKnown = 0

        public var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
        public var exactShare: Double { total == 0 ? 0 : Double(exact) / Double(total) }
    }

    /// The indicator `policy` gives each example (the dictionary's where there is no prediction).
    public static func chosen(
        _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?], policy: IndicatorModel.Policy
    ) -> [String] {
        zip(examples, predictions).map { example, prediction in
            guard example.matched else { return "" }
            guard let prediction else { return example.dictionary.code }
            return IndicatorModel.decide(example.dictionary, prediction, policy: policy).code
        }
    }

    /// How the choices `codes` score against the gold.
    public static func score(_ examples: [IndicatorExample], _ codes: [String]) -> Score {
        var score = Score()
        for (example, code) in zip(examples, codes) {
            score.total += 1
            guard example.matched else { continue }
            if code == example.label {
                score.right += 1
                if example.restExact { score.exact += 1 }
            } else if code != IndicatorMapper.unknownCode {
                score.wrongKnown += 1
                if example.label == IndicatorMapper.unknownCode { score.knownForUnknown += 1 }
            } else {
                score.unknownForKnown += 1
            }
        }
        return score
    }

    /// The cue kinds a policy may keep, widest first (a tie goes to the policy that reads fewer
    /// features): the grammar's reading, a comparison's base, a part of a total (其中) and a rate of
    /// its own are the dictionary's surest choices.
    static let keeps: [Set<String>] = [["grammar", "compared", "part", "own-rate"], ["grammar"], []]

    /// The policies tried when one is chosen.
    public static let policyGrid: [IndicatorModel.Policy] = {
        var grid: [IndicatorModel.Policy] = []
        for fill in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2] {
            for override in [0.6, 0.7, 0.8, 0.9, 0.95, 2] {
                for doubt in [0, 0.01, 0.03, 0.05, 0.1] {
                    for keep in keeps {
                        grid.append(IndicatorModel.Policy(fill: fill, override: override, doubt: doubt, keep: keep))
                    }
                }
            }
        }
        return grid
    }()

    /// The policy of the grid that scores best on held-out predictions (right answers minus
    /// `wrongPenalty` per wrong known indicator; off when nothing beats the dictionary).
    public func bestPolicy(
        _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?]
    ) -> IndicatorModel.Policy {
        IndicatorModel.Policy.best(of: Self.policyGrid) { policy in
            let score = Self.score(examples, Self.chosen(examples, predictions, policy: policy))
            return Double(score.right) - wrongPenalty * Double(score.wrongKnown)
        }
    }

    /// The shipped table's text: header comment, column names, policy rows, weights.
    public static func table(_ model: IndicatorModel, policy: IndicatorModel.Policy, comment: [String]) -> String {
        var lines = comment.map { "# " + $0 }
        lines.append("feature\tindicator\tweight")
        lines.append("@fill\t-\t\(policy.fill)")
        lines.append("@override\t-\t\(policy.override)")
        lines.append("@doubt\t-\t\(policy.doubt)")
        for kind in policy.keep.sorted() { lines.append("@keep\t\(kind)\t1") }
        for feature in model.weights.keys.sorted() where !feature.contains(where: { $0 == "\t" || $0.isNewline }) {
            for (index, weight) in model.weights[feature]!.sorted(by: { $0.0 < $1.0 }) {
                let rounded = (Double(weight) * 1000).rounded() / 1000
                lines.append("\(feature)\t\(model.classes[index])\t\(rounded)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
