import Foundation

/// One condition of a rule's `when` cell: a feature compared with a number (`len<=40`), the
/// zone the line lies in (`zone=tail`), or a run of neighbours that match too (`run>=3`).
///
/// ```swift
/// try RuleCondition.parseList("len<=40;zone=tail;run>=3").count // 3
/// ```
public enum RuleCondition: Sendable, Hashable {
    /// How a feature is compared with a number.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        /// `<=`
        case atMost = "<="
        /// `>=`
        case atLeast = ">="
        /// `<`
        case less = "<"
        /// `>`
        case greater = ">"
        /// `=`
        case equal = "="

        func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .atMost: value <= bound + 1e-9
            case .atLeast: value >= bound - 1e-9
            case .less: value < bound
            case .greater: value > bound
            case .equal: abs(value - bound) < 1e-9
            }
        }
    }

    /// A measured feature compared with a number: `len<=40`.
    case feature(LineFeature, Comparison, Double)
    /// The line lies in one of these zones: `zone=tail`.
    case zone(Set<LineZone>)
    /// The line is one of at least this many neighbours in a row that match: `run>=3`.
    case run(Int)

    /// Parses a `;`-separated list; `-` or an empty cell is no condition.
    public static func parseList(_ cell: String) throws(PatternError) -> [RuleCondition] {
        var result: [RuleCondition] = []
        for part in cell.split(separator: ";") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty || item == "-" { continue }
            result.append(try parse(item))
        }
        return result
    }

    static func parse(_ item: String) throws(PatternError) -> RuleCondition {
        // Longest operators first so `<=` is not read as `<`.
        for op in [Comparison.atMost, .atLeast, .less, .greater, .equal] {
            guard let range = item.range(of: op.rawValue) else { continue }
            let name = String(item[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let value = String(item[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if name == "zone" {
                guard op == .equal else { throw PatternError(reason: "zone takes '=', as in zone=tail") }
                var zones = Set<LineZone>()
                for word in value.split(separator: "|") {
                    switch word {
                    case "edge": zones.formUnion([.head, .tail])
                    default:
                        guard let zone = LineZone(rawValue: String(word)) else {
                            throw PatternError(reason: "unknown zone '\(word)' (use head, body, tail, edge)")
                        }
                        zones.insert(zone)
                    }
                }
                return .zone(zones)
            }
            if name == "run" {
                guard op == .atLeast, let count = Int(value), count >= 2 else {
                    throw PatternError(reason: "run takes '>=' and a whole number of at least 2, as in run>=3")
                }
                return .run(count)
            }
            guard let feature = LineFeature(rawValue: name) else {
                throw PatternError(
                    reason:
                        "unknown condition '\(name)' (use \(LineFeature.allCases.map(\.rawValue).joined(separator: ", ")), zone, run)"
                )
            }
            guard let bound = Double(value) else {
                throw PatternError(reason: "'\(value)' in '\(item)' is not a number")
            }
            return .feature(feature, op, bound)
        }
        throw PatternError(reason: "condition '\(item)' has no comparison (write e.g. len<=40)")
    }
}

/// Where a line lies relative to its report's body paragraphs.
public enum LineZone: String, Sendable, Hashable, CaseIterable {
    /// Before the report's first body paragraph (titles, metadata, navigation).
    case head
    /// From the first to the last body paragraph.
    case body
    /// After the last body paragraph (closing words, related lists, ads, disclaimers).
    case tail
}
