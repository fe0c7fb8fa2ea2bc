import Testing
import Warehouse

@testable import eduwh

@Suite("Renderer and terminal widths")
struct RendererTests {
    @Test(
        "terminal cells: CJK and full-width take two, combining marks and ANSI colour none",
        arguments: [
            ("海珠区", 6), ("2011年", 6), ("abc", 3), ("ＡＢＣ１２３", 12), ("，。：", 6), ("e\u{0301}", 1),
            ("\u{1B}[1m校舍\u{1B}[0m", 4), ("한국", 4), ("", 0),
        ])
    func width(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }

    @Test(
        "cutting to a width never splits a wide character",
        arguments: [
            ("义务教育均衡发展", 9, "义务教育…"), ("义务教育均衡发展", 10, "义务教育…"), ("abcdef", 4, "abc…"), ("短", 4, "短"),
        ])
    func truncate(text: String, width: Int, expected: String) {
        #expect(DisplayWidth.truncate(text, to: width) == expected)
        #expect(DisplayWidth.of(DisplayWidth.truncate(text, to: width)) <= width)
    }

    static func render(_ format: OutputOptions.Format, _ rows: QueryRows, headers: Bool = true, maxWidth: Int? = nil)
        -> String
    {
        var text = ""
        Renderer(format: format, headers: headers, maxWidth: maxWidth, write: { text += $0 }).render(rows)
        return text
    }

    static let rows = QueryRows(
        columns: ["region", "amount_yuan"],
        rows: [[.text("海珠区"), .real(348_000_000)], [.text("乳源瑶族自治县"), .null], [.text("a,\"b\""), .integer(-5)]])

    @Test(
        "each format renders the same rows",
        arguments: [
            (OutputOptions.Format.csv, "region,amount_yuan\n海珠区,348000000\n乳源瑶族自治县,\n\"a,\"\"b\"\"\",-5\n"),
            (.tsv, "region\tamount_yuan\n海珠区\t348000000\n乳源瑶族自治县\t\na,\"b\"\t-5\n"),
            (
                .json,
                "[{\"region\": \"海珠区\", \"amount_yuan\": 348000000},\n {\"region\": \"乳源瑶族自治县\", \"amount_yuan\": null},\n {\"region\": \"a,\\\"b\\\"\", \"amount_yuan\": -5}]\n"
            ),
            (
                .jsonl,
                "{\"region\": \"海珠区\", \"amount_yuan\": 348000000}\n{\"region\": \"乳源瑶族自治县\", \"amount_yuan\": null}\n{\"region\": \"a,\\\"b\\\"\", \"amount_yuan\": -5}\n"
            ),
            (
                .markdown,
                "| region | amount_yuan |\n| --- | ---: |\n| 海珠区 | 348000000 |\n| 乳源瑶族自治县 |  |\n| a,\"b\" | -5 |\n"
            ),
            (.raw, "海珠区\n"),
            (
                .table,
                """
                region          amount_yuan
                --------------  -----------
                海珠区            348000000
                乳源瑶族自治县
                a,"b"                    -5
                (3 rows)

                """
            ),
        ])
    func formats(format: OutputOptions.Format, expected: String) {
        #expect(Self.render(format, Self.rows) == expected)
    }

    @Test("a table cuts cells wider than --max-width and marks a limit")
    func tableLimits() {
        let rows = QueryRows(columns: ["text"], rows: [[.text("推进区域义务教育均衡发展,是实现教育现代化的必然选择")]], truncated: true)
        #expect(
            Self.render(.table, rows, maxWidth: 12)
                == "text\n-----------\n推进区域义…\n(1 row shown; more left off by --limit)\n")
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func jsonEscapes() {
        #expect(Renderer.jsonString("a\"b\\c\n\u{1}海") == "\"a\\\"b\\\\c\\n\\u0001海\"")
        #expect(Renderer.jsonValue(.real(.infinity)) == "null")
        #expect(Renderer.jsonValue(.real(0.1 + 0.2)) == "0.3")
    }
}

/// One TSV cell rule for every command (`sql`, `report`, `clean`, `extract` …): a tab or a line
/// break, CRLF counted once, becomes one space; other text is untouched.
@Suite struct TSVCellTests {
    @Test(arguments: [
        ("a\tb", "a b"), ("a\r\nb", "a b"), ("a\nb\rc", "a b c"), ("\t\t", "  "), ("教育\t投入", "教育 投入"),
        ("plain", "plain"),
    ])
    func tabsAndLineBreaksBecomeOneSpace(text: String, cell: String) {
        #expect(Renderer.tsvCell(text) == cell)
    }
}
