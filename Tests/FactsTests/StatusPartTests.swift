import EduwhCore
import Facts
import Normalize
import Testing

/// The parts of a total after 其中 take its status when their own words say nothing of when
/// (`part-of:`), as they take its indicator (`@part`). The rules alone: the shipped status table
/// was trained before the rule.
@Suite struct StatusPartTests {
    static let builder = FactBuilder(recordsFeatures: false, statusModel: nil)

    static func facts(_ text: String, surfaces: [String], unit: String) -> [Fact] {
        let mentions = surfaces.map { FactsFixtures.quantity($0, unit: unit, in: text, value: 1) }
        return builder.facts(
            mentions, line: FactsFixtures.line(text), years: [], places: [], profile: DocumentProfile(kind: "其他"))
    }

    /// gd10 (a city's school-places project): the district parts of the planned 3.2万个 are planned.
    @Test func thePartsOfAPlannedTotalArePlanned() {
        let text = "项目总投资6.9亿元,建成后将新增3.2万个学位,其中赤坎区3505个、霞山区3705个、坡头区1350个。"
        let found = Self.facts(text, surfaces: ["3.2万个", "3505个", "3705个", "1350个"], unit: "个")
        #expect(found.map(\.status) == [.planned, .planned, .planned, .planned], "\(found.map(\.statusCue))")
        #expect(found[1].statusCue == "part-of:将", "\(found[1].statusCue)")
    }

    /// A part with a word of its own keeps it (其中已建成…), and a total whose status came from no
    /// word of its own (a news item's default) hands none down.
    @Test func aPartsOwnWordAndATotalsDefaultStay() {
        let own = Self.facts(
            "全县计划新建幼儿园12所,其中已建成5所,在建7所。", surfaces: ["12所", "5所", "7所"], unit: "所")
        #expect(own[0].status == .planned && own[1].status == .achieved, "\(own.map(\.statusCue))")
        let plain = Self.facts("全县有幼儿园12所,其中公办5所。", surfaces: ["12所", "5所"], unit: "所")
        #expect(!plain[1].statusCue.hasPrefix("part-of:"), "\(plain[1].statusCue)")
    }

    /// Without 其中 a later figure of the same unit is no part.
    @Test func withoutQiZhongNoFigureIsAPart() {
        let found = Self.facts("将新增学位3000个,去年新增学位2000个。", surfaces: ["3000个", "2000个"], unit: "个")
        #expect(!found[1].statusCue.hasPrefix("part-of:"), "\(found[1].statusCue)")
    }
}
