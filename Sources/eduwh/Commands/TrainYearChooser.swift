import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

extension Eduwh {
    /// `eduwh train-year-chooser`: trains and measures the learned year chooser (developer command).
    struct TrainYearChooser: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-year-chooser",
            abstract: "Train the learned year chooser on the facts gold; measure it on unseen sites (developer).",
            discussion: """
                    Runs every labelled page of the field corpus and the seeds through the
                    pipeline with the rules' years (no chooser), matches its facts to the gold
                    facts as scripts/score does, and trains a logistic regression that says
                    which of the years the text offers a figure is its year: the rules' year,
                    the clause's or sentence's years, the section's, the title's, the period's,
                    the report's, or none (Sources/Facts/YearChooser.swift). The rules' year
                    stands unless another candidate beats it by a margin. A page's site is its
                    MANIFEST host; each seed is a site of its own.

                    --loso     every fact judged by a chooser trained without its site's
                               fold; prints per-slice year accuracy, wrong years and fact
                               exact of the rules and the chooser (margins chosen on the
                               same folds), then the misses by the kind of the right year.
                    --test-slices fk,fl
                               trains on the other slices (margins chosen by site folds
                               inside them) and scores the named slices.
                    --out FILE writes the chooser trained on everything, with the margins
                               the site folds choose (off when none beats the rules).

                  Example:
                    eduwh train-year-chooser --loso
                    eduwh train-year-chooser --test-slices fk,fl
                    eduwh train-year-chooser --out rules/facts/year-chooser.tsv

                """,
            shouldDisplay: false)

        @OptionGroup var corpus: GoldCorpusOptions
        @Option(help: "Write the trained chooser here.") var out: String?
        @Option(help: "With --out: write this threshold instead of the one the folds choose (1: on, 0: off).")
        var threshold: Double?
        @Option(help: "With --loso: write each example with its held-out probabilities here, for reading.")
        var dump: String?
        @Option(help: "Training epochs.") var epochs = 20
        @Option(help: "L2 weight decay.") var l2 = 0.01
        @Option(help: "Fewest sites a feature must be seen on.") var minCount = 5
        @Option(help: "Ablation: drop features containing any of these (comma-separated).") var without: String?
        @Option(help: "Cost of a wrong year, in right ones, when the margins are chosen.") var penalty = 1.0

        func run() throws {
            var trainer = YearChooserTrainer()
            (trainer.model.epochs, trainer.model.l2, trainer.model.minCount) = (epochs, l2, minCount)
            trainer.wrongPenalty = penalty
            var examples = try loadExamples()
            if let without {
                let words = without.split(separator: ",").map(String.init)
                for i in examples.indices {
                    for j in examples[i].candidates.indices {
                        examples[i].candidates[j].features.removeAll { f in words.contains { f.contains($0) } }
                    }
                }
            }
            let matched = examples.filter(\.matched).count
            print("examples: \(examples.count) gold facts (\(matched) matched, whose year the chooser may change)")
            if corpus.loso {
                let probabilities = trainer.heldOut(examples, folds: corpus.folds)
                let margins = trainer.bestMargins(examples, probabilities)
                print(
                    "held-out by site (\(corpus.folds <= 0 ? "one site at a time" : "\(corpus.folds) site folds")); "
                        + "margins chosen on these same predictions: change \(margins.change) empty \(margins.empty)")
                report(examples, probabilities, margins: margins)
                if let dump { try write(examples, probabilities, to: dump) }
            }
            if let testSlices = corpus.testSlices {
                let (training, test) = corpus.splitBySlice(examples, slice: \.slice)
                let margins = trainer.bestMargins(training, trainer.heldOut(training, folds: corpus.folds))
                let chooser = trainer.train(training)
                let probabilities = test.map { YearChooserTrainer.probabilities($0, chooser) }
                print(
                    "trained on \(training.count) facts outside \(testSlices); margins from its site folds: "
                        + "change \(margins.change) empty \(margins.empty)")
                report(test, probabilities, margins: margins)
            }
            if let out { try write(trainer, examples, matched: matched, to: out) }
        }

        /// Writes the chooser trained on every example, with the margins the site folds choose.
        func write(_ trainer: YearChooserTrainer, _ examples: [YearChoiceExample], matched: Int, to out: String)
            throws
        {
            let margins = trainer.bestMargins(examples, trainer.heldOut(examples, folds: corpus.folds))
            var chooser = trainer.train(examples, margins: margins)
            let on = margins != (2, 2)
            chooser.table.threshold = self.threshold ?? (on ? 1 : 0)
            let comment = [
                "Learned year chooser (Sources/Facts/YearChooser.swift): a logistic regression over the years",
                "the text offers each figure (YearChooser features). Written by `eduwh train-year-chooser --out`,",
                "trained on \(matched) matched gold facts (corpus/field + seeds), \(trainer.model.epochs) epochs,"
                    + " L2 \(trainer.model.l2), features seen on \(trainer.model.minCount)+ sites, sites weighed 1/sqrt(n).",
                "@change / @empty: how much another year / none must beat the rules' year by (2 = never), chosen",
                "on \(corpus.folds) site folds with a wrong year costing \(trainer.wrongPenalty) right ones;"
                    + " @threshold 1 = on, 0 = off (the rules' years stand)"
                    + (self.threshold.map { "; written as \($0) (--threshold)." } ?? "."),
                "Regenerate; do not edit by hand.",
            ]
            try chooser.table.table(comment: comment).write(toFile: out, atomically: true, encoding: .utf8)
            let chosen = "margins change \(margins.change) empty \(margins.empty), threshold \(chooser.table.threshold)"
            print("wrote \(out): \(chooser.table.weights.count) weights, \(chosen)")
        }

        /// Writes each example: slice, site, gold line and surface, gold years, then each candidate (years, kinds, held-out
        /// probability; `*` marks the rules').
        func write(_ examples: [YearChoiceExample], _ probabilities: [[Double]?], to path: String) throws {
            let rows = zip(examples, probabilities).map { example, probability in
                let gold = example.gold.from.isEmpty ? "-" : example.gold.from + "-" + example.gold.to
                let cells = example.candidates.indices.map { index in
                    let candidate = example.candidates[index]
                    let years = candidate.isNone ? "-" : candidate.year.from + "-" + candidate.year.to
                    let p = probability.map { String(format: "%.2f", $0[index]) } ?? "?"
                    return (index == example.rules ? "*" : "") + years + ":" + candidate.kinds.joined(separator: "+")
                        + ":" + p
                }
                return ([example.slice, example.site, example.line, example.surface, gold] + cells).joined(
                    separator: "\t")
            }
            try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Per-slice rows: year accuracy and wrong years of the rules and the chooser, what the
        /// chooser changed (changed, blanked, filled; right years lost, wrong ones fixed), fact
        /// exact; then the misses by the kind of the right year.
        func report(
            _ examples: [YearChoiceExample], _ probabilities: [[Double]?], margins: (change: Double, empty: Double)
        ) {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            func row(_ name: String, _ indices: [Int]) {
                let subset = indices.map { examples[$0] }
                let chances = indices.map { probabilities[$0] }
                let rules = YearChooserTrainer.score(subset, chances, margins: (2, 2))
                let chooser = YearChooserTrainer.score(subset, chances, margins: margins)
                let cells = [
                    name, "\(rules.total)", f(rules.accuracy), f(chooser.accuracy), "\(rules.wrong)",
                    "\(chooser.wrong)", "\(chooser.changed)", "\(chooser.blanked)", "\(chooser.filled)",
                    "\(chooser.lost)", "\(chooser.fixed)", f(rules.exactShare), f(chooser.exactShare),
                ]
                print(cells.joined(separator: "\t"))
            }
            print(
                "subset\tfacts\tyear_rules\tyear_chooser\twrong_rules\twrong_chooser\tchanged\tblanked\tfilled"
                    + "\tright_lost\twrong_fixed\texact_rules\texact_chooser")
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for slice in slices.keys.sorted() { row(slice, slices[slice]!) }
            row("TOTAL", Array(examples.indices))
            let misses = YearChooserTrainer.missesByKind(examples, probabilities, margins: margins)
            print("year misses by the kind of the right year (rules / chooser):")
            for kind in misses.keys.sorted(by: { misses[$0]!.rules > misses[$1]!.rules }) {
                print("  \(kind)\t\(misses[kind]!.rules)\t\(misses[kind]!.chooser)")
            }
        }

        /// The examples of every labelled page of the field corpus and the seeds.
        func loadExamples() throws -> [YearChoiceExample] {
            try LabelledPage.examples(
                field: corpus.field, seeds: corpus.seeds, seedsGold: corpus.seedsGold,
                factBuilder: FactBuilder(recordsFeatures: true, yearChooser: nil)
            ) { page in
                YearChoiceExample.examples(
                    goldFacts: page.goldFacts, goldQuantities: page.goldQuantities, facts: page.facts,
                    rawLines: page.rawLines, site: page.site, slice: page.slice)
            }
        }
    }
}
