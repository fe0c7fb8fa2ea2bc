import Testing

@testable import Normalize

/// `ScalarLine.init` decodes a line's UTF-8 in one unchecked pass, folding traditional characters and
/// noting its marks; `nextFlagged` passes the characters a scanner has no use for. These tests hold
/// both to a plain reading of the same made-up lines: `unicodeScalars`, the fold table looked up one
/// scalar at a time, and a linear search.
@Suite struct ScalarLineDecodeTests {
    static let lines = [
        "",
        "投入3.48亿元升级改造",
        "學校約4.1萬平方米，較去年增長１２％",
        "〔2011〕3号 【通知】 ［附件］ （一） 〖要点〗 [2] (3)",
        "“两免一补”「政策」『方案』‘试点’ \"quoted\" 《规划》〈纲要〉",
        "http://www.example.cn WWW.EDU.CN Hello",
        "a𠀀b，2024年ü é ñ\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        "我們學(xué)校有3個(gè)班",
        "龜鑑㐀䶵丟並乾亂亞佇",
    ]

    /// What the decoding must give: each scalar, folded when in U+4E00–U+9FFF and the table folds it.
    static func referenceScalars(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { scalar in
            let v = scalar.value
            guard v >= 0x4E00, v < 0xA000, TraditionalFold.table[Int(v)] != 0 else { return v }
            return UInt32(TraditionalFold.table[Int(v)])
        }
    }

    static func referenceFeatures(_ text: String) -> UInt8 {
        var features: UInt8 = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x28, 0x5B, 0x3014, 0x3010, 0xFF3B, 0xFF08, 0x3016: features |= ScalarLine.hasBracket
            case 0x68, 0x77, 0x48, 0x57: features |= ScalarLine.hasLatinURLStart
            case 0x22, 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0x2018, 0x2019, 0x300A, 0x300B, 0x3008, 0x3009:
                features |= ScalarLine.hasQuote
            default: break
            }
        }
        return features
    }

    @Test(arguments: lines)
    func decodingMatchesTheScalarView(_ text: String) {
        let line = ScalarLine(text)
        guard line.glossed == nil else {
            // 個(gè): the glosses go, the rest reads as the scalar view with them taken out.
            #expect(line.features & ScalarLine.hasGloss != 0)
            #expect(ScalarLine.string(line.s[...]) == "我们学校有3个班")
            return
        }
        #expect(line.s == Self.referenceScalars(text))
        #expect(line.features & ~ScalarLine.hasGloss == Self.referenceFeatures(text))
        let raw = text.unicodeScalars.map(\.value)
        #expect((line.raw ?? line.s) == raw)
    }

    @Test(arguments: lines)
    func nextFlaggedIsTheFirstFlaggedScalar(_ text: String) {
        // Flags on digits (1), on 年 and 元 (2), on the full-width comma (1 and 2).
        var flags = [UInt8](repeating: 0, count: 0x10000)
        for v in 0x30...0x39 { flags[v] = 1 }
        flags[0x5E74] = 2
        flags[0x5143] = 2
        flags[0xFF0C] = 3
        let line = ScalarLine(text)
        for mask: UInt8 in [1, 2, 3] {
            for start in 0...line.count {
                let expected =
                    (start..<line.count).first { line.s[$0] < 0x10000 && flags[Int(line.s[$0])] & mask != 0 }
                    ?? line.count
                #expect(line.nextFlagged(from: start, in: flags, mask: mask) == expected)
            }
        }
    }
}
