import CSHA256

/// SHA-256 of a byte buffer (FIPS 180-4), with no crypto package: the block function is the C
/// target CSHA256, which uses the CPU's SHA extensions when it has them (every file of a load
/// is hashed: 2% of a 10,000-file load's CPU with the Swift rounds this replaced).
///
/// ```swift
/// SHA256Digest.hex(of: Array("abc".utf8))
/// // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public enum SHA256Digest {
    /// Which block function runs: the CPU's SHA extensions, or portable C.
    public enum Implementation: Sendable {
        case automatic, portable
    }

    /// The 32-byte digest.
    public static func digest<Bytes: Collection>(of bytes: Bytes, using implementation: Implementation = .automatic)
        -> [UInt8]
    where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({
            digest(of: UnsafeRawBufferPointer($0), using: implementation)
        }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digest(of: $0, using: implementation) }
    }

    /// The digest as 64 lower-case hex characters.
    public static func hex<Bytes: Collection>(of bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest(of: bytes) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func digest(of buffer: UnsafeRawBufferPointer, using implementation: Implementation) -> [UInt8] {
        var state: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        let compress = implementation == .portable ? eduwh_sha256_blocks_portable : eduwh_sha256_blocks
        // The whole blocks straight from the buffer, then the rest with its padding: 0x80, zeros,
        // and the length in bits as a big-endian UInt64, to a multiple of 64 bytes.
        let whole = buffer.count / 64
        if whole > 0, let base = buffer.baseAddress {
            compress(&state, base.assumingMemoryBound(to: UInt8.self), whole)
        }
        var tail = Array(buffer[(whole * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(buffer.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        compress(&state, tail, tail.count / 64)
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }
}
