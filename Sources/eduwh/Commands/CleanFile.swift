import ArgumentParser
import Clean
import EduwhCore
import Ingest
import Warehouse

extension Eduwh {
    struct CleanFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clean",
            abstract: "Show how the Clean stage labels a file's lines, or print its clean documents.",
            discussion: """
                    With --explain, prints TSV `line doc label rule text` for every non-blank
                    raw line: label T (title), M (site metadata), B (body) or N (noise), and
                    the rule that decided. Without it, prints each logical document: its title,
                    metadata and body text.

                    The output flags (--json, --csv, --table …) print the --explain rows, or
                    without --explain one row per document (doc, title, published, author,
                    source, words, breadcrumb, body), in that format; --explain prints TSV
                    unless one is given.

                    With --rules DIR, every *.tsv rule table in DIR is tried before the shipped
                    rules (see rules/clean/10-navigation.tsv for the format).

                    With --db WAREHOUSE, the site template lines that loads learned into that
                    warehouse (`eduwh templates`) are applied as a load applies them: a head
                    or tail line of the file's site that is one of them is N with rule
                    site-template. Without --db, Clean's labels alone.

                  Examples:
                    eduwh clean --explain imports/000_2aee6a9319702955.txt
                    eduwh clean --explain --json imports/000_2aee6a9319702955.txt
                    eduwh clean --explain --rules my-site-rules imports/003_bdf3e9763ffc4651.txt
                    eduwh clean --explain imports/001_771c83aade38c1b7.txt --db eduwh.sqlite

                """ + ExitCodes.fileCodes)

        @Argument(help: "A .txt or .html file.")
        var file: String

        @Flag(help: "Print every non-blank line with its label and rule as TSV.")
        var explain = false

        @Option(
            name: .customLong("db"),
            help: ArgumentHelp(
                "Also apply the site templates learned in this warehouse (read only; none by default).",
                valueName: "path"))
        var database: String?

        @OptionGroup var rules: RulesOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try QueryFailure.reporting { try clean() }
        }

        private func clean() throws {
            let raw = try Ingestor().read(path: file)
            // A bad table prints as `file:line: reason`.
            let cleaner = try rules.cleaner()
            var cleaned = cleaner.clean(raw)
            if let database {
                let warehouse = try Warehouse(path: database, readOnly: true)
                let templates = SiteTemplates(try warehouse.siteTemplateLines())
                cleaned = templates.apply(to: cleaned)
                printError("eduwh: \(Self.templateNote(cleaned, templates: templates, database: database))")
            }
            if explain {
                // TSV by default, whatever stdout is: scripts and scorers read these columns.
                let rows = QueryRows(
                    columns: ["line", "doc", "label", "rule", "text"],
                    rows: cleaned.lines.map { line in
                        [
                            .integer(Int64(line.number)), .integer(Int64(line.document)), .text(line.label.rawValue),
                            .text(line.rule), .text(Renderer.tsvCell(line.text)),
                        ]
                    })
                let stdout = StandardOutput()
                output.renderer(to: stdout, defaultFormat: .tsv).render(output.limited(rows))
                stdout.flush()
                return
            }
            if output.formatGiven {
                let rows = QueryRows(
                    columns: ["doc", "title", "published", "author", "source", "words", "breadcrumb", "body"],
                    rows: cleaned.documents.map { document in
                        let m = document.metadata
                        func text(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
                        return [
                            .integer(Int64(document.index)), text(document.title), text(m.publishedAt), text(m.author),
                            text(m.sourceSite), m.wordCount.map { .integer(Int64($0)) } ?? .null,
                            m.breadcrumb.isEmpty ? .null : .text(m.breadcrumb.joined(separator: " > ")),
                            .text(document.bodyText),
                        ]
                    })
                let stdout = StandardOutput()
                output.renderer(to: stdout).render(output.limited(rows))
                stdout.flush()
                return
            }
            for document in cleaned.documents {
                print("=== document \(document.index) of \(cleaned.documents.count): \(document.title ?? "(no title)")")
                let m = document.metadata
                for (key, value) in [
                    ("published", m.publishedAt), ("author", m.author), ("source", m.sourceSite),
                    ("words", m.wordCount.map(String.init)),
                    ("breadcrumb", m.breadcrumb.isEmpty ? nil : m.breadcrumb.joined(separator: " > ")),
                ] {
                    if let value { print("\(key): \(value)") }
                }
                print()
                print(document.bodyText)
                print()
            }
        }

        /// One line on stderr naming the file's sites and what their templates did to it.
        static func templateNote(_ cleaned: CleanedFile, templates: SiteTemplates, database: String) -> String {
            var sites: [String] = []
            for name in cleaned.documents.compactMap(\.metadata.siteName) where !sites.contains(name) {
                sites.append(name)
            }
            guard !sites.isEmpty else {
                return "\(database): the file names no site (no 来源 line or breadcrumb): no site template applies"
            }
            let known = sites.map { "\($0) (\(templates.linesBySite[$0]?.count ?? 0) template lines)" }
            let hits = cleaned.lines.filter { $0.rule == SiteTemplates.rule }.count
            return "\(database): site \(known.joined(separator: ", ")): \(hits) line\(hits == 1 ? "" : "s") "
                + "labelled N by rule \(SiteTemplates.rule)"
        }
    }
}
