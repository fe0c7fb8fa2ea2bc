import EduwhCore
import Testing

@testable import Clean

/// Kinds read from the ga, fy, fz, fw and fx slices' misses (session 25), each written as a kind seen
/// on more than one site where it could be: a list of other stories each closed by its date, a welcome
/// bar opening with a greeting, a figure cell alone on its line, a document site's page total and a
/// file name printed over and over, a photo's scene caption or source, a one-level breadcrumb from a
/// site's name, a reporter's or a supplier's credit closing a news item, the report's own heading under
/// the page's decorated title, a lead-in or a list of addressees ending in a colon, a form's tables
/// under numbered headings and a Markdown table's rule lines. Lines are taken from the field pages
/// named in each test.
@Suite struct UnseenPageKindTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    static func expect(_ text: String, in cleaned: CleanedFile, _ label: LineLabel, _ rule: String) {
        let line = CleanFixture.line(text, in: cleaned)
        #expect(line?.label == label && line?.rule == rule, "\(text): \(String(describing: line))")
    }

    /// ga23 (vcd666.com): a list of other stories, each a headline with its date glued on, above the report.
    static let datedHeadlines = [
        "- 福州工會穩崗就業創業服務超市舉辦節后首場招聘會2024-03-04", "- 從三個關鍵詞看福州如何拼經濟保用工2024-03-04",
        "- 福州重點用能企業代表參加節能業務培訓2024-03-02",
    ]

    @Test func aRunOfDatedHeadlinesIsNoise() {
        let cleaned = Self.clean(Self.datedHeadlines + [CleanFixture.title] + CleanFixture.paragraphs)
        for headline in Self.datedHeadlines { Self.expect(headline, in: cleaned, .noise, "dated-headline-run") }
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    /// A government record's date fields (fn09, ga04) name their field with a colon: no headline list.
    @Test func aRecordsDateFieldsAreNoHeadlineRun() {
        let fields = ["生成日期: 2024-05-16", "发布日期: 2024-05-16", "发文日期: 2025-11-20"]
        let cleaned = Self.clean(fields + [CleanFixture.title] + CleanFixture.paragraphs)
        for field in fields { #expect(CleanFixture.line(field, in: cleaned)?.rule != "dated-headline-run", "\(field)") }
    }

    /// ga07 (mattsalter.com) and fp22 (0542nq.cn): a welcome bar opens with a greeting.
    @Test func aWelcomeBarOpeningWithAGreetingIsNoise() {
        let bar = "您好,歡迎來到教育裝備網(wǎng)!登錄注冊新賬戶"
        Self.expect(bar, in: Self.clean([bar, CleanFixture.title] + CleanFixture.paragraphs), .noise, "site-welcome")
    }

    /// fz07 (sups.ntct.edu.tw) and fu36: a table's figure alone on its line, with thousands separators
    /// or decimals, is the report's; a date written with a dot is not taken for one.
    @Test(arguments: ["$23,037", "92,068", "2.85", "*3.06"])
    func aFigureCellIsBody(_ cell: String) {
        #expect(
            CleanFixture.middleLine(cell)?.rule == "figure-cell", "\(String(describing: CleanFixture.middleLine(cell)))"
        )
        #expect(CleanFixture.middleLine(cell)?.label == .body)
    }

    @Test func aDateWithADotIsNoFigureCell() {
        #expect(CleanFixture.middleLine("2024.3")?.rule != "figure-cell")
    }

    /// fy08 (economicdaily.com.cn): a document site's page total, and the file's name printed over and over.
    @Test(arguments: [
        ("当前文档共46页 2.97", "doc-page-total"),
        ("教育局预算公开表.xls教育局预算公开表.xls教育局预算公开表.xls教育局预算公开表.xls", "repeated-phrase"),
    ])
    func documentSiteFurnitureIsNoise(_ text: String, _ rule: String) {
        Self.expect(text, in: Self.clean([CleanFixture.title, text] + CleanFixture.paragraphs), .noise, rule)
    }

    /// fy30 (fa-today.com), fv24 (chinazhibo.tv), fr08 (dinggu.net): a photo's scene caption; fx06
    /// (hgjy100.com): a caption closed by the photo's source.
    @Test(arguments: [
        ("2014年全市教育工作会议现场", "photo-scene-caption"), ("会议现场。", "photo-scene-caption"),
        ("午餐时分,吃得香吃得开心。 共和县民族中学供图", "photo-credit-source"),
    ])
    func aPhotoCaptionIsNoise(_ text: String, _ rule: String) {
        #expect(CleanFixture.middleLine(text)?.label == .noise && CleanFixture.middleLine(text)?.rule == rule)
    }

    /// A short sentence about going to a site is text, not a caption.
    @Test func aSentenceAboutASiteVisitIsNoCaption() {
        #expect(CleanFixture.middleLine("校长带领班子成员深入施工现场。")?.label == .body)
    }

    /// fy12 (tqys.net), fz28 (zhifenbao.com): a one-level breadcrumb from the site's name.
    @Test func aOneLevelBreadcrumbFromTheSitesNameIsMetadata() {
        let crumb = "肿瘤康复网 > 关于新建中学教学楼的立项报告作文"
        let cleaned = Self.clean([crumb, "关于新建中学教学楼的立项报告作文"] + CleanFixture.paragraphs)
        Self.expect(crumb, in: cleaned, .metadata, "breadcrumb-site-one")
        #expect(CleanFixture.line("关于新建中学教学楼的立项报告作文", in: cleaned)?.label == .title)
    }

    /// fo14 (ztnews.net), ga25: a supplier's or a reporter's credit closing a news item is metadata;
    /// a sentence with a credit after it is text.
    @Test func aClosingCreditIsMetadata() {
        Self.expect(
            "(市财政局供稿)", in: Self.clean([CleanFixture.title] + CleanFixture.paragraphs + ["(市财政局供稿)"]), .metadata,
            "credit-closing")
        let sentence = "今年全市新建学校10所，改造校舍3.2万平方米。(记者 王明)"
        #expect(CleanFixture.middleLine(sentence)?.label == .body)
    }

    /// ga07 (mattsalter.com), fp22 (0542nq.cn): the page's address glued to its publish time and source.
    @Test func anAddressGluedToThePublishTimeIsMetadata() {
        let stamp = "http://m.mattsalter.com2019年01月14日 09:42教育裝備網(wǎng)"
        Self.expect(
            stamp, in: Self.clean([CleanFixture.title, stamp] + CleanFixture.paragraphs), .metadata, "url-stamp")
    }

    /// fj03, ga03, ga02: the report's own heading under the page's title decorated with the site's tag
    /// (【完整版】, (范文推荐), .docx) is a copy of it.
    @Test(arguments: [
        ("中学标准化建设汇报材料【完整版】", "中学标准化建设汇报材料"), ("XX县义务教育控辍保学工作情况汇报(范文推荐)", "XX县义务教育控辍保学工作情况汇报"),
        ("义务教育均衡发展自查报告.docx", "义务教育均衡发展自查报告"),
    ])
    func theHeadingUnderADecoratedTitleIsItsCopy(_ page: String, _ heading: String) {
        let cleaned = Self.clean([page, "发布时间:2023-06-05 21:41:28", heading] + CleanFixture.paragraphs)
        #expect(CleanFixture.line(page, in: cleaned)?.label == .title)
        Self.expect(heading, in: cleaned, .noise, "title-repeat")
    }

    /// fe26: a document kind after the heading (…工作总结汇报) is no decoration: both lines are titles.
    @Test func aDocumentKindAfterTheHeadingIsNoDecoration() {
        let cleaned = Self.clean(["2021年教育事业发展工作总结汇报", "1", "2021 年教育事业发展工作总结"] + CleanFixture.paragraphs)
        #expect(CleanFixture.line("2021 年教育事业发展工作总结", in: cleaned)?.label == .title)
    }

    /// fw23 (a county bureau's report to its 人大): its addressees and its lead-in are text, not titles.
    @Test func addresseesAndALeadInUnderTheTitleAreBody() {
        let addressees = "主任、副主任、各位委员:"
        let leadIn = "现将县教育局20xx年度工作向县人大常委会报告如下:"
        let cleaned = Self.clean(["县教育局2017年度工作报告", addressees, leadIn] + CleanFixture.paragraphs)
        Self.expect(addressees, in: cleaned, .body, "addressee")
        #expect(CleanFixture.line(leadIn, in: cleaned)?.label == .body)
        #expect(CleanFixture.line("县教育局2017年度工作报告", in: cleaned)?.label == .title)
    }

    /// fz07 (sups.ntct.edu.tw): a Taiwan school's assessment form, one cell a line, its grant table under
    /// a numbered heading and its rubric's column names under the next part's heading.
    static let form = [
        "3.執行年度:110學年度", "4.補助情況:", "補助項目內容", "申請指標", "核定經費", "補助經費", "預估結餘數", "經費結餘原因", "推展親職教育活動", "指標二",
        "$23,037", "0", "無剩餘款", "發展學校特色", "指標二", "92,068", "0", "無剩餘款", "第二部份:學校執行計畫成效考核:(95%)", "項目", "參照標準",
        "學校自評", "考核委員評鑑", "填表說明", "(佐證資料及說明)", "評分", "(打ˇ)", "執行情形概述", "評分", "(打ˇ)", "考核意見",
    ]

    @Test func aFormsTableUnderANumberedHeadingIsBody() {
        let cleaned = Self.clean(
            ["教育優先區成果", "南投縣推動教育部補助110學年度教育優先區計畫實施情形考核表"] + Self.form + CleanFixture.paragraphs)
        for cell in ["補助項目內容", "核定經費", "經費結餘原因", "無剩餘款", "發展學校特色"] {
            Self.expect(cell, in: cleaned, .body, "table-cell")
        }
        #expect(cleaned.lines.filter { $0.text == "0" }.allSatisfy { $0.label == .body && $0.rule == "table-cell" })
    }

    /// ft23: a Markdown table's rule line under its header holds no cell: noise, while its rows are body.
    @Test func aMarkdownTablesRuleLineIsNoise() {
        let table = [
            "指标类别 | 2023年数据 | 2022年数据 | 全省中位数 |", "---|---|---|---|", "生均校舍面积(㎡) | 18.6 | 17.9 | 19.2 |",
            "生均实训设备值(万元) | 1.2 | 1.0 | 1.3 |", "师生比 | 1:18 | 1:22 | 1:16 |",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0]] + table + CleanFixture.paragraphs.dropFirst())
        #expect(CleanFixture.line("---|---|---|---|", in: cleaned)?.label == .noise)
        for row in table where row != "---|---|---|---|" { Self.expect(row, in: cleaned, .body, "table-bar-row") }
    }
}
