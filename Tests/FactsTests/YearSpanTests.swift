import EduwhCore
import Facts
import Testing

/// Years of figures the nearest mention does not give (issue 24, session 15): a start year with a
/// duration (从2014年开始，经过五年努力), a since-year running to the report's year, the year or span
/// a paragraph opens with, carried to the lines after it, a report heading Clean kept as body, and
/// a comparison's base year, which is not the report's. Sentences are our own.
@Suite struct YearSpanTests {
    static func build(title: [String], body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: title, body: body))
    }

    static func candidates(_ surface: String, title: [String], body: [String]) throws -> [YearCandidate] {
        let built = FactBuilder(recordsFeatures: true, yearChooser: nil)
            .build(TrustTests.document(title: title, body: body))
        return try TrustTests.fact(surface, in: built).yearCandidates
    }

    /// A start year and a duration in the figure's sentence give the figure their span; a year
    /// with no start word, or 起草 (drafted), gives only itself.
    @Test(arguments: [
        ("从2014年开始，经过五年努力，全县新建学校12所。", "12所", 2014, 2018),
        ("2019年起，用三年时间新建幼儿园8所。", "8所", 2019, 2021),
        ("自2020年开始，历时两年，改造校舍3.2万平方米。", "3.2万平方米", 2020, 2021),
        ("2018年，全县新建学校5所，用三年时间完成。", "5所", 2018, 2018),
        ("2014年起草的方案提出新建学校7所。", "7所", 2014, 2014),
    ])
    func aStartYearWithADurationIsASpan(sentence: String, surface: String, from: Int, to: Int) throws {
        let built = Self.build(title: ["县教育工作情况汇报"], body: [sentence])
        let figure = try TrustTests.fact(surface, in: built)
        #expect(figure.yearFrom == from && figure.yearTo == to, "\(sentence)")
    }

    /// A since-year is offered as the span to the report's year (a candidate, not the rules' year
    /// alone), marked as such.
    @Test func aSinceYearOffersTheSpanToTheReportsYear() throws {
        let found = try Self.candidates(
            "12所", title: ["某市教育局2023年工作总结"], body: ["2021年以来，全市新建幼儿园12所。"])
        let span = try #require(found.first { $0.kinds.contains("since") })
        #expect(span.from == 2021 && span.to == 2023 && span.features.contains("span:tolatest"))
    }

    /// The year or span a paragraph opens with is a candidate for the figures of the lines after
    /// it (its kind, 期间, how far back, a numbered heading between), and for the later sentences
    /// of its own line; a line opening with a new year replaces it.
    @Test func aParagraphsOpeningSpanIsCarriedToTheLinesAfterIt() throws {
        let body = ["“十二五”期间，全县教育事业发展迅速。", "一、办学条件", "全县新建幼儿园12所。"]
        let carried = try Self.candidates("12所", title: ["某县教育事业发展规划"], body: body)
        let topic = try #require(carried.first { $0.kinds.contains("topic") })
        #expect(topic.from == 2011 && topic.to == 2015)
        #expect(topic.features.contains("t:during") && topic.features.contains("t:head"))
        let same = try Self.candidates(
            "9所", title: ["某县教育工作汇报"], body: ["2016年以来，全县教育发展迅速。其中新建学校9所。", "2019年，全县投入1亿元。"])
        #expect(same.contains { $0.kinds.contains("topic") && $0.from == 2016 })
        let next = try Self.candidates(
            "3所", title: ["某县教育工作汇报"], body: ["2016年以来，全县教育发展迅速。", "2019年，全县投入1亿元。", "新建学校3所。"])
        #expect(next.contains { $0.kinds.contains("topic") && $0.from == 2019 && $0.to == 2019 })
    }

    /// A year named only as a comparison's base (比1950年增加) is not the year the report speaks
    /// from: the figures keep no year.
    @Test func aComparisonsBaseIsNotTheReportsYear() throws {
        let built = Self.build(
            title: ["某县教育事业发展概况"],
            body: ["我县现有小学教师3881人，比1950年增加了43.8%，中学教师357人，比1950年增加了15.2倍。"])
        for surface in ["3881人", "357人"] {
            #expect(try TrustTests.fact(surface, in: built).yearFrom == nil, "\(surface)")
        }
    }

    /// An opening line that reads as the report's heading (year first, short, ending in 报告/总结)
    /// dates the figures as a title does, though it is kept as body.
    @Test func aReportHeadingKeptAsBodyDatesTheFigures() throws {
        let heading = Self.build(title: [], body: ["2017年某某中学质量年度报告", "学校占地8万平方米，在校生1200人。"])
        let figure = try TrustTests.fact("1200人", in: heading)
        #expect(figure.yearFrom == 2017 && figure.yearTo == 2017)
    }
}
