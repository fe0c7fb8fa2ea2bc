import Foundation
import TestSupport
import Testing

/// The field corpus (corpus/field: real pages from many sites, labelled by hand) against its
/// gold, with pinned floors a little under today's scores (scripts/field-eval prints them per
/// site). A change that loses lines on sites the rules were not written from fails here.
/// Lowering a floor must be an explicit, reviewed change. On the 409 pages of 2026-12-06 (session
/// 15's end): keep/drop 0.930, noise F1 0.898 pooled. Session 15 lowered the floors from 0.94 and
/// 0.915 because its 60 new held-out pages (slices fo, fp: keep/drop 0.786 and 0.906 there) score
/// lower, not because Clean changed: its output on the 349 older pages is what it was (0.949, 0.921).
/// On the 469 pages of session 16's end (with fq, fr, held out during it: 0.803 and 0.922 there):
/// keep/drop 0.927, noise F1 0.891; the floors stand. On the 506 pages of session 17's end (fs held out during
/// it: 0.918 and 0.897 there): keep/drop 0.945, noise F1 0.920 after clean10; the floors rise to 0.94 and 0.915.
@Suite struct FieldCorpusTests {
    /// Session 18 added ft, 37 pages from 37 new sites scored before any rule saw them (keep/drop 0.719, noise F1
    /// 0.749 there: a yearbook table one cell a line between | lines, Taiwan/HK news with photo captions): the 543
    /// pages pool to keep/drop 0.923, noise F1 0.895 (0.948 and 0.925 without ft), so the floors go to 0.92 and 0.89.
    /// Session 19 added fu (37 pages from 37 new sites, keep/drop 0.907, noise F1 0.846 there before any rule saw them)
    /// and merged tables12 (tables one cell a line, `|` rows, space rows) and clean12 (news layouts): the 580 pages pool
    /// to keep/drop 0.954, noise F1 0.935, so the floors rise to 0.945 and 0.925.
    static let keepDropFloor = 0.945
    static let noiseF1Floor = 0.925
    static let splitFloor = 0.97

    static var names: [String] {
        let folder = PackagePaths.fieldCorpus
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter {
            $0.hasSuffix(".txt")
                && FileManager.default.fileExists(
                    atPath: folder.appending(path: "gold/" + $0.dropLast(4) + ".lines.tsv").path)
        }.sorted()
    }

    /// The corpus is what the field-corpus issue asked for: 60 labelled files from 40 sites.
    @Test func corpusIsBroad() throws {
        #expect(Self.names.count >= 60)
        let manifest = try String(contentsOf: PackagePaths.fieldCorpus.appending(path: "MANIFEST.tsv"), encoding: .utf8)
        let rows = manifest.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(Set(rows.map { String($0[0]) }) == Set(Self.names), "every labelled file has one manifest row")
        #expect(Set(rows.map { String($0[1]) }).count >= 40, "hosts")
    }

    @Test func fieldCorpusMeetsItsFloors() throws {
        let scores = try SeedGoldTests.score(
            Self.names, in: PackagePaths.fieldCorpus, gold: PackagePaths.fieldCorpus.appending(path: "gold"))
        print(
            "field corpus: keep/drop \(scores.keepDrop), labels \(scores.labelAccuracy), noise F1 \(scores.noiseF1), splits \(scores.splitsOK)/\(scores.files)"
        )
        #expect(scores.keepDrop >= Self.keepDropFloor)
        #expect(scores.noiseF1 >= Self.noiseF1Floor)
        #expect(Double(scores.splitsOK) / Double(max(1, scores.files)) >= Self.splitFloor)
    }
}
