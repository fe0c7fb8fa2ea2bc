import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

/// The options every trainer (`train-indicators`, `train-status`, `train-years`) takes: where
/// the labelled pages are, and how to hold sites or slices out.
struct GoldCorpusOptions: ParsableArguments {
    @Option(help: "Field corpus folder (pages, MANIFEST.tsv, gold/).") var field = "corpus/field"
    @Option(help: "Seed pages folder.") var seeds = "imports"
    @Option(help: "Seed gold folder.") var seedsGold = "corpus/seeds/gold"
    @Flag(help: "Measure on sites left out of training.") var loso = false
    @Option(help: "Site folds for --loso and for the policy --out writes (0: one site at a time).") var folds = 10
    @Option(help: "Slices to hold out and score (comma-separated, e.g. fj or fh,fi).") var testSlices: String?
}

/// A labelled page of the field corpus or the seeds, run through the pipeline: what the trainers
/// (`train-indicators`, `train-status`, `train-years`) match against the facts gold.
struct LabelledPage {
    /// The page's NAME.facts.tsv and NAME.quantities.tsv.
    var goldFacts: String
    var goldQuantities: String
    /// The pipeline's facts of the page and its raw lines.
    var facts: [Fact]
    var rawLines: [String]
    /// Its MANIFEST host (`seed:NAME` for a seed) and slice (`fa`…, `seed`).
    var site: String
    var slice: String

    /// The examples `make` draws from every page of `field` (with MANIFEST.tsv and gold/) and of
    /// `seeds` (gold in `seedsGold`) that has a facts gold, in name order; an error when none has.
    static func examples<Example>(
        field: String, seeds: String, seedsGold: String, factBuilder: FactBuilder,
        _ make: (LabelledPage) throws -> [Example]
    ) throws -> [Example] {
        var hosts: [String: String] = [:]
        if let manifest = try? String(contentsOfFile: field + "/MANIFEST.tsv", encoding: .utf8) {
            for row in manifest.split(separator: "\n").dropFirst() {
                let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
                if cells.count > 1 { hosts[String(cells[0].dropLast(4))] = String(cells[1]) }
            }
        }
        let pipeline = FilePipeline(factBuilder: factBuilder)
        var examples: [Example] = []
        for (folder, gold, isSeed) in [(field, field + "/gold", false), (seeds, seedsGold, true)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: gold)) ?? []
            for name in names.sorted() where name.hasSuffix(".facts.tsv") {
                let stem = String(name.dropLast(".facts.tsv".count))
                let raw = try Ingestor().read(path: folder + "/" + stem + ".txt")
                examples += try make(
                    LabelledPage(
                        goldFacts: try String(contentsOfFile: gold + "/" + name, encoding: .utf8),
                        goldQuantities: try String(
                            contentsOfFile: gold + "/" + stem + ".quantities.tsv", encoding: .utf8),
                        facts: pipeline.process(raw).documents.flatMap(\.facts), rawLines: raw.lines,
                        site: isSeed ? "seed:" + stem : hosts[stem] ?? String(stem.drop { $0 != "_" }.dropFirst()),
                        slice: isSeed ? "seed" : String(stem.prefix(2))))
            }
        }
        guard !examples.isEmpty else {
            throw ValidationError("no facts gold found under \(field)/gold or \(seedsGold)")
        }
        return examples
    }
}

extension GoldCorpusOptions {
    /// The slices --test-slices names (',' or ';' between them); empty without the option.
    var heldSlices: Set<String> {
        Set((testSlices ?? "").split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init))
    }

    /// `examples` split into those outside the held-out slices (training) and those in them (test).
    func splitBySlice<Example>(_ examples: [Example], slice: (Example) -> String) -> (
        training: [Example], test: [Example]
    ) {
        let held = heldSlices
        return (examples.filter { !held.contains(slice($0)) }, examples.filter { held.contains(slice($0)) })
    }
}

/// Ablation (a trainer's --without): removes from every example the features that contain any of
/// the comma-separated words.
func dropFeatures<Example>(
    _ examples: inout [Example], containing without: String?, _ features: WritableKeyPath<Example, [String]>
) {
    guard let without else { return }
    let parts = without.split(separator: ",").map(String.init)
    for index in examples.indices {
        examples[index][keyPath: features].removeAll { feature in parts.contains { feature.includes($0) } }
    }
}
