import EduwhCore
import Normalize
import Testing

/// Issue 24: a text that names one year only, as the topic opening a sentence or clause (据了解，2019年，全县…),
/// and speaks of its present year (今年, 年内, 本年度) works in that year (`ref-sole-year`). A second year, a
/// since-clause, a base or a text with no word of its present leave the reference year empty. Documents are our own.
@Suite("Sole year a text works in (session 24)")
struct SoleYearTests {
    @Test(
        "The only year, opening its sentence or clause, is the reference year of a text that says 今年 or 年内",
        arguments: [
            "据了解，2019年，全县新建幼儿园5所，今年还将改造校舍2万平方米。",
            "2019年全县投入资金3000万元，年内完成校舍改造12所。",
        ])
    func soleYear(_ text: String) {
        let doc = document(["县教育工作简报", text])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2019 && frame.referenceRule == "ref-sole-year")
        let present = resolvedYears(doc, line: 2).first { $0.kind == .relative }
        #expect(
            present?.from == 2019 && present?.rule.hasSuffix("@ref-sole-year") == true,
            "\(describeYears(resolvedYears(doc, line: 2)))")
    }

    @Test(
        "No sole year: a text with no word of its present, a second year, a since-clause, a base, a year's 的",
        arguments: [
            "据了解，2019年，全县新建幼儿园5所，改造校舍2万平方米。",
            "2019年，全县新建幼儿园5所，比2018年增加2所，今年还将改造校舍2万平方米。",
            "2008年我县启动实施校舍安全工程以来，累计改造校舍12所，今年又新建学校2所。",
            "全县在校生比2010年增加800人，今年新增教师50名。",
            "据悉，2013年的助学基金共资助学生450名，今年将继续推行。",
        ])
    func noSoleYear(_ text: String) {
        let doc = document(["县教育工作简报", text])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == nil && frame.referenceRule == nil)
    }
}
