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

    /// Place mentions in a document's lines, resolved with the whole document as context.
    public func places(in lines: [LabeledLine]) -> [Located<PlaceMention>] { PlaceResolver.standard.places(in: lines) }
}
