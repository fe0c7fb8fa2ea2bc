import EduwhCore
import Facts
import Normalize
import Testing

/// The status chooser's view of the whole page and of the figure's line: how the page's sentences
/// lean in time, what its title ends with, when it was published, how the line leans, how the
/// sentence opens after a list mark and where the figure's year stands to the report's period.
/// Pages and sentences are our own.
@Suite struct StatusDocumentTests {
    static func document(
        title: [String], body: [String], published: String? = nil
    ) -> CleanDocument {
        var document = TrustTests.document(title: title, body: body)
        document.metadata.publishedAt = published
        return document
    }

    /// A plan's sentences speak of intent (将, 力争, 计划), a summary's of the past (已, 累计, 共):
    /// 完成 and 达到 say nothing of when, and a plan noun (按计划) is no intent.
    @Test func sentencesLeanToIntentOrThePast() {
        let cues = StatusCues.standard
        let plan = cues.leaning(of: ["全县将新建幼儿园3所。力争入园率达到90%。", "计划投入资金500万元。"])
        #expect(plan.sentences == 3 && plan.planned == 3 && plan.achieved == 0)
        let summary = cues.leaning(of: ["全县已建成幼儿园3所。累计投入资金500万元。", "入园率达到90%。按计划完成校舍改造。"])
        #expect(summary.sentences == 4 && summary.planned == 0 && summary.achieved == 2)
        // 将 marking an object (将X改为, 将X纳入) is no intent; 将 before a verb of its own is.
        let object = cues.leaning(of: ["将15所村小改为教学点。并将3所学校纳入名校集团。", "明年将新建学校3所。"])
        #expect(object.sentences == 3 && object.planned == 1)
    }

    /// A work plan's page: most of its timed sentences hold an intent, its title ends in 要点, it
    /// was published before the year it plans for.
    @Test func aPlanPageReadsAsOne() {
        let page = Self.document(
            title: ["县教育局2017年工作要点"],
            body: [
                "全县将新建幼儿园3所。", "力争学前三年毛入园率达到90%。", "计划投入资金500万元。", "年内完成校舍改造2所。",
                "去年共投入资金400万元。",
            ],
            published: "2016-12-28 09:00:00")
        let features = Set(StatusFeatures.documentFeatures(page, cues: .standard, referenceYear: 2017))
        for expected in ["DF=plan", "DP=hi", "DA=mid", "DN=0+", "DE=要点", "DPY=earlier"] {
            #expect(features.contains(expected), "\(expected) in \(features.sorted())")
        }
    }

    /// A summary's page leans to the past; a page with no title, no date and no timed word says so.
    @Test func aSummaryPageAndAnUntimedPage() {
        let summary = Self.document(
            title: ["镇中心校2015年工作总结"],
            body: [
                "全镇已建成标准化学校5所。", "累计投入资金800万元。", "一年来共培训教师300人次。", "去年新增学位200个。",
                "入园率达到95%。",
            ],
            published: "2016-01-10")
        let read = Set(StatusFeatures.documentFeatures(summary, cues: .standard, referenceYear: 2015))
        for expected in ["DF=past", "DP=0", "DA=hi", "DE=总结", "DPY=later"] {
            #expect(read.contains(expected), "\(expected) in \(read.sorted())")
        }
        let bare = Set(
            StatusFeatures.documentFeatures(
                Self.document(title: [], body: ["全镇有学校5所。"]), cues: .standard, referenceYear: nil))
        // A share of so few sentences says nothing.
        #expect(bare.contains("DF=few") && bare.contains("DP=few") && bare.contains("DPY=none"))
        #expect(!bare.contains { $0.hasPrefix("DE=") })
    }

    @Test(
        arguments: [
            ("2016-03-02 08:05:00", 2016), ("2016年3月2日", 2016), ("发布于2016", nil), ("1900-01-01", nil),
        ] as [(String, Int?)])
    func aPublicationDateGivesItsYear(date: String, year: Int?) {
        #expect(StatusFeatures.publishedYear(date) == year)
    }

    /// The figure's line, its sentence's opening after a list mark, its year against the period
    /// the report covers and against the year the page was published.
    @Test func theLineTheOpeningAndThePeriodAreRead() {
        var context = StatusModelTests.context(
            "一、目标任务：2018年全县新建幼儿园5所。", "5所", rules: (.achieved, "kind:工作总结"), year: 2018,
            reference: 2017)
        context.period = 2017...2017
        context.published = 2017
        context.line = (sentences: 4, planned: 3, achieved: 0)
        context.document = ["DF=plan", "DE=要点"]
        let features = Set(StatusFeatures.features(context))
        for expected in [
            "sh=目标", "YR=after", "R|YR=achieved|after", "YP=later", "yp=later", "LP=most", "LA=none",
            "R|LP=achieved|most", "DF=plan", "R|DF=plan|achieved", "DE=要点",
        ] {
            #expect(features.contains(expected), "\(expected)")
        }
        #expect(StatusFeatures.hashes(context) == features.map { IndicatorFeatures.hash($0.unicodeScalars) }.sorted())
        context.year = 2016
        context.line = (sentences: 3, planned: 1, achieved: 0)
        let earlier = Set(StatusFeatures.features(context))
        #expect(earlier.contains("YR=before") && earlier.contains("YP=earlier") && earlier.contains("LP=some"))
    }

    /// A word of the past earlier in the sentence, which the rules' status rests on, keeps the
    /// model from overruling it, as one in the figure's own clause does.
    @Test func aPastWordEarlierInTheSentenceGuardsTheRules() {
        let text = "去年全市共投入教育经费2.5亿元，新建幼儿园12所。"
        let guarded = StatusModelTests.context(text, "12所", rules: (.achieved, "共"))
        #expect(guarded.pastWord && StatusFeatures.features(guarded).contains(StatusFeatures.pastGuard))
        // 共 is such a word too, whatever an earlier clause intended (各校积极争取…).
        let given = StatusModelTests.context("各校积极争取社会力量支持，共接受捐赠电脑105台。", "105台", rules: (.achieved, "共"))
        #expect(given.pastWord)
        // Not when the rules said otherwise, nor for a word after the figure.
        #expect(!StatusModelTests.context(text, "12所", rules: (.planned, "kind:工作计划")).pastWord)
        #expect(!StatusModelTests.context("新建幼儿园12所，已全部投入使用。", "12所", rules: (.achieved, "已")).pastWord)
    }

    /// The fact builder reads the page once and gives its features to every figure it trains on.
    @Test func theFactBuilderGivesThePageToEachFigure() throws {
        let page = Self.document(
            title: ["县教育局2017年工作要点"], body: ["全县将新建幼儿园3所。", "力争新增学位1200个。"],
            published: "2017-02-01")
        let built = FactBuilder(recordsFeatures: true, statusModel: nil).build(page)
        #expect(built.profile.publishedYear == 2017 && built.profile.statusContext.contains("DE=要点"))
        let fact = try #require(built.facts.first { $0.quantity.surface == "1200个" })
        #expect(fact.statusFeatures.contains("DF=few") && fact.statusFeatures.contains("DE=要点"))
        #expect(fact.statusFeatures.contains("LP=most"))
        // Without a model nor training, nothing is read.
        let plain = FactBuilder(recordsFeatures: false, statusModel: nil).build(page)
        #expect(plain.profile.statusContext.isEmpty)
    }

    // MARK: - Status on made-up pages (the shipped table)

    static func status(_ surface: String, in built: DocumentFacts) throws -> FactStatus {
        try #require(built.facts.first { $0.quantity.surface == surface }, "\(surface) not found").status
    }

    /// A news item on a meeting: the figures after a sentence of intent, with no word of their own,
    /// go on with the plan (新增 says nothing of when); last year's figures stay achieved.
    @Test func aNewsItemsPlansAreNotStoredAsAchieved() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["全市教育工作会议召开"],
                body: [
                    "本报讯 昨日，全市教育工作会议召开。会议透露，今年全市将投入教育经费3亿元，用于改善办学条件。"
                        + "新建校舍2万平方米，新增学位5000个。此外，全市还将招聘教师300名。",
                    "去年全市共投入教育经费2.5亿元，新建幼儿园12所。",
                ]))
        for surface in ["3亿元", "2万平方米", "300名"] {
            #expect(try Self.status(surface, in: built) == .planned, "\(surface)")
        }
        // The sentence of intent (将投入) scopes the next one: 新增学位5000个 says nothing of when itself.
        let places = try #require(built.facts.first { $0.quantity.surface == "5000个" })
        #expect(places.status == .planned && places.statusCue == "intent-sentence:将")
        for surface in ["2.5亿元", "12所"] { #expect(try Self.status(surface, in: built) == .achieved, "\(surface)") }
    }

    /// A year's summary: its narrated figures are achieved, the next year's plan at its end is planned.
    @Test func aSummaryQuotingNextYearsPlan() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["县教育局2016年工作总结"],
                body: [
                    "一年来，全县教育工作取得了新的成绩。全年投入教育经费1.2亿元，新建校舍3万平方米，新增学位2000个。"
                        + "全县已建成标准化学校20所，累计培训教师1500人次。",
                    "2017年，我们将新建幼儿园5所，力争学前三年毛入园率达到90%。",
                ]))
        for surface in ["1.2亿元", "3万平方米", "2000个", "20所", "1500人次"] {
            #expect(try Self.status(surface, in: built) == .achieved, "\(surface)")
        }
        for surface in ["5所", "90%"] { #expect(try Self.status(surface, in: built) == .planned, "\(surface)") }
    }

    /// A work plan's items carry no word of intent: they are planned; the past year's stock is not.
    @Test func aWorkPlansItemsWithoutAHeading() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["县教育局2017年工作要点"],
                body: [
                    "2017年全县教育工作的总体要求是：以提高质量为核心，推进教育均衡发展。",
                    "全县新建幼儿园5所，新增学位1800个。改造薄弱学校10所，投入资金3000万元。招聘教师200名，培训教师2000人次。",
                    "2016年全县共有幼儿园45所。",
                ]))
        for surface in ["5所", "1800个", "10所", "200名"] {
            #expect(try Self.status(surface, in: built) == .planned, "\(surface)")
        }
        #expect(try Self.status("45所", in: built) == .achieved)
        // Known miss: the table has seen few work plans (73 facts of 3955); it reads 投入资金 and
        // 培训 as a summary's and overrules the plan's kind (a table trained on every page misses
        // one of the two, hence intermittent).
        for surface in ["3000万元", "2000人次"] {
            let status = try Self.status(surface, in: built)
            withKnownIssue(isIntermittent: true) { #expect(status == .planned, "\(surface)") }
        }
    }

    /// What a project will give once built (建成后可新增, 投入使用后可容纳) and an estimate (预估) are
    /// plans in a news item that also tells what was done last year; schools built (已建成) stay achieved.
    @Test func aProjectsYieldOnceBuiltIsPlanned() throws {
        let built = FactBuilder.standard.build(
            Self.document(
                title: ["市区一批学校建设项目集中开工"],
                body: [
                    "本报讯 昨日，市区一批学校建设项目集中开工。项目全部建成后可新增学位6000个。",
                    "其中实验小学迁建项目投入使用后，可容纳学生2400名。预估总投资达到8亿元。",
                    "去年全市已建成幼儿园15所，新增学位4500个。",
                ]))
        for surface in ["6000个", "2400名", "8亿元"] {
            #expect(try Self.status(surface, in: built) == .planned, "\(surface)")
        }
        for surface in ["15所", "4500个"] { #expect(try Self.status(surface, in: built) == .achieved, "\(surface)") }
    }

    /// A sentence of intent scopes only the sentence right after it, and not one with a word of the
    /// past, nor a figure of an earlier year; a sentence whose 将 marks an object is no intent. The
    /// rules alone: the shipped table, trained before the rule, overrules 招聘教师60名 (0.98).
    @Test func aSentenceOfIntentScopesTheNextSentenceOnly() throws {
        let built = FactBuilder(recordsFeatures: false, statusModel: nil).build(
            Self.document(
                title: ["区教育局召开2020年工作部署会"],
                body: [
                    "会上，区教育局计划今年完成校舍改造。新增学位800个，招聘教师60名。全区已建成幼儿园9所。",
                    "会上，将15所村小改为教学点。新增学位300个。",
                    "区教育局打算今年继续改造校舍。2018年新增学位500个。",
                ]))
        for surface in ["800个", "60名"] { #expect(try Self.status(surface, in: built) == .planned, "\(surface)") }
        for surface in ["9所", "300个", "500个"] {
            #expect(try Self.status(surface, in: built) == .achieved, "\(surface)")
        }
    }

    /// A mirror's pinyin glosses (計(jì)劃) hide no cue word: the line is read without them, and the
    /// figures keep their places in the raw line.
    @Test func glossedLinesAreReadWithoutTheirGlosses() throws {
        let line = "今年全縣計(jì)劃新建學(xué)校3所,新增學(xué)位900個(gè)。"
        let built = FactBuilder.standard.build(Self.document(title: ["全縣教育工作會(huì)議召開"], body: [line]))
        for surface in ["3所", "900個"] {
            let fact = try #require(built.facts.first { $0.quantity.surface == surface }, "\(surface)")
            #expect(fact.status == .planned && fact.statusCue == "计划", "\(surface) \(fact.statusCue)")
            let raw = Array(line.unicodeScalars)
            let at = fact.quantity.offset
            #expect(String(String.UnicodeScalarView(raw[at..<(at + 2)])).hasPrefix(String(surface.prefix(1))))
        }
        #expect(PinyinGlosses.ranges(in: Array("的(de)工作".unicodeScalars)) == nil)
        let glosses = try #require(PinyinGlosses.ranges(in: Array("計(jì)劃".unicodeScalars)))
        #expect(glosses == [1..<5] && PinyinGlosses.folded(6, glosses) == 2)
    }
}
