import EduwhCore

/// The weights and thresholds of the title chooser (`SegmentLabeler.demoteOutscoredTitles`), read
/// from `rules/clean/title-scores.tsv`: how much each kind feature of a head line counts for or
/// against its being the report's title.
///
/// ```swift
/// let scores = TitleScores.standard
/// scores.weight(.reportKind)  // 2
/// ```
public struct TitleScores: Sendable, Hashable {
    /// The table's path among the embedded files (not a line rule table).
    public static let tablePath = "rules/clean/title-scores.tsv"

    /// The features a head line is scored on, by their ids in the table.
    public enum Feature: String, CaseIterable, Sendable {
        /// Per pair of adjacent ideographs the line shares with the body's opening (up to `shared-cap`).
        case sharedPair = "shared-pair"
        /// A word naming a kind of report (总结, 报告, 要点, 计划, 述职 …; lexicon `report-kind`).
        case reportKind = "report-kind"
        /// A link bar's or a breadcrumb's separator (| ｜ > » _ or a spaced /).
        case linkSeparator = "link-separator"
        /// A collection's or a site's sample word (范文, 大全, 精选, 通用, 合集) or a piece count (15篇).
        case collectionMark = "collection-mark"
        /// Fewer than six characters.
        case short
    }

    /// Weight of each feature.
    public var weights: [Feature: Double]
    /// The most shared pairs that count.
    public var sharedCap = 4
    /// The best candidate must score at least this for lines above it to be demoted.
    public var strongAbove = 3.0
    /// … and at least this for lines below it (between it and the body) to be demoted.
    public var strongBelow = 4.0
    /// A title line above the best one is demoted when it scores at most this.
    public var demoteAbove = 1.0
    /// A title line below the best one is demoted when it scores at most this.
    public var demoteBelow = 0.0
    /// The best line, taken for text by its place alone, is made the title when it scores this.
    public var promoteAt = 4.0

    /// The shipped table (an empty chooser that demotes nothing when it is absent).
    public static let standard: TitleScores = {
        guard let text = EmbeddedFiles.files[tablePath] else { return TitleScores(weights: [:]) }
        do { return try TitleScores(table: text, name: tablePath) } catch {
            fatalError("shipped title score table is broken: \(error)")
        }
    }()

    /// Scores with the given feature weights and the default thresholds.
    public init(weights: [Feature: Double]) {
        self.weights = weights
    }

    /// Reads a `feature weight` table; `@shared-cap`, `@strong-above`, `@strong-below`,
    /// `@demote-above`, `@demote-below` and `@promote-at` rows set the thresholds.
    public init(table: String, name: String) throws(RuleTableError) {
        let rows = try WeightTable.weights(table, path: name)
        var weights: [Feature: Double] = [:]
        for feature in Feature.allCases { weights[feature] = rows[feature.rawValue] ?? 0 }
        self.init(weights: weights)
        sharedCap = Int(rows["@shared-cap"] ?? Double(sharedCap))
        strongAbove = rows["@strong-above"] ?? strongAbove
        strongBelow = rows["@strong-below"] ?? strongBelow
        demoteAbove = rows["@demote-above"] ?? demoteAbove
        demoteBelow = rows["@demote-below"] ?? demoteBelow
        promoteAt = rows["@promote-at"] ?? promoteAt
    }

    /// The weight of `feature` (0 when the table lacks it).
    public func weight(_ feature: Feature) -> Double { weights[feature] ?? 0 }
}
