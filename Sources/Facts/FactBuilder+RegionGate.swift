import EduwhCore
import Normalize

extension FactBuilder {
    /// The facts of a document with the regions the learned region gate (`regionGate`) keeps: a
    /// region it doubts is left empty with its reason (`regiongate:0.31<0.45`), one it keeps
    /// shows its probability. The gate's features are kept when `recordsFeatures` (for training).
    func gatedRegions(
        _ facts: [Fact], document: CleanDocument, places: [Located<PlaceMention>], profile: DocumentProfile
    ) -> [Fact] {
        guard regionGate != nil || recordsFeatures, facts.contains(where: { $0.adcode != nil }) else { return facts }
        let context = RegionGate.documentFeatures(document, places: places, profile: profile)
        let lines = Dictionary(document.lines.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let placesByLine = Dictionary(grouping: places.filter { $0.mention.status == .resolved }, by: \.line)
        var scalarsByLine: [Int: [Unicode.Scalar]] = [:]
        return facts.map { fact in
            guard let adcode = fact.adcode else { return fact }
            var fact = fact
            let scalars = Self.cached(&scalarsByLine, fact.line) { lines[fact.line]?.text.simplifiedScalars ?? [] }
            // The place the region came from: the nearest mention of that division on the fact's line.
            let place = fact.regionSource == .document
                ? nil
                : (placesByLine[fact.line] ?? []).map(\.mention).filter { $0.adcode == adcode }
                    .min { abs($0.offset - fact.quantity.offset) < abs($1.offset - fact.quantity.offset) }
            let features = RegionGate.features(
                adcode: adcode, source: fact.regionSource, place: place, quantity: fact.quantity, scalars: scalars,
                title: lines[fact.line]?.label == .title, document: context, region: profile.adcode)
            if recordsFeatures { fact.regionFeatures = features }
            guard let regionGate else { return fact }
            let probability = regionGate.probability(features)
            let shown = format2(probability)
            if probability < regionGate.threshold {
                (fact.adcode, fact.regionSource) = (nil, .none)
                fact.regionRule = "regiongate:\(shown)<\(regionGate.threshold)"
            } else {
                fact.regionRule = "regiongate:\(shown)"
            }
            return fact
        }
    }
}
