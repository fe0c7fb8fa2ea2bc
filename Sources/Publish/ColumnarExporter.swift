import Foundation
import Warehouse

/// Output formats of `eduwh export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One CSV file per table (needs nothing extra).
    case csv
    /// One Parquet dataset per table, facts partitioned by year (needs DuckDB).
    case parquet
}

/// What an export wrote, per table.
public struct ExportManifest: Codable, Sendable {
    public struct Column: Codable, Sendable {
        public var name: String
        public var type: String
        public var description: String
    }

    public struct Table: Codable, Sendable {
        public var name: String
        public var rows: Int
        /// Path relative to the export folder (a file, or a folder of year partitions).
        public var path: String
        /// Hive-style partition column, when partitioned.
        public var partitionedBy: String?
        public var description: String
        public var columns: [Column]
    }

    public var format: String
    public var warehouseID: String
    public var exportedAt: String
    public var eduwhSchemaVersion: Int
    public var tables: [Table]
}

/// Exports every portable table of the warehouse as CSV or Parquet, with a `manifest.json`.
///
/// Parquet is written by DuckDB (the `duckdb` Python module or the `duckdb` CLI, from PyPI:
/// `pip install duckdb`), reading the CSV eduwh writes with the column types of schema.sql.
/// Fact tables are partitioned by year, Hive-style: `fact_quantity/year=2011/data_0.parquet`.
///
/// ```swift
/// try ColumnarExporter(warehouse: w).export(format: .parquet, to: "export/")
/// ```
public struct ColumnarExporter {
    public var warehouse: Warehouse
    /// Column and table descriptions (from schema.sql's comments), keyed by table then column ("" for the table).
    public var descriptions: [String: [String: String]]

    public init(warehouse: Warehouse, descriptions: [String: [String: String]] = [:]) {
        self.warehouse = warehouse
        self.descriptions = descriptions
    }

    /// Fact tables partitioned by their first year.
    public static let partitioned: [String: String] = ["fact_quantity": "from_year", "fact_year_mention": "from_year"]

    @discardableResult
    public func export(format: ExportFormat, to folder: String) throws -> ExportManifest {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder)
        do {
            try fm.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw PublishError.io(
                path: folder, message: "cannot create the export folder: \(error.localizedDescription)")
        }
        let converter: DuckDBRunner? = format == .parquet ? try DuckDBRunner.find() : nil
        let csvFolder =
            format == .csv ? root : fm.temporaryDirectory.appending(path: "eduwh-export-\(UUID().uuidString)")
        try? fm.createDirectory(at: csvFolder, withIntermediateDirectories: true)
        defer { if format == .parquet { try? fm.removeItem(at: csvFolder) } }

        var tables: [ExportManifest.Table] = []
        var duckScript = ""
        for table in Warehouse.portableTables {
            let columns = try warehouse.columns(of: table)
            let csvURL = csvFolder.appending(path: "\(table).csv")
            _ = fm.createFile(atPath: csvURL.path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: csvURL.path) else {
                throw PublishError.io(path: csvURL.path, message: "cannot write")
            }
            let rows = try warehouse.writeCSV(
                "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(table) ORDER BY 1", to: handle)
            try handle.close()
            var path = "\(table).csv"
            var partition: String?
            if format == .parquet {
                let types = columns.map { "'\($0.name)': '\(Self.duckType($0.type))'" }.joined(separator: ", ")
                let source =
                    "read_csv('\(Self.escape(csvURL.path))', header = true, columns = {\(types)}, quote = '\"', escape = '\"', nullstr = '', auto_detect = false)"
                if let column = Self.partitioned[table] {
                    partition = "year"
                    path = table
                    duckScript +=
                        "COPY (SELECT *, \(column) AS year FROM \(source)) TO '\(Self.escape(root.appending(path: table).path))' (FORMAT PARQUET, PARTITION_BY (year), OVERWRITE_OR_IGNORE);\n"
                } else {
                    path = "\(table).parquet"
                    duckScript +=
                        "COPY (SELECT * FROM \(source)) TO '\(Self.escape(root.appending(path: path).path))' (FORMAT PARQUET);\n"
                }
            }
            let described = descriptions[table] ?? [:]
            tables.append(
                ExportManifest.Table(
                    name: table, rows: rows, path: path, partitionedBy: partition, description: described[""] ?? "",
                    columns: columns.map { .init(name: $0.name, type: $0.type, description: described[$0.name] ?? "") })
            )
        }
        if let converter {
            for table in Self.partitioned.keys { try? fm.removeItem(at: root.appending(path: table)) }
            try converter.run(duckScript)
        }
        let formatter = ISO8601DateFormatter()
        let manifest = ExportManifest(
            format: format.rawValue, warehouseID: try warehouse.warehouseID(),
            exportedAt: formatter.string(from: Date()),
            eduwhSchemaVersion: Warehouse.schemaVersion, tables: tables)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(manifest).write(to: root.appending(path: "manifest.json"))
        return manifest
    }

    static func duckType(_ sqliteType: String) -> String {
        switch sqliteType.uppercased() {
        case "INTEGER": "BIGINT"
        case "REAL": "DOUBLE"
        default: "VARCHAR"
        }
    }

    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}

/// Runs SQL in DuckDB: the `duckdb` Python module if importable, else the `duckdb` CLI.
public struct DuckDBRunner {
    enum Kind {
        case python(ExternalTool)
        case cli(ExternalTool)
    }
    let kind: Kind

    /// Finds DuckDB or says how to install it.
    public static func find() throws -> DuckDBRunner {
        if let python = ExternalTool.find("python3"), (try? python.run(["-c", "import duckdb"])) != nil {
            return DuckDBRunner(kind: .python(python))
        }
        if let cli = ExternalTool.find("duckdb") { return DuckDBRunner(kind: .cli(cli)) }
        throw PublishError.missingTool(
            name: "DuckDB (for Parquet)", install: "pip install duckdb   (or use --format csv, which needs nothing)")
    }

    /// Runs a script of statements; returns what the last statement printed (CLI) or fetched (Python) as CSV-ish text.
    @discardableResult
    public func run(_ sql: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appending(path: "eduwh-duck-\(UUID().uuidString).sql")
        try sql.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        switch kind {
        case .python(let python):
            let program = """
                import duckdb, sys, csv
                con = duckdb.connect()
                script = open(sys.argv[1], encoding='utf-8').read()
                statements = [s for s in script.split(';\\n') if s.strip()]
                rows = None
                for s in statements:
                    cur = con.execute(s)
                    try: rows = cur.fetchall()
                    except Exception: rows = None
                w = csv.writer(sys.stdout, lineterminator='\\n')
                for r in rows or []: w.writerow(['' if v is None else v for v in r])
                """
            return try python.run(["-c", program, file.path])
        case .cli(let cli):
            return try cli.run(["-csv", "-noheader", "-c", ".read \(file.path)"])
        }
    }
}
