import EduwhCore
import Normalize

#if canImport(Glibc)
    import Glibc
#endif

/// A learned year gate: a logistic regression that reads where a fact's year came from (its own
/// clause, a relative 今年 resolved from the reference year, the document's period…) and what
/// that year rests on (a date line, a title only, a body that blanks its years as 20xx年), and
/// says how likely the year is right. A year the gate doubts (below `threshold`) is left empty:
/// a wrong year is worse than none. Weights are data (`rules/facts/year-gate.tsv`, written by
/// `eduwh train-years`).
///
/// ```swift
/// YearGate.standard?.threshold  // the cut the site folds chose, when the shipped table is on
/// ```
public struct YearGate: Sendable {
    /// Weight of each feature (`bias` included).
    public var weights: [String: Double]
    /// A year whose probability is below this is left empty (0: the gate never blanks).
    public var threshold: Double

    public init(weights: [String: Double], threshold: Double) {
        self.weights = weights
        self.threshold = threshold
    }

    /// The shipped gate, or nil when its table is missing or its threshold is 0 (off).
    public static let standard: YearGate? = {
        guard let text = EmbeddedFiles.files[path], let gate = try? YearGate(table: text), gate.threshold > 0 else {
            return nil
        }
        return gate
    }()

    public static let path = "rules/facts/year-gate.tsv"

    /// The probability that a year with these features is right.
    public func probability(_ features: [String]) -> Double {
        var score = weights["bias"] ?? 0
        for feature in features { score += weights[feature] ?? 0 }
        return 1 / (1 + exp(-score))
    }

    /// Reads the table: a header `feature weight`, then rows; `@threshold` sets the cut.
    public init(table text: String) throws(RuleTableError) {
        var weights = try WeightTable.weights(text, path: Self.path)
        let threshold = weights.removeValue(forKey: "@threshold") ?? 0
        self.init(weights: weights, threshold: threshold)
    }

    /// The table's text (header comment, column names, threshold, weights sorted by feature).
    public func table(comment: [String]) -> String {
        var lines = comment.map { "# " + $0 }
        lines.append("feature\tweight")
        lines.append("@threshold\t\(threshold)")
        for feature in weights.keys.sorted() where !feature.contains(where: { $0 == "\t" || $0.isNewline }) {
            lines.append("\(feature)\t\((weights[feature]! * 1000).rounded() / 1000)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Features

    /// What a document's years rest on, read once per document: where the reference year came
    /// from, whether a body line states it or only the title does, whether the body blanks its
    /// years (20xx年, ××××年), how many distinct years the body names, the report's kind and period.
    public static func documentFeatures(
        _ document: CleanDocument, frame: DocumentTimeFrame, years: [Located<YearMention>], profile: DocumentProfile
    ) -> [String] {
        var features = ["ref:" + (frame.referenceSource?.rawValue ?? "none"), "kind:" + profile.kind]
        let labels = Dictionary(document.lines.map { ($0.number, $0.label) }, uniquingKeysWith: { a, _ in a })
        var bodyYears = Set<Int>()
        var titleYears = Set<Int>()
        var referenceInBody = 0
        var blanks = false
        for located in years {
            let label = labels[located.line]
            let mention = located.mention
            if mention.kind == .placeholder, label == .body { blanks = true }
            guard mention.kind == .year || mention.kind == .date || mention.kind == .range, let to = mention.to
            else { continue }
            if label == .title { titleYears.insert(to) } else if label == .body { bodyYears.insert(to) }
            if label == .body, to == frame.referenceYear { referenceInBody += 1 }
        }
        if blanks { features.append("blanks") }
        if frame.referenceYear != nil {
            features.append("refbody:" + bucket(referenceInBody, [0, 1, 2, 4]))
            if titleYears.contains(frame.referenceYear!) { features.append("reftitle") }
        }
        if !titleYears.isEmpty, titleYears.isDisjoint(with: bodyYears) { features.append("titleonly") }
        features.append("bodyyears:" + bucket(bodyYears.count, [0, 1, 2, 4, 8]))
        switch (profile.periodFrom, profile.periodTo) {
        case (let from?, let to?) where from < to: features.append("period:span")
        case (let from?, _?): features.append(from == frame.referenceYear ? "period:ref" : "period:other")
        default: features.append("period:none")
        }
        if frame.reviewPeriod != nil { features.append("review") }
        // Where the period's last year is written: the title only (a site's SEO title), the body, both.
        if let to = profile.periodTo {
            let place = (titleYears.contains(to) ? "t" : "") + (bodyYears.contains(to) ? "b" : "")
            features.append("perin:" + (place.isEmpty ? "none" : place))
        }
        return features
    }

    /// The features of one fact's year: where it came from (`source`), the mention it came from
    /// (its kind, rule, the words just before and after it, its distance to the figure), how it
    /// stands to the reference year, and the document's features crossed with the source.
    static func features(
        own: (mention: YearMention, source: ContextSource)?, from: Int, to: Int, source: ContextSource,
        quantity: QuantityMention, scalars: [Unicode.Scalar], status: FactStatus, sectioned: Bool,
        profile: DocumentProfile
    ) -> [String] {
        let src = "src:" + source.rawValue
        var features = [src, "st:" + status.rawValue]
        if from != to { features.append("span") }
        if sectioned { features.append("sect") }
        if let reference = profile.referenceYear {
            features.append(to == reference ? "rel:eq" : to < reference ? "rel:lt" : "rel:gt")
        } else {
            features.append("rel:noref")
        }
        // How the year stands to the period the report says it covers (2007-2008年…述职报告).
        var period = "per:none"
        if let first = profile.periodFrom, let last = profile.periodTo {
            period = from == first && to == last ? "per:eq" : from >= first && to <= last ? "per:in" : "per:out"
        }
        features.append(period)
        if let own, own.mention.from != nil {
            features.append(period + "|" + own.mention.kind.rawValue)
            let mention = own.mention
            features += ["mk:" + mention.kind.rawValue, "mr:" + mention.rule, "mk:\(mention.kind.rawValue)|\(src)"]
            let start = mention.offset
            let end = start + mention.surface.unicodeScalars.count
            features.append("pre:" + word(scalars, max(0, start - 2)..<start))
            features.append("pre1:" + word(scalars, max(0, start - 1)..<start))
            features.append("post:" + word(scalars, end..<min(scalars.count, end + 2)))
            let distance = quantity.offset >= end ? quantity.offset - end : start - quantity.offset
            features.append((quantity.offset >= end ? "after:" : "before:") + bucket(distance, [0, 3, 8, 20, 50]))
        } else {
            features.append("mk:none")
        }
        let relative = own?.mention.kind == .relative
        for context in profile.yearContext {
            features.append(context)
            features.append(context + "|" + src)
            // A relative year (今年, 一年来) is only as good as the reference year it was resolved from.
            if relative { features.append(context + "|rel") }
        }
        return features
    }

    /// `scalars[range]` with digits written as 0 (a cue is a word, not a number).
    static func word(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound, range.upperBound <= scalars.count else { return "" }
        var text = ""
        for scalar in scalars[range] { text.unicodeScalars.append(("0"..."9").contains(scalar) ? "0" : scalar) }
        return text
    }

    /// The bucket label of `value`: the largest bound it reaches (`4+`).
    static func bucket(_ value: Int, _ bounds: [Int]) -> String {
        (bounds.last { value >= $0 } ?? 0).description + "+"
    }
}
