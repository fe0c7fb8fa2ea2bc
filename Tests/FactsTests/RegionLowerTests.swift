import EduwhCore
import Normalize
import Testing

@testable import Facts

/// Lowering a region to the finer division the text names as its own (issue 24, wrong level) and
/// the Hong Kong and Macau school-system words, with made-up pages of each kind.
@Suite struct RegionLowerTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder(recordsFeatures: true, regionGate: nil).build(TrustTests.document(title: title, body: body))
    }

    /// A school's report that names its city in the school's name and its district as its parent
    /// bureau: a city fact carries the district as its lower candidate, with the cue that the text
    /// makes it its own and that the city is named only in schools' names.
    @Test func aSchoolsParentDistrictIsTheLowerCandidateOfItsCity() throws {
        let built = Self.build(
            title: ["宁波市青枫小学2023年工作总结"],
            body: [
                "宁波市青枫小学隶属于江北区教育局，是一所公办完全小学。", "我校现有教学班24个，学生1050人。",
                "今年我校新建塑胶跑道一条，投入资金86万元。",
            ])
        let features = try TrustTests.fact("86万元", in: built).regionFeatures
        #expect(features.contains(RegionGate.lowerMark + "330205000000"), "\(features)")
        #expect(features.contains("lc:cx") && features.contains("lco") && features.contains("lcrs"))
        #expect(features.contains("lcw:school"))
    }

    /// A city's report that lists its districts gives the city's figures no single finer division
    /// when two districts are named as often (a tie is no candidate).
    @Test func aTieBetweenDistrictsGivesNoCandidate() throws {
        let built = Self.build(
            title: ["宁波市2023年教育工作总结"],
            body: ["全市新建学校12所，其中鄞州区3所、海曙区3所。", "全市新增学位1.2万个。"])
        let features = try TrustTests.fact("1.2万个", in: built).regionFeatures
        #expect(!features.contains { $0.hasPrefix(RegionGate.lowerMark) }, "\(features)")
    }

    /// A whole word opening a list whose items ；divides (全州现有幼儿园455所,…;特殊教育学校3所) speaks
    /// for every item up to the full stop: none of them may go to a finer division; a figure of a
    /// later sentence without one still may.
    @Test func aWholeWordCoversTheItemsOfItsList() throws {
        let built = Self.build(
            title: ["延边朝鲜族自治州教育概况"],
            body: [
                "延边朝鲜族自治州教育局、延吉市教育局联合发布。",
                "全州现有幼儿园455所，在园幼儿34972名；特殊教育学校3所，在校生483名；小学407所。",
                "延吉市新建学校2所。", "新增学位1200个。",
            ])
        for surface in ["455所", "3所", "407所"] {
            let features = try TrustTests.fact(surface, in: built).regionFeatures
            #expect(!features.contains { $0.hasPrefix(RegionGate.lowerMark) }, "\(surface): \(features)")
        }
        let later = try TrustTests.fact("1200个", in: built).regionFeatures
        #expect(later.contains { $0.hasPrefix(RegionGate.lowerMark) }, "\(later)")
    }

    /// Where the text names the place as its own: after 隶属/位于, before its bureau; not a bare mention.
    @Test(arguments: [
        ("东林小学隶属于合肥市包河区", "合肥市包河区", true), ("学校位于定兴县城东", "定兴县", true),
        ("包河区教育局召开会议", "包河区", true), ("我校与定兴县三所学校结对", "定兴县", false),
    ])
    func ownPlaceCues(text: String, place: String, own: Bool) throws {
        let scalars = text.simplifiedScalars
        let mention = try #require(
            PlaceResolver.standard.places(inText: text).map(\.mention).first { $0.surface == place })
        #expect(RegionGate.isOwnPlace(mention, in: scalars) == own)
    }

    /// The chooser lowers a region only when that beats keeping it by its margin, and a table
    /// without `@lower` (trained before the lower model) never does.
    @Test func lowerIsChosenOnlyPastItsMargin() {
        let margins = (parent: 0.2, empty: 0.2)
        #expect(
            RegionGate.choose(keep: 0.3, parent: nil, empty: 0.2, lower: 0.7, margins: margins, lowerMargin: 0.1)
                == .lower)
        #expect(
            RegionGate.choose(keep: 0.3, parent: nil, empty: 0.2, lower: 0.7, margins: margins, lowerMargin: 2)
                == .keep)
        #expect(
            RegionGate.choose(keep: 0.1, parent: nil, empty: 0.9, lower: 0.5, margins: margins, lowerMargin: 0)
                == .empty)
        let old = RegionGate(table: YearGate(weights: ["lower:bias": 5, "@parent": 0.2], threshold: 1))
        #expect(old.lowerMargin == 2)
    }

    /// The trainer's example takes the lower candidate out of the features it learns from.
    @Test func theExampleCarriesTheLowerCandidateApart() {
        let example = RegionExample(
            features: ["src:document", RegionGate.lowerMark + "330205000000", "lc:cx"], region: "330200000000",
            gold: "330205000000", site: "s", slice: "fa", matched: true, restExact: true)
        #expect(example.lower == "330205000000" && example.features == ["src:document", "lc:cx"])
        #expect(example.region(after: .lower) == "330205000000" && example.region(after: .keep) == "330200000000")
    }

    /// A page that names no division but speaks in Hong Kong's or Macau's school-system words
    /// (非华语学生, 中一派位; 膳食津贴, 学习用品津贴) is that region's.
    @Test func schoolSystemWordsGiveTheSpeakersRegion() {
        let hongKong = Self.build(
            title: ["教育局调整学校津贴"],
            body: ["新学年起，取录非华语学生的学校可获额外拨款800万元。", "中一派位安排亦会调整。"])
        #expect(hongKong.profile.adcode == "810000000000")
        let macau = Self.build(
            title: ["新学年津贴调升"], body: ["膳食津貼将调升至3,600元。", "學習用品津貼小学调升至2,400元。"])
        #expect(macau.profile.adcode == "820000000000")
        let neither = Self.build(title: ["学校津贴调整"], body: ["全市学校膳食补助调升至3,600元。"])
        #expect(neither.profile.adcode == nil)
    }

    /// A report speaks as a school when its kept lines say 我校, 本校, 全校, 我园, 本园 or 全园 at
    /// least twice, in either script (我園 is 我园, on a line that writes 校 or 园 somewhere), and only as
    /// adjacent pairs (我们学校 is none).
    @Test func aSchoolSpeaksOfItselfTwice() {
        func lines(_ texts: [String], label: LineLabel = .body) -> [LabeledLine] {
            texts.enumerated().map { FactsFixtures.line($1, number: $0 + 1, label: label) }
        }
        #expect(RegionGate.speaksAsSchool(lines(["我校新建教学楼一幢。", "全校师生参加植树。"])))
        #expect(RegionGate.speaksAsSchool(lines(["本園今年招生120人，我園教師32人，與鄰校交流。"])))
        #expect(!RegionGate.speaksAsSchool(lines(["我校新建教学楼一幢。", "我们学校有教师32人。"])))
        #expect(!RegionGate.speaksAsSchool(lines(["我校新建教学楼一幢。", "全校师生参加植树。"], label: .noise)))
    }
}
