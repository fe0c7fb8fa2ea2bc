import EduwhCore
import Normalize
import Testing

/// Years counted from a Qing reign and years written as a cardinal number. Sentences of our own.
@Suite("Reign and cardinal years")
struct YearEraTests {
    private func years(_ text: String) -> [String] {
        Normalizer.standard.years(in: text, referenceYear: 2015).map {
            "\($0.surface) \(String(describing: $0.from ?? 0))"
        }
    }

    @Test(
        "A reign's year is its first year plus N - 1, never a two-digit Gregorian year",
        arguments: [
            ("学校始建于光绪三十一年，历经百年", "光绪三十一年 1905"), ("宣统元年改为县立高等小学堂", "宣统元年 1909"),
            ("本校創辦於光緒三十年", "光緒三十年 1904"), ("康熙20年9月建书院", "康熙20年9月 1681"),
        ])
    func reign(_ text: String, _ expected: String) {
        #expect(years(text) == [expected], "\(text) → \(years(text))")
    }

    @Test("The reign's year is no duration of years")
    func reignIsNoDuration() {
        #expect(Normalizer.standard.quantities(in: "学校始建于光绪三十一年，占地2050平方米").map(\.value) == [2050])
    }

    @Test(
        "A cardinal number before 年 is a year with a 零, five characters or a month after it",
        arguments: [
            ("两千零八年全县投入资金", "两千零八年 2008"), ("一千九百九十八年秋季开学", "一千九百九十八年 1998"),
            ("两千年九月学校迁入新址", "两千年九月 2000"),
        ])
    func cardinal(_ text: String, _ expected: String) {
        #expect(years(text) == [expected], "\(text) → \(years(text))")
    }

    @Test("两千年来 is two thousand years, not the year 2000")
    func twoThousandYears() {
        #expect(!years("两千年来的教育传统").contains { $0.hasSuffix(" 2000") })
    }
}
