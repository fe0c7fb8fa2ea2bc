import EduwhCore
import Facts
import Testing

/// The learned year chooser (`YearChooser`, issue 24) with sentences of our own: the candidates
/// the text offers a figure, the chooser's decision and its reason, why a year is left empty,
/// and its trainer's folds and margins.
@Suite struct YearChooserTests {
    static let title = ["某县教育局2019年工作总结"]

    static func candidates(_ surface: String, body: [String], title: [String] = title) throws -> [YearCandidate] {
        let built = FactBuilder(recordsFeatures: true, yearChooser: nil)
            .build(TrustTests.document(title: title, body: body))
        return try TrustTests.fact(surface, in: built).yearCandidates
    }

    /// A figure's clause year, the title's year and none are candidates; the rules' year is the
    /// clause's, and a value two kinds give is one candidate with both kinds.
    @Test func theCandidatesAreTheYearsTheTextOffers() throws {
        let found = try Self.candidates("5所", body: ["2018年，全县新建学校5所。"])
        let clause = try #require(found.first { $0.from == 2018 })
        let own = clause.kinds.contains("clause") || clause.kinds.contains("sentence")
        #expect(clause.to == 2018 && own && clause.kinds.contains("rules"))
        #expect(clause.features.contains("m:year") && clause.features.contains("k:rules"))
        let title = try #require(found.first { $0.from == 2019 })
        #expect(title.kinds.contains("title") && !title.kinds.contains("rules"))
        #expect(found.contains { $0.from == nil && $0.kinds == ["none"] })
        #expect(Set(found.map { "\($0.from ?? 0)-\($0.to ?? 0)" }).count == found.count)
    }

    /// What a sentence's year looks like is read as a kind: a since-year (2014年以来), a cue of
    /// the past between it and the figure, a year an earlier line named (十二五期间).
    @Test func candidateFeaturesDescribeKindsOfConstruction() throws {
        let since = try Self.candidates("3亿元", body: ["2014年以来，我县已累计投入教育资金3亿元。"])
        let year = try #require(since.first { $0.from == 2014 && $0.to == 2014 })
        #expect(year.features.contains("m:since") && year.features.contains("btw:past"))
        let carried = try Self.candidates(
            "12所", body: ["“十二五”期间，全县教育事业发展迅速。", "全县新建幼儿园12所。"], title: ["某县教育工作总结"])
        let previous = try #require(carried.first { $0.kinds.contains("previous") })
        #expect(previous.from == 2011 && previous.to == 2015)
    }

    /// The rules' candidate stands unless another beats it by its margin; none by the empty margin.
    @Test func theRulesYearStandsUnlessAnotherBeatsItByItsMargin() {
        let none: (Int) -> Bool = { $0 == 2 }
        #expect(YearChooser.choose([0.5, 0.6, 0.1], rules: 0, none: none, margins: (0.2, 0.2)) == 0)
        #expect(YearChooser.choose([0.5, 0.8, 0.1], rules: 0, none: none, margins: (0.2, 0.2)) == 1)
        #expect(YearChooser.choose([0.3, 0.5, 0.9], rules: 0, none: none, margins: (0.1, 2)) == 1)
        #expect(YearChooser.choose([0.3, 0.5, 0.9], rules: 0, none: none, margins: (0.1, 0.1)) == 2)
        #expect(YearChooser.choose([0.3, 0.9, 0.1], rules: 0, none: none, margins: (2, 2)) == 0)
    }

    /// A chooser that trusts titles takes the title's year and names its choice; one that trusts
    /// none leaves the year empty and says so; without a chooser the rules' year stands, and an
    /// empty rules year says why.
    @Test func theChooserNamesItsChoiceAndWhyAYearIsEmpty() throws {
        let body = ["2018年，全县新建学校5所。"]
        func built(_ weights: [String: Double]) throws -> Fact {
            let chooser = YearChooser(table: YearGate(weights: weights, threshold: 1))
            return try TrustTests.fact(
                "5所", in: FactBuilder(yearChooser: chooser).build(TrustTests.document(title: Self.title, body: body)))
        }
        let titled = try built(["bias": -2, "k:title": 5, "@change": 0.1, "@empty": 2])
        #expect(titled.yearFrom == 2019 && titled.yearTo == 2019 && titled.yearSource == .document)
        #expect(titled.yearRule.hasPrefix("yearchooser:title") && titled.yearRule.contains("(rules 2018"))
        let blanked = try built(["bias": -2, "k:none": 5, "@change": 2, "@empty": 0.1])
        #expect(blanked.yearFrom == nil && blanked.yearSource == .none)
        #expect(blanked.yearRule.hasPrefix("yearchooser:none"))
        let kept = try built(["bias": -2, "k:rules": 5, "@change": 0, "@empty": 0])
        #expect(kept.yearFrom == 2018 && kept.yearRule.hasPrefix("yearchooser:") && kept.yearRule.contains("(next"))
        let rules = try TrustTests.fact(
            "5所", in: FactBuilder(yearChooser: nil).build(TrustTests.document(title: Self.title, body: body)))
        #expect(rules.yearFrom == 2018 && !rules.yearRule.hasPrefix("yearchooser"))
        let empty = try TrustTests.fact(
            "5所",
            in: FactBuilder(yearChooser: nil).build(
                TrustTests.document(title: ["某县教育工作总结"], body: ["全县新建学校5所。"])))
        #expect(empty.yearFrom == nil && empty.yearRule.hasPrefix("noyear:"))
    }

    /// Examples of ten sites whose gold is the title's year when a feature `cue` is on and the
    /// rules' year otherwise; one site also has a feature of its own.
    static func examples() -> [YearChoiceExample] {
        (0..<40).map { index in
            let site = "site\(index % 10)"
            let cue = (index / 10) % 2 == 0
            let rules = YearChoiceExample.Candidate(
                year: ("2018", "2018"), kinds: ["clause", "rules"], features: ["k:clause"])
            var title = YearChoiceExample.Candidate(year: ("2019", "2019"), kinds: ["title"], features: ["k:title"])
            if cue { title.features.append("cue") }
            if site == "site3" { title.features.append("only3") }
            let none = YearChoiceExample.Candidate(year: ("", ""), kinds: ["none"], features: ["k:none"])
            return YearChoiceExample(
                candidates: [rules, title, none], rules: 0, gold: cue ? ("2019", "2019") : ("2018", "2018"),
                site: site, slice: index < 20 ? "fa" : "fb", restExact: true)
        }
    }

    /// The trainer learns which candidate is right from kinds seen on enough sites, predicts every
    /// matched example from a chooser trained without its site's fold, and picks margins that beat
    /// the rules on those predictions; a feature of one site gets no weight.
    @Test func theTrainerLearnsOnSiteFoldsAndChoosesMargins() {
        var examples = Self.examples()
        examples.append(
            YearChoiceExample(
                candidates: [], rules: nil, gold: ("2019", "2019"), site: "site0", slice: "fa", restExact: false))
        let trainer = YearChooserTrainer()
        let held = trainer.heldOut(examples, folds: 5)
        #expect(held.count == examples.count && held.last! == nil && held.dropLast().allSatisfy { $0 != nil })
        let margins = trainer.bestMargins(examples, held)
        #expect(margins != (2, 2))
        let rules = YearChooserTrainer.score(examples, held, margins: (2, 2))
        let chooser = YearChooserTrainer.score(examples, held, margins: margins)
        #expect(rules.right == 20 && chooser.right > rules.right && chooser.wrong < rules.wrong)
        let full = trainer.train(examples, margins: margins)
        #expect(full.table.weights["cue"] != nil && full.table.weights["only3"] == nil)
        let misses = YearChooserTrainer.missesByKind(examples, held, margins: (2, 2))
        #expect(misses["title"]?.rules == 20 && misses["unmatched"]?.rules == 1)
    }
}
