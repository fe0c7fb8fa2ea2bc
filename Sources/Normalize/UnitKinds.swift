/// What each canonical unit measures, as `dim_unit.kind` stores it, read from the `kind` column of
/// `rules/normalize/units.tsv`: the one place a unit's kind is written down (the warehouse had a
/// switch of its own that filed 公顷, 美元, ‰ and 学时 as counts).
///
/// ```swift
/// UnitKinds.warehouseKind(of: "yuan")  // "money"
/// UnitKinds.warehouseKind(of: "学时")   // "time"
/// ```
public enum UnitKinds {
    /// Every canonical unit of the unit table with its warehouse kind.
    public static let all: [String: String] = {
        var kinds: [String: String] = ["": "other"]
        for rules in NormalizeRules.standard.units.values {
            for rule in rules where rule.kind != .block && kinds[rule.unit] == nil {
                kinds[rule.unit] = warehouseKind(rule.kind)
            }
        }
        return kinds
    }()

    /// `dim_unit.kind` of `unit`: money, area, percent, count, time or other; a unit the table
    /// does not know (a measure word read from a table's header) counts.
    public static func warehouseKind(of unit: String) -> String {
        all[unit] ?? "count"
    }

    static func warehouseKind(_ kind: NormalizeRules.UnitKind) -> String {
        switch kind {
        case .money: "money"
        case .area: "area"
        case .percent: "percent"
        case .count, .division: "count"
        case .duration: "time"
        case .group, .tier, .multiple, .score, .block: "other"
        }
    }
}
