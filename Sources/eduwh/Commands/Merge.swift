import ArgumentParser
import Pipeline
import Warehouse

extension Eduwh {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine shard warehouses (from `load --shard K/N`) into one warehouse.",
            discussion: """
                    Each shard is copied in its own transaction. Merging is idempotent: a shard
                    merged twice adds nothing. Dimension rows are reconciled by natural key,
                    document ids derive from content hashes so they never clash, and each
                    shard's etl_run history is copied (etl_run.origin_warehouse_id /
                    origin_run_id say where a run came from). The merged warehouse answers
                    every report as a one-machine load of the same files does. Site templates
                    (eduwh templates) are learned again from all the merged files.

                  Example:
                    eduwh load /data/drop --shard 1/2 --db shard-1.sqlite     # on machine 1
                    eduwh load /data/drop --shard 2/2 --db shard-2.sqlite     # on machine 2
                    eduwh merge shard-1.sqlite shard-2.sqlite --into eduwh.sqlite

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.checkFailed, "merged, but a data test failed (see eduwh check)"),
                        (ExitCodes.usage, "usage error (bad option or argument)"),
                        (ExitCodes.ioError, "a shard or the target is missing, unreadable or unwritable"),
                        (ExitCodes.lockBusy, "a load holds the target's lock (try later, or --wait SECONDS)"),
                    ]))

        @Argument(help: "Shard warehouse files to merge.")
        var shards: [String]

        @Option(help: "The warehouse to merge into (created when missing).")
        var into: String

        @Option(help: "Wait up to this many seconds for a load holding the target's lock.")
        var wait: Double = 0

        func validate() throws {
            if shards.isEmpty { throw ValidationError("name at least one shard warehouse to merge") }
        }

        func run() throws {
            let lock: LoadLock
            do {
                lock = try LoadLock.acquire(warehousePath: into, waitSeconds: wait)
            } catch {
                printError("eduwh: \(error)")
                throw ExitCode(ExitCodes.lockBusy)
            }
            defer { lock.release() }
            let target = try Warehouse(path: into)
            for shard in shards {
                do {
                    let counts = try target.merge(shardPath: shard)
                    print(
                        "merged \(shard): \(counts.runs) runs, \(counts.documents) documents, \(counts.quantities) quantities, \(counts.files) files, \(counts.rejects) rejects"
                    )
                } catch {
                    printError("eduwh: \(shard): \(error)")
                    throw ExitCode(ExitCodes.ioError)
                }
            }
            // Each shard learned its sites' templates from its own files: learn them from all.
            try target.relearnAllSiteTemplates()
            let failed = try target.runChecks(DataCheck.standard()).filter { !$0.passed }
            if !failed.isEmpty {
                printError("eduwh: data tests failed after merging: \(failed.map(\.check.id).joined(separator: ", "))")
                throw ExitCode(ExitCodes.checkFailed)
            }
        }
    }
}
