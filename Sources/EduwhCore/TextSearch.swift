#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one byte search of the code: where a needle first occurs in bytes, at or after an offset.
/// `memchr` finds the needle's first byte, `memcmp` checks the rest (glibc's `memmem` is not
/// exported to Swift). Exact bytes, no case folding: a case-insensitive caller lower-cases its
/// haystack and needle first.
///
/// ```swift
/// ByteSearch.firstIndex(of: "-->", in: Array("<!-- a -->b".utf8), from: 4)   // 7
/// ```
public enum ByteSearch {
    /// The smallest index `i >= start` (a negative `start` counts as 0) at which `needle` occurs
    /// in `haystack`, or nil. An empty needle is found at `start` when `start <= haystack.count`.
    @inlinable
    public static func firstIndex(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        let start = max(start, 0)
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        guard let n = needle.baseAddress, !needle.isEmpty else { return start }
        guard let h = haystack.baseAddress else { return nil }
        let first = Int32(n.pointee)
        var cursor = h + start
        let last = h + (haystack.count - needle.count)
        while cursor <= last {
            guard let hit = memchr(cursor, first, last - cursor + 1) else { return nil }
            let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(candidate, n, needle.count) == 0 { return candidate - h }
            cursor = candidate + 1
        }
        return nil
    }

    /// `firstIndex(of:in:from:)` with the needle's UTF-8 bytes.
    @inlinable
    public static func firstIndex(
        of needle: String, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        var needle = needle
        return needle.withUTF8 { firstIndex(of: $0, in: haystack, from: start) }
    }

    /// `firstIndex(of:in:from:)` on arrays.
    @inlinable
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { firstIndex(of: $0, in: h, from: start) }
        }
    }

    /// `firstIndex(of:in:from:)` with the needle's UTF-8 bytes, on an array.
    @inlinable
    public static func firstIndex(of needle: String, in haystack: [UInt8], from start: Int = 0) -> Int? {
        haystack.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: start) }
    }
}

extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte on UTF-8 (no Unicode
    /// normalisation, which the pipeline's NFC-free Chinese text does not need). UTF-8 is
    /// self-synchronising, so a byte match always starts and ends on character boundaries.
    ///
    /// Foundation's `contains(_:)` goes through `NSString.range(of:)` and folds character clusters
    /// one at a time; this is `ByteSearch` over the string's own storage, many times faster on report lines.
    ///
    /// ```swift
    /// "担任中共县委书记".includes("县委书记") // true
    /// ```
    @inlinable
    public func includes(_ needle: some StringProtocol) -> Bool {
        if needle.isEmpty { return true }
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                ByteSearch.firstIndex(of: pattern, in: haystack) != nil
            }
        }
        if let found, let found { return found }
        let haystack = Array(utf8)
        let pattern = Array(needle.utf8)
        return ByteSearch.firstIndex(of: pattern, in: haystack) != nil
    }
}

extension StringProtocol {
    /// Whether the text starts with `prefix`, compared byte for byte on UTF-8: what the standard
    /// library's `hasPrefix` does itself when it knows both strings are NFC, where for CJK text
    /// it walks both as characters (the place scanner asked it for every word list at every
    /// name it found).
    ///
    /// ```swift
    /// "县委书记".begins(with: "县委")   // true
    /// ```
    @inlinable
    public func begins(with prefix: some StringProtocol) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { text in
            prefix.utf8.withContiguousStorageIfAvailable { start in
                start.isEmpty
                    || (start.count <= text.count && memcmp(text.baseAddress!, start.baseAddress!, start.count) == 0)
            }
        }
        if let found, let found { return found }
        return utf8.starts(with: prefix.utf8)
    }
}
