import EduwhCore
import Foundation
import Warehouse

/// What one publish wrote.
public struct PublishReport: Sendable, Hashable {
    public var createdSchema = false
    public var documentsAdded = 0
    public var documentsRemoved = 0
    /// False when the PostgreSQL copy was already current and nothing was written.
    public var wroteAnything = false
    public var seconds = 0.0
}

/// Publishes the warehouse's star schema into PostgreSQL through `psql` and `COPY`.
///
/// One transaction per publish; idempotent and incremental: documents are keyed by content-derived
/// ids, so only documents added or removed since the last publish move; small tables (runs, files,
/// rejects, sites, units, indicators) are upserted; an unchanged warehouse writes nothing.
///
/// ```swift
/// let report = try PostgresPublisher(warehouse: w, url: "postgresql:///eduwh?host=/tmp").publish()
/// ```
public struct PostgresPublisher {
    public var warehouse: Warehouse
    /// A libpq connection string or URL (`postgresql://user@host/db`, `host=/tmp dbname=eduwh`).
    public var url: String

    public init(warehouse: Warehouse, url: String) {
        self.warehouse = warehouse
        self.url = url
    }

    /// Tables whose rows hang off a document (deleted with it by ON DELETE CASCADE).
    /// doc_paragraph is a view of doc_line (schema version 7), there as here.
    static let documentTables = ["fact_quantity", "fact_year_mention", "fact_place_mention", "doc_line"]
    /// Small tables upserted by primary key on every publish that writes.
    static let upsertTables = ["etl_run", "dim_site", "dim_indicator", "dim_unit"]
    /// Tables replaced whole (nothing references them).
    static let replaceTables = ["etl_warehouse", "etl_file", "etl_reject"]
    /// Static dimensions copied once, when the schema is created.
    static let staticTables = ["dim_region", "dim_year"]

    /// The publish history (PostgreSQL only): one row per publish that wrote something.
    static let publishHistoryTable = """
        -- Publish history (PostgreSQL only): one row per publish that wrote something.
        CREATE TABLE etl_publish (
            publish_id BIGSERIAL PRIMARY KEY,
            published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            warehouse_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            documents_added BIGINT NOT NULL,
            documents_removed BIGINT NOT NULL
        );

        """

    public func publish() throws -> PublishReport {
        let start = Date()
        guard let psql = ExternalTool.find("psql") else {
            throw PublishError.missingTool(name: "psql", install: "apt-get install -y postgresql-client")
        }
        var report = PublishReport()
        let base = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url]
        let exists =
            try psql.run(base + ["-At", "-c", "SELECT to_regclass('public.etl_publish') IS NOT NULL"])
            .trimmingCharacters(in: .whitespacesAndNewlines) == "t"
        report.createdSchema = !exists

        let liteDocs = Set(
            try warehouse.query("SELECT document_id FROM dim_document").rows.compactMap { row -> Int64? in
                if case .integer(let id) = row.first { return id }
                return nil
            })
        var pgDocs = Set<Int64>()
        var lastFingerprint = ""
        if exists {
            try checkColumns(psql: psql, base: base)
            pgDocs = Set(
                try psql.run(base + ["-At", "-c", "SELECT document_id FROM dim_document"]).split(separator: "\n")
                    .compactMap { Int64($0) })
            lastFingerprint = try psql.run(
                base + ["-At", "-c", "SELECT fingerprint FROM etl_publish ORDER BY publish_id DESC LIMIT 1"]
            )
            .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let added = liteDocs.subtracting(pgDocs).sorted()
        let removed = pgDocs.subtracting(liteDocs).sorted()
        let fingerprint = try smallTablesFingerprint()
        if exists, added.isEmpty, removed.isEmpty, fingerprint == lastFingerprint {
            report.seconds = Date().timeIntervalSince(start)
            return report
        }

        let scriptURL = FileManager.default.temporaryDirectory.appending(path: "eduwh-publish-\(UUID().uuidString).sql")
        _ = FileManager.default.createFile(atPath: scriptURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: scriptURL) }
        guard let script = FileHandle(forWritingAtPath: scriptURL.path) else {
            throw PublishError.io(path: scriptURL.path, message: "cannot write the publish script")
        }
        func emit(_ text: String) { script.write(Data(text.utf8)) }

        emit("SET client_min_messages = warning;\n")
        if !exists {
            emit(PostgresSchema.current)
            emit(Self.publishHistoryTable)
            for table in Self.staticTables {
                try copy(table: table, whereSQL: nil, into: table, emit: emit, handle: script)
            }
        }
        for table in Self.upsertTables {
            let columns = try warehouse.columns(of: table).map(\.name)
            emit("CREATE TEMP TABLE tmp_\(table) (LIKE \(table) INCLUDING DEFAULTS) ON COMMIT DROP;\n")
            try copy(table: table, whereSQL: nil, into: "tmp_\(table)", emit: emit, handle: script)
            let updates = columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
            emit(
                "INSERT INTO \(table) SELECT * FROM tmp_\(table) ON CONFLICT (\(columns[0])) DO UPDATE SET \(updates);\n"
            )
        }
        if !removed.isEmpty {
            emit("CREATE TEMP TABLE tmp_removed (document_id BIGINT PRIMARY KEY) ON COMMIT DROP;\n")
            emit("COPY tmp_removed FROM STDIN;\n" + removed.map(String.init).joined(separator: "\n") + "\n\\.\n")
            emit("DELETE FROM dim_document WHERE document_id IN (SELECT document_id FROM tmp_removed);\n")
        }
        if !added.isEmpty {
            let idList = "[" + added.map(String.init).joined(separator: ",") + "]"
            let filter = "document_id IN (SELECT value FROM json_each(?))"
            try copy(
                table: "dim_document", whereSQL: filter, arguments: [idList], into: "dim_document", emit: emit,
                handle: script)
            for table in Self.documentTables {
                try copy(table: table, whereSQL: filter, arguments: [idList], into: table, emit: emit, handle: script)
            }
        }
        for table in Self.replaceTables {
            emit("DELETE FROM \(table);\n")
            try copy(table: table, whereSQL: nil, into: table, emit: emit, handle: script)
        }
        let warehouseID = try warehouse.warehouseID()
        emit(
            "INSERT INTO etl_publish (warehouse_id, fingerprint, documents_added, documents_removed) VALUES ('\(warehouseID)', '\(fingerprint)', \(added.count), \(removed.count));\n"
        )
        try script.close()

        try psql.run(base + ["--single-transaction", "-f", scriptURL.path])
        report.documentsAdded = added.count
        report.documentsRemoved = removed.count
        report.wroteAnything = true
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Refuses to publish into tables of another schema version (a COPY would fail halfway
    /// through the script, or worse, load columns into the wrong place): every table publish
    /// writes must have the same columns, in order, there as here.
    private func checkColumns(psql: ExternalTool, base: [String]) throws {
        let tables = Self.documentTables + Self.upsertTables + Self.replaceTables + Self.staticTables + ["dim_document"]
        let listed = try psql.run(
            base + [
                "-At", "-F", "\t", "-c",
                """
                SELECT table_name, string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
                WHERE table_schema = 'public' GROUP BY table_name
                """,
            ])
        var target: [String: [String]] = [:]
        for line in listed.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { target[String(parts[0])] = parts[1].split(separator: ",").map(String.init) }
        }
        for table in tables {
            let here = try warehouse.columns(of: table).map(\.name)
            let there = target[table] ?? []
            if here != there { throw PublishError.schemaDrift(table: table, target: there, warehouse: here) }
        }
    }

    /// Emits `COPY target (columns) FROM STDIN CSV HEADER` followed by the rows of `table`.
    private func copy(
        table: String, whereSQL: String?, arguments: [String] = [], into target: String, emit: (String) -> Void,
        handle: FileHandle
    ) throws {
        let columns = try warehouse.columns(of: table).map(\.name)
        emit("COPY \(target) (\(columns.joined(separator: ", "))) FROM STDIN WITH (FORMAT csv, HEADER true);\n")
        let sql =
            "SELECT \(columns.joined(separator: ", ")) FROM \(table)" + (whereSQL.map { " WHERE \($0)" } ?? "")
            + " ORDER BY 1"
        try warehouse.writeCSV(sql, arguments: arguments, to: handle)
        emit("\\.\n")
    }

    /// SHA-256 over the small tables' contents: equal fingerprints mean nothing to upsert.
    private func smallTablesFingerprint() throws -> String {
        var text = ""
        for table in Self.upsertTables + Self.replaceTables {
            for row in try warehouse.query("SELECT * FROM \(table) ORDER BY 1").rows {
                text += row.map(\.text).joined(separator: "\u{1F}") + "\n"
            }
            text += "\u{1E}\(table)\n"
        }
        return SHA256Digest.hex(of: Array(text.utf8))
    }
}
