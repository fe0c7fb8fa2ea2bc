import EduwhCore
import Normalize
import Testing

// Kinds of year mentions the dev slices (seeds, fa–fn) showed missing on many sites (session 16,
// year9): years written without 年 and glued to a word, and relative school years and spans. The
// sentences are made up for each kind, not copied from a field page.

private func mentions(_ text: String, reference: Int? = 2020) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

@Suite("Years glued to a word, school years and spans (session 16)")
struct SchoolYearAndGluedYearTests {
    @Test(
        "A year without 年 glued to a word is a year mention that dates nothing",
        arguments: [
            ("2021局长在全市教育大会上的讲话", "2021"),
            ("2019 中学后勤工作总结", "2019"),
            ("二、2023 重点工作安排", "2023"),
            ("2022年工作回顾及2023工作打算", "2023"),
            ("深入实施《体育强国建设纲要2035》", "2035"),
            ("全市2016以来累计新建幼儿园40所", "2016"),
        ])
    func gluedYears(_ text: String, _ surface: String) {
        let y = mentions(text).filter { $0.surface == surface }
        #expect(y.count == 1, "\(text) → \(describeYears(mentions(text)))")
        #expect(y.first?.kind == .year && y.first?.from == Int(surface), "\(text) → \(describeYears(y))")
        #expect(y.first.map { Normalizer.undatingYearRules.contains($0.rule) } == true, "\(text) → \(describeYears(y))")
    }

    @Test(
        "Four digits before a unit, a qualifier, a cohort word or a number are no glued year",
        arguments: ["2000余人参加培训", "2019级新生报到", "2010多名教师", "2015名学生", "1998、2000、2002"])
    func notGluedYears(_ text: String) {
        let y = mentions(text)
        #expect(!y.contains { $0.rule == "y-bare-glued" }, "\(text) → \(describeYears(y))")
    }

    @Test(
        "The school year just ended spans the year before the reference year and the reference year",
        arguments: ["认真总结上学年的工作", "较上一学年提高3个百分点", "表彰上一学年度先进集体", "过去的一学年,全校师生共同努力"])
    func lastSchoolYear(_ text: String) {
        let y = mentions(text)
        #expect(y.count == 1 && y.first?.kind == .relative, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == 2019 && y.first?.to == 2020, "\(text) → \(describeYears(y))")
    }

    @Test("A school-year range keeps its 学年度 across a space (PDF text)")
    func spacedSchoolYearRange() {
        let y = mentions("2018-2019 学年度,我校共开设社团12个")
        #expect(y.count == 1 && y.first?.surface == "2018-2019 学年度", "\(describeYears(y))")
        #expect(y.first?.kind == .range && y.first?.from == 2018 && y.first?.to == 2019, "\(describeYears(y))")
        let students = mentions("2018年-2019 学生人数")
        #expect(students.first?.surface == "2018年-2019", "\(describeYears(students))")
    }

    // Session 23: N年间 is a relative row (corpus README: 这五年间 relative only, no quantity; the gold now
    // 4 relative rows to 2 durations on seeds + fa–fv + fx), no longer a duration.
    @Test("当年 is the year being spoken of; N年间 is a relative period, not a duration")
    func sameYear() {
        let same = mentions("新开工项目3个,当年计划投资800万元")
        #expect(same.first?.surface == "当年" && same.first?.from == 2020, "\(describeYears(same))")
        #expect(!mentions("他相当年轻").contains { $0.surface == "当年" })
        #expect(mentions("5年间新增学位1.2万个").first?.kind == .relative)
    }
}
