import ArgumentParser
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
        subcommands: [Load.self, Sql.self, Report.self, Search.self, Show.self, Schema.self, Runs.self, Stats.self,
                      CleanFile.self, Extract.self, Check.self, Backup.self, Merge.self, PublishCommand.self, Export.self,
                      BenchNormalize.self, BenchQuery.self])

    /// Ignores SIGPIPE, so a reader that goes away (`eduwh sql … | head`) makes a write fail
    /// with EPIPE, which `StandardOutput` turns into a quiet exit, instead of killing the process.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        Self.main(nil)
    }
}

/// `--db PATH`, shared by every command that opens the warehouse.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "Warehouse file (created by load when missing).")
    var path: String = "eduwh.sqlite"
}
