import Foundation

/// Boosted decision trees over the line model's binary features (`LineFeatureSpace`): a more
/// expressive learner than the logistic regression, able to learn that a feature matters only
/// together with another (the rules said B, before the body, a short line without punctuation).
///
/// Each tree splits on whether a line has a feature and holds, in each leaf, one score per label
/// (T, M, B, N); a line's probabilities are the softmax of its leaves' summed scores. Trees are
/// grown one after another on the gradient of the multinomial log-loss (second-order leaf values,
/// as in gradient boosting), each split chosen by its gain over all four labels.
///
/// ```swift
/// let trees = LineTrees.train(examples, featureCount: space.names.count, settings: .init())
/// trees.probabilities(features)   // SIMD4: T, M, B, N
/// ```
public struct LineTrees: Sendable {
    /// One node: a split on `feature` (has it → `yes`, else `no`), or a leaf (`feature` < 0).
    struct Node: Sendable, Equatable {
        var feature: Int32
        var yes: Int32
        var no: Int32
        var value: SIMD4<Double>
    }

    /// How the trees are grown.
    public struct Settings: Sendable {
        public var rounds = 150
        public var depth = 3
        public var shrinkage = 0.1
        /// L2 penalty on a leaf's scores (added to its hessian).
        public var lambda = 1.0
        /// Lines each side of a split must hold at least.
        public var minLines = 8
        public init() {}
    }

    /// Every tree's nodes, the root first.
    var trees: [[Node]]

    /// The four labels' probabilities for a line with `features`.
    func probabilities(_ features: [Int32]) -> SIMD4<Double> {
        Self.softmax(score(features))
    }

    /// The summed leaf scores of a line.
    func score(_ features: [Int32]) -> SIMD4<Double> {
        let has = Set(features)
        var total = SIMD4<Double>(repeating: 0)
        for tree in trees { total += Self.leaf(tree, has: has) }
        return total
    }

    static func leaf(_ tree: [Node], has: Set<Int32>) -> SIMD4<Double> {
        var k = 0
        while tree[k].feature >= 0 { k = Int(has.contains(tree[k].feature) ? tree[k].yes : tree[k].no) }
        return tree[k].value
    }

    static func softmax(_ score: SIMD4<Double>) -> SIMD4<Double> {
        let top = score.max()
        var e = SIMD4<Double>(
            exp(score[0] - top), exp(score[1] - top), exp(score[2] - top),
            exp(score[3] - top))
        e /= e.sum()
        return e
    }

    // MARK: - Training

    /// Trees grown on `examples` (features, gold label index).
    static func train(_ examples: [(features: [Int32], gold: Int)], featureCount: Int, settings: Settings) -> LineTrees
    {
        var grower = Grower(examples: examples, featureCount: featureCount, settings: settings)
        var trees: [[Node]] = []
        guard !examples.isEmpty else { return LineTrees(trees: []) }
        for _ in 0..<settings.rounds {
            grower.gradients()
            let tree = grower.grow()
            for i in examples.indices { grower.scores[i] += leaf(tree, has: grower.sets[i]) }
            trees.append(tree)
        }
        return LineTrees(trees: trees)
    }

    /// The state of training: each line's current scores and gradients.
    private struct Grower {
        let examples: [(features: [Int32], gold: Int)]
        let sets: [Set<Int32>]
        let settings: Settings
        var scores: [SIMD4<Double>]
        var g: [SIMD4<Double>]
        var h: [SIMD4<Double>]
        // Per-feature sums, reused between nodes (only touched entries are reset).
        var sumG: [SIMD4<Double>]
        var sumH: [SIMD4<Double>]
        var count: [Int32]

        init(examples: [(features: [Int32], gold: Int)], featureCount: Int, settings: Settings) {
            self.examples = examples.map { (Array(Set($0.features)).sorted(), $0.gold) }
            self.sets = examples.map { Set($0.features) }
            self.settings = settings
            scores = Array(repeating: .zero, count: examples.count)
            g = scores
            h = scores
            sumG = Array(repeating: .zero, count: featureCount)
            sumH = sumG
            count = Array(repeating: 0, count: featureCount)
        }

        /// The log-loss's gradient (gold − p) and hessian p(1 − p) at the current scores.
        mutating func gradients() {
            for i in examples.indices {
                let p = LineTrees.softmax(scores[i])
                var y = SIMD4<Double>(repeating: 0)
                y[examples[i].gold] = 1
                g[i] = y - p
                h[i] = p * (1 - p)
            }
        }

        func gain(_ g: SIMD4<Double>, _ h: SIMD4<Double>) -> Double {
            ((g * g) / (h + settings.lambda)).sum()
        }

        /// One tree grown depth-first on the current gradients.
        mutating func grow() -> [Node] {
            var nodes: [Node] = []
            _ = node(Array(examples.indices), depth: 0, into: &nodes)
            return nodes
        }

        /// Adds the node (and its subtree) for lines `members`; returns its index.
        mutating func node(_ members: [Int], depth: Int, into nodes: inout [Node]) -> Int32 {
            var totalG = SIMD4<Double>(repeating: 0)
            var totalH = SIMD4<Double>(repeating: 0)
            for i in members {
                totalG += g[i]
                totalH += h[i]
            }
            let index = Int32(nodes.count)
            let value = settings.shrinkage * totalG / (totalH + settings.lambda)
            nodes.append(Node(feature: -1, yes: 0, no: 0, value: value))
            guard depth < settings.depth, members.count >= 2 * settings.minLines,
                let split = bestSplit(members, totalG: totalG, totalH: totalH)
            else { return index }
            let yes = members.filter { sets[$0].contains(split) }
            let no = members.filter { !sets[$0].contains(split) }
            let yesNode = node(yes, depth: depth + 1, into: &nodes)
            let noNode = node(no, depth: depth + 1, into: &nodes)
            nodes[Int(index)] = Node(feature: split, yes: yesNode, no: noNode, value: .zero)
            return index
        }

        /// The feature whose split gains most (nil when none gains or none leaves enough lines
        /// on both sides).
        mutating func bestSplit(_ members: [Int], totalG: SIMD4<Double>, totalH: SIMD4<Double>) -> Int32? {
            var touched: [Int32] = []
            for i in members {
                for f in examples[i].features {
                    let k = Int(f)
                    if count[k] == 0 { touched.append(f) }
                    count[k] += 1
                    sumG[k] += g[i]
                    sumH[k] += h[i]
                }
            }
            let parent = gain(totalG, totalH)
            var best: Int32?
            var bestGain = 1e-6
            for f in touched {
                let k = Int(f)
                let n = Int(count[k])
                if n >= settings.minLines, members.count - n >= settings.minLines {
                    let value = gain(sumG[k], sumH[k]) + gain(totalG - sumG[k], totalH - sumH[k]) - parent
                    if value > bestGain || (value == bestGain && best.map { f < $0 } ?? false) {
                        bestGain = value
                        best = f
                    }
                }
                count[k] = 0
                sumG[k] = .zero
                sumH[k] = .zero
            }
            return best
        }
    }
}
