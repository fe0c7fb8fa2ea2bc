// swift-tools-version: 6.1
//
// eduwh: a staged ETL from scraped Chinese education reports into a SQLite star schema.
// Dependencies point one way down the pipeline (Ingest → Clean → Normalize → Facts → Warehouse,
// driven by Pipeline, called by the eduwh CLI); every stage depends on EduwhCore's value types.
// Each target declares exactly what its files import: the graph as it is, drawn in
// docs/architecture.md and checked against both by DependencyGraphTests.
//
// Data files (schema.sql, migrations/, rules/, reports/, data/adcodes.csv) are embedded at
// build time by the EmbedFiles plugin, so the binary always applies exactly what is in the tree.
import PackageDescription

// Release builds of the stages skip Swift's run-time exclusivity checks (swift_beginAccess on every
// access to a class property or global): 7% less CPU on a 10,000-file load (BENCHMARKS.md). Debug
// builds, and so the tests, keep the checks. Allowed here because eduwh is a root package.
let releaseSpeed: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "eduwh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "eduwh", targets: ["eduwh"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // MARK: - Build tooling
        .executableTarget(name: "EmbedFilesTool", path: "Sources/EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),

        // MARK: - Pipeline stages
        // SHA-256's block function in C, with the CPU's SHA extensions when present (every file is hashed).
        .target(name: "CSHA256"),
        .target(name: "EduwhCore", dependencies: ["CSHA256"], swiftSettings: releaseSpeed),
        // libxml2's HTML parser (system library, `libxml2-dev`): the DOM the article finder reads.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "Ingest", dependencies: ["EduwhCore", "CLibXML2"], swiftSettings: releaseSpeed),
        .target(name: "Clean", dependencies: ["EduwhCore"], swiftSettings: releaseSpeed, plugins: ["EmbedFiles"]),
        .target(name: "Normalize", dependencies: ["EduwhCore"], swiftSettings: releaseSpeed, plugins: ["EmbedFiles"]),
        .target(
            name: "Facts", dependencies: ["EduwhCore", "Normalize"], swiftSettings: releaseSpeed,
            plugins: ["EmbedFiles"]),
        // sqlite3_config (variadic, so not callable from Swift): multi-thread mode, no memory statistics.
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "Warehouse",
            // GRDBSQLite (GRDB's own module map of the system libsqlite3) for sqlite3_bind_* in the load's hot inserts.
            dependencies: [
                "EduwhCore", "Normalize", "Facts", "CSQLiteTuning", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: releaseSpeed, plugins: ["EmbedFiles"]),
        .target(
            name: "Pipeline", dependencies: ["EduwhCore", "Ingest", "Clean", "Normalize", "Facts", "Warehouse"],
            swiftSettings: releaseSpeed),
        // Beyond one machine: PostgreSQL (through psql/COPY) and Parquet/CSV export (through DuckDB).
        .target(name: "Publish", dependencies: ["EduwhCore", "Warehouse"]),

        // MARK: - Command-line tool (parses, calls stages, renders; no stage logic)
        .executableTarget(
            name: "eduwh",
            dependencies: [
                "EduwhCore", "Ingest", "Clean", "Normalize", "Facts", "Warehouse", "Pipeline", "Publish",
                // GRDB for its error type only (QueryFailure maps SQLite result codes to exit codes).
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // MARK: - Tests (mirror the targets)
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "EduwhCore", "CLibXML2", "TestSupport"]),
        .testTarget(name: "CleanTests", dependencies: ["Clean", "Ingest", "EduwhCore", "TestSupport"]),
        .testTarget(
            name: "NormalizeTests",
            dependencies: [
                "Normalize", "EduwhCore", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "FactsTests", dependencies: ["Facts", "Clean", "Ingest", "Normalize", "EduwhCore", "TestSupport"]),
        .testTarget(
            name: "WarehouseTests",
            dependencies: [
                "Warehouse", "Pipeline", "Facts", "Normalize", "Ingest", "EduwhCore", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "PublishTests", dependencies: ["Publish", "Pipeline", "Warehouse", "EduwhCore", "TestSupport"]),
        .testTarget(
            name: "eduwhTests",
            dependencies: [
                "eduwh", "Pipeline", "Warehouse", "EduwhCore", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
