import EduwhCore
import Foundation
import GRDB
import Pipeline
import TestSupport
import Testing
import Warehouse

/// Issue #20: what an operator's machine or an attacker's input does to a load or a query.
/// Every case ends with its documented exit code, never a signal; tests that need root (tmpfs
/// mounts, another user's permissions) are skipped with the reason when it is missing.
@Suite(.serialized) struct HardeningTests {
    static let isRoot = getuid() == 0

    /// Whether this machine lets the tests mount a tmpfs (root in a container that allows it).
    static let canMountTmpfs: Bool = {
        guard isRoot else { return false }
        let probe = FileManager.default.temporaryDirectory.appending(path: "eduwh-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard shell("mount -t tmpfs -o size=1m tmpfs '\(probe)'").status == 0 else { return false }
        _ = shell("umount '\(probe)'")
        return true
    }()

    /// Whether `setpriv` can run eduwh as the unprivileged user nobody.
    static let canDropPrivileges = isRoot && shell("command -v setpriv").status == 0

    @discardableResult
    static func shell(_ command: String) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs eduwh (optionally as nobody); a signal shows as 128 + its number, like a shell.
    static func eduwh(_ arguments: [String], asNobody: Bool = false) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        guard let binary = PackagePaths.eduwhBinary else { throw HelpTests.CLIError.binaryMissing }
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        // stderr goes to a file: a load's JSON log fills a pipe that nobody reads yet.
        let out = Pipe()
        let errorPath = FileManager.default.temporaryDirectory.appending(path: "eduwh-stderr-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        try err.close()
        let stderr = FileManager.default.contents(atPath: errorPath) ?? Data()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// JSON log lines of a load's stderr, each parsed (a line that is not JSON fails the test).
    static func events(_ stderr: String) -> [[String: Any]] {
        stderr.split(separator: "\n").map { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON line: \(line)")
            return object ?? [:]
        }
    }

    static func count(_ db: String, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    // MARK: - 1, 7: a full disk stops the load with 74 and a summary; nothing is "rejected"

    @Test(.enabled(if: canMountTmpfs, "needs root and tmpfs mounts to fill a real disk"))
    func fullDiskExits74WithSummaryAndWarehouseStillLoads() throws {
        let drop = try LoadCommandTests.dropFolder(copies: 60)
        let mount = drop.deletingLastPathComponent().appending(path: "disk").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=1m tmpfs '\(mount)'").status == 0)
        defer { Self.shell("umount '\(mount)'") }
        let db = mount + "/w.sqlite"
        let full = try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        #expect(full.status == 74, "\(full.stderr.suffix(400))")
        let events = Self.events(full.stderr)
        #expect(!events.contains { $0["event"] as? String == "rejected" }, "a full disk is not a file's fault")
        let summary = events.last { $0["event"] as? String == "summary" }
        #expect(summary?["status"] as? String == "failed")
        #expect(summary?["exit_code"] as? Int == 74)
        // More room: the same warehouse takes the whole load.
        #expect(Self.shell("mount -o remount,size=64m '\(mount)'").status == 0)
        let again = try Self.eduwh(["load", drop.path, "--db", db, "--quiet"])
        #expect(again.status == 0, "\(again.stderr.suffix(400))")
        #expect(try Self.count(db, "SELECT count(*) FROM etl_file WHERE status = 'loaded'") == 300)
    }

    @Test func fullDatabaseInjectedStopsTheLoaderWithoutRejectingFiles() throws {
        // The same fault without a mount: SQLite's page limit answers SQLITE_FULL like a full disk.
        let drop = try LoadCommandTests.dropFolder(copies: 20)
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        let warehouse = try Warehouse(path: db)
        let pages = try warehouse.dbQueue.read { try Int.fetchOne($0, sql: "PRAGMA page_count") ?? 0 }
        try warehouse.dbQueue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = \(pages + 30)") }
        var options = LoadOptions(folder: drop.path)
        options.batchSize = 8
        var rejected = 0
        #expect {
            _ = try Loader(warehouse: warehouse, version: "test").load(options) { event in
                if case .rejected = event { rejected += 1 }
            }
        } throws: { error in
            guard let failure = error as? LoadFailure else { return false }
            return failure.isEnvironmental && failure.report.status == "failed"
        }
        #expect(rejected == 0)
        #expect(try Self.count(db, "SELECT count(*) FROM etl_reject") == 0)
        #expect(try Self.count(db, "SELECT count(*) FROM etl_run WHERE status = 'failed'") == 1)
        // Committed files are whole: every loaded file has its documents.
        #expect(
            try Self.count(
                db,
                "SELECT count(*) FROM etl_file f WHERE status = 'loaded' AND NOT EXISTS (SELECT 1 FROM dim_document d WHERE d.content_sha256 = f.content_sha256)"
            ) == 0)
        let reopened = try Loader(warehouse: Warehouse(path: db), version: "test").load(options)
        #expect(reopened.counts.filesRejected == 0)
    }

    // MARK: - 1, 6: a reader holding a transaction as the first load begins

    @Test func readerHoldingATransactionDoesNotStopTheFirstLoad() throws {
        let drop = try LoadCommandTests.dropFolder(copies: 3)
        let empty = drop.deletingLastPathComponent().appending(path: "empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        #expect(try Self.eduwh(["load", empty.path, "--db", db, "--quiet"]).status == 0)
        // A reader in the middle of a read transaction, for the whole load.
        let reader = try DatabaseQueue(path: db)
        let load = try reader.read { connection -> (status: Int32, stdout: String, stderr: String) in
            _ = try Int.fetchOne(connection, sql: "SELECT count(*) FROM dim_document")
            return try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        }
        #expect(load.status == 0, "\(load.stderr.suffix(400))")
        #expect(try Self.count(db, "SELECT count(*) FROM etl_file WHERE status = 'loaded'") == 15)
    }

    // MARK: - Lock file that cannot be opened

    @Test func lockFileThatCannotBeOpenedExits74WithSummary() throws {
        let drop = try LoadCommandTests.dropFolder()
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        try FileManager.default.createDirectory(atPath: db + ".lock", withIntermediateDirectories: true)
        let load = try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        #expect(load.status == 74)
        #expect(Self.events(load.stderr).last?["event"] as? String == "summary")
    }

    // MARK: - 3: symbolic links that leave the drop folder

    @Test func symlinkOutsideTheDropFolderIsRejectedNotRead() throws {
        let drop = try LoadCommandTests.dropFolder()
        let outside = drop.deletingLastPathComponent().appending(path: "secret.txt")
        try "机密文件:教育局内部资料,全年投入资金9999万元。".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: drop.appending(path: "x.txt").path, withDestinationPath: outside.path)
        // A link inside the folder to a file inside it is fine.
        try FileManager.default.createSymbolicLink(
            atPath: drop.appending(path: "alias.txt").path, withDestinationPath: "0-000_2aee6a9319702955.txt")
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        let load = try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--log-format", "json"])
        #expect(load.status == 3)
        let rejected = Self.events(load.stderr).filter { $0["event"] as? String == "rejected" }
        #expect(rejected.map { $0["path"] as? String } == ["x.txt"])
        #expect(rejected.first?["reason"] as? String == "outside_drop_folder")
        #expect(try Self.count(db, "SELECT count(*) FROM dim_document WHERE body_text LIKE '%机密%'") == 0)
        // Only with the explicit flag.
        let followed = try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--follow-symlinks"])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(try Self.count(db, "SELECT count(*) FROM dim_document WHERE body_text LIKE '%机密%'") == 1)
    }

    // MARK: - 4: an unreadable or empty drop folder never prunes the warehouse

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv to run eduwh as a user the folder shuts out"))
    func unreadableSubfolderExits74AndPrunesNothing() throws {
        let drop = try LoadCommandTests.dropFolder()
        let base = drop.deletingLastPathComponent()
        let sub = drop.appending(path: "sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: drop.appending(path: "0-000_2aee6a9319702955.txt"), to: sub.appending(path: "a.txt"))
        let db = base.appending(path: "w.sqlite").path
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        Self.shell(
            "chmod 777 '\(base.path)' '\(drop.path)'; chmod 666 '\(db)'*; chmod -R a+r '\(drop.path)'; chmod 000 '\(sub.path)'"
        )
        defer { chmod(sub.path, 0o755) }
        for arguments in [["--prune"], ["--prune", "--force-prune"]] {
            let load = try Self.eduwh(["load", drop.path, "--db", db, "--quiet"] + arguments, asNobody: true)
            #expect(load.status == 74, "\(load.stderr)")
            #expect(load.stderr.contains("sub"))
        }
        chmod(drop.path, 0o000)
        let top = try Self.eduwh(
            ["load", drop.path, "--db", db, "--quiet", "--prune", "--force-prune"], asNobody: true)
        chmod(drop.path, 0o777)
        #expect(top.status == 74, "\(top.stderr)")
        #expect(try Self.count(db, "SELECT count(*) FROM dim_document") == 8)
    }

    @Test func emptyDropFolderWithPruneDeletesNothingUnlessForced() throws {
        let drop = try LoadCommandTests.dropFolder()
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        let unmounted = drop.deletingLastPathComponent().appending(path: "unmounted")
        try FileManager.default.createDirectory(at: unmounted, withIntermediateDirectories: true)
        let refused = try Self.eduwh(["load", unmounted.path, "--db", db, "--quiet", "--prune"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("--prune refused"))
        #expect(try Self.count(db, "SELECT count(*) FROM dim_document") == 8)
        // One file of five gone is 20%: allowed with a larger --prune-max.
        try FileManager.default.removeItem(at: drop.appending(path: "0-000_2aee6a9319702955.txt"))
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--prune"]).status == 65)
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet", "--prune", "--prune-max", "25"]).status == 0)
        #expect(try Self.count(db, "SELECT count(*) FROM dim_document") == 7)
        #expect(
            try Self.eduwh(["load", unmounted.path, "--db", db, "--quiet", "--prune", "--force-prune"]).status == 0)
        #expect(try Self.count(db, "SELECT count(*) FROM dim_document") == 0)
    }

    // MARK: - 5: the lock follows the warehouse's real path

    @Test func lockIsKeyedByTheRealPath() throws {
        let drop = try LoadCommandTests.dropFolder()
        let base = drop.deletingLastPathComponent()
        let db = base.appending(path: "w.sqlite").path
        let link = base.appending(path: "link.sqlite").path
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "w.sqlite")
        let held = try LoadLock.acquire(warehousePath: db, waitSeconds: 0)
        defer { held.release() }
        let second = try Self.eduwh(["load", drop.path, "--db", link, "--quiet"])
        #expect(second.status == 75, "\(second.stderr)")
        #expect(LoadLock.realPath(of: link) == LoadLock.realPath(of: db))
    }

    // MARK: - 2: queries cannot reach dangerous functions; 8: time and length limits

    static func loadedCopy() throws -> String {
        let drop = try LoadCommandTests.dropFolder()
        let db = drop.deletingLastPathComponent().appending(path: "w.sqlite").path
        let load = try eduwh(["load", drop.path, "--db", db, "--quiet"])
        #expect(load.status == 0, "\(load.stderr)")
        return db
    }

    @Test(arguments: [
        "SELECT hex(fts3_tokenizer('simple'))",
        "SELECT fts3_tokenizer('evil', x'4141414141414141')",
        "SELECT fts3_tokenizer('evil', :p)",
        "SELECT load_extension('/tmp/evil.so')",
        "ATTACH DATABASE '/etc/passwd' AS x; SELECT 1",
        "PRAGMA writable_schema = ON",
    ])
    func dangerousSQLIsRefusedWithoutCrash(sql: String) throws {
        let db = try Self.loadedCopy()
        let parameters = sql.contains(":p") ? ["-p", "p", "AAAAAAAA"] : []
        for write in [false, true] {
            let run = try Self.eduwh(["sql", sql, "--db", db] + parameters + (write ? ["--write"] : []))
            #expect(run.status == 65, "\(sql) --write \(write): \(run.status) \(run.stderr)")
            #expect(!run.stdout.contains("0x"), "no address printed")
        }
        // The tokenizer was never registered: a table using it cannot be made.
        let table = try Self.eduwh([
            "sql", "CREATE VIRTUAL TABLE temp.t USING fts3(tokenize=evil); SELECT 1", "--db", db,
        ])
        #expect(table.status == 65)
    }

    @Test func aLongQueryIsStoppedByItsTimeout() throws {
        let db = try Self.loadedCopy()
        let run = try Self.eduwh([
            "sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
            "--db", db, "--timeout", "0.5",
        ])
        #expect(run.status == 65)
        #expect(run.stderr.contains("time limit"))
    }

    @Test func aThousandCharacterSearchIsRefusedAtOnce() throws {
        let db = try Self.loadedCopy()
        let run = try Self.eduwh(["search", String(repeating: "教育", count: 500), "--db", db])
        #expect(run.status == 64)
        let longest = try Self.eduwh(["search", String(repeating: "教育", count: SearchQuery.maxLength / 2), "--db", db])
        #expect(longest.status == 0, "\(longest.stderr)")
    }

    // MARK: - 13: read-only media

    @Test(.enabled(if: canMountTmpfs, "needs root and tmpfs mounts to make read-only media"))
    func warehouseOnReadOnlyMediaCanBeQueried() throws {
        let drop = try LoadCommandTests.dropFolder()
        let mount = drop.deletingLastPathComponent().appending(path: "media").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=16m tmpfs '\(mount)'").status == 0)
        defer { Self.shell("umount '\(mount)'") }
        let db = mount + "/w.sqlite"
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        #expect(Self.shell("mount -o remount,ro '\(mount)'").status == 0)
        let sql = try Self.eduwh(["sql", "SELECT count(*) FROM dim_document", "--db", db, "--raw"])
        #expect(sql.status == 0, "\(sql.stderr)")
        #expect(sql.stdout == "8\n")
        #expect(try Self.eduwh(["search", "校舍", "--db", db]).status == 0)
        let check = try Self.eduwh(["check", "--db", db])
        #expect(check.status == 0, "\(check.stdout.suffix(300)) \(check.stderr)")
    }

    // MARK: - 15: an incomplete warehouse says so

    @Test func queriesOnAnIncompleteWarehouseSaySo() throws {
        let db = try Self.loadedCopy()
        // What a bulk load killed before its end leaves: no search index rows, a missing index.
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO search_paragraph (search_paragraph) VALUES ('delete-all')")
            try db.execute(sql: "DROP INDEX fact_quantity_unit_id")
        }
        try queue.close()
        let search = try Self.eduwh(["search", "校舍", "--db", db])
        #expect(search.status == 74)
        #expect(search.stderr.contains("incomplete"))
        let sql = try Self.eduwh(["sql", "SELECT count(*) FROM dim_document", "--db", db, "--raw"])
        #expect(sql.status == 0)
        #expect(sql.stderr.contains("warning") && sql.stderr.contains("incomplete"))
        #expect(try Self.eduwh(["check", "--db", db]).status == 4)
        // The next load completes it.
        let drop = URL(fileURLWithPath: db).deletingLastPathComponent().appending(path: "drop")
        #expect(try Self.eduwh(["load", drop.path, "--db", db, "--quiet"]).status == 0)
        #expect(try Self.eduwh(["search", "校舍", "--db", db]).status == 0)
        #expect(try Self.eduwh(["check", "--db", db]).status == 0)
    }

    // MARK: - 16: integrity check, foreign files untouched

    @Test func checkFindsCorruptPages() throws {
        let db = try Self.loadedCopy()
        #expect(try Self.eduwh(["check", "--db", db]).status == 0)
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        let size = try handle.seekToEnd()
        // Garble the middle of the file (whole pages of table b-trees), not its header.
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 40_000))
        try handle.close()
        let check = try Self.eduwh(["check", "--db", db])
        #expect(check.status == 4 || check.status == 74, "\(check.status) \(check.stderr)")
        #expect(check.status < 128)
        #expect(check.stdout.contains("FAIL\tintegrity_quick_check") || check.status == 74)
    }

    @Test func foreignFilesAreRefusedByteForByte() throws {
        let folder = try TemporaryFolder()
        let drop = try LoadCommandTests.dropFolder()
        // Another program's database in DELETE journal mode, and a file that is not SQLite.
        let other = folder.path + "/other.sqlite"
        let queue = try DatabaseQueue(path: other)
        try queue.write {
            try $0.execute(
                sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')")
        }
        try queue.close()
        let versioned = folder.path + "/versioned.sqlite"
        let second = try DatabaseQueue(path: versioned)
        try second.write { try $0.execute(sql: "PRAGMA user_version = 3") }
        try second.close()
        let text = try folder.write("notes.sqlite", text: "not a database at all\n")
        for path in [other, versioned, text] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let load = try Self.eduwh(["load", drop.path, "--db", path, "--quiet"])
            #expect(load.status == 74, "\(path): \(load.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(path) changed")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    // MARK: - 9, 10, 12 and a file with no body: one bad file never fails the data tests

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: PackagePaths.imports.appending(path: name), encoding: .utf8)
    }

    @Test func implausibleNumbersAreDroppedWithAReason() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        try folder.write(
            "drop/big.txt",
            text: Self.seed("000_2aee6a9319702955.txt")
                + "\n全年投入资金" + String(repeating: "9", count: 5000) + "万元,新建校舍" + String(repeating: "1", count: 400)
                + "平方米。\n")
        let db = folder.path + "/w.sqlite"
        let load = try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet", "--log-format", "json"])
        #expect(load.status == 0, "\(load.stderr.suffix(500))")
        let loaded = Self.events(load.stderr).first { $0["event"] as? String == "loaded" }
        #expect((loaded?["notes"] as? String)?.contains("quantity dropped") == true)
        #expect(
            try Self.count(
                db,
                "SELECT count(*) FROM fact_quantity WHERE value > 1e15 OR value IS NULL AND qualifier != 'placeholder'")
                == 0)
        #expect(try Self.eduwh(["check", "--db", db]).status == 0)
    }

    @Test func fileWithMoreThan256GluedReportsLoads() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        // The seed with four glued reports, 80 times over: 320 reports in one file. Each copy's
        // paragraphs carry its number: a word-for-word copy of a paragraph above is the page
        // printing it twice (Clean's `printed-twice`), not another report.
        let seed = try Self.seed("002_f1a6d74b7d48969e.txt")
        let copies = (1...80).map { k in
            seed.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.count >= 30 ? "\($0)（第\(k)份）" : String($0) }.joined(separator: "\n")
        }
        try folder.write("drop/glued.txt", text: copies.joined(separator: "\n"))
        let db = folder.path + "/w.sqlite"
        let load = try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet"])
        #expect(load.status == 0, "\(load.stderr.suffix(500))")
        let reports = try Self.count(db, "SELECT count(*) FROM dim_document")
        #expect(reports > 256)
        #expect(try Self.count(db, "SELECT count(DISTINCT doc_index) FROM dim_document") == reports)
        let ids = Set((1...1000).map { Warehouse.documentID(sha256: String(repeating: "ab", count: 32), index: $0) })
        #expect(ids.count == 1000)
        #expect(
            Warehouse.documentID(sha256: String(repeating: "ab", count: 32), index: 3) == 0xa_baba_baba_baba << 8 | 3)
    }

    @Test func fileCutToATitleIsRejectedAsNoBody() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        try folder.write("drop/cut.txt", bytes: Array(Array("教育".utf8).prefix(4)))
        try folder.write("drop/good.txt", text: Self.seed("001_771c83aade38c1b7.txt"))
        let db = folder.path + "/w.sqlite"
        let load = try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet", "--log-format", "json"])
        #expect(load.status == 3)
        let rejected = Self.events(load.stderr).first { $0["event"] as? String == "rejected" }
        #expect(rejected?["reason"] as? String == "no_body")
        // A later load that changes something passes its data tests.
        try folder.write("drop/more.txt", text: Self.seed("003_bdf3e9763ffc4651.txt"))
        #expect(try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet"]).status == 3)
        #expect(try Self.eduwh(["check", "--db", db]).status == 0)
    }

    @Test func nonUTF8FileNamesAreLoaded() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        // 中文 in GBK bytes: not UTF-8.
        let name = Array((folder.path + "/drop/gbk").utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array(".txt".utf8)
        let bytes = Array(try Self.seed("000_2aee6a9319702955.txt").utf8)
        let descriptor = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        close(descriptor)
        let db = folder.path + "/w.sqlite"
        let load = try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet"])
        #expect(load.status == 0, "\(load.stderr)")
        let paths = try DatabaseQueue(path: db).read {
            try String.fetchAll($0, sql: "SELECT source_path FROM etl_file")
        }
        #expect(paths == ["gbk\\xD6\\xD0\\xCE\\xC4.txt"])
        // Seen again unchanged, under the same printable path.
        let again = try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet", "--log-format", "json"])
        #expect(Self.events(again.stderr).contains { $0["event"] as? String == "unchanged" })
    }

    // MARK: - 11: the nightly log is JSON, line by line

    @Test func nightlyLogIsJSONLineByLine() throws {
        guard let binary = PackagePaths.eduwhBinary else { throw HelpTests.CLIError.binaryMissing }
        let folder = try TemporaryFolder()
        let drop = folder.path + "/dr\"op\\x"
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        try folder.write("dr\"op\\x/a.txt", text: Self.seed("000_2aee6a9319702955.txt"))
        let script = PackagePaths.root.appending(path: "scripts/nightly-load.sh").path
        func nightly(_ arguments: [String], backups: Bool = false) -> Int32 {
            let quoted = ([script] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
                .joined(separator: " ")
            return Self.shell("EDUWH_BIN='\(binary.path)' EDUWH_KEEP_BACKUPS=\(backups ? 2 : 0) \(quoted) 2>/dev/null")
                .status
        }
        let db = folder.path + "/w\"b.sqlite"
        let logs = folder.path + "/logs"
        #expect(nightly([drop, db, logs], backups: true) == 0)
        #expect(nightly([drop, db, logs], backups: true) == 0)
        #expect(nightly([drop, db, logs, "--bogus"]) == 64)
        #expect(nightly([folder.path + "/missing", db, logs]) == 74)
        #expect(nightly(["only-two", "arguments"]) == 64)
        #expect(nightly([drop, db, "/proc/no-such-log-folder"]) == 74)
        let lines = try String(contentsOfFile: logs + "/eduwh-load.log", encoding: .utf8).split(separator: "\n")
        let events = Self.events(lines.joined(separator: "\n"))
        #expect(events.count == lines.count)
        let exits = events.filter { $0["event"] as? String == "nightly_exit" }
        #expect(exits.compactMap { $0["exit_code"] as? Int } == [0, 0, 64, 74])
        #expect(exits.first?["drop"] as? String == drop)
        #expect(events.contains { $0["event"] as? String == "backup" && $0["exit_code"] as? Int == 0 })
        #expect(events.contains { $0["event"] as? String == "eduwh_stderr" })
    }

    // MARK: - 14: escape sequences in scraped text never reach the terminal raw

    @Test func controlCharactersAreShownNotSentToTheTerminal() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        var lines = try Self.seed("000_2aee6a9319702955.txt").components(separatedBy: "\n")
        lines.insert("全面改善校舍条件\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m红色文本。", at: 5)
        try folder.write("drop/esc.txt", text: lines.joined(separator: "\n"))
        let db = folder.path + "/w.sqlite"
        #expect(try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet"]).status == 0)
        let outputs = [
            try Self.eduwh(["show", "esc.txt", "--db", db, "--color", "always"]).stdout,
            try Self.eduwh(["search", "改善校舍", "--db", db, "--table", "--color", "always"]).stdout,
            try Self.eduwh(["sql", "SELECT text FROM doc_line WHERE text LIKE '%改善校舍%'", "--db", db, "--table"]).stdout,
        ]
        for output in outputs {
            #expect(output.contains("␛]0;owned␇"), "\(output)")
            #expect(!output.unicodeScalars.contains { $0 == "\u{07}" || $0 == "\u{9B}" })
            // Only eduwh's own bold marks are escape sequences.
            let escapes = output.components(separatedBy: "\u{1B}").dropFirst()
            #expect(escapes.allSatisfy { $0.hasPrefix("[1m") || $0.hasPrefix("[0m") })
        }
    }

    // MARK: - 16: a huge single line is broken before Clean

    @Test func aLoadBreaksAHugeSingleLine() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        let text = try Self.seed("001_771c83aade38c1b7.txt").replacingOccurrences(of: "\n", with: "")
        try folder.write("drop/line.txt", text: String(repeating: text, count: 20))  // ~300 KB, one line
        let db = folder.path + "/w.sqlite"
        let load = try Self.eduwh(["load", folder.path + "/drop", "--db", db, "--quiet", "--log-format", "json"])
        #expect(load.status == 0, "\(load.stderr.suffix(300))")
        let loaded = Self.events(load.stderr).first { $0["event"] as? String == "loaded" }
        #expect((loaded?["notes"] as? String)?.contains("line break") == true)
        #expect(try Self.count(db, "SELECT max(length(CAST(text AS BLOB))) FROM doc_line") <= 60_000)
    }

    // MARK: - Output to a full disk or a closed pipe

    @Test(.enabled(if: canMountTmpfs, "needs root and tmpfs mounts to fill a real disk"))
    func outputToAFullDiskExits74AndAClosedPipeExitsQuietly() throws {
        let db = try Self.loadedCopy()
        let mount = URL(fileURLWithPath: db).deletingLastPathComponent().appending(path: "out").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=64k tmpfs '\(mount)'").status == 0)
        defer { Self.shell("umount '\(mount)'") }
        guard let binary = PackagePaths.eduwhBinary?.path else { throw HelpTests.CLIError.binaryMissing }
        let full = Self.shell("'\(binary)' sql 'SELECT * FROM doc_line' --db '\(db)' --tsv > '\(mount)/out.tsv'")
        #expect(full.status == 74, "\(full.output.suffix(300))")
        #expect(full.output.contains("cannot write the output"))
        let status = Self.shell(
            "bash -c \"'\(binary)' sql 'SELECT * FROM doc_line' --db '\(db)' --tsv | head -1 > /dev/null; exit \\${PIPESTATUS[0]}\""
        )
        #expect(status.status == 0, "\(status.output)")
    }
}
