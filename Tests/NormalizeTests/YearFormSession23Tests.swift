import EduwhCore
import Normalize
import Testing

// Year forms the census of session 23 (grammar23) found missed on seeds + fa–fv + fx: a month written in
// Chinese without a day (三月, 十月起), a year in Chinese digits without 年 (二〇三五远景目标), a season of the
// year the text speaks in (今秋), the school year it speaks in (新学年, 今学年度) and N years counted back
// (N年间). The sentences are made up for each kind, not copied from a page.

private func mentions(_ text: String, reference: Int? = 2020) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

@Suite("Chinese months alone, bare Chinese-digit years, seasons and school years of the own year (session 23)")
struct YearFormSession23Tests {
    @Test(
        "A month written in Chinese without a day is a date of the reference year, like 3月",
        arguments: [
            ("三月,组织教师开展读书活动", "三月"),
            ("补助款项将于十月起发放到户", "十月"),
            ("二月,召开了开学工作会议", "二月"),
            ("学生须于六月至八月期间参加培训", "六月"),
        ])
    func chineseMonthAlone(_ text: String, _ prefix: String) {
        let y = mentions(text)
        #expect(y.first?.surface.hasPrefix(prefix) == true && y.first?.kind == .date, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == 2020, "\(text) → \(describeYears(y))")
    }

    @Test(
        "A season's poetic month, a count of months and a once-a-month rate are no dates",
        arguments: [
            "金秋九月,硕果飘香", "阳春三月,我们迎来了督导检查", "用三个月时间完成整改", "每月召开一次例会",
            "前两月开工建设校舍12栋", "实行一月一汇总、一月一通报",
        ])
    func notChineseMonths(_ text: String) {
        let y = mentions(text)
        #expect(!y.contains { $0.kind == .date }, "\(text) → \(describeYears(y))")
    }

    @Test(
        "Four Chinese digits without 年 before a word or a closing mark are a year that dates nothing",
        arguments: [
            ("落实省教育现代化二〇三五规划纲要", "二〇三五", 2035),
            ("学习《教育强国建设二〇三五》", "二〇三五", 2035),
            ("一九九八落成的教学楼", "一九九八", 1998),
        ])
    func bareChineseYears(_ text: String, _ surface: String, _ year: Int) {
        let y = mentions(text)
        #expect(y.count == 1 && y.first?.surface == surface && y.first?.from == year, "\(text) → \(describeYears(y))")
        #expect(y.first.map { Normalizer.undatingYearRules.contains($0.rule) } == true, "\(describeYears(y))")
    }

    @Test(
        "Chinese digits opening a span, a school year or a list stay with the forms that read those",
        arguments: [
            ("二〇二二/二〇二三学年", "二〇二二/二〇二三学年"),
            ("二〇一九至二〇二一年", "二〇一九至二〇二一年"),
        ])
    func chineseDigitSpans(_ text: String, _ surface: String) {
        let y = mentions(text)
        #expect(y.first?.surface == surface && y.first?.kind == .range, "\(text) → \(describeYears(y))")
    }

    @Test(
        "A season or a school year of the year the text speaks in resolves to the reference year",
        arguments: [
            ("全区新建的四所小学今秋启用", "今秋"),
            ("今春开学前完成校舍维修", "今春"),
            ("新学年起,各校课后服务全面铺开", "新学年"),
            ("今学年度共招收新生210人", "今学年度"),
            ("本学年度开设社团课程12门", "本学年度"),
        ])
    func ownSeasonsAndSchoolYears(_ text: String, _ surface: String) {
        let y = mentions(text)
        #expect(y.first?.surface == surface && y.first?.kind == .relative, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == 2020 && y.first?.to == 2020, "\(text) → \(describeYears(y))")
        let open = mentions(text, reference: nil)
        #expect(open.first?.surface == surface && open.first?.from == nil, "no reference: \(describeYears(open))")
    }

    @Test("N years counted back (N年间) are a relative row, not a duration quantity")
    func yearsBack() {
        let text = "5年间全县新增学位3200个"
        let y = mentions(text)
        #expect(y.first?.surface == "5年间" && y.first?.kind == .relative, "\(describeYears(y))")
        let q = Normalizer.standard.quantities(in: text).map(\.surface)
        #expect(!q.contains("5年") && q.contains("3200个"), "\(q)")
    }
}
