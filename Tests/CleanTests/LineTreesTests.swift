import EduwhCore
import Foundation
import TestSupport
import Testing

@testable import Clean

/// Boosted trees as the line model's learner (`LineTrees`, `LineModelTrainer.trees`): they learn
/// what a sum of weights cannot, and the trainer measures them by held-out groups like the
/// logistic regression.
@Suite struct LineTreesTests {
    /// Made-up lines over four binary features: the label is B when exactly one of features 0 and
    /// 1 is present and N otherwise (an interaction no sum of weights can say); feature 2 is noise.
    /// Feature 1 is likelier with feature 0 (80% against 50%), so the first split has something
    /// to gain (greedy trees cannot start on a perfectly balanced exclusive or).
    static func interaction() -> [(features: [Int32], gold: Int)] {
        var out: [(features: [Int32], gold: Int)] = []
        for k in 0..<200 {
            let a = k < 100
            let b = a ? k % 5 != 0 : k % 2 == 0
            var f: [Int32] = []
            if a { f.append(0) }
            if b { f.append(1) }
            if k % 3 == 0 { f.append(2) }
            out.append((f, a != b ? 2 : 3))
        }
        return out
    }

    @Test func treesLearnAnInteraction() {
        var settings = LineTrees.Settings()
        settings.rounds = 40
        settings.depth = 2
        settings.shrinkage = 0.3
        let trees = LineTrees.train(Self.interaction(), featureCount: 4, settings: settings)
        #expect(trees.trees.count == 40)
        for (features, gold) in [([Int32(0)], 2), ([1], 2), ([0, 1], 3), ([], 3), ([0, 1, 2], 3), ([2], 3)] {
            let p = trees.probabilities(features)
            #expect(abs(p.sum() - 1) < 1e-9)
            #expect(p[gold] > 0.8, "\(features): \(p)")
        }
    }

    @Test func aLeafNeedsEnoughLinesOnBothSides() {
        var settings = LineTrees.Settings()
        settings.rounds = 1
        settings.minLines = 150
        let trees = LineTrees.train(Self.interaction(), featureCount: 4, settings: settings)
        #expect(trees.trees == [[trees.trees[0][0]]], "no split leaves 150 lines on each side of 200")
        #expect(LineTrees.train([], featureCount: 4, settings: settings).trees.isEmpty)
    }

    // MARK: - The trainer with trees, on a small made-up corpus

    /// Six made-up report pages of six sites: a title, three paragraphs, and a closing line of a
    /// kind the rules keep (a short sentence after the last paragraph) but the gold drops.
    static func pages() -> [LineTrainingPage] {
        let closings = [
            "更多精彩内容请持续关注本站。", "喜欢本文请收藏本站。", "感谢阅读本站文章。",
            "更多范文请关注本站。", "欢迎收藏本站网址。", "本站持续更新范文。",
        ]
        return closings.enumerated().map { k, closing in
            let text = """
                某县教育局\(2015 + k)年工作总结

                今年以来，全县教育系统坚持立德树人，扎实推进各项工作，教育质量稳步提升，群众满意度不断提高。

                一是改善办学条件。全年新建校舍\(k + 3)所，改造薄弱学校十二所，配齐了教学仪器和图书。

                二是加强队伍建设。组织教师培训五百余人次，评选骨干教师六十名，师德师风明显好转。

                \(closing)
                """
            let gold: [Int: LineLabel] = [1: .title, 3: .body, 5: .body, 7: .body, 9: .noise]
            return LineTrainingPage(name: "x\(k)_made_up.txt", site: "site\(k).example", text: text, gold: gold)
        }
    }

    @Test func theTrainerHoldsOutEachSiteWithTrees() {
        var trainer = LineModelTrainer()
        var settings = LineTrees.Settings()
        settings.rounds = 20
        settings.minLines = 2
        trainer.trees = settings
        trainer.keepSide = false
        let data = trainer.examples(Self.pages())
        #expect(data.pages.map(\.lineCount) == Array(repeating: 5, count: 6))
        let heldOut = trainer.crossValidate(data)
        #expect(heldOut.map(\.site).sorted() == (0..<6).map { "site\($0).example" })
        let rules = LineModelTrainer.pooled(heldOut, margin: nil)
        #expect(rules.lines == 30)
        let model = trainer.fit(data, notes: ["# made up"])
        #expect(model.trees != nil)
        #expect(model.weights.isEmpty)
        // Whatever the margin chosen, a line only moves where the gate lets it: with the gate
        // confined to lines after the body, the title and paragraphs keep the rules' labels.
        let after = LineModelTrainer.pooled(heldOut, margin: 0, sides: [2], only: 0)
        #expect(after.labelOK == LineModelTrainer.pooled(heldOut, margin: nil, only: 0).labelOK)
        let cleaned = Cleaner(lineModel: model).clean(CleanFixture.raw(Self.pages()[0].text))
        #expect(cleaned.lines.count == 5)
        #expect(cleaned.lines.first?.label == .title)
    }
}
