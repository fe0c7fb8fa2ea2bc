/// The `feature weight` tables of the learned gates and choosers (rules/facts/year-gate.tsv,
/// year-chooser.tsv, rules/normalize/reference-year.tsv): `#` comments, a header row, then one
/// feature and its weight per row (switches such as `@threshold` and `@on` are rows too).
///
/// ```swift
/// try WeightTable.weights("feature\tweight\nbias\t0.5\n", path: "x.tsv")  // ["bias": 0.5]
/// ```
public enum WeightTable {
    /// Every row's weight by feature; an error names the file, the row and the reason.
    public static func weights(_ text: String, path: String) throws(RuleTableError) -> [String: Double] {
        var weights: [String: Double] = [:]
        var header = false
        for (number, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if row.isEmpty || row.first == "#" { continue }
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 2 else {
                throw RuleTableError(file: path, line: number + 1, reason: "expected 2 cells: feature weight")
            }
            if !header {
                header = true
                continue
            }
            guard let weight = Double(cells[1]) else {
                throw RuleTableError(file: path, line: number + 1, reason: "weight is no number")
            }
            weights[String(cells[0])] = weight
        }
        return weights
    }

    /// Shuffles `order` in place with a fixed linear congruential generator (`seed` carries its
    /// state from one epoch to the next), so that a trainer's tables are the same on every run.
    public static func shuffle(_ order: inout [Int], seed: inout UInt64) {
        for position in order.indices.reversed() where position > 0 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(position, Int(seed >> 33) % (position + 1))
        }
    }
}

/// Feature weights learned by AdaGrad over a fixed shuffled order of the training rows: the learned
/// tables' trainers (YearGateTrainer, ReferenceYearTrainer) share it so the same data gives the
/// same table on every run.
public struct AdaGradWeights {
    public private(set) var weights: [Double]
    private var squares: [Double]
    private let rate: Double

    public init(count: Int, rate: Double) {
        weights = [Double](repeating: 0, count: count)
        squares = [Double](repeating: 1e-6, count: count)
        self.rate = rate
    }

    /// One AdaGrad step on feature `f` with its `gradient` (regularisation included by the caller).
    public mutating func update(_ f: Int, gradient: Double) {
        squares[f] += gradient * gradient
        weights[f] -= rate * gradient / squares[f].squareRoot()
    }

    /// Calls `body` with each of `rows` row indices once per epoch, in the order of
    /// `WeightTable.shuffle` from a fixed seed.
    public static func passes(rows: Int, epochs: Int, _ body: (Int) -> Void) {
        var order = Array(0..<rows)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<epochs {
            WeightTable.shuffle(&order, seed: &seed)
            for row in order { body(row) }
        }
    }
}
