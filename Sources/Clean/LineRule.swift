import EduwhCore

/// One row of a line rule table (`rules/clean/*.tsv` with a `label` column): when its pattern
/// and conditions hold, the line gets its label and the rule's id.
///
/// ```swift
/// // id          label match  pattern      when                 scope example
/// // tag-line    N     regex  ^标签\s*[:：]  len<=200             line  标签：述职报告 教育
/// rule.id     // "tag-line"
/// rule.label  // .noise
/// ```
public final class LineRule: Sendable {
    /// What a matching rule covers.
    public enum Scope: String, Sendable {
        /// Only the matching line.
        case line
        /// The matching line and every later line of the report, once its body has begun
        /// (a paywall marker, a related-articles heading).
        case rest
    }

    /// The rule's id, shown in `--explain` and kept as lineage.
    public let id: String
    /// The label a matching line gets.
    public let label: LineLabel
    /// What the line's text must contain or match.
    public let pattern: TextPattern
    /// Shape, zone and run conditions that must all hold.
    public let conditions: [RuleCondition]
    /// Whether the rule covers only its line or the rest of the report.
    public let scope: Scope
    /// One real-looking line the rule matches (the table's `example` cell).
    public let example: String
    /// `file:line` of the row, for messages.
    public let origin: String

    /// Reads one row of a line rule table.
    public init(row: RuleTable.Row, table: String) throws(RuleTableError) {
        func fail(_ reason: String) -> RuleTableError { RuleTableError(file: table, line: row.line, reason: reason) }
        id = row["id"]
        guard let label = LineLabel(rawValue: row["label"]) else {
            throw fail("label '\(row["label"])' is not one of T, M, B, N")
        }
        self.label = label
        do {
            pattern = try TextPattern(match: row["match"], pattern: row["pattern"], needs: row["needs"])
            conditions = try RuleCondition.parseList(row["when"])
        } catch {
            throw fail(error.reason)
        }
        let scopeCell = row["scope"].isEmpty ? "line" : row["scope"]
        guard let scope = Scope(rawValue: scopeCell) else { throw fail("scope '\(scopeCell)' is not line or rest") }
        self.scope = scope
        example = row["example"]
        origin = "\(table):\(row.line)"
        runNeeded = conditions.lazy.compactMap { if case .run(let n) = $0 { n } else { nil } }.first ?? 0
    }

    /// The run length a `run>=N` condition asks for (0: none).
    let runNeeded: Int

    /// Whether the feature and zone conditions hold (a nil zone counts as met).
    func conditionsHold(_ line: ScannedLine, zone: LineZone?) -> Bool {
        for condition in conditions {
            switch condition {
            case .feature(let feature, let comparison, let bound):
                if !comparison.holds(line.shape.value(of: feature), bound) { return false }
            case .zone(let zones):
                if let zone, !zones.contains(zone) { return false }
            case .run:
                break
            }
        }
        return true
    }

    /// Whether the rule holds for `line` in `zone` (nil: zone conditions count as met and run
    /// conditions as unmet, the way the first pass looks for body paragraphs). `runLength`
    /// gives, when asked, how many neighbouring lines in a row satisfy the rule's other conditions.
    func matches(_ line: ScannedLine, zone: LineZone?, runLength: () -> Int) -> Bool {
        guard conditionsHold(line, zone: zone), pattern.matches(line) else { return false }
        if runNeeded > 0 { return zone != nil && runLength() >= runNeeded }
        return true
    }

}
