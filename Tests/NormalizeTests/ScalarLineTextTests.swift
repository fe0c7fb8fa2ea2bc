import Testing

@testable import Normalize

/// `ScalarLine.text(_:)` encodes a surface's scalars to UTF-8 in one buffer; these tests hold it to
/// the `String.UnicodeScalarView` building it replaced (kept here as `referenceString`), on made-up
/// values of every UTF-8 length and on lines that fold traditional script or carry pinyin glosses.
@Suite struct ScalarLineTextTests {
    static func referenceString(_ values: ArraySlice<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for v in values { if let u = Unicode.Scalar(v) { view.append(u) } }
        return String(view)
    }

    @Test func valuesOfEveryLengthEncodeAsTheScalarView() {
        // ASCII, Latin with a tone mark, Han, a full-width comma, an astral Han, the edges of each
        // UTF-8 length, and values that are no scalar (surrogates, past U+10FFFF), which are left out.
        let values: [UInt32] = [
            0x41, 0x7F, 0x80, 0xE8, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFF0C, 0xFFFF,
            0x10000, 0x20000, 0x10FFFF, 0x110000, 0x32,
        ]
        for start in 0..<values.count {
            for end in start...values.count {
                let slice = values[start..<end]
                #expect(ScalarLine.string(slice) == Self.referenceString(slice))
                #expect(Array(ScalarLine.string(slice).utf8) == Array(Self.referenceString(slice).utf8))
            }
        }
    }

    @Test func surfacesAreCutFromTheRawText() {
        for text in ["投入3.48亿元升级改造", "約4.1萬平方米", "我們學(xué)校有3個(gè)班", "a𠀀b，2024年"] {
            let line = ScalarLine(text)
            for start in 0..<line.count {
                for end in start...line.count {
                    var source = Array((line.raw ?? line.s)[start..<end])
                    if let g = line.glossed {
                        source = end > start ? Array(g.full[g.origin[start]...g.origin[end - 1]]) : []
                    }
                    #expect(line.text(start..<end) == Self.referenceString(source[...]))
                }
            }
        }
        #expect(ScalarLine("約4.1萬平方米").text(0..<2) == "約4")
    }
}
