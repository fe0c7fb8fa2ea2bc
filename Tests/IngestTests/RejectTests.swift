import Foundation
import Ingest
import TestSupport
import Testing

/// Files that must not load: each is refused with its reason and a detail that says why.
@Suite struct RejectTests {
    let ingestor = Ingestor()

    /// Decodes and returns the error, or nil when the bytes were accepted.
    func rejection(_ bytes: [UInt8], path: String = "a.txt", settings: IngestSettings = .standard) -> IngestError? {
        do {
            _ = try Ingestor(settings: settings).decode(bytes: bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("empty.txt", bytes: [])
        #expect(throws: IngestError(path: "empty.txt", reason: .empty, detail: "the file has 0 bytes")) {
            try ingestor.read(path: path, displayPath: "empty.txt")
        }
    }

    /// (first bytes, name the detail must give)
    static let binaryFormats: [([UInt8], String)] = [
        (Array("%PDF-1.7\n%âãÏÓ\n".utf8), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "ZIP"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "PNG"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "doc"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "JPEG"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip"),
    ]

    @Test(arguments: binaryFormats)
    func binaryFormatsAreNamed(magic: [UInt8], name: String) throws {
        let error = try #require(rejection(magic + Array("教育经费投入3.48亿元".utf8)))
        #expect(error.reason == .binary)
        #expect(error.detail.contains(name))
    }

    @Test func nulBytesInATextFileMeanBinary() throws {
        let bytes = Array("教育经费投入3.48亿元，".utf8) + [0, 0, 0, 7, 0, 1] + Array("新建校舍".utf8)
        let error = try #require(rejection(bytes))
        #expect(error.reason == .binary)
        #expect(error.detail.contains("NUL byte at offset 31"))
    }

    @Test func nulBytesAfterAUTF8ByteOrderMarkMeanBinary() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("教育经费".utf8) + [0, 0, 0, 0]
        #expect(rejection(bytes)?.reason == .binary)
    }

    @Test func randomBytesAreBinary() throws {
        var generator = SeededGenerator(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(rejection(bytes)?.reason == .binary)
    }

    @Test func manyControlBytesMeanBinary() throws {
        let text = Array(String(repeating: "教育经费投入", count: 20).utf8)
        var bytes: [UInt8] = []
        for (index, byte) in text.enumerated() { bytes += index % 10 == 0 ? [byte, 0x01, 0x1F] : [byte] }
        let error = try #require(rejection(bytes))
        #expect(error.reason == .binary)
        #expect(error.detail.contains("control bytes"))
    }

    @Test func aStrayControlByteIsKept() throws {
        let text = String(repeating: "教育经费投入3.48亿元。\n", count: 20) + "\u{1A}"
        let raw = try ingestor.decode(bytes: Array(text.utf8), path: "a.txt")
        #expect(raw.text == text)
    }

    @Test func missingFileIsUnreadable() throws {
        let folder = try TemporaryFolder()
        let error = try #require(readError(folder.file("gone.txt")))
        #expect(error.reason == .unreadable)
        #expect(error.detail.contains("no such file"))
    }

    @Test func directoryIsUnreadable() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("dir.txt"), withIntermediateDirectories: false)
        let error = try #require(readError(folder.file("dir.txt")))
        #expect(error.reason == .unreadable)
        #expect(error.detail.contains("directory"))
    }

    @Test func symbolicLinkLoopIsUnreadable() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("a.txt"), withDestinationPath: folder.file("b.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("b.txt"), withDestinationPath: folder.file("a.txt"))
        let error = try #require(readError(folder.file("a.txt")))
        #expect(error.reason == .unreadable)
        #expect(error.detail.contains("loop"))
    }

    @Test func namedPipeIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.file("pipe.txt"), 0o644) == 0)
        let error = try #require(readError(folder.file("pipe.txt")))
        #expect(error.reason == .unreadable)
        #expect(error.detail.contains("pipe"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func fileWithoutReadPermissionIsUnreadable() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("secret.txt", text: IngestFixtures.simplified)
        #expect(chmod(path, 0o000) == 0)
        let error = try #require(readError(path))
        #expect(error.reason == .unreadable)
        #expect(error.detail.contains("permission denied"))
    }

    @Test func fileOverTheLimitIsTooLargeBeforeBeingRead() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("big.txt", text: String(repeating: IngestFixtures.simplified, count: 100))
        var settings = IngestSettings.standard
        settings.maxFileBytes = 4096
        let error = try #require(readError(path, settings: settings))
        #expect(error.reason == .tooLarge)
        #expect(error.detail.contains("over the limit of 4096 bytes"))
        #expect(rejection(Array(repeating: 0x41, count: 5000), settings: settings)?.reason == .tooLarge)
    }

    @Test(arguments: [" \n\t\r\n", "\u{3000}\u{3000}\n\u{FEFF}\u{200B}\n", "\n\n\n"])
    func whitespaceOnlyIsNoText(text: String) throws {
        #expect(rejection(Array(text.utf8))?.reason == .noText)
    }

    @Test func htmlWithOnlyScriptsIsNoText() throws {
        let html = "<html><head><title>教育</title><script>var a = '教育';</script></head><body> <!-- 空 --> </body></html>"
        let error = try #require(rejection(Array(html.utf8), path: "a.html"))
        #expect(error.reason == .noText)
        #expect(error.detail.contains("visible text"))
    }

    /// Text in encodings eduwh does not read (Korean EUC-KR, Japanese Shift_JIS, Latin-1) decodes
    /// "validly" in GB18030 or BIG5 only as nonsense: it must be refused, not loaded as garbage.
    @Test(arguments: [
        ("EUC-KR", "교육청 연간 업무 보고서. 올해 학교 12곳을 새로 짓고 교사 356명을 채용했다.\n"),
        ("SHIFT_JIS", "教育委員会の年次報告書。今年は学校を十二校新設し、教員を三百五十六人採用した。\n"),
        ("ISO-8859-1", "Le budget de l'éducation a augmenté de 12,5 % ; écoles rénovées : 12.\n"),
    ])
    func foreignEncodingsAreUndecodable(charset: String, text: String) throws {
        let bytes = try #require(IconvEncoder.encode(String(repeating: text, count: 4), to: charset))
        let error = try #require(rejection(bytes))
        #expect(error.reason == .undecodable)
    }

    @Test func heavilyCorruptedGBTextIsUndecodable() throws {
        var bytes = try #require(
            IconvEncoder.encode(String(repeating: IngestFixtures.simplified, count: 10), to: "GB18030"))
        for index in stride(from: 7, to: bytes.count, by: 23) { bytes[index] = 0xFF }
        let error = try #require(rejection(bytes))
        #expect(error.reason == .undecodable)
        #expect(error.detail.contains("gb18030"))
    }

    @Test func rejectionPrintsAsOneLineWithAdvice() throws {
        let error = try #require(rejection(Array("%PDF-1.4".utf8), path: "drop/a.txt"))
        #expect(error.description.hasPrefix("drop/a.txt: rejected (binary): "))
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasSuffix(error.advice))
    }

    private func readError(_ path: String, settings: IngestSettings = .standard) -> IngestError? {
        do {
            _ = try Ingestor(settings: settings).read(path: path)
            return nil
        } catch {
            return error
        }
    }
}
