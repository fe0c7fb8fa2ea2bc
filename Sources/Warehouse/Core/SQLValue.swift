import EduwhCore
import Foundation
import GRDB

/// A cell of a query result, or a bound parameter: what SQLite stores, without GRDB types.
///
/// ```swift
/// SQLValue.real(348000000).text   // "348000000"
/// SQLValue(parameter: "2011")     // .integer(2011)
/// SQLValue(parameter: "海珠区")    // .text("海珠区")
/// ```
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// A command-line parameter value: a canonical integer (`2011`, `-3`, not `007` or `+3`) is
    /// bound as an integer so comparisons with INTEGER columns and expressions work; anything
    /// else is bound as text.
    public init(parameter: String) {
        if let number = Int64(parameter), String(number) == parameter {
            self = .integer(number)
        } else {
            self = .text(parameter)
        }
    }

    /// The value as plain text: "" for NULL, reals as plain decimals (no exponent), hex for blobs.
    public var text: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): plainDecimal(value)
        case .text(let value): value
        case .blob(let bytes): bytes.map { String(format: "%02x", $0) }.joined()
        }
    }

    /// True for integers and reals.
    public var isNumber: Bool {
        switch self {
        case .integer, .real: true
        default: false
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let string): self = .text(string)
        case .blob(let data): self = .blob(Array(data))
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let string): string.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }
}
