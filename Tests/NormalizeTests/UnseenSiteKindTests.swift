import EduwhCore
import Normalize
import Testing

// Kinds of numbers that sites the rules were not written from showed reading wrong (session 16,
// issue 22). The sentences are made up for each kind, not copied from a field page; the expected
// values are what each sentence says.

private func describe(_ q: [QuantityMention]) -> String {
    q.map { "\($0.surface)=\(String(describing: $0.value)) \($0.unit) \($0.qualifier)" }.joined(separator: ", ")
}

private func quantities(_ text: String) -> [QuantityMention] { Normalizer.standard.quantities(in: text) }

@Suite("Unseen-site kinds: quantities")
struct UnseenSiteQuantityKindTests {
    @Test(
        "A line that is only a number is a table cell printed one to a line (no unit)",
        arguments: [("222,425", 222_425.0), ("  14.3 ", 14.3), ("7", 7), ("0.85", 0.85), ("12.5%", 12.5)])
    func loneNumberLine(_ line: String, _ value: Double) {
        let q = quantities(line)
        #expect(q.count == 1 && q.first?.value == value && q.first?.qualifier == .exact, "\(line) → \(describe(q))")
        #expect(q.first?.unit == (line.hasSuffix("%") ? "percent" : ""), "\(line) → \(describe(q))")
        #expect(q.first.map(Normalizer.isTableCell) == true)
    }

    @Test(
        "A lone year, a leading-zero list number or a badly grouped number is no table cell",
        arguments: ["2019", "01", "12,34", "3、"])
    func loneNonNumbers(_ line: String) {
        #expect(quantities(line).isEmpty, "\(line) → \(describe(quantities(line)))")
    }

    @Test(
        "A unit-less 万/亿 after a word of investing, spending or income is money",
        arguments: [
            ("全省今年投12.5亿改善薄弱学校", 1_250_000_000.0, Qualifier.exact),
            ("学校一年的取暖费支出近三百万。", 3_000_000, .approx),
            ("学费总收入约一百二十万", 1_200_000, .approx),
        ])
    func moneyWithoutYuan(_ text: String, _ value: Double, _ qualifier: Qualifier) {
        let q = quantities(text)
        #expect(q.count == 1, "\(text) → \(describe(q))")
        #expect(q.first?.value == value && q.first?.unit == "yuan" && q.first?.qualifier == qualifier, "\(describe(q))")
    }

    @Test(
        "人民币, 港元 and 澳门元 after a figure are money in yuan (the gold's one money unit)",
        arguments: [
            ("项目总投资15.6亿人民币", 1_560_000_000.0), ("政府预留九亿港元推行计划", 900_000_000),
            ("基金拨款3.2亿澳门元支持学校", 320_000_000), ("資助每校二十萬港幣", 200_000),
        ])
    func currencies(_ text: String, _ value: Double) {
        let q = quantities(text)
        #expect(q.count == 1 && q.first?.value == value && q.first?.unit == "yuan", "\(text) → \(describe(q))")
    }

    @Test("突破 before and 及以上/及以下 after a figure qualify it; one space may stand before 以上")
    func qualifiers() {
        let passed = quantities("全县在校生突破4200人")
        #expect(passed.first?.surface == "突破4200人" && passed.first?.qualifier == .over, "\(describe(passed))")
        let cap = quantities("初中班额控制在50人及以下")
        #expect(cap.first?.surface == "50人及以下" && cap.first?.qualifier == .under, "\(describe(cap))")
        let floor = quantities("每校配备3名及以上心理教师")
        #expect(floor.first?.value == 3 && floor.first?.qualifier == .over, "\(describe(floor))")
        let spaced = quantities("本科上线率达到 85% 以上。")
        #expect(spaced.first?.surface == "85% 以上" && spaced.first?.qualifier == .over, "\(describe(spaced))")
    }

    @Test(
        "A doc site's hidden-text count, a household size and a school stage's years before a rate are no figures",
        arguments: [
            ("……此处隐藏18342个字……", [String]()), ("三人家庭每月收入上限调升", []),
            ("学前教育三年毛入园率为92.5%", ["92.5%"]), ("初中三年巩固率达96%", ["96%"]),
        ])
    func notFigures(_ text: String, _ surfaces: [String]) {
        #expect(quantities(text).map(\.surface) == surfaces, "\(text) → \(describe(quantities(text)))")
    }

    @Test("An area unit right after 面积 with no number is a blanked figure; a header cell 面积㎡ is not")
    func areaBlanks() {
        let q = quantities("学校占地面积㎡,校舍建筑面积平方米。")
        #expect(q.map(\.surface) == ["㎡", "平方米"], "\(describe(q))")
        #expect(q.allSatisfy { $0.value == nil && $0.unit == "m2" && $0.qualifier == .placeholder }, "\(describe(q))")
        #expect(quantities("生均建筑面积㎡").isEmpty)
        #expect(quantities("每平方米造价3000元").map(\.surface) == ["3000元"])
    }

    @Test("一+measure word after the thing it counts, closing its clause, is an inventory count")
    func listedOnes() {
        let q = quantities("学校有田径场一个,篮球场一个。物理、化学实验室各一个、")
        #expect(q.map(\.surface) == ["一个", "一个", "一个"], "\(describe(q))")
        #expect(q.allSatisfy { $0.value == 1 && $0.unit == "个" }, "\(describe(q))")
        // Ideas, a topic (that item alone), a copula and a team stay uncounted.
        for text in ["一方面,教育发挥着作用", "光是伙食费一项,每年就要", "这是一个。", "探索建立一支专业执法队伍"] {
            #expect(quantities(text).isEmpty, "\(text) → \(describe(quantities(text)))")
        }
        let held = quantities("组织一次现场观摩会,拆除了一家违建作坊")
        #expect(held.map(\.surface) == ["一次", "一家"], "\(describe(held))")
    }

    @Test(
        "Schools, towns and townships counted with 校/镇/乡; N大类 is a count of kinds",
        arguments: [
            ("今年又有六校新开张", "六校", 6.0, "校"), ("全区现辖2乡3镇", "2乡", 2, "乡"),
            ("重点实施9大类60个项目", "9大类", 9, "类"), ("突出抓好5大工程", "5大", 5, ""),
        ])
    func countWords(_ text: String, _ surface: String, _ value: Double, _ unit: String) {
        let q = quantities(text).first
        #expect(
            q?.surface == surface && q?.value == value && q?.unit == unit, "\(text) → \(describe(quantities(text)))")
    }

    /// 校 counts schools (七校), but a year glued to 校长 or 校园 in a title is a year, not 2024 schools.
    @Test(arguments: ["2024校长年度工作总结", "2023校园安全工作总结"])
    func aYearGluedToASchoolWordIsNoCount(_ title: String) {
        #expect(quantities(title).isEmpty, "\(title) → \(describe(quantities(title)))")
        let years = Normalizer.standard.years(in: title, referenceYear: nil)
        #expect(years.map(\.rule) == ["y-bare-glued"], "\(title)")
    }
}
