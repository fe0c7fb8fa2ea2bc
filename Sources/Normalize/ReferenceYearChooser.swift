import EduwhCore

#if canImport(Glibc)
    import Glibc
#endif

/// What a document's text says about one year it names, gathered while its time frame is read:
/// how often and where the year stands (title, first or last lines, short lines) and in what role
/// (a date line, a plan or review heading, a deadline, a statistic's year, a range's end).
public struct ReferenceYearEvidence: Sendable, Hashable {
    public var count = 0
    /// Roles the year was seen in (`dateLine`, `plan`, `review`, `target`, `statistic`,
    /// `heading`, `plain`, `short`, `date`, `rangeEnd`, `title`).
    public var roles: Set<String> = []
    /// Ordinal of the first and last kept line naming it (0-based, among title and body lines).
    public var first = Int.max
    public var last = -1

    public init() {}

    /// Notes a role without counting a mention (`from`, `opens`: where a year stands in its sentence).
    mutating func mark(role: String) { roles.insert(role) }

    mutating func add(role: String, ordinal: Int) {
        count += 1
        roles.insert(role)
        first = min(first, ordinal)
        last = max(last, ordinal)
    }
}

/// The years a document could speak from (今年), each with the features a learned chooser reads:
/// every year its title and body name, the year after the latest (a report written in the new
/// year about a closed one), and none. `rules` is the index of the candidate the rules chose
/// (`DocumentTimeFrame`'s order of trust: date line, plan heading, latest year).
public struct ReferenceCandidates: Sendable {
    /// The candidate years (nil: no reference year) and their features.
    public var years: [Int?] = []
    public var features: [[String]] = []
    public var rules = 0
    /// The rules read the year off a date line (the day a speech was given): too few labelled
    /// documents have one for the chooser to learn against it, so it stands.
    public var locked = false

    /// Builds the candidates from the evidence of every year (`evidence`), the rules' choice and
    /// its source, how many kept lines the document has and the year of the page's publication
    /// date (`published`, site metadata: a re-post's date is often years late, so it is a feature
    /// weighed by its gap to the latest year the text names, never the rules' year).
    init(
        evidence: [Int: ReferenceYearEvidence], rules: Int?, source: DocumentTimeFrame.ReferenceSource?,
        keptLines: Int, published: Int? = nil
    ) {
        let latest = evidence.keys.max()
        let named = evidence.count
        var context = ["n:" + (named >= 3 ? "3+" : String(named)), "src:" + (source?.rawValue ?? "none")]
        if let published {
            let gap = latest.map { published - $0 }
            context.append("pubgap:" + (gap.map { $0 < 0 ? "before" : $0 >= 2 ? "2+" : String($0) } ?? "only"))
        }
        var all = evidence.keys.sorted()
        if let latest { all.append(latest + 1) }
        for year in all {
            var f = context.map { "y|" + $0 }
            if year == rules { f += ["rules"] + context.map { "rules|" + $0 } }
            if let latest {
                let rank = year == latest + 1 ? "next" : year == latest ? "max" : year == latest - 1 ? "max-1" : "older"
                f.append("rank:" + rank)
                f += context.map { "rank:\(rank)|" + $0 }
                if year == latest + 1, let closing = evidence[latest] {
                    f += closing.roles.map { "next|latest:" + $0 }
                }
            }
            if let published, year == published || year == published - 1 {
                f.append(year == published ? "pub:same" : "pub:prev")
            }
            if let e = evidence[year] {
                f += e.roles.map { "role:" + $0 }
                f.append("count:" + (e.count >= 4 ? "4+" : String(e.count)))
                if e.first < 3 { f.append("pos:head") }
                if e.last >= keptLines - 3 { f.append("pos:tail") }
                if e.roles.subtracting(["short", "title"]).isEmpty { f.append("only:short-or-title") }
                if e.roles.subtracting(["plain", "short", "from"]).isEmpty { f.append("only:plain") }
            }
            years.append(year)
            features.append(f)
        }
        var none = ["none"] + context.map { "none|" + $0 }
        if rules == nil { none.append("none|rules-none") }
        if let latest, let e = evidence[latest], e.roles.subtracting(["short", "title"]).isEmpty {
            none.append("none|latest-only-short-or-title")
        }
        if let latest, let e = evidence[latest] {
            if e.roles.contains("from") { none.append("none|latest-from") }
            if !e.roles.contains("opens") { none.append("none|latest-not-opening") }
            if e.count == 1 { none.append("none|latest-once") }
        }
        years.append(nil)
        features.append(none)
        self.rules = years.firstIndex(of: rules) ?? years.count - 1
        locked = source == .dateLine
    }
}

/// A learned chooser of the year a document speaks from: a conditional logit over the candidates
/// (`ReferenceCandidates`) whose weights are data (`rules/normalize/reference-year.tsv`, written by
/// `eduwh train-reference-years`; `@on` 1 applies it, `@change`/`@empty` are the margins by which
/// another year, or none, must beat the rules' year). A wrong reference year misdates every 今年,
/// 去年 and 3月8日 of a report, so the rules' year stands unless another candidate clearly wins.
///
/// ```swift
/// ReferenceYearChooser.standard?.margins  // (change, empty) chosen by the site folds, when on
/// ```
public struct ReferenceYearChooser: Sendable {
    public var weights: [String: Double]
    public var on: Bool

    public init(weights: [String: Double], on: Bool) {
        self.weights = weights
        self.on = on
    }

    public static let path = "rules/normalize/reference-year.tsv"

    /// The shipped chooser, or nil when its table is missing or it is off.
    public static let standard: ReferenceYearChooser? = {
        guard let text = EmbeddedFiles.files[path], let chooser = try? ReferenceYearChooser(table: text), chooser.on
        else { return nil }
        return chooser
    }()

    /// How much another year, or none, must beat the rules' year by (above 1: never).
    public var margins: (change: Double, empty: Double) { (weights["@change"] ?? 2, weights["@empty"] ?? 2) }

    /// Each candidate's probability (a softmax over the document's candidates).
    public func probabilities(_ candidates: ReferenceCandidates) -> [Double] {
        let scores = candidates.features.map { $0.reduce(0.0) { $0 + (weights[$1] ?? 0) } }
        let top = scores.max() ?? 0
        let exps = scores.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// The index of the chosen candidate: the rules' unless another beats it by its margin.
    public func choose(_ candidates: ReferenceCandidates, margins: (change: Double, empty: Double)? = nil) -> Int {
        choose(candidates, probabilities: probabilities(candidates), margins: margins)
    }

    /// The index of the chosen candidate given its probabilities `p` (from this or another chooser).
    public func choose(
        _ candidates: ReferenceCandidates, probabilities p: [Double], margins: (change: Double, empty: Double)? = nil
    ) -> Int {
        if candidates.locked || p.count != candidates.years.count { return candidates.rules }
        let (change, empty) = margins ?? self.margins
        var best = (index: candidates.rules, gain: 0.0)
        for index in p.indices where index != candidates.rules {
            let gain = p[index] - p[candidates.rules] - (candidates.years[index] == nil ? empty : change)
            if gain > best.gain { best = (index, gain) }
        }
        return best.index
    }

    /// Reads the table: a header `feature weight`, then rows (`@on`, `@change`, `@empty` among them).
    public init(table text: String) throws(RuleTableError) {
        let weights = try WeightTable.weights(text, path: Self.path)
        self.init(weights: weights.filter { $0.key != "@on" }, on: (weights["@on"] ?? 0) > 0)
    }

    /// The table's text: comment, column names, switches and margins, then weights by feature.
    public func table(comment: [String]) -> String {
        var lines = comment.map { "# " + $0 } + ["feature\tweight", "@on\t\(on ? 1 : 0)"]
        for feature in weights.keys.sorted() where !feature.contains(where: { $0 == "\t" || $0.isNewline }) {
            lines.append("\(feature)\t\((weights[feature]! * 1000).rounded() / 1000)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
