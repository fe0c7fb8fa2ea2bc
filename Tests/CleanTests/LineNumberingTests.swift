import Clean
import EduwhCore
import Testing

/// Whatever the rules decide, Clean labels every non-blank line once, numbered as `sed -n Np` counts.
@Suite struct LineNumberingTests {
    @Test func everyNonBlankLineIsLabelledOnceWithItsRawNumber() {
        let text = "教育工作述职报告\n\n  一、加强领导  \r\n\r\n我区投入资金3500万元新建校舍。\n"
        let raw = RawDocument(
            path: "t.txt", byteCount: text.utf8.count, sha256: "", encoding: .utf8, format: .text, text: text)
        let cleaned = Cleaner.standard.clean(raw)
        #expect(cleaned.lines.map(\.number) == [1, 3, 5])
        #expect(cleaned.lines[1].text == "一、加强领导")
        #expect(cleaned.documents.flatMap(\.lines).count == cleaned.lines.count)
    }
}
