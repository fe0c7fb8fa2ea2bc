import EduwhCore
import Normalize
import Testing

/// The forms issue #22 lists as read wrong before the numeral and date grammar, one test each
/// (values as `eduwh extract --text` gives them).
@Suite("Issue #22: forms that read wrong before the grammar")
struct IssueFormTests {
    @Test(
        "Numerals: 零 in a section, mixed writing, colloquial forms, full-width digits",
        arguments: [
            ("一千零五十", 1050.0), ("两万零三十", 20030), ("6万2000", 62000), ("2万3千5百", 23500), ("3千零40", 3040),
            ("200万五千", 2_005_000), ("万五", 15000), ("两万万", 200_000_000), ("廿五", 25), ("卅", 30), ("卌", 40),
            ("倆", 2), ("一〇五", 105), ("１２，３４０", 12340), ("两千零八点五", 2008.5),
        ])
    func numerals(_ text: String, _ value: Double) {
        let found = Normalizer.standard.quantities(in: text, standalone: true)
        #expect(
            found.count == 1 && found.first?.value == value && found.first?.surface == text,
            "\(text) → \(found.map { "\($0.surface)=\(String(describing: $0.value))" })")
    }

    @Test(
        "Money, percents, fractions, measure words, 半 and approximations",
        arguments: [
            QuantityCase("贰拾叁元肆角伍分", "贰拾叁元肆角伍分", 23.45, "yuan"),
            QuantityCase("午餐八块五毛", "八块五毛", 8.5, "yuan"),
            QuantityCase("学费45元6角7分", "45元6角7分", 45.67, "yuan"),
            QuantityCase("补助一百块钱", "一百块钱", 100, "yuan"),
            QuantityCase("占百分之三十五", "百分之三十五", 35, "percent"),
            QuantityCase("占百分之五十点五", "百分之五十点五", 50.5, "percent"),
            QuantityCase("辍学率千分之三", "千分之三", 3, "‰"),
            QuantityCase("占三分之一", "三分之一", 1.0 / 3, ""),
            QuantityCase("中央资金占七成", "七成", 70, "percent"),
            QuantityCase("发放大米两吨半", "两吨半", 2.5, "吨"),
            QuantityCase("每户五斤半", "五斤半", 5.5, "斤"),
            QuantityCase("运来近两吨", "近两吨", 2, "吨", .approx),
            QuantityCase("牛奶250克", "250克", 250, "克"),
            QuantityCase("结成帮扶对子30对", "30对", 30, "对"),
            QuantityCase("培训三个半小时", "三个半小时", 3.5, "小时"),
            QuantityCase("投入一百二十到一百五十万元", "一百二十到一百五十万元", 1_500_000, "yuan", .under),
            QuantityCase("全县共有学校3 所", "3 所", 3, "所"),
            QuantityCase("合格率95 %", "95 %", 95, "percent"),
            QuantityCase("較上年度之8億3,050萬6千元增加", "8億3,050萬6千元", 830_506_000, "yuan"),
        ])
    func quantities(_ c: QuantityCase) { expectQuantity(c) }

    @Test("Lists of numbers each read")
    func lists() {
        let found = Normalizer.standard.quantities(in: "一百二十，三百四十五，两千零八点五", standalone: true)
        #expect(found.map(\.value) == [120, 345, 2008.5])
        let listed = Normalizer.standard.quantities(in: "一百、两百、三百", standalone: true)
        #expect(listed.map(\.value) == [100, 200, 300])
    }

    @Test("A wrong value is worse than none: 5万一次性 is 5万, not 51000")
    func noTailIntoWords() {
        let found = Normalizer.standard.quantities(in: "投入5万一次性补助")
        #expect(found.first?.value == 50_000)
    }

    @Test(
        "Years: two-digit, spoken, ranges, Chinese months and days, lunar, slash and ROC dates",
        arguments: [
            ("05年6月1日开学", "05年6月1日", YearKind.date, 2005, 2005, 2012),
            ("八五年毕业", "八五年", .year, 1985, 1985, 2012),
            ("零九年", "零九年", .year, 2009, 2009, 2012),
            ("06年以来", "06年", .year, 2006, 2006, 2012),
            ("98年4月", "98年4月", .date, 1998, 1998, 2012),
            ("2010年——2015年", "2010年——2015年", .range, 2010, 2015, nil),
            ("2003 – 2005年", "2003 – 2005年", .range, 2003, 2005, nil),
            ("二零一一年至二零一三年", "二零一一年至二零一三年", .range, 2011, 2013, nil),
            ("2009.09-2012.07", "2009.09-2012.07", .range, 2009, 2012, nil),
            ("2016年八月初三", "2016年八月初三", .date, 2016, 2016, nil),
            ("2014年三月二十號", "2014年三月二十號", .date, 2014, 2014, nil),
            ("五月四号", "五月四号", .date, 2016, 2016, 2016),
            ("农历正月十五", "农历正月十五", .date, 2016, 2016, 2016),
            ("12/25/2010", "12/25/2010", .date, 2010, 2010, nil),
            ("民国十年", "民国十年", .year, 1921, 1921, nil),
        ] as [(String, String, YearKind, Int, Int, Int?)])
    func years(_ text: String, _ surface: String, _ kind: YearKind, _ from: Int, _ to: Int, _ reference: Int?) {
        let found = Normalizer.standard.years(in: text, referenceYear: reference)
        let y = found.first { $0.surface == surface }
        #expect(
            y?.kind == kind && y?.from == from && y?.to == to,
            "\(text) → \(found.map { "\($0.surface) \($0.kind) \(String(describing: $0.from))" })")
    }

    @Test("A two-digit year's century comes from the document's year, not today's")
    func century() {
        #expect(Normalizer.standard.years(in: "98年4月", referenceYear: 2012).first?.from == 1998)
        #expect(Normalizer.standard.years(in: "15年3月", referenceYear: 2012).first?.from == 2015)
        #expect(
            Normalizer.standard.years(in: "05年6月1日", referenceYear: 1999).first?.from == 1905
                || Normalizer.standard.years(in: "05年6月1日", referenceYear: 1999).first?.from == 2005)
        #expect(Normalizer.standard.years(in: "工作15年", referenceYear: 2012).isEmpty)
    }

    @Test("上年 counts from the year earlier in its sentence")
    func sentenceYear() {
        let found = Normalizer.standard.years(in: "2012年全县投入教育经费，比上年增长", referenceYear: 2016)
        #expect(found.last?.surface == "上年" && found.last?.from == 2011)
    }
}
