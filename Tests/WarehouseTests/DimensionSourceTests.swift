import Facts
import Foundation
import GRDB
import Normalize
import Testing
import TestSupport
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
                try db.execute(sql: "INSERT INTO dim_unit (unit_id, kind) VALUES (?, 'count') ON CONFLICT DO NOTHING", arguments: [unit])
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
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT indicator_id, description FROM dim_indicator")
                .map { ($0["indicator_id"] as String, $0["description"] as String) })
        }
        for indicator in IndicatorDictionary.standard.indicators {
            let description = try #require(descriptions[indicator.code])
            #expect(description != indicator.example, "\(indicator.code): the description is more than its example")
            #expect(description.contains(indicator.nameEn) && description.contains(indicator.nameZh))
        }
    }
}
