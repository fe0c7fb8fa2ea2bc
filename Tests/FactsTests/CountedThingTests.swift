import EduwhCore
import Facts
import Testing

/// What a number counts, read without a lexicon of whole nouns (`CountedThing`): the counted
/// phrase's class from the word it ends with, the measure word's, the verbs' and the subject's
/// classes, and the heading's topic. Sentences are written for these tests; each case is one kind.
@Suite struct CountedThingTests {
    static func read(_ line: String, _ surface: String, unit: String) -> CountedThing.Reading {
        let scalars = line.simplifiedScalars
        let quantity = FactsFixtures.quantity(surface, unit: unit, in: line, value: 1)
        let sentence = Sentence.split(scalars).first { $0.range.contains(quantity.offset) }!
        return CountedThing.standard.read(quantity, scalars: scalars, sentence: sentence.range)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var kind: String
        var line: String
        var surface: String
        var unit: String
        /// Expected noun class, measure class, verb class before and after, subject class ("-": none).
        var noun: String
        var measure: String
        var verb: String
        var after = "-"
        var subject = "-"
        /// Expected class of the verb opening the next clause.
        var next = "-"
        var testDescription: String { "\(kind): \(surface) → \(noun)" }
    }

    @Test(arguments: [
        // The noun after the measure word; a compound never listed still ends with its class.
        Case(
            kind: "after the measure word", line: "今年新建教学综合楼2栋", surface: "2栋", unit: "栋", noun: "building",
            measure: "building", verb: "build"),
        // The noun before the number (示范学校3所), over fillers (在校生共12000人).
        Case(
            kind: "before the number", line: "创建省级示范学校3所", surface: "3所", unit: "所", noun: "school",
            measure: "institution", verb: "build"),
        Case(
            kind: "over fillers", line: "全县在校生共12000人", surface: "12000人", unit: "人", noun: "pupil",
            measure: "person", verb: "enrol", subject: "region"),
        // Across a 、-list the clause's verb governs every item.
        Case(
            kind: "a list", line: "招聘特岗教师、幼儿园保育员共85名", surface: "85名", unit: "名", noun: "staff",
            measure: "person", verb: "recruit"),
        // A table cell's bare number counts what its row label ends with, over the header's year.
        Case(
            kind: "table cell", line: "初等教育在校生 2009 10282", surface: "10282", unit: "", noun: "pupil",
            measure: "-", verb: "enrol"),
        // Traditional script reads as simplified.
        Case(
            kind: "traditional", line: "培訓鄉村教師3000人次", surface: "3000人次", unit: "人次", noun: "teacher",
            measure: "person_time", verb: "train"),
        // Pinyin glosses of a mirrored page are read through.
        Case(
            kind: "pinyin glosses", line: "新建寄宿制学(xué)校(xiào)4所", surface: "4所", unit: "所", noun: "school",
            measure: "institution", verb: "build"),
        // An amount: the verb after it says what it buys; its source is the subject.
        Case(
            kind: "amount and purpose", line: "中央投入4000元添置广播系统", surface: "4000元", unit: "yuan", noun: "-",
            measure: "-", verb: "invest", after: "buy", subject: "higher"),
        // A figure about something that is not education: the hospital's patients.
        Case(
            kind: "not education", line: "县医院收治患者1200人", surface: "1200人", unit: "人", noun: "health",
            measure: "person", verb: "-", subject: "health"),
        // Taking part is no enrolment: 280 pupils took part in a contest.
        Case(
            kind: "participants", line: "本次大赛共有280名学生参加", surface: "280名", unit: "名", noun: "pupil",
            measure: "person", verb: "have", after: "hold", subject: "event"),
        // An amount whose purpose opens the next clause (fx edu.shandong.gov.cn): books bought with it.
        Case(
            kind: "purpose in the next clause", line: "投资8.74亿元,购置图书6278.54万册", surface: "8.74亿元", unit: "yuan",
            noun: "-", measure: "-", verb: "invest", next: "buy"),
        // Buildings (fa tourokudaikou.jp): the money went into building, not buying.
        Case(
            kind: "construction in the next clause", line: "投资140余万元,新建了围墙、校门、食堂、运动场", surface: "140余万元",
            unit: "yuan", noun: "-", measure: "-", verb: "invest", next: "build"),
    ])
    func readsWhatTheNumberCounts(_ example: Case) {
        let reading = Self.read(example.line, example.surface, unit: example.unit)
        #expect(reading.nounClass ?? "-" == example.noun)
        #expect(reading.measureClass ?? "-" == example.measure)
        #expect(reading.verbClass ?? "-" == example.verb)
        #expect(reading.verbAfter ?? "-" == example.after)
        #expect(reading.subjectClass ?? "-" == example.subject)
        #expect(reading.verbNext ?? "-" == example.next)
    }

    @Test func headingTopicsAndFeatures() {
        #expect(CountedThing.standard.topics(Array("三、加强教师队伍建设".unicodeScalars)) == ["teacher"])
        var context = IndicatorModelTests.context(
            "今年新建教学综合楼2栋", "2栋", unit: "栋",
            choice: IndicatorMapper.Choice(code: "unknown", rule: "none"))
        context.heading = "二、加快学校建设"
        let features = Set(IndicatorFeatures.features(context))
        #expect(features.isSuperset(of: ["hc=building", "mc=building", "vk=build", "hc&uk=building&count", "hw=楼"]))
        #expect(features.contains("ht=school"))
    }

    /// A figure on a budget's page (`BudgetPages`: 部门预算, 三公经费) says so, with its unit kind; the
    /// verb opening the next clause is a feature of its own and with the unit kind.
    @Test func budgetPageAndNextVerbFeatures() {
        let choice = IndicatorMapper.Choice(code: "funding_investment", rule: "funding_investment:支出")
        var context = IndicatorModelTests.context(
            "其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为11.77万元", "11.77万元", unit: "yuan", choice: choice)
        #expect(IndicatorFeatures.features(context).contains("bp=-"))
        context.budgetPage = BudgetPage.Kind.budget.rawValue
        let features = Set(IndicatorFeatures.features(context))
        #expect(features.isSuperset(of: ["bp=budget", "bp&uk=budget&money", "vn=-"]))
        let bought = IndicatorModelTests.context("投资8.74亿元,购置图书6278.54万册", "8.74亿元", unit: "yuan", choice: choice)
        #expect(Set(IndicatorFeatures.features(bought)).isSuperset(of: ["vn=buy", "vn&uk=buy&money"]))
    }

    /// A mirrored page's pinyin glosses are no context: the phrases read as the plain sentence's.
    @Test func glossesAreReadThrough() {
        let choice = IndicatorMapper.Choice(code: "unknown", rule: "none")
        let glossed = Set(
            IndicatorFeatures.features(
                IndicatorModelTests.context("新建学(xué)校(xiào)4所", "4所", unit: "所", choice: choice)))
        let plain = Set(
            IndicatorFeatures.features(IndicatorModelTests.context("新建学校4所", "4所", unit: "所", choice: choice)))
        #expect(glossed.contains("L0=学校") && glossed.contains("hc=school"))
        #expect(!glossed.contains { $0.hasPrefix("L1=") && $0.unicodeScalars.last!.isASCII })
        func read(_ features: Set<String>) -> Set<String> {
            features.filter { $0.hasPrefix("L") || $0.hasPrefix("h") }
        }
        #expect(read(glossed) == read(plain))
    }

    /// The sentence text every figure of a sentence reads (`CountedThing.Text`, made once): glosses
    /// out, line offsets mapped past them (inside a gloss: where it stood), and the same features
    /// whether a figure is given it or makes its own.
    @Test func sentenceTextMapsOffsetsPastGlosses() {
        let line = Array("好。新建学(xué)校3所，实(shí)验室2间".unicodeScalars)
        let text = CountedThing.Text(line, sentence: 2..<line.count)
        #expect(String(String.UnicodeScalarView(text.scalars)) == "新建学校3所，实验室2间")
        #expect(text.position(of: 0) == 0 && text.position(of: 2) == 0)
        #expect(text.position(of: 5) == 3 && text.position(of: 7) == 3 && text.position(of: 11) == 4)
        #expect(text.position(of: 20) == 8 && text.position(of: line.count) == text.scalars.count)
        let heading = CountedThing.Text(line, sentence: 0..<line.count, glosses: false)
        #expect(heading.scalars == line)
        let choice = IndicatorMapper.Choice(code: "unknown", rule: "none")
        var context = IndicatorModelTests.context("新建学(xué)校3所，实(shí)验室2间", "2间", unit: "间", choice: choice)
        let own = IndicatorFeatures.features(context)
        context.text = CountedThing.Text(context.scalars, sentence: context.sentence)
        #expect(IndicatorFeatures.features(context) == own)
    }
}
