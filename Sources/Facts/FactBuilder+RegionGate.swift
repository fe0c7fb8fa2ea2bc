import EduwhCore
import Normalize

extension FactBuilder {
    /// Gives the facts of a document the regions the learned region chooser (`regionGate`) gives:
    /// the rules' region, the division containing it, or none, with the chooser's reason
    /// (`regiongate:empty (keep 0.21 parent 0.10 empty 0.74)`). Its features are kept when
    /// `recordsFeatures` (for training).
    func gateRegions(
        _ facts: inout [Fact], document: CleanDocument, places: [Located<PlaceMention>], profile: DocumentProfile
    ) {
        guard regionGate != nil || recordsFeatures, facts.contains(where: { $0.adcode != nil }) else { return }
        let context = RegionGate.documentFeatures(document, places: places, profile: profile)
        let documentScores = regionGate?.documentScores(context)
        let lines = Dictionary(document.lines.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let placesByLine = Dictionary(grouping: places.filter { $0.mention.status == .resolved }, by: \.line)
        var scalarsByLine: [Int: [Unicode.Scalar]] = [:]
        var parents: [String: String?] = [:]
        // The finer division each city or province region may be lowered to (read once per document).
        let lowers =
            recordsFeatures || regionGate?.byModel["lower"] != nil
            ? RegionGate.lowerCandidates(
                for: Set(facts.compactMap(\.adcode)), document: document, places: places, profile: profile) : [:]
        func gate(_ fact: inout Fact, adcode: String) {
            // The place the region came from: the nearest mention of that division on the fact's line.
            let place =
                fact.regionSource == .document
                ? nil
                : (placesByLine[fact.line] ?? []).map(\.mention).filter { $0.adcode == adcode }
                    .min { abs($0.offset - fact.quantity.offset) < abs($1.offset - fact.quantity.offset) }
            let scalars =
                place == nil
                ? [] : Self.cached(&scalarsByLine, fact.line) { lines[fact.line]?.text.simplifiedScalars ?? [] }
            // The fact's own features; the document's (the same for every fact) are summed once.
            // A figure over several of the region's parts or its whole (全市新建学校9所) is no part's.
            let lineScalars =
                lowers[adcode] == nil
                ? [] : Self.cached(&scalarsByLine, fact.line) { lines[fact.line]?.text.simplifiedScalars ?? [] }
            let lower = RegionGate.isOverParts(fact, lineScalars: lineScalars) ? nil : lowers[adcode]
            let src = "|src:" + fact.regionSource.rawValue
            let features =
                RegionGate.features(
                    adcode: adcode, source: fact.regionSource, place: place, quantity: fact.quantity, scalars: scalars,
                    title: lines[fact.line]?.label == .title, document: [], region: profile.adcode)
                + (lower?.features.flatMap { [$0, $0 + src] } ?? [])
            if recordsFeatures {
                fact.regionFeatures =
                    features + context.flatMap { [$0, $0 + src] }
                    + (lower.map { [RegionGate.lowerMark + $0.adcode] } ?? [])
            }
            guard let regionGate, let documentScores else { return }
            // keep, parent, empty, lower (`RegionGate.models`), each feature looked up once.
            let p = regionGate.probabilities(features, base: documentScores[fact.regionSource] ?? .zero)
            let parent = parents[adcode] ?? Self.cachedParent(adcode, &parents)
            let (keep, empty) = (p[0], p[2])
            let up = parent.map { _ in p[1] }
            let down = lower.map { _ in p[3] }
            let choice = RegionGate.choose(
                keep: keep, parent: up, empty: empty, lower: down, margins: regionGate.margins,
                lowerMargin: regionGate.lowerMargin)
            var shown = "keep \(format2(keep)) parent \(up.map(format2) ?? "-") empty \(format2(empty))"
            if let lower, let down { shown += " lower \(lower.adcode) \(format2(down))" }
            // The report's rule that gave a document region follows the chooser's (… docregion-named).
            let report = fact.regionSource == .document && !fact.regionRule.isEmpty ? " " + fact.regionRule : ""
            fact.regionRule = "regiongate:\(choice.rawValue) (\(shown))" + report
            switch choice {
            case .keep: break
            case .lower: fact.adcode = lower?.adcode
            case .parent: fact.adcode = parent
            case .empty: (fact.adcode, fact.regionSource) = (nil, .none)
            }
        }
        // In place: a fact is a large value, and mapping copied every one (0.5% of a load's samples).
        for index in facts.indices {
            guard let adcode = facts[index].adcode else { continue }
            gate(&facts[index], adcode: adcode)
        }
    }

    /// The division containing `adcode` (`RegionGate.parent`), looked up once per document.
    private static func cachedParent(_ adcode: String, _ parents: inout [String: String?]) -> String? {
        let parent = RegionGate.parent(of: adcode)
        parents[adcode] = parent
        return parent
    }
}
