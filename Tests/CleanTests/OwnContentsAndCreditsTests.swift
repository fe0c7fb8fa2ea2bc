import EduwhCore
import Testing

@testable import Clean

/// Kinds read on unseen hosts in session 27: a budget disclosure's own contents (with or without
/// its 目录 line), an office addressed under the title, an enclosed draft's heading, and the
/// credits, addresses and record fields around a report.
@Suite struct OwnContentsAndCreditsTests {
    static func clean(_ text: String) -> CleanedFile { Cleaner.standard.clean(CleanFixture.raw(text)) }

    static func clean(head: [String] = [], middle: [String] = [], tail: [String] = []) -> CleanedFile {
        CleanFixture.clean(head: head, middle: middle, tail: tail)
    }

    // MARK: - A budget disclosure's own contents

    /// gc48 (襄阳市第二中学2022年部门预算): the parts and sections listed without a 目录 line,
    /// the first part's heading and its first section printed again above the text.
    static let budgetPage = [
        "襄阳市第二中学2022年部门预算",
        "第一部分 部门概况", "一、主要职责", "二、机构设置情况",
        "第二部分 2022年部门预算情况说明", "一、2022年部门预算收支情况说明", "二、2022年财政拨款收支情况",
        "第三部分 2022年部门预算公开表", "第四部分 名词解释",
        "第一部分  部门概况", "一、主要职责",
        "1、宣传贯彻执行党和国家的教育方针、教育法律和法规,贯彻执行上级的各项规章制度,依法办学,全面提高教育教学质量。",
        "2、在市政府和市教育主管部门的领导下,改善办学条件,为师生的学习和工作提供优美的环境和良好的条件。",
    ].joined(separator: "\n\n")

    @Test func aBudgetsPartsListedWithoutAContentsLineAreItsText() {
        let cleaned = Self.clean(Self.budgetPage)
        for text in ["第一部分 部门概况", "二、机构设置情况", "第四部分 名词解释", "第一部分  部门概况"] {
            let line = CleanFixture.line(text, in: cleaned)
            #expect(line?.label == .body, "\(String(describing: line))")
            #expect(line?.rule == "contents-entry")
        }
    }

    @Test func headingsTheBodyRepeatsWithoutPartsAreStillASiteOutline() {
        // The same run less its 第X部分 parts is a contents list the body repeats: noise, as before.
        let page = Self.budgetPage.replacingOccurrences(of: "第一部分 部门概况\n\n", with: "")
            .replacingOccurrences(of: "第二部分 2022年部门预算情况说明\n\n", with: "")
            .replacingOccurrences(of: "第三部分 2022年部门预算公开表\n\n", with: "")
            .replacingOccurrences(of: "第四部分 名词解释\n\n", with: "")
            .replacingOccurrences(of: "第一部分  部门概况\n\n", with: "")
        let line = CleanFixture.line("二、机构设置情况", in: Self.clean(page))
        #expect(line?.rule != "contents-entry", "\(String(describing: line))")
    }

    @Test func aPartHeadingIsKnownByItsNumberAndTheWordPart() {
        #expect(SegmentLabeler.isPartHeading("第一部分 部门概况"))
        #expect(SegmentLabeler.isPartHeading("第四部分:名词解释"))
        #expect(SegmentLabeler.isPartHeading("（第二部分）情况说明"))
        #expect(!SegmentLabeler.isPartHeading("第一章 总则"))
        #expect(!SegmentLabeler.isPartHeading("一、主要职责"))
    }

    @Test func aSpacedContentsLineBelowTheOpeningParagraphIsTheDocumentsOwn() {
        // ga27: 我校根据…编制 / 黄石市第七中学2023年部门预算公开 / 目 录 / 一、… / 二、…
        let text = [
            "黄石市第七中学2023年部门预算公开",
            "我校根据(黄财预发[2022]158号)《市财政局关于编制市直部门2023年预算的通知》的要求,编制了2023年部门预算,现予公开。",
            "目 录", "一、2023年部门主要职责及机构设置情况", "二、2023年汇总预算情况",
            "学校现有40个教学班,在校学生2056人,在职人员159人,均纳入2023年预算编制范围。",
        ].joined(separator: "\n\n")
        let line = CleanFixture.line("目 录", in: Self.clean(text))
        #expect(line?.label == .body, "\(String(describing: line))")
        #expect(line?.rule == "contents-heading")
    }

    @Test func aSpacedContentsLineWithNoEntriesIsStillText() {
        // fv09: 目 录 over the report's heading, the entries lost from the page's text.
        let line = CleanFixture.line("目 录", in: Self.clean(head: ["目 录"]))
        #expect(line?.label == .body, "\(String(describing: line))")
    }

    @Test func anOutlineButtonsContentsWordStaysNoise() {
        let line = CleanFixture.line("目录", in: Self.clean(tail: ["目录"]))
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    // MARK: - An office addressed under the title

    @Test(arguments: ["区教育工作督导评估领导组办公室:", "庐江县教育局:"])
    func anOfficeClosedByAColonAboveTheFirstParagraphIsItsAddressee(addressee: String) {
        let line = CleanFixture.line(addressee, in: Self.clean(head: [addressee]))
        #expect(line?.label == .body, "\(String(describing: line))")
        #expect(CleanFixture.line(CleanFixture.title, in: Self.clean(head: [addressee]))?.label == .title)
    }

    @Test func aTitleEndingInAColonWithNoOfficeIsNotAnAddressee() {
        let line = CleanFixture.line("2022年工作亮点:", in: Self.clean(head: ["2022年工作亮点:"]))
        #expect(line?.rule != "addressee-line", "\(String(describing: line))")
    }

    // MARK: - A draft sent out for comments

    @Test func theHeadingOfADraftSentOutForCommentsIsATitle() {
        // gc11: 县教育局草拟了《…规划(征求意见稿)》,现向社会各界公开征求意见 … then the draft itself.
        let text = [
            "关于征求《田林县教育事业发展“十三五”规划(征求意见稿)》意见的公告",
            "根据党的十九大精神,县教育局草拟了《田林县教育事业发展“十三五”规划(征求意见稿)》,现向社会各界公开征求意见。",
            "有关单位和社会各界人士可以在2018年2月22日前,通过电子邮件将意见发送到邮箱,请同时注明单位名称。",
            "田林县教育事业发展“十三五”规划", "(征求意见稿)",
            "为加快我县教育事业发展,明确“十三五”时期田林县教育事业发展的目标任务和政策措施,制定本规划。",
        ].joined(separator: "\n\n")
        let cleaned = Self.clean(text)
        for heading in ["田林县教育事业发展“十三五”规划", "(征求意见稿)"] {
            let line = CleanFixture.line(heading, in: cleaned)
            #expect(line?.label == .title, "\(String(describing: line))")
        }
    }

    // MARK: - Credits, addresses, record fields

    @Test(arguments: [
        "數據來源:教育部、中商產業研究院整理",
        "數(shù)據(jù)來源:公告附件《2020年全國教育經(jīng)費執(zhí)行情況統(tǒng)計表》。人民網(wǎng)記者楊曦 制表",
        "数据来源:教育部,华经产业研究院整理",
    ])
    func aChartsCompiledSourceIsNoise(credit: String) {
        let line = CleanFixture.middleLine(credit)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test func aSourceNamingOnlyADocumentStaysText() {
        // fe24: 資料來源:2018/19年度財政預算案 (gold B)
        let source = "資料來源:2018/19年度財政預算案"
        let line = CleanFixture.middleLine(source)
        #expect(line?.rule != "chart-credit-compiled", "\(String(describing: line))")
    }

    @Test(arguments: [
        "链接地址:https://www.bgzsck.com//index/article/detail/detail_id/60159.html", "版权声明",
    ])
    func aPagesAddressAndCopyrightHeadingAmongTheParagraphsAreNoise(text: String) {
        let line = CleanFixture.middleLine(text)
        #expect(line?.label == .noise, "\(String(describing: line))")
    }

    @Test func aRecordRowOpenedByTheIssuingUnitIsMetadata() {
        // gc02: 发文单位 武汉市教育局 发文字号
        let row = "发文单位 武汉市教育局 发文字号"
        let line = CleanFixture.line(row, in: Self.clean(head: [row]))
        #expect(line?.label == .metadata, "\(String(describing: line))")
    }

    @Test func anEssaySitesAuthorAndSourceFieldsAreMetadata() {
        // gc44: 范文作者:本站 范文来源:本站整理 (本站整理 no longer makes it a copyright notice)
        let row = "范文作者:本站    范文来源:本站整理    范文栏目:学校工作总结    收藏本页"
        let line = CleanFixture.line(row, in: Self.clean(head: [row]))
        #expect(line?.label == .metadata, "\(String(describing: line))")
    }
}
