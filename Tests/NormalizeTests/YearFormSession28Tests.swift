import EduwhCore
import Normalize
import Testing

// Year kinds the census of session 28 (years28) found missed or misresolved on seeds, fa–fx and ga–gd: a quarter
// of the year (gd08 第一季度落实情况, fn14), the year after (gd06 下一年度, fp30 下年度), 客岁 for 去年 in spun
// texts (gc27, gd81), blanked months without a year (gb43 x月x日, gd62 *月, gd67 x月份), a run of years tied to
// its sentence's year (ga23 2023年…連續兩年) and 一年来 in a text whose dominant year is its only one (fh19, fi12,
// fx10). The sentences are made up for each kind, not copied from a page.

private func mentions28(_ text: String, reference: Int? = 2021) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

@Suite("Quarters, the year after, 客岁, blanked months, runs of years and the dominant year's 一年来 (session 28)")
struct YearFormSession28Tests {
    @Test(
        "A quarter, the year after and 客岁 are relative rows resolved against the reference year",
        arguments: [
            ("第一季度，我局主要抓了以下几项工作", "第一季度", 2021, 2021),
            ("全区第三季度开工建设幼儿园两所", "第三季度", 2021, 2021),
            ("为下一年度工作打下坚实基础", "下一年度", 2022, 2022),
            ("新一份预算案披露下年度教育总开支", "下年度", 2022, 2022),
            ("客岁全市新建中小学幼儿园100所", "客岁", 2020, 2020),
        ])
    func relativeWords(_ text: String, _ surface: String, _ from: Int, _ to: Int) {
        let y = mentions28(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(
            y.first?.surface == surface && y.first?.kind == .relative && y.first?.from == from && y.first?.to == to,
            "\(text) → \(describeYears(y))")
    }

    @Test("A quarter after a year is part of that year's one row")
    func quarterAfterYear() {
        let y = mentions28("2017年第四季度全面竣工")
        #expect(y.count == 1 && y.first?.kind == .year && y.first?.from == 2017, "\(describeYears(y))")
    }

    @Test(
        "A blanked month (and day) without a year is one placeholder row, months written together one",
        arguments: [
            ("x月x日，该县召开了教育扶贫工作推进会", "x月x日"),
            ("全区实施项目xx个，x月份全部开工", "x月份"),
            ("分别于x月、x月和x月开展三次督查", "x月、x月和x月"),
            ("持有居住证的随迁子女于*月完成报名", "*月"),
        ])
    func blankedMonths(_ text: String, _ surface: String) {
        let y = mentions28(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .placeholder, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == nil && y.first?.to == nil, "\(text) → \(describeYears(y))")
    }

    @Test(
        "A blanked month after a year word belongs to that word's row, and digits with x are no month",
        arguments: ["今年x月，教育系统开展红色微党课活动", "自去年x月6日电视电话会议召开后", "建成1x月开放的图书馆"])
    func notBlankedMonths(_ text: String) {
        let y = mentions28(text)
        #expect(!y.contains { $0.rule == "y-placeholder-month" }, "\(text) → \(describeYears(y))")
    }

    @Test("A run of years after its sentence's own year ends in that year, not in the reference year")
    func runTiedToSentenceYear() {
        let y = mentions28("会议介绍，2023年全市新改扩建公办幼儿园35所，连续两年超额完成任务", reference: 2025)
        let run = y.first { $0.surface == "连续两年" }
        #expect(run?.from == 2022 && run?.to == 2023, "\(describeYears(y))")
        #expect(run?.rule.hasSuffix("@sentence") == true, "\(describeYears(y))")
    }

    @Test("A since-year before a run of years does not end it: the run counts from the reference year")
    func runAfterSinceYear() {
        let frame = DocumentTimeFrame(referenceYear: 2016, referenceSource: .dateLine)
        let y = Normalizer.standard.years(
            in: "2012年以来，在考生减少的情况下，全市本二达线人数连续四年增长", frame: frame, lineNumber: nil)
        let run = y.first { $0.surface == "连续四年" }
        #expect(run?.from == 2012 && run?.to == 2015, "\(describeYears(y))")
    }

    @Test("一年来 in a text whose dominant year is its only one is that year, not the year before")
    func dominantYearReviewed() {
        let doc = document([
            "县教育督导室工作总结",
            "一年来，我们坚持依法督导，全县2017年新建校舍12所，改造操场5个，圆满完成了各项督导任务。",
            "全县2017年投入教育经费3000万元，学校办学条件得到明显改善，教育质量稳步提升。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2017 && frame.referenceRule == "ref-dominant-year")
        let reviewed = resolvedYears(doc, line: 2).first { $0.kind == .relative }
        #expect(reviewed?.from == 2017 && reviewed?.to == 2017, "\(describeYears(resolvedYears(doc, line: 2)))")
    }
}
