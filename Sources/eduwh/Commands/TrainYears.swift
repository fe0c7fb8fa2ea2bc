import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

extension Eduwh {
    /// `eduwh train-years`: trains and measures the learned year gate (developer command).
    struct TrainYears: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-years",
            abstract: "Train the learned year gate on the facts gold; measure it on unseen sites (developer).",
            discussion: """
                    Runs every labelled page of the field corpus and the seeds through the
                    pipeline with the rules' years (no gate), matches its facts to the gold
                    facts as scripts/score does, and trains a logistic regression that says
                    whether a fact's year is right from where it came from
                    (Sources/Facts/YearGate.swift). A year the gate doubts is left empty.
                    A page's site is its MANIFEST host; each seed is a site of its own.

                    --loso     every year judged by a gate trained without its site's
                               fold; prints per-slice year accuracy and fact exact of the
                               rules and the gate (threshold chosen on the same folds).
                    --test-slices fj
                               trains on the other slices (threshold chosen by site folds
                               inside them) and scores the named slices.
                    --out FILE writes the gate trained on everything, with the threshold
                               the site folds choose (0, off, when none beats the rules).

                  Example:
                    eduwh train-years --loso
                    eduwh train-years --test-slices fj
                    eduwh train-years --out rules/facts/year-gate.tsv

                """,
            shouldDisplay: false)

        @OptionGroup var corpus: GoldCorpusOptions
        @Option(help: "Write the trained gate here.") var out: String?
        @Option(help: "With --out: write this threshold instead of the one the folds choose (0: off).")
        var threshold: Double?
        @Option(help: "With --loso: write each example with its held-out probability here, for reading.")
        var dump: String?
        @Option(help: "Training epochs.") var epochs = 20
        @Option(help: "L2 weight decay.") var l2 = 0.01
        @Option(help: "AdaGrad step size.") var rate = 0.2
        @Option(help: "Fewest sites a feature must be seen on.") var minCount = 5
        @Flag(inversion: .prefixedNo, help: "Weigh a site's examples 1/sqrt(their number) in training.")
        var siteWeighting = true
        @Option(help: "Ablation: drop features containing any of these (comma-separated).") var without: String?
        @Option(help: "Cost of a wrong year, in right ones, when the threshold is chosen.") var penalty = 1.0

        func run() throws {
            var trainer = YearGateTrainer()
            (trainer.epochs, trainer.l2, trainer.minCount, trainer.wrongPenalty) = (epochs, l2, minCount, penalty)
            (trainer.siteWeighting, trainer.rate) = (siteWeighting, rate)
            var examples = try loadExamples()
            dropFeatures(&examples, containing: without, \.features)
            let gated = examples.filter(\.gated).count
            print("examples: \(examples.count) gold facts (\(gated) with a year the gate may blank)")
            if corpus.loso {
                let probabilities = trainer.heldOut(examples, folds: corpus.folds)
                let threshold = trainer.bestThreshold(examples, probabilities)
                print(
                    "held-out by site (\(corpus.folds <= 0 ? "one site at a time" : "\(corpus.folds) site folds")); "
                        + "threshold chosen on these same predictions: \(threshold)")
                report(examples, probabilities, threshold: threshold)
                if let dump { try write(examples, probabilities, to: dump) }
            }
            if let testSlices = corpus.testSlices {
                let (training, test) = corpus.splitBySlice(examples, slice: \.slice)
                let threshold = trainer.bestThreshold(training, trainer.heldOut(training, folds: corpus.folds))
                let gate = trainer.train(training)
                let probabilities = test.map { $0.gated ? gate.probability($0.features) : nil }
                print(
                    "trained on \(training.count) facts outside \(testSlices); threshold from its site folds: "
                        + "\(threshold)")
                report(test, probabilities, threshold: threshold)
            }
            if let out {
                let threshold = trainer.bestThreshold(examples, trainer.heldOut(examples, folds: corpus.folds))
                var gate = trainer.train(examples)
                gate.threshold = self.threshold ?? threshold
                let comment = [
                    "Learned year gate (Sources/Facts/YearGate.swift): logistic regression over YearGate features,",
                    "P(the rules' year of a fact is right). Written by `eduwh train-years --out`, trained on",
                    "\(gated) gold facts with a year (corpus/field + seeds), \(trainer.epochs) epochs,"
                        + " L2 \(trainer.l2), features seen on \(trainer.minCount)+ sites, sites weighed 1/sqrt(n).",
                    "@threshold (years below it are left empty; 0 = off) chosen on \(corpus.folds) site folds with a",
                    "wrong year costing \(trainer.wrongPenalty) right ones: \(threshold)"
                        + (self.threshold.map { "; written as \($0) (--threshold)." } ?? "."),
                    "Regenerate; do not edit by hand.",
                ]
                try gate.table(comment: comment).write(toFile: out, atomically: true, encoding: .utf8)
                let chosen = "threshold \(gate.threshold) (folds chose \(threshold))"
                print("wrote \(out): \(gate.weights.count) weights, \(chosen)")
            }
        }

        /// Writes each gated example with its held-out probability (slice site p year gold features).
        func write(_ examples: [YearExample], _ probabilities: [Double?], to path: String) throws {
            let rows = zip(examples, probabilities).filter { $0.0.gated }.map { example, probability in
                let cells = [
                    example.slice, example.site, String(format: "%.3f", probability ?? 1),
                    example.year.from + "-" + example.year.to, example.gold.from + "-" + example.gold.to,
                    example.features.joined(separator: " "),
                ]
                return cells.joined(separator: "\t")
            }
            try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Per-slice rows: year accuracy, wrong years and fact exact of the rules and the gate.
        func report(_ examples: [YearExample], _ probabilities: [Double?], threshold: Double) {
            func row(_ name: String, _ indices: [Int]) {
                let subset = indices.map { examples[$0] }
                let chances = indices.map { probabilities[$0] }
                let rules = YearGateTrainer.score(subset, chances, threshold: 0)
                let gate = YearGateTrainer.score(subset, chances, threshold: threshold)
                func f(_ x: Double) -> String { String(format: "%.3f", x) }
                let cells = [
                    name, "\(rules.total)", f(rules.accuracy), f(gate.accuracy), "\(rules.wrong)", "\(gate.wrong)",
                    "\(gate.blanked)", f(rules.exactShare), f(gate.exactShare),
                ]
                print(cells.joined(separator: "\t"))
            }
            print("subset\tfacts\tyear_rules\tyear_gate\twrong_rules\twrong_gate\tblanked\texact_rules\texact_gate")
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for slice in slices.keys.sorted() { row(slice, slices[slice]!) }
            row("TOTAL", Array(examples.indices))
        }

        /// The examples of every labelled page of the field corpus and the seeds.
        func loadExamples() throws -> [YearExample] {
            try LabelledPage.examples(
                field: corpus.field, seeds: corpus.seeds, seedsGold: corpus.seedsGold,
                factBuilder: FactBuilder(recordsFeatures: true, yearGate: nil)
            ) { page in
                YearExample.examples(
                    goldFacts: page.goldFacts, goldQuantities: page.goldQuantities, facts: page.facts,
                    rawLines: page.rawLines, site: page.site, slice: page.slice)
            }
        }
    }
}
