import ArgumentParser
import Warehouse

extension Eduwh {
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the load history (etl_run), newest first, or the files a load refused.",
            discussion: """
                One row per `eduwh load`: when, status (ok, partial, failed, interrupted), the
                files seen, loaded, replaced, unchanged, rejected and pruned, the rows added,
                and how long it took. With --rejects, one row per refused file (etl_reject)
                with the stage and the reason.

                Examples:
                  eduwh runs
                  eduwh runs --limit 1 --json
                  eduwh runs --rejects --run 3

                """ + ExitCodes.section(ExitCodes.readCodes))

        @Flag(help: "List refused files (etl_reject) instead of runs.")
        var rejects = false

        @Option(name: .customLong("run"), help: ArgumentHelp("With --rejects, only this run.", valueName: "run_id"))
        var runID: Int64?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if runID != nil, !rejects { throw ValidationError("--run goes with --rejects") }
        }

        func run() throws {
            try QueryFailure.reporting {
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                let rows =
                    rejects
                    ? try warehouse.rejects(run: runID, limit: output.rowLimit())
                    : try warehouse.runs(limit: output.rowLimit())
                let stdout = StandardOutput()
                output.renderer(to: stdout).render(rows)
                stdout.flush()
            }
        }
    }
}
