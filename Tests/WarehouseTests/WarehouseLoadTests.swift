import Foundation
import GRDB
import Pipeline
import TestSupport
import Testing

@testable import Warehouse

/// Loads of a real drop folder (copies of the bundled `imports/` seeds) into a fresh warehouse.
@Suite struct WarehouseLoadTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A temp folder holding copies of the seed files, and a warehouse path next to it.
    struct Sandbox {
        let dir: URL
        var drop: URL { dir.appending(path: "drop") }
        let db: String

        /// Another warehouse file in an existing sandbox folder.
        init(existing dir: URL, db: String) {
            self.dir = dir
            self.db = db
        }

        init() throws {
            dir = FileManager.default.temporaryDirectory.appending(path: "eduwh-wh-\(UUID().uuidString)")
            db = dir.appending(path: "w.sqlite").path
            try FileManager.default.createDirectory(at: dir.appending(path: "drop"), withIntermediateDirectories: true)
            let imports = WarehouseLoadTests.packageRoot.appending(path: "imports")
            for name in try FileManager.default.contentsOfDirectory(atPath: imports.path) where name.hasSuffix(".txt") {
                try FileManager.default.copyItem(
                    at: imports.appending(path: name), to: dir.appending(path: "drop/\(name)"))
            }
        }

        func load(prune: Bool = false) throws -> LoadReport {
            try Loader(warehouse: Warehouse(path: db), version: "test").load(folder: drop.path, prune: prune)
        }

        func count(_ sql: String) throws -> Int64 {
            let rows = try Warehouse(path: db, readOnly: true).query(sql).rows
            guard case .integer(let value) = rows.first?.first else { return -1 }
            return value
        }

        /// Every row of every star table, ordered by natural keys: equal dumps mean equal warehouses.
        func dump() throws -> String {
            let warehouse = try Warehouse(path: db, readOnly: true)
            var out = ""
            for sql in [
                "SELECT document_id, content_sha256, doc_index, title, report_kind, body_text, region_id, reference_year FROM dim_document ORDER BY document_id",
                "SELECT document_id, line_number, char_offset, indicator_id, unit_id, value, qualifier, status, surface FROM fact_quantity ORDER BY 1, 2, 3",
                "SELECT document_id, line_number, char_offset, kind, from_year, to_year, surface FROM fact_year_mention ORDER BY 1, 2, 3",
                "SELECT document_id, line_number, label, rule_id, text FROM doc_line ORDER BY 1, 2",
                "SELECT source_path, content_sha256 FROM etl_file ORDER BY 1",
            ] {
                for row in try warehouse.query(sql).rows { out += row.map(\.text).joined(separator: "|") + "\n" }
            }
            return out
        }
    }

    @Test func schemaFileAndEmbeddedSchemaAreIdentical() throws {
        let onDisk = try String(contentsOf: Self.packageRoot.appending(path: "schema.sql"), encoding: .utf8)
        #expect(Warehouse.schemaSQL == onDisk)
        #expect(Warehouse.schemaVersion >= 1)
    }

    @Test func migrationsLeadUpToTheVersionOfSchemaSQL() throws {
        #expect(!Warehouse.migrations.isEmpty)
        for migration in Warehouse.migrations {
            #expect(
                migration.version > 1 && migration.version <= Warehouse.schemaVersion,
                "\(migration.name): schema.sql (version \(Warehouse.schemaVersion)) must already contain every migration"
            )
        }
    }

    /// A version-6 warehouse (kept lines copied into a doc_paragraph table) gets version 7's text
    /// tables: the same lines, paragraphs and search results, and the schema of a fresh file.
    @Test func versionSixTextTablesBecomeOneTableAndAView() throws {
        let box = try Sandbox()
        _ = try box.load()
        let fresh = try box.dump()
        let paragraphs = "SELECT document_id, line_number, text FROM doc_paragraph ORDER BY 1, 2"
        let before = try Warehouse(path: box.db, readOnly: true).query(paragraphs).rows
        try DatabaseQueue(path: box.db).writeWithoutTransaction { db in
            try db.execute(sql: OlderSchemas.textTablesToVersion6)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        #expect(
            try DatabaseQueue(path: box.db).read { db in
                try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = 'doc_paragraph'")
            } == "table")
        let migrated = try Warehouse(path: box.db)
        #expect(try box.dump() == fresh)
        #expect(try migrated.query(paragraphs).rows == before)
        #expect(before.count > 100)
        let shape =
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('doc_line', 'doc_paragraph') ORDER BY name"
        let other = try Warehouse(path: box.dir.appending(path: "fresh.sqlite").path)
        #expect(try migrated.query(shape).rows.map { $0.prefix(2) } == other.query(shape).rows.map { $0.prefix(2) })
        #expect(try box.count("SELECT count(*) FROM search_paragraph_docsize") == Int64(before.count))
        for word in ["校舍", "学", "义务教育", "2011年"] {
            let expected = try migrated.query(
                "SELECT count(*) FROM doc_paragraph WHERE instr(text, :w) > 0", parameters: ["w": .text(word)]
            ).rows[0][0]
            #expect(
                SQLValue.integer(Int64(try migrated.search(try SearchQuery(word), limit: nil).count)) == expected,
                "\(word)")
        }
    }

    /// The tables written once per row check their closed value sets without SQLite building a
    /// temporary b-tree per insert (an IN list in a CHECK does: OpenEphemeral); a version-7 file,
    /// whose CHECKs still use IN lists, gets the same table definitions as a fresh one, and the
    /// constraints still refuse a value outside the set.
    @Test func perRowTablesCheckTheirValuesWithoutATemporaryBTree() throws {
        let box = try Sandbox()
        _ = try box.load()
        let tables = ["fact_quantity", "fact_year_mention", "fact_place_mention", "doc_line"]
        let definitions =
            "SELECT name, sql FROM sqlite_master WHERE name IN ('\(tables.joined(separator: "', '"))') ORDER BY name"
        let fresh = try DatabaseQueue(path: box.db).read { db in try Row.fetchAll(db, sql: definitions) }
        // Back to version 7: the in-place replacements of migrations 0009 and 0008, reversed, newest first.
        let pattern = /replace\(sql, ('(?:[^']|'')*'), ('(?:[^']|'')*')\)/
        let reversals = try [9, 8].map { version in
            let migration = try #require(Warehouse.migrations.first { $0.version == version }?.sql)
            let reversed = migration.replacing(pattern) { "replace(sql, \($0.output.2), \($0.output.1))" }
            #expect(reversed != migration)
            return reversed
        }
        try DatabaseQueue(path: box.db).writeWithoutTransaction { db in
            for reversed in reversals { try db.execute(sql: reversed) }
            try db.execute(
                sql:
                    "PRAGMA schema_version = \(try Int.fetchOne(db, sql: "PRAGMA schema_version")! + 1); PRAGMA user_version = 7"
            )
        }
        let inserts = [
            "INSERT INTO fact_quantity (document_id, indicator_id, unit_id, qualifier, status, year_source, region_source, surface, sentence, line_number, char_offset, quantity_rule_id, indicator_rule_id, run_id) VALUES (1, 'unknown', '', 'exact', 'achieved', 'none', 'none', '', '', 1, 0, '', '', 1)",
            "INSERT INTO fact_year_mention (document_id, kind, surface, line_number, char_offset, rule_id, run_id) VALUES (1, 'year', '', 1, 0, '', 1)",
            "INSERT INTO fact_place_mention (document_id, status, surface, line_number, char_offset, rule_id, run_id) VALUES (1, 'resolved', '', 1, 0, '', 1)",
            "INSERT INTO doc_line (document_id, line_number, label, rule_id, text) VALUES (1, 1, 'B', '', '')",
        ]
        func ephemeralTables() throws -> Int {
            try DatabaseQueue(path: box.db).read { db in
                try inserts.reduce(0) { count, sql in
                    count
                        + (try Row.fetchAll(db, sql: "EXPLAIN " + sql).filter {
                            ($0["opcode"] as String) == "OpenEphemeral"
                        }.count)
                }
            }
        }
        #expect(try ephemeralTables() == 7)  // 4 on fact_quantity, one on each other table
        _ = try Warehouse(path: box.db)
        #expect(try ephemeralTables() == 0)
        #expect(try DatabaseQueue(path: box.db).read { db in try Row.fetchAll(db, sql: definitions) } == fresh)
        #expect(
            try DatabaseQueue(path: box.db).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
                == "ok")
        #expect(throws: DatabaseError.self) {
            try DatabaseQueue(path: box.db).write { db in
                try db.execute(
                    sql:
                        "INSERT INTO doc_line (document_id, line_number, label, rule_id, text) SELECT document_id, 9999, 'X', '', '' FROM dim_document LIMIT 1"
                )
            }
        }
    }

    /// A version-1 warehouse (schema.sql before migrations 0002 and 0003) is migrated on open and
    /// ends with the same columns and views as a warehouse created from today's schema.sql.
    @Test func versionOneWarehouseIsMigrated() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "eduwh-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let old = dir.appending(path: "v1.sqlite").path
        let v1 = Warehouse.schemaSQL
            .replacingOccurrences(
                of: "run that last saw the path\n    modified_ns ",
                with: "run that last saw the path\n    -- modified_ns "
            )
            .replacingOccurrences(
                of: "last_run_id         INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that last saw the path",
                with: "last_run_id         INTEGER NOT NULL REFERENCES etl_run (run_id)   -- run that last saw the path"
            )
            .replacingOccurrences(
                of: "PRAGMA user_version = \(Warehouse.schemaVersion);", with: "PRAGMA user_version = 1;")
        try DatabaseQueue(path: old).writeWithoutTransaction { db in
            try db.execute(sql: v1)
            try db.execute(sql: "DROP VIEW v_indicator_by_region_year")  // added by migration 0003
            try db.execute(sql: OlderSchemas.textTablesToVersion6)  // changed by migration 0007
        }
        let before = try DatabaseQueue(path: old).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('etl_file')")
        }
        #expect(!before.contains("modified_ns"))
        // Read-only commands do not upgrade: they say how.
        #expect { try Warehouse(path: old, readOnly: true) } throws: { error in
            (error as? WarehouseError)?.reason == .olderSchema && "\(error)".contains("eduwh load")
        }

        let migrated = try Warehouse(path: old)
        let fresh = try Warehouse(path: dir.appending(path: "new.sqlite").path)
        let columns = "SELECT group_concat(name, ',') FROM pragma_table_info('etl_file')"
        #expect(try migrated.query(columns).rows == fresh.query(columns).rows)
        let views =
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name)"
        #expect(try migrated.query(views).rows == fresh.query(views).rows)
        #expect(try migrated.query("PRAGMA user_version").rows == [[.integer(Int64(Warehouse.schemaVersion))]])
    }

    /// A version-3 warehouse (search index in two unicode61 columns, unigrams and bigrams; the
    /// fact indexes version 6 dropped) gets the one-column ascii-tokenized index of versions 4
    /// and 5 on open, rebuilt once from its paragraphs, and the index set of a fresh file: search
    /// finds exactly what `instr` finds.
    @Test func versionThreeSearchIndexIsRebuilt() throws {
        let box = try Sandbox()
        _ = try box.load()
        let paragraphs = try box.count("SELECT count(*) FROM doc_paragraph")
        try DatabaseQueue(path: box.db).writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    DROP TABLE search_paragraph;
                    CREATE VIRTUAL TABLE search_paragraph USING fts5 (unigrams, bigrams, content = '', tokenize = 'unicode61 remove_diacritics 0');
                    CREATE INDEX fact_quantity_to_year ON fact_quantity (to_year);
                    CREATE INDEX fact_quantity_run_id ON fact_quantity (run_id);
                    CREATE INDEX fact_year_mention_to_year ON fact_year_mention (to_year);
                    CREATE INDEX fact_year_mention_run_id ON fact_year_mention (run_id);
                    CREATE INDEX fact_place_mention_run_id ON fact_place_mention (run_id);
                    PRAGMA user_version = 3;
                    """)
            try db.execute(sql: OlderSchemas.textTablesToVersion6)
        }
        let migrated = try Warehouse(path: box.db)
        // Version 6 dropped the five indexes a version-3 file still has: the same set as a fresh file.
        let fresh = try Warehouse(path: box.dir.appending(path: "fresh.sqlite").path)
        let indexes =
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)"
        #expect(try migrated.query(indexes).rows == fresh.query(indexes).rows)
        #expect(try migrated.query("PRAGMA user_version").rows == [[.integer(Int64(Warehouse.schemaVersion))]])
        #expect(try box.count("SELECT count(*) FROM search_paragraph_docsize") == paragraphs)
        // The same index definition and FTS5 settings as a fresh warehouse's schema.sql.
        let definition = try migrated.query("SELECT sql FROM sqlite_master WHERE name = 'search_paragraph'").rows[0][0]
        guard case .text(let sql) = definition else {
            Issue.record("no search_paragraph")
            return
        }
        #expect(sql.contains("tokenize = 'ascii'"))
        #expect(try box.count("SELECT v FROM search_paragraph_config WHERE k = 'hashsize'") == 33_554_432)
        for word in ["校舍", "学", "义务教育", "2011年"] {
            let expected = try migrated.query(
                "SELECT count(*) FROM doc_paragraph WHERE instr(text, :w) > 0", parameters: ["w": .text(word)]
            ).rows[0][0]
            #expect(
                SQLValue.integer(Int64(try migrated.search(try SearchQuery(word), limit: nil).count)) == expected,
                "\(word)")
        }
    }

    /// A file whose rows SQLite refuses mid-insert (here a trigger refuses one of its lines) is
    /// rejected alone with nothing of it left behind; the other files of the same transaction
    /// land exactly as in a load without it, search index included.
    @Test func aFileSQLiteRefusesIsRejectedAloneWithNoRowsLeft() throws {
        let box = try Sandbox()
        let seed = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()[0]
        let text = try String(contentsOf: box.drop.appending(path: seed), encoding: .utf8)
        try (text + "\n本校今年新建教学楼一栋，面积5000平方米（测试标记ZQX9）。\n")
            .write(to: box.drop.appending(path: "zz-refused.txt"), atomically: true, encoding: .utf8)
        _ = try Warehouse(path: box.db)
        try DatabaseQueue(path: box.db).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_marked_line BEFORE INSERT ON doc_line WHEN instr(NEW.text, 'ZQX9') > 0
                    BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END
                    """)
        }
        let report = try box.load()
        #expect(report.counts.filesLoaded == 5)
        #expect(report.counts.filesRejected == 1)
        #expect(
            try box.count(
                "SELECT count(*) FROM etl_reject WHERE source_path = 'zz-refused.txt' AND reason = 'sqlite' AND detail LIKE '%refused by the test trigger%'"
            ) == 1)
        #expect(try box.count("SELECT count(*) FROM dim_document WHERE source_path = 'zz-refused.txt'") == 0)
        #expect(try box.count("SELECT count(*) FROM doc_line WHERE instr(text, 'ZQX9') > 0") == 0)

        let clean = try Sandbox()
        _ = try clean.load()
        for table in [
            "dim_document", "doc_line", "doc_paragraph", "fact_quantity", "fact_year_mention", "fact_place_mention",
            "search_paragraph_docsize",
        ] {
            #expect(
                try box.count("SELECT count(*) FROM \(table)") == clean.count("SELECT count(*) FROM \(table)"),
                "\(table)")
        }
        let search = try Warehouse(path: box.db, readOnly: true).search(try SearchQuery("教学楼"), limit: nil).count
        #expect(
            search == (try Warehouse(path: clean.db, readOnly: true).search(try SearchQuery("教学楼"), limit: nil).count))
    }

    /// When the warehouse itself fails mid-load (a trigger stands in for a full disk), the load
    /// stops with that error instead of hanging on the threads preparing files ahead; what was
    /// committed before stays, the failed transaction leaves nothing, events were sent only for
    /// committed files, and the next load finishes the job: equal to one clean load.
    @Test(.timeLimit(.minutes(1))) func aFailingWarehouseStopsTheLoadAndTheNextOneFinishesIt() throws {
        let box = try Sandbox()
        try Data().write(to: box.drop.appending(path: "zz-empty.txt"))  // rejected: writes etl_reject
        _ = try Warehouse(path: box.db)
        try DatabaseQueue(path: box.db).write { db in
            try db.execute(
                sql:
                    "CREATE TRIGGER full_disk BEFORE INSERT ON etl_reject BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END"
            )
        }
        var options = LoadOptions(folder: box.drop.path)
        options.batchSize = 4  // files 1–4 in the first transaction, 5 and zz-empty in the second
        options.chunkSize = 2
        var events: [String] = []
        #expect {
            _ = try Loader(warehouse: Warehouse(path: box.db), version: "test").load(options) { events.append($0.path) }
        } throws: { error in
            "\(error)".contains("disk full (simulated)")
        }
        let seeds = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).filter { $0.hasPrefix("00") }
            .sorted()
        #expect(events == Array(seeds.prefix(4)))
        #expect(try box.count("SELECT count(DISTINCT content_sha256) FROM dim_document") == 4)
        #expect(try box.count("SELECT count(*) FROM etl_file") == 4)
        #expect(try box.count("SELECT count(*) FROM dim_document WHERE source_path = '\(seeds[4])'") == 0)
        // It was a first load (bulk mode): its fact indexes were built although it failed.
        #expect(try box.count("SELECT count(*) FROM sqlite_master WHERE name = 'fact_quantity_indicator_id'") == 1)

        try DatabaseQueue(path: box.db).write { db in try db.execute(sql: "DROP TRIGGER full_disk") }
        let report = try Loader(warehouse: Warehouse(path: box.db), version: "test").load(options)
        #expect(report.counts.filesLoaded == 1 && report.counts.filesUnchanged == 4 && report.counts.filesRejected == 1)
        let clean = try Sandbox()
        try Data().write(to: clean.drop.appending(path: "zz-empty.txt"))
        _ = try clean.load()
        #expect(try box.dump() == clean.dump())
        // The search index holds every paragraph of every chunk and transaction, none twice: it
        // is written at each commit, after the files' savepoints.
        let warehouse = try Warehouse(path: box.db, readOnly: true)
        #expect(
            try box.count("SELECT count(*) FROM search_paragraph_docsize")
                == box.count("SELECT count(*) FROM doc_paragraph"))
        for word in ["校舍", "教育", "2011年"] {
            let expected = try warehouse.query(
                "SELECT count(*) FROM doc_paragraph WHERE instr(text, :w) > 0", parameters: ["w": .text(word)]
            ).rows[0][0]
            #expect(
                SQLValue.integer(Int64(try warehouse.search(try SearchQuery(word), limit: nil).count)) == expected,
                "\(word)")
        }
    }

    @Test func loadsEverySeedAndRecordsTheRun() throws {
        let box = try Sandbox()
        let report = try box.load()
        #expect(report.counts.filesSeen == 5)
        #expect(report.counts.filesLoaded == 5)
        #expect(report.counts.filesRejected == 0)
        #expect(report.status == "ok")
        #expect(try box.count("SELECT count(DISTINCT content_sha256) FROM dim_document") == 5)
        #expect(try box.count("SELECT count(*) FROM fact_quantity") == Int64(report.counts.quantities))
        #expect(try box.count("SELECT count(*) FROM etl_run WHERE status = 'ok' AND files_loaded = 5") == 1)
        // Every dimension row a fact points at exists (foreign keys are on while loading).
        #expect(
            try box.count(
                "SELECT count(*) FROM fact_quantity q LEFT JOIN dim_indicator i USING (indicator_id) WHERE i.indicator_id IS NULL"
            ) == 0)
        #expect(try box.count("SELECT count(*) FROM dim_region") > 3000)
        #expect(try box.count("SELECT count(*) FROM dim_year WHERE plan_period = '十二五'") == 5)
    }

    @Test func secondLoadOfTheSameFolderAddsNothing() throws {
        let box = try Sandbox()
        _ = try box.load()
        let before = try box.dump()
        let second = try box.load()
        #expect(second.counts.filesLoaded == 0)
        #expect(second.counts.filesUnchanged == 5)
        #expect(try box.dump() == before)
        #expect(try box.count("SELECT count(*) FROM etl_run") == 2)
    }

    @Test func renamedFileIsUnchanged() throws {
        let box = try Sandbox()
        _ = try box.load()
        let before = try box.count("SELECT count(*) FROM fact_quantity")
        let names = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()
        try FileManager.default.moveItem(
            at: box.drop.appending(path: names[0]), to: box.drop.appending(path: "renamed 改名.txt"))
        let second = try box.load(prune: true)
        #expect(second.counts.filesLoaded == 0)
        #expect(second.counts.filesUnchanged == 5)
        #expect(try box.count("SELECT count(*) FROM fact_quantity") == before)
        #expect(try box.count("SELECT count(DISTINCT content_sha256) FROM dim_document") == 5)
    }

    @Test func binaryAndEmptyFilesAreRejectedAndTheRestLoad() throws {
        let box = try Sandbox()
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02]).write(to: box.drop.appending(path: "archive.txt"))
        try Data().write(to: box.drop.appending(path: "empty.txt"))
        let report = try box.load()
        #expect(report.counts.filesLoaded == 5)
        #expect(report.counts.filesRejected == 2)
        #expect(report.status == "partial")
        let rejects = try Warehouse(path: box.db, readOnly: true).query(
            "SELECT source_path, reason FROM etl_reject ORDER BY 1"
        ).rows
        #expect(rejects.map { $0.map(\.text) } == [["archive.txt", "binary"], ["empty.txt", "empty"]])
        #expect(
            try box.count("SELECT count(*) FROM dim_document WHERE source_path IN ('archive.txt', 'empty.txt')") == 0)
    }

    @Test func changedFileReplacesExactlyItsOwnRows() throws {
        let box = try Sandbox()
        _ = try box.load()
        let names = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()
        let target = box.drop.appending(path: names[1])
        let otherFacts = try box.count(
            "SELECT count(*) FROM fact_quantity q JOIN dim_document d USING (document_id) WHERE d.source_path != '\(names[1])'"
        )
        var text = try String(contentsOf: target, encoding: .utf8)
        text += "\n新增段落:全年新建校舍12000平方米,投入资金3500万元。\n"
        try text.write(to: target, atomically: true, encoding: .utf8)
        let report = try box.load()
        #expect(report.counts.filesLoaded == 1)
        #expect(report.counts.filesReplaced == 1)
        #expect(report.counts.filesUnchanged == 4)
        #expect(try box.count("SELECT count(DISTINCT content_sha256) FROM dim_document") == 5)
        #expect(
            try box.count(
                "SELECT count(*) FROM fact_quantity q JOIN dim_document d USING (document_id) WHERE d.source_path != '\(names[1])'"
            ) == otherFacts)
        #expect(try box.count("SELECT count(*) FROM fact_quantity WHERE surface = '3500万元' AND value = 35000000") == 1)
        // The search index follows: no paragraph row without its FTS row and vice versa.
        #expect(
            try box.count("SELECT count(*) FROM search_paragraph") == box.count("SELECT count(*) FROM doc_paragraph"))
    }

    /// A reload trusts size + modification time and does not re-read such files; --rehash does.
    @Test func reloadSkipsFilesWhoseSizeAndMtimeMatchUnlessRehashing() throws {
        let box = try Sandbox()
        _ = try box.load()
        let names = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()
        let target = box.drop.appending(path: names[0])
        let stamp = box.dir.appending(path: "stamp")
        try Data().write(to: stamp)
        func touch(_ args: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/touch")
            process.arguments = args
            try process.run()
            process.waitUntilExit()
        }
        try touch(["-r", target.path, stamp.path])  // remember the exact mtime
        var bytes = try Data(contentsOf: target)
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try bytes.write(to: target)  // same size, other content
        try touch(["-r", stamp.path, target.path])  // and the old mtime back
        #expect(try box.count("SELECT count(*) FROM etl_file WHERE modified_ns IS NULL") == 0)

        let trusting = try box.load()
        #expect(trusting.counts.filesUnchanged == 5 && trusting.counts.filesLoaded == 0)

        var options = LoadOptions(folder: box.drop.path)
        options.rehash = true
        let rehashed = try Loader(warehouse: Warehouse(path: box.db), version: "test").load(options)
        #expect(rehashed.counts.filesLoaded == 1 && rehashed.counts.filesReplaced == 1)
    }

    @Test func pruneRemovesDocumentsOfDeletedFiles() throws {
        let box = try Sandbox()
        _ = try box.load()
        let names = try FileManager.default.contentsOfDirectory(atPath: box.drop.path).sorted()
        try FileManager.default.removeItem(at: box.drop.appending(path: names[0]))
        let kept = try box.load()
        #expect(kept.counts.filesPruned == 0)
        #expect(try box.count("SELECT count(DISTINCT content_sha256) FROM dim_document") == 5)
        let pruned = try box.load(prune: true)
        #expect(pruned.counts.filesPruned == 1)
        #expect(try box.count("SELECT count(DISTINCT content_sha256) FROM dim_document") == 4)
        #expect(try box.count("SELECT count(*) FROM etl_file WHERE status = 'pruned'") == 1)
    }

    @Test(arguments: [
        ("新建校舍4万平方米", "新建 建校 校舍 舍 4 万平 平方 方米 米"),
        ("学", "学"),
        ("ＡＢ12元", "ab12 元"),
        ("校，舍", "校 舍"),
    ])
    func searchTokensArePairsPlusEachRunsLastCharacter(text: String, grams: String) {
        #expect(SearchTokens(text).grams == grams)
    }

    /// The tokens, built from UTF-8 bytes for speed, equal those of a plain scalar-by-scalar
    /// reading on every line of the bundled reports and on mixed and astral text.
    @Test func searchTokensMatchAScalarByScalarReading() throws {
        func reference(_ text: String) -> String {
            var tokens: [String] = []
            var previous: Unicode.Scalar?
            var word = ""
            for scalar in text.unicodeScalars {
                if SearchTokens.isCJK(scalar.value) {
                    if !word.isEmpty {
                        tokens.append(word)
                        word = ""
                    }
                    if let previous { tokens.append(String(previous) + String(scalar)) }
                    previous = scalar
                } else if let folded = SearchTokens.foldedAlphanumeric(scalar.value) {
                    if let last = previous {
                        tokens.append(String(last))
                        previous = nil
                    }
                    word.unicodeScalars.append(Unicode.Scalar(folded))
                } else {
                    if let last = previous {
                        tokens.append(String(last))
                        previous = nil
                    }
                    if !word.isEmpty {
                        tokens.append(word)
                        word = ""
                    }
                }
            }
            if let previous { tokens.append(String(previous)) }
            if !word.isEmpty { tokens.append(word) }
            return tokens.joined(separator: " ")
        }
        // Also the densest outputs for the buffer the tokens are built in: long CJK runs of 3- and
        // 4-byte characters, one-letter words, and everything alternating.
        var lines: [String] = [
            "", " ", "a", "〇", "𠀀𪚥学校", "é校Ｚ9ｚ—ab 校", "2021年GDP增长6.5%", "ＡＢ１２元，共计ｘ所",
            String(repeating: "教育", count: 300), String(repeating: "𠀀𪚥", count: 300),
            String(repeating: "a,", count: 300), String(repeating: "校a", count: 300),
            String(repeating: "𠀀a", count: 300),
        ]
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.imports.path).sorted() {
            let text = try String(contentsOf: PackagePaths.imports.appending(path: name), encoding: .utf8)
            lines += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        for line in lines {
            #expect(SearchTokens(line).grams == reference(line), "\(line.prefix(20))")
        }
        #expect(lines.count > 150)
    }

    @Test func documentIDIsStableAndCarriesTheIndex() {
        let sha = "2aee6a9319702955aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        #expect(Warehouse.documentID(sha256: sha, index: 3) & 0xff == 3)
        #expect(Warehouse.documentID(sha256: sha, index: 1) == Warehouse.documentID(sha256: sha, index: 1))
        #expect(
            Warehouse.documentID(sha256: sha, index: 1) != Warehouse.documentID(sha256: "f" + sha.dropFirst(), index: 1)
        )
    }
}
