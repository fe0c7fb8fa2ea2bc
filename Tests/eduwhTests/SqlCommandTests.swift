import Foundation
import Testing

@Suite("eduwh sql")
struct SqlCommandTests {
    /// Cells that need quoting or escaping in some format, and a Chinese one.
    static let tricky = """
        SELECT 'a,b' AS comma, 'say "hi"' AS quote, 'line1' || char(10) || 'line2' AS newline,
               'tab' || char(9) || 'bed' AS tab, '海珠区' AS region, NULL AS empty, 3.5 AS real, 348000000.0 AS big, 42 AS int
        """

    @Test("--csv parses with Python's csv module to the same cells")
    func csv() {
        let output = CommandRunner.eduwh(["sql", Self.tricky, "--csv"])
        #expect(output.status == 0)
        let parsed = CommandRunner.python(
            """
            import csv, sys, json
            rows = list(csv.reader(sys.stdin))
            print(json.dumps(rows, ensure_ascii=False))
            """, input: output.stdout)
        #expect(
            parsed.stdout.trimmingCharacters(in: .newlines) == """
                [["comma", "quote", "newline", "tab", "region", "empty", "real", "big", "int"], ["a,b", "say \\"hi\\"", "line1\\nline2", "tab\\tbed", "海珠区", "", "3.5", "348000000", "42"]]
                """)
    }

    @Test("--json is an array of objects with JSON types; --jsonl one object per line")
    func json() {
        let script = """
            import json, sys
            text = sys.stdin.read()
            rows = json.loads(text) if text.startswith('[') else [json.loads(line) for line in text.splitlines()]
            print(json.dumps(rows, ensure_ascii=False, sort_keys=True))
            """
        let expected = """
            [{"big": 348000000, "comma": "a,b", "empty": null, "int": 42, "newline": "line1\\nline2", "quote": "say \\"hi\\"", "real": 3.5, "region": "海珠区", "tab": "tab\\tbed"}]
            """
        for format in ["--json", "--jsonl"] {
            let output = CommandRunner.eduwh(["sql", Self.tricky, format])
            #expect(output.status == 0)
            #expect(
                CommandRunner.python(script, input: output.stdout).stdout.trimmingCharacters(in: .newlines) == expected)
        }
        let empty = CommandRunner.eduwh(["sql", "SELECT * FROM dim_site WHERE 0", "--json"])
        #expect(empty.stdout == "[]\n")
    }

    @Test("--json returns every row of a real table")
    func jsonRowCount() {
        let output = CommandRunner.eduwh(["sql", "SELECT document_id, title, body_text FROM dim_document", "--json"])
        let count = CommandRunner.python("import json, sys; print(len(json.load(sys.stdin)))", input: output.stdout)
        #expect(count.stdout == "\(CommandRunner.documentCount)\n")
    }

    @Test("--tsv (the default off a terminal) has a header and flattens tabs and line breaks")
    func tsv() {
        let output = CommandRunner.eduwh(["sql", Self.tricky])
        #expect(
            output.stdout
                == "comma\tquote\tnewline\ttab\tregion\tempty\treal\tbig\tint\na,b\tsay \"hi\"\tline1 line2\ttab bed\t海珠区\t\t3.5\t348000000\t42\n"
        )
        #expect(CommandRunner.eduwh(["sql", Self.tricky, "--tsv", "--no-headers"]).stdout.hasPrefix("a,b\t"))
    }

    @Test("--markdown is a pipe table with | escaped and numbers right-aligned")
    func markdown() {
        let output = CommandRunner.eduwh(["sql", "SELECT 'a|b' AS x, 2 AS n", "--markdown"])
        #expect(output.stdout == "| x | n |\n| --- | ---: |\n| a\\|b | 2 |\n")
    }

    @Test("--raw prints the first value alone")
    func raw() {
        #expect(
            CommandRunner.eduwh(["sql", "SELECT count(*) FROM dim_document", "--raw"]).stdout
                == "\(CommandRunner.documentCount)\n")
        #expect(
            CommandRunner.eduwh(["sql", "SELECT title FROM dim_document ORDER BY document_id LIMIT 1", "--raw"]).stdout
                == "区政府关于基础教育工作的汇报\n")
    }

    @Test("--table lines up columns counting Chinese characters as two cells")
    func tableAlignment() {
        let output = CommandRunner.eduwh([
            "sql",
            """
            SELECT '海珠区' AS region, 1 AS documents, 'x' AS note
            UNION ALL SELECT 'Tiedong', 22, '义务教育均衡'
            UNION ALL SELECT '乳源瑶族自治县', 333, 'ｆｕｌｌ'
            """, "--table",
        ])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)  // header, rule, 3 rows, footer
        #expect(lines.last == "(3 rows)")
        // Column widths: region 14 cells (乳源瑶族自治县), documents 9, two blanks between columns,
        // so on every line the note starts at cell 27 and the number ends at cell 25.
        for (line, note) in zip([lines[0], lines[2], lines[3], lines[4]], ["note", "x", "义务教育均衡", "ｆｕｌｌ"]) {
            let prefix = String(line[..<line.range(of: note, options: .backwards)!.lowerBound])
            #expect(Self.width(prefix) == 27, "\(line)")
            #expect(prefix.hasSuffix("  ") && !prefix.hasSuffix("   "))
        }
        #expect(lines[1] == "--------------  ---------  ------------")
    }

    static func cells(_ character: Character) -> Int {
        character.unicodeScalars.contains {
            (0x1100...0x115F).contains($0.value) || (0x2E80...0xA4CF).contains($0.value)
                || (0xAC00...0xD7A3).contains($0.value) || (0xF900...0xFAFF).contains($0.value)
                || (0xFF00...0xFF60).contains($0.value)
        } ? 2 : 1
    }

    static func width(_ text: String) -> Int { text.reduce(0) { $0 + cells($1) } }

    @Test("without --write a DELETE is refused with exit 65 and the file stays byte for byte the same")
    func writeRefused() throws {
        let path = try CommandRunner.copyOfDatabase()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let output = CommandRunner.run(["sql", "DELETE FROM dim_document", "--db", path])
        #expect(output.status == 65)
        #expect(output.stderr.contains("readonly"))
        #expect(output.stderr.contains("--write"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(
            CommandRunner.run(["sql", "SELECT count(*) FROM dim_document", "--db", path, "--raw"]).stdout
                == "\(CommandRunner.documentCount)\n")
    }

    @Test("with --write the statement runs and the change count goes to stderr")
    func writeAllowed() throws {
        let path = try CommandRunner.copyOfDatabase()
        let output = CommandRunner.run(["sql", "DELETE FROM dim_document", "--write", "--db", path])
        #expect(output.status == 0)
        #expect(output.stderr == "\(CommandRunner.documentCount) rows changed\n")
        #expect(CommandRunner.run(["sql", "SELECT count(*) FROM dim_document", "--db", path, "--raw"]).stdout == "0\n")
    }

    @Test("-p binds named parameters: integers as integers, text as text, never interpolated")
    func parameters() {
        let output = CommandRunner.eduwh([
            "sql", "SELECT :year AS y, typeof(:year) AS t, :name AS n", "-p", "year", "2011", "-p", "name",
            "x'); DROP TABLE dim_site; --",
        ])
        #expect(output.stdout == "y\tt\tn\n2011\tinteger\tx'); DROP TABLE dim_site; --\n")
        // The query may also come after the parameters.
        #expect(CommandRunner.eduwh(["sql", "-p", "year", "2011", "SELECT :year + 1", "--raw"]).stdout == "2012\n")
    }

    @Test("the query can come from --file or standard input")
    func queryFromFileOrStdin() throws {
        let file = CommandRunner.folder.appendingPathComponent("count.sql")
        try "-- how many documents\nSELECT count(*) FROM dim_document;\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(
            CommandRunner.eduwh(["sql", "--file", file.path, "--raw"]).stdout == "\(CommandRunner.documentCount)\n")
        #expect(
            CommandRunner.eduwh(["sql", "--raw"], input: "SELECT count(*) FROM dim_document").stdout
                == "\(CommandRunner.documentCount)\n")
        #expect(CommandRunner.eduwh(["sql", "-", "--raw"], input: "SELECT 7").stdout == "7\n")
    }

    @Test("--limit caps the rows; the table says more were left off")
    func limit() {
        #expect(
            CommandRunner.eduwh(["sql", "SELECT region_id FROM dim_region", "--limit", "3", "--no-headers"]).stdout
                .split(separator: "\n").count == 3)
        let table = CommandRunner.eduwh(["sql", "SELECT region_id FROM dim_region", "--limit", "2", "--table"])
        #expect(table.stdout.hasSuffix("(2 rows shown; more left off by --limit)\n"))
    }

    @Test(
        "exit codes: 65 SQL error, 64 usage",
        arguments: [
            (["sql", "SELEC 1"], Int32(65), "near \"SELEC\": syntax error"),
            (["sql", "SELECT * FROM nope"], 65, "no such table: nope"),
            (["sql", "SELECT :x"], 64, "pass -p x VALUE"),
            (["sql", "SELECT 1", "-p", "x", "1"], 64, "-p x was given"),
            (["sql", "SELECT 1", "--limit", "many"], 64, "--limit"),
            (["sql", "SELECT 1", "--no-such-option"], 64, "no-such-option"),
            (["sql"], 64, "the query is empty"),
        ])
    func exitStatus(arguments: [String], status: Int32, message: String) {
        let output = CommandRunner.eduwh(arguments)
        #expect(output.status == status)
        #expect(output.stderr.contains(message))
    }

    @Test("a missing warehouse exits 74 and says how to make one")
    func missingWarehouse() {
        let output = CommandRunner.run([
            "sql", "SELECT 1", "--db", CommandRunner.folder.appendingPathComponent("none.sqlite").path,
        ])
        #expect(output.status == 74)
        #expect(output.stderr.contains("eduwh load"))
        let write = CommandRunner.run([
            "sql", "SELECT 1", "--write", "--db", CommandRunner.folder.appendingPathComponent("none.sqlite").path,
        ])
        #expect(write.status == 74)
        #expect(
            !FileManager.default.fileExists(atPath: CommandRunner.folder.appendingPathComponent("none.sqlite").path))
    }
}
