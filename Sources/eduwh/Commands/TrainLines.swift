import ArgumentParser
import Clean
import EduwhCore
import Foundation
import Ingest

extension Eduwh {
    /// `eduwh train-lines`: trains and measures Clean's learned line model (hidden; a developer's
    /// command, documented in corpus/README.md).
    struct TrainLines: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train-lines",
            abstract: "Train Clean's line model on the labelled corpus and measure it on held-out sites.",
            discussion: """
                    Cleans every labelled page by the rules, turns each gold line into features
                    (the rules' label and rule, zone, shape, neighbours) and trains a logistic
                    regression that may relabel a line where it is sure. A developer's command:
                    run it from the repository root after the corpus grows.

                    --loso: for each site, trains on all OTHER sites and labels that site;
                    prints per-site and pooled keep/drop, label accuracy and noise F1 of the
                    rules alone and of rules + model, and the pooled scores per gate margin.
                    --train-slices/--test-slices: trains on the named slices (the file name's
                    first two letters, `seeds` for the seeds), chooses the margin by
                    leave-one-site-out among them, and scores the test slices.
                    --out FILE: writes the model trained on every page (the margin chosen by
                    leave-one-site-out) as a weights table. --folds slice holds out a slice
                    at a time instead of a site (quicker, coarser): for --loso and for
                    choosing the margin. Clean applies a table at
                    rules/clean/line-model.tsv by default (after a rebuild), or the one
                    EDUWH_LINE_MODEL names; ship it only when the held-out scores beat the
                    rules alone.

                    --slices reads only the named slices (keep a held-out slice out of
                    --loso). --trees learns boosted decision trees (LineTrees) instead of the
                    logistic regression, to measure (not written as a table). --gate-sides
                    lets the gate relabel only lines inside, before or after the rules' body
                    block; --loso then also prints the scores on each side.

                    The full measurement is --loso with the default --folds site (seconds
                    on a release build), and --train-slices seeds,fa,fb,fc,fd,fe,ff,fg
                    --test-slices fh,fi for an unseen pair of slices (corpus/README.md).

                  Example:
                    eduwh train-lines --folds slice --loso --out line-model.tsv

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error (bad option, or no labelled pages found)"),
                        (ExitCodes.ioError, "a corpus file or the output file cannot be read or written"),
                    ]),
            shouldDisplay: false)

        @Option(help: "The field corpus folder (NAME.txt files and MANIFEST.tsv).")
        var corpus = "corpus/field"

        @Option(help: "The folder of the field corpus's gold NAME.lines.tsv files.")
        var gold = "corpus/field/gold"

        @Option(help: "The seeds folder, learned from as five more sites ('' for none).")
        var seeds = "imports"

        @Option(help: "The folder of the seeds' gold NAME.lines.tsv files.")
        var seedsGold = "corpus/seeds/gold"

        @Flag(help: "Print leave-one-site-out scores: rules alone vs rules + model.")
        var loso = false

        /// What is held out at a time.
        enum Folds: String, ExpressibleByArgument, CaseIterable {
            case site, slice
        }

        @Option(help: "What --loso and the margin's choice hold out at a time: a site or a slice.")
        var folds: Folds = .site

        @Option(help: "Comma-separated slices to train on (leave-slice-out), e.g. seeds,fa,fb.")
        var trainSlices: String?

        @Option(help: "Comma-separated slices to score with the model trained on --train-slices.")
        var testSlices: String?

        @Option(help: "Comma-separated slices to read at all (e.g. seeds,fa,fb; default: every labelled page).")
        var slices: String?

        @Flag(
            help:
                "Nested leave-one-slice-out: each slice scored by a model trained on the others, its margin chosen among them."
        )
        var nested = false

        @Option(help: "With --nested: the outer folds, groups of slices split by '/' (default: each slice).")
        var outerFolds: String?

        @Option(help: "Write the model trained on every page to this weights table.")
        var out: String?

        @Option(help: "Training epochs over the lines.")
        var epochs = 30

        @Option(help: "L2 weight decay per update.")
        var l2 = 1e-3

        @Option(help: "Two-ideograph words on at least this many sites become features (0: none).")
        var wordSites = 5

        @Flag(help: "Let the model also keep a line the rules dropped, or drop one they kept.")
        var anySide = false

        @Flag(help: "Clean each page with the rules written from its own site (pooled, not held out).")
        var ownSiteRules = false

        @Flag(name: .customLong("no-rule-ids"), help: "Leave rule ids out of the features (their tables' groups stay).")
        var noRuleIDs = false

        @Flag(help: "Leave the page-level features out (where a line sits against the body block, ...).")
        var noPageFeatures = false

        @Flag(help: "Clean each slice without the rules whose sites all lie in that slice (not only its own site's).")
        var sliceRules = false

        @Flag(help: "Train blind to the rules' own label and rule of each line (shape, place, neighbours only).")
        var blind = false

        @Flag(help: "With --test-slices: also print the test sites the model changes (never for a held-out slice).")
        var perSite = false

        @Flag(help: "Learn boosted decision trees instead of the logistic regression.")
        var trees = false

        @Option(help: "Trees: boosting rounds.")
        var rounds = 150

        @Option(help: "Trees: depth.")
        var depth = 3

        @Option(help: "Trees: shrinkage (learning rate) per tree.")
        var shrinkage = 0.1

        @Option(help: "Trees: lines each side of a split must hold at least.")
        var minLines = 8

        @Option(help: "Let the gate relabel only lines on these sides of the rules' body block (before,after,...).")
        var gateSides: String?

        @Option(help: "SGD learning rate (per line, divided among its active features).")
        var rate = 0.5

        func validate() throws {
            guard loso || nested || out != nil || trainSlices != nil else {
                throw ValidationError("give --loso, --nested, --out FILE, or --train-slices with --test-slices")
            }
            guard (trainSlices == nil) == (testSlices == nil) else {
                throw ValidationError("--train-slices and --test-slices go together")
            }
            guard !(trees && out != nil) else {
                throw ValidationError("--trees is for measuring: trees cannot be written as a weights table yet")
            }
            guard epochs > 0, l2 >= 0 else { throw ValidationError("--epochs must be positive and --l2 not negative") }
        }

        func run() throws {
            var pages = try readPages()
            if let slices {
                let keep = Self.slices(slices)
                pages.removeAll { !keep.contains(Self.slice(of: $0.name)) }
            }
            guard !pages.isEmpty else { throw ValidationError("no labelled pages found in \(corpus) and \(seeds)") }
            var trainer = LineModelTrainer()
            trainer.epochs = epochs
            trainer.l2 = l2
            trainer.learningRate = rate
            trainer.wordSites = wordSites
            trainer.useRuleIDs = !noRuleIDs
            trainer.keepSide = !anySide
            trainer.holdOutSiteRules = !ownSiteRules
            trainer.pageFeatures = !noPageFeatures
            trainer.blind = blind
            if trees {
                var settings = LineTrees.Settings()
                settings.rounds = rounds
                settings.depth = depth
                settings.shrinkage = shrinkage
                settings.minLines = minLines
                trainer.trees = settings
            }
            if let gateSides {
                trainer.gateSides = Set(
                    Self.slices(gateSides).compactMap { LineModelTrainer.sideNames.firstIndex(of: $0) })
            }
            if sliceRules { trainer.ruleHoldOutGroup = { Self.slice(of: $0.name) } }
            let clock = ContinuousClock()
            let start = clock.now
            let data = trainer.examples(pages)
            print(
                "\(pages.count) pages, \(Set(pages.map(\.site)).count) sites, "
                    + "\(data.pages.reduce(0) { $0 + $1.lineCount }) gold lines")
            if loso { report(trainer.crossValidate(data, groupOf: groupOf), trainer: trainer) }
            if let trainSlices, let testSlices {
                leaveSlicesOut(data, trainer: trainer, train: Self.slices(trainSlices), test: Self.slices(testSlices))
            }
            if nested { nestedFolds(data, trainer: trainer) }
            if let out {
                let model = trainer.fit(data, notes: notes(pages), groupOf: groupOf)
                do { try model.table().write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    printError("eduwh: \(out): cannot write the model (\(error.localizedDescription))")
                    throw ExitCode(ExitCodes.ioError)
                }
                print("wrote \(out) (gate margin \(model.margin))")
            }
            print("took \(clock.now - start)")
        }

        /// The group a page is held out with.
        private var groupOf: (LineModelTrainer.PageExamples) -> String {
            folds == .site ? { $0.site } : { Self.slice(of: $0.page) }
        }

        static func slices(_ list: String) -> Set<String> {
            Set(list.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) })
        }

        /// `seeds` for a seed, else the field file's first two letters (fa01_… → fa).
        static func slice(of page: String) -> String {
            page.hasPrefix("seed:") ? "seeds" : String(page.prefix(2))
        }

        private func leaveSlicesOut(
            _ data: LineModelTrainer.Dataset, trainer: LineModelTrainer, train: Set<String>, test: Set<String>
        ) {
            var trainData = data
            trainData.pages = data.pages.filter { train.contains(Self.slice(of: $0.page)) }
            let testPages = data.pages.filter { test.contains(Self.slice(of: $0.page)) }
            let model = trainer.fit(trainData, notes: [], groupOf: groupOf)
            let scored = trainer.apply(model, to: testPages)
            let keepSide = trainer.keepSide
            let sides = trainer.gateSides
            print(
                "\nleave-slice-out: trained on \(trainData.pages.count) pages of "
                    + "\(train.sorted().joined(separator: ",")),"
                    + " margin \(model.margin) chosen by leave-one-\(folds.rawValue)-out among them;"
                    + " scored \(testPages.count) pages of \(test.sorted().joined(separator: ","))")
            print(Self.header)
            for slice in test.sorted() {
                let pages = scored.filter { Self.slice(of: $0.page) == slice }
                printRow(
                    slice, rules: LineModelTrainer.pooled(pages, margin: nil),
                    model: LineModelTrainer.pooled(pages, margin: model.margin, keepSide: keepSide, sides: sides))
            }
            if perSite {
                for (site, pages) in Dictionary(grouping: scored, by: \.site).sorted(by: { $0.key < $1.key }) {
                    let rules = LineModelTrainer.pooled(pages, margin: nil)
                    let model = LineModelTrainer.pooled(pages, margin: model.margin, keepSide: keepSide, sides: sides)
                    if rules.labelOK != model.labelOK || rules.keepOK != model.keepOK {
                        printRow("  " + site, rules: rules, model: model)
                    }
                }
            }
            printRow(
                "together", rules: LineModelTrainer.pooled(scored, margin: nil),
                model: LineModelTrainer.pooled(scored, margin: model.margin, keepSide: keepSide, sides: sides))
        }

        /// Each outer fold (a slice, or a group of `--outer-folds`) scored by a model trained on the
        /// other slices, its gate margin chosen by leave-one-`folds`-out among them only.
        private func nestedFolds(_ data: LineModelTrainer.Dataset, trainer: LineModelTrainer) {
            let present = Set(data.pages.map { Self.slice(of: $0.page) })
            let outer: [Set<String>] =
                outerFolds.map { $0.split(separator: "/").map { Self.slices(String($0)) } }
                ?? present.sorted().map { [$0] }
            print("\nnested: \(outer.count) outer folds, margin chosen by leave-one-\(folds.rawValue)-out inside each")
            print(Self.header)
            var rules = LineScore()
            var total = LineScore()
            for fold in outer {
                var trainData = data
                trainData.pages = data.pages.filter { !fold.contains(Self.slice(of: $0.page)) }
                let testPages = data.pages.filter { fold.contains(Self.slice(of: $0.page)) }
                guard !testPages.isEmpty else { continue }
                let model = trainer.fit(trainData, notes: [], groupOf: groupOf)
                let pages = trainer.apply(model, to: testPages)
                let before = LineModelTrainer.pooled(pages, margin: nil)
                let after = LineModelTrainer.pooled(
                    pages, margin: model.margin, keepSide: trainer.keepSide, sides: trainer.gateSides)
                rules = rules + before
                total = total + after
                printRow(fold.sorted().joined(separator: ",") + " @\(model.margin)", rules: before, model: after)
            }
            printRow("NESTED TOTAL", rules: rules, model: total)
        }
        private func report(_ heldOut: [LineModelTrainer.HeldOutPage], trainer: LineModelTrainer) {
            let margin = trainer.chooseMargin(heldOut)
            print("\nleave-one-\(folds.rawValue)-out, pooled, by gate margin (rules alone first):")
            print(Self.header)
            printRow("rules", rules: nil, model: LineModelTrainer.pooled(heldOut, margin: nil))
            let sides = trainer.gateSides
            for m in trainer.margins {
                printRow(
                    "any side, margin \(m)", rules: nil,
                    model: LineModelTrainer.pooled(heldOut, margin: m, sides: sides))
            }
            for m in trainer.margins {
                printRow(
                    "keep side, margin \(m)", rules: nil,
                    model: LineModelTrainer.pooled(heldOut, margin: m, keepSide: true, sides: sides))
            }
            print("\nby where the line sits against the rules' body block (rules → the gate, margin \(margin)):")
            for (k, name) in LineModelTrainer.sideNames.enumerated() {
                printRow(
                    name, rules: LineModelTrainer.pooled(heldOut, margin: nil, only: k),
                    model: LineModelTrainer.pooled(
                        heldOut, margin: margin, keepSide: trainer.keepSide, sides: sides, only: k))
            }
            let keepSide = trainer.keepSide
            print(
                "\nsites that change, \(keepSide ? "keep side" : "any side"), margin \(margin) "
                    + "(chosen by these scores):")
            print(Self.header)
            let bySite = Dictionary(grouping: heldOut, by: \.site)
            for site in bySite.keys.sorted() {
                let pages = bySite[site]!
                let rules = LineModelTrainer.pooled(pages, margin: nil)
                let model = LineModelTrainer.pooled(pages, margin: margin, keepSide: keepSide, sides: trainer.gateSides)
                if rules.labelOK != model.labelOK || rules.keepOK != model.keepOK {
                    printRow(site, rules: rules, model: model)
                }
            }
            printRow(
                "LOSO TOTAL", rules: LineModelTrainer.pooled(heldOut, margin: nil),
                model: LineModelTrainer.pooled(heldOut, margin: margin, keepSide: keepSide, sides: trainer.gateSides))
        }

        static let header =
            "site".padding(toLength: 28, withPad: " ", startingAt: 0)
            + " lines  keep/drop (rules → model)  labels (rules → model)  noise F1 (rules → model)"

        private func printRow(_ name: String, rules: LineScore?, model: LineScore) {
            let r = rules ?? model
            print(
                name.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(
                        format: " %5d  %.3f → %.3f           %.3f → %.3f           %.3f → %.3f",
                        model.lines, r.keepDrop, model.keepDrop, r.labelAccuracy, model.labelAccuracy,
                        r.noiseF1, model.noiseF1))
        }

        private func notes(_ pages: [LineTrainingPage]) -> [String] {
            let date = ISO8601DateFormatter().string(from: Date()).prefix(10)
            let slices = Set(pages.map { Self.slice(of: $0.name) }).sorted().joined(separator: ", ")
            return [
                "# Clean stage: the learned line model (LineModel): weights of a multinomial logistic regression",
                "# over the rules' decisions (T/M/B/N). Data, not code: regenerate it, never edit it by hand:",
                "#   eduwh train-lines --out FILE   (from the repository root; see corpus/README.md)",
                "# Trained \(date) by SGD (\(epochs) epochs, L2 \(l2), words on >= \(wordSites) sites) on "
                    + "\(pages.count) pages from \(Set(pages.map(\.site)).count) sites (slices \(slices));",
                "# gate: \(anySide ? "any label" : "same side of keep/drop only"), margin chosen by "
                    + "leave-one-\(folds.rawValue)-out. A line the model relabels has rule id line-model(RULE).",
            ]
        }

        /// The field corpus's labelled pages (site from the manifest's host) and the seeds.
        private func readPages() throws -> [LineTrainingPage] {
            var pages: [LineTrainingPage] = []
            let manifest = (corpus as NSString).appendingPathComponent("MANIFEST.tsv")
            var hosts: [String: String] = [:]
            if let text = try? String(contentsOfFile: manifest, encoding: .utf8) {
                for row in text.split(separator: "\n").dropFirst() {
                    let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
                    if cells.count >= 2 { hosts[String(cells[0])] = String(cells[1]) }
                }
            }
            for name in hosts.keys.sorted() {
                let site = LineTrainingPage.site(ofHost: hosts[name]!)
                if let page = try page(name, folder: corpus, gold: gold, site: site) { pages.append(page) }
            }
            if !seeds.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: seeds) {
                for name in names.sorted() where name.hasSuffix(".txt") {
                    if var page = try page(name, folder: seeds, gold: seedsGold, site: "seed:" + name) {
                        page.name = "seed:" + name
                        pages.append(page)
                    }
                }
            }
            return pages
        }

        private func page(_ name: String, folder: String, gold: String, site: String) throws -> LineTrainingPage? {
            let goldPath = (gold as NSString).appendingPathComponent(String(name.dropLast(4)) + ".lines.tsv")
            guard let goldText = try? String(contentsOfFile: goldPath, encoding: .utf8) else { return nil }
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let raw = try Ingestor().read(path: path)
            return LineTrainingPage(
                name: name, site: site, text: raw.text, gold: LineTrainingPage.gold(fromLinesTable: goldText))
        }
    }
}
