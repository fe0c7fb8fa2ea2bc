import EduwhCore
import Testing

@testable import Clean

/// Kinds read from the fy and fz slices' misses (session 24), each written as a kind, not a site's
/// string: a table one cell a line with `\` empty cells, column names holding 计划 and a currency mark
/// before its figures; a site's blurb naming itself above the report; a government record's rows
/// laid out with bars; a news page's cut headlines after the text; a run of long `- ` items in the head.
/// Lines are taken from the field pages named in each test.
@Suite struct UnseenSiteKindTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n") + "\n"))
    }

    /// fz21 (gxgp.nnnu.edu.cn): a ten-year table of teachers trained, one cell a line, each closed by ` |`,
    /// `\` for an empty cell, column names quoting “国培计划” and figures noted (计划).
    static let trainingTable = [
        "序号 |", "年度 |", "“国培计划” 培训人数 |", "“区培计划” 培训人数 |", "1 |", "2010 |", "2973 |", "\\ |", "2 |", "2011 |",
        "2868 |", "\\ |", "3 |", "2012 |", "2685 |", "\\ |", "6 |", "2015 |", "10619 |", "1172 |", "|", "合计 |",
        "52162 |",
        "5956 |", "|", "2020 |", "13640(计划) |", "2345(计划) |",
    ]

    @Test func aTableWithBackslashCellsAndPlannedFiguresIsBody() {
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0], "表1:梧州市十年国培、区培人数情况汇总表 (不完全统计)"] + Self.trainingTable
                + CleanFixture.paragraphs.dropFirst())
        for cell in Self.trainingTable where cell != "|" {
            let line = CleanFixture.line(cell, in: cleaned)
            #expect(line?.label == .body && line?.rule == "table-cell", "\(cell): \(String(describing: line))")
        }
    }

    /// fz07 (sups.ntct.edu.tw): a Taiwan grant form's money cells open with a currency mark.
    @Test(arguments: ["$23,037", "NT$ 1,200", "￥3.5万元", "92,068"])
    func aFigureAfterACurrencyMarkIsANumberCell(_ cell: String) {
        #expect(ScannedLine.isNumberCell(Array(cell.unicodeScalars)), "\(cell)")
    }

    @Test(arguments: ["$", "$元", "NT$", "$abc"])
    func aCurrencyMarkAloneIsNoNumberCell(_ cell: String) {
        #expect(!ScannedLine.isNumberCell(Array(cell.unicodeScalars)), "\(cell)")
    }

    /// fy30 (fa-today.com) and fy12 (tqys.net): a hijacked or news host's blurb about itself tops the
    /// page; it is noise, and the report's own paragraphs begin below it.
    @Test(arguments: ["福安新闻网是由福安市委宣传部主办,系宁德市四家重点网站之一。", "肿瘤康复网,内容丰富有趣,生活中的好帮手!"])
    func aSiteBlurbNamingItselfIsNoise(_ blurb: String) {
        let cleaned = Self.clean([blurb, CleanFixture.title] + CleanFixture.paragraphs)
        let line = CleanFixture.line(blurb, in: cleaned)
        #expect(line?.label == .noise && line?.rule == "site-self-description", "\(String(describing: line))")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    /// A sentence about a network of services (fy26) or a site's report of its own work stays body.
    @Test(arguments: [
        "在市区和县镇建立以社区为基础,以公办、示范性幼儿园为中心,多种形式相结合的学前教育服务网络,为3— 6岁幼儿提供优质服务。",
        "教育信息网全年发布各类信息1200余条,访问量较上年增长20%。",
    ])
    func aSentenceAboutANetworkStaysBody(_ sentence: String) {
        #expect(CleanFixture.middleLine(sentence)?.label == .body)
    }

    /// fx29 (zyx.gov.cn), fw37 (shidian.gov.cn), fz31 (wfyxz.com), fw43 (kmjn.gov.cn): the rows of a
    /// government page's record of the document, with bars or a colon, are metadata, not titles.
    @Test(arguments: [
        "文件名称 | 2021年教育基本情况 | ||", "公开责任部门 | 紫阳县政府办公室 | 公开形式: | 主动公开 |", "内容概述 | 2021年教育基本情况 |",
        "公开目录 | 普通教育和职业教育 | 发布日期 | 2018-03-30 |", "文件編號: | 有效性: | 有效 | |",
        "名 称: 晋宁县学生营养办关于2016年9月—10月农村义务教育学生营养改善计划进展情况的通报",
    ])
    func aRecordRowIsMetadata(_ row: String) {
        let cleaned = Self.clean([row, CleanFixture.title] + CleanFixture.paragraphs)
        let line = CleanFixture.line(row, in: cleaned)
        #expect(line?.label == .metadata && line?.rule == "record-field", "\(String(describing: line))")
    }

    /// fy31 (fdxww.com): after the story, a list of other headlines cut to one width; those with a comma
    /// or a ！ are the list's too. A statistics page's `- ` figure list under headings (fq26) stays body.
    @Test func cutHeadlinesAmongAnOtherStoriesListAreNoise() {
        let list = [
            "刚刚,全国第七个扶贫日主题宣传活动暨第", "传承红色基因 争做时代新人——我市举", "2020年全民健身百村行(贯岭站)之第八届美", "登高望远 相伴相行",
            "焦点访谈:为了大地春常在 杀出一条血路", "海口社区开展“在职党员进社区,文明创建", "山前:整治环境 树立形象", "福鼎:文化惠民演出 润泽百姓生活",
        ]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + list)
        for cut in ["刚刚,全国第七个扶贫日主题宣传活动暨第", "海口社区开展“在职党员进社区,文明创建"] {
            let line = CleanFixture.line(cut, in: cleaned)
            #expect(line?.label == .noise && line?.rule == "tail-list-item", "\(cut): \(String(describing: line))")
        }
    }

    @Test func aFigureListUnderHeadingsAfterTheTextStaysBody() {
        let tail = [
            "義務教育總體情況", "- 學校21.26萬所", "- 招生3507.89萬人", "- 在校生1.54億", "小學", "學校數量連續42年減少", "- 學校16.01萬所,比上年下降1.03%",
        ]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + tail)
        for figure in ["- 學校21.26萬所", "- 學校16.01萬所,比上年下降1.03%"] {
            #expect(CleanFixture.line(figure, in: cleaned)?.label == .body, "\(figure)")
        }
    }

    /// fw08 (wanshu.net): a sidebar of other collections, each a long `- ` item, above the report's title.
    @Test func aRunOfLongBulletItemsInTheHeadIsNoise() {
        let items = [
            "- 影院创城工作总结汇报(39篇)工作总结报告", "- 2024年项目负责人总结报告 项目负责人总结(8篇)工作总结报告",
            "- 最新幼儿园中班十月份总结与反思(4篇)工作总结报告", "- 2024年内勤工作人员的年度总结(五篇)工作总结报告",
        ]
        let cleaned = Self.clean(items + [CleanFixture.title] + CleanFixture.paragraphs)
        for item in items {
            let line = CleanFixture.line(item, in: cleaned)
            #expect(line?.label == .noise && line?.rule == "head-list-item", "\(item): \(String(describing: line))")
        }
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }

    /// fx22 (szzj.gov.cn), fn09 (275167.com), fq18 (sxnu.edu.cn): the site owner's name tops the page over
    /// its breadcrumb; the report's title comes further down. A letterhead over a notice, with no
    /// navigation under it, is no masthead.
    @Test func anOrganisationOverTheSiteNavigationIsTheMasthead() {
        let cleaned = Self.clean(
            ["嵊州市人民政府", "您当前的位置:", ">> 政府信息公开 >> 规划计划 >> 专项规划", CleanFixture.title] + CleanFixture.paragraphs)
        let masthead = CleanFixture.line("嵊州市人民政府", in: cleaned)
        #expect(masthead?.label == .noise && masthead?.rule == "site-masthead", "\(String(describing: masthead))")
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
        let letter = Self.clean(["嵊州市教育体育局", CleanFixture.title] + CleanFixture.paragraphs)
        #expect(CleanFixture.line("嵊州市教育体育局", in: letter)?.rule != "site-masthead")
    }
}
