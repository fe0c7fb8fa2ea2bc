import EduwhCore

#if canImport(Glibc)
    import Glibc
#endif

/// One labelled document for the reference-year chooser: its candidates, the year its gold
/// resolves 今年 (and 去年, 明年, 年内 …) against (nil: the gold leaves them unresolved) and how
/// many such gold rows it has.
public struct ReferenceExample: Sendable {
    public var candidates: ReferenceCandidates
    public var gold: Int?
    public var rows: Int
    public var site: String
    public var slice: String
    /// The page and document it comes from (`fa01_host#1`), for reading a dump.
    public var page = ""

    public init(candidates: ReferenceCandidates, gold: Int?, rows: Int, site: String, slice: String) {
        (self.candidates, self.gold, self.rows, self.site, self.slice) = (candidates, gold, rows, site, slice)
    }

    /// The index of the gold's candidate, or nil when the gold year is none of them.
    public var goldIndex: Int? { candidates.years.firstIndex(of: gold) }

    /// Relative-year words that count from the year a document speaks from, with the offset of the
    /// first year they name (去年以来 starts the year before), longest first.
    static let anchoredWords: [(word: String, offset: Int)] = [
        ("今明两年", 0), ("去年以来", -1), ("今年", 0), ("本年度", 0), ("本年", 0), ("年内", 0), ("明年", 1),
        ("来年", 1), ("去年", -1), ("前年", -2),
    ]

    /// The reference years a document's gold year rows imply: for each relative row that counts
    /// from the reference year (今年, 去年 …), its year minus the word's offset, or nil when the
    /// gold leaves it unresolved. Rows are `line doc surface kind from to`; glosses in brackets
    /// (今(jīn)年) and traditional forms (來年, 年內) are read through.
    public static func goldReferences(rows: [[Substring]]) -> [Int?] {
        rows.compactMap { row -> Int?? in
            guard row.count >= 6, row[3] == "relative" else { return nil }
            let folded = String(
                row[2].unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.map { scalar -> Character in
                    switch scalar {
                    case "來": "来"
                    case "內": "内"
                    case "兩": "两"
                    default: Character(scalar)
                    }
                })
            guard let entry = anchoredWords.first(where: { folded.hasPrefix($0.word) }) else { return nil }
            guard let from = Int(row[4]) else { return .some(nil) }
            return .some(from - entry.offset)
        }
    }

    /// The one reference year the gold implies (nil: unresolved), the most common of `references`
    /// (unresolved wins only by a majority), or no label when there are none.
    public static func label(_ references: [Int?]) -> Int?? {
        guard !references.isEmpty else { return nil }
        var counts: [Int: Int] = [:]
        for case let year? in references { counts[year, default: 0] += 1 }
        let empties = references.count - counts.values.reduce(0, +)
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), best.value >= empties else {
            return .some(nil)
        }
        return .some(best.key)
    }
}

/// Trains `ReferenceYearChooser`s: a conditional logit (softmax over a document's candidates, L2,
/// AdaGrad, features seen on fewer than `minSites` sites dropped), and measures them on sites
/// left out of training.
public struct ReferenceYearTrainer: Sendable {
    public var epochs = 30
    public var rate = 0.2
    public var l2 = 0.01
    public var minSites = 4

    public init() {}

    /// A chooser trained on every example whose gold is one of its candidates (off, margins unset).
    public func train(_ examples: [ReferenceExample]) -> ReferenceYearChooser {
        let usable = examples.filter { $0.goldIndex != nil }
        var sites: [String: Set<String>] = [:]
        for example in usable {
            for features in example.candidates.features {
                for f in features { sites[f, default: []].insert(example.site) }
            }
        }
        let names = sites.filter { $0.value.count >= minSites }.map(\.key).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let rows = usable.map { example in
            (example.candidates.features.map { Array(Set($0.compactMap { index[$0] })) }, example.goldIndex!)
        }
        var model = AdaGradWeights(count: names.count, rate: rate)
        AdaGradWeights.passes(rows: rows.count, epochs: epochs) { row in
            let (candidates, gold) = rows[row]
            let scores = candidates.map { $0.reduce(0.0) { $0 + model.weights[$1] } }
            let top = scores.max() ?? 0
            let exps = scores.map { exp($0 - top) }
            let total = exps.reduce(0, +)
            var gradient: [Int: Double] = [:]
            for (c, features) in candidates.enumerated() {
                let error = exps[c] / total - (c == gold ? 1 : 0)
                for f in features { gradient[f, default: 0] += error }
            }
            for (f, g) in gradient { model.update(f, gradient: g + l2 * model.weights[f]) }
        }
        let weights = model.weights
        var table: [String: Double] = [:]
        for (f, name) in names.enumerated() where abs(weights[f]) >= 0.01 { table[name] = weights[f] }
        return ReferenceYearChooser(weights: table, on: false)
    }

    /// Each example's candidate probabilities from a chooser trained without its fold's sites
    /// (`folds` 0: one site at a time; else sites dealt into `folds` groups by name order).
    public func heldOut(_ examples: [ReferenceExample], folds: Int) -> [[Double]] {
        siteFoldPredictions(examples, folds: folds, site: \.site, train: train) { example, chooser in
            chooser.probabilities(example.candidates)
        }.map { $0 ?? [] }
    }

    /// How a set of choices fares: documents and gold rows right, wrong (a year the gold does not
    /// give, or a year where it gives none) and left empty where the gold has a year.
    public struct Score: Sendable, CustomStringConvertible {
        public var right = 0, wrong = 0, empty = 0
        public var rowsRight = 0, rowsWrong = 0, rowsEmpty = 0

        mutating func add(_ chosen: Int?, _ example: ReferenceExample) {
            if chosen == example.gold {
                right += 1
                rowsRight += example.rows
            } else if chosen == nil {
                empty += 1
                rowsEmpty += example.rows
            } else {
                wrong += 1
                rowsWrong += example.rows
            }
        }

        /// Right minus wrong documents: a wrong year costs what a right one gains.
        public var net: Int { right - wrong }

        public var description: String {
            "docs right \(right) wrong \(wrong) empty \(empty) | rows right \(rowsRight) wrong \(rowsWrong) "
                + "empty \(rowsEmpty)"
        }
    }

    /// The score of the rules, and of the chooser at `margins` given each example's probabilities.
    public static func score(
        _ examples: [ReferenceExample], probabilities: [[Double]]?, margins: (change: Double, empty: Double)
    ) -> Score {
        var score = Score()
        for (i, example) in examples.enumerated() {
            let candidates = example.candidates
            var chosen = candidates.rules
            if let p = probabilities?[i] {
                chosen = ReferenceYearChooser(weights: [:], on: true).choose(
                    candidates, probabilities: p, margins: margins)
            }
            score.add(candidates.years[chosen], example)
        }
        return score
    }

    /// The margins (from a grid; 2 = never) with the best net score over `probabilities`.
    public static func chooseMargins(_ examples: [ReferenceExample], probabilities: [[Double]]) -> (
        change: Double, empty: Double
    ) {
        let grid = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 2]
        var best = (change: 2.0, empty: 2.0, net: score(examples, probabilities: nil, margins: (2, 2)).net)
        for change in grid {
            for empty in grid {
                let net = score(examples, probabilities: probabilities, margins: (change, empty)).net
                if net > best.net { best = (change, empty, net) }
            }
        }
        return (best.change, best.empty)
    }
}
