import EduwhCore
import Normalize
import Testing

// Year forms the dev slices (fa–fu) showed missed in session 21 (gram14): a school year's range with
// its half or term (2012——2013下学年), a plan's bracketed span whose dash was lost ((20232025)), and a
// plan period in corner quotes (『十五』). The sentences are made up for each kind, not copied from a page.

private func mentions(_ text: String, reference: Int? = 2020) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

@Suite("School-year ranges with a term, squashed plan spans, corner-quoted plan periods (session 21)")
struct YearFormSession21Tests {
    @Test(
        "A range of two years before 上学年, 下学年, 学期 or 上学期 is one school-year range",
        arguments: [
            ("2015——2016下学年全校在籍学生312人", "2015——2016下学年", 2015, 2016),
            ("2018-2019上学年共开展教研活动16次", "2018-2019上学年", 2018, 2019),
            ("2021-2022学期末进行了质量检测", "2021-2022学期", 2021, 2022),
            ("现将2022—2023上学期工作总结如下", "2022—2023上学期", 2022, 2023),
            ("2019至2020下学期,我校组织教师外出学习", "2019至2020下学期", 2019, 2020),
        ])
    func schoolTermRanges(_ text: String, _ surface: String, _ from: Int, _ to: Int) {
        let y = mentions(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .range, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == from && y.first?.to == to, "\(text) → \(describeYears(y))")
    }

    @Test("Two years without 年 and a half word that is no school word stay no range")
    func halfWithoutSchoolWord() {
        let y = mentions("2015-2016上级拨付资金")
        #expect(!y.contains { $0.kind == .range }, "\(describeYears(y))")
    }

    @Test(
        "Eight digits in brackets after a plan's name are the plan's span when the years are in order",
        arguments: [
            ("印发《全县学前教育发展三年行动计划(20222024)》", 2022, 2024),
            ("制定了《教育事业发展规划(20162020)》", 2016, 2020),
            ("编制《中长期教育改革和发展纲要（20102020）》", 2010, 2020),
        ])
    func squashedSpans(_ text: String, _ from: Int, _ to: Int) {
        let y = mentions(text)
        #expect(y.count == 1 && y.first?.kind == .range, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == from && y.first?.to == to && y.first?.rule == "y-squashed-span", "\(describeYears(y))")
    }

    @Test(
        "Eight digits in brackets without a plan's name, or out of order, are no span",
        arguments: ["联系电话(20222024)", "行动计划(20242022)", "发展规划(20102050)", "工作方案(12345678)"])
    func notSquashedSpans(_ text: String) {
        let y = mentions(text)
        #expect(!y.contains { $0.rule == "y-squashed-span" }, "\(text) → \(describeYears(y))")
    }

    @Test(
        "A plan period in corner quotes of either script is the plan's five years",
        arguments: [
            ("『十五』期間,全縣新建校舍", 2001, 2005),
            ("「十二五」時期教育經費持續增長", 2011, 2015),
        ])
    func cornerQuotedPlanPeriods(_ text: String, _ from: Int, _ to: Int) {
        let y = mentions(text).filter { $0.kind == .planPeriod }
        #expect(
            y.count == 1 && y.first?.from == from && y.first?.to == to, "\(text) → \(describeYears(mentions(text)))")
    }

    @Test(
        "全年 before its figure or 按 is the length of a rate, not a year mention",
        arguments: ["每生每天补助5元,全年1000元", "每天4元、全年 800元", "全年按250天计算", "全年按照学生在校时间200天计"])
    func annualRates(_ text: String) {
        let y = mentions(text)
        #expect(!y.contains { $0.surface.hasPrefix("全年") }, "\(text) → \(describeYears(y))")
    }

    @Test("全年 that opens what a year did stays a relative year of the section")
    func wholeYearStays() {
        for text in ["全年按照每生每年500元的标准拨付资金", "全年按计划完成"] {
            #expect(mentions(text).contains { $0.surface == "全年" }, "\(text) → \(describeYears(mentions(text)))")
        }
        let y = mentions("全年培训教师5000余人次").filter { $0.surface == "全年" }
        #expect(y.count == 1 && y.first?.kind == .relative, "\(describeYears(mentions("全年培训教师5000余人次")))")
    }
}
