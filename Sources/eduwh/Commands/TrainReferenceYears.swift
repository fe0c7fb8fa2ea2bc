import ArgumentParser
import Clean
import EduwhCore
import Foundation
import Ingest
import Normalize

extension Eduwh {
    /// `eduwh train-reference-years`: trains and measures the learned reference-year chooser
    /// (developer command).
    struct TrainReferenceYears: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-reference-years",
            abstract: "Train the chooser of the year a document speaks from (今年); measure it on unseen sites.",
            discussion: """
                    Cleans every labelled page of the field corpus and the seeds, reads each
                    document's candidate reference years (every year its title and body name,
                    the year after the latest, none; Sources/Normalize/ReferenceYearChooser.swift)
                    and labels the document with the year its gold resolves 今年, 本年, 年内, 去年,
                    明年 … against (none where the gold leaves them unresolved; documents without
                    such words are not used). Trains a conditional logit over the candidates; the
                    rules' year stands unless another candidate beats it by a margin chosen on
                    site folds (a wrong year costs what a right one gains).

                    --loso     every document judged by a chooser trained without its site's
                               fold; prints per-slice documents and gold rows right, wrong and
                               empty for the rules and the chooser.
                    --test-slices fm,fn
                               trains on the other slices (margins from site folds inside them)
                               and scores the named slices.
                    --out FILE writes the chooser trained on everything with the margins the
                               folds choose (@on 0 when no margin beats the rules, or with --off).

                  Example:
                    eduwh train-reference-years --loso
                    eduwh train-reference-years --test-slices fm,fn
                    eduwh train-reference-years --out rules/normalize/reference-year.tsv

                """,
            shouldDisplay: false)

        @OptionGroup var corpus: GoldCorpusOptions
        @Option(help: "Write the trained chooser here.") var out: String?
        @Flag(help: "With --out: write the chooser switched off whatever the folds say.") var off = false
        @Option(help: "Training epochs.") var epochs = 30
        @Option(help: "L2 weight decay.") var l2 = 0.01
        @Option(help: "Fewest sites a feature must be seen on.") var minSites = 4
        @Option(help: "Write each document's gold and candidates (with their features) here, for reading.")
        var dump: String?
        @Option(help: "Ablation: drop features containing any of these (comma-separated).") var without: String?
        @Option(help: "Use only these slices (comma-separated: seed,fa,fb …); --loso then reads no other.")
        var slices: String?

        func run() throws {
            var trainer = ReferenceYearTrainer()
            (trainer.epochs, trainer.l2, trainer.minSites) = (epochs, l2, minSites)
            var examples = try loadExamples()
            if let without {
                let words = without.split(separator: ",").map(String.init)
                for i in examples.indices {
                    for c in examples[i].candidates.features.indices {
                        examples[i].candidates.features[c].removeAll { f in words.contains { f.contains($0) } }
                    }
                }
            }
            let reachable = examples.filter { $0.goldIndex != nil }.count
            print(
                "examples: \(examples.count) documents with 今年-like gold rows (\(reachable) with the gold a candidate)")
            var heldOut: (probabilities: [[Double]], margins: (change: Double, empty: Double))? = nil
            if corpus.loso {
                let probabilities = trainer.heldOut(examples, folds: corpus.folds)
                let margins = ReferenceYearTrainer.chooseMargins(examples, probabilities: probabilities)
                print(
                    "site folds \(corpus.folds); margins chosen on them: change \(margins.change) empty \(margins.empty)"
                )
                report(examples, probabilities, margins)
                heldOut = (probabilities, margins)
            }
            if let dump { try write(examples, heldOut: heldOut, to: dump) }
            if let testSlices = corpus.testSlices {
                let (training, test) = corpus.splitBySlice(examples, slice: \.slice)
                let margins = ReferenceYearTrainer.chooseMargins(
                    training, probabilities: trainer.heldOut(training, folds: corpus.folds))
                let chooser = trainer.train(training)
                print(
                    "trained outside \(testSlices); margins from its folds: change \(margins.change) empty \(margins.empty)"
                )
                report(test, test.map { chooser.probabilities($0.candidates) }, margins)
            }
            if let out {
                let margins = ReferenceYearTrainer.chooseMargins(
                    examples, probabilities: trainer.heldOut(examples, folds: corpus.folds))
                var chooser = trainer.train(examples)
                chooser.weights["@change"] = margins.change
                chooser.weights["@empty"] = margins.empty
                chooser.on = !off && margins != (2, 2)
                let comment = [
                    "Learned reference-year chooser (Sources/Normalize/ReferenceYearChooser.swift): a conditional logit",
                    "over a document's candidate years (ReferenceCandidates). Written by `eduwh train-reference-years",
                    "--out` from \(examples.count) labelled documents (corpus/field + seeds), \(epochs) epochs, L2 \(l2),"
                        + " features seen on \(minSites)+ sites.",
                    "@change / @empty: how much another year / none must beat the rules' year by (2 = never), chosen on",
                    "\(corpus.folds) site folds; @on 1 = applied, 0 = off" + (off ? " (written off: --off)." : "."),
                    "Regenerate; do not edit by hand.",
                ]
                try chooser.table(comment: comment).write(toFile: out, atomically: true, encoding: .utf8)
                print("wrote \(out): \(chooser.weights.count) weights, on \(chooser.on)")
            }
        }

        /// One line per document: slice, site, page, gold year, gold rows, the rules' year, the year a
        /// chooser trained without its fold chooses at the folds' margins (with --loso), then each
        /// candidate (`*` the rules') with its features.
        func write(
            _ examples: [ReferenceExample],
            heldOut: (probabilities: [[Double]], margins: (change: Double, empty: Double))?,
            to path: String
        ) throws {
            let lines = examples.enumerated().map { i, e in
                let cells = e.candidates.years.indices.map { c in
                    (c == e.candidates.rules ? "*" : "") + (e.candidates.years[c].map(String.init) ?? "none") + ":"
                        + e.candidates.features[c].filter { !$0.contains("|") }.joined(separator: ",")
                }
                let rules = e.candidates.years[e.candidates.rules].map(String.init) ?? "none"
                var top = "-"
                if let (probabilities, margins) = heldOut {
                    let chooser = ReferenceYearChooser(weights: [:], on: true)
                    let chosen = chooser.choose(e.candidates, probabilities: probabilities[i], margins: margins)
                    top = e.candidates.years[chosen].map(String.init) ?? "none"
                }
                let gold = e.gold.map(String.init) ?? "none"
                return ([e.slice, e.site, e.page, gold, "\(e.rows)", rules, top] + cells).joined(separator: "\t")
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        func report(
            _ examples: [ReferenceExample], _ probabilities: [[Double]], _ margins: (change: Double, empty: Double)
        ) {
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for name in slices.keys.sorted() + ["TOTAL"] {
                let indices = name == "TOTAL" ? Array(examples.indices) : slices[name]!
                let subset = indices.map { examples[$0] }
                let p = indices.map { probabilities[$0] }
                let rules = ReferenceYearTrainer.score(subset, probabilities: nil, margins: (2, 2))
                let chooser = ReferenceYearTrainer.score(subset, probabilities: p, margins: margins)
                print("\(name)\trules: \(rules)\n\(name)\tchooser: \(chooser)")
            }
        }

        /// One example per cleaned document that has 今年-like gold year rows.
        func loadExamples() throws -> [ReferenceExample] {
            var hosts: [String: String] = [:]
            if let manifest = try? String(contentsOfFile: corpus.field + "/MANIFEST.tsv", encoding: .utf8) {
                for row in manifest.split(separator: "\n").dropFirst() {
                    let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
                    if cells.count > 1 { hosts[String(cells[0].dropLast(4))] = String(cells[1]) }
                }
            }
            var examples: [ReferenceExample] = []
            for (folder, gold, isSeed) in [
                (corpus.field, corpus.field + "/gold", false), (corpus.seeds, corpus.seedsGold, true),
            ] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: gold)) ?? []
                for name in names.sorted() where name.hasSuffix(".years.tsv") {
                    let stem = String(name.dropLast(".years.tsv".count))
                    let slice = isSeed ? "seed" : String(stem.prefix(2))
                    if let slices, !slices.split(separator: ",").contains(Substring(slice)) { continue }
                    let rows = try String(contentsOfFile: gold + "/" + name, encoding: .utf8)
                        .split(separator: "\n").dropFirst().map {
                            $0.split(separator: "\t", omittingEmptySubsequences: false)
                        }
                    let raw = try Ingestor().read(path: folder + "/" + stem + ".txt")
                    let site = isSeed ? "seed:" + stem : hosts[stem] ?? String(stem.drop { $0 != "_" }.dropFirst())
                    for (d, document) in Cleaner.standard.clean(raw).documents.enumerated() {
                        let numbers = document.lines.map(\.number)
                        guard let first = numbers.min(), let last = numbers.max() else { continue }
                        let inside = rows.filter { Int($0.first ?? "").map { (first...last).contains($0) } ?? false }
                        let references = ReferenceExample.goldReferences(rows: inside)
                        guard let label = ReferenceExample.label(references) else { continue }
                        var example = ReferenceExample(
                            candidates: Normalizer.standard.referenceCandidates(of: document), gold: label,
                            rows: references.count, site: site, slice: slice)
                        example.page = stem + "#\(d + 1)"
                        examples.append(example)
                    }
                }
            }
            guard !examples.isEmpty else { throw ValidationError("no labelled documents under \(corpus.field)/gold") }
            return examples
        }
    }
}
