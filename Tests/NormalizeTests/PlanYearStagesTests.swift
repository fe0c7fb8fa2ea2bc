import EduwhCore
import Normalize
import Testing

/// Session 25 (issue 24): a text that writes no year but names its present as a stage of a plan period
/// (今年是“十二五”收官之年, fm26's Zhengzhou news re-post) speaks in that plan's last or first year
/// (`ref-plan-year`): its 今年 resolves to it. A plan period named otherwise (“十二五”期间, 十三五规划) states
/// nothing. Documents are our own.
@Suite("Plan stage names the present year (session 25)")
struct PlanStageYearTests {
    @Test(
        "今年是 a plan's closing or opening year: the plan's last or first year is the reference year",
        arguments: [
            ("今年是“十二五”收官之年，全市新建、改扩建学校52所。", 2015),
            ("今年是「十三五」規劃的最後一年，全縣新增學位3000個。", 2020),
            ("今年是“十四五”开局之年，全县计划投入教育资金1.2亿元。", 2021),
        ])
    func planStage(_ text: String, year: Int) {
        let doc = document(["市教育局新闻", text])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == year && frame.referenceRule == "ref-plan-year")
        let present = resolvedYears(doc, line: 2).first { $0.kind == .relative }
        #expect(present?.from == year, "\(describeYears(resolvedYears(doc, line: 2)))")
    }

    @Test(
        "A plan period not said to be the present's stage states no year",
        arguments: [
            "“十二五”期间，全市新建学校52所，今年又新建3所。",
            "今年全县认真落实“十三五”教育规划，新增学位3000个。",
            "去年是“十二五”收官之年，今年全市新建学校12所。",
        ])
    func noPlanStage(_ text: String) {
        let frame = Normalizer.standard.timeFrame(of: document(["市教育局新闻", text]))
        #expect(frame.referenceYear == nil && frame.referenceRule == nil)
    }
}
