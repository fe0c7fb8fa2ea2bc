import EduwhCore

/// One gold fact as the year chooser sees it: the candidates eduwh offered the matching fact
/// (their years, kinds and features), which one the rules took, the gold years and whether the
/// fact's other fields equal the gold (for fact exact).
public struct YearChoiceExample: Sendable {
    public struct Candidate: Sendable {
        /// Its years ("" for none).
        public var year: (from: String, to: String)
        public var kinds: [String]
        public var features: [String]

        public init(year: (from: String, to: String), kinds: [String], features: [String]) {
            (self.year, self.kinds, self.features) = (year, kinds, features)
        }

        public var isNone: Bool { year.from.isEmpty }
    }

    public var candidates: [Candidate]
    /// The rules' candidate (nil when the fact was not matched).
    public var rules: Int?
    public var gold: (from: String, to: String)
    public var site: String
    public var slice: String
    /// Value, unit, indicator, region and status all equal the gold.
    public var restExact: Bool
    /// The gold row's line and surface (for reading a dump).
    public var line = ""
    public var surface = ""

    public init(
        candidates: [Candidate], rules: Int?, gold: (from: String, to: String), site: String, slice: String,
        restExact: Bool
    ) {
        (self.candidates, self.rules, self.gold, self.site) = (candidates, rules, gold, site)
        (self.slice, self.restExact) = (slice, restExact)
    }

    public var matched: Bool { rules != nil }

    /// Whether candidate `index` is the gold's years.
    public func right(_ index: Int) -> Bool { candidates[index].year == gold }

    /// The examples of one labelled page, matched as `IndicatorExample.matches` matches them.
    /// `facts` must have been built with `recordsFeatures`.
    public static func examples(
        goldFacts: String, goldQuantities: String, facts: [Fact], rawLines: [String], site: String, slice: String
    ) -> [YearChoiceExample] {
        IndicatorExample.matches(goldFacts: goldFacts, goldQuantities: goldQuantities, facts: facts, rawLines: rawLines)
            .map { match in
                let gold = (match.row[4], match.row[5])
                guard let fact = match.fact else {
                    var example = YearChoiceExample(
                        candidates: [], rules: nil, gold: gold, site: site, slice: slice, restExact: false)
                    (example.line, example.surface) = (match.row[0], match.row[2])
                    return example
                }
                let candidates = fact.yearCandidates.map { candidate in
                    Candidate(
                        year: (candidate.from.map(String.init) ?? "", candidate.to.map(String.init) ?? ""),
                        kinds: candidate.kinds, features: candidate.features)
                }
                var example = YearChoiceExample(
                    candidates: candidates, rules: candidates.firstIndex { $0.kinds.contains("rules") }, gold: gold,
                    site: site, slice: slice, restExact: match.restExact(excluding: .years))
                (example.line, example.surface) = (match.row[0], match.row[2])
                return example
            }
    }
}

/// Trains `YearChooser`s: one binary logistic regression (the year gate's trainer,
/// `YearGateTrainer`: L2, AdaGrad, features seen on too few sites dropped, sites weighed
/// 1/sqrt(n)) over every candidate of every matched gold fact, labelled right when its years are
/// the gold's (none right when the gold has none); the margins are chosen on held-out site folds.
public struct YearChooserTrainer: Sendable {
    public var model = YearGateTrainer()
    /// What a wrong year costs, in right ones, when the margins are chosen (an empty one costs 0).
    public var wrongPenalty = 1.0

    public init() {}

    /// The candidates as the year gate's trainer learns them: a none candidate is the year "-".
    static func rows(_ examples: [YearChoiceExample]) -> [YearExample] {
        examples.filter(\.matched).flatMap { example in
            let gold = example.gold.from.isEmpty ? ("-", "-") : example.gold
            return example.candidates.map { candidate in
                YearExample(
                    features: candidate.features, year: candidate.isNone ? ("-", "-") : candidate.year, gold: gold,
                    site: example.site, slice: example.slice, matched: true, restExact: false)
            }
        }
    }

    /// A chooser trained on `examples`, with these margins (on: threshold 1).
    public func train(_ examples: [YearChoiceExample], margins: (change: Double, empty: Double) = (2, 2))
        -> YearChooser
    {
        var weights = model.train(Self.rows(examples)).weights
        (weights["@change"], weights["@empty"]) = (margins.change, margins.empty)
        return YearChooser(table: YearGate(weights: weights, threshold: 1))
    }

    /// Each candidate's probability under `chooser` (nil when the example was not matched).
    public static func probabilities(_ example: YearChoiceExample, _ chooser: YearChooser) -> [Double]? {
        guard example.matched else { return nil }
        return example.candidates.map { chooser.probability($0.features) }
    }

    /// Each matched example's probabilities from a chooser trained without its fold's sites
    /// (`folds` 0: one site at a time; else sites dealt into `folds` groups by name order).
    public func heldOut(_ examples: [YearChoiceExample], folds: Int) -> [[Double]?] {
        siteFoldPredictions(
            examples, folds: folds, site: \.site, train: { train($0) },
            predict: { example, chooser in Self.probabilities(example, chooser) })
    }

    /// The candidate chosen for an example under these margins (nil when not matched).
    public static func choice(
        _ example: YearChoiceExample, _ probabilities: [Double]?, margins: (change: Double, empty: Double)
    ) -> Int? {
        guard let rules = example.rules else { return nil }
        guard let probabilities else { return rules }
        return YearChooser.choose(
            probabilities, rules: rules, none: { example.candidates[$0].isNone }, margins: margins)
    }

    /// Right years, wrong non-empty ones, exact facts, and the changes a chooser made: right
    /// years it lost, wrong ones it made right, years it changed, blanked or filled.
    public struct Score: Sendable, Hashable {
        public var total = 0
        public var right = 0
        public var wrong = 0
        public var exact = 0
        public var lost = 0
        public var fixed = 0
        public var changed = 0
        public var blanked = 0
        public var filled = 0

        public var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) }
        public var exactShare: Double { total == 0 ? 0 : Double(exact) / Double(total) }
    }

    public static func score(
        _ examples: [YearChoiceExample], _ probabilities: [[Double]?], margins: (change: Double, empty: Double)
    ) -> Score {
        var score = Score()
        for (example, probability) in zip(examples, probabilities) {
            score.total += 1
            guard let rules = example.rules, let chosen = choice(example, probability, margins: margins) else {
                continue
            }
            let (before, after) = (example.right(rules), example.right(chosen))
            if chosen != rules {
                let (from, to) = (example.candidates[rules], example.candidates[chosen])
                if to.isNone {
                    score.blanked += 1
                } else if from.isNone {
                    score.filled += 1
                } else {
                    score.changed += 1
                }
            }
            if before, !after { score.lost += 1 }
            if !before, after { score.fixed += 1 }
            if after {
                score.right += 1
                if example.restExact { score.exact += 1 }
            } else if !example.candidates[chosen].isNone {
                score.wrong += 1
            }
        }
        return score
    }

    /// The margins tried when they are chosen (2: that choice is never made).
    public static let marginGrid = [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 2.0]

    /// The margins that score best on held-out probabilities (right years minus `wrongPenalty`
    /// per wrong one); (2, 2), the rules alone, when none beats them.
    public func bestMargins(_ examples: [YearChoiceExample], _ probabilities: [[Double]?]) -> (
        change: Double, empty: Double
    ) {
        func utility(_ margins: (change: Double, empty: Double)) -> Double {
            let score = Self.score(examples, probabilities, margins: margins)
            return Double(score.right) - wrongPenalty * Double(score.wrong)
        }
        var best = (margins: (change: 2.0, empty: 2.0), utility: utility((2, 2)))
        for change in Self.marginGrid {
            for empty in Self.marginGrid where utility((change, empty)) > best.utility + 1e-9 {
                best = ((change, empty), utility((change, empty)))
            }
        }
        return best.margins
    }

    /// The year misses by kind: for each example whose year ends wrong (or empty while the gold
    /// has one), where the right year was offered (its candidate's first kind, `absent` when no
    /// candidate was right, `unmatched` when eduwh made no such fact); counted for the rules and
    /// for the chooser under `margins`.
    public static func missesByKind(
        _ examples: [YearChoiceExample], _ probabilities: [[Double]?], margins: (change: Double, empty: Double)
    ) -> [String: (rules: Int, chooser: Int)] {
        var misses: [String: (rules: Int, chooser: Int)] = [:]
        for (example, probability) in zip(examples, probabilities) {
            guard let rules = example.rules, let chosen = choice(example, probability, margins: margins) else {
                misses["unmatched", default: (0, 0)].rules += 1
                misses["unmatched", default: (0, 0)].chooser += 1
                continue
            }
            let kind =
                example.candidates.indices.first(where: example.right).map { index in
                    example.candidates[index].kinds.first { $0 != "rules" } ?? "rules"
                } ?? "absent"
            if !example.right(rules) { misses[kind, default: (0, 0)].rules += 1 }
            if !example.right(chosen) { misses[kind, default: (0, 0)].chooser += 1 }
        }
        return misses
    }
}
