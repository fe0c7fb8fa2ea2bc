import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

extension Eduwh {
    /// `eduwh train-regions`: trains and measures the learned region chooser (developer command).
    struct TrainRegions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-regions",
            abstract: "Train the learned region chooser on the facts gold; measure it on unseen sites (developer).",
            discussion: """
                    Runs every labelled page of the field corpus and the seeds through the
                    pipeline with the rules' regions (no gate), matches its facts to the gold
                    facts as scripts/score does, and trains four logistic regressions that say
                    whether a fact's region is right, whether the division containing it is,
                    whether the gold has none and whether the finer division the text names
                    inside it is, from where the region came from and what the document's
                    region rests on (Sources/Facts/RegionGate.swift). The rules' region stands
                    unless moving it up or down or leaving it empty beats it by a margin.
                    A page's site is its MANIFEST host; each seed is a site of its own.

                    --loso     every region judged by a chooser trained without its site's
                               fold; prints per-slice region accuracy and fact exact of the
                               rules and the chooser (margins chosen on the same folds).
                    --test-slices fj,fk
                               trains on the other slices (margins chosen by site folds
                               inside them) and scores the named slices.
                    --out FILE writes the chooser trained on everything, with the margins
                               the site folds choose (off when none beats the rules).

                  Example:
                    eduwh train-regions --loso
                    eduwh train-regions --test-slices fj,fk
                    eduwh train-regions --out rules/facts/region-gate.tsv

                """,
            shouldDisplay: false)

        @OptionGroup var corpus: GoldCorpusOptions
        @Option(help: "Write the trained gate here.") var out: String?
        @Option(help: "With --out: write this threshold instead of the one the folds choose (1: on, 0: off).")
        var threshold: Double?
        @Option(help: "With --loso: write each example with its held-out probability here, for reading.")
        var dump: String?
        @Option(help: "Training epochs.") var epochs = 20
        @Option(help: "L2 weight decay.") var l2 = 0.01
        @Option(help: "Fewest sites a feature must be seen on.") var minCount = 5
        @Option(help: "Ablation: drop features containing any of these (comma-separated).") var without: String?
        @Option(help: "Cost of a wrong region, in right ones, when the margins are chosen.") var penalty = 1.0

        func run() throws {
            var trainer = RegionGateTrainer()
            (trainer.models.epochs, trainer.models.l2, trainer.models.minCount) = (epochs, l2, minCount)
            trainer.wrongPenalty = penalty
            var examples = try loadExamples()
            dropFeatures(&examples, containing: without, \.features)
            let gated = examples.filter(\.gated).count
            print("examples: \(examples.count) gold facts (\(gated) with a region the chooser may change)")
            if corpus.loso {
                let probabilities = trainer.heldOut(examples, folds: corpus.folds)
                let margins = trainer.bestMargins(examples, probabilities)
                let lower = trainer.bestLowerMargin(examples, probabilities, margins: margins)
                print(
                    "held-out by site (\(corpus.folds <= 0 ? "one site at a time" : "\(corpus.folds) site folds")); "
                        + "margins chosen on these same predictions: parent \(margins.parent) empty \(margins.empty)"
                        + " lower \(lower)")
                report(examples, probabilities, margins: margins, lowerMargin: lower)
                if let dump { try write(examples, probabilities, to: dump) }
            }
            if let testSlices = corpus.testSlices {
                let (training, test) = corpus.splitBySlice(examples, slice: \.slice)
                let held = trainer.heldOut(training, folds: corpus.folds)
                let margins = trainer.bestMargins(training, held)
                let lower = trainer.bestLowerMargin(training, held, margins: margins)
                let gate = trainer.train(training)
                let probabilities = test.map { RegionGateTrainer.probabilities($0, gate) }
                print(
                    "trained on \(training.count) facts outside \(testSlices); margins from its site folds: "
                        + "parent \(margins.parent) empty \(margins.empty) lower \(lower)")
                report(test, probabilities, margins: margins, lowerMargin: lower)
            }
            if let out { try write(trainer, examples, gated: gated, to: out) }
        }

        /// Writes the chooser trained on every example, with the margins the site folds choose.
        func write(_ trainer: RegionGateTrainer, _ examples: [RegionExample], gated: Int, to out: String) throws {
            let held = trainer.heldOut(examples, folds: corpus.folds)
            let margins = trainer.bestMargins(examples, held)
            let lower = trainer.bestLowerMargin(examples, held, margins: margins)
            var gate = trainer.train(examples, margins: margins, lowerMargin: lower)
            let on = margins != (2, 2) || lower != 2
            gate.table.threshold = self.threshold ?? (on ? 1 : 0)
            let comment = [
                "Learned region chooser (Sources/Facts/RegionGate.swift): three logistic regressions over",
                "RegionGate features (keep: the rules' region is right; parent: the division containing it is;",
                "empty: the gold has none). Written by `eduwh train-regions --out`, trained on \(gated) gold",
                "facts with a region (corpus/field + seeds), \(trainer.models.epochs) epochs, L2 \(trainer.models.l2),"
                    + " features seen on \(trainer.models.minCount)+ sites, sites weighed 1/sqrt(n).",
                "@parent / @empty / @lower: how much that choice must beat keeping the region by (2 = never), chosen on",
                "\(corpus.folds) site folds with a wrong region costing \(trainer.wrongPenalty) right ones;"
                    + " @threshold 1 = on, 0 = off (the rules' regions stand)"
                    + (self.threshold.map { "; written as \($0) (--threshold)." } ?? "."),
                "Regenerate; do not edit by hand.",
            ]
            try gate.table.table(comment: comment).write(toFile: out, atomically: true, encoding: .utf8)
            let chosen =
                "margins parent \(margins.parent) empty \(margins.empty) lower \(lower), threshold \(gate.table.threshold)"
            print("wrote \(out): \(gate.table.weights.count) weights, \(chosen)")
        }

        /// Writes each gated example with its held-out probabilities (slice site keep parent empty
        /// lower region gold lower-candidate features).
        func write(_ examples: [RegionExample], _ probabilities: [RegionGateTrainer.Probabilities?], to path: String)
            throws
        {
            let rows = zip(examples, probabilities).compactMap { example, probability -> String? in
                guard let p = probability else { return nil }
                let cells = [
                    example.slice, example.site, String(format: "%.3f", p.keep),
                    p.parent.map { String(format: "%.3f", $0) } ?? "-", String(format: "%.3f", p.empty),
                    p.lower.map { String(format: "%.3f", $0) } ?? "-", example.region, example.gold, example.lower,
                    example.features.joined(separator: " "),
                ]
                return cells.joined(separator: "\t")
            }
            try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Per-slice rows: region accuracy and wrong regions of the rules and the chooser, what
        /// the chooser changed (raised, blanked; right regions lost, wrong ones fixed), fact exact.
        func report(
            _ examples: [RegionExample], _ probabilities: [RegionGateTrainer.Probabilities?],
            margins: (parent: Double, empty: Double), lowerMargin: Double
        ) {
            func row(_ name: String, _ indices: [Int]) {
                let subset = indices.map { examples[$0] }
                let chances = indices.map { probabilities[$0] }
                let rules = RegionGateTrainer.score(subset, chances, margins: (2, 2))
                let gate = RegionGateTrainer.score(subset, chances, margins: margins, lowerMargin: lowerMargin)
                func f(_ x: Double) -> String { String(format: "%.3f", x) }
                let cells = [
                    name, "\(rules.total)", f(rules.accuracy), f(gate.accuracy), "\(rules.wrong)", "\(gate.wrong)",
                    "\(gate.raised)", "\(gate.blanked)", "\(gate.lowered)", "\(gate.lost)", "\(gate.fixed)",
                    f(rules.exactShare),
                    f(gate.exactShare),
                ]
                print(cells.joined(separator: "\t"))
            }
            print(
                "subset\tfacts\tregion_rules\tregion_chooser\twrong_rules\twrong_chooser\traised\tblanked\tlowered"
                    + "\tright_lost\twrong_fixed\texact_rules\texact_chooser")
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for slice in slices.keys.sorted() { row(slice, slices[slice]!) }
            row("TOTAL", Array(examples.indices))
        }

        /// The examples of every labelled page of the field corpus and the seeds.
        func loadExamples() throws -> [RegionExample] {
            try LabelledPage.examples(
                field: corpus.field, seeds: corpus.seeds, seedsGold: corpus.seedsGold,
                factBuilder: FactBuilder(recordsFeatures: true, regionGate: nil)
            ) { page in
                RegionExample.examples(
                    goldFacts: page.goldFacts, goldQuantities: page.goldQuantities, facts: page.facts,
                    rawLines: page.rawLines, site: page.site, slice: page.slice)
            }
        }
    }
}
