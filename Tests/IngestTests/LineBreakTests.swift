import EduwhCore
import Ingest
import Testing

/// CRLF and CR become LF; nothing else changes, and the raw line numbering is kept.
@Suite struct LineBreakTests {
    @Test(arguments: [
        ("一\r\n二\r\n三", "一\n二\n三"),
        ("一\r二\r三\r", "一\n二\n三\n"),
        ("一\r\n\r\n二\n\r三", "一\n\n二\n\n三"),
        ("  一 \t\n\n\n二  ", "  一 \t\n\n\n二  "),
    ])
    func lineBreaksAreNormalised(input: String, expected: String) throws {
        let raw = try Ingestor().decode(bytes: Array(input.utf8), path: "a.txt")
        #expect(raw.text == expected)
        #expect(raw.lines == RawDocument.splitLines(input))
    }

    @Test func blankLinesOfTextFilesAreKept() throws {
        let input = "标题\n\n\n时间:2024-06-07\n\n正文\n"
        let raw = try Ingestor().decode(bytes: Array(input.utf8), path: "a.txt")
        #expect(raw.lines == ["标题", "", "", "时间:2024-06-07", "", "正文"])
    }
}
