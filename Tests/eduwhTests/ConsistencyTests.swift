import Foundation
import Testing

/// One behaviour for every command: the same output flags wherever rows are printed, the same
/// exit codes and `eduwh:` prefix for the same failures, suggestions for mistyped commands,
/// notices for filters that match nothing, and numbers printed as stored.
@Suite("Every command behaves alike")
struct ConsistencyTests {
    static let seed = CommandRunner.root.appendingPathComponent("imports/004_c547eb10244c3aeb.txt").path

    @Test(
        "a missing warehouse is exit 74 with one `eduwh:` line, for every command that reads it",
        arguments: [
            ["check"], ["sql", "SELECT 1"], ["report", "funding"], ["search", "校舍"], ["show", "1"], ["runs"], ["stats"],
            ["export", "--format", "csv", "out"], ["backup", "copy.sqlite"],
            ["publish", "--postgres", "postgresql://nowhere/x"],
        ])
    func missingWarehouse(arguments: [String]) {
        let missing = CommandRunner.folder.appendingPathComponent("no-such-\(UUID().uuidString).sqlite").path
        let output = CommandRunner.run(arguments + ["--db", missing])
        #expect(output.status == 74, "\(arguments): \(output.stderr)")
        #expect(output.stderr.hasPrefix("eduwh: "), "\(arguments): \(output.stderr)")
        #expect(!output.stderr.contains("Error:"))
        #expect(output.stdout.isEmpty)
    }

    @Test(
        "a mistyped command gets exit 64 and the nearest command names",
        arguments: [("lod", "load"), ("chek", "check"), ("serch", "search"), ("repot", "report")])
    func didYouMean(typo: String, meant: String) {
        let output = CommandRunner.run([typo, "imports"])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("eduwh: unknown command '\(typo)'"))
        #expect(output.stderr.contains("Did you mean '\(meant)'"), "\(output.stderr)")
    }

    @Test("check takes the output flags; its pass/fail count goes to stderr")
    func checkOutputFlags() throws {
        let json = CommandRunner.eduwh(["check", "--json"])
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count >= 10)
        #expect(rows.allSatisfy { $0["result"] as? String == "pass" && $0["failing_rows"] as? Int == 0 })
        #expect(json.stderr.contains("\(rows.count) passed, 0 failed"))
        let tsv = CommandRunner.eduwh(["check"])
        #expect(tsv.stdout.hasPrefix("result\ttest\tfailing_rows\tdescription\n"))
        #expect(!tsv.stdout.contains("passed,"))
    }

    @Test("clean --explain and extract print the same TSV as before by default, and JSON when asked")
    func fileCommandsTakeOutputFlags() throws {
        let tsv = CommandRunner.run(["extract", "--facts", Self.seed])
        #expect(
            tsv.stdout.hasPrefix("line\tdoc\tsurface\tvalue\tunit\tqualifier\tindicator\tfrom\tto\tregion\tstatus\n"))
        #expect(CommandRunner.run(["extract", "--facts", "--tsv", Self.seed]).stdout == tsv.stdout)
        let json = CommandRunner.run(["extract", "--facts", "--json", Self.seed])
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(facts.count == tsv.stdout.split(separator: "\n").count - 1)
        #expect(facts.contains { $0["value"] is NSNumber })
        let explain = CommandRunner.run(["clean", "--explain", Self.seed])
        #expect(explain.stdout.hasPrefix("line\tdoc\tlabel\trule\ttext\n"))
        let lines = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    CommandRunner.run(["clean", "--explain", "--jsonl", Self.seed, "--limit", "3"]).stdout.split(
                        separator: "\n")[0].utf8)) as? [String: Any])
        #expect(Set(lines.keys) == ["line", "doc", "label", "rule", "text"])
        let documents = CommandRunner.run(["clean", "--json", Self.seed])
        #expect(
            (try JSONSerialization.jsonObject(with: Data(documents.stdout.utf8)) as? [[String: Any]])?.first?["body"]
                is String)
    }

    @Test("a file that is not there is exit 74 with `eduwh:` for clean and extract", arguments: ["clean", "extract"])
    func missingFile(command: String) {
        let output = CommandRunner.run([command, "/nonexistent/report.txt"])
        #expect(output.status == 74, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("eduwh: "))
    }

    @Test("show --json prints the document's lines as rows")
    func showJSON() throws {
        let output = CommandRunner.eduwh(["show", "004_c547eb10244c3aeb.txt", "--json"])
        #expect(output.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(Set(rows[0].keys) == ["document_id", "line", "label", "rule", "text", "quantities"])
        #expect(rows.contains { ($0["quantities"] as? String)?.contains(" · ") == true })
    }

    @Test("a --region, --year or --kind that matches nothing gets a notice on stderr; one that matches does not")
    func filterNotices() {
        let region = CommandRunner.eduwh(["report", "funding", "--region", "北京"])
        #expect(region.status == 0)
        #expect(region.stderr.contains("notice: --region 北京 matches no region"), "\(region.stderr)")
        let year = CommandRunner.eduwh(["report", "funding", "--year", "1990"])
        #expect(year.stderr.contains("notice: --year 1990 matches no figure"), "\(year.stderr)")
        let kind = CommandRunner.eduwh(["search", "校舍", "--kind", "没有这种报告"])
        #expect(kind.stderr.contains("notice: --kind 没有这种报告"), "\(kind.stderr)")
        let found = CommandRunner.eduwh(["report", "funding", "--region", "海珠区", "--year", "2008"])
        #expect(found.stderr.isEmpty, "\(found.stderr)")
        #expect(found.stdout.split(separator: "\n").count >= 2)
    }

    @Test(
        "numbers are printed as stored, never with made-up digits", arguments: ["--tsv", "--json", "--csv", "--table"])
    func largeNumbers(format: String) {
        let output = CommandRunner.eduwh([
            "sql", "SELECT 1e20 AS a, 123456789012345678 AS b, 2.5e15 AS c, 0.1 + 0.2 AS d", format,
        ])
        #expect(output.stdout.contains("1e+20"), "\(output.stdout)")
        #expect(!output.stdout.contains("99999999999999"))
        #expect(output.stdout.contains("123456789012345678"))
        #expect(output.stdout.contains("2500000000000000"))
        #expect(output.stdout.contains("0.3"))
    }

    @Test("read-only commands do not say --db is created; load does")
    func databaseHelp() {
        #expect(!CommandRunner.run(["report", "--help"]).stdout.contains("created by load when missing"))
        #expect(CommandRunner.run(["load", "--help"]).stdout.contains("created when missing"))
        #expect(!CommandRunner.run(["schema", "--help"]).stdout.contains("pass --db"))
    }

    @Test("report --list shows every description whole")
    func reportListNeverCuts() {
        let table = CommandRunner.eduwh(["report", "--list", "--table"]).stdout
        #expect(!table.contains("…\n"))
        #expect(table.contains("funding_per_student"))
        let tsv = CommandRunner.eduwh(["report", "--list", "--tsv"]).stdout
        #expect(tsv.contains("so its sum means little."))
    }
}
