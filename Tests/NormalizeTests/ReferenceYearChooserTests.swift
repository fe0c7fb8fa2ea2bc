import EduwhCore
import Normalize
import Testing

@Suite("Reference-year chooser")
struct ReferenceYearChooserTests {
    /// Gold rows (`line doc surface kind from to`) of made-up relative years.
    func rows(_ cells: [(String, String, String)]) -> [[Substring]] {
        cells.map { surface, kind, from in
            ["3", "1", Substring(surface), Substring(kind), Substring(from), Substring(from)]
        }
    }

    @Test("The gold's 今年, 去年, 明年 … imply the year the document speaks from")
    func goldReferences() {
        let references = ReferenceExample.goldReferences(
            rows: rows([
                ("今年", "relative", "2012"), ("去年底", "relative", "2011"), ("明年", "relative", "2013"),
                ("今(jīn)年", "relative", "2012"), ("來年", "relative", "2013"), ("年內", "relative", "2012"),
                ("今年", "relative", ""), ("全年", "relative", "2010"), ("2012年", "year", "2012"),
            ]))
        // 全年 counts from a section's year and 2012年 is no relative word: neither says it.
        #expect(references == [2012, 2012, 2012, 2012, 2012, 2012, nil])
        #expect(ReferenceExample.label(references) == .some(2012))
        #expect(ReferenceExample.label([nil, nil, 2012]) == .some(nil))
        #expect(ReferenceExample.label([2011, 2012, 2012]) == .some(2012))
        #expect(ReferenceExample.label([]) == nil)
    }

    @Test("Candidates: every year the text names, the year after the latest, and none")
    func candidates() {
        let doc = document([
            "某县教育局2012年工作总结",
            "2011年全县共有学校45所，2012年新建幼儿园3所，今年还将改造校舍一万平方米。",
            "到2015年，全县学前三年毛入园率达到85%。",
        ])
        let candidates = Normalizer.standard.referenceCandidates(of: doc)
        #expect(candidates.years == [2011, 2012, 2015, 2016, nil])
        // The rules take the latest year that is no deadline: 2012, whose features say so.
        #expect(candidates.years[candidates.rules] == 2012)
        #expect(candidates.features[candidates.rules].contains("rules"))
        #expect(candidates.features[1].contains("role:title"))
        #expect(candidates.features[2].contains("role:target"))
        #expect(candidates.features[3].contains("rank:next"))
        #expect(candidates.features[4].contains("none"))
    }

    @Test("The rules' year stands unless another candidate beats it by the margin")
    func margins() {
        let doc = document(["某县教育局2012年工作总结", "2012年新建幼儿园3所，今年还将改造校舍。"])
        let candidates = Normalizer.standard.referenceCandidates(of: doc)
        let none = candidates.years.firstIndex(of: nil)!
        let leaning = ReferenceYearChooser(weights: ["none": 1.0], on: true)
        // With these weights none is a little more likely than the rules' 2012, not by 0.9.
        #expect(leaning.choose(candidates, margins: (change: 0.9, empty: 0.9)) == candidates.rules)
        let sure = ReferenceYearChooser(weights: ["none": 8.0], on: true)
        #expect(sure.choose(candidates, margins: (change: 0.9, empty: 0.5)) == none)
    }

    @Test("Trained on sites where a plain year is the year before the report's, it picks the year after")
    func trainerLearnsAKind() {
        // Made-up documents: a review of a closed year (2013年…全年) spoken from the next year.
        func example(_ site: Int, year: Int) -> ReferenceExample {
            let doc = document(["教育工作会议上的讲话", "\(year)年全县新建学校\(site + 2)所，\(year)年全年投入资金\(site + 1)亿元，今年要再接再厉。"])
            return ReferenceExample(
                candidates: Normalizer.standard.referenceCandidates(of: doc), gold: year + 1, rows: 1,
                site: "site\(site)", slice: "made-up")
        }
        let examples = (0..<12).map { example($0, year: 2005 + $0) }
        #expect(examples.allSatisfy { $0.candidates.years[$0.candidates.rules] == $0.gold! - 1 })
        var trainer = ReferenceYearTrainer()
        trainer.minSites = 2
        let held = trainer.heldOut(examples, folds: 4)
        let margins = ReferenceYearTrainer.chooseMargins(examples, probabilities: held)
        let rules = ReferenceYearTrainer.score(examples, probabilities: nil, margins: (2, 2))
        let chooser = ReferenceYearTrainer.score(examples, probabilities: held, margins: margins)
        #expect(rules.right == 0 && rules.wrong == 12)
        #expect(chooser.right == 12 && chooser.wrong == 0)
    }
}
