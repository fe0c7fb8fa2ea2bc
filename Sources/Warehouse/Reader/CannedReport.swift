import EduwhCore

/// A canned report: one `reports/NAME.sql` file whose header comment gives its title,
/// description and parameters. The SQL is plain SQLite: run it with sqlite3 (`.param set`),
/// datasette or `eduwh sql --file`, and parameters left empty or NULL mean "all".
///
/// ```swift
/// let report = try CannedReport(name: "funding", text: """
///     -- title: Funding by region and year
///     -- description: Education money per region and year.
///     -- param year: a year (2011); every year when empty
///     SELECT … WHERE (:year IS NULL OR from_year = :year)
///     """)
/// report.title                 // "Funding by region and year"
/// report.parameters[0].name    // "year"
/// ```
public struct CannedReport: Sendable, Hashable {
    /// One `-- param NAME: description` line.
    public struct Parameter: Sendable, Hashable {
        /// Name written :name in the SQL.
        public var name: String
        /// What the parameter selects and what empty means.
        public var description: String
    }

    /// Header lines that are not `-- key: value` or a continuation of one: reported as
    /// `file:line: reason`, like every other rule or data file eduwh reads.
    public typealias HeaderError = RuleTableError

    /// The file name without `.sql` (`funding`, `quality-sites`).
    public var name: String
    /// One line naming the report.
    public var title: String
    /// What the rows are and how to read them.
    public var description: String
    /// Parameters declared in the header, in order.
    public var parameters: [Parameter]
    /// The whole file, header included.
    public var sql: String
    /// Where it came from: `reports/NAME.sql` for the built-in reports, else the file's path.
    public var file: String

    /// Parses the header: `-- title:`, `-- description:` (continued by indented `--   …` lines)
    /// and any number of `-- param NAME: …` lines, up to the first line that is not a comment.
    public init(name: String, text: String, file: String? = nil) throws(HeaderError) {
        self.name = name
        self.sql = text
        var title = ""
        var description = ""
        var parameters: [Parameter] = []
        var last: String?
        let file = file ?? "reports/\(name).sql"
        self.file = file
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingTrailingWhitespace
            guard line.hasPrefix("--") else {
                if line.isEmpty { continue }
                break
            }
            let body = line.dropFirst(2)
            let content = body.drop { $0 == " " }
            if body.hasPrefix("   "), let key = last {
                // Continuation of the previous key's text.
                switch key {
                case "description": description += " " + content
                case "title": title += " " + content
                default: parameters[parameters.count - 1].description += " " + content
                }
                continue
            }
            guard let colon = content.firstIndex(of: ":") else {
                throw HeaderError(
                    file: file, line: index + 1, reason: "expected `-- key: value` (title, description, param NAME)")
            }
            let key = content[..<colon].trimmingTrailingWhitespace
            let value = String(content[content.index(after: colon)...].drop { $0 == " " })
            switch key {
            case "title":
                title = value
                last = "title"
            case "description":
                description = value
                last = "description"
            case _ where key.hasPrefix("param "):
                parameters.append(
                    Parameter(name: String(key.dropFirst(6)).trimmingTrailingWhitespace, description: value))
                last = "param"
            default:
                throw HeaderError(
                    file: file, line: index + 1,
                    reason: "unknown header key `\(key)`; use title, description or param NAME")
            }
        }
        guard !title.isEmpty else {
            throw HeaderError(file: file, line: 1, reason: "missing `-- title:` line")
        }
        self.title = title
        self.description = description
        self.parameters = parameters
    }
}

extension StringProtocol {
    var trimmingTrailingWhitespace: String {
        var text = String(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
