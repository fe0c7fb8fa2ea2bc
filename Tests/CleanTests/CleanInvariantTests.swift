import Clean
import EduwhCore
import TestSupport
import Testing

/// Whatever the text, Clean labels every non-blank line exactly once, in order, and its
/// documents partition the lines: checked on seeded random mixes of report and noise lines.
@Suite struct CleanInvariantTests {

    static let pieces =
        CleanFixture.paragraphs + DocumentSplitTests.speechA + DocumentSplitTests.reportB + [
            "", "   ", "\u{3000}", "篇二：学校工作汇报", "相关推荐", "扫码关注", "(0)", "WENBEN COM", "上一篇：教学工作总结",
            "时间：2021-01-02 作者：佚名", "当前位置：首页 > 总结 > 正文", "谢谢大家！", "一、基本情况", "x", "……", "【篇三】",
            "尊敬的各位领导：", "本人于2019年担任校长，任现职以来，始终坚持依法治校。", "文/王强", "第2页",
        ]

    @Test(arguments: 0..<60)
    func everyLineIsLabelledOnceAndDocumentsPartitionTheFile(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 7919)
        let count = Int.random(in: 0...40, using: &random)
        let separators = ["\n", "\r\n", "\r", "\n\n"]
        let text = (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }
            .joined(separator: separators.randomElement(using: &random)!)
        let cleaned = Cleaner.standard.clean(CleanFixture.raw(text))

        let expected = RawDocument.splitLines(text).enumerated()
            .filter { !$0.element.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
            .map { $0.offset + 1 }
        #expect(cleaned.lines.map(\.number) == expected)
        #expect(cleaned.lines.allSatisfy { !$0.rule.isEmpty && !$0.text.isEmpty })
        #expect(cleaned.documents.flatMap(\.lines) == cleaned.lines)
        #expect(cleaned.documents.map(\.index) == Array(stride(from: 1, through: cleaned.documents.count, by: 1)))
        #expect(cleaned.documents.isEmpty == cleaned.lines.isEmpty)
        let docs = cleaned.lines.map(\.document)
        #expect(docs == docs.sorted())
    }
}
