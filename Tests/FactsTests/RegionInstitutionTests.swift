import EduwhCore
import Facts
import Normalize
import Testing

/// Pages from Hong Kong and Macau that never name their region but use words only its own
/// government and schools use (财政预算案, 港元, 文凭试, 公营学校; 澳门元, 教青局): their figures are
/// that region's (issue 24). Sentences are our own; the rules are judged without the learned chooser.
@Suite struct RegionInstitutionTests {
    /// The rules alone, as RegionKindTests builds its pages.
    static func build(title: [String], body: [String]) -> DocumentFacts {
        RegionKindTests.build(title: title, body: body)
    }

    /// A budget page in traditional script that names no place: Hong Kong's budget words make it Hong Kong's.
    @Test func aBudgetPageThatNamesNoPlaceIsHongKongs() throws {
        let built = Self.build(
            title: ["預算案教育開支增加"],
            body: [
                "新一份《財政預算案》建議預留30億元，為公營學校更新校舍設施。",
                "另向每名應屆文憑試考生代繳考試費，涉及約4億港元。",
            ])
        #expect(built.profile.adcode == "810000000000")
        #expect(built.profile.regionRule == RegionRule.shortName)
        #expect(try TrustTests.fact("30億元", in: built).adcode == "810000000000")
    }

    /// A Macau page that names no place: its currency and education bureau make it Macau's, and
    /// Macau's 经济财政司司长 is not read as Hong Kong's 财政司司长.
    @Test func aMacauPageThatNamesNoPlaceIsMacaus() throws {
        let built = Self.build(
            title: ["教青局公布新學年津貼"],
            body: ["經濟財政司司長表示，教青局本學年向私立學校發放津貼共3億澳門元。", "受惠學生約8萬名。"])
        #expect(built.profile.adcode == "820000000000")
    }

    /// One such word alone is not enough: a mainland company's page quoting a sum in 港元 once keeps
    /// no region, and says why.
    @Test func oneInstitutionWordAloneGivesNoRegion() throws {
        let built = Self.build(
            title: ["集团年度报告摘要"], body: ["公司本年度向教育基金捐款500万港元，资助学生1200名。"])
        #expect(built.profile.adcode == nil)
        #expect(try TrustTests.fact("1200名", in: built).regionRule == RegionRule.unnamed)
    }

    /// A page that names its own division keeps it, whatever Hong Kong words it quotes.
    @Test func aNamedDivisionOutweighsHongKongWords() {
        let built = Self.build(
            title: ["深圳市南山区教育局2023年工作总结"],
            body: ["南山区新建公营学校2所，借鉴香港财政预算案做法。", "南山区引进港元计价的教育基金1000万。"])
        #expect(built.profile.adcode == "440305000000")
    }

    /// 老城区 is the old town of any city, not Luoyang's district of that name, unless the page names Luoyang.
    @Test func anOldTownIsNoDistrict() {
        let places = PlaceResolver.standard.places(inText: "庐阳区今年改造老城区学校3所，新增学位900个。")
        #expect(!places.contains { $0.mention.adcode == "410302000000" })
        #expect(places.contains { $0.mention.adcode == "340103000000" })
    }

    /// A newspaper's dateline (西江都市报讯) whose letters read as a place (江都市) names no region.
    @Test func aNewspaperDatelineIsNoRegion() throws {
        let built = Self.build(
            title: ["危旧校舍改造见成效"],
            body: ["西江都市报讯 近年来，全县共投入3.27亿元进行新建或改扩建教学用房。", "全县新增学位4000个。"])
        #expect(built.profile.adcode == nil)
        #expect(try TrustTests.fact("3.27亿元", in: built).adcode == nil)
    }

    /// A municipality's report that speaks as 全市 is the municipality's (its code is a province's):
    /// its 市 is no finer level left unnamed.
    @Test func aMunicipalitySpeakingAsACityKeepsItsRegion() throws {
        let built = Self.build(
            title: ["新增中小学学位纳入民心工程"],
            body: ["重庆市委、市政府高度重视基础教育，重庆市今年新建中小学11所。", "全市新增学位2万个，全市教师队伍持续扩大。"])
        #expect(built.profile.adcode == "500000000000")
        #expect(try TrustTests.fact("2万个", in: built).adcode == "500000000000")
    }
}
