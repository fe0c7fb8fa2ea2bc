import Foundation
import Ingest
import Testing

/// `Ingestor.breakingLongLines`, which the loader applies: lines over `IngestSettings.maxLineBytes`
/// are broken at a sentence end (issue #20: a single 20 MB line took 137 s and 416 MB to load);
/// shorter lines are never touched, and `Ingestor.read` keeps every line as it is.
@Suite struct LongLineTests {
    @Test func aLongLineIsBrokenAfterSentenceEnds() throws {
        let sentence = "全年投入教育经费3.48亿元,新建校舍4万平方米。"
        let line = String(repeating: sentence, count: 5000)  // ~330 KB, one line
        var settings = IngestSettings.standard
        settings.maxLineBytes = 60_000
        let ingestor = Ingestor(settings: settings)
        let raw = ingestor.breakingLongLines(
            try ingestor.decode(bytes: Array(("标题\n" + line + "\n结尾。\n").utf8), path: "one-line.txt"))
        let lines = raw.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "标题")
        #expect(lines.dropFirst().dropLast(2).allSatisfy { $0.utf8.count <= 60_000 && $0.hasSuffix("。") })
        #expect(lines.dropFirst().dropLast(2).joined() == line)
        #expect(raw.notes.contains { $0.contains("line break") })
    }

    @Test func aLineWithoutSentenceEndsIsBrokenOnCharacterBoundaries() throws {
        let line = String(repeating: "教育", count: 40_000)  // 240,000 bytes, no punctuation
        let raw = Ingestor().breakingLongLines(try Ingestor().decode(bytes: Array(line.utf8), path: "no-stops.txt"))
        let lines = raw.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.joined() == line)
    }

    @Test func normalFilesAreUntouched() throws {
        let text = "第一行。\n第二行,没有句号\n\n第四行。\n"
        let raw = Ingestor().breakingLongLines(try Ingestor().decode(bytes: Array(text.utf8), path: "short.txt"))
        #expect(raw.text == text)
        #expect(raw.notes.isEmpty)
    }
}
