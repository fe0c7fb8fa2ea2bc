import EduwhCore

/// One row of a split-cue table (a `rules/clean/*.tsv` with a `role` column): evidence that a
/// line starts a new report inside a file of glued reports.
///
/// ```swift
/// // id               role        match  pattern                 when     weight example
/// // salutation-line  salutation  regex  ^尊敬的[^。]{0,40}[:：]$  len<=50  3      尊敬的各位领导：
/// ```
public final class SplitCue: Sendable {
    /// What the cue says about its line.
    public enum Role: String, Sendable, CaseIterable {
        /// A piece marker (篇一, 第二篇): always starts a new report.
        case marker
        /// A standalone greeting that opens a speech.
        case salutation
        /// Reads like a report's first paragraph.
        case opening
        /// Ends a speech (谢谢大家！); the next paragraph may start a new report.
        case closing
        /// Reads like a report's last paragraph.
        case concluding
    }

    /// The cue's id.
    public let id: String
    /// What the cue says about its line.
    public let role: Role
    /// What the line's text must contain or match.
    public let pattern: TextPattern
    /// Shape conditions that must all hold (zone and run conditions do not apply).
    public let conditions: [RuleCondition]
    /// Points the cue adds toward `CleanSettings.splitThreshold`.
    public let weight: Int
    /// One real-looking line the cue matches.
    public let example: String

    /// Reads one row of a split-cue table.
    public init(row: RuleTable.Row, table: String) throws(RuleTableError) {
        func fail(_ reason: String) -> RuleTableError { RuleTableError(file: table, line: row.line, reason: reason) }
        id = row["id"]
        guard let role = Role(rawValue: row["role"]) else {
            throw fail("role '\(row["role"])' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.role = role
        do {
            pattern = try TextPattern(match: row["match"], pattern: row["pattern"], needs: row["needs"])
            conditions = try RuleCondition.parseList(row["when"])
        } catch {
            throw fail(error.reason)
        }
        guard let weight = Int(row["weight"]), weight >= 0 else {
            throw fail("weight '\(row["weight"])' is not a whole number")
        }
        self.weight = weight
        example = row["example"]
    }

    func matches(_ line: ScannedLine) -> Bool {
        conditionsHold(line) && pattern.matches(line)
    }

    func conditionsHold(_ line: ScannedLine) -> Bool {
        for condition in conditions {
            if case .feature(let feature, let comparison, let bound) = condition,
                !comparison.holds(line.shape.value(of: feature), bound)
            {
                return false
            }
        }
        return true
    }
}
