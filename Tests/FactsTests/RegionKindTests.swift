import EduwhCore
import Facts
import Normalize
import Testing

/// Kinds of region misses on unseen sites (issue 24): a city's report that names one of its
/// counties most, place names split by pinyin glosses, and why a region is left empty. Sentences
/// are our own; the rules are judged without the learned chooser.
@Suite struct RegionKindTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder(regionGate: nil).build(TrustTests.document(title: title, body: body))
    }

    /// A report that speaks as a city (我市, 全市) but names one of its counties more often than the
    /// city is the city's report: its figures are the city's.
    @Test func aCityReportNamingItsCountyMostIsTheCitys() throws {
        let built = Self.build(
            title: ["关于全市义务教育学校建设情况的汇报"],
            body: [
                "今年我市新建中小学5所，承德市教育局统筹推进。",
                "兴隆县城区第二小学投入使用，兴隆县新增学位1200个，兴隆县改造校舍3处。",
                "全市新增学位3800个，我市教育投入19亿元。",
            ])
        #expect(built.profile.adcode == "130800000000")
        #expect(built.profile.regionRule == RegionRule.speakingCoarser)
        #expect(try TrustTests.fact("5所", in: built).adcode == "130800000000")
        // The county's own clause still gives its figure the county.
        #expect(try TrustTests.fact("1200个", in: built).adcode == "130822000000")
    }

    /// A city the title names stays the report's when it ranks itself in its province (全省第二).
    @Test func aTitledCityRankedInItsProvinceKeepsItsRegion() {
        let built = Self.build(
            title: ["宁德新建幼儿园进度位居全省第二"],
            body: ["今年宁德市新建幼儿园11所，开工率位居全省第二。", "全市改扩建幼儿园28所，全省排名靠前。"])
        #expect(built.profile.adcode == "350900000000")
    }

    /// A county-level city speaks as 我市 of itself: its report stays the county-level city's.
    @Test func aCountyLevelCitySpeakingAsACityKeepsItsRegion() {
        let built = Self.build(
            title: ["兴宁市教育局2022年工作总结"],
            body: ["今年我市新建幼儿园4所，兴宁市新增学位900个。", "全市教师队伍不断壮大，我市教育质量稳步提升。"])
        #expect(built.profile.adcode == "441481000000")
    }

    /// A report that says 全省 but names one city most stays the city's: only a county is raised,
    /// to its city.
    @Test func aCitySpeakingAsItsProvinceKeepsItsRegion() {
        let built = Self.build(
            title: ["2021年学位建设预估"],
            body: [
                "日前，东莞市教育扩容提质行动指挥部召开会议，报告全省学位建设进展。",
                "东莞市新建学校45所，全省排名靠前。",
            ])
        #expect(built.profile.adcode == "441900000000")
    }

    /// A place name split by pinyin glosses (濟(jì)寧市) is found, with the raw offset and surface.
    @Test func aPlaceNameSplitByPinyinGlossesIsFound() throws {
        let places = PlaceResolver.standard.places(inText: "日前,濟(jì)寧市政府正式印發(fā)規(guī)劃。")
        let place = try #require(places.first)
        #expect(place.mention.adcode == "370800000000")
        #expect(place.mention.surface == "濟(jì)寧市")
        #expect(place.mention.offset == 3)
    }

    /// A glossed report's figures take the place its glossed title names.
    @Test func aGlossedReportTakesItsGlossedPlace() throws {
        let built = Self.build(
            title: ["濟(jì)寧市“十四五”教育事業(yè)發(fā)展規(guī)劃印發(fā)"],
            body: ["到2025年,濟(jì)寧市學(xué)前教育毛入學(xué)率將達(dá)到99%以上。"])
        #expect(built.profile.adcode == "370800000000")
        let fact = try #require(built.facts.first { $0.line == 2 })
        #expect(fact.adcode == "370800000000")
    }

    /// `--explain` says why a region is empty: a national report, a page that names no place, a
    /// clause counting several places together.
    @Test func anEmptyRegionSaysWhy() throws {
        let national = Self.build(
            title: ["义务教育均衡发展督导评估工作报告"],
            body: ["全国有2717个县通过督导评估，全国义务教育巩固率达到94.2%。", "全国各地新建校舍1.2万所。"])
        let fact = try TrustTests.fact("2717个", in: national)
        #expect(fact.adcode == nil && fact.regionRule == RegionRule.national)
        let unnamed = Self.build(title: ["学校工作总结"], body: ["本学期新建实验室3间，招聘教师12名。"])
        #expect(try TrustTests.fact("3间", in: unnamed).regionRule == RegionRule.unnamed)
        let several = Self.build(title: ["学校建设情况"], body: ["海珠区第一小学、天河区第五幼儿园2所学校建成。"])
        let counted = try TrustTests.fact("2所", in: several)
        #expect(counted.adcode == nil && counted.regionRule == RegionRule.severalPlaces)
    }
}
