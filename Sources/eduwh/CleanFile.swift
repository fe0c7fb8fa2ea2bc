import ArgumentParser
import Clean
import EduwhCore
import Ingest

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

                With --rules DIR, every *.tsv rule table in DIR is tried before the shipped
                rules (see rules/clean/10-navigation.tsv for the format).

              Example:
                eduwh clean --explain imports/000_2aee6a9319702955.txt
                eduwh clean --explain --rules my-site-rules imports/003_bdf3e9763ffc4651.txt
            """)

        @Argument(help: "A .txt or .html file.")
        var file: String

        @Flag(help: "Print every non-blank line with its label and rule as TSV.")
        var explain = false

        @OptionGroup var rules: RulesOptions

        func run() throws {
            let raw = try Ingestor().read(path: file)
            // A bad table prints as `file:line: reason`.
            let cleaner = try rules.cleaner()
            let cleaned = cleaner.clean(raw)
            if explain {
                var out = "line\tdoc\tlabel\trule\ttext\n"
                for line in cleaned.lines {
                    out += "\(line.number)\t\(line.document)\t\(line.label.rawValue)\t\(line.rule)\t\(tsvCell(line.text))\n"
                }
                print(out, terminator: "")
                return
            }
            for document in cleaned.documents {
                print("=== document \(document.index) of \(cleaned.documents.count): \(document.title ?? "(no title)")")
                let m = document.metadata
                for (key, value) in [("published", m.publishedAt), ("author", m.author), ("source", m.sourceSite),
                                     ("words", m.wordCount.map(String.init)),
                                     ("breadcrumb", m.breadcrumb.isEmpty ? nil : m.breadcrumb.joined(separator: " > "))] {
                    if let value { print("\(key): \(value)") }
                }
                print()
                print(document.bodyText)
                print()
            }
        }
    }
}

/// A TSV cell: tabs and line breaks become single spaces.
func tsvCell(_ text: String) -> String {
    String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
}
