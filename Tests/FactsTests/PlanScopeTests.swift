import EduwhCore
import Facts
import Testing

/// A plan's horizon scopes its targets: a deadline (到2018年，在2018年前) or a named plan period
/// (“十三五”规划) earlier in a paragraph, a list a deadline opens, a span a paragraph opens with,
/// and the title's year against the opening's and a date's. Sentences are our own.
@Suite struct PlanScopeTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    static func fact(_ surface: String, in built: DocumentFacts) throws -> Fact {
        try #require(built.facts.first { $0.quantity.surface.contains(surface) }, "\(surface) not found")
    }

    /// A deadline opening a paragraph makes the figures after it, in the same paragraph, targets of its year.
    @Test func aDeadlineScopesTheRestOfItsParagraph() throws {
        let built = Self.build(
            title: ["镇教办2016年工作总结"],
            body: [
                "今年全镇新建教学楼2栋。",
                "在2018年前，全镇各小学将全部达到市定办学标准。即：每所小学不超过18个班，每班不超过40人。",
            ])
        for surface in ["18个", "40人"] {
            let target = try Self.fact(surface, in: built)
            #expect(target.yearFrom == 2018 && target.yearTo == 2018, "\(surface)")
            #expect(target.status == .planned && target.statusCue.hasPrefix("deadline:"), "\(surface)")
        }
        let done = try Self.fact("2栋", in: built)
        #expect(done.yearFrom == 2016 && done.status == .achieved)
    }

    /// A sentence the deadline's line leaves open goes on in the next line with the same horizon.
    @Test func aDeadlineCarriesIntoTheLineThatGoesOn() throws {
        let built = Self.build(
            title: ["县教育局2017年工作总结"],
            body: [
                "全年共投入教育经费8000万元。",
                "到2019年，全县普惠性幼儿园覆盖率将明显提高。其中城区新增公办幼儿园学位1200个，",
                "乡镇新增公办幼儿园学位800个。",
            ])
        let rural = try Self.fact("800个", in: built)
        #expect(rural.yearFrom == 2019 && rural.status == .planned)
        let spent = try Self.fact("8000万元", in: built)
        #expect(spent.yearFrom == 2017 && spent.status == .achieved)
    }

    /// A line ending in a colon that states a deadline opens a list: its numbered items are targets
    /// of that year; a line that is no item ends the list.
    @Test func aDeadlineOpensAList() throws {
        let built = Self.build(
            title: ["区教育局2018年工作总结"],
            body: [
                "到2020年，全区教育要实现以下目标：",
                "（1）学前三年毛入园率达到98%；",
                "（2）九年义务教育巩固率达到99%。",
                "全年共投入教育经费3000万元。",
            ])
        for surface in ["98%", "99%"] {
            let target = try Self.fact(surface, in: built)
            #expect(target.yearFrom == 2020 && target.status == .planned, "\(surface)")
        }
        let spent = try Self.fact("3000万元", in: built)
        #expect(spent.yearFrom == 2018 && spent.status == .achieved)
    }

    /// 截至 names the date of a count, not a deadline; a word of the past keeps a figure after a
    /// deadline what it is.
    @Test func aCutOffDateAndThePastAreNoTargets() throws {
        let built = Self.build(
            title: ["县教育局2019年工作总结"],
            body: [
                "截至2019年底，全县共有幼儿园45所。",
                "到2021年，全县中小学将全部达到省定标准。目前已建成标准化学校12所。",
            ])
        let stock = try Self.fact("45所", in: built)
        #expect(stock.yearFrom == 2019 && stock.status == .achieved)
        let built12 = try Self.fact("12所", in: built)
        #expect(built12.status == .achieved && built12.yearFrom != 2021)
    }

    /// A plan the paragraph names (“十三五”规划) gives its period to the planned figures after it;
    /// a period named in passing (开局之年) does not.
    @Test func aNamedPlanScopesItsTargets() throws {
        let planned = Self.build(
            title: ["县教育局2016年工作汇报"],
            body: ["全县教育“十三五”规划已经县政府审定。按照规划，将新建初中2所、小学5所。"])
        let schools = try Self.fact("2所", in: planned)
        #expect(schools.yearFrom == 2016 && schools.yearTo == 2020 && schools.status == .planned)
        #expect(schools.statusCue.hasSuffix("@plan:十三五"))
        let passing = Self.build(
            title: ["县教育局2016年工作汇报"],
            body: ["今年是“十三五”开局之年。全县将新建小学5所。"])
        let five = try Self.fact("5所", in: passing)
        #expect(five.yearTo != 2020)
    }

    /// A span that opens a paragraph (after a run-in label) is the year of the sentences after it.
    @Test func aSpanOpeningAParagraphIsItsSentencesYears() throws {
        let built = Self.build(
            title: ["县教育项目实施情况汇报"],
            body: ["学前教育：2016—2018年全县累计投入资金3000万元。其中新建幼儿园12所。"])
        let kindergartens = try Self.fact("12所", in: built)
        #expect(kindergartens.yearFrom == 2016 && kindergartens.yearTo == 2018)
    }

    /// The title's year is the report's, whatever plan period the opening mentions in passing.
    @Test func theTitleYearBeatsAPlanPeriodTheOpeningNames() throws {
        let built = Self.build(
            title: ["2021年全省教育事业发展统计公报"],
            body: ["2021年是“十四五”开局之年，全省教育事业稳步发展。", "全省共有各级各类学校1.2万所。"])
        #expect(built.profile.periodFrom == 2021 && built.profile.periodTo == 2021)
        #expect(try Self.fact("1.2万所", in: built).yearFrom == 2021)
    }

    /// A report with no title that opens with a year (2019年，全国…) gives account of that year; a
    /// span inside a document's name the opening cites (《…方案（2018—2022年）》) is not its period.
    @Test func anOpeningYearAndNotANamesSpan() throws {
        let built = Self.build(
            title: [],
            body: [
                "2019年，各地认真落实《加快推进教育现代化实施方案（2018—2022年）》，教育事业持续发展。",
                "全国共有各级各类学校53万所。",
            ])
        #expect(built.profile.periodFrom == 2019 && built.profile.periodTo == 2019)
        #expect(try Self.fact("53万所", in: built).yearFrom == 2019)
    }

    /// A title year two years or more after the date the report is signed was put there by the
    /// site that copied it: the report's year is not known, its stock figures get none.
    @Test func aTitleYearLaterThanTheSignatureIsNotTrusted() throws {
        let built = Self.build(
            title: ["某县校安工程2024年工作总结", "县校安办 2011年1月8日"],
            body: ["全县共有中小学校舍面积65万平方米。"])
        #expect(built.profile.periodFrom == nil)
        #expect(try Self.fact("65万平方米", in: built).yearFrom == nil)
        // A date the narrative names is no signature: 2008年9月 does not unseat the title's 2011.
        let narrative = Self.build(
            title: ["县教育局2011年工作总结"],
            body: ["自2008年9月启动合格学校建设以来，全县各校面貌一新，累计建成合格学校28所。"])
        #expect(narrative.profile.periodFrom == 2011)
    }

    /// Next year's figures (明年度, 下年度) are planned: a budget for next year is no result.
    @Test func nextYearIsAPlan() {
        let line = "明年度教育经费编列预算6亿元，较今年增加5000万元。"
        let quantity = FactsFixtures.quantity("6亿元", unit: "yuan", in: line, value: 6e8)
        #expect(StatusCues.standard.status(of: quantity, inLine: line).0 == .planned)
        let traditional = "下年度教育經費預算編列6億元。"
        let budget = FactsFixtures.quantity("6億元", unit: "yuan", in: traditional, value: 6e8)
        #expect(StatusCues.standard.status(of: budget, inLine: traditional).0 == .planned)
    }

    /// Next year's figures go on after the sentence that says 明年 (a budget news item, one
    /// sentence per programme); a figure with a year or a word of the past of its own does not.
    @Test func nextYearGoesOnInItsParagraph() throws {
        let built = Self.build(
            title: [],
            body: ["教育局明年编列午餐补助经费2亿元，可照顾3万名学生；安心餐券补助1.8亿元，则可提供2万名学生使用；今年已发放餐券补助1亿元。"])
        let coupons = try Self.fact("1.8亿元", in: built)
        #expect(coupons.status == .planned && coupons.statusCue == "next-year:明年")
        #expect(try Self.fact("1亿元", in: built).status == .achieved)
    }

    /// A place that is one of a list (分赴北京、上海、杭州等地) or the issuer of a rule the text
    /// follows (符合浙江省…要求) is not the region a figure is about: the report's region is.
    @Test func listedPlacesAndIssuersAreNoRegion() {
        let profile = DocumentProfile(kind: "其他", adcode: "330782000000")
        let trip = "全市派出45名骨干教师分赴北京、上海、杭州等地跟岗学习。"
        let sent = FactBuilder.standard.facts(
            [FactsFixtures.quantity("45名", unit: "名", in: trip, value: 45)], line: FactsFixtures.line(trip),
            years: [],
            places: [
                FactsFixtures.place("北京", adcode: "110000000000", in: trip),
                FactsFixtures.place("上海", adcode: "310000000000", in: trip),
                FactsFixtures.place("杭州", adcode: "330100000000", in: trip),
            ], profile: profile)
        #expect(sent.first?.adcode == "330782000000" && sent.first?.regionSource == .document)
        // 、 standing for a colon (地址、义乌市…) makes no list.
        let address = "地址、义乌市稠城街道，占地面积2000平方米。"
        let area = FactBuilder.standard.facts(
            [FactsFixtures.quantity("2000平方米", unit: "m2", in: address, value: 2000)],
            line: FactsFixtures.line(address), years: [],
            places: [FactsFixtures.place("义乌市", adcode: "330782000000", in: address)],
            profile: DocumentProfile(kind: "其他", adcode: "330700000000"))
        #expect(area.first?.adcode == "330782000000")
        let pay = "我市教师人均月工资6800元，符合浙江省关于教师工资待遇的要求。"
        let wage = FactBuilder.standard.facts(
            [FactsFixtures.quantity("6800元", unit: "yuan", in: pay, value: 6800)], line: FactsFixtures.line(pay),
            years: [], places: [FactsFixtures.place("浙江省", adcode: "330000000000", in: pay)],
            profile: DocumentProfile(kind: "其他"))
        #expect(wage.first?.adcode == nil)
    }

    /// A place's bare name that opens a school's name (大安国小) is where the school stands, not
    /// the region a figure is about; the same name with its suffix (大安区) is.
    @Test func aSchoolsNameIsNoRegion() {
        let profile = DocumentProfile(kind: "其他", adcode: "710100000000")
        let school = "大安国小今年新建教室3间。"
        let facts = FactBuilder.standard.facts(
            [FactsFixtures.quantity("3间", unit: "间", in: school, value: 3)], line: FactsFixtures.line(school),
            years: [], places: [FactsFixtures.place("大安", adcode: "710112000000", in: school)], profile: profile)
        #expect(facts.first?.adcode == "710100000000" && facts.first?.regionSource == .document)
        let district = "大安区今年新建教室3间。"
        let own = FactBuilder.standard.facts(
            [FactsFixtures.quantity("3间", unit: "间", in: district, value: 3)], line: FactsFixtures.line(district),
            years: [], places: [FactsFixtures.place("大安区", adcode: "710112000000", in: district)], profile: profile)
        #expect(own.first?.adcode == "710112000000" && own.first?.regionSource == .clause)
    }
}
