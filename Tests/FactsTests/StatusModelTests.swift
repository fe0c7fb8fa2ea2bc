import Clean
import EduwhCore
import Facts
import Foundation
import Ingest
import Normalize
import TestSupport
import Testing

/// The learned status chooser: its features, its policy, its trainer and its place in the fact builder.
@Suite struct StatusModelTests {
    /// The status features of `surface` in `line`, the rules having said `rules`.
    static func context(
        _ line: String, _ surface: String, rules: (FactStatus, String), kind: String = "工作总结",
        section: SectionScope.State = .init(), year: Int? = nil, reference: Int? = nil
    ) -> StatusFeatures.Context {
        let scalars = line.simplifiedScalars
        let quantity = FactsFixtures.quantity(surface, unit: "所", in: line, value: 1)
        let sentence = Sentence.split(scalars).first { $0.range.contains(quantity.offset) }!
        var context = StatusFeatures.Context(
            scalars: scalars, sentence: sentence.range,
            clause: sentence.clauses[sentence.clauseIndex(containing: quantity.offset)], offset: quantity.offset,
            length: surface.unicodeScalars.count, unit: "所", words: rules, rules: rules, reportKind: kind,
            isPlanKind: kind == "工作计划", section: section, year: year, yearSource: year == nil ? .none : .clause,
            reference: reference, indicator: "schools_built")
        context.cues = StatusCues.standard.words(in: scalars, sentence: sentence).matches(in: sentence.range)
        return context
    }

    @Test func featuresReadTenseWordsOpeningsAndYears() {
        let context = Self.context(
            "下一步，全县新建幼儿园5所，计划投入资金800万元。", "5所", rules: (.achieved, "kind:工作总结"),
            section: .init(status: .planned, cue: "section:打算"), year: 2016, reference: 2015)
        let features = Set(StatusFeatures.features(context))
        // The sentence opens with 下一步; 新建 stands right before the figure; 计划 in a later clause.
        for expected in [
            "so=下一", "b2=新建", "cl=计划", "ce=下一步", "R=achieved", "RC=kind:", "S=planned", "SC=section:打算",
            "Y=later", "R|S=achieved|planned", "bias",
        ] {
            #expect(features.contains(expected), "\(expected)")
        }
        // A load hashes the same features without building their strings.
        #expect(StatusFeatures.hashes(context) == features.map { IndicatorFeatures.hash($0.unicodeScalars) }.sorted())
        let past = Set(
            StatusFeatures.features(
                Self.context("去年全县已建成幼儿园5所", "5所", rules: (.achieved, "已"), year: 2014, reference: 2015)))
        #expect(past.contains("cb=已") && past.contains("Y=earlier") && past.contains("RW=已"))
        // 已 in the figure's own clause: the model may not overrule the rules (G=past).
        #expect(past.contains(StatusFeatures.pastGuard) && !features.contains(StatusFeatures.pastGuard))
        #expect(!past.contains { $0.hasPrefix("so=下") })
    }

    /// The nearest tense word before the figure is read by the report's kind and by the section;
    /// how the figure's clause and sentence end is read too (…以上, …完工), but not a figure's own
    /// characters.
    @Test func featuresReadTheNearestCueByKindAndSectionAndTheEndings() {
        let plan = Self.context(
            "全县计划新建幼儿园5所以上，力争年底前全部完工。", "5所", rules: (.planned, "计划"), kind: "工作计划",
            section: .init(status: .planned, cue: "section:打算"))
        let planned = Set(StatusFeatures.features(plan))
        for expected in ["Kcb=工作计划|计划", "Scb=planned|计划", "cf=以上", "sf=完工"] {
            #expect(planned.contains(expected), "\(expected)")
        }
        #expect(StatusFeatures.hashes(plan) == planned.map { IndicatorFeatures.hash($0.unicodeScalars) }.sorted())
        let done = Set(StatusFeatures.features(Self.context("去年全县共新建幼儿园5所。", "5所", rules: (.achieved, "共"))))
        #expect(done.contains("Kcb=工作总结|共") && done.contains("Scb=-|共"))
        // The clause and the sentence end with the figure: no ending pair (所 alone is no pair).
        #expect(!done.contains { $0.hasPrefix("cf=") || $0.hasPrefix("sf=") })
        let none = Set(StatusFeatures.features(Self.context("全县有幼儿园5所。", "5所", rules: (.unknown, ""))))
        #expect(!none.contains { $0.hasPrefix("Kcb=") || $0.hasPrefix("Scb=") })
    }

    @Test func thePolicyOverridesFillsAndDoubts() {
        let policy = IndicatorModel.Policy(fill: 0.6, override: 0.9, doubt: 0.1)
        func prediction(_ code: String, _ p: Double, own: Double) -> IndicatorModel.Prediction {
            IndicatorModel.Prediction(code: code, probability: p, dictionaryProbability: own)
        }
        // Sure enough: the model speaks, and its cue says so over the rules' cue.
        let over = StatusModel.decide(
            (.achieved, "kind:工作总结"), prediction("planned", 0.95, own: 0.04), policy: policy)
        #expect(over.0 == .planned && over.1 == "model:0.95<kind:工作总结")
        // Not sure enough to overrule a rule, sure enough to fill an unknown.
        let kept = StatusModel.decide((.achieved, "了"), prediction("planned", 0.7, own: 0.3), policy: policy)
        #expect(kept.0 == .achieved)
        #expect(StatusModel.decide((.unknown, ""), prediction("planned", 0.7, own: 0.3), policy: policy).0 == .planned)
        // The rules' status the model all but rules out becomes unknown.
        let doubted = StatusModel.decide((.planned, "将"), prediction("achieved", 0.85, own: 0.05), policy: policy)
        #expect(doubted.0 == .unknown && doubted.1.hasPrefix("model-doubt:0.05<"))
        #expect(StatusModel.decide((.planned, "将"), prediction("planned", 0.9, own: 0.9), policy: .off).0 == .planned)
    }

    /// A model trained on made-up examples where 扩建 right before a figure makes it planned.
    static func toyModel(policy: IndicatorModel.Policy) throws -> StatusModel {
        func example(_ features: [String], _ label: String) -> IndicatorExample {
            IndicatorExample(
                features: features, label: label, site: "toy", slice: "toy",
                dictionary: .init(code: "achieved", rule: "kind:工作总结"), matched: true, restExact: true)
        }
        let examples = (0..<30).flatMap { _ in
            [
                example(["bias", "b2=扩建", "R=achieved"], "planned"),
                example(["bias", "b2=新建", "R=achieved"], "achieved"),
                example(["bias", "R=achieved"], "achieved"),
            ]
        }
        let model = StatusTrainer().train(examples)
        #expect(model.predict(["bias", "b2=扩建", "R=achieved"], dictionary: "achieved").code == "planned")
        // The table written and read back predicts the same and keeps the policy.
        let read = try StatusModel(table: IndicatorTrainer.table(model, policy: policy, comment: ["test"]))
        #expect(read.policy == policy)
        #expect(read.model.predict(["bias", "b2=扩建", "R=achieved"], dictionary: "achieved").code == "planned")
        return read
    }

    @Test func theFactBuilderAsksTheModelAndNamesItInTheCue() throws {
        let model = try Self.toyModel(policy: IndicatorModel.Policy(fill: 2, override: 0.8, doubt: 0))
        let builder = FactBuilder(statusModel: model)
        let profile = DocumentProfile(kind: "工作总结")
        // No cue word in either: the rules call both achieved (a summary narrates results).
        for (text, status) in [("全县扩建幼儿园5所。", FactStatus.planned), ("全县新建幼儿园5所。", .achieved)] {
            let quantity = FactsFixtures.quantity("5所", unit: "所", in: text, value: 5)
            let fact = try #require(
                builder.facts([quantity], line: FactsFixtures.line(text), years: [], places: [], profile: profile)
                    .first)
            #expect(fact.status == status, "\(text)")
            #expect(fact.statusCue.hasPrefix("model:") == (status == .planned), "\(fact.statusCue)")
            // Features are recorded only for training.
            #expect(fact.statusFeatures.isEmpty)
        }
        let recording = FactBuilder(recordsFeatures: true, statusModel: nil)
        let text = "下一步，全县新建幼儿园5所。"
        let quantity = FactsFixtures.quantity("5所", unit: "所", in: text, value: 5)
        let fact = recording.facts([quantity], line: FactsFixtures.line(text), years: [], places: [], profile: profile)
        #expect(fact.first?.statusFeatures.contains("so=下一") == true)
    }

    /// Trainer smoke test on two field pages: every gold fact becomes one example, labelled with
    /// its gold status, and a found one carries the rules' status and its features.
    @Test func theTrainerReadsCorpusPages() throws {
        let folder = PackagePaths.fieldCorpus
        let builder = FactBuilder(recordsFeatures: true, statusModel: nil)
        var examples: [IndicatorExample] = []
        var goldRows = 0
        for stem in ["fa01_xiexiebang_com", "fj01"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            guard let name = names.sorted().first(where: { $0.hasPrefix(stem) && $0.hasSuffix(".txt") }) else {
                continue
            }
            let gold = folder.appending(path: "gold/" + name.dropLast(4)).path
            guard FileManager.default.fileExists(atPath: gold + ".facts.tsv") else { continue }
            let goldFacts = try String(contentsOfFile: gold + ".facts.tsv", encoding: .utf8)
            goldRows += goldFacts.split(separator: "\n").dropFirst().filter { !$0.allSatisfy(\.isWhitespace) }.count
            let raw = try Ingestor().read(path: folder.appending(path: name).path)
            let facts = Cleaner.standard.clean(raw).documents.flatMap { builder.build($0).facts }
            examples += StatusTrainer.examples(
                goldFacts: goldFacts,
                goldQuantities: try String(contentsOfFile: gold + ".quantities.tsv", encoding: .utf8),
                facts: facts, rawLines: raw.lines, site: stem, slice: String(stem.prefix(2)))
        }
        try #require(goldRows > 10, "field facts gold not found")
        #expect(examples.count == goldRows)
        #expect(examples.allSatisfy { FactStatus(rawValue: $0.label) != nil })
        let matched = examples.filter(\.matched)
        #expect(matched.count * 10 >= examples.count * 8)
        #expect(matched.allSatisfy { $0.features.contains("bias") && $0.features.contains("R=" + $0.dictionary.code) })
        let model = StatusTrainer().train(examples)
        #expect(Set(model.classes).isSuperset(of: ["achieved", "unknown"]))
        let none = [IndicatorModel.Prediction?](repeating: nil, count: examples.count)
        let rules = StatusTrainer.score(examples, StatusTrainer.chosen(examples, none, policy: .off))
        #expect(rules.total == examples.count && rules.right > 0)
    }
}
