import EduwhCore
import Ingest
import TestSupport
import Testing

/// A scraper that cut a file mid-character: the text loads without the broken tail, and a note says so.
@Suite struct TruncatedTailTests {
    /// (iconv charset, byte-order mark, expected encoding)
    static let forms: [(String, [UInt8], TextEncoding)] = [
        ("UTF-8", [], .utf8),
        ("UTF-8", [0xEF, 0xBB, 0xBF], .utf8BOM),
        ("GB18030", [], .gb18030),
        ("UTF-16LE", [0xFF, 0xFE], .utf16LE),
        ("UTF-16BE", [0xFE, 0xFF], .utf16BE),
    ]

    @Test(arguments: forms)
    func cutInTheLastCharacterDropsOnlyThatCharacter(form: (String, [UInt8], TextEncoding)) throws {
        let (charset, bom, expected) = form
        let text = IngestFixtures.seed(IngestFixtures.seedNames[3])
        let whole = try #require(IconvEncoder.encode(text + "育", to: charset))
        let cut = bom + whole.dropLast(1)  // 育 loses its last byte
        let raw = try Ingestor().decode(bytes: cut, path: "cut.txt")
        #expect(raw.encoding == expected)
        #expect(raw.text == text)
        #expect(raw.notes.contains { $0.contains("incomplete character at the end") })
    }

    @Test func big5CutMidCharacter() throws {
        let whole = try #require(IconvEncoder.encode(IngestFixtures.traditional + "教", to: "BIG5"))
        let raw = try Ingestor().decode(bytes: Array(whole.dropLast()), path: "cut.txt")
        #expect(raw.encoding == .big5)
        #expect(raw.text == IngestFixtures.traditional)
        #expect(raw.notes == ["dropped 1 byte of an incomplete character at the end (the file was cut mid-character)"])
    }

    @Test func utf8CutAfterTwoOfFourBytes() throws {
        let bytes = Array("教育经费𠀀".utf8).dropLast(2)
        let raw = try Ingestor().decode(bytes: Array(bytes), path: "cut.txt")
        #expect(raw.text == "教育经费")
        #expect(raw.notes == ["dropped 2 bytes of an incomplete character at the end (the file was cut mid-character)"])
    }
}
