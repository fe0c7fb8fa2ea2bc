import ArgumentParser
import Foundation
import Ingest
import Logging
import Pipeline
import Warehouse

extension Eduwh {
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load every .txt/.html file of a drop folder into the warehouse.",
            discussion: """
                    Files are read, cleaned and turned into facts on all cores and written by
                    one writer, one transaction per --batch-size files written (512): a file
                    is either fully in the warehouse or not at all, also when the load is
                    killed, and a file whose rows SQLite refuses is rejected alone. The
                    worker threads run at nice 10, so the writer, which every file waits on,
                    keeps a core. Content already loaded (same SHA-256, even under another
                    name) is skipped; a known path whose content changed has its old rows
                    replaced. A file that cannot be read or decoded is recorded in etl_reject
                    with its reason and the rest go on. Data tests (eduwh check) run at the
                    end.

                    The first load into an empty warehouse runs in bulk mode: the fact tables'
                    indexes are built once at the end, the file is written through a
                    rollback journal instead of the WAL, and the search index is built on a
                    thread of its own in DB.search-build and copied in at the end. If it is
                    killed, the next load rebuilds the missing indexes and search entries
                    before it starts. While it commits, readers of the new file wait (up to
                    their busy timeout), and search exits 74 (incomplete) until its end; use
                    --no-bulk to query the warehouse while its first load runs.

                    Only one load runs per warehouse (keyed by its real path, links resolved):
                    a second one exits at once with code 75, or waits with --wait. Logs go to
                    stderr (or --log-file), as text on a terminal and as JSON lines (one event
                    per file and a summary) otherwise.

                    Site templates: at its end, a load learns for each site (dim_site) it
                    loaded files of the short lines that stand in at least 3 and half of the
                    site's files (navigation, slogans, footers; never a sentence, a numbered
                    heading or a date), into site_template_line (`eduwh templates` lists
                    them). Later loads label such a line noise (rule site-template) in the
                    head or tail of a new file of that site, where Clean took it for a title
                    or text by its place alone (a signature or a heading stays); files
                    already loaded keep their labels. --no-site-templates leaves this load's
                    labels as Clean alone gives them.

                    Drop-folder policy: only files inside the folder are read; a symbolic link
                    to a file outside it is rejected (outside_drop_folder) unless
                    --follow-symlinks. A folder or subfolder that cannot be read stops the
                    load with 74 (never taken for empty). --prune removes at most
                    --prune-max percent of the warehouse's files (default 10); a larger prune
                    is skipped with exit 65 unless --force-prune. A full disk or an I/O error
                    stops the load with 74 and a summary line: committed files stay loaded,
                    the rest is rolled back.

                  Examples:
                    eduwh load imports/ --db eduwh.sqlite
                    eduwh load /data/drop --db /data/eduwh.sqlite --prune --wait 600 \\
                      --log-file /var/log/eduwh/load.log

                """ + ExitCodes.table)

        @Argument(help: "Drop folder to load (searched recursively).")
        var folder: String = "imports"

        @OptionGroup var database: LoadDatabaseOptions

        @OptionGroup var rules: RulesOptions

        @Flag(help: "Remove documents whose files are no longer in the folder.")
        var prune = false

        @Option(
            help: ArgumentHelp(
                "With --prune: remove at most this percentage of the warehouse's files; a larger prune is skipped (exit 65).",
                valueName: "PERCENT"))
        var pruneMax: Double = 10

        @Flag(
            help:
                "With --prune: prune however many files are gone (an empty or unmounted drop folder empties the warehouse)."
        )
        var forcePrune = false

        @Flag(help: "Follow symbolic links to files outside the drop folder (refused by default).")
        var followSymlinks = false

        @Option(
            help: ArgumentHelp(
                "Load only shard K of N (by content hash), e.g. 2/4, for several machines sharing one drop folder.",
                valueName: "K/N"))
        var shard: String?

        @Option(help: "Wait up to this many seconds for another load to finish instead of exiting with 75.")
        var wait: Double = 0

        @Option(help: "Append log lines to this file instead of stderr.")
        var logFile: String?

        @Option(help: "Log format: text or json (default: text on a terminal, json otherwise).")
        var logFormat: LogFormat?

        @Option(help: "Worker threads for reading, cleaning and extracting (default: all cores).")
        var workers: Int?

        @Option(help: "Refuse files larger than this many megabytes (recorded in etl_reject as too_large).")
        var maxFileSize: Int = 64

        @Option(
            help:
                "Files written per transaction, each in its own savepoint (a killed load redoes at most this many); unchanged files count 1/64."
        )
        var batchSize: Int = 512

        @Flag(help: "Read and hash every file, even those whose size and modification time match the last load.")
        var rehash = false

        @Flag(help: "Never use bulk mode: keep the WAL during a first load, so readers are never blocked (slower).")
        var noBulk = false

        @Flag(
            help:
                "Do not label the site template lines learned by earlier loads noise in this load's files (they are still learned from it)."
        )
        var noSiteTemplates = false

        @Flag(help: "Skip the data tests at the end of the load (they are skipped anyway when nothing changed).")
        var noCheck = false

        @Flag(name: .shortAndLong, help: "Print no summary (errors and logs only).")
        var quiet = false

        enum LogFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        func validate() throws {
            if let shard, parseShard(shard) == nil {
                throw ValidationError("--shard must be K/N with 1 <= K <= N, e.g. 1/4; got '\(shard)'")
            }
            if wait < 0 { throw ValidationError("--wait must be zero or more seconds") }
            if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
            if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
            if maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1 (megabytes)") }
            if !(0...100).contains(pruneMax) { throw ValidationError("--prune-max must be a percentage from 0 to 100") }
        }

        func parseShard(_ text: String) -> (index: Int, count: Int)? {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
                return nil
            }
            return (k, n)
        }

        func run() throws {
            do {
                try load()
            } catch let failure as CLIFailure {
                // JSON lines on stderr stay pure JSON: the summary line already holds the error.
                let jsonOnStderr =
                    logFile == nil && (logFormat ?? (isatty(STDERR_FILENO) == 1 ? .text : .json)) == .json
                if !jsonOnStderr { printError("eduwh: \(failure.message)") }
                throw ExitCode(failure.code)
            }
        }

        private func load() throws {
            let sink = try LogSink.open(path: logFile)
            let interactive = logFile == nil && isatty(STDERR_FILENO) == 1
            let format = logFormat ?? (interactive ? .text : .json)
            var logger = Logger(label: "eduwh.load") { _ in
                LineLogHandler(sink: sink, format: format == .json ? .json : .text)
            }
            logger[metadataKey: "db"] = .string(database.path)
            // The shared tables are built while the warehouse opens (the workers would wait for them).
            Thread.detachNewThread { FilePipeline.prepareShared() }
            let (lock, warehouse) = try openWarehouse(logger)
            defer { lock.release() }
            let report = try runLoader(into: warehouse, logger: logger, format: format, interactive: interactive)
            try finish(report, warehouse: warehouse, logger: logger)
        }

        /// Every way out ends with one summary line, also when no file was read.
        private func stop(_ logger: Logger, _ code: Int32, _ message: String, report: LoadReport? = nil) -> CLIFailure {
            logSummary(
                logger, report: report, status: code == ExitCodes.lockBusy ? "busy" : "failed", error: message,
                exitCode: code)
            return CLIFailure(code: code, message: message)
        }

        /// Checks the drop folder, takes the warehouse's load lock and opens (migrates, repairs)
        /// the warehouse, saying what an open upgraded or restored.
        private func openWarehouse(_ logger: Logger) throws -> (LoadLock, Warehouse) {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
                throw stop(
                    logger, ExitCodes.ioError,
                    "\(folder): no such folder; pass the drop folder that holds the .txt/.html files")
            }
            let lock: LoadLock
            do {
                lock = try LoadLock.acquire(warehousePath: database.path, waitSeconds: wait)
            } catch {
                switch error {
                case .busy: throw stop(logger, ExitCodes.lockBusy, error.description)
                case .cannotCreate: throw stop(logger, ExitCodes.ioError, error.description)
                }
            }

            // Opening migrates an older file first; say so, since rebuilding a large search
            // index (versions before 5) takes a while before the first file is read.
            if let version = Warehouse.schemaVersion(ofFileAt: database.path), version > 0,
                version < Warehouse.schemaVersion
            {
                logger.notice(
                    "upgrading",
                    metadata: fields([
                        "from_version": String(version), "to_version": String(Warehouse.schemaVersion),
                        "note": version < 7
                            ? "doc_line is rebuilt and the search index refilled (about 14 s per 450,000 lines); the pages freed stay in the file for later loads (sqlite3 FILE VACUUM compacts it)"
                            : "schema changes only",
                    ]))
            }
            let warehouse: Warehouse
            do {
                warehouse = try Warehouse(path: database.path)
            } catch {
                throw stop(logger, ExitCodes.ioError, error.description)
            }
            if !warehouse.restoredIndexes.isEmpty {
                logger.notice(
                    "indexes restored",
                    metadata: fields([
                        "indexes": warehouse.restoredIndexes.joined(separator: ","),
                        "note": "a bulk load that was stopped before its end had not built them yet",
                    ]))
            }
            if warehouse.restoredSearchParagraphs > 0 {
                logger.notice(
                    "search index restored",
                    metadata: fields([
                        "paragraphs": "\(warehouse.restoredSearchParagraphs)",
                        "note": "a bulk load that was stopped before its end had not copied its search index in yet",
                    ]))
            }
            return (lock, warehouse)
        }

        /// This command's options as the loader's.
        private var loadOptions: LoadOptions {
            var options = LoadOptions(folder: folder)
            options.prune = prune
            options.shard = shard.flatMap(parseShard)
            if let workers { options.workers = workers }
            options.batchSize = batchSize
            options.rehash = rehash
            if noBulk { options.bulk = false }
            options.followSymlinks = followSymlinks
            if prune, !forcePrune { options.pruneMaxShare = pruneMax / 100 }
            options.siteTemplates = !noSiteTemplates
            return options
        }

        /// Runs the load, logging each file's outcome and advancing the progress bar.
        private func runLoader(into warehouse: Warehouse, logger: Logger, format: LogFormat, interactive: Bool) throws
            -> LoadReport
        {
            let options = loadOptions
            let total: Int
            do {
                total = try DropFolder.scan(folder, followSymlinks: followSymlinks).count
            } catch {
                throw stop(logger, ExitCodes.ioError, error.description)
            }
            logger.info(
                "start", metadata: fields(["folder": folder, "files": String(total), "version": Eduwh.version]))
            let progress = interactive && !quiet ? ProgressBar(total: total) : nil

            let report: LoadReport
            do {
                let ingestor = Ingestor(settings: IngestSettings(maxFileBytes: maxFileSize << 20))
                let pipeline = FilePipeline(cleaner: try rules.cleaner())
                report = try Loader(
                    warehouse: warehouse, pipeline: pipeline, ingestor: ingestor, version: Eduwh.version
                ).load(options) { event in
                    switch event {
                    case .loaded(let path, let counts, let bytes, let notes):
                        progress?.advance(bytes: bytes)
                        if format == .json || !interactive {
                            var entry = [
                                "path": path, "bytes": String(bytes), "documents": String(counts.documents),
                                "quantities": String(counts.quantities), "replaced": String(counts.replaced),
                            ]
                            if !notes.isEmpty { entry["notes"] = notes.joined(separator: "; ") }
                            logger.info("loaded", metadata: fields(entry))
                        } else if !notes.isEmpty {
                            progress?.clear()
                            logger.notice(
                                "repaired", metadata: fields(["path": path, "notes": notes.joined(separator: "; ")]))
                        }
                    case .unchanged(let path, let bytes):
                        progress?.advance(bytes: bytes)
                        if format == .json || !interactive {
                            logger.info("unchanged", metadata: fields(["path": path]))
                        }
                    case .rejected(let path, let stage, let reason, let detail):
                        progress?.advance(bytes: 0)
                        progress?.clear()
                        logger.warning(
                            "rejected",
                            metadata: fields([
                                "path": path, "stage": stage.rawValue, "reason": reason, "detail": detail,
                            ]))
                    }
                }
            } catch let error as LoadError {
                progress?.clear()
                throw stop(logger, ExitCodes.ioError, error.description)
            } catch let failure as LoadFailure {
                progress?.clear()
                throw stop(
                    logger, failure.isEnvironmental ? ExitCodes.ioError : ExitCodes.failure, failure.description,
                    report: failure.report)
            } catch let exit as ExitCode {
                throw exit  // a bad --rules folder, already reported
            } catch {
                progress?.clear()
                throw stop(logger, Warehouse.isEnvironmental(error) ? ExitCodes.ioError : ExitCodes.failure, "\(error)")
            }
            progress?.clear()
            return report
        }

        /// Runs the data tests when the load changed something, logs and prints the summary, and
        /// exits with the code the outcome calls for.
        private func finish(_ report: LoadReport, warehouse: Warehouse, logger: Logger) throws {
            var checkFailures: [CheckOutcome] = []
            let changed = report.counts.filesLoaded + report.counts.filesPruned > 0
            if !noCheck, changed {
                checkFailures = try warehouse.runChecks(DataCheck.standard()).filter { !$0.passed }
            }
            let c = report.counts
            let mbPerSecond = report.elapsedSeconds > 0 ? Double(c.inputBytes) / 1_048_576 / report.elapsedSeconds : 0
            logger.info(
                "summary",
                metadata: fields([
                    "run_id": String(report.runID), "status": report.status,
                    "files_seen": String(c.filesSeen), "files_loaded": String(c.filesLoaded),
                    "files_replaced": String(c.filesReplaced), "files_unchanged": String(c.filesUnchanged),
                    "files_rejected": String(c.filesRejected), "files_pruned": String(c.filesPruned),
                    "documents": String(c.documents), "quantities": String(c.quantities), "years": String(c.years),
                    "seconds": String(format: "%.3f", report.elapsedSeconds),
                    "mb_per_s": String(format: "%.2f", mbPerSecond),
                    "checks_failed": String(checkFailures.count),
                    "input_bytes": String(c.inputBytes),
                    "process_cpu_seconds": String(format: "%.3f", report.processingSeconds),
                    "write_seconds": String(format: "%.3f", report.writingSeconds),
                    "fact_write_seconds": String(format: "%.3f", report.factWritingSeconds),
                    "bulk": String(report.bulk),
                    "transactions": String(report.transactions),
                    "site_template_lines": String(report.siteTemplateLines),
                    "site_template_seconds": String(format: "%.3f", report.siteTemplateSeconds),
                ]))
            if !quiet {
                print(
                    """
                    Loaded \(folder) into \(database.path) (run \(report.runID), \(report.status))
                      files: \(c.filesSeen) seen, \(c.filesLoaded) loaded (\(c.filesReplaced) replaced), \(c.filesUnchanged) unchanged, \(c.filesRejected) rejected\(prune ? ", \(c.filesPruned) pruned" : "")
                      rows:  \(c.documents) documents, \(c.quantities) quantities, \(c.years) year mentions
                      time:  \(String(format: "%.2f", report.elapsedSeconds)) s (\(String(format: "%.1f", mbPerSecond)) MB/s)
                      checks: \(noCheck ? "skipped" : !changed ? "skipped (nothing changed)" : checkFailures.isEmpty ? "all passed" : "\(checkFailures.count) failed: " + checkFailures.map(\.check.id).joined(separator: ", "))
                    """)
            }
            if let refused = report.pruneRefused {
                let message =
                    "--prune refused: it would remove \(refused.paths) of \(refused.of) files (over --prune-max \(String(format: "%g", pruneMax))%); nothing was pruned. If the drop folder really lost them, pass --force-prune or a larger --prune-max"
                logger.error(
                    "prune_refused",
                    metadata: fields([
                        "paths": String(refused.paths), "of": String(refused.of),
                        "exit_code": String(ExitCodes.dataError), "error": message,
                    ]))
                throw CLIFailure(code: ExitCodes.dataError, message: message)
            }
            if !checkFailures.isEmpty { throw ExitCode(ExitCodes.checkFailed) }
            if c.filesRejected > 0 { throw ExitCode(ExitCodes.someRejected) }
        }
    }
}

/// The summary line of a load that stopped before its end (status `failed` or `busy`), with
/// the error and the exit code, so a log always ends its run with one summary.
func logSummary(_ logger: Logger, report: LoadReport?, status: String, error: String, exitCode: Int32) {
    var entry = ["status": status, "error": error, "exit_code": String(exitCode)]
    if let report {
        let c = report.counts
        entry.merge([
            "run_id": String(report.runID), "files_seen": String(c.filesSeen), "files_loaded": String(c.filesLoaded),
            "files_unchanged": String(c.filesUnchanged), "files_rejected": String(c.filesRejected),
            "documents": String(c.documents), "seconds": String(format: "%.3f", report.elapsedSeconds),
        ]) { $1 }
    }
    logger.error("summary", metadata: fields(entry))
}

/// A one-line progress bar on stderr: files done/total, MB/s, ETA.
final class ProgressBar {
    let total: Int
    var done = 0
    var bytes = 0
    let start = Date()
    var lastDraw = Date.distantPast

    init(total: Int) { self.total = total }

    func advance(bytes: Int) {
        done += 1
        self.bytes += bytes
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.2 || done == total else { return }
        lastDraw = now
        let elapsed = max(0.001, now.timeIntervalSince(start))
        let rate = Double(self.bytes) / 1_048_576 / elapsed
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandleOutput.stderr(
            "\r[\(bar)] \(done)/\(total) files  \(String(format: "%.1f", rate)) MB/s  ETA \(Int(eta)) s ")
    }

    func clear() {
        FileHandleOutput.stderr("\r\u{1B}[K")
    }
}

/// Log metadata from plain strings.
func fields(_ pairs: [String: String]) -> Logger.Metadata {
    pairs.mapValues { .string($0) }
}
