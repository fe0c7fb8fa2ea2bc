import EduwhCore
import Foundation
import TestSupport
import Testing

/// The word trie and the byte-wise substring test against plain reference implementations, on
/// the gazetteer's real names and the bundled reports' real text.
@Suite struct WordTrieTests {
    /// Every division name and its name minus the last character (海珠区, 海珠), with its row numbers.
    static let words: [String: [Int]] = {
        let table =
            (try? String(contentsOf: PackagePaths.root.appending(path: "data/adcodes.csv"), encoding: .utf8)) ?? ""
        var words: [String: [Int]] = [:]
        for (row, line) in table.split(whereSeparator: \.isNewline).dropFirst().enumerated() {
            let name = String(line.split(separator: ",")[1])
            words[name, default: []].append(row)
            if name.count > 2 { words[String(name.dropLast()), default: []].append(row) }
        }
        return words
    }()

    static let reports: [String] = {
        let files =
            (try? FileManager.default.contentsOfDirectory(at: PackagePaths.imports, includingPropertiesForKeys: nil))
            ?? []
        return files.sorted { $0.path < $1.path }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    @Test("longest match equals the longest dictionary word starting at each position of every report")
    func longestMatchesTheReference() {
        #expect(Self.words.count > 3000)
        #expect(Self.reports.count == 5)
        let trie = WordTrie(Self.words)
        let longestWord = Self.words.keys.map { $0.unicodeScalars.count }.max() ?? 0
        var found = 0
        for report in Self.reports {
            let scalars = Array(report.unicodeScalars)
            for start in scalars.indices {
                var expected: (length: Int, payload: [Int])?
                for length in stride(from: min(longestWord, scalars.count - start), through: 1, by: -1) {
                    let word = String(String.UnicodeScalarView(scalars[start..<start + length]))
                    if let payload = Self.words[word] {
                        expected = (length, payload)
                        break
                    }
                }
                let match = trie.longest(in: scalars, at: start)
                #expect(
                    match?.length == expected?.length && match?.payload == expected?.payload,
                    "at \(start): \(String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 6)])))")
                if match != nil { found += 1 }
            }
        }
        #expect(found > 50)
    }

    @Test("includes agrees with Foundation's contains on every line and on pieces of it")
    func includesMatchesFoundation() {
        var checked = 0
        for report in Self.reports {
            let lines = report.split(whereSeparator: \.isNewline).map(String.init)
            for (index, line) in lines.enumerated() where !line.isEmpty {
                let characters = Array(line)
                let piece = String(characters[characters.count / 3..<min(characters.count, characters.count / 3 + 4)])
                let other = lines[(index + 7) % lines.count]
                let otherPiece = String(Array(other).prefix(3))
                for needle in [piece, otherPiece, line, "", "没有这句话的报告"] {
                    #expect(
                        line.includes(needle) == (needle.isEmpty || line.contains(needle)),
                        "\(needle) in \(line.prefix(20))")
                    checked += 1
                }
                #expect(line[...].includes(piece))
            }
        }
        #expect(checked > 500)
    }

    @Test("String(scalars:) equals the standard library's conversion for every slice start of every report")
    func scalarStringMatchesTheStandardLibrary() {
        var checked = 0
        for report in Self.reports + ["", "a", "𠀀𪚥 emoji 👩‍🏫 é"] {
            let scalars = Array(report.unicodeScalars)
            for start in stride(from: 0, through: scalars.count, by: 7) {
                for length in [0, 1, 2, 5, 40, 400] where start + length <= scalars.count {
                    let slice = scalars[start..<start + length]
                    #expect(String(scalars: slice) == String(String.UnicodeScalarView(slice)))
                    checked += 1
                }
            }
        }
        #expect(checked > 5000)
    }

    @Test("scalarArray and scalarValues equal the standard library's scalars for every line and piece of the reports")
    func scalarDecodingMatchesTheStandardLibrary() {
        var texts = Self.reports + Self.reports.flatMap { $0.split(separator: "\n").map(String.init) }
        // 1- to 4-byte UTF-8 (ASCII, é, CJK, astral and emoji), a lone combining mark, an NUL.
        texts += [
            "", "a", "é", "\u{0}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "𠀀𪚥 emoji 👩‍🏫 é", "e\u{301}",
        ]
        // Pieces cut at every seventh character: substrings as well as whole strings.
        for report in Self.reports.prefix(2) {
            var index = report.startIndex
            while index < report.endIndex {
                let end = report.index(index, offsetBy: 40, limitedBy: report.endIndex) ?? report.endIndex
                texts.append(String(report[index..<end]))
                index = report.index(index, offsetBy: 7, limitedBy: report.endIndex) ?? report.endIndex
            }
        }
        for text in texts {
            #expect(text.scalarArray == Array(text.unicodeScalars), "\(text.prefix(20))")
            #expect(text.scalarValues == text.unicodeScalars.map(\.value), "\(text.prefix(20))")
        }
        #expect(texts.count > 500)
    }

    @Test("characterCount equals count on every line of the reports and on text that combines")
    func characterCountMatchesCount() {
        var texts = Self.reports.flatMap { $0.split(separator: "\n").map(String.init) } + Self.reports
        texts += [
            "", "a\r\nb", "e\u{301}", "ぱ", "は\u{309A}", "한국어", "👩‍🏫 教师", "字\u{FE0F}", "〇二〇", "ｶﾞ", "中\u{302A}",
            "“教育”——共计…①②Ⅱ■★※‰", "☺\u{FE0F}", "✌\u{1F3FD}", "⌚\u{200D}⏰", "︰﹏", "→\u{20D7}",
        ]
        for text in texts {
            #expect(text.characterCount == text.count, "\(text.prefix(20))")
        }
        #expect(texts.count > 100)
    }

    @Test("isWhiteSpace agrees with the standard library's property for every scalar")
    func whiteSpaceMatchesProperty() {
        var spaces = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWhiteSpace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            if scalar.isWhiteSpace { spaces += 1 }
        }
        #expect(spaces == 25)
    }

    @Test("ScalarSet answers like Set<Unicode.Scalar> for every scalar of the reports and for astral ones")
    func scalarSetMatchesSet() {
        let members: [Unicode.Scalar] = ["x", "X", "×", "某", "＊", "\u{0}", "\u{FFFF}", "\u{20000}", "\u{10FFFF}"]
        let bitmap = ScalarSet(members)
        let reference = Set(members)
        var probes = Set(Self.reports.joined().unicodeScalars)
        probes.formUnion(members)
        probes.formUnion(["\u{20001}", "\u{FFFE}", "Y"])
        for scalar in probes {
            #expect(bitmap.contains(scalar) == reference.contains(scalar), "\(scalar.value)")
        }
        #expect(probes.count > 1000)
    }

    @Test("occurrences found once per line give the trie's own matches for ranges inside the line")
    func occurrencesMatchTheTrie() {
        let trie = WordTrie(Self.words)
        var compared = 0
        var nonEmpty = 0
        for report in Self.reports {
            for line in report.split(separator: "\n").filter({ $0.unicodeScalars.count > 4 }).prefix(40) {
                let scalars = Array(line.unicodeScalars)
                let span = 1..<(scalars.count - 1)
                let found = trie.occurrences(in: scalars, span: span)
                for lower in stride(from: span.lowerBound, to: span.upperBound, by: 7) {
                    for upper in stride(from: lower, through: span.upperBound, by: 11) {
                        let expected = trie.matches(in: scalars, range: lower..<upper)
                        #expect(found.matches(in: lower..<upper) == expected)
                        compared += 1
                        if !expected.isEmpty { nonEmpty += 1 }
                    }
                }
                #expect(!found.covers(0..<span.upperBound) && !found.covers(span.lowerBound..<scalars.count))
            }
        }
        #expect(compared > 5000 && nonEmpty > 1000)
    }
}
