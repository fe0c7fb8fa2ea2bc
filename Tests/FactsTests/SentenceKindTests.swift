import EduwhCore
import Facts
import Testing

/// Which years date which figures, by kind of sentence (issue 24): the figure a change starts from,
/// a clause of the present, a year of an institution's history, a year inside a document's name, a
/// plan period's end, a comparison's base before a later clause, years listed before 分别, a span
/// 至今. Sentences are our own.
@Suite struct SentenceKindTests {
    static func built(_ body: [String], title: String) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: [title], body: body))
    }

    static func fact(_ surface: String, in built: DocumentFacts) throws -> Fact {
        try #require(built.facts.first { $0.quantity.surface == surface }, "\(surface) not found")
    }

    /// 由45%提高到88%: the start is of no year the text says; with a base year named it is that year's.
    @Test func theFigureAChangeStartsFromIsNotTheChangesYear() throws {
        let plain = Self.built(["全县学前教育普惠率由45%提高到88%，新建幼儿园6所。"], title: "县教育局2021年工作总结")
        let start = try Self.fact("45%", in: plain)
        #expect(start.yearFrom == nil && start.yearRule.contains("scope:change-start"))
        #expect(try Self.fact("88%", in: plain).yearFrom == 2021)
        let based = Self.built(
            ["2021年，全县小学教师本科学历比例较2018年增加12个百分点，由61%提高到73%。"], title: "县教育情况汇报")
        let base = try Self.fact("61%", in: based)
        #expect(base.yearFrom == 2018 && base.yearRule == "scope:change-start")
        #expect(try Self.fact("73%", in: based).yearFrom == 2021)
    }

    /// 目前…: the present, not the past year named before it in the sentence.
    @Test func aClauseOfThePresentIsNotDatedByAPastYear() throws {
        let body = ["2019年全县新建学校3所，目前全县共有学校45所。"]
        let open = Self.built(body, title: "县教育情况汇报")
        #expect(try Self.fact("3所", in: open).yearFrom == 2019)
        let now = try Self.fact("45所", in: open)
        #expect(now.yearFrom == nil && now.yearRule.contains("scope:present"))
        #expect(try Self.fact("45所", in: Self.built(body, title: "县教育局2021年工作总结")).yearFrom == 2021)
    }

    /// 2003年迁入新校区: a year of the school's history dates its own clause, not the figures after it.
    @Test func aYearOfAnInstitutionsHistoryDatesOnlyItsClause() throws {
        let body = ["实验小学创建于1956年，2003年迁入新校区，设教学班24个，在校学生1100人。"]
        #expect(try Self.fact("24个", in: Self.built(body, title: "实验小学情况介绍")).yearFrom == nil)
        #expect(try Self.fact("1100人", in: Self.built(body, title: "实验小学2022年工作总结")).yearFrom == 2022)
    }

    /// 《县2016—2020年学前教育发展规划》: the years of a document's name date no figure of the sentence.
    @Test func aYearInADocumentsNameDatesNoFigure() throws {
        let built = Self.built(["根据《县2016—2020年学前教育发展规划实施方案》，全县新建幼儿园12所。"], title: "县教育情况汇报")
        #expect(try Self.fact("12所", in: built).yearFrom == nil)
    }

    /// “十三五”末: the plan period's last year.
    @Test func aPlanPeriodsEndIsItsLastYear() throws {
        let built = Self.built(["“十三五”末，全县义务教育巩固率达到98%。"], title: "县教育情况汇报")
        let end = try Self.fact("98%", in: built)
        #expect(end.yearFrom == 2020 && end.yearTo == 2020 && end.yearRule == "scope:plan-end")
    }

    /// 较上年无变化，共安排…: the base of a comparison dates no figure of a later clause; 较“十二五”末的
    /// 2015年增加…: nor the change after a plan's end.
    @Test func aComparisonsBaseDatesNoLaterClause() throws {
        let built = Self.built(
            [
                "2021年，全县公用经费预算为500万元，较上年无变化，共安排培训项目12个。",
                "2020年全县在校生9.6万人，较“十二五”末的2015年增加1.2万人。",
            ], title: "县教育情况汇报")
        #expect(try Self.fact("12个", in: built).yearFrom == 2021)
        #expect(try Self.fact("1.2万人", in: built).yearFrom == 2020)
    }

    /// 2018年、2019年、2020年…分别达到A、B、C: each figure its year; a list ends with its clause.
    @Test func figuresListedAfterSeveralYearsTakeThemInTurn() throws {
        let built = Self.built(
            [
                "2018年、2019年、2020年，全县学前三年毛入园率分别达到87%、89%、91%。",
                "2011年至2013年，全市教育基建投入分别为33亿元、43亿元和49亿元，2013年比2011年增加了48%。",
            ], title: "市教育情况汇报")
        #expect(try Self.fact("87%", in: built).yearFrom == 2018)
        #expect(try Self.fact("89%", in: built).yearFrom == 2019)
        #expect(try Self.fact("91%", in: built).yearFrom == 2020)
        #expect(try Self.fact("43亿元", in: built).yearFrom == 2012)
        #expect(try Self.fact("49亿元", in: built).yearTo == 2013)
    }

    /// 从2012年至今: a span up to now, like 2012年以来: to the report's year, or none.
    @Test func aSpanUpToNowRunsToTheReportsYear() throws {
        let body = ["从2012年至今，全县累计投入改薄资金2.1亿元。"]
        #expect(try Self.fact("2.1亿元", in: Self.built(body, title: "县教育工作汇报")).yearFrom == nil)
        let dated = try Self.fact("2.1亿元", in: Self.built(body, title: "县教育局2015年工作总结"))
        #expect(dated.yearFrom == 2012 && dated.yearTo == 2015)
    }
}
