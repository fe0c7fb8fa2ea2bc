import EduwhCore
import Normalize
import Testing

/// Numerals at their edges: spaces inside them, 两 at the end, financial digits inside words, signs,
/// mixed fractions, 万万 and 兆. Sentences of our own; each case was a wrong value before.
@Suite("Numeral edges")
struct NumeralEdgeTests {
    private func values(_ text: String, standalone: Bool = false) -> [Double?] {
        Normalizer.standard.quantities(in: text, standalone: standalone).map(\.value)
    }

    @Test(
        "A numeral spaced out reads whole (PDF text, forms)",
        arguments: [
            ("全校共有学生一千 二百 三十 人", 1230.0), ("投入资金三千 八百 万元", 38_000_000),
            ("新增学位7 万5 千4 百个", 75_400), ("教师 三 百 五 十 名", 350),
        ])
    func spaced(_ text: String, _ value: Double) {
        #expect(values(text) == [value], "\(text) → \(values(text))")
    }

    @Test(
        "Digit groups typeset apart from their magnitudes read as one number",
        arguments: [
            ("捐资 1 千 5 百多元购买图书", 1500.0), ("投入 2 万 5 千 3 百元", 25_300),
            ("补助资金 3 亿 2 千万元", 320_000_000),
        ])
    func typesetGroups(_ text: String, _ value: Double) {
        #expect(values(text) == [value], "\(text) → \(values(text))")
    }

    @Test("A typeset group without its magnitude ends the number")
    func typesetGroupEnds() {
        // 1 万 3 所: the 3 counts schools, it is no thousands of the 1 万 before it.
        #expect(values("辐射 1 万 3 所学校").contains(3))
        #expect(!values("辐射 1 万 3 所学校").contains(13_000))
        // 5 千 8 万: a larger magnitude after a smaller one is a second number.
        #expect(!values("先后 5 千 8 万元").contains(5_080_000))
    }

    @Test("Numbers side by side that break the grammar are not joined")
    func spacedBreak() {
        // 一百 二百: two numbers, not 120; 三 二: two digits.
        #expect(!values("一百 二百", standalone: true).contains(120))
        #expect(values("初三 二班 有学生45人") == [45])
        #expect(values("一至三 年级共120人").contains(120))
    }

    @Test("An anniversary (建党100周年, 建校六十周年) is an ordinal, no figure; weeks still count")
    func anniversaries() {
        #expect(values("庆祝建党100周年,全校举办活动") == [])
        #expect(values("建校六十周年之际,校友捐资20万元") == [200_000])
        #expect(values("开展为期两周的培训") == [2])
    }

    @Test("两 never writes a number's last digit")
    func liang() {
        #expect(!values("白银三十两").contains(32))
        #expect(!values("收入一万两", standalone: true).contains(12_000))
        #expect(values("新建两所学校,改造两千平方米") == [2, 2000])
    }

    @Test("A financial digit inside a word is no number")
    func financialInWords() {
        #expect(values("全县教师队伍人数达到三千人。") == [3000])
        #expect(values("港澳台及大陆人员共计40人") == [40])
        #expect(values("他收拾起行李回到学校。").isEmpty)
        #expect(values("捐款人民币伍万元") == [50_000])
        #expect(values("肆佰人参加") == [400])
    }

    @Test("Minus signs: 负 and 負, and a sign opening a line of its own")
    func signs() {
        #expect(values("同比增长負3.5%") == [-3.5])
        #expect(values("-2500", standalone: true) == [-2500])
        #expect(values("负 300", standalone: true) == [-300])
        #expect(values("5-6所") != [-6])
    }

    @Test("Mixed fractions with 又 keep their whole part")
    func mixedFractions() {
        let q = Normalizer.standard.quantities(in: "人均二又三分之一间")
        #expect(q.first.map { abs(($0.value ?? 0) - 7.0 / 3) < 1e-9 } == true, "\(q)")
        #expect(q.first?.surface == "二又三分之一")
        #expect(values("又三分之一的学校完成改造").first.map { abs(($0 ?? 0) - 1.0 / 3) < 1e-9 } == true)
    }

    @Test("万万 and 兆 inside a numeral")
    func bigUnits() {
        #expect(values("10万万", standalone: true) == [1_000_000_000])
        #expect(values("全国财政收入二十兆三千亿元") == [20_300_000_000_000])
        // 兆 on its own is mega: its numeral is no 10^12.
        #expect(!values("光伏电站装机5兆瓦").contains { ($0 ?? 0) >= 1e12 })
    }

    @Test("A decimal 点零 skipped with its numeral is not a zero")
    func pointZero() {
        #expect(!values("和四千万零五十,一百五十四点零,其他").contains(0))
    }
}
