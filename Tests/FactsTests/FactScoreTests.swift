import Clean
import EduwhCore
import Facts
import Foundation
import Ingest
import TestSupport
import Testing

/// Every fact field against the hand-written facts gold (NAME.facts.tsv), as `scripts/score`
/// counts it: the share of gold facts (matched by line and surface) whose indicator, years,
/// region or status the pipeline gets right; a fact not found counts as wrong. Floors are pinned a
/// little under today's scores, on the seeds and on the field corpus (real pages from 207 sites);
/// raising them is expected, lowering one must be an explicit, reviewed change.
@Suite struct FactScoreTests {
    struct Scores {
        var facts = 0, indicator = 0, year = 0, region = 0, status = 0

        func share(_ count: Int) -> Double { Double(count) / Double(max(1, facts)) }
    }

    /// Seeds: indicator 0.866, year 0.976, region 0.997, status 0.938 (issue 24's bar: 0.95 each).
    static let seedFloors = (indicator: 0.86, year: 0.97, region: 0.99, status: 0.93)
    /// Field corpus, pooled over its facts: year 0.778, region 0.844, status 0.825 on the 239 pages
    /// of 2026-12-05, session 11's end (with slice fj, held out during that session: its year 0.640
    /// and status 0.784 pulled the pool down from 0.791 and 0.835 on 209 pages; scripts/field-eval
    /// weighs each site by its lines instead, so its pooled row differs). fg, fh, fi and fj were each
    /// held out while one session's rules were written, so these floors include pages no rule was
    /// tuned on. The learned indicator chooser (rules/facts/indicator-model.tsv) is trained on all
    /// these pages and the seeds, so their indicator scores (field ~0.93, seeds 0.979) are in-sample
    /// and its floor only guards against a broken model: its honest measure is
    /// IndicatorModelTests.heldOutSlicesBeatTheDictionary and `eduwh train-indicators --loso`.
    static let fieldFloors = (indicator: 0.85, year: 0.77, region: 0.83, status: 0.82)

    /// Scores the `.txt` files of `folder` that have a facts gold in `gold`.
    static func score(_ folder: URL, gold: URL) throws -> Scores {
        var scores = Scores()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".txt") {
            let goldFile = gold.appending(path: name.dropLast(4) + ".facts.tsv")
            guard FileManager.default.fileExists(atPath: goldFile.path) else { continue }
            var found: [String: [Fact]] = [:]
            let raw = try Ingestor().read(path: folder.appending(path: name).path)
            for document in Cleaner.standard.clean(raw).documents {
                for fact in FactBuilder.standard.build(document).facts {
                    found["\(fact.line)|\(fact.quantity.surface)", default: []].append(fact)
                }
            }
            for row in try String(contentsOf: goldFile, encoding: .utf8).split(separator: "\n").dropFirst() {
                let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cells.count >= 8, Int(cells[0]) != nil else { continue }
                scores.facts += 1
                let key = "\(cells[0])|\(cells[2])"
                guard var candidates = found[key], !candidates.isEmpty else { continue }
                let fact = candidates.removeFirst()
                found[key] = candidates
                if fact.indicator == cells[3] { scores.indicator += 1 }
                if (fact.yearFrom.map(String.init) ?? "") == cells[4], (fact.yearTo.map(String.init) ?? "") == cells[5]
                {
                    scores.year += 1
                }
                if (fact.adcode ?? "") == cells[6] { scores.region += 1 }
                if fact.status.rawValue == cells[7] { scores.status += 1 }
            }
        }
        return scores
    }

    @Test func seedFactsMeetTheirFloors() throws {
        let scores = try Self.score(PackagePaths.seeds, gold: PackagePaths.gold)
        try #require(scores.facts > 250, "seed facts gold not found")
        print(
            "seed facts: indicator \(scores.share(scores.indicator)), year \(scores.share(scores.year)), region \(scores.share(scores.region)), status \(scores.share(scores.status))"
        )
        #expect(scores.share(scores.indicator) >= Self.seedFloors.indicator)
        #expect(scores.share(scores.year) >= Self.seedFloors.year)
        #expect(scores.share(scores.region) >= Self.seedFloors.region)
        #expect(scores.share(scores.status) >= Self.seedFloors.status)
    }

    @Test func fieldFactsMeetTheirFloors() throws {
        let scores = try Self.score(PackagePaths.fieldCorpus, gold: PackagePaths.fieldCorpus.appending(path: "gold"))
        try #require(scores.facts > 500, "field facts gold not found")
        print(
            "field facts: indicator \(scores.share(scores.indicator)), year \(scores.share(scores.year)), region \(scores.share(scores.region)), status \(scores.share(scores.status))"
        )
        #expect(scores.share(scores.indicator) >= Self.fieldFloors.indicator)
        #expect(scores.share(scores.year) >= Self.fieldFloors.year)
        #expect(scores.share(scores.region) >= Self.fieldFloors.region)
        #expect(scores.share(scores.status) >= Self.fieldFloors.status)
    }
}
