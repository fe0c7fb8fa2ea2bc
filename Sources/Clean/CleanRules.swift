import EduwhCore
import Foundation

/// Every rule the Clean stage applies: line rules (what a line is), split cues (where a glued
/// report starts) and word lists, read from rule tables. A table's kind is told by its header:
/// a `label` column makes a line rule table, `role` a split-cue table, `words` a lexicon.
///
/// ```swift
/// let rules = try CleanRules.standard.addingTables(inDirectory: "my-rules")
/// rules.lineRules.first?.id  // a user's rule: user tables are tried before the shipped ones
/// ```
public struct CleanRules: Sendable {
    /// Line rules in the order they are tried (the first that holds decides).
    public var lineRules: [LineRule] {
        didSet { ruleGroups = Self.groups(lineRules: lineRules, splitCues: splitCues) }
    }
    /// Split cues, in table order.
    public var splitCues: [SplitCue] {
        didSet { ruleGroups = Self.groups(lineRules: lineRules, splitCues: splitCues) }
    }
    /// Each rule id's group: its table's name (`10-navigation`), `user`, or `cue` for a split cue.
    private var ruleGroups: [String: String] = [:]
    /// Word lists by id (`surname`, `org-suffix`, `signature-lead`, `meta-button`, `crumb-home`,
    /// `traditional`).
    public var lexicon: [String: [String]] {
        didSet { folding = ScriptFolding(pairs: lexicon["traditional"] ?? []) }
    }
    /// Traditional → simplified folding built from the lexicon's `traditional` pairs.
    public private(set) var folding = ScriptFolding(pairs: [])

    /// The rules shipped in `rules/clean/` (embedded at build time).
    public static let standard: CleanRules = shipped(holdingOut: holdoutSite)

    /// The shipped rules without those whose `sites` column names only `site` (nil: all of them):
    /// how the rules label a page of a site they were not written from.
    public static func shipped(holdingOut site: String?) -> CleanRules {
        shipped(holdingOutAll: site.map { [$0] } ?? [])
    }

    /// The shipped rules without those whose `sites` column names only sites in `sites`: how the
    /// rules label a group of sites (a slice of the field corpus) they were not written from.
    public static func shipped(holdingOutAll sites: Set<String>) -> CleanRules {
        let tables = EmbeddedFiles.files.keys.sorted().compactMap { path -> RuleTable? in
            guard path.hasPrefix("rules/clean/"), path.hasSuffix(".tsv"), path != LineModel.tablePath,
                path != TitleScores.tablePath,
                let text = EmbeddedFiles.files[path]
            else {
                return nil
            }
            do { return try RuleTable(name: path, text: text) } catch {
                fatalError("shipped rule table is broken: \(error)")
            }
        }
        do { return try CleanRules(tables: tables, holdingOutAll: sites) } catch {
            fatalError("shipped rule table is broken: \(error)")
        }
    }

    /// The sites named in the shipped line rules' `sites` columns (rules written from their pages).
    public static let sitesNamedByRules: Set<String> = {
        var sites = Set<String>()
        for (path, text) in EmbeddedFiles.files where path.hasPrefix("rules/clean/") && path.hasSuffix(".tsv") {
            guard path != LineModel.tablePath, path != TitleScores.tablePath,
                let table = try? RuleTable(name: path, text: text),
                table.columns.contains("sites")
            else { continue }
            for row in table.rows { sites.formUnion(row["sites"].split(separator: "|").map(String.init)) }
        }
        return sites
    }()

    /// Builds the rules from tables, in the order given (without the rows whose `sites` column
    /// names only the `EDUWH_HOLDOUT_SITE` site).
    public init(tables: [RuleTable]) throws(RuleTableError) {
        try self.init(tables: tables, holdingOut: Self.holdoutSite)
    }

    /// Builds the rules from tables, in the order given, without the rows whose `sites` column
    /// names only `site`.
    public init(tables: [RuleTable], holdingOut site: String?) throws(RuleTableError) {
        try self.init(tables: tables, holdingOutAll: site.map { [$0] } ?? [])
    }

    /// The same without the rows whose `sites` column names only sites in `sites`.
    public init(tables: [RuleTable], holdingOutAll sites: Set<String>) throws(RuleTableError) {
        lineRules = []
        splitCues = []
        lexicon = [:]
        for table in tables { try add(table, holdingOut: sites) }
        folding = ScriptFolding(pairs: lexicon["traditional"] ?? [])
        ruleGroups = Self.groups(lineRules: lineRules, splitCues: splitCues)
    }

    /// The group of the rule that decided a line: its table's name (`10-navigation`), `user` for a
    /// user's table, `cue` for a split cue, `structural` for the labeller's own ids (`body-line`).
    func ruleGroup(_ id: String) -> String {
        ruleGroups[id] ?? "structural"
    }

    private static func groups(lineRules: [LineRule], splitCues: [SplitCue]) -> [String: String] {
        var out: [String: String] = [:]
        for rule in lineRules where out[rule.id] == nil { out[rule.id] = LineFeatureSpace.tableName(rule.origin) }
        for split in splitCues where out[split.id] == nil { out[split.id] = "cue" }
        return out
    }

    private mutating func add(_ table: RuleTable, holdingOut sites: Set<String>) throws(RuleTableError) {
        let headerLine = (table.rows.first?.line ?? 2) - 1
        if table.columns.contains("label") {
            try require(["id", "label", "match", "pattern", "example"], in: table, line: headerLine)
            for row in table.rows where !Self.isHeldOut(row, of: table, sites: sites) {
                lineRules.append(try LineRule(row: row, table: table.name))
            }
        } else if table.columns.contains("role") {
            try require(["id", "role", "match", "pattern", "weight", "example"], in: table, line: headerLine)
            for row in table.rows { splitCues.append(try SplitCue(row: row, table: table.name)) }
        } else if table.columns.contains("words") {
            try require(["id", "words"], in: table, line: headerLine)
            for row in table.rows {
                let words = row["words"].split(separator: "|").map(String.init).filter { !$0.isEmpty }
                guard !words.isEmpty else {
                    throw RuleTableError(
                        file: table.name, line: row.line, reason: "lexicon row has no words (separate them with |)")
                }
                lexicon[row["id"], default: []].append(contentsOf: words)
            }
        } else {
            throw RuleTableError(
                file: table.name, line: headerLine,
                reason:
                    "not a Clean rule table: the header needs a label (line rules), role (split cues) or words (lexicon) column"
            )
        }
    }

    private func require(_ columns: [String], in table: RuleTable, line: Int) throws(RuleTableError) {
        let missing = columns.filter { !table.columns.contains($0) }
        if !missing.isEmpty {
            throw RuleTableError(
                file: table.name, line: line, reason: "header lacks column(s) \(missing.joined(separator: ", "))")
        }
    }

    /// These rules with a user's tables from `directory` added: every `*.tsv` file in it, in
    /// name order. Their line rules are tried before the ones already here, their split cues
    /// and words are added. A bad file is reported as `file:line: reason`.
    public func addingTables(inDirectory directory: String) throws(RuleTableError) -> CleanRules {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleTableError(
                file: directory, line: 0, reason: "cannot list the rules folder (\(error.localizedDescription))")
        }
        var tables: [RuleTable] = []
        for name in names.sorted() where name.hasSuffix(".tsv") && !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw RuleTableError(file: path, line: 0, reason: "cannot read the file as UTF-8 text")
            }
            tables.append(try RuleTable(name: path, text: text))
        }
        var user = try CleanRules(tables: tables)
        user.lineRules += lineRules
        user.splitCues = splitCues + user.splitCues
        for (id, words) in lexicon { user.lexicon[id, default: []].insert(contentsOf: words, at: 0) }
        return user
    }

    /// The site whose rules are switched off for leave-one-site-out evaluation
    /// (`EDUWH_HOLDOUT_SITE`, set by scripts/field-eval): a rule written from that site's pages
    /// alone must not score that site.
    static let holdoutSite = ProcessInfo.processInfo.environment["EDUWH_HOLDOUT_SITE"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether a rule row names only the held-out site in its optional `sites` column.
    static func isHeldOut(_ row: RuleTable.Row, of table: RuleTable, sites heldOut: Set<String>) -> Bool {
        guard !heldOut.isEmpty, table.columns.contains("sites") else { return false }
        let sites = row["sites"].split(separator: "|").map(String.init)
        return !sites.isEmpty && sites.allSatisfy { heldOut.contains($0) }
    }

    /// The words of lexicon list `id` (empty when absent).
    func words(_ id: String) -> [String] { lexicon[id] ?? [] }
}
