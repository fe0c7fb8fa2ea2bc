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
    /// Words that signal the indicator in a clause.
    public var signals: [String]
    public var example: String
}

/// The indicator dictionary, kept as data in `rules/facts/indicators.tsv`.
///
/// ```swift
/// IndicatorDictionary.standard.indicators.map(\.code) // ["funding_investment", …]
/// ```
public struct IndicatorDictionary: Sendable {
    public let indicators: [Indicator]

    public static let standard: IndicatorDictionary = {
        do {
            return try IndicatorDictionary(table: RuleTable(name: "rules/facts/indicators.tsv",
                                                            text: EmbeddedFiles.files["rules/facts/indicators.tsv"] ?? "",
                                                            required: ["id", "name_zh", "name_en", "category", "base_unit", "is_rate", "signals"]))
        } catch {
            fatalError("built-in indicator dictionary is invalid: \(error)")
        }
    }()

    public init(table: RuleTable) {
        indicators = table.rows.map { row in
            Indicator(code: row["id"], nameZh: row["name_zh"], nameEn: row["name_en"], category: row["category"],
                      baseUnit: row["base_unit"].isEmpty ? nil : row["base_unit"], isRate: row["is_rate"] == "1",
                      signals: row["signals"].split(separator: "|").map(String.init), example: row["example"])
        }
    }
}
