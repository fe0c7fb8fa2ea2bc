import EduwhCore
import Normalize
import Testing

@testable import Facts

/// Places a report names that are not what its figures are about (issue 24, wrong values): a news
/// dateline's city, a meeting's venue, one item of a list of places, and a finer division that must
/// not take a figure about the whole region. Sentences are our own; the rules are judged without
/// the learned chooser unless a test builds one.
@Suite struct RegionSubjectTests {
    static func build(title: [String], body: [String], gate: RegionGate? = nil) -> DocumentFacts {
        FactBuilder(regionGate: gate).build(TrustTests.document(title: title, body: body))
    }

    /// A province's news re-post whose dateline names its capital (本报昆明…电) is the province's:
    /// the capital is where the reporter filed from, and its figures are the province's.
    @Test func aDatelinesCityIsNotTheReportsRegion() throws {
        let built = Self.build(
            title: ["教育惠民工作取得新进展"],
            body: [
                "本报昆明3月12日电(记者王某)云南省教育厅近日介绍，全省新建幼儿园320所。",
                "今年云南省下达营养改善计划资金18亿元，受益学生86万人。",
            ])
        #expect(built.profile.adcode == "530000000000")
        #expect(try TrustTests.fact("320所", in: built).adcode == "530000000000")
    }

    /// A press conference held in a capital (在拉萨举行) gives its province's figures, not the capital's.
    @Test func aMeetingsVenueIsNotTheReportsRegion() throws {
        let built = Self.build(
            title: ["教育发展成就新闻发布会"],
            body: ["教育发展成就新闻发布会5日在拉萨举行。", "西藏全区共有各级各类学校3100所，西藏在校生80万人。"])
        #expect(built.profile.adcode == "540000000000")
    }

    /// Dateline and venue shapes, and places that are neither.
    @Test(arguments: [
        ("新华社南昌3月26日电", "南昌", true), ("央广网贵阳8月13日消息", "贵阳", true),
        ("会议在长沙召开", "长沙", true), ("长沙市3月新建学校2所", "长沙市", false),
        ("在长沙市新建学校2所", "长沙市", false),
    ])
    func datelinesAndVenues(text: String, place: String, expected: Bool) throws {
        let mention = try #require(
            PlaceResolver.standard.places(inText: text).map(\.mention).first { $0.surface == place })
        #expect(FactBuilder.isDatelineOrVenue(mention, in: text.simplifiedScalars) == expected)
    }

    /// A line naming its neighbours (东接…，西邻…，南抵甲市、乙市) still lists three or more places and
    /// votes for none, also when its 、-joined items are left out first.
    @Test func aLineOfNeighboursVotesForNone() throws {
        let built = Self.build(
            title: ["学校基本情况"], body: ["本地东接饶阳县，西邻深泽县，南抵深州市、辛集市，总面积493平方公里。", "全镇有小学6所。"])
        #expect(built.profile.adcode == nil)
    }

    /// A donor city (某市国税局对口支援) and a national report's example (比如，某县…) do not make a
    /// report theirs: a report that names no other place has no region.
    @Test func donorsAndExamplesDoNotVote() throws {
        let donated = Self.build(
            title: ["希望小学发展情况汇报"],
            body: ["学校近年来争取外援100万元，其中深圳市国税局对口支援钱物90万元。", "学校现有教师36人，学生620人。"])
        #expect(donated.profile.adcode == nil)
        #expect(try TrustTests.fact("620人", in: donated).adcode == nil)
        let cited = Self.build(
            title: ["农村寄宿制学校建设审计结果"],
            body: ["部分地区建设不到位，比如，四川省达州市通川区在2所学校未建成宿舍的情况下建设体育馆。", "全国共抽查学校1200所。"])
        #expect(cited.profile.adcode == nil)
        #expect(try TrustTests.fact("1200所", in: cited).adcode == nil)
    }

    /// A bare place opening a street office's name (桃园办事处) is the office's name, not the division.
    @Test(arguments: [("桃园办事处中心小学总投资1200万元", true), ("桃园市新建中心小学1所", false)])
    func aStreetOfficeNamedAfterAPlaceIsNoRegion(text: String, passing: Bool) {
        let surface = text.hasPrefix("桃园市") ? "桃园市" : "桃园"
        let place = PlaceMention(
            surface: surface, adcode: "710600000000", name: "桃园市", status: .resolved, candidates: [], offset: 0,
            rule: "p-stem")
        #expect(FactBuilder.isNameOrDestination(place, in: text.simplifiedScalars) == passing)
    }

    /// Two counties listed together with their count (甲县、乙县2个县) do not make the report either
    /// county's: a report that names no other place has no region.
    @Test func listedCountiesDoNotVote() throws {
        let built = Self.build(
            title: ["校舍危房改造实施步骤"],
            body: ["明年排除丘北县、广南县2个县164所学校的危房。", "完成全部危房改造任务，共需投入资金3亿元。"])
        #expect(built.profile.adcode == nil)
        #expect(try TrustTests.fact("3亿元", in: built).adcode == nil)
    }

    /// A chooser that would lower every city figure to the district the text names most still
    /// leaves the city's whole (全市…) and a count over several of its districts with the city; a
    /// school's figure its clause places stays its district's.
    @Test func aWholeCitysFigureIsNeverLowered() throws {
        let weights: [String: Double] = ["lower:bias": 6, "keep:bias": -2, "@lower": 0, "@parent": 2, "@empty": 2]
        let gate = RegionGate(table: YearGate(weights: weights, threshold: 1))
        let built = Self.build(
            title: ["宜昌市2021年学校建设情况"],
            body: [
                "3月，夷陵区实验小学、远安县城关小学等2所学校开工建设，夷陵区东城幼儿园完成主体工程1项。",
                "全市新建学校9所。", "夷陵区实验小学新建教学楼1栋。",
            ], gate: gate)
        #expect(try TrustTests.fact("2所", in: built).adcode == "420500000000")
        #expect(try TrustTests.fact("9所", in: built).adcode == "420500000000")
        #expect(try TrustTests.fact("2所", in: built).regionRule.hasSuffix(RegionRule.severalHeld))
        #expect(try TrustTests.fact("1栋", in: built).adcode == "420506000000")
    }
}
