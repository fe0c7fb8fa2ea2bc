import Foundation
import TestSupport
import Testing

@testable import Ingest

/// `HTMLBlockTree` (libxml2 SAX callbacks) builds exactly the tree the first DOM walk built
/// (`DOMBlockTree`): on the HTML corpus, on cut and damaged copies of it, and on tag soup that
/// exercises libxml2's tree builder (content after `</html>`, a late DOCTYPE, text outside
/// elements, deep nesting).
@Suite struct HTMLBlockTreeTests {
    static func corpusPages() throws -> [(String, String)] {
        let folder = PackagePaths.root.appending(path: "corpus/html")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }
            .sorted()
        return try names.map { name in
            let bytes = try Data(contentsOf: folder.appending(path: name))
            return (name, String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Same elements, lines and title references, field by field.
    static func expectSameTree(_ html: String, _ label: String) {
        let tree = HTMLBlockTree(html: html)
        let reference = DOMBlockTree(html: html)
        #expect(tree.elements.count == reference.elements.count, "\(label): element count")
        #expect(tree.lines.count == reference.lines.count, "\(label): line count")
        #expect(tree.titleReferences == reference.titleReferences, "\(label): title references")
        for (a, b) in zip(tree.elements, reference.elements) {
            let same =
                a.tag == b.tag && a.parent == b.parent && a.depth == b.depth && a.hint == b.hint
                && a.boilerplate == b.boilerplate
                && a.isBlock == b.isBlock && a.characters == b.characters && a.linkCharacters == b.linkCharacters
                && a.punctuation == b.punctuation && a.links == b.links && a.firstLine == b.firstLine
                && a.lastLine == b.lastLine
                && a.isParagraphElement == HTMLBlockTree.paragraphElements.contains(b.tag)
            if !same {
                Issue.record("\(label): element \(a) != \(b)")
                return
            }
        }
        for (a, b) in zip(tree.lines, reference.lines) {
            let same =
                a.owner == b.owner && a.characters == b.characters && a.linkCharacters == b.linkCharacters
                && a.punctuation == b.punctuation && a.key == b.key && Array(tree.compact(a)) == b.compact
            if !same {
                Issue.record("\(label): line \(a) != \(b)")
                return
            }
        }
    }

    @Test func corpusPagesGiveTheDOMTree() throws {
        for (name, html) in try Self.corpusPages() { Self.expectSameTree(html, name) }
    }

    /// Cut short at several points (open elements, cut tags and entities) and with end tags,
    /// start tags or stretches of bytes taken out at random.
    @Test func damagedCorpusPagesGiveTheDOMTree() throws {
        var random = SeededGenerator(seed: 7)
        for (name, html) in try Self.corpusPages() {
            let scalars = Array(html.unicodeScalars)
            for k in 1...3 {
                let cut = scalars.count * k / 4 + Int(random.next() % 97)
                Self.expectSameTree(String(String.UnicodeScalarView(scalars.prefix(cut))), "\(name) cut at \(cut)")
            }
            var dropped = scalars
            for _ in 0..<40 where dropped.count > 100 {
                let start = Int(random.next() % UInt64(dropped.count - 50))
                dropped.removeSubrange(start..<(start + 1 + Int(random.next() % 40)))
            }
            Self.expectSameTree(String(String.UnicodeScalarView(dropped)), "\(name) with stretches dropped")
            for tag in ["</div>", "</p>", "<div", "</a>", "</li>", "</td>", "<body", "</head>", "<html"] {
                Self.expectSameTree(
                    html.replacingOccurrences(of: tag, with: tag.hasPrefix("</") ? "" : "<x" + tag.dropFirst()),
                    "\(name) without \(tag)")
            }
        }
    }

    @Test(arguments: [
        // No DOCTYPE: elements after the first top-level one closed become its children.
        "<html><body><div>第一段正文内容。</div></body></html><p>页面之后的段落，也算正文吗？</p><span>内联文字</span>",
        "<div class=\"content\">第一块的文字</div><span>后来的内联</span>文字<p>后来的段落。</p>",
        "<!-- 注释在前 --><div>一</div><span>二</span>",
        "<html><body><div>甲乙丙</div></body></html><!DOCTYPE html><span>丁戊</span><b>己</b>",
        "<!DOCTYPE html><html><body><div>甲乙丙</div></body></html><span>丁戊</span>",
        // Text outside any element, implied paragraphs, head first.
        "开头的文字<div>块里的文字</div>结尾的文字",
        "<head><title>标题 一</title><meta property=\"og:title\" content=\"标题 二\"></head><p>正文。</p><div>后面</div>",
        "<title>标题<!-- 注释 -->其后</title><p>段落</p>",
        "<script>var x = 1;</script><div>脚本之后的块</div>",
        // Hidden elements, styles, classes in other scripts and cases.
        "<div HIDDEN>藏</div><div style=\"DISPLAY : NONE\">也藏</div><div style=\"color:red\">见</div><p style=\"visibility:\thidden\">藏</p>",
        "<div style=\"display:none\u{301}\">组合字符之后</div><div style=\"dİsplay:none\">土耳其</div>",
        "<div class=\"Article-Content\">甲</div><div id=\"正文内容\" class=\"ÀRTICLE\">乙</div><div class=\"trs_editor news_con\">丙</div>",
        "<div class=\"\" id=\"\">空</div><div class=\"nav_menu side-bar\">菜单</div><nav class=\"content\">导航</nav><article class=\"share\">文章</article>",
        // Prefixed names: the tree builder keeps what follows the first colon.
        "<p class=\"MsoNormal\">第一段文字<o:p></o:p></p><svg:svg>矢量图里的字</svg:svg><wb:follow-button>关注</wb:follow-button>",
        "<xml:x>甲</xml:x><:y>乙</:y><z:>丙</z:><a:b:div>丁</a:b:div><DIV:P>戊</DIV:P>",
        "<a href=\"#\"><div>链接里的块<a>嵌套</a></div></a><br><br/>换行<p>段落&nbsp;文字&#12288;全角空格</p>",
    ])
    func tagSoupGivesTheDOMTree(html: String) {
        Self.expectSameTree(html, html)
    }

    /// libxml2's tree builder stops at 256 open elements; so does the SAX build.
    @Test(arguments: [200, 255, 256, 257, 258, 300])
    func deepNestingGivesTheDOMTree(depth: Int) {
        let html = String(repeating: "<div>层", count: depth) + "最深处的文字" + String(repeating: "</div>后", count: depth)
        Self.expectSameTree(html, "depth \(depth)")
        Self.expectSameTree(String(repeating: "<span>", count: depth) + "文字<p>段落</p>", "spans \(depth)")
    }

    /// The ASCII class/id hint is the String one.
    @Test func asciiHintsAgreeWithTheStringHints() {
        var random = SeededGenerator(seed: 11)
        let pieces =
            HTMLBlockTree.contentWords + HTMLBlockTree.noiseWords + HTMLBlockTree.boilerplateWords
            + [
                "a", "x1", "2", "-", "_", " ", "  ", ":", "navbar", "topnav", "maincontent", "sidebarleft", "mytags",
                "Ad", "hot_news", "ContentBox", "news_conx",
            ]
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 5)) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                if !piece.utf8.allSatisfy({ $0 < 0x80 }) { continue }
                text += piece + (random.next() % 3 == 0 ? "" : ["-", "_", " ", "1"][Int(random.next() % 4)])
            }
            let classAndID = " " + text.lowercased()
            let expected = HTMLBlockTree.hint(tag: "div", classAndID: classAndID)
            let fast = Array(classAndID.utf8).withUnsafeBufferPointer { HTMLBlockTree.asciiHint(classAndID: $0) }
            #expect(fast == expected, "\(classAndID)")
        }
    }

    /// Title candidates' character pairs, decoded by hand, are `bigrams`' (also on broken UTF-8).
    @Test func sortedBigramsAreTheBigrams() {
        var random = SeededGenerator(seed: 5)
        let alphabet: [[UInt8]] =
            ["区", "教", "育", "局", "a", "1", "：", "𠀀", "é"].map { Array($0.utf8) } + [
                [0xE5], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
            ]
        var pairs: [UInt64] = []
        var scalars: [UInt32] = []
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) { bytes += alphabet[Int(random.next() % UInt64(alphabet.count))] }
            HTMLArticleFinder.sortedBigrams(bytes[...], into: &pairs, scalars: &scalars)
            #expect(pairs == HTMLArticleFinder.bigrams(bytes).sorted(), "\(bytes)")
        }
    }
}
