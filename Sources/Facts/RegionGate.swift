import EduwhCore
import Normalize

#if canImport(Glibc)
    import Glibc
#endif

/// A learned region chooser: four logistic regressions over the same features read where a
/// fact's region came from (the place of its clause or sentence, the document's region), what that
/// place looks like (its level, the words around it, how it stands to the document's region) and
/// what the document's region rests on (named in the title, how often, among how many places, the
/// level the report speaks as). `keep:` says how likely the rules' region is right, `parent:` how
/// likely the division containing it is (a city's report that names its counties most), `empty:`
/// how likely the text gives the figure no region. The rules' region stands unless another
/// choice beats it by its margin (`@parent`, `@empty`): a wrong region is worse than none.
/// Weights are data (`rules/facts/region-gate.tsv`, written by `eduwh train-regions`) in the year
/// gate's table shape (`feature weight`; `@threshold` 1 = on, 0 = off).
///
/// ```swift
/// RegionGate.standard?.margins  // (parent, empty) the site folds chose, when the shipped table is on
/// ```
public struct RegionGate: Sendable {
    /// The weights (`keep:`, `parent:`, `empty:` features) and margins.
    public var table: YearGate {
        didSet {
            byModel = Self.split(table.weights)
            byFeature = Self.merged(byModel)
        }
    }
    /// The table's weights by model, then feature (read once, so no feature name is built per
    /// fact).
    var byModel: [String: [String: Double]]
    /// Each feature's weights in the four `models` (0 where a model has none): a fact's features
    /// are looked up once for all four models, not once per model (`probabilities`).
    var byFeature: [String: SIMD4<Double>]

    public init(table: YearGate) {
        self.table = table
        self.byModel = Self.split(table.weights)
        self.byFeature = Self.merged(byModel)
    }

    static func merged(_ byModel: [String: [String: Double]]) -> [String: SIMD4<Double>] {
        var byFeature: [String: SIMD4<Double>] = [:]
        for (index, model) in models.enumerated() {
            for (feature, weight) in byModel[model] ?? [:] { byFeature[feature, default: .zero][index] = weight }
        }
        return byFeature
    }

    static func split(_ weights: [String: Double]) -> [String: [String: Double]] {
        var byModel: [String: [String: Double]] = [:]
        for (name, weight) in weights {
            guard let colon = name.firstIndex(of: ":") else { continue }
            byModel[String(name[..<colon]), default: [:]][String(name[name.index(after: colon)...])] = weight
        }
        return byModel
    }

    /// The models a choice reads, each a prefix of the table's features (`lower:` judges a finer
    /// division the text names, `RegionGate+Lower.swift`).
    public static let models = ["keep", "parent", "empty", "lower"]

    /// How much a parent or an empty region must beat keeping the rules' region by (above 1:
    /// never).
    public var margins: (parent: Double, empty: Double) {
        (table.weights["@parent"] ?? 2, table.weights["@empty"] ?? 2)
    }

    /// How much lowering a region to the finer division the text names must beat keeping it by
    /// (2, never, when the table has no `@lower`: a table trained before it never lowers).
    public var lowerMargin: Double { table.weights["@lower"] ?? 2 }

    /// The probability model `name` gives a fact with these features, `base` added to its score
    /// (the document's part, `documentScores`).
    public func probability(_ features: [String], model name: String, base: Double = 0) -> Double {
        guard let weights = byModel[name] else { return 0.5 }
        var score = (weights["bias"] ?? 0) + base
        for feature in features { score += weights[feature] ?? 0 }
        return 1 / (1 + exp(-score))
    }

    /// `probability(features, model:, base:)` of the four `models` at once (`base` in their order):
    /// each feature looked up once, each model's sum the same additions in the same order.
    func probabilities(_ features: [String], base: SIMD4<Double>) -> SIMD4<Double> {
        var score = (byFeature["bias"] ?? .zero) + base
        for feature in features { score += byFeature[feature] ?? .zero }
        var probabilities = SIMD4<Double>(repeating: 0.5)
        for (index, model) in Self.models.enumerated() where byModel[model] != nil {
            probabilities[index] = 1 / (1 + exp(-score[index]))
        }
        return probabilities
    }

    /// The document's part of each model's score (in `models` order) for a fact from each source:
    /// its features and their crossings with the source (`features(… document:)`), summed once per
    /// document.
    func documentScores(_ document: [String]) -> [ContextSource: SIMD4<Double>] {
        var scores: [ContextSource: SIMD4<Double>] = [:]
        for source in ContextSource.allCases {
            let src = "|src:" + source.rawValue
            // Each name looked up once for the four models; each model's sum in the features' order.
            var sums = SIMD4<Double>.zero
            for feature in document {
                sums = sums + (byFeature[feature] ?? .zero) + (byFeature[feature + src] ?? .zero)
            }
            scores[source] = sums
        }
        return scores
    }

    /// What to do with a fact's region, from the keep, parent and empty probabilities (`parent` nil
    /// when the region has no parent) and the margins.
    public static func choose(
        keep: Double, parent: Double?, empty: Double, margins: (parent: Double, empty: Double)
    ) -> Choice {
        choose(keep: keep, parent: parent, empty: empty, lower: nil, margins: margins, lowerMargin: 2)
    }

    /// With `lower`, the probability that the finer division the text names is right (nil when
    /// there is none): the choice whose gain over keeping beats its margin most.
    public static func choose(
        keep: Double, parent: Double?, empty: Double, lower: Double?, margins: (parent: Double, empty: Double),
        lowerMargin: Double
    ) -> Choice {
        let parentGain = parent.map { $0 - keep - margins.parent } ?? -1
        let emptyGain = empty - keep - margins.empty
        let lowerGain = lower.map { $0 - keep - lowerMargin } ?? -1
        if lowerGain > 0, lowerGain >= parentGain, lowerGain >= emptyGain { return .lower }
        if parentGain > 0, parentGain >= emptyGain { return .parent }
        return emptyGain > 0 ? .empty : .keep
    }

    public enum Choice: String, Sendable { case keep, parent, empty, lower }

    /// The division containing `adcode` (a county's city, else province; a city's province), nil
    /// for a province or when the table has no such city.
    public static func parent(of adcode: String) -> String? {
        let table = DivisionTable.standard
        return table.division(adcode: adcode).flatMap(table.parent(of:))?.adcode
    }

    /// The shipped chooser, or nil when its table is missing or its threshold is 0 (off); a table
    /// named by `EDUWH_REGION_GATE` replaces it (to score a chooser trained without some slices with
    /// the team's scorer: `eduwh train-regions --field /tmp/field-without-gd --out /tmp/r.tsv`, then
    /// `EDUWH_REGION_GATE=/tmp/r.tsv scripts/score …`).
    public static let standard: RegionGate? = {
        guard let text = learnedTableText(path, overriddenBy: "EDUWH_REGION_GATE"),
            let table = try? YearGate(table: text), table.threshold > 0
        else { return nil }
        return RegionGate(table: table)
    }()

    public static let path = "rules/facts/region-gate.tsv"

    // MARK: - Features

    /// What a document's region rests on, read once per document: its level (province, city,
    /// county; Hong Kong, Macao, Taiwan), whether the title names it (or a division above or below
    /// it), how often the kept lines name it and among how many places, the level the report
    /// speaks as (我县, 全省) against the region's, placeholders (**县), the report's kind and
    /// whether it is written in traditional script.
    static func documentFeatures(
        _ document: CleanDocument, places: [Located<PlaceMention>], profile: DocumentProfile
    ) -> [String] {
        let region = profile.adcode
        let level = region.map(levelName) ?? "none"
        var features = ["dl:" + level, "kind:" + profile.kind]
        // The rule that chose the report's region (named, speaking level, only named, source line…).
        if let rule = profile.regionRule.split(separator: " ").first, !rule.isEmpty { features.append("dr:" + rule) }
        let labels = Dictionary(document.lines.map { ($0.number, $0.label) }, uniquingKeysWith: { a, _ in a })
        var named = 0
        var total = 0
        var distinct = Set<String>()
        var titled = "dt:none"
        var placeholder = false
        for located in places {
            guard let label = labels[located.line], label.isKept else { continue }
            guard located.mention.status == .resolved, let adcode = located.mention.adcode else {
                if located.mention.status == .placeholder { placeholder = true }
                continue
            }
            total += 1
            distinct.insert(adcode)
            guard let region else { continue }
            if adcode == region { named += 1 }
            if label == .title {
                if adcode == region {
                    titled = "dt:same"
                } else if titled == "dt:none",
                    FactBuilder.contains(adcode, region) || FactBuilder.contains(region, adcode)
                {
                    titled = "dt:kin"
                }
            }
        }
        if region != nil {
            features += [titled, "dn:" + YearGate.bucket(named, [0, 1, 2, 4, 8])]
            let share = total == 0 ? 0 : Double(named) / Double(total)
            features.append("ds:" + (share < 0.25 ? "0" : share < 0.5 ? "25" : share < 0.75 ? "50" : "75"))
        }
        features.append("dd:" + YearGate.bucket(distinct.count, [0, 1, 2, 3, 5, 8]))
        if placeholder { features.append("blank") }
        if let speaking = profile.speakingLevel {
            let own = region.map(DocumentProfiler.specificity)
            features.append(
                "sp:" + (own == nil ? "noregion" : speaking == own! ? "eq" : speaking > own! ? "finer" : "coarser"))
        } else {
            features.append("sp:none")
        }
        if isTraditional(document.lines) { features.append("trad") }
        return features
    }

    /// The features of one fact's region: where it came from, and for a place of its own clause
    /// or sentence, that place's level, whether it is written with its division suffix, the
    /// characters around it, its distance to the figure and how it stands to the document's
    /// region; the document's features crossed with the source.
    static func features(
        adcode: String, source: ContextSource, place: PlaceMention?, quantity: QuantityMention,
        scalars: [Unicode.Scalar], title: Bool, document: [String], region: String?
    ) -> [String] {
        let src = "src:" + source.rawValue
        var features = [src, "fl:" + levelName(adcode)]
        if title { features.append("title") }
        if source != .document {
            let relation: String
            if let region {
                relation =
                    adcode == region
                    ? "same"
                    : FactBuilder.contains(region, adcode)
                        ? "inside" : FactBuilder.contains(adcode, region) ? "outer" : "other"
            } else {
                relation = "noregion"
            }
            features += ["rel:" + relation, "rel:\(relation)|\(src)"]
            if let place {
                let start = place.offset
                let end = start + place.surface.unicodeScalars.count
                let suffixed = place.surface.simplifiedScalars.last.map(FactBuilder.divisionSuffixes.contains) ?? false
                features.append(suffixed ? "sfx" : "bare")
                features.append("pre:" + YearGate.word(scalars, max(0, start - 2)..<start))
                features.append("pre1:" + YearGate.word(scalars, max(0, start - 1)..<start))
                features.append("post:" + YearGate.word(scalars, end..<min(scalars.count, end + 2)))
                let distance = quantity.offset >= end ? quantity.offset - end : start - quantity.offset
                features.append(
                    (quantity.offset >= end ? "after:" : "before:") + YearGate.bucket(distance, [0, 3, 8, 20, 50]))
                features += RegionCues.kinds(place: start..<end, figure: quantity.offset, in: scalars)
            }
        }
        for context in document {
            features.append(context)
            features.append(context + "|" + src)
        }
        return features
    }

    /// `p` province, `c` city, `x` county or district; `sar` Hong Kong or Macao, `tw` Taiwan.
    static func levelName(_ adcode: String) -> String {
        if adcode.hasPrefix("81") || adcode.hasPrefix("82") { return "sar" }
        if adcode.hasPrefix("71") { return "tw" }
        return ["p", "c", "x"][DocumentProfiler.specificity(adcode)]
    }

    /// Whether a document's kept text is written in traditional script: at least 2% of its first
    /// 2,000 Han characters change when folded to simplified script.
    static func isTraditional(_ lines: [LabeledLine]) -> Bool {
        var han = 0
        var changed = 0
        // Scalar by scalar (the fold is one for one): no arrays per line (0.6% of a load's samples).
        for line in lines where line.label.isKept {
            for a in line.text.unicodeScalars where a.value >= 0x4E00 && a.value <= 0x9FFF {
                han += 1
                if String.simplified(a) != a { changed += 1 }
            }
            if han >= 2000 { break }
        }
        return han > 0 && changed * 50 >= han
    }
}
