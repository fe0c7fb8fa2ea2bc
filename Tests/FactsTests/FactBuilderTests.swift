import EduwhCore
import Facts
import Testing

/// Year and region attribution, and the document profile.
@Suite struct FactBuilderTests {
    static let haizhu = "440105000000"
    static let guangzhou = "440100000000"
    static let builder = FactBuilder.standard

    func facts(
        _ text: String, _ quantities: [(String, String)], years: [YearMention] = [], places: [PlaceMention] = [],
        profile: DocumentProfile = DocumentProfile(kind: "其他")
    ) -> [Fact] {
        let mentions = quantities.map { FactsFixtures.quantity($0.0, unit: $0.1, in: text, value: 1) }
        return Self.builder.facts(
            mentions, line: FactsFixtures.line(text), years: years, places: places, profile: profile)
    }

    @Test func yearFromClauseThenSentenceThenDocument() throws {
        let text = "仅2011年我区预算内教育拨款19432.9万元,比2010年的16021.6万元增长21.29%。另有经费300万元"
        let years = [FactsFixtures.year("2011年", 2011, in: text), FactsFixtures.year("2010年", 2010, in: text)]
        let profile = DocumentProfile(kind: "工作汇报", referenceYear: 2012, periodFrom: 2011, periodTo: 2012)
        let found = facts(
            text, [("19432.9万元", "yuan"), ("21.29%", "percent"), ("300万元", "yuan")], years: years, profile: profile)
        #expect(found[0].yearFrom == 2011 && found[0].yearSource == .clause)
        // 21.29% is 2011's growth over 2010 (the base of the comparison), so 2011, from the sentence.
        #expect(found[1].yearFrom == 2011 && found[1].yearSource == .sentence)
        #expect(found[2].yearFrom == 2011 && found[2].yearTo == 2012 && found[2].yearSource == .document)
    }

    @Test func theBaseOfAComparisonIsNotTheYearOfTheChange() {
        let text = "2019年共投入教育经费2.35亿元,比上年增长12.6%,比2017年的1.9亿元多0.45亿元"
        let years = [
            FactsFixtures.year("2019年", 2019, in: text),
            YearMention(
                surface: "上年", kind: .relative, from: 2018, to: 2018,
                offset: Array(text.unicodeScalars).firstIndex(of: "上")!, rule: "ry-shangnian"),
            FactsFixtures.year("2017年", 2017, in: text),
        ]
        let found = facts(
            text, [("2.35亿元", "yuan"), ("12.6%", "percent"), ("1.9亿元", "yuan"), ("0.45亿元", "yuan")], years: years)
        #expect(found.map(\.yearFrom) == [2019, 2019, 2017, 2019])
    }

    /// A paragraph that opens with a year (2022年，…) gives it to a later sentence that names
    /// none; a comparison base after a figure (68.7%，较上年提高) is never the figure's year.
    @Test func aParagraphsOpeningYearCoversItsLaterSentences() {
        let text = "一、肯定成绩。2022年，全市新增学位9000多个。全市高考本科上线率达到68.7%，较上年提高2.1个百分点。"
        let years = [FactsFixtures.year("2022年", 2022, in: text), FactsFixtures.year("上年", 2021, in: text)]
        let profile = DocumentProfile(kind: "讲话", referenceYear: 2023)
        let found = facts(
            text, [("9000多个", "个"), ("68.7%", "percent"), ("2.1个百分点", "percent")], years: years, profile: profile)
        #expect(found.map(\.yearFrom) == [2022, 2022, 2022])
        #expect(found.map(\.yearSource) == [.sentence, .sentence, .sentence])
        // Without the opening year, the year the document states it covers; none when it states none.
        let plain = "全市高考本科上线率达到68.7%。"
        let stated = DocumentProfile(kind: "讲话", referenceYear: 2023, periodFrom: 2023, periodTo: 2023)
        #expect(facts(plain, [("68.7%", "percent")], profile: stated).first?.yearFrom == 2023)
        #expect(facts(plain, [("68.7%", "percent")], profile: profile).first?.yearFrom == nil)
    }

    /// A plan's figures for its own year are planned whatever verb they carry; a figure of an
    /// earlier year in it keeps the status its words give. Read as the product reads them: a page
    /// whose title names the plan, so the chooser sees the page as it does in training.
    @Test func aPlansFiguresArePlanned() throws {
        let plan = Self.builder.build(
            TrustTests.document(
                title: ["县教育局2024年工作要点"], body: ["新增学位2700个，毛入园率达到95%以上。", "2023年完成新建学校5所。"]))
        #expect(plan.profile.kind == "工作要点" && plan.profile.referenceYear == 2024)
        let target = try ["2700个", "95%以上"].map { try TrustTests.fact($0, in: plan) }
        #expect(target.map(\.status) == [.planned, .planned])
        #expect(target.map(\.statusCue) == ["工作要点", "工作要点"])
        let review = try TrustTests.fact("5所", in: plan)
        #expect(review.status == .achieved && review.yearFrom == 2023)
        // The same words in a summary are results.
        let summary = Self.builder.build(
            TrustTests.document(title: ["县教育局2024年工作总结"], body: ["新增学位2700个。"]))
        #expect(try TrustTests.fact("2700个", in: summary).status != .planned)
    }

    @Test func yearFromSentenceWhenClauseHasNone() {
        let text = "2011年由国家、省投入60%,区里投入40%"
        let found = facts(text, [("40%", "percent")], years: [FactsFixtures.year("2011年", 2011, in: text)])
        #expect(found[0].yearFrom == 2011)
        #expect(found[0].yearSource == .sentence)
    }

    @Test func noYearAnywhereIsNone() {
        let found = facts("投入3.48亿元升级改造学校", [("3.48亿元", "yuan")])
        #expect(found[0].yearFrom == nil && found[0].yearSource == .none)
    }

    @Test func regionFromSentenceElseDocumentAndProvinceDoesNotOverride() {
        let profile = DocumentProfile(kind: "述职报告", adcode: Self.haizhu)
        let text = "我区80%的学校通过广州市义务教育规范化学校督导验收。韶关市投入500万元"
        let places = [
            FactsFixtures.place("广州市", adcode: Self.guangzhou, in: text),
            FactsFixtures.place("韶关市", adcode: "440200000000", in: text),
        ]
        let found = facts(text, [("80%", "percent"), ("500万元", "yuan")], places: places, profile: profile)
        #expect(
            found[0].adcode == Self.haizhu && found[0].regionSource == .document, "广州市 contains 海珠区: not the subject")
        #expect(found[1].adcode == "440200000000" && found[1].regionSource == .clause)
        let none = facts("投入3.48亿元", [("3.48亿元", "yuan")])
        #expect(none[0].adcode == nil && none[0].regionSource == .none)
    }

    @Test func sentenceIsKeptForLineage() {
        let found = facts("近年来成绩显著。两年来,共招聘教师374名;其余略", [("374名", "名")])
        #expect(found[0].sentence == "两年来,共招聘教师374名")
        #expect(found[0].indicator == "teachers_recruited")
        #expect(found[0].status == .achieved)
    }

    /// A flattened table: each figure takes its row's indicator and unit and its column's year.
    @Test func tableCellsTakeTheirColumnsYear() throws {
        let lines = [
            FactsFixtures.line("2021年区教育局工作总结", number: 1, label: .title),
            FactsFixtures.line("项目 2020年 2021年", number: 2),
            FactsFixtures.line("在校学生（人） 48210 50136", number: 3),
            FactsFixtures.line("专任教师（人） 3120 3285", number: 4),
            FactsFixtures.line("全年招聘教师165名。", number: 5),
        ]
        let built = Self.builder.build(
            CleanDocument(index: 1, title: lines[0].text, lines: lines, metadata: SiteMetadata()))
        let cells = built.facts.filter { $0.line == 3 || $0.line == 4 }
        #expect(cells.map(\.quantity.value) == [48210, 50136, 3120, 3285])
        #expect(cells.map(\.yearFrom) == [2020, 2021, 2020, 2021])
        #expect(
            cells.map(\.indicator) == ["students_enrolled", "students_enrolled", "teachers_count", "teachers_count"])
        #expect(cells.allSatisfy { $0.quantity.unit == "人" })
        // The table ends with it: prose after it takes its years from the text as before.
        #expect(built.facts.first { $0.line == 5 }?.yearFrom == 2021)
    }

    /// Rows that lost their label column (figures alone) under a header of years still take their
    /// columns' years, the first column's included.
    @Test func labelLessRowsTakeTheirColumnsYear() throws {
        let lines = [
            FactsFixtures.line("2022年全区教育事业统计公报", number: 1, label: .title),
            FactsFixtures.line("指标 2020年 2021年 2022年", number: 2),
            FactsFixtures.line("幼儿园 45 47 50", number: 3),
            FactsFixtures.line("1820 1913 1988", number: 4),
            FactsFixtures.line("21040 21566 22010", number: 5),
        ]
        let built = Self.builder.build(
            CleanDocument(index: 1, title: lines[0].text, lines: lines, metadata: SiteMetadata()))
        for number in 3...5 {
            let cells = built.facts.filter { $0.line == number }
            #expect(cells.count == 3, "line \(number)")
            #expect(cells.map(\.yearFrom) == [2020, 2021, 2022], "line \(number)")
        }
    }

    @Test func buildsProfileAndFactsOfADocument() throws {
        let lines = [
            FactsFixtures.line("推进教育均衡发展 办人民满意的教育", number: 1, label: .title),
            FactsFixtures.line("——2007-2008年海珠区区委书记履行基础教育职责述职报告", number: 2, label: .title),
            FactsFixtures.line("邓伟强", number: 4),
            FactsFixtures.line("查阅全文加微信3231169", number: 5, label: .noise),
            FactsFixtures.line("两年来,我区共向全国公开招聘教师374名,投入3.48亿元升级改造学校。", number: 6),
        ]
        let document = CleanDocument(index: 1, title: lines[0].text, lines: lines, metadata: SiteMetadata())
        let built = Self.builder.build(document)
        #expect(built.profile.kind == "述职报告")
        #expect(built.profile.speaker == "邓伟强")
        #expect(built.profile.adcode == Self.haizhu)
        #expect(built.places.contains { $0.mention.surface == "海珠区" && $0.line == 2 })
        let money = try #require(built.facts.first { $0.quantity.unit == "yuan" })
        #expect(money.indicator == "funding_investment")
        #expect(money.adcode == Self.haizhu && money.regionSource == .document)
        #expect(built.facts.allSatisfy { $0.line == 6 }, "noise lines give no facts")
    }
}

@Suite struct DocumentProfilerTests {
    struct KindCase: Sendable, CustomTestStringConvertible {
        var title: String
        var opening: String
        var kind: String
        var testDescription: String { "\(title) → \(kind)" }
    }

    @Test(arguments: [
        KindCase(title: "履行基础教育职责述职报告", opening: "", kind: "述职报告"),
        KindCase(title: "2012年全市教育工作要点", opening: "", kind: "工作要点"),
        KindCase(title: "区教育局2011年工作总结", opening: "", kind: "工作总结"),
        KindCase(title: "2013年教育工作计划", opening: "", kind: "工作计划"),
        KindCase(title: "在全县教育工作会议上的讲话", opening: "", kind: "讲话"),
        KindCase(title: "靖江市教育局年度工作报告", opening: "同志们:今天我们召开全市教育系统年度工作会议", kind: "讲话"),
        KindCase(title: "完善督导工作推进机制、促进区域内义务教育均衡发展", opening: "现将进展情况汇报如下:", kind: "工作汇报"),
        KindCase(title: "义务教育均衡发展督导评估自评报告", opening: "", kind: "督导评估"),
        KindCase(title: "区政府关于基础教育工作的汇报", opening: "", kind: "工作汇报"),
        KindCase(title: "", opening: "在此，我向大家汇报我的工作述职情况。", kind: "述职报告"),
        KindCase(title: "推进教育均衡发展", opening: "教育是民生之本。", kind: "其他"),
    ])
    func kindOfReport(_ example: KindCase) {
        #expect(
            DocumentProfiler.standard.kind(title: [example.title], opening: [example.opening], body: [example.opening])
                == example.kind)
    }

    @Test(arguments: [
        ("区政府关于基础教育工作的汇报", "", "区政府"),
        ("靖江市教育局年度工作报告", "", "靖江市教育局"),
        ("履行基础教育职责述职报告", "邓 伟 强", "邓伟强"),
        ("履行基础教育职责述职报告", "本人于4月担任中共县委书记。", "县委书记"),
        ("关于2022年度教育工作的报告", "县教育局局长　王某某", "王某某"),
        ("学校年度工作报告", "校长 李华", "李华"),
    ])
    func speaker(_ title: String, _ opening: String, _ expected: String) {
        let titleLine = FactsFixtures.line(title, number: 1, label: .title)
        let openingLine = FactsFixtures.line(opening, number: 2)
        #expect(
            DocumentProfiler.standard.speaker(titleLines: [titleLine], opening: [openingLine], title: title) == expected
        )
    }
}

extension FactBuilderTests {
    @Test func placeInsideADocumentNameIsNotTheRegion() {
        let text = "按照《韶关市义务教育规范化学校督导验收方案》,全县16所学校基本达标"
        let places = [FactsFixtures.place("韶关市", adcode: "440200000000", in: text)]
        let found = facts(
            text, [("16所", "所")], places: places, profile: DocumentProfile(kind: "述职报告", adcode: "440232000000"))
        #expect(found[0].adcode == "440232000000" && found[0].regionSource == .document)
    }

    @Test func aRoleNeedsTheTitleOrAnAppointmentWord() {
        let profiler = DocumentProfiler.standard
        let opening = [FactsFixtures.line("成立了由区政府区长任组长的领导小组", number: 2)]
        #expect(profiler.speaker(titleLines: [], opening: opening, title: nil) == nil)
        // A greeting is two words too, but 同志们 is no role: no speaker from it.
        #expect(
            profiler.speaker(titleLines: [], opening: [FactsFixtures.line("同志们 大家好", number: 2)], title: nil) == nil)
        let appointed = [FactsFixtures.line("任县长以来,我充分发挥县财政主渠道作用", number: 2)]
        #expect(profiler.speaker(titleLines: [], opening: appointed, title: nil) == "县长")
    }
}

extension DocumentProfilerTests {
    @Test func regionPrefersTheCountyOverItsOftenNamedProvince() {
        let title = FactsFixtures.line("基础教育工作的述职报告", number: 1, label: .title)
        func place(_ line: Int, _ surface: String, _ adcode: String) -> Located<PlaceMention> {
            Located(
                line: line,
                mention: PlaceMention(
                    surface: surface, adcode: adcode, name: surface, status: .resolved, candidates: [adcode], offset: 0,
                    rule: "test"))
        }
        let places =
            [place(9, "乳源县", "440232000000"), place(10, "乳源", "440232000000")]
            + (11...15).map { place($0, "广东省", "440000000000") }
        #expect(DocumentProfiler.standard.region(titleLines: [title], opening: [], places: places) == "440232000000")
        let provinceOnly = (11...15).map { place($0, "广东省", "440000000000") } + [place(16, "韶关市", "440200000000")]
        #expect(
            DocumentProfiler.standard.region(titleLines: [title], opening: [], places: provinceOnly) == "440000000000")
    }
}

extension FactBuilderTests {
    @Test func yearsOutsideTheYearDimensionAreNotUsed() {
        let text = "1900年建校以来,累计培养学生3万名"
        let found = facts(text, [("3万名", "名")], years: [FactsFixtures.year("1900年", 1900, in: text)])
        #expect(found[0].yearFrom == nil && found[0].yearSource == .none)
    }
}

extension FactBuilderTests {
    @Test func aBlankedYearLeavesTheFactWithoutAYear() {
        let text = "据统计,xx年财政性教育经费为X万元"
        let profile = DocumentProfile(kind: "述职报告", referenceYear: 2010, periodFrom: 2009, periodTo: 2010)
        let years = [YearMention(surface: "xx年", kind: .placeholder, from: nil, to: nil, offset: 4, rule: "test")]
        let found = facts(text, [("X万元", "yuan")], years: years, profile: profile)
        #expect(found[0].yearFrom == nil && found[0].yearTo == nil && found[0].yearSource == .none)
    }
}
