import EduwhCore
import Foundation

/// One labelled page to learn from: its text, its site (pages of one site are held out together)
/// and its gold labels by line number (`corpus/field/gold/NAME.lines.tsv`).
///
/// ```swift
/// let page = LineTrainingPage(name: "fa01_x.txt", site: "xiexiebang.com", text: text,
///                             gold: LineTrainingPage.gold(fromLinesTable: tsv))
/// ```
public struct LineTrainingPage: Sendable {
    public var name: String
    public var site: String
    public var text: String
    public var gold: [Int: LineLabel]

    public init(name: String, site: String, text: String, gold: [Int: LineLabel]) {
        self.name = name
        self.site = site
        self.text = text
        self.gold = gold
    }

    /// The labels of a gold `lines.tsv` (`line doc label text`) by line number.
    public static func gold(fromLinesTable text: String) -> [Int: LineLabel] {
        var out: [Int: LineLabel] = [:]
        for row in text.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 3, let line = Int(cells[0]), let label = LineLabel(rawValue: String(cells[2])) else {
                continue
            }
            out[line] = label
        }
        return out
    }

    /// The site of a host as `scripts/field-eval` groups pages: its registered domain
    /// (`m.wnwk.com` → `wnwk.com`; `cdn.www.taichung.gov.tw` → `taichung.gov.tw`).
    public static func site(ofHost host: String) -> String {
        if host.hasPrefix("github.com/") { return host }
        let parts = host.split(separator: ".").map(String.init)
        guard parts.count >= 2 else { return host }
        let secondLevel: Set<String> = ["com", "gov", "edu", "org", "net", "ac", "idv"]
        if parts.count >= 3, secondLevel.contains(parts[parts.count - 2]), parts[parts.count - 1].count == 2 {
            return parts.suffix(3).joined(separator: ".")
        }
        return parts.suffix(2).joined(separator: ".")
    }
}

/// Line scores as `scripts/score` counts them: keep/drop (T, B kept; M, N dropped), labels,
/// and noise F1 (noise = a line not kept). A gold line with no prediction counts as wrong.
public struct LineScore: Sendable {
    public var lines = 0, labelOK = 0, keepOK = 0, noiseTP = 0, noiseFP = 0, noiseFN = 0
    public init() {}
    public var keepDrop: Double { Double(keepOK) / Double(max(1, lines)) }
    public var labelAccuracy: Double { Double(labelOK) / Double(max(1, lines)) }
    public var noiseF1: Double {
        let precision = noiseTP + noiseFP == 0 ? 1 : Double(noiseTP) / Double(noiseTP + noiseFP)
        let recall = noiseTP + noiseFN == 0 ? 1 : Double(noiseTP) / Double(noiseTP + noiseFN)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Counts one gold line against a prediction (nil: the line was not labelled at all).
    mutating func add(gold: LineLabel, predicted: LineLabel?) {
        lines += 1
        if predicted == gold { labelOK += 1 }
        let goldKept = gold.isKept
        let kept = predicted?.isKept ?? false
        if goldKept == kept { keepOK += 1 }
        if !goldKept && !kept { noiseTP += 1 }
        if goldKept && !kept { noiseFP += 1 }
        if !goldKept && kept { noiseFN += 1 }
    }

    public static func + (a: LineScore, b: LineScore) -> LineScore {
        var c = a
        c.lines += b.lines
        c.labelOK += b.labelOK
        c.keepOK += b.keepOK
        c.noiseTP += b.noiseTP
        c.noiseFP += b.noiseFP
        c.noiseFN += b.noiseFN
        return c
    }
}

/// Trains `LineModel` on labelled pages and measures it honestly: per held-out group of pages
/// (a site, or a slice), a model trained on all the OTHER pages labels them.
///
/// Training is stochastic gradient descent on the multinomial log-loss with L2 weight decay,
/// a fixed number of epochs over the lines in a seeded shuffled order (the same data gives the
/// same weights). The gate margin is chosen by held-out folds too: the margin whose held-out
/// keep/drop plus label accuracy is best, the larger on ties; "never" (`.infinity`) when no
/// margin beats the rules.
///
/// ```swift
/// let trainer = LineModelTrainer()
/// let data = trainer.examples(pages)
/// let model = trainer.fit(data, notes: ["trained 2026-12-05 on 214 pages"])
/// ```
public struct LineModelTrainer: Sendable {
    public var epochs = 30
    public var learningRate = 0.5
    /// L2 weight decay applied at each update of an active weight.
    public var l2 = 1e-3
    /// The margins the gate may choose from.
    public var margins: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, .infinity]
    /// Whether each rule id is a feature of its own (beside its table's group).
    public var useRuleIDs = true
    /// Two-ideograph words of short lines found on at least this many sites become features
    /// (0: no word features).
    public var wordSites = 5
    /// Whether the gate only moves lines between labels on the same side of keep/drop (T↔B, M↔N).
    public var keepSide = true
    /// Whether the page-level features (`LineFeatures+Page`) are learned from.
    public var pageFeatures = true
    /// Whether the model is blind to the rules' own decision on each line (`LineFeatures.blind`).
    public var blind = false
    /// Whether each page is cleaned without the shipped rules written from its own site alone.
    public var holdOutSiteRules = true
    /// When set, pages are grouped by it (a slice) and each group is cleaned without the shipped
    /// rules whose `sites` all lie in the group (instead of `holdOutSiteRules`' own site alone).
    public var ruleHoldOutGroup: (@Sendable (LineTrainingPage) -> String)?
    /// When set, the gate relabels only lines on these sides of the rules' body block (`sideNames`).
    public var gateSides: Set<Int>?
    /// When set, boosted trees (`LineTrees`) are learned instead of the logistic regression.
    public var trees: LineTrees.Settings?
    /// The cleaner whose rules' decisions are learned from (its own line model is not used).
    public var cleaner: Cleaner

    public init(cleaner: Cleaner = Cleaner(lineModel: nil)) {
        var rulesOnly = cleaner
        rulesOnly.lineModel = nil
        self.cleaner = rulesOnly
    }

    /// One gold line: its features, its gold label and the rules' label (indexes T, M, B, N).
    struct Example: Sendable {
        var features: [Int32]
        var gold: Int
        var rules: Int
        /// Where the line sits against the rules' body block: 0 inside, 1 before, 2 after, 3 no body.
        var side = 0
    }

    /// The names of `Example.side`.
    public static let sideNames = ["inside", "before", "after", "no-body"]

    /// One page's lines as examples, with the gold lines the rules did not label at all.
    public struct PageExamples: Sendable {
        public var page: String
        public var site: String
        var examples: [Example]
        var unlabelled: [LineLabel]
        /// Gold lines of the page.
        public var lineCount: Int { examples.count + unlabelled.count }
    }

    /// Every page's examples in one feature space (the fixed features and every rule id seen).
    public struct Dataset: Sendable {
        let space: LineFeatureSpace
        public var pages: [PageExamples]
    }

    /// Cleans each page by the rules and turns its gold lines into examples. With
    /// `holdOutSiteRules`, a page of a site that shipped rules were written from is cleaned
    /// without them (as `scripts/field-eval`'s LOSO rows do): the rules' decisions learned from,
    /// and scored, are those on a site they have not seen.
    public func examples(_ pages: [LineTrainingPage]) -> Dataset {
        var bySite: [String: Cleaner] = [:]
        if let ruleHoldOutGroup {
            var byGroup: [String: Cleaner] = [:]
            for (group, members) in Dictionary(grouping: pages, by: ruleHoldOutGroup) {
                var heldOut = cleaner
                heldOut.rules = CleanRules.shipped(holdingOutAll: Set(members.map(\.site)))
                byGroup[group] = heldOut
            }
            for page in pages { bySite[page.site] = byGroup[ruleHoldOutGroup(page)] }
        } else if holdOutSiteRules {
            for site in Set(pages.map(\.site)).intersection(CleanRules.sitesNamedByRules) {
                var heldOut = cleaner
                heldOut.rules = CleanRules.shipped(holdingOut: site)
                bySite[site] = heldOut
            }
        }
        let cleaned = pages.map { page -> (Cleaner.InsideLabels, [ScannedLine]) in
            let cleaner = bySite[page.site] ?? cleaner
            let lines = ScannedLine.scan(page.text, folding: cleaner.rules.folding)
            return (cleaner.labelInside(lines), lines)
        }
        let space = LineFeatureSpace(
            ruleIDs: useRuleIDs ? cleaned.flatMap { $0.0.labeled.map(\.rule) }.sorted() : [],
            words: wordSites > 0 ? Self.commonWords(pages, cleaned.map(\.1), minSites: wordSites) : [])
        let extractor = LineFeatures(space: space, rules: cleaner.rules, pageFeatures: pageFeatures, blind: blind)
        var out: [PageExamples] = []
        for (page, (inside, lines)) in zip(pages, cleaned) {
            let features =
                lines.isEmpty
                ? []
                : extractor.features(
                    lines: lines, labeled: inside.labeled, paragraph: inside.paragraph, segments: inside.segments)
            var byNumber: [Int: Int] = [:]
            for (i, line) in inside.labeled.enumerated() { byNumber[line.number] = i }
            var examples: [Example] = []
            var unlabelled: [LineLabel] = []
            let blockBase = space.index(.block, 0)
            let blockEnd = blockBase + Int32(LineFeatureSpace.blockNames.count)
            for (number, gold) in page.gold.sorted(by: { $0.key < $1.key }) {
                guard let i = byNumber[number] else {
                    unlabelled.append(gold)
                    continue
                }
                let block = features[i].first { $0 >= blockBase && $0 < blockEnd }.map { Int($0 - blockBase) } ?? 0
                examples.append(
                    Example(
                        features: features[i], gold: LineFeatures.labelIndex(gold),
                        rules: LineFeatures.labelIndex(inside.labeled[i].label),
                        side: block == 0 ? 0 : block <= 4 ? 1 : block <= 8 ? 2 : 3))
            }
            out.append(PageExamples(page: page.name, site: page.site, examples: examples, unlabelled: unlabelled))
        }
        return Dataset(space: space, pages: out)
    }

    /// Two-ideograph words of short lines that occur on at least `minSites` sites, sorted.
    static func commonWords(_ pages: [LineTrainingPage], _ lines: [[ScannedLine]], minSites: Int) -> [String] {
        var sites: [UInt64: Set<String>] = [:]
        for (page, pageLines) in zip(pages, lines) {
            for line in pageLines where line.shape.length <= LineFeatures.shortLine {
                for key in LineFeatureSpace.ideographPairs(line.matchText) { sites[key, default: []].insert(page.site) }
            }
        }
        return sites.filter { $0.value.count >= minSites }.keys.map { key -> String in
            var word = String.UnicodeScalarView()
            word.append(Unicode.Scalar(UInt32(key >> 32))!)
            word.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
            return String(word)
        }.sorted()
    }

    // MARK: - Training

    /// What was learned from some pages: weights of the logistic regression, or trees.
    struct Learned: Sendable {
        var weights: [Double]
        var trees: LineTrees?

        func probabilities(_ features: [Int32]) -> SIMD4<Double> {
            if let trees { return trees.probabilities(features) }
            return LineModel.probabilities(features, weights: weights)
        }
    }

    /// The trainer's learner fitted on `pages`' examples.
    func learn(_ pages: [PageExamples], featureCount: Int) -> Learned {
        guard let trees else { return Learned(weights: train(pages, featureCount: featureCount), trees: nil) }
        let data = pages.flatMap(\.examples).map { (features: $0.features, gold: $0.gold) }
        return Learned(weights: [], trees: LineTrees.train(data, featureCount: featureCount, settings: trees))
    }

    /// Weights learned from `pages`' examples.
    func train(_ pages: [PageExamples], featureCount: Int) -> [Double] {
        let data = pages.flatMap(\.examples)
        var w = [Double](repeating: 0, count: featureCount * 4)
        guard !data.isEmpty else { return w }
        var order = Array(data.indices)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        w.withUnsafeMutableBufferPointer { w in
            for epoch in 0..<epochs {
                for k in stride(from: order.count - 1, to: 0, by: -1) {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    order.swapAt(k, Int((seed >> 33) % UInt64(k + 1)))
                }
                let rate = learningRate / (1 + 0.2 * Double(epoch))
                for k in order {
                    let example = data[k]
                    var p = LineModel.probabilities(example.features, weights: UnsafeBufferPointer(w))
                    p[example.gold] -= 1
                    let step = rate / Double(max(1, example.features.count))
                    for f in example.features {
                        let b = Int(f) * 4
                        for c in 0..<4 { w[b + c] -= step * (p[c] + l2 * w[b + c]) }
                    }
                }
            }
        }
        return w
    }

    /// The model trained on every page of `data`, its margin chosen by holding out each group of
    /// `data`'s pages (`groupOf`, by default the site) in turn.
    public func fit(_ data: Dataset, notes: [String], groupOf: (PageExamples) -> String = \.site) -> LineModel {
        let heldOut = crossValidate(data, groupOf: groupOf)
        let margin = chooseMargin(heldOut)
        let learned = learn(data.pages, featureCount: data.space.names.count)
        var model = LineModel(
            space: data.space, weights: learned.weights, margin: margin, keepSide: keepSide, notes: notes,
            pageFeatures: pageFeatures, blind: blind)
        model.trees = learned.trees
        return model
    }

    // MARK: - Held-out measurement

    /// One page's held-out predictions: each example's probabilities from a model that never
    /// saw the page's group.
    public struct HeldOutPage: Sendable {
        public var page: String
        public var site: String
        var examples: [Example]
        var probabilities: [SIMD4<Double>]
        var unlabelled: [LineLabel]

        /// The page's score with the rules alone (nil `margin`), or with the model behind a gate
        /// of `margin` (`keepSide`: see `LineModel.keepSide`).
        public func score(
            margin: Double?, keepSide: Bool = false, sides: Set<Int>? = nil, only side: Int? = nil
        ) -> LineScore {
            var s = LineScore()
            for (example, p) in zip(examples, probabilities) where side == nil || side == example.side {
                var label = example.rules
                if let margin, sides?.contains(example.side) ?? true,
                    let gated = LineModel.gated(p, rules: example.rules, margin: margin, keepSide: keepSide)
                {
                    label = gated
                }
                s.add(gold: LineFeatureSpace.labels[example.gold], predicted: LineFeatureSpace.labels[label])
            }
            if side == nil || side == 3 {
                for gold in unlabelled { s.add(gold: gold, predicted: nil) }
            }
            return s
        }
    }

    /// Every page of `data` labelled by a model trained on the pages of all other groups.
    public func crossValidate(_ data: Dataset, groupOf: (PageExamples) -> String = \.site) -> [HeldOutPage] {
        let groups = Dictionary(grouping: data.pages.indices, by: { groupOf(data.pages[$0]) })
        var out: [HeldOutPage] = []
        for key in groups.keys.sorted() {
            let held = Set(groups[key]!)
            let learned = learn(
                data.pages.indices.filter { !held.contains($0) }.map { data.pages[$0] },
                featureCount: data.space.names.count)
            for i in held.sorted() {
                out.append(Self.heldOut(data.pages[i], learned: learned))
            }
        }
        return out.sorted { $0.page < $1.page }
    }

    /// `pages` labelled by `model` (trained without them).
    public func apply(_ model: LineModel, to pages: [PageExamples]) -> [HeldOutPage] {
        pages.map { Self.heldOut($0, learned: Learned(weights: model.weights, trees: model.trees)) }
    }

    static func heldOut(_ page: PageExamples, learned: Learned) -> HeldOutPage {
        HeldOutPage(
            page: page.page, site: page.site, examples: page.examples,
            probabilities: page.examples.map { learned.probabilities($0.features) },
            unlabelled: page.unlabelled)
    }

    /// The margin with the best pooled held-out keep/drop plus label accuracy (the larger on ties),
    /// for this trainer's gate (`keepSide`).
    public func chooseMargin(_ pages: [HeldOutPage]) -> Double {
        var best = Double.infinity
        var bestValue = -1.0
        for margin in margins.sorted(by: >) {
            let s = Self.pooled(pages, margin: margin, keepSide: keepSide, sides: gateSides)
            let value = s.keepDrop + s.labelAccuracy
            if value > bestValue + 1e-9 {
                best = margin
                bestValue = value
            }
        }
        return best
    }

    /// All pages' scores pooled (nil margin: the rules alone).
    public static func pooled(
        _ pages: [HeldOutPage], margin: Double?, keepSide: Bool = false, sides: Set<Int>? = nil, only side: Int? = nil
    ) -> LineScore {
        pages.reduce(LineScore()) { $0 + $1.score(margin: margin, keepSide: keepSide, sides: sides, only: side) }
    }
}
