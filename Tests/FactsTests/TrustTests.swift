import EduwhCore
import Facts
import Testing

/// Issue 24's error kinds, with sentences of our own: a year, region or status the text does not
/// state is left empty rather than guessed.
@Suite struct TrustTests {
    static func document(title: [String], body: [String]) -> CleanDocument {
        var number = 0
        let lines =
            title.map { text -> LabeledLine in
                number += 1
                return FactsFixtures.line(text, number: number, label: .title)
            }
            + body.map { text -> LabeledLine in
                number += 1
                return FactsFixtures.line(text, number: number)
            }
        return CleanDocument(index: 1, title: title.first, lines: lines, metadata: SiteMetadata())
    }

    static func fact(_ surface: String, in built: DocumentFacts) throws -> Fact {
        try #require(built.facts.first { $0.quantity.surface == surface }, "\(surface) not found")
    }

    /// A report whose only year is a past event's (于1997年7月更名) states no year for its figures.
    @Test func aPastEventsYearIsNotTheReportsYear() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["小学基本情况汇报材料"],
                body: [
                    "我校位于镇政府对面，于1997年7月由原双溪中学更名为中心小学。",
                    "全校现有教学班22个，在校学生1438人。",
                ]))
        let classes = try Self.fact("22个", in: built)
        #expect(classes.yearFrom == nil && classes.yearSource == .none)
        #expect(built.profile.periodFrom == nil, "dim_document gets no period either")
    }

    /// The latest year named is the report's own when the report speaks of 今年 (it counts from it) and
    /// dwells on that year (names it twice, no other more often); named once, it is only mentioned (session 22),
    /// unless it opens a sentence as its topic, the text's only year (`ref-sole-year`, session 24).
    @Test func theLatestYearCountsWhenTheReportSpeaksOfThisYear() throws {
        let body = ["在2012年，我校投入经费120万元改善办学条件。", "全校现有教学班22个。"]
        let without = FactBuilder.standard.build(Self.document(title: ["学校工作汇报"], body: body))
        #expect(try Self.fact("22个", in: without).yearFrom == nil)
        let once = FactBuilder.standard.build(Self.document(title: ["学校工作汇报"], body: body + ["今年我们将继续加大投入。"]))
        #expect(try Self.fact("22个", in: once).yearFrom == nil, "2012 named once, after 在, is only mentioned")
        let topic = ["2012年我校投入经费120万元改善办学条件。", "全校现有教学班22个。", "今年我们将继续加大投入。"]
        let sole = FactBuilder.standard.build(Self.document(title: ["学校工作汇报"], body: topic))
        #expect(try Self.fact("22个", in: sole).yearFrom == 2012, "the sole year opening a sentence is the report's")
        let twice = ["2012年秋季，新教学楼全部完工。"] + body + ["今年我们将继续加大投入。"]
        let with = FactBuilder.standard.build(Self.document(title: ["学校工作汇报"], body: twice))
        let classes = try Self.fact("22个", in: with)
        #expect(classes.yearFrom == 2012 && classes.yearTo == 2012 && classes.yearSource == .document)
    }

    /// A year of account (2020年度, 2019年上半年) that a hard-wrapped opening reaches only on its
    /// fourth or fifth short line is still the report's period; the same year in a sentence further
    /// down, after other figures, is not.
    @Test func aYearOfAccountInAHardWrappedOpeningIsTheReportsPeriod() throws {
        let wrapped = FactBuilder.standard.build(
            Self.document(
                title: ["某县教育工作自查报告"],
                body: [
                    "按照上级关于开展教育工作自查的",
                    "通知要求，我县组织教育、财政、",
                    "人事等部门成立自查小组，对",
                    "2020 年度教育工作进行了全面自查。",
                    "全县现有中小学45所。",
                ]))
        #expect(wrapped.profile.periodFrom == 2020 && wrapped.profile.periodTo == 2020)
        #expect(try Self.fact("45所", in: wrapped).yearFrom == 2020)
        let halfYear = FactBuilder.standard.build(
            Self.document(
                title: ["教育项目建设稳步推进"],
                body: [
                    "2019年上半年，某县教育局采取任务分解等方式推进项目建设。",
                    "半年来共完成项目8个。",
                ]))
        #expect(halfYear.profile.periodFrom == 2019)
        let passing = FactBuilder.standard.build(
            Self.document(
                title: ["学校工作汇报"],
                body: [
                    "我校现有教学班22个，在校学生900人，教师60人，校园占地面积30亩，",
                    "建筑面积12000平方米，图书2万册，计算机200台，各项设施齐全，",
                    "办学条件不断改善，教育教学质量稳步提高，社会满意度逐年上升，",
                    "家长和社会各界给予了高度评价，学校先后获得多项荣誉称号和奖励，",
                    "其中在2018年上半年获评市级文明校园。",
                ]))
        #expect(passing.profile.periodFrom == nil, "a year far into the opening is an event's, not the report's")
    }

    /// A plan's baseline (全县现有学校120所 under 基本情况 in a 2026–2030 plan) is the count the plan
    /// starts from, not a figure of the plan's years: its year stays empty, while the plan's targets
    /// keep the plan's period.
    @Test func aPlansBaselineCountTakesNoPlanPeriod() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["某县“十五五”教育发展规划"],
                body: [
                    "一、基本情况",
                    "全县现有各级各类学校120所，在校学生5万人。",
                    "二、主要目标",
                    "到规划期末，新建幼儿园10所。",
                ]))
        let baseline = try Self.fact("120所", in: built)
        #expect(baseline.status == .achieved)
        #expect(baseline.yearFrom == nil && baseline.yearSource == .none)
        let target = try Self.fact("10所", in: built)
        #expect(target.status == .planned && target.yearFrom != nil)
    }

    /// A year inside a document's name on a title line is that document's, not the report's; the
    /// year of account in the opening (就2021年度…情况进行自查) is.
    @Test func aNamedDocumentsYearIsNotTheTitlesYear() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["xx县人民政府履行教育职责情况自评报告", "根据《2022年xx市人民政府履行教育职责自查自评工作方案》要求"],
                body: ["我县就2021年度履行教育职责情况进行全面自查。", "一、基本情况", "全县共有各级各类学校56所。"]))
        let schools = try Self.fact("56所", in: built)
        #expect(schools.yearFrom == 2021 && schools.yearTo == 2021 && schools.yearSource == .document)
    }

    /// The giver of an honour (被评为湖北省…先进单位) is not the region the report is about.
    @Test func anHonoursGiverIsNotTheReportsRegion() {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["小学基本情况汇报材料"],
                body: [
                    "我校现有教学班22个，在校学生1438人。",
                    "2008年被评为湖北省少先队工作先进单位。",
                ]))
        #expect(built.profile.adcode == nil)
    }

    /// A place left out of what is counted (不含厦门市) is not the figure's region.
    @Test func aPlaceLeftOutIsNotTheFiguresRegion() {
        let text = "对全省中小学(不含厦门市)进行扩容建设,新增学位7万个"
        let mentions = [FactsFixtures.quantity("7万个", unit: "个", in: text, value: 70000)]
        let places = [FactsFixtures.place("厦门市", adcode: "350200000000", in: text)]
        let found = FactBuilder.standard.facts(
            mentions, line: FactsFixtures.line(text), years: [], places: places,
            profile: DocumentProfile(kind: "其他"))
        #expect(found[0].adcode == nil && found[0].regionSource == .none)
    }

    /// A year that opens a sentence is the topic of the paragraph's next sentences, comma or not;
    /// a deadline (在2015年前) is not.
    @Test func aSentenceOpeningYearCarriesOnInItsParagraph() {
        let text = "2011年由国家、省投入60%,共177.5万元用于实验室配备。教育部门累积筹措经费265.2万元用于功能室建设。"
        let mentions = [FactsFixtures.quantity("265.2万元", unit: "yuan", in: text, value: 2_652_000)]
        let found = FactBuilder.standard.facts(
            mentions, line: FactsFixtures.line(text), years: [FactsFixtures.year("2011年", 2011, in: text)],
            places: [], profile: DocumentProfile(kind: "其他"))
        #expect(found[0].yearFrom == 2011 && found[0].yearSource == .sentence)
        let deadline = "在2015年前全区学校将全部达标。全区现有学校30所。"
        let schools = [FactsFixtures.quantity("30所", unit: "所", in: deadline, value: 30)]
        let counted = FactBuilder.standard.facts(
            schools, line: FactsFixtures.line(deadline),
            years: [FactsFixtures.year("2015年", 2015, in: deadline)], places: [],
            profile: DocumentProfile(kind: "其他"))
        #expect(counted[0].yearFrom == nil)
    }
}

extension TrustTests {
    /// A figure with no cue of its own takes the nearest cue before it in its sentence, plan or past.
    @Test(arguments: [
        ("各校积极争取社会力量捐资助学,共接受捐赠桌椅2850套,电脑105台", "105台", FactStatus.achieved),
        ("自正式启动教育三年攻坚以来,区委区政府投资3亿元,新建5所中小学", "5所", .achieved),
        ("全县共有学校30所,下一步计划新建幼儿园,再建4所", "4所", .planned),
    ])
    func theNearestCueInTheSentenceDecides(_ text: String, _ surface: String, _ status: FactStatus) throws {
        // On a page of its own with a plain title, as the product reads it.
        let built = FactBuilder.standard.build(Self.document(title: ["县教育工作情况"], body: [text]))
        #expect(try Self.fact(surface, in: built).status == status)
    }

    /// A report that speaks as a county whose name is blanked is not its province's.
    @Test func aBlankedCountyIsNotFiledUnderItsProvince() {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["县委书记履行教育职责述职报告"],
                body: [
                    "我县是文化之乡,全县共有中小学56所。",
                    "我县教师人均月工资3000元,符合广东省关于教师工资福利待遇的规定。",
                    "广东省教育厅对我县工作给予肯定。",
                ]))
        #expect(built.profile.adcode == nil)
        #expect(built.facts.allSatisfy { $0.adcode == nil || $0.regionSource != .document })
    }

    /// A sentence broken over two lines is read whole: the figure at the start of the second line
    /// is the base of the comparison the first line began (…比上年 / 的1200元).
    @Test func aSentenceBrokenOverTwoLinesIsReadWhole() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["县教育局工作总结"],
                body: [
                    "2021年全县学校生均预算内教育事业费支出情况是:普通小学生均支出为1300元,比上年",
                    "的1200元增长8.3%。",
                ]))
        let base = try Self.fact("1200元", in: built)
        let current = try Self.fact("1300元", in: built)
        #expect(base.indicator == current.indicator && base.indicator != "unknown")
        #expect(base.quantity.offset == 1, "the quantity keeps its own line's offset")
    }

    /// A report served in traditional script reads as the same report in simplified script: its
    /// plan cues, section headings and indicator keywords match (預計 = 预计, 學校 = 学校), and
    /// every fact has the status and indicator its simplified twin has.
    @Test(arguments: [
        ("預計3年投入經費2億元，新建學校5所。", "预计3年投入经费2亿元，新建学校5所。"),
        ("二、明年工作計劃", "二、明年工作计划"),
        ("全縣共有中小學56所，在校學生3.2萬人。", "全县共有中小学56所，在校学生3.2万人。"),
    ])
    func traditionalScriptReadsAsSimplified(_ traditional: String, _ simplified: String) throws {
        let body = ["今年全县教育工作取得新进展。", traditional, "今年计划新建学校2所。"]
        let twin = ["今年全县教育工作取得新进展。", simplified, "今年计划新建学校2所。"]
        let a = FactBuilder.standard.build(Self.document(title: ["教育局工作汇报"], body: body)).facts
        let b = FactBuilder.standard.build(Self.document(title: ["教育局工作汇报"], body: twin)).facts
        #expect(a.count == b.count && !a.isEmpty)
        for (x, y) in zip(a, b) {
            #expect(
                x.indicator == y.indicator && x.status == y.status, "\(x.quantity.surface) vs \(y.quantity.surface)")
        }
        #expect(a.contains { $0.status == .planned })
    }
}
