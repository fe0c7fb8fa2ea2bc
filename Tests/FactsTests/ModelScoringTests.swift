import Foundation
import Normalize
import Testing

@testable import Facts

/// How the learned choosers hash feature values and sum their weights: the fast paths a load
/// takes (UTF-8 bytes decoded in place, lookups before additions) must give exactly what the
/// plain definitions give.
@Suite struct ModelScoringTests {
    /// FNV-1a's offset basis, where every feature's hash starts.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a over `text`'s scalars, the definition `mix` must match.
    static func plainHash(_ text: some StringProtocol) -> UInt64 {
        IndicatorFeatures.hash(text.unicodeScalars)
    }

    @Test func valuesHashAsTheirScalarsWhateverTheirUTF8Length() {
        // One, two, three and four UTF-8 bytes per scalar, mixed; and the empty string.
        let texts = ["R=achieved", "3×4 é", "工作总结", "新建幼儿园5所", "𠀀𪚥字", "a𠀀b学c", ""]
        for text in texts {
            var hash = Self.seed
            IndicatorFeatures.mix(&hash, text)
            #expect(hash == Self.plainHash(text), "\(text)")
        }
        // A substring (a cue word cut out of its lineage) hashes as the string it spells.
        let rule = "schools_built:新建学校@sentence"
        let word = rule[rule.index(after: rule.firstIndex(of: ":")!)..<rule.firstIndex(of: "@")!]
        var hash = Self.seed
        IndicatorFeatures.mix(&hash, word)
        #expect(hash == Self.plainHash("新建学校"))
    }

    @Test func aNamePlusValueHashesAsTheFeatureString() {
        var sink = IndicatorFeatures.Hashes()
        sink.add("dw=", text: "新建")
        sink.add("d&u=", "schools_built", and: "所")
        #expect(sink.hashes == [Self.plainHash("dw=新建"), Self.plainHash("d&u=schools_built&所")])
    }

    @Test func scoresAreThePlainSumsOfTheWeightsOfTheFeaturesTheTableHolds() {
        // Made-up weights: features with one or several classes, one the table lacks.
        let weights: [String: [(Int, Float)]] = [
            "bias": [(0, 0.25), (1, -0.5), (2, 0.125)],
            "u=所": [(1, 1.5)],
            "L2=新建": [(0, -0.75), (2, 2.0)],
            "R1=学": [(2, -1.25), (0, 0.5)],
        ]
        let model = IndicatorModel(
            classes: ["a", "b", "c"], weights: weights, policy: IndicatorModel.Policy(fill: 0.5))
        let names = ["bias", "u=所", "unseen=x", "L2=新建", "R1=学"]
        let hashes = names.map { IndicatorFeatures.hash($0.unicodeScalars) }.sorted()
        var expected = [0.0, 0.0, 0.0]
        for hash in hashes {
            for (name, row) in weights where IndicatorFeatures.hash(name.unicodeScalars) == hash {
                for (index, weight) in row { expected[index] += Double(weight) }
            }
        }
        let top = expected.max()!
        let exps = expected.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        let probabilities: [Double] = exps.map { $0 / sum }
        #expect(model.probabilities(hashes: hashes) == probabilities)
        let prediction = model.predict(hashes: hashes, dictionary: "a")
        #expect(prediction.code == "b")  // a 0, b 1.0, c 0.875
        #expect(prediction.dictionaryProbability == exps[0] / sum)
        // No feature the table holds: every class scores 0.
        let unseen = [IndicatorFeatures.hash("unseen=x".unicodeScalars)]
        let third: Double = 1.0 / 3
        let uniform: [Double] = [third, third, third]
        #expect(model.probabilities(hashes: unseen) == uniform)
    }

    /// The region chooser's traditional-script feature reads one scalar at a time
    /// (`String.simplified(_:)`): the same fold as `simplifiedScalars`, and a page is traditional
    /// when at least 2% of its kept Han characters fold.
    @Test func traditionalScriptIsReadScalarByScalar() {
        let traditional = "本學年全縣新建學校三所，教師培訓覆蓋率達到百分之九十五。"
        let simplified = "本学年全县新建学校三所，教师培训覆盖率达到百分之九十五。"
        #expect(traditional.unicodeScalars.map(String.simplified) == traditional.simplifiedScalars)
        #expect(simplified.unicodeScalars.map(String.simplified) == Array(simplified.unicodeScalars))
        #expect(RegionGate.isTraditional([FactsFixtures.line(traditional)]))
        #expect(!RegionGate.isTraditional([FactsFixtures.line(simplified)]))
        // Noise lines do not count: a simplified page with a traditional advertisement.
        let page = [FactsFixtures.line(simplified), FactsFixtures.line(traditional, number: 2, label: .noise)]
        #expect(!RegionGate.isTraditional(page))
    }
}
