import EduwhCore

/// Builds hand-written mentions for Facts tests: the quantity at the first occurrence of `surface`.
enum FactsFixtures {
    static func quantity(_ surface: String, unit: String, in line: String, value: Double? = nil) -> QuantityMention {
        let scalars = Array(line.unicodeScalars)
        let target = Array(surface.unicodeScalars)
        var offset = 0
        if target.count <= scalars.count {
            for start in 0...(scalars.count - target.count) where Array(scalars[start..<start + target.count]) == target
            {
                offset = start
                break
            }
        }
        return QuantityMention(
            surface: surface, value: value, unit: unit, qualifier: value == nil ? .placeholder : .exact,
            offset: offset, rule: "test")
    }

    static func year(_ surface: String, _ from: Int?, _ to: Int? = nil, kind: YearKind = .year, in line: String)
        -> YearMention
    {
        let offset = quantity(surface, unit: "", in: line).offset
        return YearMention(surface: surface, kind: kind, from: from, to: to ?? from, offset: offset, rule: "test")
    }

    static func place(_ surface: String, adcode: String, in line: String) -> PlaceMention {
        let offset = quantity(surface, unit: "", in: line).offset
        return PlaceMention(
            surface: surface, adcode: adcode, name: surface, status: .resolved, candidates: [adcode], offset: offset,
            rule: "test")
    }

    static func line(_ text: String, number: Int = 1, label: LineLabel = .body) -> LabeledLine {
        LabeledLine(number: number, text: text, label: label, rule: "test", document: 1)
    }
}
