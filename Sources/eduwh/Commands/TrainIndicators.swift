import ArgumentParser
import EduwhCore
import Facts
import Foundation
import Ingest
import Pipeline

extension Eduwh {
    /// `eduwh train-indicators`: trains and measures the learned indicator chooser (developer command).
    struct TrainIndicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-indicators",
            abstract: "Train the learned indicator chooser on the facts gold; measure it on unseen sites (developer).",
            discussion: """
                    Runs every labelled page of the field corpus and the seeds through the
                    pipeline (the dictionary and grammar alone), matches its facts to the
                    gold facts (NAME.facts.tsv) as scripts/score does, and trains a
                    multinomial logistic regression over each quantity's features
                    (Sources/Facts/IndicatorFeatures.swift). A page's site is its MANIFEST
                    host; each seed is a site of its own.

                    --loso     every example predicted by a model trained without its site
                               (--folds K deals the sites into K groups instead); prints
                               per-slice and pooled indicator accuracy and fact exact of
                               the dictionary, the model alone and the combined choice.
                    --test-slices fh,fi
                               trains on the other slices (policy chosen by site folds
                               inside them) and scores the named slices ("fj;fh,fi":
                               each group in turn).
                    --drop-features L3=,pd=
                               leaves out the features whose names start so (to
                               measure what a family of features is worth);
                               "L3=;pd=" measures without each in turn.
                    --exclude-slices fo,fp
                               leaves the named slices out of everything (site folds
                               on the slices one reads, with a held-out check apart).
                    --dump FILE
                               with --loso: each gold fact's held-out choice as TSV
                               (gold, dictionary and its rule, model, combined choice,
                               surface, sentence, features), for reading misses.
                    --out FILE writes the model trained on everything, with the policy
                               the site folds choose (off when nothing beats the
                               dictionary), as rules/facts/indicator-model.tsv.

                  Example:
                    eduwh train-indicators --loso --folds 10
                    eduwh train-indicators --test-slices fh,fi
                    eduwh train-indicators --out rules/facts/indicator-model.tsv

                """,
            shouldDisplay: false)

        @OptionGroup var corpus: GoldCorpusOptions
        @Flag(help: "Read table cells without their column header and row label (measures TableScope).")
        var withoutTables = false
        @Flag(help: "With --loso: print a row per site too.") var perSite = false
        @Option(help: "Feature name prefixes to leave out (comma-separated; ';' between ablations run in turn).")
        var dropFeatures: String?
        @Option(help: "Score under this policy instead of the one site folds choose: fill,override,doubt[,kind…].")
        var policy: String?
        @Option(help: "Write the trained model here.") var out: String?
        @Option(help: "Slices to leave out of everything (comma-separated, e.g. fo,fp: a held-out check).")
        var excludeSlices: String?
        @Option(help: "With --loso: write each gold fact's held-out choice as TSV here (for reading misses).")
        var dump: String?
        @Option(help: "Training epochs.") var epochs = 15
        @Option(help: "L2 weight decay.") var l2: Float = 0.002
        @Option(help: "AdaGrad step size.") var rate: Float = 0.2
        @Option(help: "Fewest examples a feature must occur in.") var minCount = 2
        @Option(help: "Fewest sites a feature must be seen on.") var minSites = 1
        @Flag(help: "Weigh each example 1/sqrt(facts of its site).") var weighSites = false
        @Option(help: "Weights smaller than this are dropped.") var prune: Float = 0.05
        @Option(help: "Cost of a wrong known indicator, in right ones, when the policy is chosen.")
        var penalty = 0.25

        func run() throws {
            var trainer = IndicatorTrainer()
            trainer.epochs = epochs
            (trainer.l2, trainer.rate, trainer.minCount, trainer.prune) = (l2, rate, minCount, prune)
            (trainer.minSites, trainer.weighSites) = (minSites, weighSites)
            trainer.wrongPenalty = penalty
            let cells = policy.map { $0.split(separator: ",").map(String.init) } ?? []
            let fixed =
                cells.count < 3
                ? nil
                : IndicatorModel.Policy(
                    fill: Double(cells[0]) ?? 2, override: Double(cells[1]) ?? 2, doubt: Double(cells[2]) ?? 0,
                    keep: Set(cells.dropFirst(3)))
            let excluded = Set((excludeSlices ?? "").split(separator: ",").map(String.init))
            let loaded = try loadExamples().filter { !excluded.contains($0.slice) }
            // "a,b;c": the measurements once without a and b, then once without c.
            let groups = (dropFeatures ?? "").split(separator: ";", omittingEmptySubsequences: false)
            for group in groups {
                var examples = loaded
                let prefixes = group.split(separator: ",").map(String.init)
                if !prefixes.isEmpty {
                    print("without features \(group)")
                    for index in examples.indices {
                        examples[index].features.removeAll { feature in prefixes.contains { feature.hasPrefix($0) } }
                    }
                }
                try measure(examples, trainer: trainer, fixed: fixed)
            }
        }

        /// The --loso and --test-slices reports and the --out table, from `examples`.
        func measure(_ examples: [IndicatorExample], trainer: IndicatorTrainer, fixed: IndicatorModel.Policy?) throws {
            let matched = examples.filter(\.matched).count
            let sites = Set(examples.map(\.site)).count
            print("examples: \(examples.count) gold facts (\(matched) matched) from \(sites) sites")
            if corpus.loso {
                let predictions = trainer.heldOut(examples, folds: corpus.folds)
                let policy = fixed ?? trainer.bestPolicy(examples, predictions)
                let how = corpus.folds <= 0 ? "one site at a time" : "\(corpus.folds) site folds"
                print("held-out by site (\(how)); policy chosen on these same predictions: \(policy)")
                report(examples, predictions, policy: policy, perSite: perSite)
                if let dump { try write(examples, predictions, policy: policy, to: dump) }
            }
            for group in (corpus.testSlices ?? "").split(separator: ";") {
                let held = Set(group.split(separator: ",").map(String.init))
                let training = examples.filter { !held.contains($0.slice) }
                let test = examples.filter { held.contains($0.slice) }
                let policy = fixed ?? trainer.bestPolicy(training, trainer.heldOut(training, folds: corpus.folds))
                let model = trainer.train(training)
                let predictions = test.map { example in
                    example.matched ? model.predict(example.features, dictionary: example.dictionary.code) : nil
                }
                print("trained on \(training.count) facts outside \(group); policy from its site folds: \(policy)")
                report(test, predictions, policy: policy, perSite: false)
            }
            if let out {
                let policy = trainer.bestPolicy(examples, trainer.heldOut(examples, folds: corpus.folds))
                let model = trainer.train(examples)
                let stamp = ISO8601DateFormatter().string(from: Date())
                let sites = Set(examples.map(\.site)).count
                let comment = [
                    "Learned indicator chooser (Sources/Facts/IndicatorModel.swift): multinomial logistic regression",
                    "over IndicatorFeatures. Written by `eduwh train-indicators --out` at \(stamp), trained on",
                    "\(examples.filter(\.matched).count) matched gold facts of \(sites) sites (corpus/field + seeds),",
                    "\(trainer.epochs) epochs, L2 \(trainer.l2), weights under \(trainer.prune) pruned. Policy (@fill",
                    "@override @doubt, see IndicatorModel.Policy) chosen on \(corpus.folds) site folds: \(policy).",
                    "Regenerate after changing the features, the dictionary or the gold; do not edit by hand.",
                ]
                try IndicatorTrainer.table(model, policy: policy, comment: comment)
                    .write(toFile: out, atomically: true, encoding: .utf8)
                let size = "\(model.weights.count) features, \(model.classes.count) indicators"
                print("wrote \(out): \(size), policy \(policy)")
            }
        }

        /// Prints per-slice (and per-site) rows: dictionary, model alone, combined.
        func report(
            _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?], policy: IndicatorModel.Policy,
            perSite: Bool
        ) {
            let alone = IndicatorModel.Policy(fill: 2, override: 0, doubt: 0)
            func row(_ name: String, _ indices: [Int]) {
                let subset = indices.map { examples[$0] }
                let guesses = indices.map { predictions[$0] }
                let d = IndicatorTrainer.score(subset, IndicatorTrainer.chosen(subset, guesses, policy: .off))
                let m = IndicatorTrainer.score(subset, IndicatorTrainer.chosen(subset, guesses, policy: alone))
                let c = IndicatorTrainer.score(subset, IndicatorTrainer.chosen(subset, guesses, policy: policy))
                let read = subset.filter { $0.matched && IndicatorModel.mayChange($0.dictionary, policy: policy) }.count
                func f(_ x: Double) -> String { String(format: "%.3f", x) }
                let cells = [
                    name, "\(d.total)", f(d.accuracy), f(m.accuracy), f(c.accuracy), f(d.exactShare), f(c.exactShare),
                    "\(d.wrongKnown)", "\(c.wrongKnown)", f(Double(read) / Double(max(subset.count, 1))),
                    "\(d.knownForUnknown)/\(d.unknownForKnown)", "\(m.knownForUnknown)/\(m.unknownForKnown)",
                    "\(c.knownForUnknown)/\(c.unknownForKnown)",
                ]
                print(cells.joined(separator: "\t"))
            }
            print(
                "subset\tfacts\tind_dict\tind_model\tind_combined\texact_dict\texact_combined"
                    + "\twrong_known_dict\twrong_known_combined\tread_share"
                    + "\tknown_for_unknown/unknown_for_known_dict\t…_model\t…_combined")
            let slices = Dictionary(grouping: examples.indices, by: { examples[$0].slice })
            for slice in slices.keys.sorted() { row(slice, slices[slice]!) }
            row("TOTAL", Array(examples.indices))
            // Per cue kind of the dictionary's choice: how the policy changes it.
            let kinds = Dictionary(grouping: examples.indices) {
                IndicatorFeatures.cueKind(examples[$0].dictionary.rule)
            }
            for kind in kinds.keys.sorted() { row("cue:" + kind, kinds[kind]!) }
            if perSite {
                let sites = Dictionary(grouping: examples.indices, by: { examples[$0].site })
                for site in sites.keys.sorted() { row(site, sites[site]!) }
            }
        }

        /// Each gold fact with its held-out choice, one TSV row: slice, site, gold, dictionary, its
        /// rule, the model's code and probability, the combined choice, surface, sentence, features.
        func write(
            _ examples: [IndicatorExample], _ predictions: [IndicatorModel.Prediction?], policy: IndicatorModel.Policy,
            to path: String
        ) throws {
            let chosen = IndicatorTrainer.chosen(examples, predictions, policy: policy)
            var lines = ["slice\tsite\tgold\tdict\trule\tmodel\tp\tchosen\tsurface\tsentence\tfeatures\tline\ttable"]
            for (index, example) in examples.enumerated() {
                let prediction = predictions[index]
                let cells = [
                    example.slice, example.site, example.label, example.matched ? example.dictionary.code : "-",
                    example.dictionary.rule, prediction?.code ?? "-",
                    prediction.map { String(format: "%.2f", $0.probability) } ?? "-",
                    example.matched ? chosen[index] : "-", example.surface, example.sentence,
                    example.features.joined(separator: " "), example.lineText, example.tableCell,
                ]
                lines.append(cells.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// The examples of every labelled page of the field corpus and the seeds.
        func loadExamples() throws -> [IndicatorExample] {
            try LabelledPage.examples(
                field: corpus.field, seeds: corpus.seeds, seedsGold: corpus.seedsGold,
                factBuilder: FactBuilder(model: nil, recordsFeatures: true, tableScope: !withoutTables)
            ) { page in
                IndicatorExample.examples(
                    goldFacts: page.goldFacts, goldQuantities: page.goldQuantities, facts: page.facts,
                    rawLines: page.rawLines, site: page.site, slice: page.slice)
            }
        }
    }
}
