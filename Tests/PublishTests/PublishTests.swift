import EduwhCore
import Foundation
import Pipeline
import Publish
import TestSupport
import Testing
import Warehouse

/// Publishing to PostgreSQL and exporting to CSV/Parquet from a warehouse loaded with the seeds.
@Suite(.serialized) struct PublishTests {
    static func loadedWarehouse() throws -> (Warehouse, URL) {
        let dir = FileManager.default.temporaryDirectory.appending(path: "eduwh-pub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appending(path: "w.sqlite").path
        _ = try Loader(warehouse: Warehouse(path: db), version: "test").load(folder: PackagePaths.imports.path)
        return (try Warehouse(path: db, readOnly: true), dir)
    }

    /// A throw-away PostgreSQL cluster from scripts/pg-throwaway, or nil when the server is not installed.
    static func startPostgres() -> (url: String, dir: String)? {
        let script = PackagePaths.root.appending(path: "scripts/pg-throwaway").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["start"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let url = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let host = url.split(separator: "host=").last?.split(separator: "&").first else { return nil }
        return (url, String(host))
    }

    static func stopPostgres(_ dir: String) {
        let process = Process()
        process.executableURL = PackagePaths.root.appending(path: "scripts/pg-throwaway")
        process.arguments = ["stop", dir]
        try? process.run()
        process.waitUntilExit()
    }

    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-At", "-d", url, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readToEndRetrying()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func csvExportWritesEveryTableWithItsRowCount() throws {
        let (warehouse, dir) = try Self.loadedWarehouse()
        let out = dir.appending(path: "csv").path
        let manifest = try ColumnarExporter(warehouse: warehouse).export(format: .csv, to: out)
        #expect(manifest.tables.map(\.name) == Warehouse.portableTables)
        for table in manifest.tables {
            let text = try String(contentsOfFile: "\(out)/\(table.path)", encoding: .utf8)
            // Rows may span lines (quoted newlines in body text), so count records via the manifest's own count.
            let expected = try warehouse.query("SELECT count(*) FROM \(table.name)").rows.first?.first?.text
            #expect(String(table.rows) == expected, "\(table.name)")
            #expect(text.hasPrefix("\"" + (table.columns.first?.name ?? "")))
        }
        let decoded = try JSONDecoder().decode(
            ExportManifest.self, from: Data(contentsOf: URL(fileURLWithPath: "\(out)/manifest.json")))
        #expect(decoded.tables.count == Warehouse.portableTables.count)
    }

    /// DuckDB (the `duckdb` Python module or CLI) writes and reads the Parquet; without it the
    /// test is reported as skipped, not passed.
    static let duckDBInstalled = (try? DuckDBRunner.find()) != nil

    /// A PostgreSQL client and server for a throw-away cluster (scripts/pg-throwaway).
    static let postgresInstalled =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/psql")
        && ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).contains {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }

    // Skipped (and reported so) when DuckDB is absent: pip install duckdb.
    @Test(
        .enabled(
            if: duckDBInstalled, "DuckDB not installed (pip install duckdb); scripts/scale-check runs this for real"))
    func parquetExportReadsBackInDuckDB() throws {
        let duck = try DuckDBRunner.find()
        let (warehouse, dir) = try Self.loadedWarehouse()
        let out = dir.appending(path: "parquet").path
        try ColumnarExporter(warehouse: warehouse).export(format: .parquet, to: out)
        let sqliteCount = try warehouse.query("SELECT count(*), sum(value) FROM fact_quantity").rows[0].map(\.text)
        let duckCount = try duck.run(
            "SELECT count(*), sum(value) FROM read_parquet('\(out)/fact_quantity/*/*.parquet', hive_partitioning = true);\n"
        )
        .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map(String.init)
        #expect(duckCount.first == sqliteCount.first)
        // Sums of doubles may differ in the last bits between engines (summation order).
        let duckSum = Double(duckCount.last ?? "") ?? .nan
        let sqliteSum = Double(sqliteCount.last ?? "") ?? .nan
        #expect(abs(duckSum - sqliteSum) <= 1e-9 * max(1, abs(sqliteSum)))
    }

    // Skipped (and reported so) when PostgreSQL is absent: apt-get install -y postgresql.
    @Test(
        .enabled(
            if: postgresInstalled,
            "no PostgreSQL server (apt-get install -y postgresql); scripts/scale-check runs this for real"))
    func publishToPostgresIsIncrementalAndIdempotent() throws {
        let server = try #require(
            Self.startPostgres(), "scripts/pg-throwaway start failed although PostgreSQL is installed")
        defer { Self.stopPostgres(server.dir) }
        let (warehouse, dir) = try Self.loadedWarehouse()
        let first = try PostgresPublisher(warehouse: warehouse, url: server.url).publish()
        #expect(first.createdSchema && first.documentsAdded == 8)  // 5 seeds, 002 holds 4 glued reports
        let counts =
            "SELECT (SELECT count(*) FROM dim_document) || '/' || (SELECT count(*) FROM fact_quantity) || '/' || (SELECT count(*) FROM doc_line)"
        let lite = try warehouse.query(counts).rows[0][0].text
        #expect(try Self.psql(server.url, counts) == lite)
        // Unchanged warehouse: nothing written.
        let second = try PostgresPublisher(warehouse: warehouse, url: server.url).publish()
        #expect(!second.wroteAnything)
        #expect(try Self.psql(server.url, "SELECT count(*) FROM etl_publish") == "1")
        // One file changed: exactly its document moves.
        let drop = dir.appending(path: "drop")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.imports.path) {
            try FileManager.default.copyItem(
                at: PackagePaths.imports.appending(path: name), to: drop.appending(path: name))
        }
        let writable = try Warehouse(path: warehouse.path)
        _ = try Loader(warehouse: writable, version: "test").load(folder: drop.path)
        let changed = drop.appending(path: "000_2aee6a9319702955.txt")
        try (String(contentsOf: changed, encoding: .utf8) + "\n全年投入资金3500万元。\n").write(
            to: changed, atomically: true, encoding: .utf8)
        _ = try Loader(warehouse: writable, version: "test").load(folder: drop.path)
        let third = try PostgresPublisher(warehouse: writable, url: server.url).publish()
        #expect(third.documentsAdded == 1 && third.documentsRemoved == 1)
        #expect(try Self.psql(server.url, counts) == writable.query(counts).rows[0][0].text)
        #expect(try Self.psql(server.url, "SELECT count(*) FROM fact_quantity WHERE surface = '3500万元'") == "1")
    }
}
