import EduwhCore
import Testing

@testable import Clean

/// Kinds of page session 17 taught Clean by their structure: a news page's headline over its
/// dateline, a page record's field rows, a table flattened to `|` rows, a doc site's outline over
/// glued text, photo credits, and a report PDF extraction broke at every figure. Every page here
/// is made up.
@Suite struct PageKindTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    static func line(_ text: String, in cleaned: CleanedFile) -> LabeledLine? {
        CleanFixture.line(text, in: cleaned)
    }

    // MARK: - A headline over its dateline

    static let headline = "柳溪县新建三所乡村幼儿园投入使用"
    static let story = [
        "近日，柳溪县新建的三所乡村幼儿园正式投入使用，新增学位540个，解决了周边村民子女入园难的问题。",
        "据介绍，三所乡村幼儿园总投资1860万元，建筑面积共计6200平方米，配齐了户外活动场地和教学设备。",
    ]

    @Test func theLineAboveADatelineIsTheHeadlineAndTheChromeAboveItNoise() {
        let chrome = ["您好！欢迎来到本站！", "换个角度看新闻，看见更多！"]
        let stamp = "作者：李明 来源：柳溪日报 时间：2023-09-12"
        let cleaned = Self.clean(chrome + [Self.headline, stamp] + Self.story)
        let title = Self.line(Self.headline, in: cleaned)
        #expect(title?.label == .title && title?.rule == "headline-above-dateline", "\(String(describing: title))")
        // A line rule may name the site's welcome first; the head's place alone would have kept it.
        for text in chrome { #expect(Self.line(text, in: cleaned)?.label == .noise, "\(text)") }
        #expect(Self.line(chrome[1], in: cleaned)?.rule == "above-headline")
        #expect(Self.line(stamp, in: cleaned)?.label == .metadata)
        #expect(Self.line(Self.story[0], in: cleaned)?.label == .body)
    }

    @Test func aButtonAboveAForumStampIsNoHeadline() {
        // It shares no words with the post: the head's own reading stands.
        let button = "跳转到指定楼层"
        let stamp = "发表于 2009-9-6 16:12:02"
        let cleaned = Self.clean([Self.headline, button, stamp] + Self.story)
        #expect(Self.line(button, in: cleaned)?.rule != "headline-above-dateline")
        #expect(Self.line(Self.headline, in: cleaned)?.label == .title)
    }

    // MARK: - A page record's field rows

    @Test(arguments: ["【来源:柳溪教育】", "初审编辑:王小红", "主办单位: 县教育局", "最后更新日期:2023/5/11", "(责任编辑:张华)"])
    func aRecordFieldRowAfterTheStoryIsMetadata(field: String) {
        let tail = [field, "相关新闻推荐阅读", "更多精彩内容请关注", "网站地图联系我们"]
        let cleaned = Self.clean([Self.headline] + Self.story + tail)
        #expect(
            Self.line(field, in: cleaned)?.label == .metadata, "\(String(describing: Self.line(field, in: cleaned)))")
    }

    // MARK: - A table flattened to rows of cells

    @Test func aTableOfBarSeparatedRowsIsBody() {
        let rows = [
            "学校占地面积 (亩) | 校舍建筑面积 (M2) | 教室数 (间) |",
            "42.64 | 30173 | 76 |",
            "生均藏书量(册) | 专任教师 (人) | 中高级职称比例(%) |",
            "39 | 189 | 94.1% |",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0]] + rows + CleanFixture.paragraphs.dropFirst())
        for row in rows {
            let line = Self.line(row, in: cleaned)
            #expect(line?.label == .body && line?.rule == "table-bar-row", "\(String(describing: line))")
        }
    }

    @Test func aMenuOfBarsWithPageNumbersIsNoTable() {
        let rows = ["首页 | 新闻 | 公告 |", "1 | 2 | 3 |", "关于我们 | 联系我们 |", "4 | 5 | 6 |"]
        let cleaned = Self.clean([CleanFixture.title] + CleanFixture.paragraphs + rows)
        for row in rows { #expect(Self.line(row, in: cleaned)?.rule != "table-bar-row", "\(row)") }
    }

    @Test func aBudgetTableOneCellPerLineWithEmptyCellsIsBody() {
        let cells = [
            "项目", "本年预算", "上年预算", "一般公共服务支出", "1,234.56", "-", "教育支出", "5,678.90", "5,432.10", "合计",
            "6,913.46", "5,432.10",
        ]
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0]] + cells + CleanFixture.paragraphs.dropFirst())
        for cell in cells {
            let line = Self.line(cell, in: cleaned)
            #expect(line?.label == .body && line?.rule == "table-cell", "\(cell): \(String(describing: line))")
        }
    }

    @Test(arguments: ["-12.5", "1,234.56万元", "48人", "86.5%"])
    func aFigureCellMayCarryASignOrAUnit(cell: String) {
        #expect(ScannedLine.isNumberCell(Array(cell.unicodeScalars)))
    }

    // MARK: - A doc site's outline over glued text

    @Test func anOutlineWhoseFirstHeadingOpensTheGluedTextIsContents() {
        let outline = ["1.1政策背景", "1.2社会需求", "二、现状分析", "2.1发展现状", "2.2存在问题", "三、目标任务"]
        let glued = "一、背景与意义1.1政策背景：国家高度重视特殊教育事业，将其纳入教育发展的核心议程，各地加大投入，办学条件不断改善。"
        let cleaned = Self.clean(["特殊教育工作方案", "文档简介"] + outline + [glued])
        for heading in outline {
            let line = Self.line(heading, in: cleaned)
            #expect(line?.label == .noise && line?.rule == "toc-entry", "\(String(describing: line))")
        }
        #expect(Self.line(glued, in: cleaned)?.label == .body)
    }

    // MARK: - Photo credits

    @Test(arguments: ["新建的县实验幼儿园。读者供图。", "资料图片", "均为王明 摄", "学生在上课。资料图 赵朗 摄", "学校新貌。图/县教育局提供"])
    func aPhotoCreditIsNoise(caption: String) {
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0], caption] + CleanFixture.paragraphs.dropFirst())
        #expect(
            Self.line(caption, in: cleaned)?.label == .noise, "\(String(describing: Self.line(caption, in: cleaned)))")
    }

    @Test func aBracketedLineUnderAnImageIsItsCaption() {
        let caption = "(副县长视察新校址)"
        let cleaned = Self.clean(
            [CleanFixture.title, CleanFixture.paragraphs[0], "视察新校址.jpg", caption] + CleanFixture.paragraphs.dropFirst()
        )
        let line = Self.line(caption, in: cleaned)
        #expect(line?.label == .noise && line?.rule == "image-caption", "\(String(describing: line))")
    }

    // MARK: - A report broken at every figure

    @Test func piecesOfABrokenPageStayBody() {
        let lines = [
            "县教育局2022年工作报告", "根据", "xx", "市教育局《关于开展督导评价工作的通知》(", "督委字〔", "2022", "〕", "x",
            "号)精神，现将有关情况报告如下。", "全县有各级各类学校", "xxx", "所，在校学生", "xxxxx", "人，教师", "xxxx",
            "人。今年以来，我县坚持教育优先发展，不断改善办学条件，全面提高教育质量，各项工作取得新成效。",
        ]
        let cleaned = Self.clean(lines)
        for piece in ["督委字〔", "2022", "〕"] {
            let line = Self.line(piece, in: cleaned)
            #expect(line?.label == .body, "\(String(describing: line))")
        }
    }
}
