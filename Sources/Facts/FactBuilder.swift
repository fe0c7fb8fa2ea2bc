import EduwhCore
import Normalize

/// Maps a document's quantities to indicators, years and regions: the Facts stage.
///
/// ```swift
/// let facts = FactBuilder.standard.build(document)
/// facts.facts.first?.indicator // "funding_investment"
/// ```
public struct FactBuilder: Sendable {
    public static let standard = FactBuilder()

    public let normalizer: Normalizer

    public init(normalizer: Normalizer = .standard) {
        self.normalizer = normalizer
    }

    /// Builds the facts, year and place mentions of one clean document.
    public func build(_ document: CleanDocument) -> DocumentFacts {
        let frame = normalizer.timeFrame(of: document)
        let reference = frame.referenceYear
        var facts: [Fact] = []
        var years: [Located<YearMention>] = []
        for line in document.lines where line.label != .noise {
            for year in normalizer.years(in: line.text, frame: frame, lineNumber: line.number) {
                years.append(Located(line: line.number, mention: year))
            }
            guard line.label.isKept else { continue }
            for quantity in normalizer.quantities(in: line.text, standalone: line.rule == "as-text") {
                let unitIndicator = quantity.unit == "yuan" ? "funding_investment" : "unknown"
                facts.append(Fact(line: line.number, sentence: line.text, quantity: quantity, indicator: unitIndicator,
                                  indicatorRule: "unit-only", status: .unknown, statusCue: "",
                                  yearFrom: reference, yearTo: reference, yearSource: reference == nil ? .none : .document,
                                  adcode: nil, regionSource: .none))
            }
        }
        return DocumentFacts(document: document, profile: DocumentProfile(kind: "其他", referenceYear: reference),
                             facts: facts, years: years, places: normalizer.places(in: document.lines))
    }
}
