import EduwhCore

#if canImport(Glibc)
    import Glibc
#endif

/// A learned indicator chooser: a multinomial logistic regression over `IndicatorFeatures`,
/// whose weights are data (`rules/facts/indicator-model.tsv`, written by `eduwh
/// train-indicators`), and the policy that combines it with the dictionary's choice.
///
/// The policy has three thresholds on the model's probabilities (a threshold above 1 is off):
/// - `fill`: where the dictionary's cue is weak (unknown, a word elsewhere in the sentence, the
///   unit alone) the model's choice replaces it when its probability reaches `fill`;
/// - `override`: anywhere, the model's choice replaces the dictionary's when its probability
///   reaches `override`;
/// - `doubt`: a dictionary choice the model gives less than `doubt` becomes `unknown` (a wrong
///   indicator is worse than none: users sum by indicator).
///
/// ```swift
/// IndicatorModel.standard?.policy.isOff  // false when the shipped table turns the model on
/// ```
public struct IndicatorModel: Sendable {
    /// How the model's choice is combined with the dictionary's.
    public struct Policy: Sendable, Hashable, CustomStringConvertible {
        public var fill: Double
        public var override: Double
        public var doubt: Double

        public init(fill: Double = 2, override: Double = 2, doubt: Double = 0) {
            self.fill = fill
            self.override = override
            self.doubt = doubt
        }

        public static let off = Policy()
        /// Whether the model never changes a choice.
        public var isOff: Bool { fill > 1 && override > 1 && doubt <= 0 }

        public var description: String {
            func cell(_ value: Double, _ off: Bool) -> String { off ? "off" : String(format2(value)) }
            return "fill=\(cell(fill, fill > 1)) override=\(cell(override, override > 1))"
                + " doubt=\(cell(doubt, doubt <= 0))"
        }
    }

    /// What the model says about one quantity.
    public struct Prediction: Sendable, Hashable {
        public var code: String
        public var probability: Double
        /// The probability the model gives the dictionary's choice.
        public var dictionaryProbability: Double

        public init(code: String, probability: Double, dictionaryProbability: Double) {
            self.code = code
            self.probability = probability
            self.dictionaryProbability = dictionaryProbability
        }
    }

    /// Indicator codes the model chooses among (`unknown` included).
    public let classes: [String]
    /// Weights per feature name, as trained (empty for a model read from its table).
    public let weights: [String: [(Int, Float)]]
    /// Weights per feature hash (`IndicatorFeatures.hash`): a range of `rowClasses`/`rowWeights`.
    let rows: [UInt64: Range<Int>]
    let rowClasses: [Int]
    let rowWeights: [Float]
    /// Index of each class by its code.
    let classIndex: [String: Int]
    public let policy: Policy

    public init(classes: [String], weights: [String: [(Int, Float)]], policy: Policy) {
        let hashed = weights.map { (IndicatorFeatures.hash($0.unicodeScalars), $1) }
        self.init(classes: classes, named: weights, hashed: hashed, policy: policy)
    }

    init(classes: [String], named: [String: [(Int, Float)]], hashed: [(UInt64, [(Int, Float)])], policy: Policy) {
        self.classes = classes
        weights = named
        var rows: [UInt64: Range<Int>] = [:]
        var rowClasses: [Int] = []
        var rowWeights: [Float] = []
        for (hash, row) in hashed {
            // Two names with one hash (never seen in practice) would add up: keep the first.
            guard rows[hash] == nil else { continue }
            rows[hash] = rowClasses.count..<(rowClasses.count + row.count)
            rowClasses += row.map(\.0)
            rowWeights += row.map(\.1)
        }
        self.rows = rows
        self.rowClasses = rowClasses
        self.rowWeights = rowWeights
        classIndex = Dictionary(classes.enumerated().map { ($1, $0) }) { first, _ in first }
        self.policy = policy
    }

    /// The shipped model, or nil when its table is empty or its policy is off.
    public static let standard: IndicatorModel? = {
        guard let text = EmbeddedFiles.files[path], let model = try? IndicatorModel(table: text),
            !model.policy.isOff
        else { return nil }
        return model
    }()

    public static let path = "rules/facts/indicator-model.tsv"

    /// The model's probabilities for each class, given a quantity's feature hashes (without repeats).
    public func probabilities(hashes: [UInt64]) -> [Double] {
        var scores = [Double](repeating: 0, count: classes.count)
        for hash in hashes {
            guard let range = rows[hash] else { continue }
            for index in range { scores[rowClasses[index]] += Double(rowWeights[index]) }
        }
        return Self.softmax(scores)
    }

    static func softmax(_ scores: [Double]) -> [Double] {
        let top = scores.max() ?? 0
        var exps = scores.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        for index in exps.indices { exps[index] /= sum }
        return exps
    }

    /// The model's best class and how sure it is, and what it gives `dictionary`.
    public func predict(_ features: [String], dictionary: String) -> Prediction {
        predict(hashes: Array(Set(features.map { IndicatorFeatures.hash($0.unicodeScalars) })), dictionary: dictionary)
    }

    /// `predict` given the features' hashes (without repeats).
    public func predict(hashes: [UInt64], dictionary: String) -> Prediction {
        let probabilities = probabilities(hashes: hashes)
        var best = 0
        for index in probabilities.indices where probabilities[index] > probabilities[best] { best = index }
        let own = classIndex[dictionary].map { probabilities[$0] } ?? 0
        return Prediction(code: classes[best], probability: probabilities[best], dictionaryProbability: own)
    }

    /// Whether the dictionary's cue is too weak to stand against the model under `fill`.
    public static func isWeak(_ choice: IndicatorMapper.Choice) -> Bool {
        choice.code == IndicatorMapper.unknownCode
            || ["sentence", "unit", "none"].contains(IndicatorFeatures.cueKind(choice.rule))
    }

    /// The choice `policy` makes from the dictionary's `choice` and the model's `prediction`.
    public static func decide(
        _ choice: IndicatorMapper.Choice, _ prediction: Prediction, policy: Policy
    ) -> IndicatorMapper.Choice {
        let p = prediction.probability
        let lineage = "model:\(format2(p))<\(choice.rule)"
        if prediction.code != choice.code, p >= policy.override || (isWeak(choice) && p >= policy.fill) {
            return IndicatorMapper.Choice(code: prediction.code, rule: lineage)
        }
        if choice.code != IndicatorMapper.unknownCode, prediction.dictionaryProbability < policy.doubt {
            return IndicatorMapper.Choice(
                code: IndicatorMapper.unknownCode,
                rule: "model-doubt:\(format2(prediction.dictionaryProbability))<\(choice.rule)")
        }
        return choice
    }

    /// Whether a choice could change under the policy without reading the features (a strong
    /// dictionary cue under a fill-only policy cannot).
    public func mayChange(_ choice: IndicatorMapper.Choice) -> Bool {
        policy.override <= 1 || (policy.doubt > 0 && choice.code != IndicatorMapper.unknownCode)
            || (policy.fill <= 1 && Self.isWeak(choice))
    }

    /// Reads the table: rows `feature indicator weight`; rows whose feature is `@fill`,
    /// `@override` or `@doubt` set the policy (indicator `-`).
    public init(table text: String) throws(RuleTableError) {
        var classes: [String] = []
        var classIndex: [String: Int] = [:]
        var hashed: [(UInt64, [(Int, Float)])] = []
        var last: Substring = ""
        var policy = Policy.off
        var sawHeader = false
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 3 else {
                throw RuleTableError(
                    file: Self.path, line: number, reason: "expected 3 cells: feature indicator weight")
            }
            if !sawHeader {
                sawHeader = true
                continue
            }
            guard let weight = Double(cells[2]) else {
                throw RuleTableError(file: Self.path, line: number, reason: "weight is no number")
            }
            switch cells[0] {
            case "@fill": policy.fill = weight
            case "@override": policy.override = weight
            case "@doubt": policy.doubt = weight
            default:
                let code = String(cells[1])
                let index = classIndex[code] ?? classes.count
                if index == classes.count {
                    classes.append(code)
                    classIndex[code] = index
                }
                // A feature's rows stand together (the table is written sorted by feature).
                if cells[0] != last || hashed.isEmpty {
                    hashed.append((IndicatorFeatures.hash(cells[0].unicodeScalars), []))
                    last = cells[0]
                }
                hashed[hashed.count - 1].1.append((index, Float(weight)))
            }
        }
        self.init(classes: classes, named: [:], hashed: hashed, policy: policy)
    }
}

/// `x` with two decimals (0.83).
func format2(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
