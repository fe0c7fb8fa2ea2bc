import EduwhCore
import Foundation
import Ingest
import TestSupport
import Testing

@testable import Clean

/// The learned line model: its gate, its weights table, and an honest held-out measurement on the
/// field corpus (trained on the seeds and slices fa–fg, scored on fh and fi, which it never saw).
@Suite struct LineModelTests {
    // MARK: - The gate

    @Test func theGateNeedsTheMargin() {
        let p = SIMD4<Double>(0.1, 0.0, 0.8, 0.1)
        #expect(LineModel.gated(p, rules: 0, margin: 0.5) == 2, "T→B: 0.8 beats 0.1 by 0.7")
        #expect(LineModel.gated(p, rules: 0, margin: 0.75) == nil, "not by 0.75")
        #expect(LineModel.gated(p, rules: 2, margin: 0) == nil, "the rules' label is the model's best")
        #expect(LineModel.gated(p, rules: 0, margin: .infinity) == nil)
    }

    @Test func aKeepSideGateNeverKeepsOrDropsOtherwise() {
        let noise = SIMD4<Double>(0.05, 0.0, 0.1, 0.85)
        #expect(LineModel.gated(noise, rules: 2, margin: 0.1) == 3, "B→N with any side")
        #expect(LineModel.gated(noise, rules: 2, margin: 0.1, keepSide: true) == nil, "B stays kept")
        #expect(LineModel.gated(noise, rules: 1, margin: 0.1, keepSide: true) == 3, "M→N: both dropped")
        let title = SIMD4<Double>(0.9, 0.0, 0.1, 0.0)
        #expect(LineModel.gated(title, rules: 2, margin: 0.5, keepSide: true) == 0, "B→T: both kept")
    }

    // MARK: - The weights table

    /// A hand-written model that is sure a line in the tail is noise, and unsure elsewhere.
    static let tailIsNoise = """
        # made up for a test
        feature\tlabel\tweight
        gate-margin\t-\t0.5
        gate-keep-side\t-\t0
        zone=tail\tN\t5
        zone=head\tT\t0.1
        text=扫码\tN\t2
        """

    @Test func aModelRelabelsWhereItIsSureAndSaysSo() throws {
        let model = try LineModel(table: Self.tailIsNoise, name: "test.tsv")
        #expect(model.margin == 0.5)
        #expect(!model.keepSide)
        #expect(model.notes == ["# made up for a test"])
        let text = LineFeatureTests.page.replacingOccurrences(
            of: "扫码关注微信公众号下载更多范文 www.fanwen-example.com QQ:123456789", with: "请批评指正。")
        let rulesOnly = Cleaner(lineModel: nil).clean(CleanFixture.raw(text))
        let closing = try #require(rulesOnly.lines.last)
        #expect(closing.label == .body, "the rules keep a short sentence after the last paragraph")
        let withModel = Cleaner(lineModel: model).clean(CleanFixture.raw(text))
        let relabelled = try #require(withModel.lines.last)
        #expect(relabelled.label == .noise)
        #expect(relabelled.rule == LineModel.rule(overriding: closing.rule))
        #expect(withModel.lines.dropLast().allSatisfy { !$0.rule.hasPrefix("line-model(") }, "body lines stand")
    }

    @Test func aTrainedModelSurvivesItsTable() throws {
        let pages = try Self.seedPages()
        var trainer = LineModelTrainer()
        trainer.epochs = 5
        var model = trainer.fit(trainer.examples(pages), notes: ["# seeds only"], groupOf: { _ in "all" })
        model.margin = 0
        model.keepSide = false
        let reread = try LineModel(table: model.table(), name: "round-trip.tsv")
        #expect(reread.margin == 0)
        #expect(reread.notes == ["# seeds only"])
        for page in try pages + Self.fieldPages(slices: ["fh"]).prefix(10) {
            let a = Cleaner(lineModel: model).clean(CleanFixture.raw(page.text)).lines.map(\.label)
            let b = Cleaner(lineModel: reread).clean(CleanFixture.raw(page.text)).lines.map(\.label)
            #expect(a == b, "\(page.name)")
        }
    }

    // MARK: - Held out: trained on seeds and fa–fg, scored on fh and fi

    /// Each page is cleaned without the rules written from its own site (as field-eval's LOSO
    /// rows). On 2026-12-05 (margin chosen by leave-one-site-out in `eduwh train-lines`): rules
    /// alone keep/drop 0.908, labels 0.866 on fh+fi; with the model keep/drop 0.908 (the
    /// keep-side gate keeps it), labels 0.869. Here the margin is chosen by holding out each
    /// training slice (quicker). Floors a little under those.
    @Test func onUnseenSlicesTheModelIsNoWorseThanTheRules() throws {
        let train = try Self.seedPages() + Self.fieldPages(slices: ["fa", "fb", "fc", "fd", "fe", "ff", "fg"])
        let test = try Self.fieldPages(slices: ["fh", "fi"])
        try #require(train.count >= 150 && test.count >= 60)
        let trainer = LineModelTrainer()
        let model = trainer.fit(trainer.examples(train), notes: [], groupOf: { String($0.page.prefix(2)) })
        let scored = trainer.apply(model, to: trainer.examples(test).pages)
        let rules = LineModelTrainer.pooled(scored, margin: nil)
        let learned = LineModelTrainer.pooled(scored, margin: model.margin, keepSide: model.keepSide)
        print(
            "fh+fi: rules keep/drop \(rules.keepDrop) labels \(rules.labelAccuracy); "
                + "model (margin \(model.margin)) keep/drop \(learned.keepDrop) labels \(learned.labelAccuracy)")
        #expect(learned.keepDrop >= rules.keepDrop)
        #expect(learned.labelAccuracy >= rules.labelAccuracy)
        #expect(learned.keepDrop >= 0.90)
        #expect(learned.labelAccuracy >= 0.86)
    }

    @Test(arguments: [
        ("m.wnwk.com", "wnwk.com"), ("www.wnwk.com", "wnwk.com"), ("cdn.www.taichung.gov.tw", "taichung.gov.tw"),
        ("jyj.example.gov.cn", "example.gov.cn"), ("xiexiebang.com", "xiexiebang.com"),
    ])
    func pagesOfOneSiteAreHeldOutTogether(host: String, site: String) {
        #expect(LineTrainingPage.site(ofHost: host) == site)
    }

    // MARK: - Pages

    static func seedPages() throws -> [LineTrainingPage] {
        try SeedGoldTests.seedNames.map { name in
            try page(name, folder: PackagePaths.seeds, gold: PackagePaths.gold, site: "seed:" + name)
        }
    }

    static func fieldPages(slices: Set<String>) throws -> [LineTrainingPage] {
        let manifest = try String(contentsOf: PackagePaths.fieldCorpus.appending(path: "MANIFEST.tsv"), encoding: .utf8)
        var pages: [LineTrainingPage] = []
        for row in manifest.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 2, slices.contains(String(cells[0].prefix(2))) else { continue }
            pages.append(
                try page(
                    cells[0], folder: PackagePaths.fieldCorpus, gold: PackagePaths.fieldCorpus.appending(path: "gold"),
                    site: LineTrainingPage.site(ofHost: cells[1])))
        }
        return pages.sorted { $0.name < $1.name }
    }

    static func page(_ name: String, folder: URL, gold: URL, site: String) throws -> LineTrainingPage {
        let goldText = try String(
            contentsOf: gold.appending(path: String(name.dropLast(4)) + ".lines.tsv"), encoding: .utf8)
        let raw = try Ingestor().read(path: folder.appending(path: name).path)
        return LineTrainingPage(
            name: name, site: site, text: raw.text, gold: LineTrainingPage.gold(fromLinesTable: goldText))
    }
}
