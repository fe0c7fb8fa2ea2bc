import EduwhCore
import Foundation

/// A learned line classifier over the rules' decisions: multinomial logistic regression
/// (T/M/B/N) on `LineFeatureSpace`'s binary features, with weights kept as data in
/// `rules/clean/line-model.tsv` (trained by `eduwh train-lines`, see `LineModelTrainer`).
///
/// The rules decide first; the model may change a line's label only where it is confident: its
/// best label's probability beats the rules' label's by at least `margin` (chosen by
/// leave-one-site-out, not on pooled scores). A line it changes carries the rule id
/// `line-model(RULE)`, naming the rule it overrode.
///
/// ```swift
/// let model = try LineModel(table: text, name: "line-model.tsv")
/// model.margin                 // 0.4
/// Cleaner(lineModel: model)    // rules, then the model where it is sure
/// ```
public struct LineModel: Sendable {
    /// Where the shipped model lives (embedded like the rule tables; not a rule table itself).
    public static let tablePath = "rules/clean/line-model.tsv"
    /// The lineage id of a line the model relabelled: `line-model(tail-residue)`.
    public static func rule(overriding rule: String) -> String { "line-model(\(rule))" }

    /// The model shipped in `rules/clean/line-model.tsv`, or nil when there is none; a weights
    /// table named by `EDUWH_LINE_MODEL` replaces it (to score a trained model with the team's
    /// scorer before shipping it: `EDUWH_LINE_MODEL=/tmp/m.tsv scripts/field-eval`).
    public static let standard: LineModel? = {
        if let path = ProcessInfo.processInfo.environment["EDUWH_LINE_MODEL"], !path.isEmpty {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                fatalError("EDUWH_LINE_MODEL: cannot read \(path)")
            }
            do { return try LineModel(table: text, name: path) } catch { fatalError("EDUWH_LINE_MODEL: \(error)") }
        }
        guard let text = EmbeddedFiles.files[tablePath] else { return nil }
        do { return try LineModel(table: text, name: tablePath) } catch {
            fatalError("shipped line model is broken: \(error)")
        }
    }()

    let space: LineFeatureSpace
    /// `space.names.count × 4` weights, label-major within a feature (T, M, B, N).
    let weights: [Double]
    /// Boosted trees that replace the weights when present (`LineTrees`).
    var trees: LineTrees?
    /// How much more probable than the rules' label the model's label must be to replace it.
    public var margin: Double
    /// Whether the model may only move a line between labels on the same side of keep/drop (T↔B,
    /// M↔N), never keep a line the rules dropped or drop one they kept.
    public var keepSide: Bool
    /// The table's comment lines (how, when and on what it was trained).
    public var notes: [String]
    /// Whether the model reads the page-level features (`LineFeatures+Page`); a table without
    /// any `block=` weight was trained without them.
    public var pageFeatures: Bool
    /// Whether the model was trained blind to the rules' own decision on a line (row
    /// `gate-blind - 1`; see `LineFeatures.blind`).
    public var blind: Bool

    init(
        space: LineFeatureSpace, weights: [Double], margin: Double, keepSide: Bool, notes: [String],
        pageFeatures: Bool = true, blind: Bool = false
    ) {
        self.blind = blind
        self.space = space
        self.weights = weights
        self.margin = margin
        self.keepSide = keepSide
        self.notes = notes
        self.pageFeatures = pageFeatures
    }

    /// Reads a weights table: `feature label weight` rows (`zone=head  N  0.8123`), a row
    /// `gate-margin  -  0.4` and optionally `gate-keep-side  -  1`. Features the code no longer
    /// has are ignored; a `rule=ID` feature adds that rule id, a `text=AB` feature that word.
    public init(table text: String, name: String) throws(RuleTableError) {
        let table = try RuleTable(name: name, text: text, required: ["feature", "label", "weight"])
        var margin: Double?
        var keepSide = false
        var ruleIDs: [String] = []
        var words: [String] = []
        var pageFeatures = false
        var blind = false
        for row in table.rows {
            if row["feature"].hasPrefix("block=") { pageFeatures = true }
            if row["feature"].hasPrefix("rule=") { ruleIDs.append(String(row["feature"].dropFirst(5))) }
            if row["feature"].hasPrefix("text=") { words.append(String(row["feature"].dropFirst(5))) }
        }
        let space = LineFeatureSpace(ruleIDs: ruleIDs, words: words)
        let index = Dictionary(space.names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var weights = [Double](repeating: 0, count: space.names.count * 4)
        for row in table.rows {
            guard let value = Double(row["weight"]) else {
                throw RuleTableError(file: name, line: row.line, reason: "weight '\(row["weight"])' is not a number")
            }
            if row["feature"] == "gate-margin" {
                margin = value
                continue
            }
            if row["feature"] == "gate-keep-side" {
                keepSide = value != 0
                continue
            }
            if row["feature"] == "gate-blind" {
                blind = value != 0
                continue
            }
            guard let label = LineFeatureSpace.labelNames.firstIndex(of: row["label"]) else {
                throw RuleTableError(file: name, line: row.line, reason: "label '\(row["label"])' is not T, M, B or N")
            }
            if let f = index[row["feature"]] { weights[f * 4 + label] = value }
        }
        guard let margin else { throw RuleTableError(file: name, line: 0, reason: "no gate-margin row") }
        let notes = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.map(String.init)
        self.init(
            space: space, weights: weights, margin: margin, keepSide: keepSide, notes: notes,
            pageFeatures: pageFeatures, blind: blind)
    }

    /// The model as a weights table (comments, header, the margin, then every non-zero weight).
    public func table() -> String {
        var out = notes.map { $0.hasPrefix("#") ? $0 : "# " + $0 }.joined(separator: "\n")
        out += "\nfeature\tlabel\tweight\ngate-margin\t-\t\(margin)\ngate-keep-side\t-\t\(keepSide ? 1 : 0)\n"
        if blind { out += "gate-blind\t-\t1\n" }
        for (f, name) in space.names.enumerated() {
            for (l, label) in LineFeatureSpace.labelNames.enumerated() {
                let w = weights[f * 4 + l]
                if abs(w) >= 0.0005 { out += "\(name)\t\(label)\t\(String(format: "%.4f", w))\n" }
            }
        }
        return out
    }

    /// The probabilities of T, M, B, N for a line with `features`.
    func probabilities(_ features: [Int32]) -> SIMD4<Double> {
        if let trees { return trees.probabilities(features) }
        return Self.probabilities(features, weights: weights)
    }

    static func probabilities(_ features: [Int32], weights: [Double]) -> SIMD4<Double> {
        weights.withUnsafeBufferPointer { probabilities(features, weights: $0) }
    }

    /// The same, over weights the trainer is still updating in place.
    static func probabilities(_ features: [Int32], weights w: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        var score = SIMD4<Double>(repeating: 0)
        for f in features {
            let base = Int(f) * 4
            score += SIMD4(w[base], w[base + 1], w[base + 2], w[base + 3])
        }
        let top = score.max()
        var e = SIMD4<Double>(exp(score[0] - top), exp(score[1] - top), exp(score[2] - top), exp(score[3] - top))
        e /= e.sum()
        return e
    }

    /// The label the gate settles on: the model's best when it beats the rules' label (index
    /// `rules`) by `margin` (and, with `keepSide`, keeps or drops the line as the rules did),
    /// else nil (the rules' label stands).
    static func gated(_ p: SIMD4<Double>, rules: Int, margin: Double, keepSide: Bool = false) -> Int? {
        var best = 0
        for k in 1..<4 where p[k] > p[best] { best = k }
        if keepSide, (best == 0 || best == 2) != (rules == 0 || rules == 2) { return nil }
        return best != rules && p[best] - p[rules] >= margin ? best : nil
    }

    /// Relabels the lines the model is sure the rules got wrong.
    func revise(_ labeled: inout [LabeledLine], features: [[Int32]]) {
        for i in labeled.indices {
            let rules = LineFeatures.labelIndex(labeled[i].label)
            guard let label = Self.gated(probabilities(features[i]), rules: rules, margin: margin, keepSide: keepSide)
            else { continue }
            labeled[i].label = LineFeatureSpace.labels[label]
            labeled[i].rule = Self.rule(overriding: labeled[i].rule)
        }
    }
}
