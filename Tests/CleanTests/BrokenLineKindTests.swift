import Clean
import EduwhCore
import Testing

/// Kinds of line read wrong on pages of sites never tuned on (the held-out slice fg): figures of
/// a flattened table written with thousands separators, a sentence broken over lines by PDF
/// extraction (a figure on one line, its unit on the next), a document site's file fields inside
/// the text, photo and chart credits, and a copy of the title without its document number.
/// Every line here is made up in the shape of its kind.
@Suite struct BrokenLineKindTests {
    private static func clean(head: [String] = [], middle: [String] = [], tail: [String] = []) -> CleanedFile {
        CleanFixture.clean(head: head, middle: middle, tail: tail)
    }

    private static func clean(lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n") + "\n"))
    }

    // MARK: - Figures with thousands separators in a flattened table

    @Test func figuresWithThousandsSeparatorsAreCellsOfTheTable() throws {
        let table = ["学年", "初中", "小学", "12,480", "35,206", "13,015", "36,877", "比例", "26.17%", "73.83%"]
        let cleaned = Self.clean(middle: ["附表：全县义务教育在校生统计"] + table)
        for cell in table {
            let line = try #require(CleanFixture.line(cell, in: cleaned))
            #expect(line.label == .body, "\(cell)")
            #expect(line.rule == "table-cell", "\(cell)")
        }
    }

    // MARK: - A sentence broken over lines

    @Test func aFigureWhoseUnitOpensTheNextLineIsBody() throws {
        let broken = [
            "学校始建于1958年，全校占地面积", "24800", "㎡，其中绿化面积", "6320.5", "㎡。学校建有计算机教室",
            "2个、音乐", "室1个、美术室、书法室、舞蹈室各", "1个，藏书", "31200", "册。",
        ]
        let cleaned = Self.clean(tail: broken)
        for text in broken {
            #expect(CleanFixture.line(text, in: cleaned)?.label == .body, "\(text)")
        }
        #expect(CleanFixture.line("24800", in: cleaned)?.rule == "sentence-piece")
        #expect(CleanFixture.line("室1个、美术室、书法室、舞蹈室各", in: cleaned)?.rule == "sentence-piece")
    }

    /// A page number that PDF extraction leaves inside a sentence is followed by the sentence's
    /// words, not by a unit: it stays noise. So does a bare number under a finished sentence.
    @Test func aPageNumberInsideABrokenSentenceStaysNoise() throws {
        let cleaned = Self.clean(middle: ["全县上下齐心协力，扎实推进义务教育", "12", "均衡发展，各项工作取得新成效。"])
        #expect(CleanFixture.line("12", in: cleaned)?.label == .noise)
        let after = Self.clean(middle: ["全年完成校舍维修改造工程。", "3580", "㎡的校舍已交付使用。"])
        #expect(CleanFixture.line("3580", in: after)?.label == .noise)
    }

    // MARK: - Lines of a kind that any site may put around a report

    @Test(arguments: [
        ("格式:pdf", "doc-file-field"), ("大小:36KB", "doc-file-field"), ("頁數: 12頁", "doc-file-field"),
        ("文件格式：DOCX", "doc-file-field"), ("图为李明 摄", "photo-credit-spaced"), ("（王小红 摄）", "photo-credit-spaced"),
        ("新闻配图", "article-image-label"), ("数据来源:县统计局 制图:张华", "chart-credit"),
        ("广告 广告", "button-row"), ("如题", "qa-filler"),
    ])
    func siteLinesInsideTheTextAreNoise(_ text: String, _ rule: String) throws {
        let cleaned = Self.clean(middle: [text])
        let line = try #require(CleanFixture.line(text, in: cleaned))
        #expect(line.label == .noise)
        #expect(line.rule == rule)
    }

    /// Sentences that only look like those lines stay body.
    @Test(arguments: [
        "学校大小会议室各1间，格式化管理制度全部上墙。", "这张照片由李明拍摄，记录了开学第一天。", "数据来源：县教育局统计年报。",
    ])
    func sentencesLikeThemStayBody(_ text: String) throws {
        let cleaned = Self.clean(middle: [text])
        #expect(CleanFixture.line(text, in: cleaned)?.label == .body)
    }

    // MARK: - A copy of the title without its document number

    @Test func aHeadCopyOfTheTitleWithoutItsNumberIsACopy() throws {
        let title = "某县人民政府办公室关于印发某县学前教育行动计划的通知(某政办发〔2021〕12号)"
        let copy = "某县人民政府办公室关于印发某县学前教育行动计划的通知"
        let cleaned = Self.clean(lines: [title, "", "发布日期：2021-06-08", "", copy, ""] + CleanFixture.paragraphs)
        #expect(CleanFixture.line(title, in: cleaned)?.label == .title)
        let line = try #require(CleanFixture.line(copy, in: cleaned))
        #expect(line.label == .noise)
        #expect(line.rule == "title-repeat")
    }

    // MARK: - The end of a page

    /// Under a related-news heading, other stories' headlines with their dates are the list,
    /// not this page's metadata.
    @Test func datedHeadlinesUnderARelatedNewsHeadingAreNoise() throws {
        let list = ["- 全省春季学期开学工作会议召开2025-02-11", "- 多地出台措施减轻中小学生课业负担2025-02-10"]
        let cleaned = Self.clean(tail: ["相关新闻"] + list)
        for text in ["相关新闻"] + list {
            #expect(CleanFixture.line(text, in: cleaned)?.label == .noise, "\(text)")
        }
    }

    /// A page cut after a numbered heading and a few unpunctuated lines: the heading is the
    /// report's next section, not an item of a related list; a closing note in brackets on the
    /// last line is whole, not a sentence cut off.
    @Test func aNumberedHeadingAtTheCutEndIsNoRelatedItem() throws {
        let cleaned = Self.clean(tail: ["（二）师资队伍情况", "......", "预览已结束"])
        #expect(CleanFixture.line("（二）师资队伍情况", in: cleaned)?.label == .body)
        let note = "（建议使用1280×800以上分辨率浏览本站）"
        let bracketed = Self.clean(tail: [note])
        #expect(CleanFixture.line(note, in: bracketed)?.label == .noise)
    }

    /// A collection page's piece marked at its end with a Chinese numeral (…报告篇一): the
    /// collection's title and its copy above are the page's captions, the piece's line the title.
    @Test func aPieceMarkedWithAChineseNumeralHeadsTheReport() throws {
        let cleaned = Self.clean(
            lines: [
                "乡镇教育工作报告(汇总12篇)", "", "乡镇教育工作报告(汇总12篇)", "",
                "报告是我们向上级汇报工作的重要文书，写好报告需要掌握一定的方法，下面是一些范文，供参考。", "",
                "乡镇教育工作报告篇一", "",
            ] + CleanFixture.paragraphs)
        #expect(CleanFixture.line("乡镇教育工作报告篇一", in: cleaned)?.label == .title)
        for line in cleaned.lines where line.text.hasPrefix("乡镇教育工作报告(") {
            #expect(line.label == .noise)
        }
    }

    /// The file's last line under kept text: cut off mid-word (with a blanked name, **县教) it is
    /// the report's; the start of a line above (a cut copy of the title) is not.
    @Test func theCutEndKeepsBlankedNamesAndDropsCopies() throws {
        let blanked = Self.clean(tail: ["三、下一步工作打算", "**县教"])
        #expect(CleanFixture.line("**县教", in: blanked)?.label == .body)
        let copy = String(CleanFixture.title.dropLast(2))
        let copied = Self.clean(tail: [copy])
        #expect(CleanFixture.line(copy, in: copied)?.label == .noise)
    }

    /// A site's crumb written with spaces, led by the site's name (某某网 资料文库 …材料范文), is the
    /// page's metadata, not the report's title.
    @Test func aSpacedCrumbLedByTheSitesNameIsMetadata() throws {
        let crumb = "育才网 资料文库 镇教育工作汇报材料范文"
        let cleaned = Self.clean(lines: [crumb, "", CleanFixture.title, ""] + CleanFixture.paragraphs)
        #expect(CleanFixture.line(crumb, in: cleaned)?.label == .metadata)
        #expect(CleanFixture.line(CleanFixture.title, in: cleaned)?.label == .title)
    }
}
