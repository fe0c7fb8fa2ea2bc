import EduwhCore
import TestSupport
import Testing

@testable import Ingest

/// `.html` files become their visible text, one line per block element.
@Suite struct HTMLTextExtractorTests {
    func text(of html: String, path: String = "page.html") throws -> String {
        try Ingestor().decode(bytes: Array(html.utf8), path: path).text
    }

    @Test(arguments: [
        // blocks
        ("<p>第一段</p><p>第二段</p>", "第一段\n第二段"),
        ("<div>一、基本情况<br>全区共有学校x所<br/>在校生x名</div>", "一、基本情况\n全区共有学校x所\n在校生x名"),
        ("<ul><li>篇1</li><li>篇2</li></ul><h2>标题</h2><section>正文</section>", "篇1\n篇2\n标题\n正文"),
        ("<table><tr><td>学校</td><td>12所</td></tr><tr><th>教师</th><td>356名</td></tr></table>", "学校 12所\n教师 356名"),
        ("<article><h1>述职报告</h1><p>我区<b>加大</b>投入</p></article>", "述职报告\n我区加大投入"),
        // entities
        ("<p>投入&nbsp;3.48亿元&amp;校舍</p>", "投入 3.48亿元&校舍"),
        ("<p>&#x4E2D;&#25991;&lt;b&gt; &ldquo;科教兴区&rdquo;&hellip;</p>", "中文<b> “科教兴区”…"),
        ("<p>&nbsp;&nbsp;&emsp;今年以来</p>", "　今年以来"),
        ("<p>AT&T &unknown; &#0; &amp</p>", "AT&T &unknown; \u{FFFD} &"),
        // removed content
        (
            "<p>正文</p><script>document.write('<p>广告</p>')</script><style>p{color:red}</style><noscript>开启脚本</noscript>",
            "正文"
        ),
        ("<!-- 广告开始 --><p>正文</p><!-- <p>旧文</p> -->", "正文"),
        ("<html><head><title>站点标题</title><meta charset=utf-8></head><body><p>正文</p></body></html>", "正文"),
        ("<head><title>站点</title><p>正文没有body标签</p>", "正文没有body标签"),
        ("<p>教育<span style=\"display: none\">xYz123</span>经费</p>", "教育经费"),
        ("<p>教育<font hidden>水印</font>经费</p><div hidden><div>隐藏</div>还隐藏</div><p>后文</p>", "教育经费\n后文"),
        // whitespace
        ("<p>  教育\n   经费  投入  </p>", "教育经费 投入"),
        ("<p>Education\n  budget</p>", "Education budget"),
        ("<pre>第一行\n  第二行</pre><p>后</p>", "第一行\n  第二行\n后"),
        ("<p>3 < 5 且 a<b</p>", "3 < 5 且 a<b"),
        ("<p title=\"a>b\">属性里有尖括号</p>", "属性里有尖括号"),
    ])
    func visibleText(html: String, expected: String) throws {
        #expect(try text(of: html) == expected)
    }

    @Test func htmlFormatOnlyForHtmlExtensions() throws {
        let page = "<p>正文</p>"
        #expect(try Ingestor().decode(bytes: Array(page.utf8), path: "a.HTM").format == .html)
        let asText = try Ingestor().decode(bytes: Array(page.utf8), path: "a.txt")
        #expect(asText.format == .text)
        #expect(asText.text == page)
    }

    static let gbkPage = """
        <!DOCTYPE html>
        <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
        <title>区政府关于基础教育工作的汇报</title></head>
        <body><div class="content"><h1>区政府关于基础教育工作的汇报</h1>
        <p>今年以来，我区加大财政投入力度，新建校舍4.2万平方米。</p></div></body></html>
        """

    @Test func metaCharsetDecodesAGBKPage() throws {
        let bytes = try #require(IconvEncoder.encode(Self.gbkPage, to: "GBK"))
        let raw = try Ingestor().decode(bytes: bytes, path: "a.html")
        #expect(raw.encoding == .gb18030)
        #expect(raw.text == "区政府关于基础教育工作的汇报\n今年以来，我区加大财政投入力度，新建校舍4.2万平方米。")
        #expect(raw.notes.isEmpty)
    }

    @Test func metaCharsetThatLiesIsCheckedAgainstTheBytes() throws {
        // Re-saved as UTF-8 but still declaring gb2312.
        let raw = try Ingestor().decode(bytes: Array(Self.gbkPage.utf8), path: "a.html")
        #expect(raw.encoding == .utf8)
        #expect(raw.text.hasPrefix("区政府关于基础教育工作的汇报\n"))
        #expect(raw.notes.contains { $0.contains("declared charset") })
    }

    @Test func big5PageWithMetaCharset() throws {
        let page =
            "<html><head><meta charset=\"big5\"></head><body><p>"
            + IngestFixtures.traditional.split(separator: "\n").joined(separator: "</p><p>") + "</p></body></html>"
        let bytes = try #require(IconvEncoder.encode(page, to: "BIG5"))
        let raw = try Ingestor().decode(bytes: bytes, path: "a.htm")
        #expect(raw.encoding == .big5)
        #expect(raw.text == IngestFixtures.traditional.split(separator: "\n").joined(separator: "\n"))
    }

    @Test func crlfPageGivesTheSameLines() throws {
        let page = "<p>第一段\r\n续</p>\r\n<p>第二段</p>\r\n"
        #expect(try text(of: page) == "第一段续\n第二段")
    }

    /// Hiding attributes as first written: the attributes lower-cased without whitespace hold
    /// `display:none` or `visibility:hidden`, or `hidden` stands as an attribute name.
    static func hiddenAsFirstWritten(_ attributes: [UInt8]) -> Bool {
        let compact = attributes.filter { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }.map {
            $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0
        }
        func contains(_ needle: String) -> Bool {
            let needle = Array(needle.utf8)
            guard compact.count >= needle.count else { return false }
            return (0...(compact.count - needle.count)).contains {
                compact[$0..<($0 + needle.count)].elementsEqual(needle)
            }
        }
        if contains("display:none") || contains("visibility:hidden") { return true }
        let lower = attributes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var quote: UInt8 = 0
        for index in lower.indices {
            let byte = lower[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
                continue
            }
            if byte == 0x22 || byte == 0x27 {
                quote = byte
                continue
            }
            if index > 0, [0x20, 0x09, 0x0A, 0x0D].contains(lower[index - 1]),
                lower[index...].starts(with: Array("hidden".utf8))
            {
                let after = index + 6
                if after == lower.count || [0x20, 0x09, 0x0A, 0x0D, 0x3D, 0x2F].contains(lower[after]) { return true }
            }
        }
        return false
    }

    /// The one-pass hiding check agrees with the first one on random attribute soup.
    @Test func hidingAttributesAsFirstWritten() throws {
        var random = SeededGenerator(seed: 3)
        let pieces = [
            "display", "DISPLAY", "dis", "play", ":", "none", "NoNe", "nonе", " ", "\t", "\n", "d", "dd", "v",
            "visibility", "visi", "bility",
            "hidden", "HIDDEN", "hid", "den", "=", "\"", "'", "/", "style=", "class=", " hidden", "x", ";",
            "displaydisplay:none", "vvisibility:hidden",
        ]
        for _ in 0..<3000 {
            var attributes = " "
            for _ in 0..<(1 + Int(random.next() % 8)) {
                attributes += pieces[Int(random.next() % UInt64(pieces.count))]
            }
            attributes = attributes.replacingOccurrences(of: ">", with: "").replacingOccurrences(of: "<", with: "")
            if attributes.hasSuffix("/") { attributes += "x" }  // a self-closing tag hides nothing to skip
            let html = "<div\(attributes)>甲</div>"
            // A quote left open makes the tag run on (then "<" is text): only tags that ended are compared.
            let text = HTMLTextExtractor.visibleText(of: html)
            guard text == "" || text == "甲" else { continue }
            #expect((text == "") == Self.hiddenAsFirstWritten(Array(attributes.utf8)), "\(attributes)")
        }
    }
}
