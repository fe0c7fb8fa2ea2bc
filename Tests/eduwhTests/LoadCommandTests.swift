import Foundation
import GRDB
import Pipeline
import TestSupport
import Testing
import Warehouse

/// `eduwh load` as cron sees it: exit codes, the lock, and kills mid-load.
@Suite(.serialized) struct LoadCommandTests {
    /// A temp drop folder with the seeds, optionally each copied `copies` times with a unique last line.
    static func dropFolder(copies: Int = 1) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "eduwh-cli-\(UUID().uuidString)")
        let drop = dir.appending(path: "drop")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.imports.path)
        where name.hasSuffix(".txt") {
            let text = try String(contentsOf: PackagePaths.imports.appending(path: name), encoding: .utf8)
            for copy in 0..<copies {
                let variant = copies == 1 ? text : text + "\n第\(copy)份副本:全年投入资金\(copy + 1)万元。\n"
                try variant.write(to: drop.appending(path: "\(copy)-\(name)"), atomically: true, encoding: .utf8)
            }
        }
        return drop
    }

    static func rowCount(_ db: String, _ sql: String) throws -> String {
        try Warehouse(path: db, readOnly: true).query(sql).rows.map { $0.map(\.text).joined(separator: "|") }.joined(
            separator: "\n")
    }

    @Test func cleanLoadExitsZeroAndSomeRejectedExitsThree() throws {
        let drop = try Self.dropFolder()
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        #expect(try HelpTests.run(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(
            to: drop.appending(path: "logo.html"))
        let second = try HelpTests.run(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        #expect(second.status == 3)
        // The JSON log names the rejected file and its reason, one event per line.
        let events = second.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(events.contains { $0["event"] as? String == "rejected" && $0["path"] as? String == "logo.html" })
        #expect(events.last?["event"] as? String == "summary")
        #expect(try Self.rowCount(db, "SELECT reason FROM etl_reject WHERE source_path = 'logo.html'") == "binary")
    }

    /// The first load into an empty warehouse runs in bulk mode unless --no-bulk; either way the
    /// warehouse ends in WAL mode with every index of schema.sql.
    @Test func firstLoadIsBulkUnlessNoBulk() throws {
        let drop = try Self.dropFolder()
        for (flags, bulk) in [([String](), "true"), (["--no-bulk"], "false")] {
            let db = drop.deletingLastPathComponent().appending(path: "w\(flags.count).sqlite").path
            let run = try HelpTests.run(["load", drop.path, "--db", db, "--log-format", "json"] + flags)
            #expect(run.status == 0)
            let summary = run.stderr.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
            .first { $0["event"] as? String == "summary" }
            #expect(summary?["bulk"] as? String == bulk, "\(flags)")
            #expect(try Self.rowCount(db, "PRAGMA journal_mode") == "wal")
            #expect(
                try Self.rowCount(db, "SELECT count(*) FROM sqlite_master WHERE name = 'fact_quantity_indicator_id'")
                    == "1")
        }
    }

    /// A load on a warehouse of an older schema says it upgrades it (a version-4 search index is
    /// rebuilt first, which takes a while on a big file) and then loads as usual.
    @Test func loadOnAnOlderWarehouseSaysItUpgrades() throws {
        let drop = try Self.dropFolder()
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        #expect(try HelpTests.run(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        try DatabaseQueue(path: db).writeWithoutTransaction { db in
            try db.execute(sql: OlderSchemas.textTablesToVersion6)  // what migration 0007 changes
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        let upgraded = try HelpTests.run(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        #expect(upgraded.status == 0)
        let events = upgraded.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let notice = try #require(events.first)
        #expect(notice["event"] as? String == "upgrading")
        #expect(notice["from_version"] as? Int == 4 && notice["to_version"] as? Int == Warehouse.schemaVersion)
        #expect(Warehouse.schemaVersion(ofFileAt: db) == Warehouse.schemaVersion)
        // Already current: no notice.
        let again = try HelpTests.run(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        #expect(!again.stderr.contains("\"upgrading\""))
    }

    /// A site-specific rule table added with --rules changes a load without recompiling; a bad one
    /// stops the load with `file:line: reason` and exit 65 before anything is written.
    @Test func extraRulesFolderReachesTheLoad() throws {
        let drop = try Self.dropFolder()
        let base = drop.deletingLastPathComponent()
        let rules = base.appending(path: "rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try """
        id\tlabel\tmatch\tpattern\tneeds\twhen\tscope\texample
        local-speaker-line\tN\texact\t邓伟强\t-\t-\tline\t邓伟强

        """.write(to: rules.appending(path: "site.tsv"), atomically: true, encoding: .utf8)
        let db = base.appending(path: "w.sqlite").path
        #expect(try HelpTests.run(["load", drop.path, "--db", db, "--quiet", "--rules", rules.path]).status == 0)
        #expect(
            try Self.rowCount(db, "SELECT label || ' ' || rule_id FROM doc_line WHERE text = '邓伟强'")
                == "N local-speaker-line")

        try "id\tlabel\n".write(to: rules.appending(path: "site.tsv"), atomically: true, encoding: .utf8)
        let bad = try HelpTests.run([
            "load", drop.path, "--db", base.appending(path: "w2.sqlite").path, "--quiet", "--rules", rules.path,
        ])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("site.tsv:"))
        let second = base.appending(path: "w2.sqlite").path
        if FileManager.default.fileExists(atPath: second) {
            #expect(try Self.rowCount(second, "SELECT count(*) FROM dim_document") == "0")
        }
    }

    @Test func usageAndIOErrorsHaveTheirCodes() throws {
        #expect(try HelpTests.run(["load", "imports", "--shard", "5/4"]).status == 64)
        let missing = try HelpTests.run(["load", "/nonexistent/drop", "--db", "/tmp/eduwh-never.sqlite"])
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("/nonexistent/drop"))
    }

    @Test func secondLoadExitsSeventyFiveWhileTheLockIsHeld() throws {
        let drop = try Self.dropFolder()
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        let lock = try LoadLock.acquire(warehousePath: db, waitSeconds: 0)
        let started = Date()
        let busy = try HelpTests.run(["load", drop.path, "--db", db, "--quiet"])
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("another load holds"))
        #expect(Date().timeIntervalSince(started) < 5)
        lock.release()
        #expect(try HelpTests.run(["load", drop.path, "--db", db, "--quiet"]).status == 0)
    }

    @Test func killedLoadResumesToTheSameWarehouse() throws {
        let drop = try Self.dropFolder(copies: 12)
        let base = drop.deletingLastPathComponent()
        let reference = base.appending(path: "reference.sqlite").path
        let crashed = base.appending(path: "crashed.sqlite").path
        #expect(try HelpTests.run(["load", drop.path, "--db", reference, "--quiet"]).status == 0)

        guard let binary = PackagePaths.eduwhBinary else {
            Issue.record("eduwh binary not built")
            return
        }
        for delay in [0.05, 0.15, 0.3] {
            let process = Process()
            process.executableURL = binary
            process.arguments = [
                "load", drop.path, "--db", crashed, "--quiet", "--batch-size", "4", "--log-file",
                base.appending(path: "log").path,
            ]
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(try HelpTests.run(["load", drop.path, "--db", crashed, "--quiet"]).status == 0)
        let canonical = """
            SELECT document_id, title, body_text FROM dim_document ORDER BY 1;
            """
        for sql in [
            canonical,
            "SELECT document_id, line_number, char_offset, surface, quote(value), indicator_id FROM fact_quantity ORDER BY 1, 2, 3",
            "SELECT document_id, line_number, label, text FROM doc_line ORDER BY 1, 2",
            "SELECT count(*) FROM search_paragraph",
            // A kill before a bulk load copied its search index in leaves paragraphs
            // unindexed: the next load indexed them.
            "SELECT count(*) FROM search_paragraph_docsize",
            "SELECT group_concat(rowid) FROM search_paragraph WHERE search_paragraph MATCH '教育'",
            // The first load runs in bulk mode (fact indexes built at its end): whatever
            // a kill left missing, the next load built.
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name",
            "PRAGMA journal_mode",
        ] {
            #expect(try Self.rowCount(crashed, sql) == Self.rowCount(reference, sql))
        }
        #expect(try Self.rowCount(crashed, "PRAGMA integrity_check") == "ok")
        #expect(try Self.rowCount(crashed, "SELECT count(*) FROM etl_run WHERE status = 'running'") == "0")
    }
}
