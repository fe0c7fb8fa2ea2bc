import EduwhCore
import Foundation
import Normalize
import TestSupport
import Testing

/// One rule, one id, one test: every row of the Normalize rule tables carries an `example`, and
/// the example must do what the row says.
@Suite("Rule tables: every example does what its row says")
struct RuleExampleTests {
    static let root = PackagePaths.root

    static func rows(_ name: String) -> [RuleTable.Row] {
        let path = root.appendingPathComponent("rules/normalize/\(name)")
        guard let text = try? String(contentsOf: path, encoding: .utf8),
            let table = try? RuleTable(name: name, text: text)
        else { return [] }
        return table.rows
    }

    @Test("Units: the example yields a quantity read by that row (blocks yield none)", arguments: rows("units.tsv"))
    func unit(_ row: RuleTable.Row) {
        let found = Normalizer.standard.quantities(in: row["example"])
        if row["kind"] == "block" {
            #expect(!found.contains { $0.rule.hasSuffix(":\(row["id"])") })
            #expect(!found.contains { $0.surface.hasSuffix(row["surface"]) }, "\(row["id"]): \(found.map(\.surface))")
        } else {
            #expect(found.contains { $0.rule.hasSuffix(":\(row["id"])") }, "\(row["id"]): \(found.map(\.rule))")
        }
    }

    @Test("Qualifiers: the example's quantity carries the row's qualifier", arguments: rows("qualifiers.tsv"))
    func qualifier(_ row: RuleTable.Row) {
        let found = Normalizer.standard.quantities(in: row["example"])
        #expect(
            found.contains { $0.qualifier.rawValue == row["qualifier"] },
            "\(row["id"]): \(found.map { "\($0.surface) \($0.qualifier)" })")
    }

    @Test("Fixed phrases: no quantity inside the phrase", arguments: rows("fixed-phrases.tsv"))
    func fixedPhrase(_ row: RuleTable.Row) {
        let found = Normalizer.standard.quantities(in: row["example"])
        #expect(
            !found.contains { row["phrase"].contains($0.surface) || $0.surface.contains(row["phrase"]) },
            "\(row["id"]): \(found.map(\.surface))")
    }

    @Test("Name contexts: the example's number is not a quantity", arguments: rows("name-contexts.tsv"))
    func nameContext(_ row: RuleTable.Row) {
        let found = Normalizer.standard.quantities(in: row["example"])
        let sentence = row["example"]
        // The example is a name (第九中学, 下三台公路) or a rank; whatever number it holds is not reported.
        #expect(
            found.allSatisfy {
                !sentence.contains($0.surface + row["word"]) && !sentence.contains(row["word"] + $0.surface)
            }, "\(row["id"]): \(found.map(\.surface))")
    }

    @Test("Relative years: the example yields a mention from that row", arguments: rows("relative-years.tsv"))
    func relativeYear(_ row: RuleTable.Row) {
        let found = Normalizer.standard.years(in: row["example"], referenceYear: 2012)
        // A relative year's rule names the basis it counted from after an @ (ry-jinnian@no-ref).
        #expect(found.contains { $0.rule.split(separator: "@").first == Substring(row["id"]) }, "\(found.map(\.rule))")
    }

    @Test("Plan periods: the example yields that period", arguments: rows("plan-periods.tsv"))
    func planPeriod(_ row: RuleTable.Row) {
        let found = Normalizer.standard.years(in: row["example"], referenceYear: nil)
        #expect(
            found.contains { $0.rule == row["id"] && $0.from == Int(row["from"]) && $0.to == Int(row["to"]) },
            "\(row["id"]): \(found.map(\.surface))")
    }

    @Test(
        "Context words: a labelled or contact number is not a quantity",
        arguments: rows("context-words.tsv").filter { $0["role"] == "label-lead" || $0["role"] == "contact" })
    func contextWord(_ row: RuleTable.Row) {
        let found = Normalizer.standard.quantities(in: row["example"])
        #expect(found.isEmpty, "\(row["id"]): \(found.map(\.surface))")
    }

    @Test(
        "Signature ends: the example line dates the speech",
        arguments: rows("context-words.tsv").filter { $0["role"] == "signature-end" })
    func signatureEnd(_ row: RuleTable.Row) {
        let doc = document(["教育工作报告", row["example"], "今年全县新建学校3所。"])
        #expect(Normalizer.standard.timeFrame(of: doc).referenceSource == .dateLine, "\(row["id"])")
    }

    @Test("Every table parses and every row has an example")
    func tablesParse() {
        for name in [
            "units.tsv", "magnitudes.tsv", "qualifiers.tsv", "fixed-phrases.tsv", "relative-years.tsv",
            "plan-periods.tsv", "name-contexts.tsv", "year-cues.tsv", "context-words.tsv",
        ] {
            let rows = Self.rows(name)
            #expect(!rows.isEmpty, "\(name) did not parse")
            #expect(rows.allSatisfy { !$0["example"].isEmpty }, "\(name) has a row without an example")
        }
    }
}
