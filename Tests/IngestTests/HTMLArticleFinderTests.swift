import EduwhCore
import Foundation
import TestSupport
import Testing

@testable import Ingest

/// `.html` pages: the article's lines are found on the DOM; the rest is `outsideArticle`.
@Suite struct HTMLArticleFinderTests {
    static let paragraphs = [
        "今年以来，我区坚持教育优先发展，全年教育投入3.48亿元，比上年增长12%，新建校舍4.2万平方米。",
        "我们大力推进义务教育均衡发展，新建改扩建中小学5所，新增学位2000余个，解决了进城务工人员子女入学难的问题。",
        "教师队伍建设不断加强，全年招聘新教师356名，组织教师培训5000余人次，教师队伍整体素质明显提高。",
    ]

    static func page(charset: String = "utf-8", extraHead: String = "", firstParagraphPrefix: String = "") -> String {
        let body = paragraphs.enumerated().map { "<p>\($0.offset == 0 ? firstParagraphPrefix : "")\($0.element)</p>" }
            .joined()
        return """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=\(charset)">
            <title>区教育局2012年工作总结_工作动态_某区教育局</title>\(extraHead)
            <script>var a = "<p>脚本里的段落，不是正文。</p>"; document.write(a);</script>
            <style>p { text-indent: 2em; } .x:before { content: "样式文字"; }</style></head>
            <body><div class="top">设为首页 | 加入收藏 | 登录 | 注册</div>
            <ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">教育动态</a></li><li><a href="/b">通知公告</a></li></ul>
            <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/a">工作动态</a> &gt; 正文</div>
            <div class="article"><h1>区教育局2012年工作总结</h1>
            <div class="info">发布时间：2013-01-05 来源：区教育局</div>
            <div class="content">\(body)<span style="display:none">水印文字</span></div>
            <div class="share"><a href="#">微信</a><a href="#">微博</a></div></div>
            <div class="related"><h3>相关文章</h3><ul><li><a href="/1">全区教育工作会议隆重召开，部署新学期重点工作！</a></li>
            <li><a href="/2">如何让每个孩子都能上好学？</a></li></ul></div>
            <div class="footer">版权所有 某区教育局 ICP备12345678号</div></body></html>
            """
    }

    func kept(_ raw: RawDocument) -> [String] {
        raw.lines.enumerated().filter { !raw.outsideArticle.contains($0.offset + 1) }.map(\.element)
    }

    @Test func articleLinesAreTitleMetadataAndParagraphs() throws {
        let raw = try Ingestor().decode(bytes: Array(Self.page().utf8), path: "a.html")
        #expect(kept(raw) == ["区教育局2012年工作总结", "发布时间：2013-01-05 来源：区教育局"] + Self.paragraphs)
        // Menus, breadcrumb, share bar, related headlines and footer are outside; the visible
        // text and its line numbers are those of the extractor.
        #expect(raw.lines.first == "设为首页 | 加入收藏 | 登录 | 注册")
        #expect(raw.outsideArticle.contains(1))
        #expect(raw.outsideArticle.contains(raw.lines.count))
        #expect(raw.text == HTMLTextExtractor.visibleText(of: Self.page()))
    }

    @Test func scriptsStylesAndHiddenElementsNeverReachTheText() throws {
        let raw = try Ingestor().decode(bytes: Array(Self.page().utf8), path: "a.html")
        #expect(!raw.text.contains("脚本里的段落"))
        #expect(!raw.text.contains("样式文字"))
        #expect(!raw.text.contains("水印"))
    }

    @Test func gb2312DeclaredByHttpEquiv() throws {
        let bytes = try #require(IconvEncoder.encode(Self.page(charset: "gb2312"), to: "GBK"))
        let raw = try Ingestor().decode(bytes: bytes, path: "a.html")
        #expect(raw.encoding == .gb18030)
        #expect(kept(raw).suffix(3) == ArraySlice(Self.paragraphs))
    }

    @Test func gbkPageDeclaringUTF8() throws {
        let bytes = try #require(IconvEncoder.encode(Self.page(charset: "utf-8"), to: "GBK"))
        let raw = try Ingestor().decode(bytes: bytes, path: "a.htm")
        #expect(raw.encoding == .gb18030)
        #expect(kept(raw).first == "区教育局2012年工作总结")
        #expect(kept(raw).suffix(3) == ArraySlice(Self.paragraphs))
    }

    @Test func utf8PageDeclaringGB2312() throws {
        let raw = try Ingestor().decode(bytes: Array(Self.page(charset: "gb2312").utf8), path: "a.html")
        #expect(raw.encoding == .utf8)
        #expect(kept(raw).suffix(3) == ArraySlice(Self.paragraphs))
    }

    @Test func titleAgreesWithTheTitleElementNotTheTopBar() throws {
        let raw = try Ingestor().decode(bytes: Array(Self.page().utf8), path: "a.html")
        #expect(kept(raw).first == "区教育局2012年工作总结")
    }

    @Test(arguments: [
        "<p>只有一句话。</p>",
        "<ul><li><a href=\"/1\">第一条新闻标题</a></li><li><a href=\"/2\">第二条新闻标题</a></li></ul>",
    ])
    func pagesWithoutAnArticleAreLeftToClean(html: String) throws {
        let raw = try Ingestor().decode(bytes: Array(html.utf8), path: "a.html")
        #expect(raw.outsideArticle.isEmpty)
    }

    /// Pages saved without `<html>` (the inside of `document.documentElement`, as scrapers that
    /// store `innerHTML` save them) are read as if it were there.
    @Test(arguments: [
        "<head>", "<!-- saved --> <head>", "<HEAD><script>var s = 1;</script>", "<style>p {}</style><head>",
    ])
    func pagesWithoutTheHTMLElement(opening: String) throws {
        let page = Self.page().replacingOccurrences(of: "<html><head>", with: opening)
        #expect(HTMLPageRoot.needsRoot(page))
        let raw = try Ingestor().decode(bytes: Array(page.utf8), path: "a.html")
        #expect(kept(raw).first == "区教育局2012年工作总结")
        #expect(kept(raw).suffix(3) == ArraySlice(Self.paragraphs))
        #expect(raw.outsideArticle.contains(1))
    }

    @Test func pagesWithTheHTMLElementOrADoctypeAreReadAsTheyAre() {
        #expect(!HTMLPageRoot.needsRoot(Self.page()))
        #expect(!HTMLPageRoot.needsRoot("\u{FEFF}<!DOCTYPE html><head><title>甲</title></head>"))
        #expect(!HTMLPageRoot.needsRoot("  <!-- 注释 --><HTML lang=\"zh\"><body>乙</body></HTML>"))
        #expect(HTMLPageRoot.needsRoot("<htmlx><body>丙</body>"))
        #expect(!HTMLPageRoot.needsRoot("纯文字，没有标签"))
    }

    /// A real page saved that way (xinhuanet, corpus/html/r07): its article is found, the
    /// channel menus above it are not.
    @Test func realPageWithoutTheHTMLElement() throws {
        let folder = PackagePaths.root.appending(path: "corpus/html")
        let bytes = try Array(Data(contentsOf: folder.appending(path: "r07_xinhua_liqiang_xinjiang.html")))
        let gold = try String(
            contentsOf: folder.appending(path: "gold/r07_xinhua_liqiang_xinjiang.article.txt"), encoding: .utf8)
        let raw = try Ingestor().decode(bytes: bytes, path: "r07.html")
        let inside = Set(kept(raw).map { $0.trimmingCharacters(in: .whitespaces) })
        for line in gold.split(separator: "\n") { #expect(inside.contains(String(line)), "\(line)") }
        #expect(raw.lines.prefix(100).filter { inside.contains($0.trimmingCharacters(in: .whitespaces)) }.isEmpty)
    }

    /// A complete recommended article in a block named `recommend` under a short article is not
    /// the article, however long it is.
    @Test func recommendedArticleUnderTheArticleIsNotTheArticle() throws {
        let recommended = (1...12).map { "<p>推荐文章的第\($0)段，讲的是另一件事情，篇幅很长，比正文长得多，读者往往会继续往下看。</p>" }.joined()
        let page = Self.page().replacingOccurrences(
            of: "<div class=\"footer\">",
            with:
                "<div class=\"detail-recommend\"><h1>另一篇推荐文章的标题</h1><div class=\"recommend-content\">\(recommended)</div></div><div class=\"footer\">"
        )
        let raw = try Ingestor().decode(bytes: Array(page.utf8), path: "a.html")
        #expect(kept(raw).suffix(3) == ArraySlice(Self.paragraphs))
        #expect(!kept(raw).contains { $0.contains("推荐文章") })
    }

    /// A block named like boilerplate that holds the headline (a print area around the whole
    /// article) is the article's, not set aside: the footer's sentence does not win.
    @Test func printAreaAroundTheArticleIsTheArticle() throws {
        let page = Self.page().replacingOccurrences(
            of: "<div class=\"article\">", with: "<div id=\"printArea\" class=\"print-box\"><div class=\"article\">"
        )
        .replacingOccurrences(of: "<div class=\"related\">", with: "</div><div class=\"related\">")
        .replacingOccurrences(
            of: "<div class=\"footer\">版权所有 某区教育局 ICP备12345678号</div>",
            with: "<div class=\"footer\"><p>主办单位：某区教育局，地址：某区某路1号，联系电话：0000-1234567，欢迎来信来电。</p></div>")
        let raw = try Ingestor().decode(bytes: Array(page.utf8), path: "a.html")
        #expect(kept(raw).first == "区教育局2012年工作总结")
        #expect(kept(raw).suffix(3) == ArraySlice(Self.paragraphs))
        #expect(!kept(raw).contains { $0.contains("主办单位") })
    }

    /// A summary box repeating the first paragraph, photo credits under images and a tag list
    /// inside the article's block are left out and named; a caption that only describes the
    /// picture stays.
    @Test func repeatedLeadAndPhotoCreditsAreLeftOut() throws {
        let lead = "<div class=\"summary\"><p>\(Self.paragraphs[0])</p></div>"
        let pictures =
            "<p><img src=\"a.jpg\"></p><p>区教育局供图</p><p><img src=\"b.jpg\"></p><p>◎ 新校舍落成。/图：某某微博截图</p>"
            + "<p><img src=\"c.jpg\"></p><p>新建的教学楼</p><div class=\"tags\">标签：<a href=\"/t1\">教育投入</a> <a href=\"/t2\">工作总结</a></div>"
        let page = Self.page().replacingOccurrences(
            of: "<div class=\"content\">", with: "<div class=\"content\">\(lead)"
        )
        .replacingOccurrences(of: "<span style=\"display:none\">", with: "\(pictures)<span style=\"display:none\">")
        let raw = try Ingestor().decode(bytes: Array(page.utf8), path: "a.html")
        let rules = Dictionary(uniqueKeysWithValues: raw.outsideArticleRules.map { (raw.lines[$0.key - 1], $0.value) })
        #expect(rules["区教育局供图"] == "html-image-credit")
        #expect(rules["◎ 新校舍落成。/图：某某微博截图"] == "html-image-credit")
        #expect(kept(raw).contains("新建的教学楼"))
        #expect(kept(raw).filter { $0 == Self.paragraphs[0] }.count == 1)
        #expect(raw.outsideArticleRules.values.contains("html-repeated-lead"))
        #expect(rules["标签：教育投入 工作总结"] == "html-boilerplate-block")  // tags inside the article's block
    }

    @Test func textFilesHaveNoOutsideLines() throws {
        let raw = try Ingestor().decode(bytes: Array(Self.page().utf8), path: "a.txt")
        #expect(raw.outsideArticle.isEmpty)
    }
}
