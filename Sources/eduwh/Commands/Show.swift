import ArgumentParser
import EduwhCore
import Foundation
import Warehouse

extension Eduwh {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a document's clean text with the quantities found in it marked.",
            discussion: """
                DOC is a document_id (from `eduwh search` or `eduwh sql`), a content SHA-256,
                or the path of a loaded file (a file holding several glued reports shows each
                of them). Title and body paragraphs are printed with every quantity [marked]
                (bold on a terminal) and, under the paragraph, what it was read as: value,
                unit, indicator, years and status. --all also prints metadata (M) and noise
                (N) lines; --lines prefixes every line with its raw line number, label and the
                Clean rule that decided it.

                With an output flag (--json, --jsonl, --csv, --tsv, --table, --markdown,
                --raw) the same lines are printed as rows instead: document_id, line, label,
                rule, text and quantities (each described as under the paragraph, joined
                by "; ").

                Examples:
                  eduwh show 717068658286536449
                  eduwh show imports/002_f1a6d74b7d48969e.txt --lines --all
                  eduwh show imports/004_c547eb10244c3aeb.txt --json

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error: bad option or argument, or no such document"),
                        (
                            ExitCodes.ioError,
                            "the warehouse is missing or unreadable (run `eduwh load` first, or\n      pass --db)"
                        ),
                    ]))

        @Argument(help: "document_id, content SHA-256 or file path.")
        var document: String

        @Flag(help: "Also print site metadata (M) and noise (N) lines.")
        var all = false

        @Flag(help: "Prefix every line with its raw line number, label and Clean rule.")
        var lines = false

        @Flag(name: .customLong("no-facts"), help: "Do not list the quantities under each paragraph.")
        var noFacts = false

        @Option(help: "Mark quantities with ANSI bold: auto (on a terminal), always or never.")
        var color: OutputOptions.ColorChoice = .auto

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try QueryFailure.reporting {
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                var sha256: String?
                if FileManager.default.fileExists(atPath: document),
                    let data = FileManager.default.contents(atPath: document)
                {
                    sha256 = SHA256Digest.hex(of: SHA256Digest.digest(of: data))
                }
                let ids = try warehouse.documentIDs(matching: document, sha256: sha256)
                guard !ids.isEmpty else {
                    throw NotFoundError(
                        description:
                            "no document \(document); give a document_id (eduwh search, eduwh report quality-documents) or the path of a loaded file"
                    )
                }
                let bold = color.isOn
                let stdout = StandardOutput()
                if output.formatGiven {
                    var rows: [[SQLValue]] = []
                    for id in ids {
                        guard let text = try warehouse.documentText(id) else { continue }
                        for line in text.lines where all || line.label == "T" || line.label == "B" {
                            rows.append([
                                .integer(text.documentID), .integer(Int64(line.number)), .text(line.label),
                                .text(line.rule),
                                .text(line.text),
                                .text(noFacts ? "" : line.marks.map(Self.describe).joined(separator: "; ")),
                            ])
                        }
                    }
                    output.renderer(to: stdout).render(
                        output.limited(
                            QueryRows(
                                columns: ["document_id", "line", "label", "rule", "text", "quantities"], rows: rows)))
                    stdout.flush()
                    return
                }
                for (index, id) in ids.enumerated() {
                    guard let text = try warehouse.documentText(id) else { continue }
                    if index > 0 { stdout.write("\n") }
                    stdout.write(TerminalText.visible(render(text, bold: bold)))
                }
                stdout.flush()
            }
        }

        func render(_ document: DocumentText, bold: Bool) -> String {
            let (open, close) = bold ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
            var out = "\(bold ? open : "")\(document.title ?? "(no title)")\(bold ? close : "")\n"
            out +=
                "document \(document.documentID) · report \(document.docIndex) of \(document.docCount) in \(document.sourcePath)\n"
            var years = document.referenceYear.map(String.init) ?? "—"
            if let from = document.periodFromYear {
                years += " (covers \(from)\(document.periodToYear.map { $0 != from ? "–\($0)" : "" } ?? ""))"
            }
            out +=
                "kind \(document.reportKind) · site \(document.site ?? "(unknown)") · region \(document.region ?? "(unresolved)") · year \(years)"
            if let published = document.publishedAt { out += " · published \(published)" }
            if let author = document.author { out += " · author \(author)" }
            let marks = document.lines.filter { $0.label == "T" || $0.label == "B" }.flatMap(\.marks)
            out +=
                "\n\(marks.count) quantities, \(marks.filter { $0.qualifier == "placeholder" }.count) placeholders\n\n"
            for line in document.lines where all || line.label == "T" || line.label == "B" {
                let prefix = lines ? "\(line.number)\t\(line.label)\t\(line.rule)\t" : ""
                out += prefix + Self.marked(line, open: open, close: close) + "\n"
                if !noFacts, line.label == "T" || line.label == "B" {
                    for mark in line.marks { out += (lines ? "\t\t\t" : "") + "    ↳ " + Self.describe(mark) + "\n" }
                }
                if !lines { out += "\n" }
            }
            return out
        }

        /// The line with each quantity's surface wrapped in `open`/`close`, found at its offset
        /// (or, if the text moved, at its next occurrence).
        static func marked(_ line: DocumentText.Line, open: String, close: String) -> String {
            let scalars = Array(line.text.unicodeScalars)
            var out = ""
            var position = 0
            for mark in line.marks.sorted(by: { $0.offset < $1.offset }) {
                let surface = Array(mark.surface.unicodeScalars)
                guard !surface.isEmpty else { continue }
                var start: Int?
                if mark.offset >= position, mark.offset + surface.count <= scalars.count,
                    Array(scalars[mark.offset..<(mark.offset + surface.count)]) == surface
                {
                    start = mark.offset
                } else if scalars.count >= surface.count {
                    start = (position...(scalars.count - surface.count)).first {
                        Array(scalars[$0..<($0 + surface.count)]) == surface
                    }
                }
                guard let start, start >= position else { continue }
                out += String(scalars: scalars[position..<start])
                out += open + mark.surface + close
                position = start + surface.count
            }
            out += String(scalars: scalars[position...])
            return out
        }

        /// `3.48亿元 = 348000000 yuan · funding_investment 教育投入 · 2011 · achieved`
        static func describe(_ mark: DocumentText.Mark) -> String {
            var text = mark.surface + " = "
            text += mark.value.map(plainDecimal) ?? "(placeholder)"
            if !mark.unit.isEmpty { text += " " + mark.unit }
            if mark.qualifier != "exact", mark.qualifier != "placeholder" { text += " (\(mark.qualifier))" }
            text += " · \(mark.indicator) \(mark.indicatorName)"
            if let from = mark.fromYear { text += " · \(from)\(mark.toYear.map { $0 != from ? "–\($0)" : "" } ?? "")" }
            text += " · \(mark.status)"
            return text
        }
    }
}
