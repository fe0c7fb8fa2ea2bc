import EduwhCore
import Normalize
import Testing

// Kinds of numbers and years that the held-out slice fg showed reading wrong (session 10). The
// sentences are made up for each kind, not copied from a field page; the expected values are what
// each sentence says.

private func describe(_ q: [QuantityMention]) -> String {
    q.map { "\($0.surface)=\(String(describing: $0.value)) \($0.unit) \($0.qualifier)" }.joined(separator: ", ")
}

@Suite("Held-out kinds: quantities")
struct HeldOutQuantityKindTests {
    @Test(
        "A range of counts says 'at most' its upper end; both ends are kept",
        arguments: [
            ("计划新建3-5所乡镇幼儿园", "3-5所", 3.0, 5.0, "所"), ("每班学生控制在30至45人", "30至45人", 30, 45, "人"),
            ("用一到两年时间完成改造", "一到两年", 1, 2, "年"), ("用1至两年时间完成改造", "1至两年", 1, 2, "年"),
        ])
    func ranges(_ text: String, _ surface: String, _ low: Double, _ high: Double, _ unit: String) {
        let q = Normalizer.standard.quantities(in: text)
        #expect(q.count == 1, "\(text) → \(describe(q))")
        #expect(q.first?.surface == surface && q.first?.unit == unit, "\(text) → \(describe(q))")
        #expect(q.first?.value == high && q.first?.qualifier == .under, "\(text) → \(describe(q))")
        #expect(q.first?.lowerValue == low && q.first?.upperValue == high, "\(text) → \(describe(q))")
        // A range with a word of its own keeps that word: 约 says about, not at most.
        let approx = Normalizer.standard.quantities(in: "每年约投入3-5万元").first
        #expect(approx?.qualifier == .approx && approx?.value == 50000)
    }

    @Test("约合 converts a currency, it does not estimate (约合人民币5亿元 is exact)")
    func conversion() {
        let q = Normalizer.standard.quantities(in: "预算约8亿港元,约合人民币7亿元")
        #expect(q.map(\.surface) == ["约8亿港元", "7亿元"], "\(describe(q))")
        #expect(q.map(\.qualifier) == [.approx, .exact], "\(describe(q))")
    }

    @Test("Tenths with 多 are over, 未达 before a number is under (四成多, 未达六成)")
    func tenthsQualifiers() {
        let q = Normalizer.standard.quantities(in: "农村学生占四成多,合格率未达六成")
        #expect(q.map(\.surface) == ["四成多", "未达六成"], "\(describe(q))")
        #expect(q.map(\.value) == [40, 60] && q.map(\.qualifier) == [.over, .under], "\(describe(q))")
        let doubled = Normalizer.standard.quantities(in: "在园幼儿比五年前翻了一番多")
        #expect(doubled.first?.surface == "一番多" && doubled.first?.qualifier == .over, "\(describe(doubled))")
    }

    @Test("A unit-less 万/亿 after a word of fees or funds is money (学费8万, 费用为60万)")
    func moneyWords() {
        for (text, value) in [("减免学费8万,惠及学生40人", 80000.0), ("全部费用为60万", 600_000), ("落实资金1.2亿", 120_000_000)] {
            let q = Normalizer.standard.quantities(in: text).first
            #expect(q?.value == value && q?.unit == "yuan", "\(text) → \(String(describing: q))")
        }
        // 免费 is no fee paid: the figure after it keeps no unit.
        let free = Normalizer.standard.quantities(in: "免费教育惠及全市学生12万").first
        #expect(free?.value == 120_000 && free?.unit == "", "\(String(describing: free))")
    }

    @Test("一 as an article: 是一所, 以一所…为例, 谈一点体会, 一套较完善的制度 count nothing")
    func articles() {
        for text in ["这是一所有六十年历史的学校", "以一所招收300名幼儿的园所为例", "我谈一点粗浅的体会", "形成了一套较完善的管理制度"] {
            let q = Normalizer.standard.quantities(in: text)
            #expect(!q.contains { $0.value == 1 }, "\(text) → \(describe(q))")
        }
        // A verb of building still counts one school.
        #expect(Normalizer.standard.quantities(in: "今年新建一所九年制学校").first?.value == 1)
    }

    @Test("School-system terms and slogans are no counts (十二年国民基本教育, 三个文明建设, 两个确立)")
    func namesAndSlogans() {
        for text in ["推动十二年国民基本教育", "落实十二年國教政策", "推进三个文明建设", "深刻领悟两个确立的决定性意义"] {
            #expect(Normalizer.standard.quantities(in: text).isEmpty, "\(text)")
        }
    }

    @Test("Lists: a decimal before 和 is read, and a figure shares the unit of the one it is joined to")
    func lists() {
        let q = Normalizer.standard.quantities(in: "综合差异系数分别为0.35和0.41。")
        #expect(q.map(\.value) == [0.35, 0.41], "\(describe(q))")
        let shared = Normalizer.standard.quantities(in: "分别增加床位1.2万和800张")
        #expect(shared.map(\.unit) == ["张", "张"] && shared.first?.value == 12000, "\(describe(shared))")
    }

    @Test("A form's blank: spaces where the figure goes before a unit closing its clause (建筑面积 平方米,)")
    func spaceBlanks() {
        let q = Normalizer.standard.quantities(in: "学校占地面积 平方米,现有教职工 人。")
        #expect(q.map(\.surface) == ["平方米", "人"] && q.map(\.unit) == ["m2", "人"], "\(describe(q))")
        #expect(q.allSatisfy { $0.value == nil && $0.qualifier == .placeholder }, "\(describe(q))")
        // A word that goes on (人数), a measure word that is an article (个), a spaced number: no blank.
        for text in ["统计 人数,上报", "设有 个别辅导,", "共有教师 三 人,"] {
            let found = Normalizer.standard.quantities(in: text)
            #expect(!found.contains { $0.qualifier == .placeholder }, "\(text) → \(describe(found))")
        }
    }

    @Test("A qualifier word one space before the number (近 30亿元) still qualifies it")
    func spacedQualifier() {
        let q = Normalizer.standard.quantities(in: "其中近 30亿元用于校舍建设").first
        #expect(q?.surface == "近 30亿元" && q?.qualifier == .approx, "\(String(describing: q))")
    }
}

@Suite("Held-out kinds: years")
struct HeldOutYearKindTests {
    @Test("A Taiwanese text with two ROC fiscal years (110年度, 自108年起) counts ROC years without 民國")
    func rocFiscalYears() {
        let doc = document([
            "補救教學經費執行情形",
            "教育部110年度編列經費12億元,較109年度增加3千萬元。",
            "自108年起推動新課綱,111年教育預算再創新高。",
            "112年度",
        ])
        let line2 = resolvedYears(doc, line: 2)
        #expect(line2.map(\.surface) == ["110年度", "109年度"] && line2.map(\.from) == [2021, 2020], "\(line2)")
        let line3 = resolvedYears(doc, line: 3)
        #expect(line3.map(\.surface) == ["108年", "111年"] && line3.map(\.from) == [2019, 2022], "\(line3)")
        #expect(resolvedYears(doc, line: 4).first?.from == 2023)
        // The same years are no durations.
        #expect(Normalizer.standard.quantities(in: "自108年起推動新課綱,111年教育預算再創新高").isEmpty)
    }

    @Test("One such year, or a simplified-script text, is not enough to count ROC years")
    func noRocEra() {
        let one = document(["学校概况", "学校创办于1906年,已有118年历史,110年度校庆筹备中。"])
        #expect(resolvedYears(one, line: 2).map(\.surface) == ["1906年"])
        let simplified = document(["学校概况", "学校110年度校庆,自108年起筹备。"])
        #expect(resolvedYears(simplified, line: 2).isEmpty)
    }

    @Test("Chinese-digit years: a Latin O for zero (二O一六年), and two full years with one year word (二〇一五/二〇一六学年)")
    func chineseDigitYears() {
        let cases: [(String, String, YearKind, Int, Int)] = [
            ("二O一六年三月,学校迁入新址", "二O一六年三月", .date, 2016, 2016),
            ("二〇一五/二〇一六学年招生简章", "二〇一五/二〇一六学年", .range, 2015, 2016),
            ("二零一六至二零一八年完成改造", "二零一六至二零一八年", .range, 2016, 2018),
        ]
        for (text, surface, kind, from, to) in cases {
            let y = Normalizer.standard.years(in: text, referenceYear: nil)
            #expect(
                y.count == 1 && y.first?.surface == surface && y.first?.kind == kind && y.first?.from == from
                    && y.first?.to == to, "\(text) → \(y)")
        }
        // A slash between two years that do not follow each other is no school year.
        #expect(Normalizer.standard.years(in: "二〇一五/二〇一八学年", referenceYear: nil).first?.kind != .range)
    }

    @Test("A day alone before 在/出席/刊登 is a date of the text's month (教育部26日在京召开)")
    func dayBeforePlace() {
        for (text, surface) in [("教育部26日在北京召开发布会", "26日"), ("县长15日出席教育工作会议", "15日"), ("市政府公报9日刊登通知", "9日")] {
            let y = Normalizer.standard.years(in: text, referenceYear: 2016)
            #expect(y.first?.surface == surface && y.first?.kind == .date && y.first?.from == 2016, "\(text) → \(y)")
        }
        #expect(Normalizer.standard.years(in: "每月5日在校门口公示", referenceYear: 2016).isEmpty)
    }

    @Test("A span of days in one month (6月12日至15日) is one date")
    func daySpans() {
        let y = Normalizer.standard.years(in: "6月12日至15日,督导组对全县学校进行了检查", referenceYear: 2017)
        #expect(y.count == 1 && y.first?.surface == "6月12日至15日" && y.first?.from == 2017, "\(y)")
        // The second day must come later in the month.
        let back = Normalizer.standard.years(in: "6月12日至5日", referenceYear: 2017)
        #expect(back.first?.surface == "6月12日", "\(back)")
    }
}
