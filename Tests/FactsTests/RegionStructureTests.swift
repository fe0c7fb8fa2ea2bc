import EduwhCore
import Normalize
import Testing

@testable import Facts

/// Where a place stands decides whether it is a figure's region (issue 24, session 28): a neighbour
/// a geography sentence names, a county named once in a province's feature, and a breakdown list
/// whose places each carry their own figure. Lines are from field pages (gd02, gd84, gd10); the
/// rules are judged without the learned chooser.
@Suite struct RegionStructureTests {
    /// A town's 基本情况 names its neighbours (gd02): they are not the town's region, and a report
    /// that names no other division and blanks its own (**镇) has none.
    @Test func aNeighbourInAGeographySentenceIsNoRegion() throws {
        let built = RegionKindTests.build(
            title: ["镇教育情况工作汇报"],
            body: [
                "一、基本情况",
                "**镇地处闽南金三角的东溪流域经济中心,东邻洛江区马甲镇,西接本市康美镇,南临丰州镇,北连梅山、洪梅镇。"
                    + "晋江支流东溪横贯境内,省道307线泉永德公路穿越南北。全镇面积87平方公里,镇区面积10.2平方公里。",
            ])
        #expect(built.profile.adcode == nil)
        #expect(try TrustTests.fact("87平方公里", in: built).adcode == nil)
    }

    /// The bordering word may follow the place (与…接壤, 与…交界); 与 alone joins two subjects.
    @Test func aBorderingWordAfterThePlaceMakesItANeighbour() {
        func isNeighbour(_ text: String, _ surface: String) -> Bool {
            FactBuilder.isNeighbour(
                FactsFixtures.place(surface, adcode: "", in: text), in: Array(text.unicodeScalars))
        }
        #expect(isNeighbour("该县东与洛江区马甲镇接壤,全县面积87平方公里", "洛江区"))
        #expect(isNeighbour("北靠安国市、博野县,总面积486平方公里", "安国市"))
        #expect(!isNeighbour("广东与广西两省区共建职业学校12所", "广西"))
        #expect(!isNeighbour("洛江区今年新建幼儿园3所", "洛江区"))
    }

    /// A county named once, in a school's name in the opening, does not take the scores of its
    /// prefecture and province (gd84): the 青海 feature is not the county's.
    @Test func aCountyNamedOnceDoesNotTakeItsProvincesScore() throws {
        let built = RegionKindTests.build(
            title: ["辉煌十二五青海故事:牧民孩子上学条件太好了!"],
            body: [
                "如今,华旦已经是海南藏族自治州共和县青海湖民族寄宿制学校校长。",
                "“十二五”以来,海南州贯彻落实教育优先发展战略,深化教育体制改革,投资13.69亿元实施了校安工程。",
                "青海各地牧区寄宿制学校条件明显改善。",
            ])
        #expect(built.profile.adcode == "630000000000")
        #expect(try TrustTests.fact("13.69亿元", in: built).adcode == "632500000000")
    }

    /// A county named twice still takes its province's score: 乳源县's report that names 广东省 is
    /// the county's.
    @Test func aCountyNamedTwiceTakesItsProvincesScore() {
        let built = RegionKindTests.build(
            title: ["广东省教育强县督导验收汇报"],
            body: ["乳源县位于广东省北部。", "近年来乳源县新建学校6所,广东省下达资金3000万元。"])
        #expect(built.profile.adcode == "440232000000")
    }

    /// Each item of a breakdown list takes its own place (gd10: 其中赤坎区3505个、霞山区3705个…);
    /// a count after a list of places without figures stays no one place's.
    @Test func aBreakdownListItemTakesItsOwnPlace() throws {
        let built = RegionKindTests.build(
            title: ["新增城镇公办中小学学位项目进展"],
            body: [
                "建成后将新增3.2万个学位,其中赤坎区3505个、霞山区3705个、坡头区1350个、麻章区2280个、遂溪县3665个。",
                "凉州区祁连路小学、古浪县城关第四小学、天祝县华藏寺幼儿园6所学校完成改造。",
            ])
        #expect(try TrustTests.fact("3505个", in: built).adcode == "440802000000")
        #expect(try TrustTests.fact("3705个", in: built).adcode == "440803000000")
        #expect(try TrustTests.fact("3665个", in: built).adcode == "440823000000")
        #expect(try TrustTests.fact("6所", in: built).adcode == nil)
    }
}
