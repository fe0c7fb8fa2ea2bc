import EduwhCore
import Facts
import Testing

/// The kinds of error read on the held-out slice fg (session 10), each with sentences of our own:
/// where a report's own year and region come from, spans that run to the report's year, places a
/// figure counts together, and words that make a figure a plan.
@Suite struct DocumentFrameTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    static func fact(_ surface: String, in built: DocumentFacts) throws -> Fact {
        try TrustTests.fact(surface, in: built)
    }

    /// A site's page label (2021年…汇报范文) names the site's year, not the report's: the figures
    /// get none. The same title without the label word is the report's and gives its year.
    @Test func aSitesPageLabelNamesNoReportYear() throws {
        let body = ["尊敬的各位领导：", "全区现有中小学校46所，在校学生3.2万人。"]
        let labelled = Self.build(title: ["2021年关于全区教育均衡发展工作情况汇报范文"], body: body)
        #expect(try Self.fact("46所", in: labelled).yearFrom == nil)
        #expect(labelled.profile.periodFrom == nil)
        let own = Self.build(title: ["2021年关于全区教育均衡发展工作情况汇报"], body: body)
        #expect(try Self.fact("46所", in: own).yearFrom == 2021)
    }

    /// A decade the opening looks back to (上世纪80年代建的校舍) is history, not the report's period:
    /// the figures get no year from it.
    @Test func aDecadeInTheOpeningIsNoPeriod() throws {
        let built = Self.build(
            title: ["薄弱学校改造见闻"],
            body: ["村里的老教学楼是上世纪80年代群众集资建的，墙体开裂多年。", "今年新建的综合楼面积2400平方米，已经投入使用。"])
        #expect(built.profile.periodFrom == nil)
        #expect(try Self.fact("2400平方米", in: built).yearFrom == nil)
    }

    /// A span named deep inside a long first paragraph (a comparison: 从2005年到2015年十年间) is not
    /// the period of the report; a span the opening starts with is.
    @Test func aSpanDeepInALongFirstParagraphIsNoPeriod() throws {
        let filler = String(repeating: "全市上下坚持教育优先发展，不断加大投入，办学条件持续改善，", count: 5)
        let deep = Self.build(
            title: ["市教育局调整学校津贴标准"],
            body: [filler + "从2005年至2015年十年间，全市教育投入增长了两倍。", "每所学校可获津贴80万元。"])
        #expect(try Self.fact("80万元", in: deep).yearFrom == nil)
        let opening = Self.build(
            title: ["市教育局调整学校津贴标准"],
            body: ["2016—2018年，全市教育投入增长了两倍。2018年新建学校5所。" + filler, "每所学校可获津贴80万元。"])
        let grant = try Self.fact("80万元", in: opening)
        #expect(grant.yearFrom == 2016 && grant.yearTo == 2018)
    }

    /// 2016年以来 (or 2016年…以来 closing the clause) runs from that year to the report's; a year on its own stays
    /// that year.
    @Test func aSpanSinceAYearRunsToTheReportsYear() throws {
        let title = ["某县2020年教育工作总结"]
        let since = Self.build(title: title, body: ["2016年以来，全县累计投入资金3.2亿元，新建学校12所。"])
        let money = try Self.fact("3.2亿元", in: since)
        #expect(money.yearFrom == 2016 && money.yearTo == 2020)
        let from = Self.build(title: title, body: ["自2017年来，全县新建学校12所。"])
        #expect(try Self.fact("12所", in: from).yearTo == 2020)
        // The clause the year opens may end in 以来 after its subject and event (2016年我县启动…以来，…).
        let clause = Self.build(title: title, body: ["2016年我县启动校舍改造工程以来，累计投入资金3.2亿元。"])
        let spent = try Self.fact("3.2亿元", in: clause)
        #expect(spent.yearFrom == 2016 && spent.yearTo == 2020)
        let plain = Self.build(title: title, body: ["2016年，全县投入资金3.2亿元，新建学校12所。"])
        let single = try Self.fact("3.2亿元", in: plain)
        #expect(single.yearFrom == 2016 && single.yearTo == 2016)
    }

    /// A since-year runs to the report's year only when the text states it (title, date line, own words): a
    /// later year it merely names (a Q&A's 2017年…; fm11 2011年以來 stays year-less in gold) is no end, so the
    /// figure since the year keeps none rather than a guessed span (session 25).
    @Test func aSinceYearRunsOnlyToAStatedYear() throws {
        let body = ["答：2011年以来，主城区已完成5所小学新建工程。", "2017年，主城区新建幼儿园8所。"]
        let named = Self.build(title: ["市教育局答网友问"], body: body)
        let since = try Self.fact("5所", in: named)
        #expect(since.yearFrom == nil && since.yearTo == nil)
        #expect(try Self.fact("8所", in: named).yearFrom == 2017)
        let stated = Self.build(title: ["市教育局2017年工作总结"], body: body)
        let run = try Self.fact("5所", in: stated)
        #expect(run.yearFrom == 2011 && run.yearTo == 2017)
    }

    /// A news item that speaks as the whole country (全国…) files its figures under no region, even
    /// when a city names where it was filed (新华社长沙…电); a report whose title names its county
    /// keeps the county although it mentions 全国 too.
    @Test func aReportSpeakingAsTheNationHasNoRegion() throws {
        let body = [
            "新华社长沙5月20日电（记者 王某）教育部20日在长沙召开新闻发布会。据统计，全国已有2800个县通过评估认定。",
            "全国共有义务教育学校20.7万所，比上年减少1.6万所。",
        ]
        let national = Self.build(title: ["教育部：义务教育基本均衡发展取得新进展"], body: body)
        #expect(national.profile.adcode == nil)
        #expect(try Self.fact("2800个", in: national).adcode == nil)
        let county = Self.build(
            title: ["长沙县教育工作汇报"],
            body: ["长沙县被评为全国义务教育发展基本均衡县，全国百强县排名第十。", "长沙县现有中小学校120所。"])
        #expect(county.profile.adcode == "430121000000")
        // With no title line, the first line of the text names the report's place.
        let untitled = Self.build(
            title: [],
            body: [
                "未来五年，长沙县教育这样干！", "长沙县被评为全国义务教育发展基本均衡县，全国百强县排名第十。",
                "全国首批示范县名单公布，长沙县现有中小学校120所。",
            ])
        #expect(untitled.profile.adcode == "430121000000")
    }

    /// A report that names no division but speaks from a region by its short name (全港, 本港)
    /// files its figures there; once is not enough.
    @Test func aReportSpeakingFromAShortNamedRegion() throws {
        let twice = Self.build(
            title: ["教育局公布新学年资助措施"],
            body: ["全港公营中学共有390所。", "当局预留5亿元支援本港学生参加交流活动。"])
        #expect(twice.profile.adcode == "810000000000")
        let once = Self.build(title: ["教育局公布新学年资助措施"], body: ["全港公营中学共有390所。"])
        #expect(once.profile.adcode == nil)
    }

    /// A city the title names is the report's, although the body names one of its districts most
    /// (a city's report lists its districts and counties).
    @Test func theTitlesCityBeatsTheDistrictItListsMost() throws {
        let built = Self.build(
            title: ["宜昌市2021年学校建设情况"],
            body: [
                "夷陵区新建小学2所。", "夷陵区改扩建幼儿园3所。", "夷陵区新增学位1200个。",
                "远安县新建初中1所。",
            ])
        #expect(built.profile.adcode == "420500000000")
        #expect(try Self.fact("2所", in: built).adcode == "420506000000", "a figure's own clause still decides")
    }

    /// A count over several places of its clause is no one place's: the report's region when it holds
    /// them all, else none.
    @Test func aCountOverSeveralPlacesIsNoOnePlaces() throws {
        let built = Self.build(
            title: ["宜昌市2021年学校建设情况"],
            body: [
                "3月，夷陵区实验小学、远安县城关小学等2所学校开工建设，夷陵区东城幼儿园完成主体工程1项。",
                "全市新建学校9所。",
            ])
        let together = try Self.fact("2所", in: built)
        #expect(together.adcode == "420500000000" && together.regionSource == .document)
        #expect(try Self.fact("1项", in: built).adcode == "420506000000")
    }

    /// Words of a budget (编列, 预留, 预算案) make a figure planned; 现将…如下 is no 将 of the future;
    /// a heading of steps (二、实施步骤) opens a plan section.
    @Test(
        arguments: [
            ("县府明年度教育经费编列12亿元，用于校舍建设。", "12亿元", FactStatus.planned),
            ("政府预留10亿元推行校舍改装计划。", "10亿元", .planned),
            ("现将有关情况汇报如下：全乡辖12个村委会。", "12个", .achieved),
        ])
    func budgetWordsAndTheReportingFormula(_ text: String, _ surface: String, _ status: FactStatus) throws {
        let built = Self.build(title: ["教育情况汇报"], body: [text])
        #expect(try Self.fact(surface, in: built).status == status)
    }

    @Test func aHeadingOfStepsOpensAPlanSection() throws {
        let heading = try #require(SectionScope.standard.heading(in: "二、实施步骤"))
        #expect(heading.status == .planned)
        let built = Self.build(
            title: ["学校建设情况"],
            body: ["一、基本情况", "全市现有学校40所。", "二、实施步骤", "3-4月，全市新建学校6所。"])
        #expect(try Self.fact("40所", in: built).status == .achieved)
        #expect(try Self.fact("6所", in: built).status == .planned)
    }
}
