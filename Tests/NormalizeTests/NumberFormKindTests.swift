import EduwhCore
import Normalize
import Testing

// Forms of a number that new sites write (issue 22, session 20): a ratio to one, a dollar sign before
// the figure, 余 after a 万/亿 figure before a noun, 一成 after a change. Made-up sentences of each kind,
// with negatives; the expected values are what the sentence says.

/// The quantities of a sentence as `surface=value unit qualifier` strings.
private func readings(_ text: String) -> [String] {
    Normalizer.standard.quantities(in: text).map {
        "\($0.surface)=\($0.value.map { NumberFormKindTests.plain($0) } ?? "") \($0.unit) \($0.qualifier.rawValue)"
    }
}

@Suite("Number forms: ratios, dollar signs, 万余, 一成")
struct NumberFormKindTests {
    static func plain(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    @Test(
        "A ratio of N to one is N with no unit, rule q-ratio",
        arguments: [
            ("全县小学生师比为17.5:1,比上年有所下降", "17.5:1=17.5  exact"),
            ("城区学校人机比达到12∶1", "12∶1=12  exact"),
            ("初中师生比由2015年的19.2：1降至15：1", "19.2：1=19.2  exact"),
        ])
    func ratioToOne(_ text: String, _ expected: String) {
        let q = readings(text)
        #expect(q.first == expected, "\(text) → \(q)")
        #expect(Normalizer.standard.quantities(in: text).first?.rule == "q-ratio")
    }

    @Test(
        "Not ratios to one: 1:N, 1:1, clock times, scores, chains",
        arguments: [
            "师生比为1:19,高于标准", "生机比达到1:1", "会议于8:30召开", "决赛比分3:2", "按1:1:2配比",
        ])
    func notRatio(_ text: String) {
        #expect(Normalizer.standard.quantities(in: text).isEmpty, "\(text) → \(readings(text))")
    }

    @Test("A dollar sign before the figure makes it money, a count word after it starts the next label")
    func dollarSign() {
        #expect(readings("每校$98,765班本額:每班$12,340") == ["$98,765=98765 yuan exact", "$12,340=12340 yuan exact"])
        #expect(readings("上限調升至$ 20,150。") == ["$ 20,150=20150 yuan exact"])
        #expect(readings("每年最少$250,000,至少$90,000") == ["最少$250,000=250000 yuan over", "至少$90,000=90000 yuan over"])
        // US$ is no yuan; the figure is left as it was read before.
        #expect(Normalizer.standard.quantities(in: "捐贈US$5,000支持").allSatisfy { $0.unit != "yuan" })
    }

    @Test("余 after a 万/亿 figure before the noun it counts is 'more than'; 余额 and 余下 are words")
    func bigRough() {
        #expect(readings("向全省20万余教师致以问候") == ["20万余=200000  over"])
        #expect(readings("全國有十二萬餘學童受惠") == ["十二萬餘=120000  over"])
        #expect(readings("账户5万余额不足") == ["5万=50000  exact"])
        #expect(readings("共有8万余下岗职工") == ["8万=80000  exact"])
        #expect(readings("投资3万余元") == ["3万余元=30000 yuan over"])
    }

    @Test("一成 after a change or share word is a tenth; the idiom and other 一成 are not")
    func oneTenth() {
        #expect(readings("今年撥款額削減一成,明年再議") == ["一成=10 percent exact"])
        #expect(readings("学费增加了一成") == ["一成=10 percent exact"])
        #expect(readings("管理制度一成不变").isEmpty)
        #expect(readings("全市第一成功入选").isEmpty)
        #expect(readings("统一成立领导小组").isEmpty)
    }

    @Test("层 counts floors when it closes a clause or 的 or a number follows; before a noun it does not")
    func floors() {
        #expect(readings("新建的实验楼共五层,可容纳学生") == ["五层=5 层 exact"])
        #expect(readings("是一幢三层的建筑") == ["三层=3 层 exact"])
        #expect(readings("宿舍楼主体六层正在封顶").isEmpty)
        #expect(readings("新建两层楼一座").allSatisfy { $0.hasPrefix("两层") == false })
        #expect(readings("一栋5层高的综合楼").allSatisfy { !$0.contains("层") })
    }

    @Test("M and 兆 are a bandwidth only with a network word in the clause")
    func bandwidth() {
        #expect(readings("全县学校开通200M光纤") == ["200M=200 M exact"])
        #expect(readings("校园网出口带宽提升到50兆") == ["50兆=50 兆 exact"])
        #expect(readings("上传的课件不超过20MB").isEmpty)
        #expect(readings("合作企业3M提供设备").isEmpty)
    }

    @Test("省 and 省份 after Arabic digits are divisions counted; 六省 stays a name")
    func provinces() {
        #expect(readings("抽查了8省32县") == ["8省=8 省 exact", "32县=32 县 exact"])
        #expect(readings("有5省份提交了材料") == ["5省份=5 省 exact"])
    }

    @Test("Qualifier words: 超过了, ≥, ≤ before the number, 或以上 and 或以下 after the unit")
    func qualifierWords() {
        #expect(readings("升学率超过了90%") == ["超过了90%=90 percent over"])
        #expect(readings("优良率≥85%,班额≤45人") == ["≥85%=85 percent over", "≤45人=45 人 under"])
        #expect(readings("开设6班或以上的学校") == ["6班或以上=6 班 over"])
    }

    @Test("Thousands set off by spaces keep their decimal part; no fragment after the last space is read")
    func spacedThousandsWithDecimals() {
        #expect(readings("全年教育经费投入20 691.34万元") == ["20 691.34万元=206913400 yuan exact"])
        #expect(readings("校舍面积1 810 538.85 平方米") == ["1 810 538.85 平方米=1810538.85 m2 exact"])
        #expect(readings("在校生2 056人") == ["2 056人=2056 人 exact"])
        // Without a unit or magnitude after it, a spaced run is no one number: nothing is joined.
        #expect(!readings("指标 12 345.6 其他").contains { $0.hasPrefix("12 345.6=") })
    }

    @Test("A full stop typed for the point is read before score, percent, money, area and 万; not before a count")
    func fullStopAsDecimalPoint() {
        #expect(readings("全班平均分87。8分") == ["87。8分=87.8 分 exact"])
        #expect(readings("优秀率达到12。5%") == ["12。5%=12.5 percent exact"])
        #expect(readings("改造校舍1。24万平方米") == ["1。24万平方米=12400 m2 exact"])
        // A sentence that ends in a bare number before one that opens with a count stays two figures.
        #expect(!readings("参考学生共计87。8个班级参加").contains { $0.hasPrefix("87。8") })
    }

    @Test("A point lost as ? is read only before %; before a count the ? may be a lost digit")
    func questionMarkAsDecimalPoint() {
        #expect(readings("升学率由31?5%提高到") == ["31?5%=31.5 percent exact"])
        #expect(readings("占比分别为18?36%和") == ["18?36%=18.36 percent exact"])
        #expect(!readings("教学班1?2个,学生100人").contains { $0.hasPrefix("1?2") })
        #expect(!readings("比例为7?125%").contains { $0.hasPrefix("7?125%") })
    }

    @Test("A fraction typed as Chinese digits after the point is read before 万 or 亿")
    func chineseDigitsAfterPoint() {
        #expect(readings("累计投入资金35.六亿元") == ["35.六亿元=3560000000 yuan exact"])
        #expect(readings("新建校舍4.二五万平方米") == ["4.二五万平方米=42500 m2 exact"])
        #expect(!readings("共3.五个班").contains { $0.hasPrefix("3.五") })
    }
}
