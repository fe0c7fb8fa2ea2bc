import ArgumentParser
import Foundation
import Warehouse

/// Output flags shared by every command that prints rows: one format flag, a row limit, and
/// table tuning. Every such command hands its rows to one `Renderer`.
///
/// ```
/// eduwh sql "SELECT * FROM dim_site" --csv
/// eduwh report funding --json --limit 10
/// ```
struct OutputOptions: ParsableArguments {
    /// How rows are printed.
    enum Format: String, EnumerableFlag, CaseIterable, Sendable {
        case table, csv, tsv, json, jsonl, markdown, raw

        static func name(for value: Format) -> NameSpecification {
            value == .table ? [.customLong("table"), .customShort("t")] : .customLong(value.rawValue)
        }

        static func help(for value: Format) -> ArgumentHelp? {
            switch value {
            case .table: "Aligned columns (default on a terminal); Chinese characters count as two cells."
            case .csv:
                "Comma-separated values with a header row; cells holding commas, quotes or line breaks are quoted (RFC 4180)."
            case .tsv:
                "Tab-separated values with a header row (default when output is not a terminal); tabs and line breaks in cells become spaces."
            case .json: "A JSON array of objects, one per row."
            case .jsonl: "One JSON object per line (newline-delimited JSON)."
            case .markdown: "A Markdown (GitHub) table."
            case .raw: "The first column of the first row as is, no header (for scripts)."
            }
        }
    }

    @Flag(help: "Output format (default: --table on a terminal, --tsv otherwise).")
    var format: Format?

    @Option(help: ArgumentHelp("Print at most N rows (0 = no limit).", valueName: "N"))
    var limit: Int?

    @Flag(name: .customLong("no-headers"), help: "Leave out the header row (table, csv, tsv).")
    var noHeaders = false

    @Option(
        name: .customLong("max-width"),
        help: ArgumentHelp("With --table, cut cells wider than N terminal cells (0 = never cut).", valueName: "N"))
    var maxWidth: Int = 60

    /// When ANSI bold marks highlights (search hits, quantities in `eduwh show`).
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
        case auto, always, never

        /// True for always, and for auto when standard output is a terminal and NO_COLOR is unset.
        var isOn: Bool {
            switch self {
            case .always: true
            case .never: false
            case .auto: Terminal.isTerminal(.standardOutput) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            }
        }
    }

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if maxWidth < 0 { throw ValidationError("--max-width must be 0 or more") }
    }

    /// The format asked for, or the default for where stdout goes.
    var resolvedFormat: Format {
        format ?? (Terminal.isTerminal(.standardOutput) ? .table : .tsv)
    }

    /// The row limit: nil for none; `defaultLimit` when --limit was not given.
    func rowLimit(default defaultLimit: Int? = nil) -> Int? {
        guard let limit else { return defaultLimit }
        return limit == 0 ? nil : limit
    }

    /// A renderer for these options writing to standard output; `defaultFormat` replaces the
    /// terminal-dependent default (clean and extract print TSV unless told otherwise).
    func renderer(to output: StandardOutput, defaultFormat: Format? = nil) -> Renderer {
        Renderer(
            format: format ?? defaultFormat ?? resolvedFormat, headers: !noHeaders,
            maxWidth: maxWidth == 0 ? nil : maxWidth, write: output.write)
    }

    /// Whether a format flag (--table, --csv, --json …) was given.
    var formatGiven: Bool { format != nil }

    /// Prints `rows`, cut to --limit, in the chosen format on standard output.
    func print(_ rows: QueryRows) {
        let stdout = StandardOutput()
        renderer(to: stdout).render(limited(rows))
        stdout.flush()
    }

    /// `rows` cut to --limit (when given), marked truncated if that left rows off.
    func limited(_ rows: QueryRows) -> QueryRows {
        guard let limit = rowLimit(), rows.rows.count > limit else { return rows }
        return QueryRows(columns: rows.columns, rows: Array(rows.rows.prefix(limit)), truncated: true)
    }
}

/// Whether standard streams are terminals.
enum Terminal {
    enum Stream { case standardInput, standardOutput, standardError }

    static func isTerminal(_ stream: Stream) -> Bool {
        switch stream {
        case .standardInput: isatty(0) != 0
        case .standardOutput: isatty(1) != 0
        case .standardError: isatty(2) != 0
        }
    }
}
