import EduwhCore
import Normalize
import Testing

// Kinds of quantity and year mentions that sites the rules were not written from read wrong or
// not at all (session 18, issue 22): two figures joined into one range, a year list, school years
// without a year word, dates whose 年 was dropped, bare years glued to a word. The sentences are
// made up for each kind, not copied from a field page; the expected values are what each says.

private func quantities(_ text: String) -> [QuantityMention] { Normalizer.standard.quantities(in: text) }

private func years(_ text: String) -> [YearMention] { Normalizer.standard.years(in: text, referenceYear: nil) }

private func describe(_ q: [QuantityMention]) -> String {
    q.map { "\($0.surface)=\(String(describing: $0.value)) \($0.unit) \($0.qualifier)" }.joined(separator: ", ")
}

private func describe(_ y: [YearMention]) -> String {
    y.map { "\($0.surface)=\($0.kind) \(String(describing: $0.from))-\(String(describing: $0.to))" }
        .joined(separator: ", ")
}

@Suite("Range pairs, year lists and glued years: quantities")
struct RangePairQuantityTests {
    @Test(
        "Two figures with their units joined by 至/到/dash are one range: at most the upper end",
        arguments: [
            ("每校获发2万元至6万元不等的津贴", "2万元至6万元", 60_000.0, "yuan"),
            ("学费为3200元至3800元;住宿费另计", "3200元至3800元", 3_800, "yuan"),
            ("资助4万元(港币,下同)至9万元的一次性津贴", "4万元(港币,下同)至9万元", 90_000, "yuan"),
            ("每月补贴六千元至一万二千。", "六千元至一万二千", 12_000, "yuan"),
            ("每班容纳40人-45人", "40人-45人", 45, "人"),
        ])
    func rangePairs(_ text: String, _ surface: String, _ value: Double, _ unit: String) {
        let q = quantities(text)
        #expect(q.count == 1, "\(text) → \(describe(q))")
        #expect(q.first?.surface == surface && q.first?.value == value, "\(text) → \(describe(q))")
        #expect(q.first?.unit == unit && q.first?.qualifier == .under, "\(text) → \(describe(q))")
    }

    @Test(
        "A change from one figure to another, or two figures apart, stay two figures",
        arguments: [
            ("教育拨款增加12亿元至300亿元", ["12亿元", "300亿元"]),
            ("增幅由12.5%至15%", ["12.5%", "15%"]),
            ("小学投入3万元,至年底再投入8万元", ["3万元", "8万元"]),
            ("每校6万元至3万元不等", ["6万元", "3万元"]),
        ])
    func notRangePairs(_ text: String, _ surfaces: [String]) {
        #expect(quantities(text).map(\.surface) == surfaces, "\(text) → \(describe(quantities(text)))")
    }

    @Test("开支 before a unit-less 万/亿 figure makes it money; a count of pupils stays a count")
    func spendingWithoutYuan() {
        let money = quantities("学校行政开支增加了3亿")
        #expect(money.first?.value == 300_000_000 && money.first?.unit == "yuan", "\(describe(money))")
        let pupils = quantities("全国在校生2.9亿")
        #expect(pupils.allSatisfy { $0.unit != "yuan" }, "\(describe(pupils))")
    }

    @Test("A unit-less 万/亿 figure closing its clause after a money figure of the sentence is money")
    func moneyCarried() {
        let budget = quantities("今年大学预算达18亿元,连同两所学院7亿多及职训局3亿多,合共28亿元。")
        #expect(budget.map(\.unit) == ["yuan", "yuan", "yuan", "yuan"], "\(describe(budget))")
        #expect(budget.dropFirst().first?.value == 700_000_000, "\(describe(budget))")
        let perClass = quantities("每校获约12万港元,另按班发放(每班约1.5万、中学每班约2.3万)。")
        #expect(perClass.filter { $0.unit == "yuan" }.count == 3, "\(describe(perClass))")
    }

    @Test("A figure before a noun, or in the next sentence, keeps no money unit")
    func moneyNotCarried() {
        let pupils = quantities("投入经费3亿元,惠及十二万余学童。")
        #expect(!pupils.contains { $0.value == 120_000 && $0.unit == "yuan" }, "\(describe(pupils))")
        let people = quantities("投入资金500万元,受益学生约1.2万")
        #expect(people.last?.unit != "yuan", "\(describe(people))")
        let next = quantities("投入经费3亿元。全县人口52万")
        #expect(next.last?.unit != "yuan", "\(describe(next))")
    }

    @Test(
        "A measure word with 次 counts visits or times, as 人次 does",
        arguments: [
            ("全年送教下乡共45校次", "45校次", 45.0, "校次", Qualifier.exact),
            ("表彰优秀论文30余篇次", "30余篇次", 30, "篇次", .over),
            ("改扩建中小学12所次", "12所次", 12, "所次", .exact),
        ])
    func measureAndTimes(_ text: String, _ surface: String, _ value: Double, _ unit: String, _ q: Qualifier) {
        let found = quantities(text)
        #expect(found.count == 1, "\(text) → \(describe(found))")
        #expect(found.first?.surface == surface && found.first?.value == value, "\(describe(found))")
        #expect(found.first?.unit == unit && found.first?.qualifier == q, "\(describe(found))")
    }

    @Test(
        "A negated comparative before a figure turns its bound: 不得低于 is at least, 不高于 at most",
        arguments: [
            ("学生出席率不得低于85%方可领取", Qualifier.over), ("每周不得少于3课时", .over),
            ("班额不得超过40人", .under), ("每校规模不高于2000人", .under), ("辍学率低于0.5%", .under),
        ])
    func negatedComparatives(_ text: String, _ qualifier: Qualifier) {
        let q = quantities(text)
        #expect(q.count == 1 && q.first?.qualifier == qualifier, "\(text) → \(describe(q))")
    }

    @Test(
        "Arabic digits before a county, city, district or province noun count those divisions",
        arguments: [
            ("对甲、乙等3市人民政府开展评价", "3市", "市"), ("覆盖全州8县(市)的农村学校", "8县", "县"),
            ("来自4省区的代表", "4省区", "省区"),
        ])
    func divisionCounts(_ text: String, _ surface: String, _ unit: String) {
        let q = quantities(text)
        #expect(q.count == 1 && q.first?.surface == surface && q.first?.unit == unit, "\(text) → \(describe(q))")
    }

    @Test(
        "Chinese numerals before a division noun, a level (市级) or a year before 市 count no divisions",
        arguments: ["聚焦“三区三州”等深度贫困地区", "新建六十镇中心小学", "获评2市级示范校", "大米每5市斤2元"])
    func notDivisionCounts(_ text: String) {
        let q = quantities(text)
        #expect(!q.contains { ["区", "镇", "市", "县"].contains($0.unit) }, "\(text) → \(describe(q))")
    }

    @Test("A year glued before 市 stays a year")
    func yearBeforeCity() {
        #expect(years("2013市教育局工作要点").first?.from == 2013, "\(describe(years("2013市教育局工作要点")))")
        #expect(quantities("2013市教育局工作要点").isEmpty)
    }

    @Test("次 that opens a word or follows 名 (a rank) joins no measure word")
    func notTimes() {
        #expect(quantities("一次性补助5000元").map(\.unit) == ["yuan"], "\(describe(quantities("一次性补助5000元")))")
        #expect(!quantities("排名上升3名次").contains { $0.unit == "名次" })
    }
}

@Suite("Range pairs, year lists and glued years: years")
struct GluedYearKindTests {
    @Test(
        "Full years listed with 、 or 和 before one 年 are one year each",
        arguments: [
            ("2012、2013年均获评先进", ["2012", "2013年"], [2012, 2013]),
            ("2008、2009、2010年均超额完成", ["2008", "2009", "2010年"], [2008, 2009, 2010]),
            ("2019和2021年分别建成两所学校", ["2019", "2021年"], [2019, 2021]),
        ])
    func yearLists(_ text: String, _ surfaces: [String], _ values: [Int]) {
        let y = years(text)
        #expect(y.map(\.surface) == surfaces && y.allSatisfy { $0.kind == .year }, "\(text) → \(describe(y))")
        #expect(y.compactMap(\.from) == values, "\(text) → \(describe(y))")
    }

    @Test("A range joined by 至 and a list of two-digit years stay one range")
    func rangesStay() {
        let full = years("2012至2013年共投入")
        #expect(full.count == 1 && full.first?.kind == .range && full.first?.to == 2013, "\(describe(full))")
        let short = years("在07、08年连续两年")
        #expect(short.first?.surface == "07、08年" && short.first?.kind == .range, "\(describe(short))")
    }

    @Test(
        "A school or financial year A/B or A-B with no year word after it is one range",
        arguments: [
            ("2021/22津贴维持不变", "2021/22", 2021, 2022),
            ("2022/23至2025/26期间", "2022/23至2025/26", 2022, 2026),
            ("2019-20課稅年度的税款", "2019-20", 2019, 2020),
            ("2024/25至2025/26年度提供空间", "2024/25至2025/26年度", 2024, 2026),
        ])
    func bareSchoolYears(_ text: String, _ surface: String, _ from: Int, _ to: Int) {
        let y = years(text)
        #expect(y.count == 1, "\(text) → \(describe(y))")
        #expect(y.first?.surface == surface && y.first?.kind == .range, "\(text) → \(describe(y))")
        #expect(y.first?.from == from && y.first?.to == to, "\(text) → \(describe(y))")
    }

    @Test("A month-like A/B or a dash before a space or a digit is no school year")
    func notBareSchoolYears() {
        #expect(!years("发布于 2010/11 ").contains { $0.kind == .range }, "\(describe(years("发布于 2010/11 ")))")
        #expect(!years("更新 2008-09 查看").contains { $0.kind == .range })
        #expect(!years("2008-09-12发布").contains { $0.kind == .range })
    }

    @Test(
        "A date whose 年 was dropped (year and month digits run together before 月) is that year's date",
        arguments: [
            ("20113月在全市评比中获奖", "20113月", Optional(YearKind.date), 2011, 2011),
            ("201711月完成验收", "201711月", .date, 2017, 2017),
            ("20189月—20197月)", "20189月—20197月", .range, 2018, 2019),
        ])
    func gluedYearMonth(_ text: String, _ surface: String, _ kind: YearKind?, _ from: Int, _ to: Int) {
        let y = years(text)
        #expect(y.count == 1 && y.first?.surface == surface && y.first?.kind == kind, "\(text) → \(describe(y))")
        #expect(y.first?.from == from && y.first?.to == to, "\(text) → \(describe(y))")
    }

    @Test("Five digits before a unit, or a month that cannot be, are no glued date")
    func notGluedYearMonth() {
        #expect(years("共有学生20063人").isEmpty, "\(describe(years("共有学生20063人")))")
        #expect(years("编号201813月").isEmpty, "\(describe(years("编号201813月")))")
    }

    @Test(
        "A year without 年 glued after a word or a clause break and before a word is a year",
        arguments: [
            ("数说2021城区教育亮点", "2021", 2021), ("截止2020岁末,全县", "2020", 2020),
            ("截至2019岁尾,全县", "2019", 2019),
            ("实施方案》,2019“全面改薄”项目", "2019", 2019),
        ])
    func gluedBareYears(_ text: String, _ surface: String, _ year: Int) {
        let y = years(text)
        #expect(y.count == 1 && y.first?.surface == surface && y.first?.from == year, "\(text) → \(describe(y))")
    }

    @Test(
        "Four digits before a unit, after 第 or 约, are no year",
        arguments: ["新建宿舍1943套", "第2020期简报", "约2000余人参加", "达2015平方米", "「2025至2026杯赛」"])
    func notGluedBareYears(_ text: String) {
        #expect(years(text).isEmpty, "\(text) → \(describe(years(text)))")
    }
}

@Suite("Range pairs, year lists and glued years: ROC year headings")
struct RocYearHeadingTests {
    @Test("In a text that counts ROC years, N年: heading a year's figures is that year, not a duration")
    func rocYearBeforeColon() {
        let doc = document([
            "營養午餐補助執行情形",
            "自105年至108年6月止,共補助1,820校次。",
            "106年:補助610校次;107年:補助602校次。",
        ])
        let line3 = resolvedYears(doc, line: 3)
        // The dev page (fq16) gains these rows; this made-up document does not yet count ROC years
        // (session 18 ran out of time to find why): recorded, not hidden.
        withKnownIssue("a short made-up ROC document is not yet read as counting ROC years") {
            #expect(line3.map(\.surface) == ["106年", "107年"] && line3.map(\.from) == [2017, 2018], "\(line3)")
        }
        // In a simplified text that counts no ROC years, 106年: stays out.
        let plain = document(["学校概况", "学校建校106年:回顾与展望"])
        #expect(resolvedYears(plain, line: 2).isEmpty)
    }
}
