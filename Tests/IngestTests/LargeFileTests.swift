import Ingest
import TestSupport
import Testing

/// A 50 MB file of one single line loads (under the default 64 MiB limit) or is refused cleanly.
@Suite(.serialized) struct LargeFileTests {
    static let line: [UInt8] = {
        let chunk = Array("教育经费投入3.48亿元，新建校舍4.2万平方米，".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50_000_000 + chunk.count)
        while bytes.count < 50_000_000 { bytes.append(contentsOf: chunk) }
        return bytes
    }()

    @Test func fiftyMegabyteSingleLineLoads() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("one-line.txt", bytes: Self.line)
        let raw = try Ingestor().read(path: path)
        #expect(raw.byteCount == Self.line.count)
        #expect(raw.text.utf8.count == Self.line.count)
        #expect(!raw.text.utf8.contains(0x0A))  // still one line
    }

    @Test func fiftyMegabyteSingleLineOverALowerLimitIsTooLarge() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("one-line.txt", bytes: Self.line)
        var settings = IngestSettings.standard
        settings.maxFileBytes = 32 << 20
        #expect(throws: IngestError.self) { try Ingestor(settings: settings).read(path: path) }
        do {
            _ = try Ingestor(settings: settings).read(path: path)
        } catch {
            #expect(error.reason == .tooLarge)
        }
    }
}
