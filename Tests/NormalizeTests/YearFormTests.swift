import EduwhCore
import Normalize
import Testing

/// One expected year mention.
struct YearCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var surface: String
    var kind: YearKind
    var from: Int?
    var to: Int?
    var reference: Int?
    var testDescription: String { "\(sentence) → \(surface)" }

    init(_ sentence: String, _ surface: String, _ kind: YearKind, _ from: Int?, _ to: Int?, reference: Int? = nil) {
        self.sentence = sentence
        self.surface = surface
        self.kind = kind
        self.from = from
        self.to = to
        self.reference = reference
    }
}

@Suite("Years")
struct YearFormTests {
    @Test(
        "Explicit years, ranges, dates and plan periods",
        arguments: [
            YearCase("2010年我区参与了中国教育学会子课题", "2010年", .year, 2010, 2010),
            YearCase("——2007-2008年海珠区区委书记述职报告", "2007-2008年", .range, 2007, 2008),
            YearCase("现将本人2007至2008年履行基础教育工作职责的情况", "2007至2008年", .range, 2007, 2008),
            YearCase("2007年至2008年,全区投入", "2007年至2008年", .range, 2007, 2008),
            YearCase("2018年度至2019年度,我局共培训校长200人", "2018年度至2019年度", .range, 2018, 2019),
            YearCase("2018年度全区投入", "2018年度", .year, 2018, 2018),
            YearCase("二〇二一年度全县教育工作报告", "二〇二一年度", .year, 2021, 2021),
            YearCase("2007—2008学年度第一学期", "2007—2008学年度", .range, 2007, 2008),
            YearCase("2010-11年", "2010-11年", .range, 2010, 2011),
            YearCase("2011/2012学年第一学期", "2011/2012学年", .range, 2011, 2012),
            YearCase("(2009年5月13日)", "2009年5月13日", .date, 2009, 2009),
            YearCase("时间:2024-06-07 15:59:59", "2024-06-07", .date, 2024, 2024),
            YearCase("发布于2019/4/19", "2019/4/19", .date, 2019, 2019),
            YearCase("二〇一一年五月八日", "二〇一一年五月八日", .date, 2011, 2011),
            YearCase("二〇二〇年9月1日起执行新标准", "二〇二〇年9月1日", .date, 2020, 2020),
            YearCase("二〇二〇年12月", "二〇二〇年12月", .date, 2020, 2020),
            YearCase("二〇一二年工作要点", "二〇一二年", .year, 2012, 2012),
            YearCase("2011年度考核", "2011年度", .year, 2011, 2011),
            YearCase("指标 2020年 2021年", "2020年", .year, 2020, 2020),
            YearCase("项目　2021年度　2022年度", "2021年度", .year, 2021, 2021),
            YearCase("于2021.6,顺利通过验收", "2021.6", .date, 2021, 2021),
            YearCase("研究全区教育“十二五”规划", "十二五", .planPeriod, 2011, 2015),
            YearCase("“十一五”期间", "十一五", .planPeriod, 2006, 2010),
            YearCase("“十五”期间完成", "十五", .planPeriod, 2001, 2005),
            YearCase("“十三五”时期", "十三五", .planPeriod, 2016, 2020),
            YearCase("“九五”期间", "九五", .planPeriod, 1996, 2000),
            YearCase("十四五规划", "十四五", .planPeriod, 2021, 2025),
        ])
    func explicit(_ c: YearCase) { expectYear(c) }

    @Test(
        "School and financial years whose second year is written with two digits",
        arguments: [
            YearCase("本校2019/20年度共招收新生", "2019/20年度", .range, 2019, 2020),
            YearCase("由2016/17學年起推行", "2016/17學年", .range, 2016, 2017),
            YearCase("2011-12学年度工作计划", "2011-12学年度", .range, 2011, 2012),
            YearCase("二零二三至二四年度的撥款", "二零二三至二四年度", .range, 2023, 2024),
            YearCase("二○二二至二三財政年度預算", "二○二二至二三財政年度", .range, 2022, 2023),
        ])
    func shortSecondYear(_ c: YearCase) { expectYear(c) }

    @Test(
        "Placeholders",
        arguments: [
            YearCase("20xx年,我市顺利通过督导验收", "20xx年", .placeholder, nil, nil),
            YearCase("xx年财政性教育经费为X万元", "xx年", .placeholder, nil, nil),
            YearCase("目前,x年秋季新学期各小学", "x年", .placeholder, nil, nil),
            YearCase("x —x 年,区财政经常性收入", "x —x 年", .placeholder, nil, nil),
            YearCase("20xx年至20xx年,全市培训教师", "20xx年至20xx年", .placeholder, nil, nil),
            YearCase("20xx、20xx两年市财政对教育的投入", "20xx、20xx两年", .placeholder, nil, nil),
            YearCase("201x年完成", "201x年", .placeholder, nil, nil),
            YearCase("20__年工作总结", "20__年", .placeholder, nil, nil),
            YearCase("力争在年前,实现创建教育强县的目标", "年前", .placeholder, nil, nil),
        ])
    func placeholders(_ c: YearCase) { expectYear(c) }

    @Test(
        "Relative years resolve against the reference year",
        arguments: [
            YearCase("今年暑期就能竣工", "今年", .relative, 2012, 2012, reference: 2012),
            YearCase("去年我县出台了实施意见", "去年", .relative, 2011, 2011, reference: 2012),
            YearCase("分别比上年增长x%", "上年", .relative, 2011, 2011, reference: 2012),
            YearCase("明年将新建两所学校", "明年", .relative, 2013, 2013, reference: 2012),
            YearCase("年内完成示范课100节", "年内", .relative, 2012, 2012, reference: 2012),
            YearCase("新的一年,要认真落实", "新的一年", .relative, 2012, 2012, reference: 2012),
            YearCase("过去的一年,在市委的领导下", "过去的一年", .relative, 2011, 2011, reference: 2012),
            YearCase("两年来,我区共招聘教师374名", "两年来", .relative, 2007, 2008, reference: 2009),
            YearCase("近三年,我市高考成绩", "近三年", .relative, 2009, 2011, reference: 2012),
            YearCase("近3年来新建学校", "近3年来", .relative, 2009, 2011, reference: 2012),
            YearCase("今年以来,在市教育局的关心帮助下", "今年", .relative, nil, nil),
            YearCase("两年来,我亲自主持召开了多次会议", "两年来", .relative, nil, nil),
            YearCase("3月8日黄成区长主持召开区政府常务会议", "3月8日", .date, 2012, 2012, reference: 2012),
            YearCase("确保所有项目4月中旬陆续开工", "4月中旬", .date, 2012, 2012, reference: 2012),
            YearCase("本人于4月担任中共县委书记", "4月", .date, nil, nil),
        ])
    func relative(_ c: YearCase) { expectYear(c) }

    @Test(
        "Vague expressions, grades and durations are not years",
        arguments: [
            "近年来,我市教育投入大幅增加", "几年来,我市先后投入30多亿元", "每年投入120万元用于校车奖补资金",
            "逐年提高两个比例", "把全县七至九年级学生集中", "力争三年内培养30名特优教师", "全年级学生",
            "联合下发了四东人社联字[2011]3号文件", "35岁以上年轻教师", "实行一月一汇总", "一年级新生",
        ])
    func notYears(_ sentence: String) {
        let found = Normalizer.standard.years(in: sentence, referenceYear: 2012)
        #expect(found.isEmpty, "found \(found.map(\.surface))")
    }

    @Test("Years claim their text: 2011年 is not a quantity, 20xx元 is")
    func yearsAreNotQuantities() {
        let quantities = Normalizer.standard.quantities(in: "2011年区捐资助学协会下拨资金28.826万元;20xx年投入20xx元")
        #expect(quantities.map(\.surface) == ["28.826万元", "20xx元"])
    }

    private func expectYear(_ c: YearCase, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = Normalizer.standard.years(in: c.sentence, referenceYear: c.reference)
        let match = found.first { $0.surface == c.surface }
        #expect(match != nil, "no \(c.surface) in \(found.map(\.surface))", sourceLocation: sourceLocation)
        guard let y = match else { return }
        #expect(y.kind == c.kind, sourceLocation: sourceLocation)
        #expect(y.from == c.from, sourceLocation: sourceLocation)
        #expect(y.to == c.to, sourceLocation: sourceLocation)
    }
}

@Suite("Years in PDF-converted text")
struct SpacedYearTests {
    @Test(
        "Spaces between digits and 年/月/日",
        arguments: [
            YearCase("2010 年工作总结和 2011 年工作打算", "2010 年", .year, 2010, 2010),
            YearCase("(2010 年 11 月 26 日)", "2010 年 11 月 26 日", .date, 2010, 2010),
            YearCase("现将2007-2008 年工作汇报如下", "2007-2008 年", .range, 2007, 2008),
        ])
    func spaced(_ c: YearCase) {
        let found = Normalizer.standard.years(in: c.sentence, referenceYear: nil)
        let match = found.first { $0.surface == c.surface }
        #expect(match?.kind == c.kind && match?.from == c.from && match?.to == c.to, "\(found.map(\.surface))")
        #expect(!Normalizer.standard.quantities(in: c.sentence).contains { $0.unit == "年" })
    }
}

@Suite("Years named back after a range")
struct RangeReferenceTests {
    @Test(
        "N年 after a range of N years in the same line names those years",
        arguments: [
            YearCase("2002-2004年的教育经费支出总额分别为13595万元,财政预算内教育经费拨款三年分别为8820万元", "三年", .relative, 2002, 2004),
            YearCase("x —x 年,区财政经常性收入分别为x亿元。两年农村税费改革上级转移支付资金为x万元", "两年", .relative, nil, nil),
        ])
    func reference(_ c: YearCase) {
        let found = Normalizer.standard.years(in: c.sentence, referenceYear: 2012)
        let match = found.first { $0.surface == c.surface }
        #expect(match?.kind == c.kind && match?.from == c.from && match?.to == c.to, "\(found.map(\.surface))")
        #expect(!Normalizer.standard.quantities(in: c.sentence).contains { $0.surface == c.surface })
    }

    @Test(
        "Durations after a range stay quantities",
        arguments: [
            "2011-2015年,全县用三年时间完成改造", "2011-2015年期间,校长三年一聘", "2011-2013年,力争三年内新建5所学校",
        ])
    func durations(_ sentence: String) {
        #expect(Normalizer.standard.quantities(in: sentence).contains { $0.surface == "三年" })
    }
}
