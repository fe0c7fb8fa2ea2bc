import Facts
import Foundation
import GRDB
import Normalize
import TestSupport
import Testing

@testable import Warehouse

/// dim_unit and dim_indicator say what their rule files say (one source for each fact).
@Suite struct DimensionSourceTests {
    @Test func unitKindsAndIndicatorDescriptionsMatchTheRuleFiles() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        _ = try Warehouse(path: path)
        let queue = try DatabaseQueue(path: path)
        // Units the old switch filed as counts, inserted as an older eduwh would have.
        try queue.write { db in
            for unit in ["公顷", "美元", "学时", "周年"] {
                try db.execute(
                    sql: "INSERT INTO dim_unit (unit_id, kind) VALUES (?, 'count') ON CONFLICT DO NOTHING",
                    arguments: [unit])
            }
        }
        _ = try Warehouse(path: path)  // a writable open brings them in line
        let units = try queue.read { db in try Row.fetchAll(db, sql: "SELECT unit_id, kind FROM dim_unit") }
        #expect(!units.isEmpty)
        for row in units {
            let unit: String = row["unit_id"]
            #expect(row["kind"] as String == UnitKinds.warehouseKind(of: unit), "\(unit)")
        }
        #expect(UnitKinds.warehouseKind(of: "学时") == "time")
        #expect(UnitKinds.warehouseKind(of: "美元") == "money")
        let descriptions = try queue.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT indicator_id, description FROM dim_indicator")
                    .map { ($0["indicator_id"] as String, $0["description"] as String) })
        }
        for indicator in IndicatorDictionary.standard.indicators {
            let description = try #require(descriptions[indicator.code])
            #expect(description != indicator.example, "\(indicator.code): the description is more than its example")
            #expect(description.contains(indicator.nameEn) && description.contains(indicator.nameZh))
        }
    }

    /// The rows of a shipped rule table (`#` comments and the header skipped), split on tabs,
    /// read from the file itself rather than through the code that loads it.
    static func ruleRows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOf: PackagePaths.root.appending(path: path), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("id\t") && !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A fresh load of the samples: every dim_unit kind is the `kind` column of
    /// rules/normalize/units.tsv (money, area, percent, count; durations are `time`; groups,
    /// tiers, multiples and scores `other`; a measure word the table lacks counts), and
    /// dim_indicator holds exactly the rows of rules/facts/indicators.tsv plus `unknown`.
    @Test func aFreshLoadsDimensionsAreWhatTheRuleFilesSay() throws {
        let box = try WarehouseLoadTests.Sandbox()
        #expect(try box.load().counts.filesLoaded == 5)
        let warehouseKind = [
            "money": "money", "area": "area", "percent": "percent", "count": "count", "duration": "time",
        ]
        var fileKinds: [String: Set<String>] = ["": ["other"]]
        for row in try Self.ruleRows("rules/normalize/units.tsv") where row[4] != "block" {
            fileKinds[row[2], default: []].insert(warehouseKind[row[4]] ?? "other")
        }
        #expect(fileKinds.count > 50)
        let queue = try DatabaseQueue(path: box.db)
        let units = try queue.read { db in try Row.fetchAll(db, sql: "SELECT unit_id, kind FROM dim_unit") }
        #expect(units.count >= 8, "the samples carry money, area, percent and several measure words")
        var kindsSeen = Set<String>()
        for row in units {
            let unit: String = row["unit_id"]
            let kinds = fileKinds[unit] ?? ["count"]
            #expect(kinds.count == 1, "\(unit) has more than one kind in units.tsv: \(kinds)")
            #expect(
                kinds.contains(row["kind"] as String), "dim_unit \(unit): \(row["kind"] as String), units.tsv: \(kinds)"
            )
            kindsSeen.insert(row["kind"])
        }
        #expect(kindsSeen.isSuperset(of: ["money", "area", "percent", "count"]))

        let indicators = try queue.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT indicator_id, name_zh, name_en, category, base_unit, is_rate, description FROM dim_indicator"
            )
        }
        let fileRows = try Self.ruleRows("rules/facts/indicators.tsv")
        #expect(Set(indicators.map { $0["indicator_id"] as String }) == Set(fileRows.map { $0[0] } + ["unknown"]))
        for file in fileRows {
            let row = try #require(indicators.first { $0["indicator_id"] == file[0] })
            #expect(row["name_zh"] == file[1] && row["name_en"] == file[2] && row["category"] == file[3], "\(file[0])")
            #expect(row["base_unit"] as String? == (file[4] == "-" ? nil : file[4]), "\(file[0])")
            #expect(row["is_rate"] as Int == Int(file[5]), "\(file[0])")
            let description: String = row["description"]
            #expect(description.hasPrefix("\(file[2]) (\(file[1])), \(file[3])"), "\(file[0]): \(description)")
            #expect(description != file[10], "\(file[0]): the description is more than its example sentence")
        }
    }
}
