import EduwhCore
import Ingest
import TestSupport
import Testing

/// Every supported encoding decodes to the same text, and is named correctly.
@Suite struct EncodingDetectionTests {
    let ingestor = Ingestor()

    @Test(arguments: IngestFixtures.seedNames)
    func seedFilesDecodeToTheirExactText(name: String) throws {
        let raw = try ingestor.read(path: PackagePaths.imports.appending(path: name).path, displayPath: name)
        #expect(raw.encoding == .utf8)
        #expect(raw.format == .text)
        #expect(raw.text == IngestFixtures.seed(name))
        #expect(raw.notes.isEmpty)
        #expect(raw.path == name)
    }

    /// (iconv charset, byte-order mark, expected encoding)
    static let unicodeForms: [(String, [UInt8], TextEncoding)] = [
        ("UTF-8", [], .utf8),
        ("UTF-8", [0xEF, 0xBB, 0xBF], .utf8BOM),
        ("UTF-16LE", [0xFF, 0xFE], .utf16LE),
        ("UTF-16BE", [0xFE, 0xFF], .utf16BE),
        ("UTF-16LE", [], .utf16LE),
        ("UTF-16BE", [], .utf16BE),
        ("GB18030", [], .gb18030),
        ("GBK", [], .gb18030),
    ]

    @Test(arguments: unicodeForms, IngestFixtures.seedNames)
    func seedsInEveryEncodingDecodeToTheSameText(form: (String, [UInt8], TextEncoding), name: String) throws {
        let (charset, bom, expected) = form
        let text = IngestFixtures.seed(name)
        let bytes = try #require(IconvEncoder.encode(text, to: charset))
        let raw = try ingestor.decode(bytes: bom + bytes, path: name)
        #expect(raw.encoding == expected)
        // GBK lacks a few characters (seed 000 has U+00A0); those are dropped when encoding.
        #expect(raw.text == (charset == "GBK" ? IconvEncoder.decode(bytes, from: "GBK") : text))
        #expect(raw.sha256 == SHA256Digest.hex(of: bom + bytes))
        #expect(raw.byteCount == bom.count + bytes.count)
    }

    @Test(arguments: ["BIG5", "CP950", "GB18030", "UTF-16LE"])
    func traditionalTextDecodesFromEachEncoding(charset: String) throws {
        let bytes = try #require(IconvEncoder.encode(IngestFixtures.traditional, to: charset))
        let withMark: [UInt8] = charset == "UTF-16LE" ? [0xFF, 0xFE] + bytes : bytes
        let raw = try ingestor.decode(bytes: withMark, path: "trad.txt")
        #expect(raw.text == IngestFixtures.traditional)
        let expected: TextEncoding =
            switch charset {
            case "BIG5", "CP950": .big5
            case "GB18030": .gb18030
            default: .utf16LE
            }
        #expect(raw.encoding == expected)
    }

    /// Simplified seeds squeezed into BIG5 (`iconv -c` drops characters BIG5 lacks) are still
    /// recognised as BIG5, and decode to what iconv itself gives back.
    @Test(arguments: IngestFixtures.seedNames)
    func simplifiedSeedsThroughBig5AreRecognisedAsBig5(name: String) throws {
        let bytes = try #require(IconvEncoder.encode(IngestFixtures.seed(name), to: "BIG5"))
        let raw = try ingestor.decode(bytes: bytes, path: name)
        #expect(raw.encoding == .big5)
        #expect(raw.text == IconvEncoder.decode(bytes, from: "CP950"))
    }

    @Test func gbkPageIsNotMistakenForBig5OrTheReverse() throws {
        let gb = try #require(IconvEncoder.encode(IngestFixtures.simplified, to: "GBK"))
        #expect(try ingestor.decode(bytes: gb, path: "a.txt").encoding == .gb18030)
        let big5 = try #require(IconvEncoder.encode(IngestFixtures.traditional, to: "BIG5"))
        #expect(try ingestor.decode(bytes: big5, path: "b.txt").encoding == .big5)
    }

    @Test func gb18030FourByteCharactersDecode() throws {
        // 𠀀 (U+20000) and € need GB18030's four-byte sequences.
        let text = "教育经费𠀀€统计\n"
        let bytes = try #require(IconvEncoder.encode(text, to: "GB18030"))
        #expect(bytes.count > 14)
        #expect(try ingestor.decode(bytes: bytes, path: "a.txt").text == text)
    }

    @Test func utf8ByteOrderMarkIsStrippedFromTheText() throws {
        let raw = try ingestor.decode(bytes: [0xEF, 0xBB, 0xBF] + Array("教育\n".utf8), path: "a.txt")
        #expect(raw.text == "教育\n")
        #expect(raw.encoding == .utf8BOM)
    }

    @Test func utf8WithAStrayByteBetweenCharactersIsRepairedAndNoted() throws {
        let prefix = String(repeating: IngestFixtures.simplified, count: 20)
        let suffix = String(repeating: IngestFixtures.simplified, count: 20)
        let raw = try ingestor.decode(bytes: Array(prefix.utf8) + [0xFF] + Array(suffix.utf8), path: "a.txt")
        #expect(raw.encoding == .utf8)
        #expect(raw.text == prefix + "\u{FFFD}" + suffix)
        #expect(
            raw.notes == [
                "replaced 1 invalid UTF-8 sequence in 1 damaged spot with U+FFFD (first at byte \(prefix.utf8.count))"
            ])
    }

    @Test func utf8WithAByteInsertedIntoACharacterLosesOnlyThatCharacter() throws {
        let prefix = String(repeating: IngestFixtures.simplified, count: 20)
        let suffix = String(repeating: IngestFixtures.simplified, count: 20)
        let broken: [UInt8] = [0xE8, 0x82, 0xFF, 0xB2]  // 育 (E8 82 B2) with 0xFF inside
        let raw = try ingestor.decode(bytes: Array(prefix.utf8) + broken + Array(suffix.utf8), path: "a.txt")
        #expect(raw.encoding == .utf8)
        #expect(raw.text.hasPrefix(prefix + "\u{FFFD}"))
        #expect(raw.text.hasSuffix("\u{FFFD}" + suffix))
        #expect(raw.text.unicodeScalars.count - prefix.unicodeScalars.count - suffix.unicodeScalars.count <= 4)
        #expect(raw.notes.count == 1)
        #expect(raw.notes.first?.contains("in 1 damaged spot") == true)
    }

    @Test func manyDamagedSpotsInUTF8AreNotRepaired() throws {
        var bytes = Array(String(repeating: IngestFixtures.simplified, count: 5).utf8)
        for index in stride(from: 50, to: bytes.count, by: 40) { bytes[index] = 0xFF }
        #expect(throws: IngestError.self) { try ingestor.decode(bytes: bytes, path: "a.txt") }
    }

    @Test func utf16WithMarkHoldingOnlyASCIIDecodes() throws {
        // Plain ASCII in UTF-16BE with a mark must not be read as UTF-8 with NULs.
        let raw = try ingestor.decode(
            bytes: [0xFE, 0xFF] + (IconvEncoder.encode("2009 report\n", to: "UTF-16BE") ?? []), path: "a.txt")
        #expect(raw.text == "2009 report\n")
        #expect(raw.encoding == .utf16BE)
    }

    /// Short files give little evidence; the common ones must still come out right.
    @Test(arguments: ["教育局", "学校", "中文", "校舍", "投入3.48亿元", "Total: 3.48亿元\n", "一、基本情况\n全区共有学校12所。"])
    func shortGBTextDecodes(text: String) throws {
        let bytes = try #require(IconvEncoder.encode(text, to: "GB18030"))
        let raw = try ingestor.decode(bytes: bytes, path: "a.txt")
        #expect(raw.encoding == .gb18030)
        #expect(raw.text == text)
    }

    @Test func gbTextThatIsAlsoValidUTF8IsReadAsChinese() throws {
        // 学校 in GB18030 is D1 A7 D0 A3, which is valid UTF-8 for "ѧУ".
        let raw = try ingestor.decode(bytes: [0xD1, 0xA7, 0xD0, 0xA3], path: "a.txt")
        #expect(raw.text == "学校")
        #expect(raw.encoding == .gb18030)
        #expect(raw.notes.count == 1)
    }

    /// UTF-8 text without CJK (Latin, Cyrillic, Greek) is not "rescued" into Chinese.
    @Test(arguments: [
        "Школа и образование: бюджет 12%\n", "Éducation: budget 12 %, écoles rénovées\n", "café crème", "é", "Ω",
    ])
    func narrowUTF8StaysUTF8(text: String) throws {
        let raw = try ingestor.decode(bytes: Array(text.utf8), path: "a.txt")
        #expect(raw.encoding == .utf8)
        #expect(raw.text == text)
    }
}
