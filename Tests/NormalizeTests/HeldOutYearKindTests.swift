import EduwhCore
import Normalize
import Testing

// Kinds of year mentions that the held-out slices fh and fi showed reading wrong (session 10,
// numbers5). The sentences are made up for each kind, not copied from a field page; the expected
// values are what each sentence says.

private func mentions(_ text: String, reference: Int? = 2018) -> [YearMention] {
    Normalizer.standard.years(in: text, referenceYear: reference)
}

@Suite("Held-out kinds: years (fh, fi)")
struct FhFiYearKindTests {
    @Test(
        "A school or financial year written A/B with a short second year is one range, not the second year",
        arguments: [
            ("二〇一九/二〇年度的教育经费预算", "二〇一九/二〇年度", 2019, 2020),
            ("二零一五／一六学年起实施", "二零一五／一六学年", 2015, 2016),
            ("本会于09/10学年推出新计划", "09/10学年", 2009, 2010),
            ("學校於12-13學年度開設新班", "12-13學年度", 2012, 2013),
            ("九九/〇〇年度的拨款", "九九/〇〇年度", 1999, 2000),
            ("二零一一/二零一二學校年度的津贴", "二零一一/二零一二學校年度", 2011, 2012),
        ])
    func schoolYears(_ text: String, _ surface: String, _ from: Int, _ to: Int) {
        let y = mentions(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .range, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == from && y.first?.to == to, "\(text) → \(describeYears(y))")
    }

    @Test("Two two-digit numbers that are not consecutive, or close with a bare 年, are no school year")
    func notSchoolYears() {
        // 10-11年 may be an age or a duration; 09/12学年 is no single school year.
        #expect(!mentions("儿童10-11年龄段").contains { $0.kind == .range })
        #expect(!mentions("在09/12学年间").contains { $0.surface.hasPrefix("09/12") })
    }

    @Test(
        "A month and day after a blanked year belong to its one placeholder mention",
        arguments: [
            ("20xx年3月,我校组织教师外出学习", "20xx年3月"),
            ("于20XX年4月10日至4月15日开展督导", "20XX年4月10日至4月15日"),
            ("20xx年9月—12月,学校开展读书活动", "20xx年9月—12月"),
            ("____年5月8日到12日举办运动会", "____年5月8日到12日"),
        ])
    func placeholderDates(_ text: String, _ surface: String) {
        let y = mentions(text)
        #expect(y.count == 1, "\(text) → \(describeYears(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .placeholder, "\(text) → \(describeYears(y))")
        #expect(y.first?.from == nil && y.first?.to == nil, "\(text) → \(describeYears(y))")
    }
}
