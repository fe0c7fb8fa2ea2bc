import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `eduwh` command: configuration only; each verb lives in its own file.
@main
struct Eduwh: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "eduwh",
        abstract: "A SQLite data warehouse for scraped Chinese education work reports.",
        discussion: """
            Load a folder of scraped reports (.txt, .html; UTF-8, GB18030/GBK, BIG5,
            UTF-16) into a star schema, then query it with SQL.

              eduwh load imports/               load a drop folder into eduwh.sqlite
              eduwh sql "SELECT * FROM v_quantity LIMIT 5"
              eduwh report --list               canned reports
              eduwh search 校舍                 full-text search
              eduwh clean --explain FILE        how each line was labelled
              eduwh extract --quantities FILE   the numbers found in a file

            """ + ExitCodes.table,
        version: version,
        subcommands: [
            Load.self, Sql.self, Report.self, Search.self, Show.self, Schema.self, Runs.self, Stats.self,
            CleanFile.self, Templates.self, Extract.self, Check.self, Backup.self, Merge.self, PublishCommand.self,
            Export.self,
            BenchNormalize.self, BenchQuery.self, TrainLines.self, TrainIndicators.self, TrainYears.self,
            TrainStatus.self, TrainRegions.self, TrainYearChooser.self, TrainReferenceYears.self,
        ])

    /// Parses and runs the command line; a first word that names no subcommand (`eduwh lod`)
    /// is a usage error (64) that suggests the nearest command names.
    /// SIGPIPE is ignored, so a reader that goes away (`eduwh sql … | head`) makes a write fail
    /// with EPIPE, which `StandardOutput` turns into a quiet exit, instead of killing the process.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `eduwh lod` and `eduwh help lod` alike.
        let named = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        if let word = named, !word.hasPrefix("-"), word != "help" {
            let names = configuration.subcommands.map { $0._commandName }
            if !names.contains(word) {
                let near = names.filter { !$0.hasPrefix("bench") }
                    .map { (name: $0, distance: editDistance($0, word)) }
                    .filter { $0.distance <= max(1, min(3, word.count / 2)) || $0.name.hasPrefix(word) }
                    .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
                    .map(\.name)
                let hint =
                    near.isEmpty ? "" : " Did you mean \(near.prefix(3).map { "'\($0)'" }.joined(separator: " or "))?"
                printError("eduwh: unknown command '\(word)'.\(hint) `eduwh --help` lists the commands.")
                Foundation.exit(ExitCodes.usage)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // Help, --version and ExitCode go as ArgumentParser prints them; a bad option or
            // argument is one `eduwh: …` line (and the usage) like every other failure.
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") { message = "eduwh: " + message.dropFirst("Error: ".count) }
            printError(message)
            Foundation.exit(code.rawValue)
        }
    }

    /// Levenshtein distance between two command names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// `--db PATH`, shared by every command that reads the warehouse (never creates it).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Warehouse file (made by `eduwh load`; never created by this command).")
    var path: String = "eduwh.sqlite"
}

/// `--db PATH` of `eduwh load`, which creates the warehouse when it is missing.
struct LoadDatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Warehouse file to load into (created when missing).")
    var path: String = "eduwh.sqlite"
}
