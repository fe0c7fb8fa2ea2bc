#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte on UTF-8 (no Unicode
    /// normalisation, which the pipeline's NFC-free Chinese text does not need). UTF-8 is
    /// self-synchronising, so a byte match always starts and ends on character boundaries.
    ///
    /// Foundation's `contains(_:)` goes through `NSString.range(of:)` and folds character clusters
    /// one at a time; this is `memmem` over the string's own storage, many times faster on report lines.
    ///
    /// ```swift
    /// "担任中共县委书记".includes("县委书记") // true
    /// ```
    @inlinable
    public func includes(_ needle: some StringProtocol) -> Bool {
        if needle.isEmpty { return true }
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                Self.search(haystack, pattern)
            }
        }
        if let found, let found { return found }
        let haystack = Array(utf8), pattern = Array(needle.utf8)
        return haystack.withUnsafeBufferPointer { h in pattern.withUnsafeBufferPointer { p in Self.search(h, p) } }
    }

    @usableFromInline
    static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return needle.isEmpty }
        // memchr for the first byte, memcmp for the rest (glibc's memmem is not exported to Swift).
        let first = Int32(n.pointee)
        var cursor = h
        let last = h + (haystack.count - needle.count)
        while cursor <= last {
            guard let hit = memchr(cursor, first, last - cursor + 1) else { return false }
            let candidate = hit.assumingMemoryBound(to: UInt8.self)
            if memcmp(candidate, n, needle.count) == 0 { return true }
            cursor = UnsafePointer(candidate) + 1
        }
        return false
    }
}
