import EduwhCore
import Facts
import Testing

/// Kinds of sentence whose figures' year is not the year mention nearest to them (session 13):
/// a span since a year with no end, a bound a state held before, a founding year, an unnamed run
/// of recent years, a list after 分别 under a span, and a keyword page's title. Sentences are our own.
@Suite struct YearKindTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    static func fact(_ surface: String, in built: DocumentFacts) throws -> Fact {
        try #require(built.facts.first { $0.quantity.surface == surface }, "\(surface) not found")
    }

    /// 以来 with no later year in the text: how far the span runs is unknown, so no year; with the
    /// report's own year it runs to that year.
    @Test func aSpanSinceAYearNeedsAnEnd() throws {
        let open = Self.build(
            title: ["县教育工作情况汇报"],
            body: ["2016年以来，全县累计投入教育资金6.2亿元，新建校舍5.1万平方米。其中：省级资金1.3亿元。"])
        for surface in ["6.2亿元", "5.1万平方米", "1.3亿元"] {
            let figure = try Self.fact(surface, in: open)
            #expect(figure.yearFrom == nil && figure.yearTo == nil, "\(surface)")
        }
        let closed = Self.build(
            title: ["县教育局2019年工作总结"],
            body: ["2016年以来，全县累计投入教育资金6.2亿元。"])
        let figure = try Self.fact("6.2亿元", in: closed)
        #expect(figure.yearFrom == 2016 && figure.yearTo == 2019)
    }

    /// 自2012年8月启动以来 (ga08) and 自2011年…等15个部门启动实施了…以来 (fu35): after 自 a month or a clause that
    /// names other figures still opens a span up to now, so with no end in the text its figures keep no year,
    /// not the start year alone; a report of 2019 runs them to 2019.
    @Test func aSpanSinceAMonthOrALongClauseNeedsAnEnd() throws {
        let body = [
            "该计划自2012年8月启动以来，全市已审批项目236个，计划总投资209亿元。",
            "自2011年教育部会同财政部等15个部门启动实施了营养改善计划以来，全国有13.7万所学校实施了该计划。",
        ]
        let open = Self.build(title: ["中小学建设三年行动计划进展"], body: body)
        for surface in ["236个", "209亿元", "13.7万所"] {
            let figure = try Self.fact(surface, in: open)
            #expect(figure.yearFrom == nil && figure.yearTo == nil, "\(surface)")
        }
        let closed = Self.build(title: ["市教育局2019年工作总结"], body: body)
        let figure = try Self.fact("236个", in: closed)
        #expect(figure.yearFrom == 2012 && figure.yearTo == 2019)
    }

    /// 2010年前 / 2012年以前 before the report's year: the state before it, no year; a bound still
    /// ahead of the report is a deadline and keeps its year; 2013年前三个月 is no bound.
    @Test func aBoundAlreadyPastDatesNothing() throws {
        let built = Self.build(
            title: ["乡中心学校2015年工作总结"],
            body: [
                "2010年前，全乡共有村小14所，学生不足900人。对2012年以前建成的6栋校舍进行了加固。",
                "2018年前，全乡将再新建寄宿制学校2所。",
                "2013年前三个月，全乡共转入学生120人。",
            ])
        for surface in ["14所", "不足900人", "6栋"] {
            #expect(try Self.fact(surface, in: built).yearFrom == nil, "\(surface)")
        }
        #expect(try Self.fact("2所", in: built).yearFrom == 2018)
        #expect(try Self.fact("120人", in: built).yearFrom == 2013)
    }

    /// 成立于1998年 / 始建于 1975 年: the founding year does not date what the sentence says of the
    /// school now.
    @Test func aFoundingYearDatesNoFigure() throws {
        let built = Self.build(
            title: ["实验小学2020年工作总结"],
            body: [
                "我校成立于1998年，占地面积12000平方米，现有教学班24个。",
                "镇中心幼儿园始建于 1975 年，建筑面积3600平方米。",
                "城关二小于1986年建校，现有学生1450人。",
            ])
        for surface in ["12000平方米", "24个", "3600平方米", "1450人"] {
            let figure = try Self.fact(surface, in: built)
            #expect(![1998, 1975, 1986].contains(figure.yearFrom ?? 0), "\(surface)")
        }
    }

    /// 近年来 / 多年来: a figure of an unnamed run of years takes no year from its paragraph's
    /// opening year; a figure with its own year in the sentence keeps it.
    @Test func anUnnamedRunOfYearsIsNoOneYear() throws {
        let built = Self.build(
            title: ["县教育局工作总结"],
            body: [
                "2019年，全县新招聘教师210名。近年来累计投入资金近4亿元用于校舍建设，新建学校9所。",
                "2019年全县新增学位3200个。",
            ])
        for surface in ["近4亿元", "9所"] {
            #expect(try Self.fact(surface, in: built).yearFrom == nil, "\(surface)")
        }
        #expect(try Self.fact("210名", in: built).yearFrom == 2019)
        #expect(try Self.fact("3200个", in: built).yearFrom == 2019)
    }

    /// 2016-2018年…分别为 A、B、C: one year each, in order; a list of places before 分别 is not one
    /// of years.
    @Test func aListAfterRespectivelyTakesTheSpansYearsInOrder() throws {
        let built = Self.build(
            title: ["市教育经费情况报告"],
            body: [
                "2016-2018年全市教育经费总投入分别为21.5亿元、23.8亿元、26.1亿元，生均公用经费分别为800元、850元、900元。",
                "2016-2018年，东城区、西城区和南城区分别新建学校3所、4所、5所。",
                "全市2016-2018年共招聘教师1500名。新招聘教师三年分别为420名、510名、570名。",
            ])
        let expected: [(String, Int)] = [
            ("21.5亿元", 2016), ("23.8亿元", 2017), ("26.1亿元", 2018), ("800元", 2016), ("850元", 2017),
            ("900元", 2018), ("420名", 2016), ("510名", 2017), ("570名", 2018),
        ]
        for (surface, year) in expected {
            let figure = try Self.fact(surface, in: built)
            #expect(figure.yearFrom == year && figure.yearTo == year, "\(surface)")
        }
        let places = try Self.fact("4所", in: built)
        #expect(places.yearFrom == 2016 && places.yearTo == 2018)
    }

    /// A keyword page's title with a piece number (…工作报告 篇1) is the site's label: its year is
    /// not the report's; a piece's own heading after an enumerator (【第1篇】…2021年工作总结) is.
    @Test func aKeywordPagesTitleYearIsTheSites() throws {
        let keyword = Self.build(
            title: ["2024年乡镇幼儿园年度工作报告 篇1"],
            body: ["我园创办于20xx年9月，现有教职工12人，幼儿156名。"])
        #expect(try Self.fact("12人", in: keyword).yearFrom == nil)
        let piece = Self.build(
            title: ["【第1篇】县实验中学2021年学校工作总结"],
            body: ["一年来，学校新增教学班4个，教师12人。"])
        #expect(try Self.fact("4个", in: piece).yearFrom == 2021)
    }

    /// A progress notice whose first sentence gives the date its figures stand at (现将截至…情况
    /// 通报如下) reports that year: its later paragraphs' counts are that year's.
    @Test func aNoticeAsOfADateReportsThatYear() throws {
        let built = Self.build(
            title: [],
            body: [
                "现将截至2017年9月底全市校舍改造工程进展情况通报如下：",
                "（一）开工情况",
                "全市累计开工学校326所，开工面积18.4万平方米。",
            ])
        let figure = try Self.fact("326所", in: built)
        #expect(figure.yearFrom == 2017 && figure.yearTo == 2017)
    }

    /// 与2016年相比 is the base of a comparison, not the year of the change; a plan period that only
    /// names a fund (“十三五”…项目资金) gives way to the sentence's own year, one that bounds the
    /// figure (十三五期间累计) does not.
    @Test func comparisonBasesAndNamedPlans() throws {
        let built = Self.build(
            title: ["市教育发展情况通报"],
            body: [
                "2019年，全市共有幼儿园412所，与2016年相比增加了86所。",
                "2020年，省财政安排“十三五”学前教育重点项目资金共计3.2亿元，其中奖补资金1.1亿元。",
                "十三五期间，全市累计投入教育经费98亿元。",
            ])
        #expect(try Self.fact("86所", in: built).yearFrom == 2019)
        for surface in ["3.2亿元", "1.1亿元"] {
            let figure = try Self.fact(surface, in: built)
            #expect(figure.yearFrom == 2020 && figure.yearTo == 2020, "\(surface)")
        }
        let span = try Self.fact("98亿元", in: built)
        #expect(span.yearFrom == 2016 && span.yearTo == 2020)
    }
}
