import Foundation
import Testing

@Suite("eduwh report, search, show, schema, runs, stats")
struct CommandTests {
    static let reports = [
        "aid", "corpus", "enrolment", "funding", "indicators", "quality", "quality-documents", "quality-files",
        "quality-sites", "schools", "teachers",
    ]

    @Test("report --list names every report with its title")
    func reportList() {
        let output = CommandRunner.run(["report", "--list", "--tsv"])
        #expect(output.status == 0)
        let names = output.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
        #expect(names == Self.reports)
        #expect(output.stdout.contains("Funding by region and year"))
    }

    @Test("every report runs from the CLI and its --json parses", arguments: reports)
    func reportRuns(name: String) {
        let output = CommandRunner.eduwh(["report", name, "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let parsed = CommandRunner.python(
            "import json, sys; rows = json.load(sys.stdin); print(type(rows).__name__)", input: output.stdout)
        #expect(parsed.stdout == "list\n")
    }

    @Test("report filters are passed as :region and :year; an unknown report exits 64")
    func reportFilters() {
        #expect(CommandRunner.eduwh(["report", "corpus", "--year", "1950", "--no-headers"]).stdout == "")
        #expect(CommandRunner.eduwh(["report", "corpus", "--region", "不存在", "--no-headers"]).stdout == "")
        let all = CommandRunner.eduwh(["report", "corpus", "--no-headers"])
        #expect(!all.stdout.isEmpty)
        let unknown = CommandRunner.eduwh(["report", "no-such-report"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("funding"))
        let notTaken = CommandRunner.eduwh(["report", "quality-files", "--year", "2011"])
        #expect(notTaken.status == 64)
        #expect(CommandRunner.eduwh(["report", "corpus", "--year", "20111"]).status == 64)
    }

    @Test("report --sql prints the file as it is in reports/")
    func reportSQL() throws {
        let file = try String(
            contentsOf: CommandRunner.root.appendingPathComponent("reports/funding.sql"), encoding: .utf8)
        #expect(CommandRunner.run(["report", "funding", "--sql"]).stdout == file)
    }

    @Test("a report file runs unchanged through eduwh sql --file with empty parameters")
    func reportThroughSql() {
        let path = CommandRunner.root.appendingPathComponent("reports/corpus.sql").path
        let viaSql = CommandRunner.eduwh(["sql", "--file", path, "-p", "region", "", "-p", "year", ""])
        let viaReport = CommandRunner.eduwh(["report", "corpus"])
        #expect(viaSql.status == 0)
        #expect(viaSql.stdout == viaReport.stdout)
    }

    /// Paragraphs (document_id, line) whose clean text contains `text`.
    static func containing(_ text: String) -> Set<String> {
        let output = CommandRunner.eduwh([
            "sql", "SELECT document_id, line_number FROM doc_paragraph WHERE instr(text, :t) > 0",
            "-p", "t", text, "--no-headers",
        ])
        return Set(output.stdout.split(separator: "\n").map(String.init))
    }

    @Test("search returns exactly the paragraphs that contain the text", arguments: ["校舍", "教师", "学", "义务教育均衡"])
    func searchExact(text: String) {
        let output = CommandRunner.eduwh(["search", text, "--limit", "0", "--tsv", "--no-headers"])
        #expect(output.status == 0)
        let rows = output.stdout.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        let found = Set(rows.map { "\($0[1])\t\($0[2])" })
        let expected = Self.containing(text)
        #expect(!expected.isEmpty)
        #expect(found == expected)
        #expect(rows.count == expected.count)
        #expect(rows.allSatisfy { $0[4].contains("[\(text)]") })
        #expect(rows.map { $0[0] } == (1...rows.count).map(String.init))
    }

    @Test("search marks hits in bold with --color always, and --verbose adds the paragraph")
    func searchHighlight() {
        let bold = CommandRunner.eduwh(["search", "校舍", "--color", "always", "--tsv"])
        #expect(bold.stdout.contains("\u{1B}[1m校舍\u{1B}[0m"))
        let verbose = CommandRunner.eduwh(["search", "校舍", "--verbose", "--json"])
        let keys = CommandRunner.python(
            "import json, sys; print(','.join(json.load(sys.stdin)[0].keys()))", input: verbose.stdout)
        #expect(keys.stdout == "rank,document_id,line,title,snippet,source_path,kind,region,year,score,text\n")
        #expect(CommandRunner.eduwh(["search", "，"]).status == 64)
        #expect(
            CommandRunner.eduwh(["search", "教育", "--limit", "3", "--no-headers"]).stdout.split(separator: "\n").count
                == 3)
    }

    @Test("show prints a document's clean text with its quantities marked, by id or by path")
    func show() {
        let byPath = CommandRunner.eduwh([
            "show", CommandRunner.root.appendingPathComponent("imports/000_2aee6a9319702955.txt").path,
        ])
        #expect(byPath.status == 0)
        let id = CommandRunner.eduwh([
            "sql", "SELECT document_id FROM dim_document WHERE source_path = '000_2aee6a9319702955.txt'", "--raw",
        ])
        .stdout.trimmingCharacters(in: .newlines)
        let byID = CommandRunner.eduwh(["show", id])
        #expect(byID.stdout == byPath.stdout)
        #expect(byID.stdout.contains("document \(id)"))
        // Every quantity of the document is marked in the text and described under its paragraph.
        let surfaces = CommandRunner.eduwh([
            "sql", "SELECT surface FROM fact_quantity WHERE document_id = :d", "-p", "d", id, "--no-headers",
        ])
        .stdout.split(separator: "\n")
        #expect(!surfaces.isEmpty)
        for surface in surfaces {
            #expect(byID.stdout.contains("[\(surface)]"))
            #expect(byID.stdout.contains("↳ \(surface) = "))
        }
        let missing = CommandRunner.eduwh(["show", "12345"])
        #expect(missing.status == 64)
    }

    @Test("show --all --lines prints every raw line with its label and rule")
    func showAllLines() {
        let output = CommandRunner.eduwh(["show", "000_2aee6a9319702955.txt", "--all", "--lines", "--no-facts"])
        let labelled = output.stdout.split(separator: "\n").filter { $0.split(separator: "\t").count >= 4 }
        let lineCount = CommandRunner.eduwh([
            "sql",
            "SELECT count(*) FROM doc_line JOIN dim_document USING (document_id) WHERE source_path = '000_2aee6a9319702955.txt'",
            "--raw",
        ])
        #expect("\(labelled.count)\n" == lineCount.stdout)
    }

    @Test("schema lists every table with the comments of schema.sql; --sql prints the file")
    func schema() throws {
        let rows = CommandRunner.run(["schema", "--tsv"])
        #expect(rows.status == 0)
        #expect(rows.stdout.contains("dim_region\tregion_id\tTEXT\t12-digit adcode, e.g. 440105000000 (海珠区)\n"))
        let tables = CommandRunner.run(["schema", "--tables", "--tsv", "--no-headers"]).stdout.split(separator: "\n")
            .map { $0.split(separator: "\t")[0] }
        #expect(
            tables.contains("fact_quantity") && tables.contains("search_paragraph") && tables.contains("v_quantity"))
        let file = try String(contentsOf: CommandRunner.root.appendingPathComponent("schema.sql"), encoding: .utf8)
        #expect(CommandRunner.run(["schema", "--sql"]).stdout == file)
        #expect(CommandRunner.run(["schema", "no_table"]).status == 64)
        let one = CommandRunner.run(["schema", "etl_run", "--table"])
        #expect(one.stdout.hasPrefix("etl_run (table)\n  One row per `eduwh load` run"))
    }

    @Test("schema --datasette is JSON with a description for every table")
    func datasette() {
        let output = CommandRunner.run(["schema", "--datasette", "--database-name", "seeds"])
        let check = CommandRunner.python(
            """
            import json, sys
            meta = json.load(sys.stdin)
            tables = meta['databases']['seeds']['tables']
            print(len(tables), all(t['description'] for t in tables.values()), sorted(meta['databases']['seeds']['queries'])[0])
            """, input: output.stdout)
        let tables = CommandRunner.run(["schema", "--tables", "--no-headers", "--tsv"]).stdout.split(separator: "\n")
            .count
        #expect(tables > 10)
        #expect(check.stdout == "\(tables) True aid\n")
    }

    @Test("runs shows the load history; --rejects the refused files")
    func runs() {
        let output = CommandRunner.eduwh(["runs", "--json"])
        let check = CommandRunner.python(
            """
            import json, sys
            runs = json.load(sys.stdin)
            print(len(runs), runs[0]['status'], runs[0]['files_loaded'], runs[0]['documents_loaded'])
            """, input: output.stdout)
        #expect(check.stdout == "1 ok 5 \(CommandRunner.documentCount)\n")
        #expect(CommandRunner.eduwh(["runs", "--rejects", "--no-headers"]).stdout == "")
        #expect(CommandRunner.eduwh(["runs", "--run", "1"]).status == 64)
    }

    @Test("stats counts the rows of every table and sizes the file")
    func stats() {
        let output = CommandRunner.eduwh(["stats", "--tsv"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("rows\tdim_document\t\(CommandRunner.documentCount)\t\t"))
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("size\tdatabase\t\t\t") })
        #expect(lines.contains { $0.hasPrefix("quality\tplaceholder_quantities\t") })
        #expect(lines.contains { $0.hasPrefix("indicator\t") })
    }

    @Test(
        "every command has help with an example and the exit statuses it returns (65 only where SQL runs)",
        arguments: [
            "sql", "report", "search", "show", "schema", "runs", "stats", "check", "clean", "extract",
            "backup", "export", "publish", "merge", "load",
        ])
    func help(command: String) {
        let output = CommandRunner.run([command, "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Example"))
        #expect(output.stdout.contains("EXIT CODES:"))
        #expect(output.stdout.contains("64  usage error"))
        #expect(output.stdout.contains("65  SQL error") == ["sql", "report"].contains(command))
        // schema reads no warehouse: it neither returns 74 nor takes --db.
        #expect(output.stdout.contains("  74  ") == (command != "schema"))
    }
}

@Suite("Canned report files outside eduwh")
struct ReportPortabilityTests {
    /// The sqlite3 shell (apt-get install -y sqlite3; scripts/ensure-deps asks for it). Without it
    /// these tests are reported as skipped, not passed.
    static let sqlite3Installed = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    @Test(
        "search --sql prints a script the sqlite3 shell runs to the same paragraphs",
        .enabled(if: sqlite3Installed, "no sqlite3 shell (apt-get install -y sqlite3)"), arguments: ["校舍", "学", "义务教育"])
    func searchScript(text: String) {
        let script = CommandRunner.run(["search", text, "--sql"]).stdout
        #expect(script.hasPrefix(".parameter set :match "))
        let shell = CommandRunner.execute(
            "/usr/bin/sqlite3", ["-readonly", CommandRunner.database], input: script, environment: [:])
        let ids = shell.stdout.split(separator: "\n").map {
            $0.split(separator: "|").dropFirst().prefix(2).joined(separator: "\t")
        }
        #expect(Set(ids) == CommandTests.containing(text))
    }

    @Test(
        "a report runs in the plain sqlite3 shell with parameters left NULL, giving the rows eduwh gives",
        .enabled(if: sqlite3Installed, "no sqlite3 shell (apt-get install -y sqlite3)"),
        arguments: ["corpus", "funding", "quality", "quality-files", "indicators"])
    func sqlite3Shell(name: String) throws {
        let sql = try String(
            contentsOf: CommandRunner.root.appendingPathComponent("reports/\(name).sql"), encoding: .utf8)
        let script =
            ".parameter init\n.parameter set :region NULL\n.parameter set :year NULL\n.mode tabs\n.headers on\n" + sql
        let shell = CommandRunner.execute(
            "/usr/bin/sqlite3", ["-readonly", CommandRunner.database], input: script, environment: [:])
        #expect(shell.status == 0, "\(shell.stderr)")
        let eduwh = CommandRunner.eduwh(["report", name, "--tsv"])
        // sqlite3 prints reals in full (348000000.0, 0.0631578947368421) where eduwh prints plain
        // decimals to 9 places: compare numbers as numbers.
        func cells(_ text: String) -> [[String]] {
            text.split(separator: "\n").map {
                $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
        }
        let expected = cells(shell.stdout)
        let got = cells(eduwh.stdout)
        #expect(expected.count == got.count)
        for (left, right) in zip(expected, got) {
            #expect(left.count == right.count)
            for (a, b) in zip(left, right) where a != b {
                let x = try #require(Double(a), "\(a) vs \(b)")
                let y = try #require(Double(b), "\(a) vs \(b)")
                #expect(abs(x - y) <= 1e-9 * max(1, abs(x)))
            }
        }
    }
}

@Suite("An analyst's own reports")
struct LocalReportTests {
    static func folder(_ files: [String: String]) throws -> String {
        let folder = CommandRunner.folder.appendingPathComponent("reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    @Test("--reports adds a folder's NAME.sql reports, replacing built-in ones of the same name")
    func addAndReplace() throws {
        let folder = try Self.folder([
            "big-funding.sql":
                "-- title: Biggest amounts\n-- description: The largest yuan figures.\n-- param year: a year\nSELECT surface FROM fact_quantity WHERE unit_id = 'yuan' AND (:year IS NULL OR from_year = :year) ORDER BY value DESC LIMIT 2;\n",
            "quality.sql":
                "-- title: My quality\n-- description: Just the document count.\nSELECT count(*) AS documents FROM dim_document;\n",
        ])
        let list = CommandRunner.run(["report", "--list", "--reports", folder, "--tsv", "--no-headers"]).stdout
        let names = list.split(separator: "\n").map { $0.split(separator: "\t")[0] }
        #expect(names.contains("big-funding") && names.contains("funding"))
        #expect(names.filter { $0 == "quality" }.count == 1)
        #expect(
            CommandRunner.eduwh(["report", "quality", "--reports", folder, "--raw"]).stdout
                == "\(CommandRunner.documentCount)\n")
        let top = CommandRunner.eduwh(["report", "big-funding", "--reports", folder, "--no-headers"])
        #expect(top.status == 0)
        #expect(top.stdout.split(separator: "\n").count == 2)
        #expect(CommandRunner.eduwh(["report", "big-funding", "--no-headers"]).status == 64)
    }

    @Test("a report file with a bad header is refused with its path and line")
    func badHeader() throws {
        let folder = try Self.folder(["bad.sql": "-- title: ok\n-- owner: me\nSELECT 1;\n"])
        let output = CommandRunner.run(["report", "--list", "--reports", folder])
        #expect(output.status == 64)
        #expect(output.stderr.contains("bad.sql:2: unknown header key `owner`"))
    }

    @Test("extract --each-line reads every line alone: no line lends another its year or ROC era")
    func extractEachLine() throws {
        let folder = try Self.folder(["cases.txt": "民國99年完成校舍改建\n99年9月1日开学\n\n2015年完成建设。\n今年投入5万元。\n"])
        let path = folder + "/cases.txt"
        let shared = CommandRunner.run(["extract", "--years", "--text", path, "--no-headers"]).stdout
        let alone = CommandRunner.run(["extract", "--years", "--each-line", path, "--no-headers"]).stdout
        // Read together, the 民國 of line 1 makes 99年 of line 2 an ROC year.
        #expect(shared.contains("2\t1\t99年9月1日\tdate\t2010\t2010"))
        #expect(alone.contains("2\t2\t99年9月1日\tdate\t1999\t1999"), "\(alone)")
        #expect(alone.contains("4\t3\t2015年"), "\(alone)")
        #expect(alone.split(separator: "\n").count == shared.split(separator: "\n").count)
    }
}
