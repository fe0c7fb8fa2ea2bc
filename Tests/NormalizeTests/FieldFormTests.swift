import EduwhCore
import Normalize
import Testing

/// Forms seen on real pages of many sites (the field corpus), written here as sentences of our own.
@Suite("Quantities: forms of real pages (PDF spacing, traditional script, glosses)")
struct FieldFormTests {
    @Test(
        "A space inside a number (PDF text) joins it when a unit or magnitude closes it",
        arguments: [
            QuantityCase("全年拨付维修经费23. 45亿元,保障了开学", "23. 45亿元", 2_345_000_000, "yuan"),
            QuantityCase("已改造校舍3 128所,面积同比增长", "3 128所", 3128, "所"),
            QuantityCase("入学率提高到88. 4%左右", "88. 4%左右", 88.4, "percent", .approx),
            QuantityCase("合格学校累计达到2 405所,占总数一半", "2 405所", 2405, "所"),
            QuantityCase("共捐款 1 250 300元", "1 250 300元", 1_250_300, "yuan"),
            QuantityCase("新增学位4 200余个", "4 200余个", 4200, "个", .over),
        ])
    func pdfSpacing(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "The tail of a spaced number is never a number of its own",
        arguments: [
            "已改造校舍3 128所", "入学率提高到88. 4%", "维修经费23. 45亿元",
        ])
    func noSpacedTail(_ sentence: String) {
        let values = Normalizer.standard.quantities(in: sentence).compactMap(\.value)
        #expect(!values.contains(128) && !values.contains(4) && !values.contains(4_500_000_000), "\(values)")
    }

    @Test("Numbers that only stand near a space stay apart", arguments: ["1. 2011年全县新建学校", "表头 2019 2020 2021"])
    func noFalseJoin(_ sentence: String) {
        #expect(Normalizer.standard.quantities(in: sentence).isEmpty)
    }

    @Test(
        "Classes and kindergartens are counted (班, 园), with a space before the measure word",
        arguments: [
            QuantityCase("全镇共有8 班学生参加", "8 班", 8, "班"),
            QuantityCase("初中部总计 1,206 班。", "1,206 班", 1206, "班"),
            QuantityCase("附设幼儿班 27 班、特教班 5 班", "27 班", 27, "班"),
            QuantityCase("新设公办幼儿园十七园、四十一班", "十七园", 17, "园"),
            QuantityCase("新设公办幼儿园十七园、四十一班", "四十一班", 41, "班"),
            QuantityCase("合格率为 97 %", "97 %", 97, "percent"),
        ])
    func classes(_ c: QuantityCase) { expectQuantity(c) }

    @Test("班主任, 班子 and 园区 after a number are no counts", arguments: ["二年级5班主任张老师", "配齐4班子成员", "新建2园区"])
    func classNames(_ sentence: String) {
        #expect(
            Normalizer.standard.quantities(in: sentence).isEmpty,
            "\(Normalizer.standard.quantities(in: sentence).map(\.surface))")
    }

    @Test(
        "Traditional script matches like simplified; the surface stays the raw text",
        arguments: [
            QuantityCase("新建校舍約2.6萬平方米", "約2.6萬平方米", 26_000, "m2", .approx),
            QuantityCase("達標率超過85%", "超過85%", 85, "percent", .over),
            QuantityCase("重點推進兩項改革", "兩項", 2, "项"),
            QuantityCase("新增計算機教室12個", "12個", 12, "个"),
            QuantityCase("投入資金3.2億元", "3.2億元", 320_000_000, "yuan"),
            QuantityCase("培訓教師3000餘人次", "3000餘人次", 3000, "人次", .over),
            QuantityCase("辦學規模擴大了一倍,佔地120畝", "120畝", 120, "mu"),
        ])
    func traditional(_ c: QuantityCase) { expectQuantity(c) }

    @Test("Traditional year words: 一年來 is relative, 學年 and 農曆 read as in simplified")
    func traditionalYears() {
        let found = Normalizer.standard.years(in: "一年來,全縣新建學校5所", referenceYear: 2015)
        #expect(found.first?.surface == "一年來" && found.first?.kind == .relative)
        let ranged = Normalizer.standard.years(in: "2009-2010學年度招生", referenceYear: nil)
        #expect(ranged.first?.surface == "2009-2010學年度" && ranged.first?.kind == .range)
        #expect(Normalizer.standard.years(in: "農曆正月十五開學", referenceYear: 2012).first?.surface == "農曆正月十五")
    }

    @Test(
        "A pinyin gloss after a character keeps the unit and qualifier (surface raw)",
        arguments: [
            QuantityCase("每年培養教師1.2萬(wàn)人以上", "1.2萬(wàn)人以上", 12_000, "人", .over),
            QuantityCase("招收學生3萬(wàn)名", "3萬(wàn)名", 30_000, "名"),
            QuantityCase("新增學位2萬（wàn）個", "2萬（wàn）個", 20_000, "个"),
        ])
    func glosses(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Area units fold into m2; percentage points keep their own unit",
        arguments: [
            QuantityCase("全县总面积2150平方公里", "2150平方公里", 2_150_000_000, "m2"),
            QuantityCase("辖区面积88.5平方公里", "88.5平方公里", 88_500_000, "m2"),
            QuantityCase("新校区占地15公顷", "15公顷", 150_000, "m2"),
            QuantityCase("新建食堂600平米", "600平米", 600, "m2"),
            QuantityCase("比上年提高4.2个百分点", "4.2个百分点", 4.2, "百分点"),
            QuantityCase("比_年提高_个百分点", "_个百分点", nil, "百分点", .placeholder),
        ])
    func areasAndPoints(_ c: QuantityCase) { expectQuantity(c) }

    @Test(
        "Ages of a group, blanked score thresholds, session numbers and lost year digits are no quantities",
        arguments: [
            "推进3—6岁学前教育一体化", "全市4-5周岁儿童入园", "招收七岁儿童", "全区_分以上考生",
            "学习贯彻市委八届五次全会精神", "县政协十届二次会议召开", "区七届人大三次会议", "?。?019年10月8日",
            "於10月5日上午9時45分舉行",
        ])
    func notQuantities(_ sentence: String) {
        let found = Normalizer.standard.quantities(in: sentence)
        #expect(found.isEmpty, "\(found.map(\.surface))")
    }

    @Test("Meetings counted outside a session number stay quantities")
    func meetingCounts() {
        expectQuantity(QuantityCase("全年召开专题会议四次", "四次", 4, "次"))
    }

    /// One expected year mention: surface, kind, from, to.
    static func expectYear(
        _ sentence: String, _ surface: String, _ kind: YearKind, _ from: Int?, _ to: Int?, reference: Int? = 2012,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = Normalizer.standard.years(in: sentence, referenceYear: reference)
        let match = found.first { $0.surface == surface }
        #expect(match != nil, "no \(surface) in \(found.map(\.surface))", sourceLocation: sourceLocation)
        #expect(
            match?.kind == kind && match?.from == from && match?.to == to,
            "\(String(describing: match))", sourceLocation: sourceLocation)
    }

    @Test("Year forms of real pages")
    func yearForms() {
        Self.expectYear("明年5月10日前完成验收", "明年5月10日", .date, 2013, 2013)
        Self.expectYear("去年9月,全县启动", "去年9月", .date, 2011, 2011)
        Self.expectYear("今年元月起执行", "今年元月", .date, 2012, 2012)
        Self.expectYear("在04、05、06年连续三年", "04、05、06年", .range, 2004, 2006)
        // A list of full years closed by one 年 is two years (the field labels' convention since fo/fp).
        Self.expectYear("2015和2016年,全县新建", "2015", .year, 2015, 2015)
        Self.expectYear("2015和2016年,全县新建", "2016年", .year, 2016, 2016)
        Self.expectYear("2009 与2010 年招生", "2009", .year, 2009, 2009)
        Self.expectYear("2009 与2010 年招生", "2010 年", .year, 2010, 2010)
        Self.expectYear("二0一三年元月十日", "二0一三年元月十日", .date, 2013, 2013)
        Self.expectYear("二00九年工作总结", "二00九年", .year, 2009, 2009)
        Self.expectYear("2021年-2021年工作计划", "2021年-2021年", .range, 2021, 2021)
        // Two years joined by 和 that are not consecutive stay two years.
        let apart = Normalizer.standard.years(in: "2010和2015年分别建成", referenceYear: nil)
        #expect(!apart.contains { $0.kind == .range }, "\(apart.map(\.surface))")
    }

    @Test(
        "School years, plan names written 計畫 and numbered issues are no quantities",
        arguments: [
            "本縣100 學年度各國小班級數", "XX學年度述職報告", "推動五年計畫增設公幼", "刊登於第 3 期", "讓六歲兒童入學",
        ])
    func notQuantitiesTraditional(_ sentence: String) {
        let found = Normalizer.standard.quantities(in: sentence)
        #expect(found.isEmpty, "\(found.map(\.surface))")
    }

    @Test("连续N年 is a relative year; blanked school years are one placeholder")
    func relativeAndPlaceholderYears() {
        Self.expectYear("学校连续四年获评先进", "连续四年", .relative, nil, nil, reference: nil)
        Self.expectYear("XX——XX學年度工作總結", "XX——XX學年度", .placeholder, nil, nil)
        Self.expectYear("20XX-20XX学年度", "20XX-20XX学年度", .placeholder, nil, nil)
        #expect(Normalizer.standard.quantities(in: "学校连续四年获评先进").isEmpty)
    }

    @Test("Plan periods named in full, and 年初/年底/上半年 as relative years")
    func planPeriodsAndYearParts() {
        Self.expectYear("全县教育事业第十二个五年规划", "第十二个五年", .planPeriod, 2011, 2015)
        Self.expectYear("按照年初确定的思路", "年初", .relative, 2012, 2012)
        Self.expectYear("截至年底,全县建成", "年底", .relative, 2012, 2012)
        Self.expectYear("下半年将启动建设", "下半年", .relative, 2012, 2012)
        // 2012年上半年 is the year 2012; its half is no second mention.
        let found = Normalizer.standard.years(in: "2011年上半年全县新建学校", referenceYear: 2012)
        #expect(found.map(\.surface) == ["2011年"], "\(found.map(\.surface))")
        #expect(Normalizer.standard.years(in: "去年年底完成", referenceYear: 2012).map(\.surface) == ["去年"])
    }
}
