import EduwhCore
import Normalize
import Testing

/// Session 19 kinds of the reference year and of date forms: a span of months is one date, a
/// text speaks in the first year of a span it names, and the start of a span since a year is no
/// vote for the present. Sentences are our own.
@Suite("Reference year and month spans (session 19)")
struct ReferenceYearSession19Tests {
    @Test(
        "A span of months of one year is one date (y-month-span)",
        arguments: [
            YearCase("全市1-4月新开工校舍12所", "1-4月", .date, 2020, 2020, reference: 2020),
            YearCase("1至9月份完成投资3亿元", "1至9月份", .date, 2020, 2020, reference: 2020),
            YearCase("全县1—10月发放资助金", "1—10月", .date, 2020, 2020, reference: 2020),
            YearCase("3 - 4月开展专项督导", "3 - 4月", .date, 2020, 2020, reference: 2020),
        ])
    func monthSpan(_ c: YearCase) {
        let found = Normalizer.standard.years(in: c.sentence, referenceYear: c.reference)
        let match = found.first { $0.surface == c.surface }
        #expect(match?.kind == c.kind && match?.from == c.from && match?.to == c.to, "\(found.map(\.surface))")
        #expect(match?.rule.hasPrefix("y-month-span@") == true, "the rule names its basis")
    }

    @Test("A later month first is no span: 9-4月 leaves 4月 alone")
    func noBackwardSpan() {
        let found = Normalizer.standard.years(in: "编号9-4月报", referenceYear: 2020)
        #expect(!found.contains { $0.surface.hasPrefix("9") })
    }

    @Test("A text speaks in the first year of the school year its meeting names (ref-own-words)")
    func rangeStart() {
        let doc = document([
            "全市幼儿园建设情况", "记者在2015至2016学年全市教育系统会议上获悉，今年全市新建幼儿园12所，7月底前全部投入使用。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2015)
        #expect(frame.referenceRule == "ref-own-words")
        let years = resolvedYears(doc, line: 2)
        #expect(years.first { $0.surface == "今年" }?.from == 2015)
    }

    @Test("A longer span still votes with its end: a decade reviewed is no school year")
    func longerSpanVotesEnd() {
        let doc = document([
            "教育发展成就", "2012年-2021年，国家对西部地区累计投入教育资金超过千亿元。2021年，西部地区新建学校一千余所。",
        ])
        #expect(Normalizer.standard.referenceYear(of: doc) == 2021)
    }

    @Test("A plain year later than the range's start wins when the text dwells on it (ref-dominant-year)")
    func plainYearAfterRange() {
        let once = document(["全市幼儿园建设情况", "2015至2016学年全市新建幼儿园12所。2017年全市又新建幼儿园8所，今年还将新建5所。"])
        #expect(Normalizer.standard.timeFrame(of: once).referenceYear == nil, "2017 named once is only mentioned")
        let twice = document([
            "全市幼儿园建设情况", "2015至2016学年全市新建幼儿园12所。2017年全市又新建幼儿园8所，2017年秋季全部开园，今年还将新建5所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: twice)
        #expect(frame.referenceYear == 2017)
        #expect(frame.referenceRule == "ref-dominant-year")
    }

    @Test("The start of a span since a year is no vote for the present (ref-since-start)")
    func sinceStart() {
        let since = document(["学校工作简报", "自2011年始，我校陆续新建教学楼两幢，今年又投入使用一幢，学校面貌焕然一新。"])
        #expect(Normalizer.standard.referenceYear(of: since) == nil)
        let from = document(["学校工作简报", "从1985年设立教师节到今天，我校已有近百名教师受到表彰，今年又有三人获奖。"])
        #expect(Normalizer.standard.referenceYear(of: from) == nil)
        let plain = document(["学校工作简报", "2011年，我校新建教学楼两幢，2011年秋季投入使用一幢，今年又新建一幢。"])
        #expect(Normalizer.standard.referenceYear(of: plain) == 2011)
        #expect(Normalizer.standard.timeFrame(of: plain).referenceRule == "ref-dominant-year")
    }

    @Test("A dated signature names its rule (ref-dateline)")
    func datelineRule() {
        let doc = document(["县教育局工作情况汇报", "今年全县新建学校3所。", "(2014年6月3日)"])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2014 && frame.referenceRule == "ref-dateline")
    }
}
