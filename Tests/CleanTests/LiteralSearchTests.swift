import Foundation
import Ingest
import TestSupport
import Testing

@testable import Clean

/// `contains` literals are searched behind a pair filter (PairBloom): a literal with a byte
/// pair the line lacks is not searched for. The filter may only ever spare searches that
/// would fail, on the bundled samples' real lines, short and long.
@Suite struct LiteralSearchTests {
    static func sampleLines() throws -> [ScannedLine] {
        let files = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.imports.path).filter {
            $0.hasSuffix(".txt")
        }.sorted()
        return try files.flatMap { name in
            let raw = try Ingestor().read(path: PackagePaths.imports.appending(path: name).path)
            return ScannedLine.scan(raw.text)
        }
    }

    @Test func literalsInALineAreAlwaysFound() throws {
        let lines = try Self.sampleLines()
        #expect(lines.count > 150)
        var checked = 0
        for line in lines {
            let scalars = Array(line.matchText.unicodeScalars)
            // Every substring of 1 to 6 characters, from every third position.
            for start in stride(from: 0, to: scalars.count, by: 3) {
                for length in 1...6 where start + length <= scalars.count {
                    let word = String(String.UnicodeScalarView(scalars[start..<start + length]))
                    guard !word.contains("|") else { continue }
                    let pattern = try TextPattern(match: "contains", pattern: word)
                    #expect(pattern.matches(line), "'\(word)' in line \(line.number)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// Words taken from other lines are found exactly where String.contains finds them, and
    /// the filter alone turns most absent ones away.
    @Test func literalsFromOtherLinesMatchWhereTheyOccur() throws {
        let lines = try Self.sampleLines()
        let words = lines.compactMap { line -> String? in
            let scalars = Array(line.matchText.unicodeScalars)
            guard scalars.count >= 8 else { return nil }
            return String(String.UnicodeScalarView(scalars[2..<6]))
        }
        var absent = 0
        var filtered = 0
        for (index, line) in lines.enumerated() where index % 5 == 0 {
            for word in words where !word.contains("|") {
                let pattern = try TextPattern(match: "contains", pattern: word)
                let occurs = line.matchText.contains(word)
                #expect(pattern.matches(line) == occurs, "'\(word)' in line \(line.number)")
                if !occurs {
                    absent += 1
                    if !line.pairBloom.mayContain(TextPattern.Literal(Substring(word)).pairs) { filtered += 1 }
                }
            }
        }
        #expect(absent > 1_000)
        #expect(Double(filtered) > Double(absent) * 0.9, "the filter turned away \(filtered) of \(absent)")
    }

    /// The entry a literal keeps inline (asked before its whole requirement) is the requirement's
    /// entry with the most bits, so asking it first turns away only lines the whole would.
    @Test func theInlineEntryIsTheRequirementsFullestEntry() throws {
        for word in ["试读结束", "版权所有", "上一篇", "ab", "x", "责任编辑：", "Copyright ©"] {
            let literal = TextPattern.Literal(Substring(word))
            let most = literal.pairs.map(\.bits.nonzeroBitCount).max() ?? 0
            #expect(literal.first.bits.nonzeroBitCount == most, "\(word)")
            if most > 0 { #expect(literal.pairs.contains { $0 == literal.first }, "\(word)") }
        }
        for line in try Self.sampleLines().prefix(200) {
            for word in ["试读结束", "版权所有", "上一篇", "教育局"] {
                let literal = TextPattern.Literal(Substring(word))
                if line.pairBloom.mayContain(literal.pairs) { #expect(line.pairBloom.mayContain(literal.first)) }
            }
        }
    }
}
