import Clean
import EduwhCore
import Foundation
import Ingest
import TestSupport
import Testing

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

    struct GoldLine {
        var doc: String
        var label: String
    }

    static func gold(_ name: String, in folder: URL = PackagePaths.gold) throws -> [Int: GoldLine] {
        let url = folder.appending(path: name.replacingOccurrences(of: ".txt", with: ".lines.tsv"))
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [Int: GoldLine] = [:]
        for row in text.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 3, let line = Int(cells[0]) else { continue }
            result[line] = GoldLine(doc: String(cells[1]), label: String(cells[2]))
        }
        return result
    }

    /// Line scores of the Clean stage on labelled files, as the scorer counts them.
    struct LineScores {
        var lines = 0, labelOK = 0, keepOK = 0, noiseTP = 0, noiseFP = 0, noiseFN = 0, splitsOK = 0, files = 0
        var keepDrop: Double { Double(keepOK) / Double(max(1, lines)) }
        var labelAccuracy: Double { Double(labelOK) / Double(max(1, lines)) }
        var noiseF1: Double {
            let precision = Double(noiseTP) / Double(max(1, noiseTP + noiseFP))
            let recall = Double(noiseTP) / Double(max(1, noiseTP + noiseFN))
            return 2 * precision * recall / max(1e-9, precision + recall)
        }
    }

    /// Cleans each of `names` in `folder` and scores its lines against the gold in `goldFolder`.
    static func score(_ names: [String], in folder: URL, gold goldFolder: URL) throws -> LineScores {
        var scores = LineScores()
        for name in names {
            let gold = try Self.gold(name, in: goldFolder)
            let raw = try Ingestor().read(path: folder.appending(path: name).path)
            let cleaned = Cleaner.standard.clean(raw)
            let predicted = Dictionary(cleaned.lines.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            var predictedDocs = Set<Int>()
            scores.files += 1
            for (number, g) in gold {
                scores.lines += 1
                let p = predicted[number]
                let label = p?.label.rawValue ?? "?"
                if let p { predictedDocs.insert(p.document) }
                if label == g.label { scores.labelOK += 1 }
                let goldKept = g.label == "T" || g.label == "B"
                let kept = label == "T" || label == "B"
                if goldKept == kept {
                    scores.keepOK += 1
                } else {
                    print("\(name):\(number) gold \(g.label) got \(label) \(p?.rule ?? "-")")
                }
                if !goldKept && !kept { scores.noiseTP += 1 }
                if goldKept && !kept { scores.noiseFP += 1 }
                if !goldKept && kept { scores.noiseFN += 1 }
            }
            let goldDocs = Set(gold.values.map(\.doc))
            if goldDocs.count == predictedDocs.count {
                scores.splitsOK += 1
            } else {
                print("\(name): \(goldDocs.count) gold documents, got \(predictedDocs.count)")
            }
        }
        return scores
    }

    @Test func seedsMeetTheBar() throws {
        try #require(Self.seedNames.count == 5, "seeds expected at \(Self.seeds.path)")
        let scores = try Self.score(Self.seedNames, in: Self.seeds, gold: PackagePaths.gold)
        #expect(scores.keepDrop >= Self.keepDropFloor)
        #expect(scores.labelAccuracy >= Self.labelFloor)
        #expect(scores.noiseF1 >= Self.noiseF1Floor)
        #expect(scores.splitsOK == Self.seedNames.count)
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
