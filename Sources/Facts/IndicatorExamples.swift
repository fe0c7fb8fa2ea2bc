import EduwhCore

extension IndicatorExample {
    /// Each row of a page's facts gold (NAME.facts.tsv, with its NAME.quantities.tsv row for value
    /// and unit) matched to the fact eduwh built for it as `scripts/score` matches them (same line;
    /// the same surface, else one overlapping it), greedily in gold order; `rawLines` are the file's
    /// lines (for overlaps). What the trainers of the indicator and status choosers and the year
    /// gate learn from.
    public static func matches(goldFacts: String, goldQuantities: String, facts: [Fact], rawLines: [String])
        -> [GoldMatch]
    {
        let quantities = rows(goldQuantities)
        var byLine: [Int: [Int]] = [:]
        for (index, fact) in facts.enumerated() { byLine[fact.line, default: []].append(index) }
        var used = Set<Int>()
        var matches: [GoldMatch] = []
        for (index, row) in rows(goldFacts).enumerated() {
            guard row.count >= 8, let line = Int(row[0]) else { continue }
            let surface = row[2]
            let text = line >= 1 && line <= rawLines.count ? rawLines[line - 1] : ""
            var best: Int?
            for candidate in byLine[line] ?? [] where !used.contains(candidate) {
                let found = facts[candidate].quantity.surface
                if found == surface {
                    best = candidate
                    break
                }
                if best == nil, overlaps(text, found, surface) { best = candidate }
            }
            if let best { used.insert(best) }
            let quantity = index < quantities.count ? quantities[index] : []
            matches.append(GoldMatch(row: row, quantity: quantity, fact: best.map { facts[$0] }))
        }
        return matches
    }

    /// The examples of one labelled page (`matches`) for the indicator chooser. `facts` must have
    /// been built with `recordsFeatures`.
    public static func examples(
        goldFacts: String, goldQuantities: String, facts: [Fact], rawLines: [String], site: String, slice: String
    ) -> [IndicatorExample] {
        matches(goldFacts: goldFacts, goldQuantities: goldQuantities, facts: facts, rawLines: rawLines).map { match in
            guard let fact = match.fact else {
                var example = IndicatorExample(
                    features: [], label: match.row[3], site: site, slice: slice,
                    dictionary: .init(code: IndicatorMapper.unknownCode, rule: "none"), matched: false,
                    restExact: false)
                example.surface = match.row[2]
                let line = Int(match.row[0]) ?? 0
                example.lineText = line >= 1 && line <= rawLines.count ? rawLines[line - 1] : ""
                return example
            }
            var example = IndicatorExample(
                features: fact.features, label: match.row[3], site: site, slice: slice,
                dictionary: .init(code: fact.indicator, rule: fact.indicatorRule), matched: true,
                restExact: match.restExact(excluding: .indicator))
            (example.surface, example.sentence) = (match.row[2], fact.sentence)
            let line = Int(match.row[0]) ?? 0
            example.lineText = line >= 1 && line <= rawLines.count ? rawLines[line - 1] : ""
            example.tableCell = fact.tableCell
            return example
        }
    }

    /// The rows of a gold TSV after its header, as cells (trimmed).
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().filter { !$0.allSatisfy(\.isWhitespace) }.map { row in
            row.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            }
        }
    }

    static func sameNumber(_ gold: String, _ value: Double?) -> Bool {
        guard let value else { return gold.isEmpty }
        guard let number = Double(gold) else { return false }
        return abs(number - value) <= 1e-9 * max(1, abs(number), abs(value))
    }

    /// Whether two surfaces overlap in the line, or one contains the other (as `scripts/score`).
    static func overlaps(_ line: String, _ a: String, _ b: String) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a.includes(b) || b.includes(a) { return true }
        let text = Array(line.unicodeScalars)
        guard let i = position(of: a, in: text), let j = position(of: b, in: text) else { return false }
        return i < j + b.unicodeScalars.count && j < i + a.unicodeScalars.count
    }

    static func position(of needle: String, in text: [Unicode.Scalar]) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= text.count else { return nil }
        return (0...(text.count - pattern.count)).first { start in
            text[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }
}

/// A gold fact row (cells of NAME.facts.tsv: line, doc, surface, indicator, from, to, region,
/// status), its quantities row, and the fact eduwh built for it (nil: none matched).
public struct GoldMatch: Sendable {
    public enum Field: Sendable { case indicator, years, region, status }

    public var row: [String]
    public var quantity: [String]
    public var fact: Fact?

    /// Whether the matched fact agrees with the gold on value, unit and every field but `field`.
    public func restExact(excluding field: Field) -> Bool {
        guard let fact else { return false }
        let value = quantity.count > 3 ? quantity[3] : ""
        let unit = quantity.count > 4 ? quantity[4] : ""
        let years = row[4] == (fact.yearFrom.map(String.init) ?? "") && row[5] == (fact.yearTo.map(String.init) ?? "")
        return IndicatorExample.sameNumber(value, fact.quantity.value) && unit == fact.quantity.unit
            && (field == .indicator || row[3] == fact.indicator) && (field == .years || years)
            && (field == .region || row[6] == (fact.adcode ?? ""))
            && (field == .status || row[7] == fact.status.rawValue)
    }
}
