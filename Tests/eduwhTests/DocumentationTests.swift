import Foundation
import Testing

/// Documentation that cannot drift: every `eduwh …` command in a fenced block of README.md and
/// docs/*.md runs against a warehouse loaded from imports/ (in a temporary folder) and must exit 0
/// and print something; a `$ eduwh …` block's shown output must be exactly what the command
/// prints; docs/cli.md must hold exactly every command's `--help`.
///
/// After changing a command, its help or what a documented example prints, regenerate the shown
/// outputs and docs/cli.md from the real output, then review the diff:
///
/// ```sh
/// EDUWH_UPDATE_DOCS=1 swift test --filter DocumentationTests
/// ```
enum Docs {
    static let root = CommandRunner.root
    static let updating = ProcessInfo.processInfo.environment["EDUWH_UPDATE_DOCS"] == "1"

    /// README.md and docs/*.md, except the generated docs/cli.md.
    static let markdownFiles: [String] = {
        let docs =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") && $0 != "cli.md" }.sorted().map { "docs/\($0)" }
    }()

    /// One documented command: where it is, the shell line, and (for `$ eduwh …` blocks) the
    /// output shown under it.
    struct Example: Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var command: String
        var shownOutput: [String]?

        var testDescription: String { "\(file):\(line): \(command)" }

        /// The example needs a PostgreSQL server (its URL is replaced by a throw-away cluster's).
        var needsPostgres: Bool { command.contains("--postgres") }
        /// The example needs DuckDB (Parquet is written through it).
        var needsDuckDB: Bool { command.contains("--format parquet") }
    }

    /// The examples of one Markdown text: lines of fenced sh/bash/plain blocks that start with
    /// `eduwh `, `$eduwh ` or pipe into eduwh; `$ eduwh …` lines with the output lines under them.
    static func examples(in text: String, file: String) -> [Example] {
        var examples: [Example] = []
        let lines = text.components(separatedBy: "\n")
        var inBlock = false
        var runnable = false
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            defer { index += 1 }
            if trimmed.hasPrefix("```") {
                inBlock.toggle()
                let language = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                runnable = inBlock && ["", "sh", "bash", "console"].contains(language)
                continue
            }
            guard inBlock, runnable else { continue }
            if trimmed.hasPrefix("$ eduwh ") {
                var output: [String] = []
                var next = index + 1
                while next < lines.count {
                    let line = lines[next].trimmingCharacters(in: .whitespaces)
                    if line.hasPrefix("```") || line.hasPrefix("$ ") { break }
                    output.append(lines[next])
                    next += 1
                }
                while output.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { output.removeLast() }
                examples.append(
                    Example(file: file, line: index + 1, command: String(trimmed.dropFirst(2)), shownOutput: output))
                index = next - 1
            } else if trimmed.hasPrefix("eduwh ") || trimmed.hasPrefix("$eduwh ") || trimmed.contains("| eduwh ") {
                var command = trimmed
                let first = index
                while command.hasSuffix("\\"), index + 1 < lines.count {
                    index += 1
                    command = String(command.dropLast()) + " " + lines[index].trimmingCharacters(in: .whitespaces)
                }
                examples.append(Example(file: file, line: first + 1, command: command, shownOutput: nil))
            }
        }
        return examples
    }

    static let all: [Example] = markdownFiles.flatMap { file in
        examples(in: (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? "", file: file)
    }

    /// A fresh folder for one example: its own copy of the loaded warehouse as eduwh.sqlite,
    /// imports/ and reports/ beside it (as in a checkout), and `eduwh` on PATH.
    static func sandbox() throws -> URL {
        let folder = CommandRunner.folder.appendingPathComponent("docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CommandRunner.database, toPath: folder.appendingPathComponent("eduwh.sqlite").path)
        for name in ["imports", "reports"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name), withDestinationURL: root.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("bin/eduwh"),
            withDestinationURL: URL(fileURLWithPath: CommandRunner.binary))
        return folder
    }

    /// Runs a shell line in `folder`, with `eduwh` on PATH and `$eduwh` set (as the README does).
    static func shell(_ command: String, in folder: URL) -> CommandRunner.Output {
        let path =
            folder.appendingPathComponent("bin").path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return CommandRunner.execute(
            "/bin/sh", ["-c", command], input: nil,
            environment: ["PATH": path, "eduwh": "eduwh", "NO_COLOR": "1", "COLUMNS": "80"],
            directory: folder)
    }

    static let formatFlags = ["--table", "-t", "--csv", "--tsv", "--json", "--jsonl", "--markdown", "--raw"]

    /// What a `$ eduwh …` example prints on a terminal: the table format unless the example
    /// names another, then stderr after stdout.
    static func terminalOutput(of command: String, in folder: URL) -> (status: Int32, text: String) {
        let words = command.split(separator: " ").map(String.init)
        let asOnTerminal = words.contains { formatFlags.contains($0) } ? command : command + " --table"
        let output = shell(asOnTerminal, in: folder)
        return (output.status, output.stdout + output.stderr)
    }

    /// `text` with the output under every `$ eduwh …` line replaced by what the command prints.
    static func regenerated(_ text: String, file: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        // From the bottom up, so earlier line numbers stay valid.
        for example in examples(in: text, file: file).reversed() {
            guard let shown = example.shownOutput else { continue }
            let folder = try sandbox()
            let printed = terminalOutput(of: example.command, in: folder).text
            var fresh = printed.components(separatedBy: "\n")
            while fresh.last?.isEmpty == true { fresh.removeLast() }
            lines.replaceSubrange(example.line..<(example.line + shown.count), with: fresh)
        }
        return lines.joined(separator: "\n")
    }

    /// The commands in docs/cli.md: the root and every subcommand, hidden ones last.
    static let commands = [
        "load", "sql", "report", "search", "show", "schema", "runs", "stats", "clean", "templates", "extract",
        "check", "backup", "merge", "publish", "export", "bench-normalize", "bench-query", "train-lines",
        "train-indicators", "train-status",
    ]

    /// `eduwh [COMMAND] --help` at 80 columns (as printed into a file or a pipe).
    static func help(_ command: String?) -> String {
        let output = CommandRunner.run((command.map { [$0] } ?? []) + ["--help"], environment: ["COLUMNS": "80"])
        return output.stdout
    }

    /// docs/cli.md as generated from the help of every command.
    static func commandReference() -> String {
        var text = """
            # eduwh command reference

            Generated from `eduwh --help` and `eduwh COMMAND --help` (80 columns); do not edit by hand.
            The test suite fails when this file and the help differ. To regenerate it after
            changing a command:

            ```sh
            EDUWH_UPDATE_DOCS=1 swift test --filter DocumentationTests
            ```

            Commands: \(commands.map { "[\($0)](#eduwh-\($0))" }.joined(separator: ", ")).

            ## eduwh

            ```text
            \(help(nil).trimmingCharacters(in: .newlines))
            ```

            """
        for command in commands {
            text += """

                ## eduwh \(command)

                ```text
                \(help(command).trimmingCharacters(in: .newlines))
                ```

                """
        }
        return text
    }
}

@Suite("Documentation matches the commands")
struct DocumentationTests {
    @Test("the documents have examples to run")
    func examplesFound() {
        #expect(Docs.all.count >= 25, "\(Docs.all.count) examples found in \(Docs.markdownFiles)")
        #expect(Docs.all.contains { $0.file == "README.md" })
        #expect(Docs.all.contains { $0.shownOutput != nil })
    }

    @Test(
        "every documented eduwh command exits 0 and prints something",
        arguments: Docs.all.filter { !$0.needsPostgres && !$0.needsDuckDB })
    func exampleRuns(example: Docs.Example) throws {
        let folder = try Docs.sandbox()
        // docs/scale.md merges shards made by `eduwh load DROP --shard K/N --db shard-K.sqlite`.
        if example.command.contains("shard-1.sqlite") {
            for shard in 1...4 {
                let made = Docs.shell(
                    "eduwh load imports --shard \(shard)/4 --db shard-\(shard).sqlite --quiet --log-file shard.log",
                    in: folder)
                try #require(made.status == 0, "making shard-\(shard).sqlite: \(made.stderr)")
            }
        }
        let output = Docs.shell(example.command, in: folder)
        Docs.expectUseful(output, of: example, in: folder)
    }

    // train-indicators and train-status train on the whole gold corpus: not doc examples to rerun.
    @Test(
        "every example in a command's --help runs (in order, in one folder) and prints something",
        arguments: Docs.commands.filter { !["publish", "export", "train-indicators", "train-status"].contains($0) })
    func helpExamplesRun(command: String) throws {
        let examples = Docs.helpExamples(command).filter { !$0.needsPostgres && !$0.needsDuckDB }
        #expect(!examples.isEmpty, "eduwh \(command) --help shows no example")
        let folder = try Docs.helpSandbox()
        for example in examples {
            Docs.expectUseful(Docs.shell(Docs.localPaths(example.command), in: folder), of: example, in: folder)
        }
    }

    @Test("the output shown under each `$ eduwh …` is what the command prints", arguments: Docs.markdownFiles)
    func shownOutputsAreCurrent(file: String) throws {
        let url = Docs.root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let fresh = try Docs.regenerated(text, file: file)
        if Docs.updating, fresh != text { try fresh.write(to: url, atomically: true, encoding: .utf8) }
        #expect(
            fresh == text || Docs.updating,
            "\(file): an example's output changed; run EDUWH_UPDATE_DOCS=1 swift test --filter DocumentationTests and review the diff"
        )
    }

    @Test("docs/cli.md is the help of every command (the help snapshots)")
    func commandReferenceIsCurrent() throws {
        let url = Docs.root.appendingPathComponent("docs/cli.md")
        let fresh = Docs.commandReference()
        let stored = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if Docs.updating, fresh != stored { try fresh.write(to: url, atomically: true, encoding: .utf8) }
        guard fresh != stored, !Docs.updating else { return }
        let changed = ([nil] + Docs.commands.map(Optional.some)).filter { command in
            !stored.contains(Docs.help(command).trimmingCharacters(in: .newlines))
        }.map { $0 ?? "eduwh" }
        Issue.record(
            "docs/cli.md differs from the help of: \(changed.joined(separator: ", ")); run EDUWH_UPDATE_DOCS=1 swift test --filter DocumentationTests and review the diff"
        )
    }

    @Test("every command the root help lists has a section in docs/cli.md")
    func everyCommandIsDocumented() {
        let root = Docs.help(nil)
        // Command lines are indented two spaces; wrapped abstracts continue further in.
        let listed =
            root.components(separatedBy: "SUBCOMMANDS:").last?.components(separatedBy: "\n\n").first?.split(
                separator: "\n"
            )
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0.allSatisfy { $0.isLetter || $0 == "-" } } ?? []
        #expect(listed.count >= 10)
        for command in listed {
            #expect(Docs.commands.contains(command), "eduwh \(command) is missing from docs/cli.md")
        }
    }

    // Skipped (and reported so) without PostgreSQL: apt-get install -y postgresql.
    @Test(
        "documented publish examples run against a throw-away PostgreSQL",
        .enabled(if: Docs.postgresInstalled, "no PostgreSQL server (apt-get install -y postgresql)"),
        arguments: (Docs.all + Docs.commands.flatMap(Docs.helpExamples)).filter(\.needsPostgres))
    func postgresExampleRuns(example: Docs.Example) throws {
        let started = CommandRunner.execute(
            Docs.root.appendingPathComponent("scripts/pg-throwaway").path, ["start"], input: nil, environment: [:])
        let url = started.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(started.status == 0 && !url.isEmpty, "scripts/pg-throwaway start: \(started.stderr)")
        defer {
            if let host = url.split(separator: "host=").last?.split(separator: "&").first {
                _ = CommandRunner.execute(
                    Docs.root.appendingPathComponent("scripts/pg-throwaway").path, ["stop", String(host)], input: nil,
                    environment: [:])
            }
        }
        // The documented URL names a team's server; the throw-away cluster stands in for it.
        let command = example.command.replacing(/--postgres ("[^"]*"|\S+)/) { _ in "--postgres '\(url)'" }
        let output = Docs.shell(command, in: try Docs.sandbox())
        #expect(output.status == 0, "\(example.testDescription): \(output.stderr)")
        #expect(output.stdout.contains("published"), "\(output.stdout)")
    }

    // Skipped (and reported so) without DuckDB: pip install duckdb (or the duckdb CLI).
    @Test(
        "documented Parquet export runs, and DuckDB reads it back as docs/scale.md shows",
        .enabled(if: Docs.duckDBInstalled, "DuckDB not installed (pip install duckdb, or the duckdb CLI on PATH)"),
        arguments: (Docs.all + Docs.commands.flatMap(Docs.helpExamples)).filter(\.needsDuckDB))
    func parquetExampleRuns(example: Docs.Example) throws {
        let folder = try Docs.sandbox()
        let output = Docs.shell(example.command, in: folder)
        #expect(output.status == 0, "\(example.testDescription): \(output.stderr)")
        let count = "SELECT count(*) FROM read_parquet('export/fact_quantity/*/*.parquet', hive_partitioning = true)"
        let read = Docs.shell(
            Docs.duckDBPython
                ? "python3 -c \"import duckdb; print(duckdb.connect().execute(\\\"\(count)\\\").fetchall()[0][0])\""
                : "duckdb -noheader -csv -c \"\(count)\"", in: folder)
        let stored = Docs.shell("eduwh sql --raw 'SELECT count(*) FROM fact_quantity'", in: folder)
        #expect(
            read.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                == stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
            "\(read.stderr)")
        // The DuckDB SQL block of docs/scale.md, run as written over the export.
        let text = try String(contentsOf: Docs.root.appendingPathComponent("docs/scale.md"), encoding: .utf8)
        let block = try #require(
            text.components(separatedBy: "```sql\n").dropFirst()
                .map { $0.components(separatedBy: "```")[0] }.first { $0.contains("read_parquet") })
        try block.write(to: folder.appendingPathComponent("duck.sql"), atomically: true, encoding: .utf8)
        let script =
            Docs.duckDBPython
            ? "python3 -c \"import duckdb; con = duckdb.connect(); rows = [con.execute(s).fetchall() for s in open('duck.sql').read().split(';') if s.strip()][-1]; print(len(rows))\""
            : "duckdb -noheader -csv -c '.read duck.sql' | wc -l"
        let rows = Docs.shell(script, in: folder)
        #expect(
            rows.status == 0 && (Int(rows.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0,
            "docs/scale.md's DuckDB block: \(rows.stdout)\(rows.stderr)")
    }
}

extension Docs {
    /// The `eduwh …` lines under "Example:" / "Examples:" in `eduwh COMMAND --help`, read 300
    /// columns wide so that ArgumentParser does not wrap them.
    static func helpExamples(_ command: String) -> [Example] {
        let help = CommandRunner.run([command, "--help"], environment: ["COLUMNS": "300"]).stdout
        var examples: [Example] = []
        var inExamples = false
        let lines = help.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            defer { index += 1 }
            if trimmed == "Example:" || trimmed == "Examples:" {
                inExamples = true
                continue
            }
            if trimmed.isEmpty {
                inExamples = false
                continue
            }
            guard inExamples, trimmed.hasPrefix("eduwh ") || trimmed.contains("| eduwh ") else { continue }
            var line = trimmed
            while line.hasSuffix("\\"), index + 1 < lines.count {
                index += 1
                line = String(line.dropLast()) + " " + lines[index].trimmingCharacters(in: .whitespaces)
            }
            examples.append(Example(file: "eduwh \(command) --help", line: index + 1, command: line, shownOutput: nil))
        }
        return examples
    }

    /// The help's production paths, inside the example folder.
    static func localPaths(_ command: String) -> String {
        command.replacingOccurrences(of: "/var/log/eduwh/", with: "log/").replacingOccurrences(
            of: "/data/", with: "data/")
    }

    /// `sandbox()` with what the help examples name: a drop folder data/drop, log/ and backups/
    /// folders, a folder of extra Clean rules, a folder of own reports, and plain text files.
    static func helpSandbox() throws -> URL {
        let folder = try sandbox()
        let manager = FileManager.default
        for name in ["data", "log", "backups", "my-site-rules", "my-reports"] {
            try manager.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent("data/drop"), withDestinationURL: root.appendingPathComponent("imports"))
        // The labelled corpus, where `eduwh train-lines` reads it (the sandbox has imports/).
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent("corpus"), withDestinationURL: root.appendingPathComponent("corpus"))
        try """
        id\tlabel\tmatch\tpattern\tneeds\twhen\tscope\texample
        my-site-banner\tN\tprefix\t欢迎访问本站\t-\tlen<=40\tline\t欢迎访问本站，收藏本页
        """.write(to: folder.appendingPathComponent("my-site-rules/90-my-site.tsv"), atomically: true, encoding: .utf8)
        try """
        -- title: Closures
        -- description: Schools closed or merged, per region and year (an analyst's own report).
        -- param year: a year the figures are for; every year when empty
        SELECT COALESCE(region, '(unresolved)') AS region, from_year, to_year, indicator, surface
        FROM v_quantity WHERE (NULLIF(:year, '') IS NULL OR :year BETWEEN from_year AND COALESCE(to_year, from_year))
        ORDER BY region, from_year, surface;
        """.write(to: folder.appendingPathComponent("my-reports/closures.sql"), atomically: true, encoding: .utf8)
        let sentences = "2011年全区投入教育经费3.48亿元，新建校舍14幢。\n今年计划招聘教师250名。\n十二五期间完成2007-2008年规划。\n"
        try sentences.write(to: folder.appendingPathComponent("sentences.txt"), atomically: true, encoding: .utf8)
        try String(repeating: sentences, count: 200).write(
            to: folder.appendingPathComponent("corpus.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    static let duckDBPython =
        CommandRunner.execute("/usr/bin/env", ["python3", "-c", "import duckdb"], input: nil, environment: [:]).status
        == 0
    static let duckDBInstalled =
        duckDBPython
        || CommandRunner.execute("/bin/sh", ["-c", "command -v duckdb"], input: nil, environment: [:]).status == 0
    static let postgresInstalled =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/psql")
        && ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).contains {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }
}

extension Docs {
    /// Exit 0, no notice, and something printed: at least one row (one line for --raw, --json,
    /// --jsonl), or a non-empty file for `> file`. A documented failure (output shown starting
    /// `eduwh: `) must fail with that message instead.
    static func expectUseful(_ output: CommandRunner.Output, of example: Example, in folder: URL) {
        if let shown = example.shownOutput, shown.first?.hasPrefix("eduwh: ") == true {
            // A documented failure: it must fail, with the message shown.
            #expect(output.status != 0, "\(example.testDescription) should fail as documented")
            #expect(output.stderr.hasPrefix(shown[0]), "\(example.testDescription): \(output.stderr)")
            return
        }
        #expect(output.status == 0, "\(example.testDescription) exited \(output.status): \(output.stderr)")
        // Listing refused files prints only a header when nothing was refused, as here.
        if example.command.contains("--rejects") { return }
        if let target = example.command.components(separatedBy: " > ").dropFirst().first?.split(separator: " ").first {
            let written = (try? Data(contentsOf: folder.appendingPathComponent(String(target)))) ?? Data()
            #expect(!written.isEmpty, "\(example.testDescription) wrote nothing to \(target)")
        } else {
            // Something beyond a header row: at least one row (one line for --raw, --json, --jsonl).
            let words = example.command.split(separator: " ")
            let lines = output.stdout.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            // Commands that print rows print a header first; the others (load, backup, merge …) a line or more.
            let verb =
                words.firstIndex { $0 == "eduwh" || $0 == "$eduwh" }.flatMap {
                    words.indices.contains($0 + 1) ? String(words[$0 + 1]) : nil
                } ?? ""
            let printsRows = [
                "sql", "report", "search", "runs", "stats", "schema", "check", "show", "clean", "extract",
            ].contains(verb)
            let oneLineEnough =
                !printsRows || words.contains("--raw") || words.contains("--json") || words.contains("--jsonl")
            #expect(
                lines.count >= (oneLineEnough ? 1 : 2)
                    && output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "[]",
                "\(example.testDescription) printed no rows: \(output.stdout)\(output.stderr)")
        }
        // A filter that matches nothing would be an example that teaches nothing.
        #expect(!output.stderr.contains("notice:"), "\(example.testDescription): \(output.stderr)")
    }
}
