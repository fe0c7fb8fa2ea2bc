import EduwhCore
import Facts
import Testing

/// Issue 22/24 in Facts: a report's figures are dated by the year the text states as its own (its title,
/// a year heading, its own words), never by a year it only mentions. A since-year (2008年以来) that is the
/// text's only year runs to the stated year, or dates nothing. Documents are our own.
@Suite struct StatedYearFactTests {
    static let since = [
        "2008年以来，全县累计投入校舍改造资金1.2亿元，新建校舍3万平方米。",
        "今年全县又新建学校2所。",
    ]

    static func build(title: String, body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: [title], body: body))
    }

    @Test func aSinceYearThatIsTheOnlyYearDatesNoFigure() throws {
        let built = Self.build(title: "学校工作简报", body: Self.since)
        let total = try TrustTests.fact("1.2亿元", in: built)
        #expect(total.yearFrom == nil && total.yearTo == nil, "not 2008: the text never says its own year")
        let schools = try TrustTests.fact("2所", in: built)
        #expect(schools.yearFrom == nil && schools.yearSource == .none)
    }

    @Test func aSinceYearRunsToTheStatedYear() throws {
        let built = Self.build(title: "在2015年全县教育工作会议上的讲话", body: Self.since)
        let total = try TrustTests.fact("1.2亿元", in: built)
        #expect(total.yearFrom == 2008 && total.yearTo == 2015)
        let schools = try TrustTests.fact("2所", in: built)
        #expect(schools.yearFrom == 2015 && schools.yearTo == 2015)
    }

    @Test func aComparisonsLaterYearDoesNotDateTheReport() throws {
        let built = Self.build(
            title: "学校工作简报",
            body: ["学校现有教学班24个，在校学生1100人。", "新建的实验楼于2018年9月投入使用，比原计划提前一年。"])
        let classes = try TrustTests.fact("24个", in: built)
        #expect(classes.yearFrom == nil, "2018 is only mentioned: a completion date, not the report's year")
    }

    @Test func theOwnWordsYearDatesTheFiguresAndNamesItsRule() throws {
        let built = Self.build(
            title: "学校工作简报",
            body: ["2016年是学校发展的关键一年。", "全校现有教学班24个。", "今年学校还将新建教学楼一幢。"])
        let classes = try TrustTests.fact("24个", in: built)
        #expect(classes.yearFrom == 2016 && classes.yearSource == .document)
        #expect(classes.yearRule == "ref-own-words")
    }

    @Test func theSoleYearATextWorksInDatesItsFiguresAndNamesItsRule() throws {
        let built = Self.build(
            title: "县教育工作简报",
            body: ["据了解，2019年，全县新建幼儿园5所。", "全县现有教学班240个，今年还将新建学校2所。"])
        let classes = try TrustTests.fact("240个", in: built)
        #expect(classes.yearFrom == 2019 && classes.yearTo == 2019 && classes.yearSource == .document)
        #expect(classes.yearRule == "ref-sole-year")
    }

    @Test func aSoleYearWithNoWordOfThePresentDatesNothingOutsideItsSentence() throws {
        let built = Self.build(
            title: "县教育工作简报", body: ["据了解，2019年，全县新建幼儿园5所。", "全县现有教学班240个。"])
        let classes = try TrustTests.fact("240个", in: built)
        #expect(classes.yearFrom == nil, "the text never speaks of its present: 2019 is only mentioned")
    }
}
