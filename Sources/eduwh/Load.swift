import ArgumentParser
import Foundation
import Pipeline
import Warehouse

extension Eduwh {
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load every .txt/.html file of a drop folder into the warehouse.",
            discussion: """
                Each file is loaded in its own transaction: a file is either fully in the warehouse or
                not at all. Content already loaded (same SHA-256, even under another name) is skipped;
                a known path whose content changed has its old rows replaced. A file that cannot be
                read or decoded is recorded in etl_reject with its reason and the rest go on.

              Example:
                eduwh load imports/ --db eduwh.sqlite
            """)

        @Argument(help: "Drop folder to load (searched recursively).")
        var folder: String = "imports"

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Remove documents whose files are no longer in the folder.")
        var prune = false

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let warehouse = try Warehouse(path: database.path)
            let loader = Loader(warehouse: warehouse, version: Eduwh.version)
            let report = try loader.load(folder: folder, prune: prune) { event in
                if case .rejected(_, _, _, let detail) = event { printError(detail) }
            }
            guard !quiet else { return }
            let c = report.counts
            print("""
                Loaded \(folder) into \(database.path) (run \(report.runID), \(report.status))
                  files: \(c.filesSeen) seen, \(c.filesLoaded) loaded (\(c.filesReplaced) replaced), \(c.filesUnchanged) unchanged, \(c.filesRejected) rejected\(prune ? ", \(c.filesPruned) pruned" : "")
                  rows:  \(c.documents) documents, \(c.quantities) quantities, \(c.years) year mentions
                  time:  \(String(format: "%.2f", report.elapsedSeconds)) s
                """)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
}
