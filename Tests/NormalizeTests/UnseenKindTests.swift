import EduwhCore
import Normalize
import Testing

// Kinds of numbers and years that new sites write and that read wrong before (issue 22's error
// list, continued). The sentences are made up for each kind, not copied from a field page; the
// expected values are what the sentence says.

@Suite("Unseen kinds: quantities")
struct UnseenQuantityKindTests {
    @Test(
        "Digits written one by one (as Taiwanese newspapers write counts) are one number; two stay an estimate",
        arguments: [
            ("全市共設幼兒園二三七園", "二三七園", 237.0, "园"), ("可招收一萬二四五六名幼兒", "一萬二四五六名", 12456, "名"),
            ("總計增加一○五三名", "一○五三名", 1053, "名"), ("新增八〇六個學位", "八〇六個", 806, "个"),
            ("增設九一班", "九一班", 91, "班"),
        ])
    func digitStrings(_ text: String, _ surface: String, _ value: Double, _ unit: String) {
        let q = Normalizer.standard.quantities(in: text)
        if surface == "九一班" {
            // Two digits: no way to tell 91 from "nine or one"; left alone.
            #expect(q.isEmpty, "\(q.map(\.surface))")
            return
        }
        #expect(
            q.count == 1 && q.first?.surface == surface && q.first?.value == value && q.first?.unit == unit,
            "\(text) → \(q.map { "\($0.surface)=\(String(describing: $0.value)) \($0.unit)" })")
    }

    @Test("Estimates of two digits stay vague (三四个, 五六百人)")
    func estimates() {
        #expect(Normalizer.standard.quantities(in: "全镇有三四个教学点").isEmpty)
        #expect(Normalizer.standard.quantities(in: "每年培训五六百人").isEmpty)
    }

    @Test("数 closing a noun (人数, 总数, 班数) is no 'several': 招生人数五百名 is 500")
    func countNouns() {
        let q = Normalizer.standard.quantities(in: "今年招生人数三百名,在校学生总数廿八名")
        #expect(q.map(\.surface) == ["三百名", "廿八名"])
        #expect(q.map(\.value) == [300, 28])
        #expect(Normalizer.standard.quantities(in: "新建了数十所学校").isEmpty)
    }

    @Test(
        "A 万/亿 figure with no unit after a word of spending is money",
        arguments: [
            ("县财政编列2.6亿推动校舍改建", "2.6亿", 260_000_000.0), ("三年累计投入约8000万改善办学条件", "约8000万", 80_000_000),
            ("市里预留五亿推行小班化", "五亿", 500_000_000), ("政府斥资1.2亿新建高中", "1.2亿", 120_000_000),
        ])
    func moneyWithoutUnit(_ text: String, _ surface: String, _ value: Double) {
        let q = Normalizer.standard.quantities(in: text).first { $0.surface == surface }
        #expect(q?.value == value && q?.unit == "yuan", "\(text) → \(String(describing: q))")
    }

    @Test("A 万/亿 figure with no unit and no word of spending keeps no unit; a unit after it still wins")
    func notMoney() {
        #expect(Normalizer.standard.quantities(in: "全区常住人口78万").first?.unit == "")
        #expect(Normalizer.standard.quantities(in: "累计投入1.2万人次").first?.unit == "人次")
    }

    @Test("An age says who is meant and is no figure, unless the clause measures ages")
    func ages() {
        for text in ["开设3至5岁混龄班", "全校50周岁以上的教师有12人", "一位80多岁的老教师", "招收2岁幼儿的托班"] {
            #expect(
                !Normalizer.standard.quantities(in: text).contains { $0.unit == "岁" || $0.unit == "周岁" }, "\(text)")
        }
        #expect(Normalizer.standard.quantities(in: "全校12人").first?.value == 12)
        let measured = Normalizer.standard.quantities(in: "专任教师平均年龄41.5岁,居民预期寿命达80岁")
        #expect(measured.map(\.value) == [41.5, 80])
    }

    @Test("Area and length units: 平方千米, 方米 (= 平方米), traditional 公裡; 个年头 is years")
    func units() {
        let q = Normalizer.standard.quantities(in: "辖区面积1200平方千米,新建宿舍楼4500方米,離縣城約三公裡")
        #expect(q.map(\.value) == [1_200_000_000, 4500, 3])
        #expect(q.map(\.unit) == ["m2", "m2", "公里"])
        #expect(q.last?.qualifier == .approx)
        let years = Normalizer.standard.quantities(in: "他在山区教书已经二十个年头")
        #expect(years.first?.value == 20 && years.first?.unit == "年")
        // 立方米 is a volume, not 方米.
        #expect(Normalizer.standard.quantities(in: "完成土方3000立方米").allSatisfy { $0.unit != "m2" })
    }
}

@Suite("Unseen kinds: periods that count nothing")
struct UnseenPeriodKindTests {
    @Test("的 + N年 closing a clause names a period (是…发展最快的五年。); a duration still counts")
    func namedPeriods() {
        #expect(Normalizer.standard.quantities(in: "这是全县办学条件变化最大的十年。").isEmpty)
        #expect(Normalizer.standard.quantities(in: "过去的三年,是我们爬坡过坎的三年,也是收获满满的三年。").isEmpty)
        #expect(Normalizer.standard.quantities(in: "力争用三年时间完成改造").first?.value == 3)
        #expect(Normalizer.standard.quantities(in: "全县投入的三年资金共计2亿元").contains { $0.surface == "三年" })
    }

    @Test("九年义务制 is a school-system term; 下一个学年 and 上一学期 name a term, not a count of one")
    func termsAndNextPeriods() {
        #expect(Normalizer.standard.quantities(in: "在全乡普及九年义务制教育").isEmpty)
        #expect(Normalizer.standard.quantities(in: "从下一个学年起增设资源教室").isEmpty)
        #expect(Normalizer.standard.quantities(in: "上一学期共组织公开课").isEmpty)
        #expect(Normalizer.standard.quantities(in: "支教两个学年").first?.value == 2)
    }
}

@Suite("Unseen kinds: typing and phrasing")
struct UnseenPhrasingKindTests {
    @Test("A full stop typed for the decimal point before a percent sign (12。5%) is a decimal")
    func stopAsPoint() {
        let q = Normalizer.standard.quantities(in: "全县学生人数将减少12。5%左右。3所学校撤并")
        #expect(q.map(\.surface) == ["12。5%左右", "3所"])
        #expect(q.first?.value == 12.5 && q.first?.qualifier == .approx)
    }

    @Test("N个班级, 三个班子, 5个班主任: 班 opens a noun and the measure word is 个; 24个班 counts classes")
    func banNouns() {
        let q = Normalizer.standard.quantities(in: "全校共有18个班级,配备18个班主任,24个班全部达标")
        #expect(q.map(\.surface) == ["18个", "18个", "24个班"])
        #expect(q.map(\.unit) == ["个", "个", "班"])
    }

    @Test("一所所, 一个个: a doubled measure word means one after another; 怎样一所 is an article")
    func doubledMeasures() {
        #expect(Normalizer.standard.quantities(in: "一座座教学楼拔地而起,一所所新校园").isEmpty)
        #expect(Normalizer.standard.quantities(in: "我们要办一个怎样的学校,办什么样一所学校").isEmpty)
        #expect(Normalizer.standard.quantities(in: "新建了一座教学楼").first?.value == 1)
    }
}

@Suite("Unseen kinds: pinyin glosses")
struct UnseenGlossKindTests {
    @Test("Words read across pinyin glosses; surfaces and offsets are the raw text's, glosses included")
    func glossedWords() {
        let line = "全縣連(lián)續(xù)三年實(shí)現(xiàn)學(xué)前三年毛入園率95%,普及九年義(yì)務(wù)教育"
        let years = Normalizer.standard.years(in: line, referenceYear: 2020)
        #expect(years.map(\.surface) == ["連(lián)續(xù)三年"])
        #expect(years.first?.kind == .relative)
        let q = Normalizer.standard.quantities(in: line)
        #expect(q.map(\.surface) == ["95%"])
        let scalars = line.scalarArray
        for mention in years.map({ ($0.surface, $0.offset) }) + q.map({ ($0.surface, $0.offset) }) {
            let surface = mention.0.scalarArray
            #expect(Array(scalars[mention.1..<(mention.1 + surface.count)]) == surface, "\(mention)")
        }
        let past = Normalizer.standard.years(in: "過(guò)去的一年(nián),我們", referenceYear: 2019)
        #expect(past.first?.surface == "過(guò)去的一年")
    }

    @Test("Brackets that are no gloss stay: (一), (2019), (app), and toneless letters on an unglossed line")
    func notGlosses() {
        #expect(Normalizer.standard.quantities(in: "下载学习(app)的教师有300人").first?.surface == "300人")
        let q = Normalizer.standard.quantities(in: "新建校舍(含宿舍)5000平方米")
        #expect(q.first?.surface == "5000平方米" && q.first?.offset == 9)
    }
}

@Suite("Unseen kinds: years")
struct UnseenYearKindTests {
    @Test("A ROC school year written with ○ for zero (一○九學年度 = 2020)")
    func circleZero() {
        let y = Normalizer.standard.years(in: "一○九學年度起增設公立幼兒園", referenceYear: nil)
        #expect(y.first?.surface == "一○九學年度" && y.first?.from == 2020)
    }

    @Test("ROC years without 民國 read as years in a document that counts ROC years")
    func taiwanYears() {
        let doc = document([
            "國中小校舍改善計畫",
            "本計畫經費新台幣30億元,預計自109至111年分年執行。",
            "至112年底前完成所有老舊校舍補強,112年3月1日起受理申請。",
        ])
        let line2 = resolvedYears(doc, line: 2)
        #expect(line2.map(\.surface) == ["109至111年"])
        #expect(line2.first?.kind == .range && line2.first?.from == 2020 && line2.first?.to == 2022)
        let line3 = resolvedYears(doc, line: 3)
        #expect(line3.map(\.surface) == ["112年", "112年3月1日"])
        #expect(line3.map(\.from) == [2023, 2023])
        // The same figures do not turn into counts either.
        #expect(Normalizer.standard.quantities(in: "預計自109至111年分年執行").isEmpty)
    }

    @Test("ROC years spelled digit by digit (一○四年到一○六年) read as years, not as counts of years")
    func spelledTaiwanYears() {
        let doc = document([
            "老舊校舍整建計畫出爐",
            "市府一○四年到一○六年國中小老舊校舍整建計畫,共有十三所校舍列入。",
            "一一二年度起受理申請,一〇七年底前完成補強。",
        ])
        let line2 = resolvedYears(doc, line: 2)
        #expect(line2.first?.surface == "一○四年到一○六年" && line2.first?.from == 2015 && line2.first?.to == 2017)
        #expect(resolvedYears(doc, line: 3).map(\.from) == [2023, 2018])
        // 一百零四年 is a number with its places, not a year spelled digit by digit.
        #expect(Normalizer.standard.years(in: "已有一百零四年历史", referenceYear: nil).isEmpty)
    }

    @Test("A day alone before a word of saying is a date of the text's year (记者12日从…获悉)")
    func dayDates() {
        for (text, surface) in [
            ("记者12日从县教育局获悉,全县", "12日"), ("教育部二十三日宣布新学年起", "二十三日"), ("新华社北京9日电", "9日"),
        ] {
            let y = Normalizer.standard.years(in: text, referenceYear: 2015)
            #expect(y.first?.surface == surface && y.first?.kind == .date && y.first?.from == 2015, "\(text) → \(y)")
        }
        for text in ["工期历时15日完成", "每月5日前上报报表", "第3日起开始复课", "共培训12日"] {
            #expect(!Normalizer.standard.years(in: text, referenceYear: 2015).contains { $0.kind == .date }, "\(text)")
        }
    }

    @Test("Dates in other writings: a middle dot, an English month, a bracketed school year (2010/11)")
    func otherWritings() {
        let cases: [(String, String, YearKind, Int, Int)] = [
            ("发布于2019·05·06", "2019·05·06", .date, 2019, 2019), ("Updated May 2016", "May 2016", .date, 2016, 2016),
            ("Published March 8, 2019", "March 8, 2019", .date, 2019, 2019),
            ("学校发展报告(2010/11)", "2010/11", .range, 2010, 2011),
        ]
        for (text, surface, kind, from, to) in cases {
            let y = Normalizer.standard.years(in: text, referenceYear: nil)
            #expect(
                y.first?.surface == surface && y.first?.kind == kind && y.first?.from == from && y.first?.to == to,
                "\(text) → \(y)")
        }
        #expect(Normalizer.standard.years(in: "Mayor 2016 report", referenceYear: nil).isEmpty)
    }

    @Test("A year a template blanked after its century (20--年, 19nn年, 20--至20--) is a placeholder")
    func blankedCenturies() {
        for (text, surface) in [("20--年工作计划", "20--年"), ("20nn年度述职报告", "20nn年度"), ("20--至20--学年", "20--至20--学年")] {
            let y = Normalizer.standard.years(in: text, referenceYear: nil)
            #expect(y.first?.surface == surface && y.first?.kind == .placeholder, "\(text) → \(y)")
        }
        #expect(Normalizer.standard.years(in: "每班20--30人", referenceYear: nil).isEmpty)
    }

    @Test("N年来 counts back for up to sixty years (改革开放四十年来)")
    func longSpans() {
        let y = Normalizer.standard.years(in: "改革开放四十年来,全县教育面貌", referenceYear: 2018)
        #expect(y.first?.surface == "四十年来" && y.first?.kind == .relative)
        #expect(Normalizer.standard.quantities(in: "改革开放四十年来,全县教育面貌").isEmpty)
    }

    @Test("Without a Taiwan signal a three-digit number before 年 is no year")
    func noTaiwanSignal() {
        let doc = document(["学校简介", "学校创办于1912年,至今已有112年历史,于112年底迎来校庆。"])
        let years = resolvedYears(doc, line: 2)
        #expect(years.map(\.surface) == ["1912年"])
    }
}
