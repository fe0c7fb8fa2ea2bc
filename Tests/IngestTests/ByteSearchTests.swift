import EduwhCore
import TestSupport
import Testing

/// `ByteSearch` (EduwhCore), the one byte search that Ingest's HTML scanners and
/// `StringProtocol.includes` use, against a naive search on seeded random haystacks.
@Suite struct ByteSearchTests {
    /// The smallest `i >= max(start, 0)` with `haystack[i..<i + needle.count] == needle`.
    private func naive(_ needle: [UInt8], _ haystack: [UInt8], from start: Int) -> Int? {
        var i = max(start, 0)
        while i + needle.count <= haystack.count {
            if haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func bytes(_ count: Int, from alphabet: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        (0..<count).map { _ in alphabet.randomElement(using: &random)! }
    }

    @Test func agreesWithANaiveSearchOnRandomBytes() {
        var random = SeededGenerator(seed: 23)
        // A small alphabet makes partial matches (same first byte, different rest) frequent;
        // 0x00 and 0xFF check that memchr and memcmp see bytes as unsigned.
        let alphabet: [UInt8] = [0x00, 0x2D, 0x3E, 0x61, 0x62, 0xE5, 0xFF]
        var found = 0
        for _ in 0..<4000 {
            let haystack = bytes(Int.random(in: 0...40, using: &random), from: alphabet, using: &random)
            var needle = bytes(Int.random(in: 0...4, using: &random), from: alphabet, using: &random)
            if !haystack.isEmpty, Bool.random(using: &random) {
                // A needle cut from the haystack, so that hits are common too.
                let from = Int.random(in: 0..<haystack.count, using: &random)
                let to = min(haystack.count, from + Int.random(in: 1...5, using: &random))
                needle = Array(haystack[from..<to])
            }
            let start = Int.random(in: -2...(haystack.count + 2), using: &random)
            let expected = naive(needle, haystack, from: start)
            if expected != nil { found += 1 }
            #expect(
                ByteSearch.firstIndex(of: needle, in: haystack, from: start) == expected,
                "\(needle) in \(haystack) from \(start)")
        }
        #expect(found > 1000)  // the property was checked on hits as well as misses
    }

    @Test func stringNeedlesSearchTheirUTF8Bytes() {
        let page = Array("<p>教育局</p><!-- 注释 --><p>尾</p>".utf8)
        let open = ByteSearch.firstIndex(of: "<!--", in: page)!
        let close = ByteSearch.firstIndex(of: "-->", in: page, from: open + 4)!
        #expect(String(decoding: page[open + 4..<close], as: UTF8.self) == " 注释 ")
        #expect(ByteSearch.firstIndex(of: "-->", in: page, from: close + 1) == nil)
        #expect(page.withUnsafeBufferPointer { ByteSearch.firstIndex(of: "教育局", in: $0) } == 3)
    }

    @Test func includesAgreesWithContainsOnChineseText() {
        let line = "担任中共县委书记，主管全县教育工作"
        #expect(line.includes("县委书记"))
        #expect(line[...].includes("教育工作"))
        #expect(!line.includes("县教委"))
        #expect(line.includes(""))
    }

    /// `begins(with:)`, `scalarCount` and `scalarPrefix` against the standard library's answers on
    /// random text of CJK, traditional and full-width characters, punctuation, spaces and digits.
    @Test func prefixAndScalarHelpersAgreeWithTheStandardLibrary() {
        var random = SeededGenerator(seed: 31)
        let alphabet = Array("县委教育局學校，。（）()[]12 　ＡａA篇𠀋é")
        var prefixes = 0
        for _ in 0..<3000 {
            let text = String(
                (0..<Int.random(in: 0...16, using: &random)).map { _ in
                    alphabet.randomElement(using: &random)!
                })
            let prefix =
                Bool.random(using: &random) && !text.isEmpty
                ? String(text.prefix(Int.random(in: 0...text.count, using: &random)))
                : String(
                    (0..<Int.random(in: 0...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            if text.hasPrefix(prefix) { prefixes += 1 }
            #expect(text.begins(with: prefix) == text.utf8.starts(with: prefix.utf8), "\(text) \(prefix)")
            #expect(text.begins(with: prefix) == text.hasPrefix(prefix), "\(text) \(prefix)")
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text)")
            let limit = Int.random(in: 0...20, using: &random)
            #expect(text.scalarPrefix(limit) == Array(text.unicodeScalars.prefix(limit)), "\(text) \(limit)")
        }
        #expect(prefixes > 500)  // hits as well as misses
        #expect("县委书记"[...].begins(with: "县委"))
        #expect(!"县".begins(with: "县委"))
        #expect("".begins(with: ""))
    }
}
