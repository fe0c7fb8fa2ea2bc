import EduwhCore
import Normalize
import Testing

/// Issue 22/24: only a year the text states as its own (title, year heading, reviewed period, its own
/// words) resolves 今年, 全年, 去年 and a date without a year; a year it only mentions (a comparison's
/// base, a history, a horizon, a since-year) does not, and then they stay empty (`@no-ref`).
/// Documents are our own.
@Suite("Stated year of a report (session 22)")
struct StatedYearTests {
    /// The rule of the mention `surface` in line `line`.
    func mention(_ surface: String, in doc: CleanDocument, line: Int) -> YearMention? {
        resolvedYears(doc, line: line).first { $0.surface == surface }
    }

    @Test("The title's year beats a later completion date the body mentions (ref-title)")
    func titleYear() {
        let doc = document([
            "在2015年全县教育工作会议上的讲话",
            "今年，全县新建学校3所，比2012年增加1所，2017年9月全部竣工。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2015 && frame.referenceRule == "ref-title")
        let thisYear = mention("今年", in: doc, line: 2)
        #expect(thisYear?.from == 2015 && thisYear?.rule == "ry-jinnian@ref-title")
    }

    @Test(
        "The text's own words state its year (ref-own-words)",
        arguments: [
            ("2016年是“十三五”开局之年，全县新建幼儿园5所。今年还将改造校舍2万平方米。", 2016),
            ("在过去的2014年里，我校教师获奖30人次。今年学校投入经费80万元。", 2014),
            ("县教育局召开2019年全县教育工作会议，会议指出，今年要新建学校2所。", 2019),
            ("2013年即将过去，回顾一年来的工作，今年我们新建教学楼一幢。", 2013),
        ])
    func ownWords(_ text: String, _ year: Int) {
        let doc = document(["学校工作简报", text])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == year && frame.referenceRule == "ref-own-words")
        #expect(mention("今年", in: doc, line: 2)?.from == year)
    }

    @Test(
        "A year only mentioned states nothing: 今年 and a date without a year stay empty (no-ref)",
        arguments: [
            "2008年以来，全县累计投入资金3亿元，今年又新建学校2所，5月20日全部开学。",
            "全县在校生12000人，比2010年增加800人，今年新增教师50名，5月20日全部到岗。",
            "学校始建于1958年，现有教师60人，今年招收新生300人，5月20日举行开学典礼。",
        ])
    func mentionedOnly(_ text: String) {
        let doc = document(["学校工作简报", text])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == nil && frame.referenceRule == nil)
        let thisYear = mention("今年", in: doc, line: 2)
        #expect(thisYear != nil && thisYear?.from == nil && thisYear?.rule == "ry-jinnian@no-ref")
        #expect(mention("5月20日", in: doc, line: 2)?.from == nil)
    }

    @Test("A year lead-in states its year; a comparison's later base does not outvote it (ref-heading)")
    func leadIn() {
        let doc = document([
            "县教育工作情况",
            "2016年全县教育经费投入情况是：",
            "全年投入经费2.3亿元，比2011年增长40%，今年新建学校3所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2016 && frame.referenceRule == "ref-heading")
        #expect(mention("今年", in: doc, line: 3)?.from == 2016)
    }

    @Test("A year counted from its sentence names that basis, not the reference year")
    func sentenceBasis() {
        let doc = document(["学校工作简报", "2012年全县投入经费3亿元，比上年增长12%。"])
        let lastYear = mention("上年", in: doc, line: 2)
        #expect(lastYear?.from == 2011 && lastYear?.rule.hasSuffix("@sentence") == true)
    }
}
