import EduwhCore
import Facts
import Testing

/// What the report's structure says about its figures: sections and their headings, the kind of
/// report, plan durations, governing verbs and comparisons. Sentences are our own, written in the
/// style of the field corpus.
@Suite struct DiscourseTests {
    static let builder = FactBuilder.standard

    func facts(
        _ text: String, _ quantities: [(String, String)], years: [YearMention] = [],
        profile: DocumentProfile = DocumentProfile(kind: "其他"), scope: SectionScope.State = .init()
    ) -> [Fact] {
        let mentions = quantities.map { FactsFixtures.quantity($0.0, unit: $0.1, in: text, value: 1) }
        return Self.builder.facts(
            mentions, line: FactsFixtures.line(text), years: years, places: [], profile: profile, scope: scope)
    }

    @Test(
        arguments: [
            ("一、2011年工作回顾", 1, FactStatus.achieved, "回顾"),
            ("二、2012年工作思路", 1, .planned, "思路"),
            ("（三）存在的问题", 2, nil, "问题"),
            ("三、下一步工作打算", 1, .planned, "下一步"),
            ("一、主要措施及成效", 1, .achieved, "成效"),
            ("一、2010年工作总结和2011年工作打算", 1, nil, nil),
        ] as [(String, Int, FactStatus?, String?)])
    func headingsSayWhatTheirFiguresAre(_ text: String, _ level: Int, _ status: FactStatus?, _ cue: String?) throws {
        let heading = try #require(SectionScope.standard.heading(in: text))
        #expect(heading.level == level)
        #expect(heading.status == status)
        #expect(heading.cue == cue)
    }

    /// A flattened page keeps its heading at the start of a long line.
    @Test func aHeadingAtTheStartOfALongLine() throws {
        let heading = try #require(SectionScope.standard.heading(in: "一、2011年工作回顾 过去的一年，在市委、市政府的正确领导下，我们新建学校3所。"))
        #expect(heading.text == "一、2011年工作回顾")
        #expect(heading.status == .achieved)
        #expect(SectionScope.standard.heading(in: "全年新建学校3所，改扩建5所，完成投资2.3亿元。") == nil)
    }

    @Test func sectionsScopeYearAndStatus() {
        let lines = [
            LabeledLine(number: 1, text: "县教育局2012年工作报告", label: .title, rule: "t", document: 1),
            LabeledLine(number: 2, text: "一、2011年工作回顾", label: .body, rule: "b", document: 1),
            LabeledLine(number: 3, text: "新建学校3所。", label: .body, rule: "b", document: 1),
            LabeledLine(number: 4, text: "二、2012年工作打算", label: .body, rule: "b", document: 1),
            LabeledLine(number: 5, text: "新建学校5所。", label: .body, rule: "b", document: 1),
        ]
        let years: [Int: [YearMention]] = [
            2: [FactsFixtures.year("2011年", 2011, in: lines[1].text)],
            4: [FactsFixtures.year("2012年", 2012, in: lines[3].text)],
        ]
        let states = SectionScope.standard.states(lines, years: years)
        #expect(states[2].year == 2011...2011 && states[2].status == .achieved)
        #expect(states[4].year == 2012...2012 && states[4].status == .planned)
        // The title is not a heading: nothing is in force on it.
        #expect(states[0].year == nil && states[0].status == nil)
        let profile = DocumentProfile(kind: "工作汇报", referenceYear: 2012)
        let review = facts("新建学校3所。", [("3所", "所")], profile: profile, scope: states[2])
        #expect(
            review.first?.yearFrom == 2011 && review.first?.yearSource == .section && review.first?.status == .achieved)
        let plan = facts("新建学校5所。", [("5所", "所")], profile: profile, scope: states[4])
        #expect(plan.first?.yearFrom == 2012 && plan.first?.status == .planned)
        // In a plan section 达到 states a target; 已 keeps a figure achieved.
        let target = facts("入园率达到95%，已建成幼儿园2所。", [("95%", "percent"), ("2所", "所")], profile: profile, scope: states[4])
        #expect(target.map(\.status) == [.planned, .achieved])
    }

    /// A report that is not a plan narrates results; a plan states targets; the clause's own
    /// words speak first, and its own clause before earlier ones.
    @Test func statusFromKindAndClause() {
        let summary = DocumentProfile(kind: "工作总结", referenceYear: 2015)
        #expect(facts("全县有中小学56所。", [("56所", "所")], profile: summary).first?.status == .achieved)
        #expect(facts("全县有中小学56所。", [("56所", "所")], profile: DocumentProfile(kind: "其他")).first?.status == .achieved)
        #expect(facts("下一步计划新建学校2所。", [("2所", "所")], profile: summary).first?.status == .planned)
        let mixed = facts("各校积极争取社会力量支持，共接受捐赠电脑105台。", [("105台", "台")], profile: summary)
        #expect(mixed.first?.status == .achieved && mixed.first?.statusCue == "共")
    }

    /// 三年内, 用五年时间, 今后五年: a target over N years from the section's or the report's year.
    @Test func planDurationsSpanTheirYears() {
        let profile = DocumentProfile(kind: "讲话", referenceYear: 2012)
        let three = facts("力争三年内培养骨干教师800名。", [("800名", "名")], profile: profile)
        #expect(three.first?.yearFrom == 2012 && three.first?.yearTo == 2014 && three.first?.status == .planned)
        let five = facts("用五年时间新建幼儿园12所。", [("12所", "所")], profile: profile, scope: .init(year: 2011...2011))
        #expect(five.first?.yearFrom == 2011 && five.first?.yearTo == 2015)
        // A year of the clause's own wins.
        let own = facts(
            "三年内，2013年新建幼儿园4所。", [("4所", "所")], years: [FactsFixtures.year("2013年", 2013, in: "三年内，2013年新建幼儿园4所。")],
            profile: profile)
        #expect(own.first?.yearFrom == 2013 && own.first?.yearTo == 2013)
    }

    /// The verb, not the noun next to the number, says what is counted.
    @Test func governingVerbs() {
        let built = facts("将改造建设城区初中4所，城区小学8所。", [("4所", "所"), ("8所", "所")])
        #expect(built.map(\.indicator) == ["schools_built", "schools_built"])
        let sample = facts("共随机抽查学校260所，其中小学171所。", [("260所", "所"), ("171所", "所")])
        #expect(sample.map(\.indicator) == ["unknown", "unknown"])
        // A word of having between the verb and the figure: the schools there are.
        let stock = facts("近年新建了一批学校，全县现有小学30所。", [("30所", "所")])
        #expect(stock.first?.indicator == "schools_count")
        let standard = facts("建成合格学校28所。", [("28所", "所")])
        #expect(standard.first?.indicator == "schools_standard_share")
    }

    /// The base of a comparison measures what the figure before it measures.
    @Test func comparisonsInheritTheIndicator() {
        let text = "小学生均公用经费达到650元，比上年的600元增加50元。"
        let found = facts(text, [("650元", "yuan"), ("600元", "yuan"), ("50元", "yuan")])
        #expect(found.map(\.indicator) == ["funding_per_student", "funding_per_student", "funding_per_student"])
        #expect(found[1].indicatorRule.hasSuffix("@compared"))
    }
}

/// The error kinds the facts issue lists, each with a sentence of our own.
@Suite struct FactErrorKindTests {
    func facts(
        _ text: String, _ quantities: [(String, String)], places: [PlaceMention] = [],
        profile: DocumentProfile = DocumentProfile(kind: "工作总结", referenceYear: 2015)
    ) -> [Fact] {
        let mentions = quantities.map { FactsFixtures.quantity($0.0, unit: $0.1, in: text, value: 1) }
        return FactBuilder.standard.facts(
            mentions, line: FactsFixtures.line(text), years: [], places: places, profile: profile)
    }

    /// 将 marking an object (将X改为, 将X纳入) is no intent in a summary's page; 将 before a verb is.
    @Test func jiangAsObjectMarkerIsNotFuture() throws {
        let built = FactBuilder.standard.build(
            TrustTests.document(
                title: ["县教育局2015年工作总结"],
                body: ["将15所村小改为教学点。", "并将评估结果公示，将3所学校纳入名校集团。", "明年将新建学校5所。"]))
        #expect(try TrustTests.fact("15所", in: built).status == .achieved)
        #expect(try TrustTests.fact("3所", in: built).status == .achieved)
        #expect(try TrustTests.fact("5所", in: built).status == .planned)
    }

    @Test func aPlanWordInsideAMeasuresNameIsNoPlan() {
        #expect(facts("全县人均预期寿命达到78岁。", [("78岁", "岁")]).first?.status == .achieved)
    }

    @Test func donorsAndDestinationsAreNotTheRegion() {
        let donor = "四平河南商会捐款10万元。"
        let henan = FactsFixtures.place("河南", adcode: "410000000000", in: donor)
        let siping = FactsFixtures.place("四平", adcode: "220300000000", in: donor)
        let region = DocumentProfile(kind: "工作总结", referenceYear: 2012, adcode: "220303000000")
        #expect(
            facts(donor, [("10万元", "yuan")], places: [siping, henan], profile: region).first?.adcode == "220303000000")
        let trip = "组织校长30名赴杭州学习。"
        let hangzhou = FactsFixtures.place("杭州", adcode: "330100000000", in: trip)
        #expect(facts(trip, [("30名", "名")], places: [hangzhou], profile: region).first?.adcode == "220303000000")
        // A place the figure is about still counts.
        let own = "杭州市新建学校12所。"
        #expect(
            facts(
                own, [("12所", "所")], places: [FactsFixtures.place("杭州市", adcode: "330100000000", in: own)],
                profile: region
            ).first?.adcode == "330100000000")
    }

    @Test func whatIsCountedNotTheNearestKeyword() {
        #expect(facts("新建教学楼2栋。", [("2栋", "栋")]).first?.indicator == "construction_projects")
        #expect(facts("加固D级危房5幢。", [("5幢", "幢")]).first?.indicator == "dilapidated_buildings")
        #expect(facts("为企业培训务工人员500人。", [("500人", "人")]).first?.indicator == "unknown")
        #expect(facts("全年培训教师500人次。", [("500人次", "人次")]).first?.indicator == "teachers_trained")
        #expect(facts("走访毕业生300名。", [("300名", "名")]).first?.indicator == "unknown")
    }
}
