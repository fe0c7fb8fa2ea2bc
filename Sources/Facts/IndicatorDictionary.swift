import EduwhCore

/// One entry of the indicator dictionary (`rules/facts/indicators.tsv`).
public struct Indicator: Sendable, Hashable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    public var category: String
    /// Unit its values are in; nil when any unit fits.
    public var baseUnit: String?
    public var isRate: Bool
    /// Units a quantity may carry to belong here (`yuan`, `percent`, `所`, … ; `大` for 三大).
    public var units: Set<String>
    /// Units for which this is the indicator when no signal word in the sentence fits.
    public var fallbackUnits: [String]
    /// 1 generic … 3 specific: decides between signal words of the same clause.
    public var priority: Int
    /// Words that signal the indicator in a clause.
    public var signals: [String]
    public var example: String

    /// Whether a quantity in `unit` can measure this indicator.
    public func accepts(unit: String) -> Bool { units.contains(unit) }
}

/// The indicator dictionary, kept as data in `rules/facts/indicators.tsv`.
///
/// ```swift
/// IndicatorDictionary.standard.indicators.map(\.code) // ["funding_investment", …]
/// ```
public struct IndicatorDictionary: Sendable {
    public let indicators: [Indicator]

    public static let standard = RuleTable.shipped(
        "rules/facts/indicators.tsv", in: EmbeddedFiles.files,
        required: ["id", "name_zh", "name_en", "category", "base_unit", "is_rate", "signals"],
        IndicatorDictionary.init(table:))

    /// Reads the table; `units`, `fallback` and `priority` are optional columns (default: the
    /// base unit, none, 1).
    public init(table: RuleTable) {
        indicators = table.rows.map { row in
            let base = row["base_unit"]
            var units = Set(row["units"].split(separator: "|", omittingEmptySubsequences: false).map(String.init))
            if row["units"].isEmpty { units = base.isEmpty ? [] : [base] }
            return Indicator(
                code: row["id"], nameZh: row["name_zh"], nameEn: row["name_en"], category: row["category"],
                baseUnit: base.isEmpty ? nil : base, isRate: row["is_rate"] == "1", units: units,
                fallbackUnits: row["fallback"].split(separator: "|").map(String.init),
                priority: Int(row["priority"]) ?? 1,
                signals: row["signals"].split(separator: "|").map(String.init), example: row["example"])
        }
    }

    /// The entry with this code.
    public func indicator(code: String) -> Indicator? { indicators.first { $0.code == code } }
}
