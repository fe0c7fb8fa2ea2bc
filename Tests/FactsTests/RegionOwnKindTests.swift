import EduwhCore
import Facts
import Normalize
import Testing

/// Kinds of reports whose own region the rules missed on unseen sites (issue 24): a province's
/// bulletin naming its cities equally often in a table, a county's report calling itself only by its
/// bare stem, a glossed traditional page (國(guó)) and a Taiwan city that was a county. Sentences are
/// our own; the rules are judged without the learned chooser.
@Suite struct RegionOwnKindTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder(regionGate: nil).build(TrustTests.document(title: title, body: body))
    }

    /// A city table's rows, each city named twice (its name cell and its remark).
    static let cityRows = [
        "德州市", "完成率92.1%，德州市进度靠前。", "淄博市", "完成率88.4%，淄博市进度靠前。",
        "泰安市", "完成率85.0%，泰安市进度靠前。",
    ]

    /// The bulletin names its province once and its cities twice each: the province's.
    @Test func aProvinceBulletinsCityTableIsTheProvinces() throws {
        let built = Self.build(
            title: ["“全面改薄”工作简报(第12期)"],
            body: ["截至2月底，山东省校舍竣工面积1865万平方米。"] + Self.cityRows)
        #expect(built.profile.adcode == "370000000000")
        #expect(built.profile.regionRule == RegionRule.tiedParent)
        #expect(try TrustTests.fact("1865万平方米", in: built).adcode == "370000000000")
        // A row's own city still gives its figure the city.
        #expect(try TrustTests.fact("92.1%", in: built).adcode == "371400000000")
    }

    /// A row whose old city name resolves to a district of another row's city (莱芜市 → 济南市's
    /// 莱芜区, as fx21's table) gains that city's score but is still one row of the table.
    @Test func aRowLiftedByAnotherRowsCityIsStillARow() {
        let rows = Self.cityRows + ["济南市", "完成率86.2%，济南市进度靠前。", "莱芜市", "完成率85.6%，莱芜市进度靠前。"]
        let built = Self.build(
            title: ["“全面改薄”工作简报(第22期)"], body: ["截至2月底，山东省校舍竣工面积1865万平方米。"] + rows)
        #expect(built.profile.adcode == "370000000000")
        #expect(built.profile.regionRule == RegionRule.tiedParent)
    }

    /// The province named only in the name of its own platform (根据山东省“全面改薄”信息管理平台数据, as
    /// fx21) still contains the table's cities: the bulletin is the province's.
    @Test func aProvinceNamedInItsPlatformsNameContainsTheTable() {
        let built = Self.build(
            title: ["“全面改薄”工作简报(第22期)"],
            body: ["根据山东省“全面改薄”信息管理平台数据，全省竣工面积1865万平方米。"] + Self.cityRows)
        #expect(built.profile.adcode == "370000000000")
    }

    /// The same table with no name for the province: nobody's report, empty (not the first city's).
    @Test func aCityTableWithoutItsProvinceIsNobodys() throws {
        let built = Self.build(
            title: ["“全面改薄”工作简报(第12期)"], body: ["全省校舍竣工面积1865万平方米。"] + Self.cityRows)
        #expect(built.profile.adcode == nil)
        #expect(built.profile.regionRule == RegionRule.tied)
        #expect(try TrustTests.fact("1865万平方米", in: built).adcode == nil)
    }

    /// A division named more often than the others, or named in the title, stands.
    @Test func aDivisionNamedMostStands() {
        let built = Self.build(
            title: ["德州市2021年改薄工作总结"], body: ["德州市完成率92.1%。"] + Self.cityRows)
        #expect(built.profile.adcode == "371400000000")
    }

    /// A county report (我县, 全县) that names no county but calls its own by its bare stem twice,
    /// anywhere (its schools, its people), is that county's.
    @Test func aCountyCallingItselfByItsStemIsThatCounty() throws {
        let built = Self.build(
            title: ["县教育局2021年工作总结"],
            body: [
                "一年来，我县教育事业稳步发展，全县新建校舍3万平方米。",
                "改建黎川一中标准化考场83个，黎川二中新建教学楼一栋。",
                "全县教师培训1200人次。",
            ])
        #expect(built.profile.adcode == "361022000000")
        #expect(built.profile.regionRule == RegionRule.weakStem)
        #expect(try TrustTests.fact("3万平方米", in: built).adcode == "361022000000")
    }

    /// Named once, or in a report that does not speak as a county, the stem gives nothing.
    @Test(arguments: [
        ["一年来，我县教育事业稳步发展，全县新建校舍3万平方米。", "改建黎川一中标准化考场83个。"],
        ["一年来，学校教育事业稳步发展，新建校舍3万平方米。", "改建黎川一中考场83个，黎川二中新建教学楼一栋。"],
    ])
    func aStemOnceOrOutsideACountysReportGivesNone(_ body: [String]) {
        let built = Self.build(title: ["教育局2021年工作总结"], body: body)
        #expect(built.profile.adcode == nil)
    }

    /// On a page glossed with pinyin (國(guó)稅局), a donor (深圳市國稅局對口支援) still gives no region.
    @Test func aGlossedDonorGivesNoRegion() {
        let built = Self.build(
            title: ["學(xué)校簡(jiǎn)介"],
            body: ["近年來(lái)爭(zhēng)取外援100萬(wàn)元,其中深圳市國(guó)稅局對(duì)口支援90萬(wàn)元。", "全校現有學生300人。"])
        #expect(built.profile.adcode == nil)
    }

    /// A Taiwan city that was a county (桃園縣) stays the city's when the text calls it 本縣, 全縣.
    @Test func aTaiwanCountyNowACityKeepsItsRegion() {
        let built = Self.build(
            title: ["桃園縣加強補助國民教育經費"],
            body: ["桃園縣政府今年編列經費2億元，全縣國中小新建校舍12棟。", "本縣幼兒園增加至58所。"])
        #expect(built.profile.adcode == "710600000000")
    }
}
