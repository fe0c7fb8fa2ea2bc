import EduwhCore
import Normalize
import Testing

/// Builds a one-document file from body lines (the first line is the title).
func document(_ lines: [String]) -> CleanDocument {
    let labeled = lines.enumerated().map { index, text in
        LabeledLine(number: index + 1, text: text, label: index == 0 ? .title : .body, rule: "test", document: 1)
    }
    return CleanDocument(index: 1, title: lines.first, lines: labeled, metadata: SiteMetadata())
}

/// Year mentions of line `number` resolved with the document's time frame.
func resolvedYears(_ doc: CleanDocument, line number: Int) -> [YearMention] {
    let frame = Normalizer.standard.timeFrame(of: doc)
    return Normalizer.standard.years(in: doc.lines[number - 1].text, frame: frame, lineNumber: number)
}

@Suite("Document time frame")
struct TimeFrameTests {
    @Test("A dated speech about a two-year period")
    func datedSpeech() {
        let doc = document([
            "——2007-2008年区委书记履行基础教育职责述职报告",
            "(2009年5月13日)",
            "两年来,我区共向全国公开招聘教师374名。今年将继续推进。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2009)
        #expect(frame.reviewPeriod == 2007...2008)
        #expect(frame.referenceSource == .dateLine)
        let years = resolvedYears(doc, line: 3)
        #expect(years.map(\.surface) == ["两年来", "今年"])
        #expect(years[0].from == 2007 && years[0].to == 2008)
        #expect(years[1].from == 2009)
    }

    @Test("A signature line ending with a full date is the speech date")
    func signatureDate() {
        let doc = document([
            "县级政府2014年履行教育职责工作", "X县人民政府(2015年5月16日)",
            "根据安排,现将2014年教育督导及教育改革发展有关情况汇报如下。全年新建学校3所,比上年增加1所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2015 && frame.referenceSource == .dateLine)
        #expect(frame.reviewPeriod == 2014...2014)
        #expect(resolvedYears(doc, line: 3).first { $0.surface == "全年" }?.from == 2014)
        // 比上年 compares 2014 with the year before it, not with the year the speech was given in.
        #expect(resolvedYears(doc, line: 3).first { $0.surface == "上年" }?.from == 2013)
    }

    @Test("A numbered heading that opens with a year starts that year's section, cue word or not")
    func numberedHeadings() {
        let doc = document([
            "2021年区教育局工作总结和2022年工作计划",
            "一、2021年主要工作",
            "全年招聘教师165名,培训教师1.1万人次。",
            "二、2022年工作计划",
            "全年计划新建中小学3所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.sections.filter { $0.line > 1 }.map(\.year) == [2021, 2022])
        #expect(resolvedYears(doc, line: 3).first { $0.surface == "全年" }?.from == 2021)
        #expect(resolvedYears(doc, line: 5).first { $0.surface == "全年" }?.from == 2022)
    }

    @Test("A title naming the year reviewed and the year planned frames the body as the review until the plan starts")
    func titleWithReviewAndPlan() {
        let doc = document([
            "某市教育局2021年工作总结和2022年工作计划",
            "2021年，全市教育系统坚持立德树人根本任务。",
            "（三）教师队伍建设。全年招聘教师856名。",
            "二、2022年工作计划",
            "全年计划新建中小学8所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2022 && frame.referenceSource == .planHeading)
        #expect(frame.sections.map(\.year) == [2021, 2022])
        #expect(resolvedYears(doc, line: 3).first { $0.surface == "全年" }?.from == 2021)
        #expect(resolvedYears(doc, line: 5).first { $0.surface == "全年" }?.from == 2022)
    }

    @Test("A year's 工作汇报 dated in its own December: 一年来 is that year")
    func workReportDatedInItsYear() {
        let doc = document([
            "乡镇中心学校2019年度工作汇报",
            "2019年，我校各项工作稳步推进。现将一年来的工作汇报如下：",
            "2019年12月18日",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.reviewPeriod == 2019...2019)
        let year = resolvedYears(doc, line: 2).first { $0.surface == "一年来" }
        #expect(year?.from == 2019 && year?.to == 2019)
    }

    @Test("A statistical bulletin reports on its year: 上年 is the year before it, even when dated the next year")
    func statisticalBulletin() {
        let doc = document([
            "2021年全区教育事业发展统计公报",
            "区教育局 2022-03-15",
            "2021年，全区共有各级各类学校156所，比上年增加4所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.reviewPeriod == 2021...2021)
        #expect(resolvedYears(doc, line: 3).first { $0.surface == "上年" }?.from == 2020)
    }

    @Test("A paragraph that opens with a year speaks of it: its 上年 is the year before that one")
    func paragraphOpeningWithAYear() {
        let doc = document([
            "教育局长在2023年春季开学工作会议上的讲话",
            "一、肯定成绩。2022年，全市新增学位9000多个。全市高考本科上线率达到68.7%，较上年提高2.1个百分点。",
            "全市高考本科上线率达到68.7%，较上年提高2.1个百分点。",
        ])
        #expect(Normalizer.standard.timeFrame(of: doc).referenceYear == 2023)
        #expect(resolvedYears(doc, line: 2).first { $0.surface == "上年" }?.from == 2021)
        // Without the opening year the speech's own year counts: 上年 is 2022.
        #expect(resolvedYears(doc, line: 3).first { $0.surface == "上年" }?.from == 2022)
    }

    @Test("In a report given in January on the past year, 去年 is that year and 上年 the one before")
    func previousYearWordsInAReviewGivenTheNextYear() {
        let doc = document([
            "2019年度县教育局局长述职报告", "(2020年1月10日)",
            "全年共投入教育经费2.35亿元,比上年增长12.6%。去年我县新建学校5所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2020 && frame.reviewPeriod == 2019...2019)
        let years = resolvedYears(doc, line: 3)
        #expect(years.map(\.surface) == ["全年", "上年", "去年"])
        #expect(years.map(\.from) == [2019, 2018, 2019])
    }

    @Test("A review section and a plan section decide 全年 and dates line by line")
    func sections() {
        let doc = document([
            "教育局年度工作报告",
            "今天我们召开会议,回顾总结2011年的各项工作,全面部署今年的目标任务。",
            "一、2011年工作回顾 过去的一年,全年培训教师5000余人次,3月启动课题研究。",
            "去年,义务教育阶段教师流动643人。",
            "三、2012年工作打算 全年完成示范课100节,年内建成4所幼儿园,9月投入使用。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2012)
        #expect(frame.referenceSource == .planHeading)
        #expect(frame.sections.map(\.year) == [2011, 2012])
        let review = resolvedYears(doc, line: 3).filter { $0.kind != .year }
        #expect(review.map(\.surface) == ["过去的一年", "全年", "3月"])
        #expect(review.allSatisfy { $0.from == 2011 && $0.to == 2011 })
        #expect(resolvedYears(doc, line: 2).first { $0.surface == "今年" }?.from == 2012)
        #expect(resolvedYears(doc, line: 4).first?.from == 2011)
        let plan = resolvedYears(doc, line: 5).filter { $0.kind != .year }
        #expect(plan.map(\.surface) == ["全年", "年内", "9月"])
        #expect(plan.allSatisfy { $0.from == 2012 })
    }

    @Test("Without a heading, the latest year that is not a deadline is the reference year")
    func latestYear() {
        let doc = document([
            "完善督导工作推进机制",
            "2010年我区参与了课题研究。仅2011年我区预算内教育拨款19432.9万元。",
            "2012年我们将进一步完善体制机制。在2015年前,全区中小学将完全达到省定标准。",
            "3月8日区长主持召开区政府常务会议。两年来共新建学校5所。",
        ])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2012)
        #expect(frame.referenceSource == .reviewedOrLatestYear)
        let years = resolvedYears(doc, line: 4)
        #expect(years.first?.from == 2012)
        #expect(years.last?.from == 2011 && years.last?.to == 2012)
    }

    @Test("A cut-off date of figures (截至2013年底) votes for the latest year; a deadline does not")
    func cutOff() {
        let doc = document([
            "教育工作情况汇报", "2013年新建学校3所。截至2013年底,全县共有学校126所。到2020年,入园率达到90%以上。",
        ])
        #expect(Normalizer.standard.referenceYear(of: doc) == 2013)
    }

    @Test("A year-end summary speaks from its own year")
    func summary() {
        let doc = document(["2015年教育工作总结", "今年全县共投入教育经费12.6亿元,去年为11.2亿元。全年新建学校3所。"])
        let frame = Normalizer.standard.timeFrame(of: doc)
        #expect(frame.referenceYear == 2015)
        #expect(frame.reviewPeriod == 2015...2015)
        let years = resolvedYears(doc, line: 2)
        #expect(years.map(\.from) == [2015, 2014, 2015])
    }

    @Test("A short line with a bare date (leaked site furniture) does not vote for the latest year")
    func shortLinesDoNotVote() {
        let doc = document(["区政府关于基础教育工作的汇报", "今年以来,在市教育局的关心帮助下,我区加大财政投入力度。", "上一篇 2022年11月4日"])
        #expect(Normalizer.standard.referenceYear(of: doc) == nil)
    }

    @Test("Placeholder years and metadata never set the reference year")
    func noYear() {
        var doc = document(["基础教育工作的述职报告", "20xx年,我市顺利通过督导验收;今年秋季投入使用。"])
        doc.lines.insert(
            LabeledLine(number: 0, text: "时间:2019-04-19 来源:资源网", label: .metadata, rule: "test", document: 1), at: 0)
        #expect(Normalizer.standard.referenceYear(of: doc) == nil)
        let years = Normalizer.standard.years(
            in: "今年秋季投入使用", frame: Normalizer.standard.timeFrame(of: doc), lineNumber: 2)
        #expect(years.first?.from == nil)
    }
}
