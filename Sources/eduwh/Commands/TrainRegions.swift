import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

extension Eduwh {
    /// `eduwh train-regions`: trains and measures the learned region gate (developer command).
    struct TrainRegions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-regions",
            abstract: "Train the learned region gate on the facts gold; measure it on unseen sites (developer).",
            discussion: """
                    Runs every labelled page of the field corpus and the seeds through the
                    pipeline with the rules' regions (no gate), matches its facts to the gold
                    facts as scripts/score does, and trains a logistic regression that says
                    whether a fact's region is right from where it came from and what the
                    document's region rests on (Sources/Facts/RegionGate.swift). A region the
                    gate doubts is left empty. It is trained and scored by the year gate's
                    trainer (a fact's region stands where its year does).
                    A page's site is its MANIFEST host; each seed is a site of its own.

                    --loso     every region judged by a gate trained without its site's
                               fold; prints per-slice region accuracy and fact exact of the
                               rules and the gate (threshold chosen on the same folds).
                    --test-slices fj
                               trains on the other slices (threshold chosen by site folds
                               inside them) and scores the named slices.
                    --out FILE writes the gate trained on everything, with the threshold
                               the site folds choose (0, off, when none beats the rules).

                  Example:
                    eduwh train-regions --loso
                    eduwh train-regions --test-slices fj,fk
                    eduwh train-regions --out rules/facts/region-gate.tsv

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
        @Option(help: "Fewest sites a feature must be seen on.") var minCount = 5
        @Option(help: "Ablation: drop features containing any of these (comma-separated).") var without: String?
        @Option(help: "Cost of a wrong region, in right ones, when the threshold is chosen.") var penalty = 1.0

        func run() throws {
            var trainer = YearGateTrainer()
            (trainer.epochs, trainer.l2, trainer.minCount, trainer.wrongPenalty) = (epochs, l2, minCount, penalty)
            var examples = try loadExamples()
            if let without {
                let parts = without.split(separator: ",").map(String.init)
                for index in examples.indices {
                    examples[index].features.removeAll { feature in parts.contains { feature.includes($0) } }
                }
            }
            let gated = examples.filter(\.gated).count
            print("examples: \(examples.count) gold facts (\(gated) with a region the gate may blank)")
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
                let held = Set(testSlices.split(whereSeparator: { $0 == "," || $0 == ";" }).map(String.init))
                let training = examples.filter { !held.contains($0.slice) }
                let test = examples.filter { held.contains($0.slice) }
                let threshold = trainer.bestThreshold(training, trainer.heldOut(training, folds: corpus.folds))
                let gate = trainer.train(training)
                let probabilities = test.map { $0.gated ? gate.probability($0.features) : nil }
                print(
                    "trained on \(training.count) facts outside \(testSlices); threshold from its site folds: "
                        + "\(threshold)")
                report(test, probabilities, threshold: threshold)
            }
            if let out { try write(trainer, examples, gated: gated, to: out) }
        }

        /// Writes the gate trained on every example, with the threshold the site folds choose.
        func write(_ trainer: YearGateTrainer, _ examples: [YearExample], gated: Int, to out: String) throws {
            let threshold = trainer.bestThreshold(examples, trainer.heldOut(examples, folds: corpus.folds))
            var gate = trainer.train(examples)
            gate.threshold = self.threshold ?? threshold
            let comment = [
                "Learned region gate (Sources/Facts/RegionGate.swift): logistic regression over RegionGate",
                "features, P(the rules' region of a fact is right). Written by `eduwh train-regions --out`,",
                "trained on \(gated) gold facts with a region (corpus/field + seeds), \(trainer.epochs) epochs,"
                    + " L2 \(trainer.l2), features seen on \(trainer.minCount)+ sites, sites weighed 1/sqrt(n).",
                "@threshold (regions below it are left empty; 0 = off) chosen on \(corpus.folds) site folds with",
                "a wrong region costing \(trainer.wrongPenalty) right ones: \(threshold)"
                    + (self.threshold.map { "; written as \($0) (--threshold)." } ?? "."),
                "Regenerate; do not edit by hand.",
            ]
            try gate.table(comment: comment).write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out): \(gate.weights.count) weights, threshold \(gate.threshold) (folds chose \(threshold))")
        }

        /// Writes each gated example with its held-out probability (slice site p region gold features).
        func write(_ examples: [YearExample], _ probabilities: [Double?], to path: String) throws {
            let rows = zip(examples, probabilities).filter { $0.0.gated }.map { example, probability in
                let cells = [
                    example.slice, example.site, String(format: "%.3f", probability ?? 1), example.year.from,
                    example.gold.from, example.features.joined(separator: " "),
                ]
                return cells.joined(separator: "\t")
            }
            try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Per-slice rows: region accuracy, wrong regions, right regions the gate blanked, wrong
        /// regions it blanked, and fact exact of the rules and the gate.
        func report(_ examples: [YearExample], _ probabilities: [Double?], threshold: Double) {
            func row(_ name: String, _ indices: [Int]) {
                let subset = indices.map { examples[$0] }
                let chances = indices.map { probabilities[$0] }
                let rules = YearGateTrainer.score(subset, chances, threshold: 0)
                let gate = YearGateTrainer.score(subset, chances, threshold: threshold)
                let blanked = zip(subset, chances).filter { $0.0.gated && ($0.1 ?? 1) < threshold }.map(\.0)
                let lost = blanked.filter { $0.right && !$0.goldEmpty }.count
                let fixed = blanked.filter { !$0.right && $0.goldEmpty }.count
                func f(_ x: Double) -> String { String(format: "%.3f", x) }
                let cells = [
                    name, "\(rules.total)", f(rules.accuracy), f(gate.accuracy), "\(rules.wrong)", "\(gate.wrong)",
                    "\(gate.blanked)", "\(lost)", "\(fixed)", f(rules.exactShare), f(gate.exactShare),
                ]
                print(cells.joined(separator: "\t"))
            }
            print(
                "subset\tfacts\tregion_rules\tregion_gate\twrong_rules\twrong_gate\tblanked\tright_lost\twrong_fixed"
                    + "\texact_rules\texact_gate")
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for slice in slices.keys.sorted() { row(slice, slices[slice]!) }
            row("TOTAL", Array(examples.indices))
        }

        /// The examples of every labelled page of the field corpus and the seeds: a fact's region
        /// stands as a year example's `year.from` (`to` empty), the gold region as `gold.from`.
        func loadExamples() throws -> [YearExample] {
            try LabelledPage.examples(
                field: corpus.field, seeds: corpus.seeds, seedsGold: corpus.seedsGold,
                factBuilder: FactBuilder(recordsFeatures: true, regionGate: nil)
            ) { page in
                IndicatorExample.matches(
                    goldFacts: page.goldFacts, goldQuantities: page.goldQuantities, facts: page.facts,
                    rawLines: page.rawLines
                ).map { match in
                    var example = YearExample(
                        features: [], year: ("", ""), gold: (match.row[6], ""), site: page.site, slice: page.slice,
                        matched: false, restExact: false)
                    guard let fact = match.fact else { return example }
                    example.matched = true
                    example.year = (fact.adcode ?? "", "")
                    example.features = fact.regionFeatures
                    example.restExact = match.restExact(excluding: .region)
                    return example
                }
            }
        }
    }
}
