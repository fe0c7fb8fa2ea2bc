import EduwhCore
import Ingest
import TestSupport
import Testing

@Suite struct SHA256DigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func fipsVectors(input: String, hex: String) {
        #expect(SHA256Digest.hex(of: Array(input.utf8)) == hex)
        #expect(Self.hex(SHA256Digest.digest(of: Array(input.utf8), using: .portable)) == hex)
    }

    /// The CPU's SHA extensions (when this machine has them) and the portable C agree on every
    /// length from 0 to 300 bytes and on a few long inputs of pseudo-random bytes.
    @Test func hardwareAgreesWithPortable() {
        var generator = SeededGenerator(seed: 7)
        for count in Array(0...300) + [4_095, 4_096, 65_537] {
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            #expect(
                SHA256Digest.digest(of: bytes) == SHA256Digest.digest(of: bytes, using: .portable), "length \(count)")
        }
    }

    /// A slice and a non-contiguous collection hash like the array of the same bytes.
    @Test func anyCollectionOfBytes() {
        let bytes = Array("义务教育阶段学校 2023年".utf8)
        #expect(SHA256Digest.digest(of: bytes[2...]) == SHA256Digest.digest(of: Array(bytes[2...])))
        #expect(SHA256Digest.digest(of: bytes.lazy.map { $0 }) == SHA256Digest.digest(of: bytes))
    }

    private static func hex(_ digest: [UInt8]) -> String {
        digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func millionAs() {
        #expect(
            SHA256Digest.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundaries (55/56 bytes: the length still fits or needs a
    /// second block; 64: exactly one block), checked against Python's hashlib.
    @Test(arguments: [
        (1, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"),
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func paddingBoundaries(count: Int, hex: String) {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        #expect(SHA256Digest.hex(of: bytes) == hex)
        #expect(Self.hex(SHA256Digest.digest(of: bytes, using: .portable)) == hex)
    }

    /// The content identity the warehouse stores for each seed is the file's plain SHA-256
    /// (as `sha256sum imports/*` prints it), computed by the Ingest stage over the raw bytes.
    @Test(arguments: [
        ("000_2aee6a9319702955.txt", "9f38a2540bc273f97a892d183b3884de96dfb9ff6ab1260f09f7b59752ad43ea"),
        ("001_771c83aade38c1b7.txt", "4a60f45f1ecffa477b8138f03c3bbeed94f0694d3c09d6bcad8046fc4ec3797a"),
        ("002_f1a6d74b7d48969e.txt", "9ce23d15c8d28a78eb9a25403af89ea8fdc05a3e3c78c18d9865beefc034ecee"),
        ("003_bdf3e9763ffc4651.txt", "0ded6da334460beef2379f13f27426ab474224506b0316165ce0a1113d935d4d"),
        ("004_c547eb10244c3aeb.txt", "6b4ab275331ceb3db57e8b711dd2a5f27c8dfa22bcb28559fa12a6e3752dafcf"),
    ])
    func seedFileHashes(name: String, hex: String) throws {
        let raw = try Ingestor().read(path: PackagePaths.imports.appending(path: name).path)
        #expect(raw.sha256 == hex)
    }
}
