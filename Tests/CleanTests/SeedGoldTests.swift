import Clean
import EduwhCore
import Foundation
import Ingest
import Testing
import TestSupport

/// The five seeds against their gold labels, with pinned floors (the bar the scorer measures).
/// Lowering a floor must be an explicit, reviewed change.
@Suite struct SeedGoldTests {
    static let keepDropFloor = 0.995
    static let labelFloor = 0.98
    static let noiseF1Floor = 0.98

    static var seeds: URL { PackagePaths.seeds }

    static var seedNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }

    struct GoldLine { var doc: String; var label: String }

    static func gold(_ name: String) throws -> [Int: GoldLine] {
        let url = PackagePaths.gold.appending(path: name.replacingOccurrences(of: ".txt", with: ".lines.tsv"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [Int: GoldLine] = [:]
        for row in text.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 3, let line = Int(cells[0]) else { continue }
            result[line] = GoldLine(doc: String(cells[1]), label: String(cells[2]))
        }
        return result
    }

    @Test func seedsMeetTheBar() throws {
        try #require(Self.seedNames.count == 5, "seeds expected at \(Self.seeds.path)")
        var lines = 0, labelOK = 0, keepOK = 0, noiseTP = 0, noiseFP = 0, noiseFN = 0, splitsOK = 0
        for name in Self.seedNames {
            let gold = try Self.gold(name)
            let raw = try Ingestor().read(path: Self.seeds.appending(path: name).path)
            let cleaned = Cleaner.standard.clean(raw)
            let predicted = Dictionary(cleaned.lines.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            var predictedDocs = Set<Int>()
            for (number, g) in gold {
                lines += 1
                let p = predicted[number]
                let label = p?.label.rawValue ?? "?"
                if let p { predictedDocs.insert(p.document) }
                if label == g.label { labelOK += 1 } else { print("\(name):\(number) gold \(g.label) got \(label) \(p?.rule ?? "-")") }
                let goldKept = g.label == "T" || g.label == "B"
                let kept = label == "T" || label == "B"
                if goldKept == kept { keepOK += 1 }
                if !goldKept && !kept { noiseTP += 1 }
                if goldKept && !kept { noiseFP += 1 }
                if !goldKept && kept { noiseFN += 1 }
            }
            let goldDocs = Set(gold.values.map(\.doc))
            if goldDocs.count == predictedDocs.count { splitsOK += 1 } else { print("\(name): \(goldDocs.count) gold documents, got \(predictedDocs.count)") }
            #expect(cleaned.documents.count == goldDocs.count, "\(name)")
        }
        let precision = Double(noiseTP) / Double(max(1, noiseTP + noiseFP))
        let recall = Double(noiseTP) / Double(max(1, noiseTP + noiseFN))
        let f1 = 2 * precision * recall / max(1e-9, precision + recall)
        #expect(Double(keepOK) / Double(lines) >= Self.keepDropFloor)
        #expect(Double(labelOK) / Double(lines) >= Self.labelFloor)
        #expect(f1 >= Self.noiseF1Floor)
        #expect(splitsOK == Self.seedNames.count)
    }

    /// Seed metadata lines become attributes.
    @Test func seedMetadataIsParsed() throws {
        try #require(Self.seedNames.count == 5)
        let first = try Ingestor().read(path: Self.seeds.appending(path: Self.seedNames[0]).path)
        let metadata = try #require(Cleaner.standard.clean(first).documents.first?.metadata)
        #expect(metadata.publishedAt == "2024-06-07 15:59:59")
        #expect(metadata.wordCount == 7269)
        let last = try Ingestor().read(path: Self.seeds.appending(path: Self.seedNames[4]).path)
        let crumbs = try #require(Cleaner.standard.clean(last).documents.first?.metadata)
        #expect(crumbs.breadcrumb.count == 4)
        #expect(crumbs.publishedAt == "2019-04-19")
    }
}
