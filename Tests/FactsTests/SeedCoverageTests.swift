import Clean
import EduwhCore
import Facts
import Foundation
import Ingest
import TestSupport
import Testing

/// The seeds through Ingest → Clean → Facts, and the indicator mapper on the gold quantities:
/// how many quantities get an indicator other than `unknown`.
@Suite struct SeedCoverageTests {
    /// Pinned floor: share of gold quantities mapped to a known indicator. Lowering it must be explicit.
    static let goldCoverageFloor = 0.85
    /// Pinned floor for the quantities the pipeline's own extractor finds in the seeds' body lines.
    static let pipelineCoverageFloor = 0.85

    static let seeds = PackagePaths.seeds

    static func seedFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { seeds.appending(path: $0) }
    }

    @Test func seedBodyQuantitiesMostlyGetAnIndicator() throws {
        let files = Self.seedFiles()
        try #require(files.count == 5, "seeds not found at \(Self.seeds.path)")
        var total = 0
        var known = 0
        for file in files {
            let raw = try Ingestor().read(path: file.path)
            for document in Cleaner.standard.clean(raw).documents {
                let built = FactBuilder.standard.build(document)
                let bodyLines = Set(document.bodyLines.map(\.number))
                for fact in built.facts where bodyLines.contains(fact.line) {
                    total += 1
                    if fact.indicator != "unknown" { known += 1 }
                    #expect(
                        fact.indicator == "unknown"
                            || IndicatorDictionary.standard.indicator(code: fact.indicator) != nil)
                }
            }
        }
        try #require(total > 0)
        let coverage = Double(known) / Double(total)
        print("pipeline indicator coverage on seeds: \(known)/\(total) = \(coverage)")
        #expect(coverage >= Self.pipelineCoverageFloor)
    }

    @Test func goldQuantitiesMostlyGetAnIndicator() throws {
        let files = Self.seedFiles()
        try #require(files.count == 5, "seeds not found at \(Self.seeds.path)")
        var total = 0
        var known = 0
        var byIndicator: [String: Int] = [:]
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            let gold = PackagePaths.gold.appending(path: "\(name).quantities.tsv")
            let rawLines = try String(contentsOf: file, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            var seen: [String: Int] = [:]
            for row in try String(contentsOf: gold, encoding: .utf8).split(separator: "\n").dropFirst() {
                let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cells.count >= 6, let number = Int(cells[0]) else { continue }
                let line = rawLines[number - 1].trimmingCharacters(in: .whitespaces)
                let key = "\(number)|\(cells[2])"
                let occurrence = seen[key, default: 0]
                seen[key] = occurrence + 1
                let quantity = Self.quantity(surface: cells[2], unit: cells[4], occurrence: occurrence, in: line)
                let choice = IndicatorMapper.standard.indicator(for: quantity, inLine: line)
                total += 1
                byIndicator[choice.code, default: 0] += 1
                if choice.code != "unknown" { known += 1 }
                if ProcessInfo.processInfo.environment["EDUWH_SHOW_MAPPING"] != nil {
                    print("MAP\t\(name.prefix(3))\t\(number)\t\(cells[2])\t\(choice.code)\t\(choice.rule)")
                }
            }
        }
        let coverage = Double(known) / Double(total)
        print(
            "gold indicator coverage: \(known)/\(total) = \(coverage); by indicator: \(byIndicator.sorted { $0.value > $1.value })"
        )
        #expect(coverage >= Self.goldCoverageFloor)
    }

    /// The gold quantity as a mention at its n-th occurrence in the line (gold repeats a row per occurrence).
    static func quantity(surface: String, unit: String, occurrence: Int, in line: String) -> QuantityMention {
        let scalars = Array(line.unicodeScalars)
        let target = Array(surface.unicodeScalars)
        var offsets: [Int] = []
        if !target.isEmpty, target.count <= scalars.count {
            for start in 0...(scalars.count - target.count) where Array(scalars[start..<start + target.count]) == target
            { offsets.append(start) }
        }
        let offset = offsets.isEmpty ? 0 : offsets[min(occurrence, offsets.count - 1)]
        return QuantityMention(
            surface: surface, value: nil, unit: unit, qualifier: .exact, offset: offset, rule: "gold")
    }
}
