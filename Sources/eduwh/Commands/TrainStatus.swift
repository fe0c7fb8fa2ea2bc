import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

extension Eduwh {
    /// `eduwh train-status`: trains and measures the learned status chooser (developer command).
    struct TrainStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-status",
            abstract: "Train the learned status chooser on the facts gold; measure it on unseen sites (developer).",
            discussion: """
                    Runs every labelled page of the field corpus and the seeds through the
                    pipeline (the status rules alone), matches its facts to the gold facts
                    (NAME.facts.tsv) as scripts/score does, and trains a multinomial
                    logistic regression over each figure's status features
                    (Sources/Facts/StatusFeatures.swift). A page's site is its MANIFEST
                    host; each seed is a site of its own.

                    --loso     every example predicted by a model trained without its site
                               fold; prints per-slice status accuracy and fact exact of the
                               rules, the model alone and the combined choice.
                    --test-slices fj
                               trains on the other slices (policy chosen by site folds
                               inside them) and scores the named slices ("fu;ft,fu":
                               each group in turn; --out leaves them all out).
                    --min-sites K
                               drops the features seen on fewer than K sites.
                    --without cb=,ca=
                               drops the features starting with these prefixes.
                    --ablate "K=,KP=;Y=,yb=,ys="
                               one row per group: the site folds (and --test-slices)
                               without that group's features.
                    --policy 0.4,0.9,0
                               also reports this policy (fill,override,doubt)
                               beside the chosen one (--loso, --test-slices).
                    --out FILE writes the model trained on everything (but --test-slices),
                               with the policy the site folds choose (off when nothing
                               beats the rules).

                  Example:
                    eduwh train-status --loso
                    eduwh train-status --test-slices fj
                    eduwh train-status --out rules/facts/status-model.tsv

                """,
            shouldDisplay: false)

        @OptionGroup var corpus: GoldCorpusOptions
        @Flag(help: "Read table cells without their column header and row label (measures TableScope).")
        var withoutTables = false
        @Option(help: "Write the trained model here.") var out: String?
        @Option(help: "Training epochs.") var epochs = 15
        @Option(help: "L2 weight decay.") var l2: Float = 0.002
        @Option(help: "Fewest examples a feature must occur in.") var minCount = 3
        // 3 (2026-12-06, 580 pages): 10 site folds 0.859 -> 0.863 (wrong known 803 -> 788); trained without ft
        // 0.842 -> 0.861, without ft,fu 0.817 -> 0.825, without fu 0.784 both. (StatusTrainer's own default is 1.)
        @Option(help: "Fewest sites a feature must be seen on.") var minSites = 3
        @Option(help: "Cost of a wrong known status, in right ones, when the policy is chosen.")
        var penalty = 0.5
        @Option(help: "Drop the features starting with these comma-separated prefixes.") var without: String?
        @Option(help: "Groups of feature prefixes (';' between groups) to leave out in turn.") var ablate: String?
        @Option(help: "Also report this policy (fill,override,doubt[,keep+keep]) beside the chosen one.")
        var policy: String?

        func run() throws {
            var trainer = StatusTrainer()
            (trainer.regression.epochs, trainer.regression.l2, trainer.regression.minCount) = (epochs, l2, minCount)
            trainer.regression.minSites = minSites
            trainer.wrongPenalty = penalty
            let examples = Self.dropping(without ?? "", from: try loadExamples())
            let sites = Set(examples.map(\.site)).count
            let matched = examples.filter(\.matched).count
            print("examples: \(examples.count) gold facts (\(matched) matched) from \(sites) sites")
            if corpus.loso {
                let predictions = trainer.heldOut(examples, folds: corpus.folds)
                let policy = trainer.bestPolicy(examples, predictions)
                print("held-out by site (\(corpus.folds) folds); policy chosen on these same predictions: \(policy)")
                report(examples, predictions, policy: policy)
                if let fixed = try fixedPolicy() {
                    print("the same predictions at the given policy \(fixed)")
                    report(examples, predictions, policy: fixed)
                }
            }
            if let ablate { self.ablate(ablate, examples, trainer: trainer) }
            // "fu;ft,fu": each group held out in turn.
            for testSlices in (corpus.testSlices ?? "").split(separator: ";") {
                let held = Set(testSlices.split(separator: ",").map(String.init))
                let training = examples.filter { !held.contains($0.slice) }
                let test = examples.filter { held.contains($0.slice) }
                let policy = trainer.bestPolicy(training, trainer.heldOut(training, folds: corpus.folds))
                let model = trainer.train(training)
                let predictions = test.map { example in
                    example.matched ? model.predict(example.features, dictionary: example.dictionary.code) : nil
                }
                print("trained on \(training.count) facts outside \(testSlices); policy from its site folds: \(policy)")
                report(test, predictions, policy: policy)
                if let fixed = try fixedPolicy() {
                    print("the same model at the given policy \(fixed)")
                    report(test, predictions, policy: fixed)
                }
            }
            if let out {
                // With --test-slices the model written leaves them out (to score them with scripts/score).
                let examples = corpus.splitBySlice(examples, slice: \.slice).training
                let policy = trainer.bestPolicy(examples, trainer.heldOut(examples, folds: corpus.folds))
                let model = trainer.train(examples)
                let stamp = ISO8601DateFormatter().string(from: Date())
                let comment = [
                    "Learned status chooser (Sources/Facts/StatusModel.swift): multinomial logistic regression over",
                    "StatusFeatures. Written by `eduwh train-status --out` at \(stamp), trained on",
                    "\(examples.filter(\.matched).count) matched gold facts of \(Set(examples.map(\.site)).count) sites"
                        + " (corpus/field + seeds\(corpus.testSlices.map { " but " + $0 } ?? "")),",
                    "\(epochs) epochs, L2 \(l2). Policy (@fill @override @doubt, see StatusModel) chosen on",
                    "\(corpus.folds) site folds: \(policy). Column `indicator` holds the status.",
                    "Regenerate after changing the features, the status rules or the gold; do not edit by hand.",
                ]
                try IndicatorTrainer.table(model, policy: policy, comment: comment)
                    .write(toFile: out, atomically: true, encoding: .utf8)
                print("wrote \(out): \(model.weights.count) features, policy \(policy)")
            }
        }

        /// Prints per-slice rows: the rules, the model alone, combined.
        func report(
            _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?], policy: IndicatorModel.Policy
        ) {
            let alone = IndicatorModel.Policy(fill: 0, override: 0, doubt: 0)
            func row(_ name: String, _ indices: [Int]) {
                let subset = indices.map { examples[$0] }
                let guesses = indices.map { predictions[$0] }
                let r = StatusTrainer.score(subset, StatusTrainer.chosen(subset, guesses, policy: .off))
                let m = StatusTrainer.score(subset, StatusTrainer.chosen(subset, guesses, policy: alone))
                let c = StatusTrainer.score(subset, StatusTrainer.chosen(subset, guesses, policy: policy))
                func f(_ x: Double) -> String { String(format: "%.3f", x) }
                let cells = [
                    name, "\(r.total)", f(r.accuracy), f(m.accuracy), f(c.accuracy), f(r.exactShare), f(c.exactShare),
                    "\(r.wrongKnown)", "\(c.wrongKnown)",
                ]
                print(cells.joined(separator: "\t"))
            }
            print(
                "subset\tfacts\tstatus_rules\tstatus_model\tstatus_combined\texact_rules\texact_combined"
                    + "\twrong_known_rules\twrong_known_combined")
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for slice in slices.keys.sorted() { row(slice, slices[slice]!) }
            row("TOTAL", Array(examples.indices))
            // Gold status against the rules' and the combined choice, over the found facts.
            let rules = StatusTrainer.chosen(examples, predictions, policy: .off)
            let combined = StatusTrainer.chosen(examples, predictions, policy: policy)
            var counts: [String: Int] = [:]
            for (index, example) in examples.enumerated() where example.matched {
                counts["\(example.label) rules:\(rules[index]) combined:\(combined[index])", default: 0] += 1
            }
            for key in counts.keys.sorted() { print("gold \(key)\t\(counts[key]!)") }
            Self.errorTable(examples, rules: rules, combined: combined)
        }

        /// The examples of every labelled page of the field corpus and the seeds.
        func loadExamples() throws -> [IndicatorExample] {
            try LabelledPage.examples(
                field: corpus.field, seeds: corpus.seeds, seedsGold: corpus.seedsGold,
                factBuilder: FactBuilder(recordsFeatures: true, statusModel: nil, tableScope: !withoutTables)
            ) { page in
                StatusTrainer.examples(
                    goldFacts: page.goldFacts, goldQuantities: page.goldQuantities, facts: page.facts,
                    rawLines: page.rawLines, site: page.site, slice: page.slice)
            }
        }
    }
}
