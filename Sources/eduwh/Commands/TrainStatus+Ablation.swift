import ArgumentParser
import Facts
import Foundation

extension Eduwh.TrainStatus {
    /// The policy `--policy fill,override,doubt` names (a value above 1 is off), if any.
    func fixedPolicy() throws -> IndicatorModel.Policy? {
        guard let policy else { return nil }
        // fill,override,doubt[,keep+keep…]: the cue classes the model may not overrule (`StatusFeatures.cueClass`).
        let parts = policy.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.prefix(3).compactMap(Double.init)
        guard values.count == 3, parts.count <= 4 else {
            throw ValidationError("--policy wants fill,override,doubt[,keep+keep]: \(policy)")
        }
        let keep = parts.count == 4 ? Set(parts[3].split(separator: "+").map(String.init)) : []
        return IndicatorModel.Policy(fill: values[0], override: values[1], doubt: values[2], keep: keep)
    }

    /// `examples` without the features that start with any of the comma-separated `prefixes`.
    static func dropping(_ prefixes: String, from examples: [IndicatorExample]) -> [IndicatorExample] {
        let parts = prefixes.split(separator: ",").map(String.init)
        guard !parts.isEmpty else { return examples }
        return examples.map { example in
            var example = example
            example.features.removeAll { feature in parts.contains { feature.hasPrefix($0) } }
            return example
        }
    }

    /// One row per `;`-separated group of feature prefixes (and one with all features): the
    /// combined choice's status accuracy, wrong known statuses and fact exact over the site folds
    /// and, with --test-slices, on the held-out slices, each without that group.
    func ablate(_ groups: String, _ examples: [IndicatorExample], trainer: StatusTrainer) {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        print("ablation\tfolds_status\tfolds_wrong\tfolds_exact\tfolds_policy\ttest_status\ttest_wrong\ttest_exact")
        for group in [""] + groups.split(separator: ";").map(String.init) {
            let reduced = Self.dropping(group, from: examples)
            let predictions = trainer.heldOut(reduced, folds: corpus.folds)
            let policy = trainer.bestPolicy(reduced, predictions)
            let folds = StatusTrainer.score(reduced, StatusTrainer.chosen(reduced, predictions, policy: policy))
            var cells = [
                group.isEmpty ? "(all)" : "-" + group, f(folds.accuracy), "\(folds.wrongKnown)", f(folds.exactShare),
                "\(policy)",
            ]
            if corpus.testSlices != nil {
                let (training, test) = corpus.splitBySlice(reduced, slice: \.slice)
                let (score, _) = Self.heldSlices(training, test, trainer: trainer, folds: corpus.folds)
                cells += [f(score.accuracy), "\(score.wrongKnown)", f(score.exactShare)]
            }
            print(cells.joined(separator: "\t"))
        }
    }

    /// The test examples' score by a model trained on `training` with the policy its site folds choose.
    static func heldSlices(
        _ training: [IndicatorExample], _ test: [IndicatorExample], trainer: StatusTrainer, folds: Int
    ) -> (IndicatorTrainer.Score, IndicatorModel.Policy) {
        let policy = trainer.bestPolicy(training, trainer.heldOut(training, folds: folds))
        let model = trainer.train(training)
        let predictions = test.map { example in
            example.matched ? model.predict(example.features, dictionary: example.dictionary.code) : nil
        }
        return (StatusTrainer.score(test, StatusTrainer.chosen(test, predictions, policy: policy)), policy)
    }

    /// The status errors of the rules' and the combined choices by the report's kind and by the
    /// section's status: swaps (achieved↔planned), misses (a known gold status left unknown) and
    /// inventions (a known status where the gold has none).
    static func errorTable(_ examples: [IndicatorExample], rules: [String], combined: [String]) {
        struct Tally {
            var count = 0
            var rules = [0, 0, 0, 0]
            var combined = [0, 0, 0, 0]
        }
        func kind(_ gold: String, _ code: String) -> Int {
            if gold == code { return 0 }
            if code == "unknown" { return 2 }
            return gold == "unknown" ? 3 : 1
        }
        var tallies: [String: Tally] = [:]
        for (index, example) in examples.enumerated() where example.matched {
            let report = example.features.first { $0.hasPrefix("K=") } ?? "K=?"
            let section = example.features.first { $0.hasPrefix("S=") } ?? "S=?"
            for key in [report, section, "gold=" + example.label, "TOTAL"] {
                tallies[key, default: Tally()].count += 1
                tallies[key]!.rules[kind(example.label, rules[index])] += 1
                tallies[key]!.combined[kind(example.label, combined[index])] += 1
            }
        }
        print("errors\tfacts\trules:right\tswap\tmissed\tinvented\tcombined:right\tswap\tmissed\tinvented")
        for key in tallies.keys.sorted() {
            let t = tallies[key]!
            let cells = [key, "\(t.count)"] + t.rules.map(String.init) + t.combined.map(String.init)
            print(cells.joined(separator: "\t"))
        }
    }
}
