import EduwhCore
import Facts
import Testing

/// Issue 24 in Facts: the report's own year reaches the figures it gives no nearer year. A year the text
/// states as its own (2016年是…) dates them as a date line does; a report whose first sentence dates the event
/// it gives account of (督导组于…对…进行督查, …现将有关情况通报如下) reports that event's year
/// (`period-event-date`); a founding date, a deadline or a history told before the first sentence's event
/// does not. Documents are our own.
@Suite struct EventDateYearTests {
    static func build(title: String, body: [String]) -> DocumentFacts {
        FactBuilder.standard.build(TrustTests.document(title: [title], body: body))
    }

    static let figures = ["全县现有幼儿园42所，在园幼儿5300人。", "专任教师中本科学历占61.5%。"]

    @Test(arguments: [
        "县督导组于2019年5月8日至10日对全县幼儿园进行了专项督导检查。",
        "我校于2021年11月6日至7日进行了期中测试，下面对本次测试情况做一下汇报：",
        "市教育局对2018年3月底校舍改造工作进展情况进行了汇总。现将有关情况通报如下：",
        "2020年9月15日，县政府召开全县学前教育工作推进会。",
    ])
    func theFirstSentencesEventDateDatesTheFigures(opening: String) throws {
        let built = Self.build(title: "幼儿园专项督导情况汇报", body: [opening] + Self.figures)
        let year =
            opening.contains("2019") ? 2019 : opening.contains("2021") ? 2021 : opening.contains("2018") ? 2018 : 2020
        for surface in ["42所", "61.5%"] {
            let fact = try TrustTests.fact(surface, in: built)
            #expect(fact.yearFrom == year && fact.yearTo == year, "\(surface) in \(opening)")
            #expect(fact.yearSource == .document)
            #expect(fact.yearRule == "period-event-date" || fact.yearRule.hasPrefix("ref-"), "rule: \(fact.yearRule)")
        }
    }

    @Test(arguments: [
        "我园始建于1985年9月，是一所全日制幼儿园。",  // a founding date
        "到2025年9月，全县将完成幼儿园改造工作。",  // a deadline
        "学校历史悠久。1998年3月学校进行了第一次扩建。",  // a history after the first sentence
        "新建的教学楼于2018年9月投入使用。",  // no event the report gives account of
    ])
    func aDateThatIsNoReportedEventDatesNothing(opening: String) throws {
        let built = Self.build(title: "幼儿园基本情况汇报", body: [opening] + Self.figures)
        let fact = try TrustTests.fact("42所", in: built)
        #expect(fact.yearFrom == nil, "\(opening): the text never says the year of its figures")
    }

    @Test func theOwnWordsYearReachesFiguresWithoutRelativeYears() throws {
        let built = Self.build(
            title: "学校工作简报", body: ["2016年是学校发展的关键一年。", "全校现有教学班24个，在校学生1100人。"])
        let classes = try TrustTests.fact("24个", in: built)
        #expect(classes.yearFrom == 2016 && classes.yearTo == 2016 && classes.yearSource == .document)
        #expect(classes.yearRule == "ref-own-words")
    }
}
