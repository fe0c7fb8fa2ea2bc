import EduwhCore
import Normalize
import Testing

// Kinds of year mentions read wrong across the field slices in session 11 (years6). The sentences
// are made up for each kind, not copied from a field page; the expected values are what each
// sentence says.

private func mentions(_ text: String, reference: Int? = 2018) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

@Suite("Session 11 kinds: years")
struct YearKindSession11Tests {
    @Test(
        "A year before a season or a school holiday, written without 年, is a year (a placeholder when blanked)",
        arguments: [
            ("2019秋季学期共招收新生320人", "2019秋季", YearKind.year, 2019 as Int?),
            ("2021春开学前完成校舍排查", "2021春", .year, 2021),
            ("2016暑期组织教师培训三期", "2016暑期", .year, 2016),
            ("2015寒假期间开展家访活动", "2015寒假", .year, 2015),
            ("20xx秋共资助学生85人", "20xx秋", .placeholder, nil),
            ("XX暑假,学校完成了操场改造", "XX暑假", .placeholder, nil),
        ])
    func seasons(_ text: String, _ surface: String, _ kind: YearKind, _ year: Int?) {
        let y = mentions(text)
        #expect(y.first?.surface == surface && y.first?.kind == kind, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == year && y.first?.to == year, "\(text) → \(describeYears(y))")
    }

    @Test("A count before 春 or 秋 that is no year stays a count")
    func seasonNeedsAYear() {
        // 350 has no four digits; 1900 is outside the years a report names as a term.
        #expect(mentions("新栽树苗350春季成活").isEmpty)
        #expect(mentions("引进1900春小麦种子").isEmpty)
    }

    @Test("A school year with a space before 学年 (PDF text) is one year mention")
    func spacedSchoolYear() {
        let y = mentions("在 2016 学年度,全县新增教师40名")
        #expect(y.map(\.surface) == ["2016 学年度"], "\(describeYears(y))")
        #expect(y.first?.from == 2016 && y.first?.kind == .year)
        // …and its number is no duration of 2016 school years.
        #expect(!Normalizer.standard.quantities(in: "在 2016 学年度,全县新增教师40名").contains { $0.value == 2016 })
    }

    @Test(
        "Two bare years in brackets after a plan's name, or inside a document's 《name》, are the plan's span",
        arguments: [
            ("制定了《学前教育三年行动计划(2021-2023)》", "2021-2023", 2021, 2023),
            ("按照教育事业发展规划（2016—2020）的要求", "2016—2020", 2016, 2020),
            ("印发《全市中小学布局调整(2019~2025)》", "2019~2025", 2019, 2025),
        ])
    func bracketedPlanSpans(_ text: String, _ surface: String, _ from: Int, _ to: Int) {
        let y = mentions(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .range, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == from && y.first?.to == to, "\(text) → \(describeYears(y))")
    }

    @Test("Bracketed numbers that name no plan, or are no years, are no span")
    func bracketedNonSpans() {
        // A bracketed pair after a plain noun is no plan period (an index range, a phone extension…).
        #expect(mentions("学校代码(2001-2010)登记完毕").isEmpty)
        // Not consecutive years going forward.
        #expect(mentions("《实施方案(2020-2010)》").allSatisfy { $0.kind != .range })
    }

    @Test("A plan's bracketed span does not set the report's reference year")
    func bracketedSpanIsNoReference() {
        let doc = document([
            "教育工作汇报",
            "2019年全区新建学校3所,2019年秋季投入使用,并印发了《全区中小学布局调整(2020-2022)》。今年还将新建幼儿园2所。",
        ])
        #expect(Normalizer.standard.timeFrame(of: doc).referenceYear == 2019)
    }

    @Test("A title's year set off by a dash (回顾2020—…) is a year; a dash before digits is no such year")
    func yearBeforeDash() {
        let y = mentions("回顾2020—农村学校办学条件改善纪实")
        #expect(y.map(\.surface) == ["2020"], "\(describeYears(y))")
        #expect(y.first?.from == 2020)
        #expect(!mentions("编号2020—3号文件").contains { $0.surface == "2020" && $0.kind == .year })
    }

    @Test(
        "A year the site blanked out: a sentence opening with 年是, a month after a preposition and a lone 年",
        arguments: [
            ("继续推进规划实施。年是实施规划的攻坚之年", "年"),
            ("本人自年9月起分管全县教育工作", "年9月"),
            ("学校于年3月通过验收", "年3月"),
        ])
    func blankedYears(_ text: String, _ surface: String) {
        let y = mentions(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .placeholder, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == nil, "\(text) → \(describeYears(y))")
    }

    @Test("A blanked year with spaces before its month (PDF text) is one placeholder mention")
    func spacedPlaceholderDate() {
        let y = mentions("我于 20xx 年 3 月调任教育局局长")
        #expect(y.map(\.surface) == ["20xx 年 3 月"], "\(describeYears(y))")
        #expect(y.first?.kind == .placeholder)
    }

    @Test("年是 inside a sentence, and a month after a full year, are no blanked years")
    func notBlankedYears() {
        #expect(!mentions("今年是学校建校六十周年").contains { $0.kind == .placeholder })
        #expect(mentions("自2015年9月起分管教育工作").map(\.surface) == ["2015年9月"])
    }

    @Test("一年里 is the reviewed year, like 一年来")
    func yearWithin() {
        let doc = document(["2016年学校工作总结", "一年里,全校教师共外出培训120人次。"])
        let years = resolvedYears(doc, line: 2)
        #expect(years.first?.surface == "一年里" && years.first?.from == 2016, "\(describeYears(years))")
    }

    @Test("A target cue with 于 or 在 before the year (计划于2021年, 力争在2020年) is a deadline, not the present")
    func targetCueWithPreposition() {
        let doc = document([
            "区教育局工作情况汇报",
            "2018年全区投入教育经费3.2亿元,2018年新建学校2所。新建的第二实验小学计划于2021年9月建成,力争在2022年完成全部改造。今年还将新建幼儿园2所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2018)
        #expect(resolvedYears(doc, line: 2).first { $0.surface == "今年" }?.from == 2018)
    }
}
