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
/// `keep` names cue kinds (`IndicatorFeatures.cueKind`: grammar, counted, …) whose choices
/// `override` and `doubt` leave alone; a load reads no features for them unless `fill` applies.
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
        /// Cue kinds whose choices `override` and `doubt` leave alone.
        public var keep: Set<String>

        public init(fill: Double = 2, override: Double = 2, doubt: Double = 0, keep: Set<String> = []) {
            self.fill = fill
            self.override = override
            self.doubt = doubt
            self.keep = keep
        }

        public static let off = Policy()

        /// The policy of `grid` with the highest `utility`: `off` unless one beats it, and the
        /// earlier of two that tie (the trainers order their grids cheapest first).
        public static func best(of grid: [Policy], by utility: (Policy) -> Double) -> Policy {
            var best = (policy: Policy.off, utility: utility(.off))
            for policy in grid {
                let value = utility(policy)
                if value > best.utility + 1e-9 { best = (policy, value) }
            }
            return best.policy
        }
        /// Whether the model never changes a choice.
        public var isOff: Bool { fill > 1 && override > 1 && doubt <= 0 }

        public var description: String {
            func cell(_ value: Double, _ off: Bool) -> String { off ? "off" : String(format2(value)) }
            return "fill=\(cell(fill, fill > 1)) override=\(cell(override, override > 1))"
                + " doubt=\(cell(doubt, doubt <= 0)) keep=\(keep.isEmpty ? "-" : keep.sorted().joined(separator: ","))"
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
    /// Weights per feature hash (`IndicatorFeatures.hash`), in an open-addressing table (no
    /// hashing of the hash, no allocation per lookup): a slot holds a feature's hash and the range
    /// of `rows` its weights stand in; `start` is -1 for an empty slot.
    let slots: [Slot]
    let slotShift: UInt64
    /// Each feature's weights, one (class, weight) pair per class it has one for.
    let rows: [Weight]
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
        var bits: UInt64 = 4
        while (1 << bits) < max(hashed.count * 2, 16) { bits += 1 }
        let size = 1 << Int(bits)
        var slots = [Slot](repeating: Slot(key: 0, start: -1, end: -1), count: size)
        var rows: [Weight] = []
        slotShift = 64 - bits
        for (hash, row) in hashed {
            // Two names with one hash (never seen in practice) would add up: keep the first.
            var slot = Self.slot(of: hash, shift: slotShift)
            var taken = false
            while slots[slot].start >= 0 {
                if slots[slot].key == hash { taken = true }
                slot = (slot + 1) & (size - 1)
            }
            guard !taken else { continue }
            let start = Int32(rows.count)
            rows += row.map { Weight(index: Int32($0.0), weight: $0.1) }
            slots[slot] = Slot(key: hash, start: start, end: Int32(rows.count))
        }
        self.slots = slots
        self.rows = rows
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

    struct Weight: Sendable {
        var index: Int32
        var weight: Float
    }

    struct Slot: Sendable {
        var key: UInt64
        var start: Int32
        var end: Int32
    }

    static func slot(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The weights of the feature `hash`: a range of `rows` (empty when unknown).
    func row(_ hash: UInt64) -> Range<Int> {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(of: hash, shift: slotShift)
            while slots[slot].start >= 0 {
                if slots[slot].key == hash { return Int(slots[slot].start)..<Int(slots[slot].end) }
                slot = (slot + 1) & mask
            }
            return 0..<0
        }
    }

    /// Adds the weights of `hashes` to `scores` (one per class), in the order of `hashes`.
    ///
    /// In two passes: first every feature's slot, then the weights. The lookups are cache misses
    /// (a figure reads ~100 features; the tables live in L3 beside the rest of a load), and in a
    /// loop of their own, with no additions waiting on them, their loads overlap; interleaved
    /// with the additions they stalled one after another (`score` 4.1% of a load's samples).
    func score(_ hashes: [UInt64], into scores: UnsafeMutableBufferPointer<Double>) {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: hashes.count) { found in
            var count = 0
            for hash in hashes {
                let range = row(hash)
                guard !range.isEmpty else { continue }
                found.initializeElement(at: count, to: range)
                count += 1
            }
            rows.withUnsafeBufferPointer { rows in
                for range in found[..<count] {
                    for index in range { scores[Int(rows[index].index)] += Double(rows[index].weight) }
                }
            }
        }
    }

    /// The model's probabilities for each class, given a quantity's feature hashes (without repeats).
    public func probabilities(hashes: [UInt64]) -> [Double] {
        var scores = [Double](repeating: 0, count: classes.count)
        scores.withUnsafeMutableBufferPointer { score(hashes, into: $0) }
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

    /// `predict` given the features' hashes (without repeats): `probabilities` without building
    /// its arrays (the same sums, exponentials and quotients, in the same order).
    public func predict(hashes: [UInt64], dictionary: String) -> Prediction {
        let count = classes.count
        guard count > 0 else { return Prediction(code: "", probability: 0, dictionaryProbability: 0) }
        let own = classIndex[dictionary]
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { scores in
            scores.initialize(repeating: 0)
            score(hashes, into: scores)
            var top = scores[0]
            for index in 1..<count where scores[index] > top { top = scores[index] }
            var sum = 0.0
            for index in 0..<count {
                scores[index] = exp(scores[index] - top)
                sum += scores[index]
            }
            var best = 0
            var bestProbability = scores[0] / sum
            for index in 1..<count {
                let probability = scores[index] / sum
                if probability > bestProbability { (best, bestProbability) = (index, probability) }
            }
            let ownProbability = own.map { scores[$0] / sum } ?? 0
            return Prediction(code: classes[best], probability: bestProbability, dictionaryProbability: ownProbability)
        }
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
        let kept = !policy.keep.isEmpty && policy.keep.contains(IndicatorFeatures.cueKind(choice.rule))
        if prediction.code != choice.code, (!kept && p >= policy.override) || (isWeak(choice) && p >= policy.fill) {
            return IndicatorMapper.Choice(code: prediction.code, rule: "model:\(format2(p))<\(choice.rule)")
        }
        if !kept, choice.code != IndicatorMapper.unknownCode, prediction.dictionaryProbability < policy.doubt {
            return IndicatorMapper.Choice(
                code: IndicatorMapper.unknownCode,
                rule: "model-doubt:\(format2(prediction.dictionaryProbability))<\(choice.rule)")
        }
        return choice
    }

    /// Whether a choice could change under the policy without reading the features (a strong
    /// dictionary cue under a fill-only policy cannot, nor one of a kind the policy keeps).
    public func mayChange(_ choice: IndicatorMapper.Choice) -> Bool { Self.mayChange(choice, policy: policy) }

    /// Whether `policy` could change `choice` (`mayChange`).
    public static func mayChange(_ choice: IndicatorMapper.Choice, policy: Policy) -> Bool {
        if policy.fill <= 1 && isWeak(choice) { return true }
        if !policy.keep.isEmpty && policy.keep.contains(IndicatorFeatures.cueKind(choice.rule)) { return false }
        return policy.override <= 1 || (policy.doubt > 0 && choice.code != IndicatorMapper.unknownCode)
    }
}

/// `x` with two decimals (0.83).
func format2(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
