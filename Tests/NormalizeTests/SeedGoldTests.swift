import EduwhCore
import Foundation
import Normalize
import TestSupport
import Testing

/// Runs Normalize over the five seed files with the gold line labels (so that the Clean stage's
/// mistakes do not count here) and scores quantities and years the way `tools/score` does:
/// one-to-one matching on line and overlapping surface, exact when every field agrees.
/// The gold labels are read from `corpus/seeds/gold` in the repository (`PackagePaths.gold`).
@Suite("Seed files against the gold labels")
struct SeedGoldTests {
    /// Floors pinned from the measured scores; lowering one must be a deliberate edit.
    static let quantityFloor = 0.97
    static let yearFloor = 0.97

    static let gold = PackagePaths.gold
    static let stems = [
        "000_2aee6a9319702955", "001_771c83aade38c1b7", "002_f1a6d74b7d48969e", "003_bdf3e9763ffc4651",
        "004_c547eb10244c3aeb",
    ]

    struct Score {
        var gold = 0, predicted = 0, exact = 0
        var f1: Double {
            let p = predicted == 0 ? 1 : Double(exact) / Double(predicted)
            let r = gold == 0 ? 1 : Double(exact) / Double(gold)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    static func rows(_ path: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        guard let header = lines.first?.components(separatedBy: "\t") else { return [] }
        return lines.dropFirst().map { line in
            var cells = line.components(separatedBy: "\t")
            while cells.count < header.count { cells.append("") }
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    /// The seed file as documents labelled by the gold `lines.tsv`.
    static func documents(_ stem: String) throws -> (raw: [String], docs: [CleanDocument]) {
        let text = try String(contentsOf: PackagePaths.imports.appendingPathComponent("\(stem).txt"), encoding: .utf8)
        let raw = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        var byDoc: [Int: [LabeledLine]] = [:]
        for row in try rows(gold.appendingPathComponent("\(stem).lines.tsv")) {
            guard let number = Int(row["line"] ?? ""), let doc = Int(row["doc"] ?? ""),
                let label = LineLabel(rawValue: row["label"] ?? "")
            else { continue }
            let textLine = raw[number - 1].trimmingCharacters(in: .whitespaces)
            byDoc[doc, default: []].append(
                LabeledLine(number: number, text: textLine, label: label, rule: "gold", document: doc))
        }
        let docs = byDoc.keys.sorted().map {
            CleanDocument(index: $0, title: nil, lines: byDoc[$0]!, metadata: SiteMetadata())
        }
        return (raw, docs)
    }

    static func overlaps(_ line: String, _ a: String, _ b: String) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a.contains(b) || b.contains(a) { return true }
        guard let i = line.range(of: a), let j = line.range(of: b) else { return false }
        return i.lowerBound < j.upperBound && j.lowerBound < i.upperBound
    }

    static func numberEqual(_ a: String, _ b: String) -> Bool {
        if a.isEmpty || b.isEmpty { return a == b }
        guard let x = Double(a), let y = Double(b) else { return a == b }
        return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
    }

    /// Greedy one-to-one matching; returns the score and the misses for the report.
    static func match(gold: [[String: String]], predicted: [[String: String]], raw: [String], fields: [String]) -> (
        Score, [String]
    ) {
        var score = Score(gold: gold.count, predicted: predicted.count, exact: 0)
        var used = Set<Int>()
        var notes: [String] = []
        for g in gold {
            let line = Int(g["line"] ?? "") ?? 0
            let text = line > 0 && line <= raw.count ? raw[line - 1] : ""
            var best: Int? = nil
            for (k, p) in predicted.enumerated() where p["line"] == g["line"] && !used.contains(k) {
                if p["surface"] == g["surface"] {
                    best = k
                    break
                }
                if best == nil && overlaps(text, p["surface"] ?? "", g["surface"] ?? "") { best = k }
            }
            guard let k = best else {
                notes.append("line \(line) missed \(g["surface"] ?? "")")
                continue
            }
            used.insert(k)
            let p = predicted[k]
            let ok = fields.allSatisfy { f in
                ["value", "from", "to"].contains(f) ? numberEqual(g[f] ?? "", p[f] ?? "") : (g[f] ?? "") == (p[f] ?? "")
            }
            if ok {
                score.exact += 1
            } else {
                notes.append(
                    "line \(line) \(g["surface"] ?? ""): gold \(fields.map { g[$0] ?? "" }) got \(fields.map { p[$0] ?? "" })"
                )
            }
        }
        for (k, p) in predicted.enumerated() where !used.contains(k) {
            notes.append("line \(p["line"] ?? "") extra \(p["surface"] ?? "")")
        }
        return (score, notes)
    }

    static func run() throws -> (quantities: Score, years: Score, notes: [String]) {
        let normalizer = Normalizer.standard
        var q = Score()
        var y = Score()
        var notes: [String] = []
        for stem in stems {
            let (raw, docs) = try documents(stem)
            var predictedQ: [[String: String]] = []
            var predictedY: [[String: String]] = []
            for doc in docs {
                let frame = normalizer.timeFrame(of: doc)
                for line in doc.lines where line.label != .noise {
                    for m in normalizer.years(in: line.text, frame: frame, lineNumber: line.number) {
                        predictedY.append([
                            "line": "\(line.number)", "surface": m.surface, "kind": m.kind.rawValue,
                            "from": m.from.map(String.init) ?? "", "to": m.to.map(String.init) ?? "",
                        ])
                    }
                    guard line.label.isKept else { continue }
                    for m in normalizer.quantities(in: line.text) {
                        predictedQ.append([
                            "line": "\(line.number)", "surface": m.surface, "value": m.value.map(plainDecimal) ?? "",
                            "unit": m.unit, "qualifier": m.qualifier.rawValue,
                        ])
                    }
                }
            }
            let (sq, nq) = match(
                gold: try rows(gold.appendingPathComponent("\(stem).quantities.tsv")), predicted: predictedQ, raw: raw,
                fields: ["value", "unit", "qualifier"])
            let (sy, ny) = match(
                gold: try rows(gold.appendingPathComponent("\(stem).years.tsv")), predicted: predictedY, raw: raw,
                fields: ["kind", "from", "to"])
            q.gold += sq.gold
            q.predicted += sq.predicted
            q.exact += sq.exact
            y.gold += sy.gold
            y.predicted += sy.predicted
            y.exact += sy.exact
            notes += (nq + ny).map { "\(stem) \($0)" }
        }
        return (q, y, notes)
    }

    @Test("Quantity and year exact F1 stay above their floors")
    func floors() throws {
        let (q, y, notes) = try Self.run()
        if ProcessInfo.processInfo.environment["EDUWH_SHOW_MISSES"] != nil {
            print("quantity exact F1 \(q.f1) (\(q.exact)/\(q.gold) gold, \(q.predicted) predicted)")
            print("year exact F1 \(y.f1) (\(y.exact)/\(y.gold) gold, \(y.predicted) predicted)")
            for note in notes { print(note) }
        }
        #expect(q.f1 >= Self.quantityFloor, "quantity exact F1 \(q.f1); \(notes.prefix(10))")
        #expect(y.f1 >= Self.yearFloor, "year exact F1 \(y.f1); \(notes.prefix(10))")
    }

    @Test(
        "Reference years and periods the gold resolves against",
        arguments: [
            ("000_2aee6a9319702955", 2009, 2007...2008),
            ("001_771c83aade38c1b7", 2012, nil),
            ("004_c547eb10244c3aeb", 2012, 2011...2011),
        ] as [(String, Int, ClosedRange<Int>?)])
    func referenceYears(_ stem: String, _ year: Int, _ period: ClosedRange<Int>?) throws {
        let doc = try Self.documents(stem).docs[0]
        #expect(Normalizer.standard.referenceYear(of: doc) == year)
        #expect(Normalizer.standard.referencePeriod(of: doc) == period)
    }

    @Test(
        "Documents whose text gives no year have no reference year",
        arguments: ["002_f1a6d74b7d48969e", "003_bdf3e9763ffc4651"])
    func noReferenceYear(_ stem: String) throws {
        for doc in try Self.documents(stem).docs {
            #expect(Normalizer.standard.referenceYear(of: doc) == nil)
        }
    }
}
