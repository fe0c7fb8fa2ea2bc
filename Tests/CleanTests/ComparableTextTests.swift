import EduwhCore
import Foundation
import TestSupport
import Testing

@testable import Clean

/// The title-comparison helpers of `ScannedLine` against their plain definitions: `comparable`
/// drops spaces and punctuation-like scalars (by general category; `comparableCounted` reads the
/// UTF-8 bytes, so the alphabet has scalars of every UTF-8 length), `comparablePrefix` is its
/// first scalars, `footnoteMark` is where `\[[0-9]{1,2}\]$` matches.
@Suite struct ComparableTextTests {
    static let alphabet = Array("校长述职报告２０篇一（）()[]【】《》、，。：—…·+=<>| 　\t12aZé0\u{2028}𠀀😀ß\u{0301}")

    static func randomText(_ random: inout SeededGenerator, maxLength: Int = 24) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    @Test func comparableDropsSpacesAndPunctuationByCategory() {
        var random = SeededGenerator(seed: 41)
        for _ in 0..<2000 {
            let text = Self.randomText(&random)
            let expected = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter {
                        !LineShape.isSpace($0) && !$0.properties.generalCategory.isPunctuationLike
                    }))
            #expect(ScannedLine.comparable(text) == expected, "\(text)")
            // Built from the UTF-8 bytes: the same bytes, and the count of its scalars.
            let counted = ScannedLine.comparableCounted(text)
            #expect(Array(counted.text.utf8) == Array(expected.utf8), "\(text)")
            #expect(counted.count == expected.unicodeScalars.count, "\(text)")
            #expect(counted.plain == PlainText.isPlain(expected), "\(text)")
            let limit = Int.random(in: 0...30, using: &random)
            #expect(
                ScannedLine.comparablePrefix(text, limit) == Array(expected.unicodeScalars.prefix(limit)),
                "\(text) \(limit)")
        }
        #expect(ScannedLine.comparable("《校长 述职报告》（2012）") == "校长述职报告2012")
    }

    @Test func footnoteMarkIsWhereTheRegularExpressionMatches() {
        var random = SeededGenerator(seed: 43)
        var marks = 0
        for _ in 0..<3000 {
            var text = Self.randomText(&random, maxLength: 8)
            if Bool.random(using: &random) { text += "[" + String(Int.random(in: 0...120, using: &random)) + "]" }
            if Int.random(in: 0..<8, using: &random) == 0 { text += "\u{2028}" }
            let expected = text.range(of: #"\[[0-9]{1,2}\]$"#, options: .regularExpression)
            if expected != nil { marks += 1 }
            #expect(ScannedLine.footnoteMark(in: text) == expected, "\(text)")
        }
        #expect(marks > 300)
        let line = "2012年全县教育事业统计公报[1]"
        #expect(ScannedLine.footnoteMark(in: line).map { String(line[..<$0.lowerBound]) } == "2012年全县教育事业统计公报")
    }

    /// `FirstSeen` answers as a `[String: Int]` recording each text's first line does, with texts
    /// that are canonically equivalent across its two kinds: é typed as one scalar or as e and a
    /// combining accent, 豈 as the CJK compatibility ideograph U+F900 or the unified U+8C48.
    @Test func firstSeenAnswersAsAStringDictionary() {
        let words = ["校长", "述职", "2012", "caf\u{E9}", "cafe\u{301}", "\u{8C48}", "\u{F900}", "ｎ", "学"]
        var random = SeededGenerator(seed: 47)
        for _ in 0..<300 {
            var reference: [String: Int] = [:]
            var seen = FirstSeen(capacity: 4)
            for line in 0..<12 {
                let text = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    words.randomElement(using: &random)!
                }.joined()
                let expected = reference[text]
                if expected == nil { reference[text] = line }
                #expect(seen.first(text, else: line) == expected, "\(text)")
            }
        }
        var seen = FirstSeen(capacity: 2)
        #expect(seen.first("豈学校", else: 0) == nil)
        #expect(seen.first("\u{F900}学校", else: 1) == 0)
        #expect(seen.first("cafe\u{301}", else: 2) == nil)
        #expect(seen.first("caf\u{E9}", else: 3) == 2)
    }
}
