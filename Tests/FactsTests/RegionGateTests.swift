import EduwhCore
import Normalize
import Testing

@testable import Facts

/// The region of a report that names no place in its text (issue 24) and the learned region gate
/// (`RegionGate`), with sentences of our own: the bureau a page names as its source, division
/// names in variant traditional glyphs, and a doubted region left empty with its reason.
@Suite struct RegionGateTests {
    /// A page whose text names no place, with a source line (labelled metadata, or kept as the
    /// report's own text) after its title.
    static func sourced(_ source: String, label: LineLabel = .metadata, body: [String]) -> CleanDocument {
        var lines = [FactsFixtures.line("2023年义务教育学位建设情况", number: 1, label: .title)]
        lines.append(FactsFixtures.line(source, number: 2, label: label))
        for (index, text) in body.enumerated() { lines.append(FactsFixtures.line(text, number: index + 3)) }
        return CleanDocument(index: 1, title: "2023年义务教育学位建设情况", lines: lines, metadata: SiteMetadata())
    }

    static let body = ["2023年，全市新建、改扩建中小学12所，新增学位1.8万个。"]

    /// A source line the report's text keeps (资料来源 under a table) names its region when the
    /// text names none.
    @Test func aKeptSourceBureauIsTheRegionOfAReportNamingNoPlace() throws {
        let built = FactBuilder.standard.build(Self.sourced("资料来源：佛山市教育局", label: .body, body: Self.body))
        #expect(built.profile.adcode == "440600000000")
        #expect(try TrustTests.fact("12所", in: built).adcode == "440600000000")
        // Traditional script and a slash: 來源／新竹縣政府.
        let taiwan = FactBuilder.standard.build(Self.sourced("來源／新竹縣政府", label: .body, body: Self.body))
        #expect(taiwan.profile.adcode == "719004000000")
    }

    /// A site's metadata line (来源, 发布机构) is chrome, not the report's text: a report that says
    /// 全市 without naming the city gets no region from it (corpus/README, session 18 region audit).
    @Test func aMetadataSourceLineGivesNoRegion() throws {
        for source in ["发布时间：2023-12-30  来源：佛山市教育局", "发布机构：青田县教育局", "來源／新竹縣政府"] {
            let built = FactBuilder.standard.build(Self.sourced(source, body: Self.body))
            #expect(built.profile.adcode == nil, "\(source)")
            #expect(try TrustTests.fact("12所", in: built).adcode == nil, "\(source)")
        }
    }

    /// A source that is no bureau (a newspaper, a bare 县教体局) or a place not followed by a
    /// government word gives no region.
    @Test func aSourceThatIsNoBureauGivesNoRegion() {
        for source in ["来源：人民日报", "信息来源：县教体局", "来源：佛山日报社记者站", "来源：网络"] {
            let built = FactBuilder.standard.build(Self.sourced(source, body: Self.body))
            #expect(built.profile.adcode == nil, "\(source)")
        }
    }

    /// A report that names its own place keeps it: the source line only fills an empty region.
    @Test func aNamedPlaceOutranksTheSourceLine() {
        let body = ["2023年，南海区新建、改扩建中小学12所，南海区新增学位1.8万个。"]
        let built = FactBuilder.standard.build(Self.sourced("来源：佛山市教育局", body: body))
        #expect(built.profile.adcode == "440605000000")
    }

    /// Division names in variant traditional glyphs (陜西, 騰沖) are found.
    @Test func variantTraditionalGlyphsOfDivisionNamesAreFound() {
        let places = PlaceResolver.standard.places(inText: "陜西省教育廳召開會議。\n騰沖市人民政府辦公室")
        #expect(places.compactMap(\.mention.adcode) == ["610000000000", "530581000000"])
    }

    /// A chooser that doubts a region taken from the document leaves it empty with its reason; a
    /// region its own clause names is kept; without a chooser the rules' region stands.
    @Test func aDoubtedDocumentRegionIsLeftEmpty() throws {
        let title = ["南海区教育局2023年工作总结"]
        let body = ["今年全区新建幼儿园3所。", "桂城街道新增学位800个，顺德区新增学位1.8万个。"]
        let weights: [String: Double] = ["keep:bias": 2, "keep:src:document": -6, "@empty": 0, "@parent": 2]
        let gate = RegionGate(table: YearGate(weights: weights, threshold: 1))
        let gated = FactBuilder(regionGate: gate).build(TrustTests.document(title: title, body: body))
        let doubted = try TrustTests.fact("3所", in: gated)
        #expect(doubted.adcode == nil && doubted.regionSource == .none)
        #expect(doubted.regionRule.hasPrefix("regiongate:empty"))
        let kept = try TrustTests.fact("1.8万个", in: gated)
        #expect(kept.adcode == "440606000000" && kept.regionRule.hasPrefix("regiongate:keep"))
        let rules = FactBuilder(regionGate: nil).build(TrustTests.document(title: title, body: body))
        #expect(try TrustTests.fact("3所", in: rules).adcode == "440605000000")
        #expect(try TrustTests.fact("3所", in: rules).regionRule == RegionRule.named)
    }

    /// A chooser that trusts the parent more moves a district's region up to its city.
    @Test func aParentItTrustsMoreTakesTheRegion() throws {
        let weights: [String: Double] = ["keep:bias": -1, "parent:bias": 2, "@empty": 2, "@parent": 0.1]
        let gate = RegionGate(table: YearGate(weights: weights, threshold: 1))
        let built = FactBuilder(regionGate: gate)
            .build(TrustTests.document(title: ["南海区教育局2023年工作总结"], body: ["今年全区新建幼儿园3所。"]))
        #expect(try TrustTests.fact("3所", in: built).adcode == "440600000000")
        #expect(RegionGate.parent(of: "440605000000") == "440600000000")
        #expect(RegionGate.parent(of: "440600000000") == "440000000000")
        #expect(RegionGate.parent(of: "440000000000") == nil)
    }

    /// The four models scored in one pass (`probabilities`, `documentScores`) give each model's own
    /// `probability` exactly: a model the table lacks answers 0.5, a feature one model lacks adds
    /// nothing to it, the document's part is the same sums in the same order.
    @Test func oneLookupPerFeatureScoresAsEachModelAlone() {
        let weights: [String: Double] = [
            "keep:bias": 0.3, "keep:dl:x": -0.7, "keep:dl:x|src:clause": 0.11, "keep:rel:same": 1.3,
            "empty:bias": -1.1, "empty:rel:same": 0.4, "empty:dl:x|src:document": 0.9, "empty:pre:在": 0.05,
            "lower:lc:cx": 2.5, "@empty": 0.1,
        ]
        let gate = RegionGate(table: YearGate(weights: weights, threshold: 1))
        let document = ["dl:x", "kind:工作总结"]
        let scores = gate.documentScores(document)
        for source in ContextSource.allCases {
            let base = scores[source] ?? .zero
            for features in [["rel:same", "pre:在", "lc:cx"], [], ["unknown", "rel:same", "rel:same"]] {
                let together = gate.probabilities(features, base: base)
                for (index, model) in RegionGate.models.enumerated() {
                    let crossed = document.reduce(0.0) { sum, feature in
                        sum + (weights[model + ":" + feature] ?? 0)
                            + (weights[model + ":" + feature + "|src:" + source.rawValue] ?? 0)
                    }
                    #expect(base[index] == crossed)
                    #expect(together[index] == gate.probability(features, model: model, base: crossed))
                }
            }
        }
        #expect(gate.probabilities(["rel:same"], base: .zero)[1] == 0.5)
    }

    /// The choice: the rules' region unless another beats it by its margin; no parent, no raise.
    @Test func aChoiceMustBeatKeepingByItsMargin() {
        let margins = (parent: 0.2, empty: 0.3)
        #expect(RegionGate.choose(keep: 0.5, parent: 0.6, empty: 0.7, margins: margins) == .keep)
        #expect(RegionGate.choose(keep: 0.3, parent: 0.6, empty: 0.4, margins: margins) == .parent)
        #expect(RegionGate.choose(keep: 0.3, parent: nil, empty: 0.7, margins: margins) == .empty)
        #expect(RegionGate.choose(keep: 0.3, parent: nil, empty: 0.5, margins: margins) == .keep)
    }

    /// The trainer's examples relabelled: what one trained chooser scores on them, held out by site.
    @Test func theTrainerScoresItsChoicesOnHeldOutSites() {
        var examples: [RegionExample] = []
        for site in 0..<12 {
            // On every site a document-sourced district is wrong (the gold is empty); a clause's is right.
            for _ in 0..<3 {
                examples.append(
                    RegionExample(
                        features: ["src:document", "dl:x"], region: "440605000000", gold: "", site: "s\(site)",
                        slice: "fa", matched: true, restExact: true))
                examples.append(
                    RegionExample(
                        features: ["src:clause", "dl:x"], region: "440606000000", gold: "440606000000",
                        site: "s\(site)", slice: "fa", matched: true, restExact: true))
            }
        }
        var trainer = RegionGateTrainer()
        trainer.models.minCount = 2
        let held = trainer.heldOut(examples, folds: 4)
        let margins = trainer.bestMargins(examples, held)
        let rules = RegionGateTrainer.score(examples, held, margins: (2, 2))
        let chosen = RegionGateTrainer.score(examples, held, margins: margins)
        #expect(rules.right == 36 && rules.wrong == 36)
        #expect(chosen.right == 72 && chosen.wrong == 0 && chosen.lost == 0 && chosen.blanked == 36)
    }

    /// The recorded features say where a region came from and what the document's rests on.
    @Test func theFeaturesNameTheSourceAndTheDocumentsEvidence() throws {
        let title = ["南海区教育局2023年工作总结"]
        let body = ["今年全区新建幼儿园3所，全区教师队伍不断壮大。", "桂城街道新增学位800个，顺德区新增学位6万个。"]
        let built = FactBuilder(recordsFeatures: true, regionGate: nil)
            .build(TrustTests.document(title: title, body: body))
        let own = try TrustTests.fact("3所", in: built).regionFeatures
        #expect(own.contains("src:document") && own.contains("dl:x") && own.contains("dt:same"))
        #expect(own.contains("sp:eq"))
        let city = try TrustTests.fact("6万个", in: built).regionFeatures
        #expect(city.contains("src:clause") && city.contains("fl:x") && city.contains("rel:other"))
        #expect(city.contains("sfx") && city.contains("pre1:，"))
    }
}
