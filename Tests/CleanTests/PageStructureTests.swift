import Clean
import EduwhCore
import Testing

/// Kinds of lines that only the rest of the same page tells apart (a heading the body repeats,
/// a caption restated below, a teaser the body repeats) and head lines that are no title by
/// their shape. Every page here is made up; each case names the line it is about.
@Suite struct PageStructureTests {
    static func clean(_ lines: [String]) -> CleanedFile {
        Cleaner.standard.clean(CleanFixture.raw(lines.joined(separator: "\n\n") + "\n"))
    }

    static func expect(
        _ cleaned: CleanedFile, _ text: String, _ label: LineLabel, _ rule: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let line = CleanFixture.line(text, in: cleaned)
        #expect(line?.label == label, "\(text)", sourceLocation: sourceLocation)
        #expect(line?.rule == rule, "\(text): \(line?.rule ?? "-")", sourceLocation: sourceLocation)
    }

    static let paragraphs = CleanFixture.paragraphs

    @Test func headHeadingsTheBodyRepeatsAreAContentsList() {
        let cleaned = Self.clean([
            "在全镇教育工作会议上的讲话", "本文提纲……", "一、过去一年的主要工作", "二、当前面临的困难", "三、明年的工作打算",
            "同志们：", Self.paragraphs[0], "一、过去一年的主要工作", Self.paragraphs[1],
        ])
        Self.expect(cleaned, "本文提纲……", .noise, "toc-entry")
        Self.expect(cleaned, "二、当前面临的困难", .noise, "toc-entry")
        Self.expect(cleaned, "在全镇教育工作会议上的讲话", .title, "title-heading")
        // The body's own heading stays.
        #expect(cleaned.lines.last { $0.text == "一、过去一年的主要工作" }?.label == .body)
    }

    @Test func headHeadingsTheBodyDoesNotRepeatStay() {
        let cleaned = Self.clean([
            CleanFixture.title, "一、基本情况", "（一）学校概况", Self.paragraphs[0], "二、主要做法", Self.paragraphs[1],
        ])
        Self.expect(cleaned, "一、基本情况", .body, "section-heading")
        Self.expect(cleaned, "（一）学校概况", .body, "section-heading")
    }

    @Test func aTeaserTheBodyRepeatsIsNoise() {
        let lead = "本报讯（通讯员 李明）今年以来，我镇坚持教育优先发展，全年投入教育经费2860万元，新建教学楼两幢。"
        let teaser = "本报讯(通讯员李明)今年以来,我镇坚持教育优先发展,全年投入教育经费2860万元,新建教学楼两幢,办学条件明显改善,"
        let cleaned = Self.clean([CleanFixture.title, teaser, lead, Self.paragraphs[1], Self.paragraphs[2]])
        Self.expect(cleaned, teaser, .noise, "repeated-opening")
        Self.expect(cleaned, lead, .body, "body-paragraph")
    }

    @Test func aCaptionGivesWayToItsPieceOrFullerForm() {
        let piece = Self.clean(["镇教育工作总结", "发布时间：2022-11-08", "第一篇：镇教育工作总结", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(piece, "镇教育工作总结", .noise, "collection-caption")
        Self.expect(piece, "第一篇：镇教育工作总结", .title, "piece-ordinal")

        let fuller = Self.clean(["某市教育事业十四五发展规划讨论稿", "某市教育事业“十四五”发展规划（讨论稿）", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(fuller, "某市教育事业十四五发展规划讨论稿", .noise, "collection-caption")
        Self.expect(fuller, "某市教育事业“十四五”发展规划（讨论稿）", .title, "title-heading")

        // A title followed by a longer one that goes on after it (a main title and its fuller
        // form with a subtitle) keeps both.
        let longer = Self.clean(["完善督导工作机制", "完善督导工作机制、促进义务教育均衡发展", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(longer, "完善督导工作机制", .title, "title-heading")
    }

    @Test func aCollectionTitleWithNoPieceIsThePagesTitle() {
        let alone = Self.clean(["某县学前教育三年行动计划(精选11篇)", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(alone, "某县学前教育三年行动计划(精选11篇)", .title, "collection-title-only")
        let withPiece = Self.clean(["幼儿园工作总结(精选15篇)", "幼儿园工作总结1", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(withPiece, "幼儿园工作总结(精选15篇)", .noise, "collection-title")
        Self.expect(withPiece, "幼儿园工作总结1", .title, "title-heading")
        // Any short word before the count (实用, 优质) marks the collection.
        let anyWord = Self.clean(["学校安全工作总结(实用12篇)", "学校安全工作总结1", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(anyWord, "学校安全工作总结(实用12篇)", .noise, "collection-title")
    }

    @Test func aBannerParagraphAboveThePageChromeIsNoise() {
        let banner = "【问卷调查】只要填写就能获得积分，活动截止2024年4月25日。前往查看"
        let cleaned = Self.clean([
            banner, "研一上", "第 2 期", "475分", "【新闻】县里增设公托 减轻负担", Self.paragraphs[0], Self.paragraphs[1],
            Self.paragraphs[2],
        ])
        Self.expect(cleaned, banner, .noise, "banner-paragraph")
        Self.expect(cleaned, "【新闻】县里增设公托 减轻负担", .title, "title-heading")
        // A notice signed under its first paragraph is no banner: the signature is a date.
        let notice = Self.clean([
            CleanFixture.title, Self.paragraphs[0], "某某县教育局", "2022年3月5日", "附件", "正文如下", Self.paragraphs[1],
            Self.paragraphs[2],
        ])
        Self.expect(notice, Self.paragraphs[0], .body, "body-paragraph")
    }

    @Test func headLinesThatAreNoTitle() {
        let cleaned = Self.clean([
            "轻松学习从此开始!", "建教〔2013〕16 号", "关于印发某镇2012年工作总结的通知", "各县、市、区人民政府，市直各部门、各直属机构：",
            Self.paragraphs[0], Self.paragraphs[1],
        ])
        Self.expect(cleaned, "轻松学习从此开始!", .noise, "head-slogan")
        Self.expect(cleaned, "建教〔2013〕16 号", .body, "doc-number")
        Self.expect(cleaned, "关于印发某镇2012年工作总结的通知", .title, "title-heading")
        Self.expect(cleaned, "各县、市、区人民政府，市直各部门、各直属机构：", .body, "addressee")

        let fields = Self.clean(["牵头部门: 某市教育局", "某市义务教育均衡发展规划", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(fields, "牵头部门: 某市教育局", .metadata, "head-field")
        Self.expect(fields, "某市义务教育均衡发展规划", .title, "title-heading")

        let crumb = Self.clean(["镇教育2011年工作总结", "部门工作总结", Self.paragraphs[0], Self.paragraphs[1]])
        Self.expect(crumb, "部门工作总结", .noise, "category-crumb")
    }

    @Test func aHardWrappedSentenceInTheHeadIsBody() {
        let cleaned = Self.clean([
            "某县履行教育职责情况自评报告", "根据《2022 年某市人民政府履行教育职责自查自评\n工作方案》要求，我县高度重视，",
            Self.paragraphs[0], Self.paragraphs[1],
        ])
        Self.expect(cleaned, "某县履行教育职责情况自评报告", .title, "title-heading")
        Self.expect(cleaned, "根据《2022 年某市人民政府履行教育职责自查自评", .body, "head-body")
        Self.expect(cleaned, "工作方案》要求，我县高度重视，", .body, "head-body")
    }

    @Test func pageShapes() {
        let cleaned = Self.clean([
            "某某网!          推广助手 网站制作 营销型网站建设 成交型网站建设 更多友情", "学习网丨在线教育丨课堂丨在线教育网站大全",
            String(repeating: "※", count: 34), CleanFixture.title, "王　强", Self.paragraphs[0], Self.paragraphs[1],
            "x.xx%。",
        ])
        Self.expect(cleaned, "某某网!          推广助手 网站制作 营销型网站建设 成交型网站建设 更多友情", .noise, "link-bar")
        Self.expect(cleaned, "学习网丨在线教育丨课堂丨在线教育网站大全", .noise, "nav-pipes")
        Self.expect(cleaned, String(repeating: "※", count: 34), .noise, "symbols-only")
        Self.expect(cleaned, "王　强", .body, "speaker-name")
        #expect(CleanFixture.line("x.xx%。", in: cleaned)?.label == .body)
    }
}
