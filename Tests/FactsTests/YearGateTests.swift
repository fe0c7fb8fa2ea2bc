import EduwhCore
import Facts
import Testing

/// The learned year gate (`YearGate`, `YearGateTrainer`) with sentences and examples of our own:
/// what the features say about where a year came from, that a doubted year is left empty with its
/// reason, that the table reads back, and that the trainer's held-out measurement runs.
@Suite struct YearGateTests {
    /// A template page: the site's title names 2025年, the body blanks its own years (20xx年).
    static let templateTitle = ["2025年幼儿园年度工作报告"]
    static let templateBody = [
        "20xx年9月，我园按照上级要求开展各项工作。",
        "今年全园共有幼儿320名，教职工41人。",
    ]

    static func facts(_ gate: YearGate?, title: [String], body: [String]) -> DocumentFacts {
        FactBuilder(yearGate: gate).build(TrustTests.document(title: title, body: body))
    }

    /// A body that blanks its years (20xx年) while the title alone names one: the document's
    /// features say so, and a gate that doubts a relative year resting on such a document leaves
    /// its 今年 unresolved.
    @Test func aBlankedBodyIsSeenAndItsRelativeYearStaysEmpty() throws {
        let gate = YearGate(weights: ["bias": 2, "blanks|rel": -6], threshold: 0.5)
        let page = (title: Self.templateTitle, body: Self.templateBody)
        let gated = try TrustTests.fact("320名", in: Self.facts(gate, title: page.title, body: page.body))
        #expect(gated.yearFrom == nil && gated.yearRule.hasPrefix("yeargate:"))
        // Without a gate the year is the rules' and no gate reason is given (the rule may name its scope).
        let rules = try TrustTests.fact("320名", in: Self.facts(nil, title: page.title, body: page.body))
        #expect(!rules.yearRule.contains("yeargate"))
        let profiled = FactBuilder(recordsFeatures: true, yearGate: nil)
            .build(TrustTests.document(title: Self.templateTitle, body: Self.templateBody))
        #expect(profiled.profile.yearContext.contains("blanks"))
        let plain = FactBuilder(recordsFeatures: true, yearGate: nil)
            .build(TrustTests.document(title: Self.templateTitle, body: ["2025年全园共有幼儿320名。"]))
        #expect(!plain.profile.yearContext.contains("blanks"))
        #expect(!plain.profile.yearContext.contains("titleonly"))
    }

    /// A year written in the sentence keeps its features: where it came from, its kind, the word
    /// before it (digits as 0), how it stands to the report's period.
    @Test func aFactsYearFeaturesNameWhereItCameFrom() throws {
        let built = FactBuilder(recordsFeatures: true, yearGate: nil).build(
            TrustTests.document(
                title: ["某县2019年教育工作总结"],
                body: ["学校建于1993年，现有教师85人。", "2019年全县投入教育经费3.2亿元。"]))
        let teachers = try TrustTests.fact("85人", in: built)
        let funding = try TrustTests.fact("3.2亿元", in: built)
        #expect(funding.yearFrom == 2019)
        #expect(funding.yearFeatures.contains("per:eq"))
        #expect(funding.yearFeatures.contains { $0.hasPrefix("src:") })
        if teachers.yearFrom == 1993 {
            // A founding year (建于1993年) read as the figure's year: the gate sees the cue before it.
            #expect(teachers.yearFeatures.contains("pre:建于"))
            #expect(teachers.yearFeatures.contains("per:out"))
        }
    }

    /// A gate that doubts years resting on a blanked body leaves them empty and says why; a gate
    /// that trusts them, or none, keeps the rules' year.
    @Test func aDoubtedYearIsLeftEmptyWithItsReason() throws {
        let title = ["2025年幼儿园年度工作报告"]
        let body = ["20xx年，我园在上级领导下开展工作。", "2025年全园共有幼儿320名。"]
        let kept = try TrustTests.fact("320名", in: Self.facts(nil, title: title, body: body))
        #expect(kept.yearFrom == 2025)
        let doubting = YearGate(weights: ["bias": 2, "blanks": -6], threshold: 0.5)
        let gated = try TrustTests.fact("320名", in: Self.facts(doubting, title: title, body: body))
        #expect(gated.yearFrom == nil && gated.yearTo == nil && gated.yearSource == .none)
        #expect(gated.yearRule.hasPrefix("yeargate:") && gated.yearRule.contains("<0.5"))
        let trusting = YearGate(weights: ["bias": 2], threshold: 0.5)
        let trusted = try TrustTests.fact("320名", in: Self.facts(trusting, title: title, body: body))
        #expect(trusted.yearFrom == 2025 && !trusted.yearRule.contains("<"))
    }

    /// The table a trainer writes reads back to the same weights and threshold.
    @Test func theTableReadsBack() throws {
        let gate = YearGate(weights: ["bias": 0.5, "src:document": -1.25, "blanks|src:sentence": -2], threshold: 0.3)
        let read = try YearGate(table: gate.table(comment: ["test"]))
        #expect(read.weights == gate.weights)
        #expect(read.threshold == 0.3)
        #expect(throws: RuleTableError.self) { try YearGate(table: "feature\tweight\nbias\tmany\n") }
    }

    /// Examples of our own: on every site, years of a "bad" kind are wrong (gold empty) and years
    /// of a "good" kind right. Trained without each site, the gate doubts the bad kind, the
    /// threshold the folds choose blanks it, and the score counts the blanked years as right.
    @Test func theTrainersHeldOutMeasurementRuns() {
        var examples: [YearExample] = []
        for site in 0..<8 {
            for index in 0..<6 {
                let bad = index % 3 == 0
                examples.append(
                    YearExample(
                        features: [bad ? "ref:titleonly" : "ref:dateLine", "src:document"], year: ("2020", "2020"),
                        gold: bad ? ("", "") : ("2020", "2020"), site: "s\(site)", slice: "t", matched: true,
                        restExact: true))
            }
        }
        var trainer = YearGateTrainer()
        trainer.minCount = 2
        let probabilities = trainer.heldOut(examples, folds: 0)
        #expect(probabilities.allSatisfy { $0 != nil })
        let badChance = zip(examples, probabilities).filter { $0.0.goldEmpty }.compactMap(\.1).max() ?? 1
        let goodChance = zip(examples, probabilities).filter { !$0.0.goldEmpty }.compactMap(\.1).min() ?? 0
        #expect(badChance < goodChance)
        let threshold = trainer.bestThreshold(examples, probabilities)
        #expect(threshold > 0)
        let rules = YearGateTrainer.score(examples, probabilities, threshold: 0)
        let gate = YearGateTrainer.score(examples, probabilities, threshold: threshold)
        #expect(rules.wrong == 16 && gate.wrong == 0 && gate.right == examples.count && gate.blanked == 16)
    }
}
