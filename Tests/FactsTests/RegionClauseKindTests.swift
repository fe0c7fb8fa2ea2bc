import EduwhCore
import Normalize
import Testing

@testable import Facts

/// Kinds of clause whose place is no region of the figures near it (issue 24): a quoted honour or
/// standard names its giver, and the region chooser reads a visitor's, a donor's, a comparison's and
/// a dateline's place as such. Sentences are our own; the rules are judged without the learned chooser.
@Suite struct RegionClauseKindTests {
    /// An honour's giver, quoted or qualifying a quoted honour, is not the school's place.
    @Test func aQuotedHonoursGiverIsNoRegion() throws {
        let built = RegionKindTests.build(
            title: ["学校工作总结"],
            body: [
                "学校先后被评为“遵义市文明单位”、凤冈县“平安校园”、县“先进基层党组织”。",
                "学校占地面积120亩，现有教职工127人。",
            ])
        #expect(built.profile.adcode == nil)
        #expect(try TrustTests.fact("127人", in: built).adcode == nil)
    }

    /// A bare place opening a company's name (兰州第五建筑公司) and a quoted title after an honour verb
    /// (被评为…遵义市“平安小区”) are no region of the school's figures.
    @Test func aCompanysPlaceAndAListedHonourAreNoRegion() throws {
        let built = RegionKindTests.build(
            title: ["中学教学楼奠基仪式讲话"],
            body: [
                "感谢承建工程的兰州第五建筑公司，学校先后被评为遵义市“平安小区”、“教育系统先进单位”。",
                "学校占地面积120亩，现有教职工127人。",
            ])
        #expect(built.profile.adcode == nil)
        #expect(try TrustTests.fact("127人", in: built).adcode == nil)
    }

    /// A place inside a quoted standard's name (like a document's 《》 name) is no figure's region.
    @Test func aPlaceInsideAQuotedStandardIsNoRegion() throws {
        let built = RegionKindTests.build(
            title: ["幼儿园督导情况通报"],
            body: ["本次督查以“宁波市幼儿园分类等级考核标准”为依据，对我区4所公立幼儿园进行督查。", "我区幼儿园共有教师86名。"])
        #expect(try TrustTests.fact("4所", in: built).adcode == nil)
        #expect(built.profile.adcode == nil)
    }

    /// A place before a quoted plan or slogan keeps its figures: only a quoted honour names a giver.
    @Test func aPlaceBeforeAQuotedPlanKeepsItsRegion() throws {
        let built = RegionKindTests.build(
            title: ["青田县教育局工作总结"], body: ["青田县“十三五”期间新增学位5000个，新建学校6所。"])
        #expect(try TrustTests.fact("5000个", in: built).adcode == "331121000000")
    }

    /// The chooser's cue features: a visitor's origin, a donor, a comparison, a rank and a dateline.
    @Test func theChooserReadsTheClauseKindOfAPlace() {
        func kinds(_ text: String, place: String, figure: String) -> [String] {
            func offset(_ word: String) -> Int { text.components(separatedBy: word)[0].unicodeScalars.count }
            let start = offset(place)
            return RegionCues.kinds(
                place: start..<(start + place.unicodeScalars.count), figure: offset(figure),
                in: Array(text.unicodeScalars))
        }
        #expect(kinds("福建省厦门市教育局原局长为组长的检查组一行4人来我区督导", place: "福建省", figure: "4人").contains("cue:visit"))
        #expect(kinds("上海某投资有限公司董事长出资15万元援建希望小学", place: "上海", figure: "15万元").contains("cue:donor"))
        #expect(kinds("公办率达55%，超过国家规定公办率50%的要求", place: "国家", figure: "50%").contains("cue:compare"))
        #expect(kinds("宁德市新建幼儿园11所，位居全省第二", place: "宁德市", figure: "11所") == [])
        #expect(kinds("央广网贵阳8月13日消息 今年全省营养改善计划在87个县实施", place: "贵阳", figure: "87个").contains("cue:dateline"))
    }

    /// The chooser's features carry the cue kind of the place a region came from, and the rule
    /// that chose the report's region.
    @Test func theChoosersFeaturesCarryCuesAndTheDocumentRule() throws {
        let built = FactBuilder(recordsFeatures: true, regionGate: nil).build(
            TrustTests.document(
                title: ["溆浦县希望小学建设情况"],
                body: ["溆浦县今年建成希望小学2所。", "这所小学由上海市一家投资有限公司董事长出资15万元援建。"]))
        let donated = try TrustTests.fact("15万元", in: built)
        #expect(donated.adcode == "310000000000")
        #expect(donated.regionFeatures.contains("cue:donor"))
        #expect(donated.regionFeatures.contains { $0.hasPrefix("dr:docregion-") })
    }
}
