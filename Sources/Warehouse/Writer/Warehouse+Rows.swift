import CSQLiteTuning
import Dispatch
import EduwhCore
import Foundation
import GRDB
import Normalize

extension Warehouse {
    // MARK: - Writing rows

    /// The stable id of document `index` of a file: 52 bits of its content hash, then the index.
    /// Past 255 reports in one file the index no longer fits its byte (`index & 0xff` made report
    /// 257 collide with report 1 and refused the whole file): such a report's id is 52 bits of
    /// the SHA-256 of "hash/index", then 0xff.
    public static func documentID(sha256: String, index: Int) -> Int64 {
        guard index > 0xff else {
            let prefix = Int64(sha256.prefix(13), radix: 16) ?? 0
            return prefix << 8 | Int64(index)
        }
        let spread = SHA256Digest.hex(of: Array("\(sha256)/\(index)".utf8))
        let prefix = Int64(spread.prefix(13), radix: 16) ?? 0
        return prefix << 8 | 0xff
    }

    func upsertFile(
        _ db: Database, path: String, sha256: String?, byteCount: Int?, encoding: String?, status: String, runID: Int64
    ) throws {
        let modified = status == "rejected" ? nil : fileTimes[path]
        // A cached statement: preparing this upsert through GRDB each time cost ~2.5 ms per file.
        try db.cachedStatement(
            sql: """
                INSERT INTO etl_file (source_path, content_sha256, byte_count, encoding, modified_ns, status, first_run_id, last_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_path) DO UPDATE SET
                    content_sha256 = COALESCE(excluded.content_sha256, content_sha256),
                    byte_count = COALESCE(excluded.byte_count, byte_count),
                    encoding = COALESCE(excluded.encoding, encoding),
                    modified_ns = excluded.modified_ns,
                    status = excluded.status, last_run_id = excluded.last_run_id
                """
        ).execute(arguments: [path, sha256, byteCount, encoding, modified, status, runID, runID])
    }

    /// Deletes the documents of `sha256` unless another live path still has that content.
    func deleteContentIfOrphaned(_ db: Database, sha256: String, leavingPath: String) throws -> Bool {
        let others =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM etl_file WHERE content_sha256 = ? AND source_path != ? AND status IN ('loaded', 'unchanged')
                    """, arguments: [sha256, leavingPath]) ?? 0
        guard others == 0 else { return false }
        // A contentless FTS5 table forgets a row only when told the tokens it indexed.
        let old = try Row.fetchAll(
            db,
            sql: """
                SELECT paragraph_id, text FROM doc_paragraph
                WHERE document_id IN (SELECT document_id FROM dim_document WHERE content_sha256 = ?)
                """, arguments: [sha256])
        let forget = try db.cachedStatement(
            sql: "INSERT INTO search_paragraph (search_paragraph, rowid, grams) VALUES ('delete', ?, ?)")
        for row in old {
            try forget.execute(arguments: [row["paragraph_id"] as Int64, SearchTokens(row["text"] as String).grams])
        }
        try db.execute(sql: "DELETE FROM dim_document WHERE content_sha256 = ?", arguments: [sha256])
        return db.changesCount > 0
    }

    func siteID(_ db: Database, _ metadata: SiteMetadata) throws -> Int64? {
        guard let name = metadata.siteName else { return nil }
        try db.cachedStatement(sql: "INSERT INTO dim_site (name) VALUES (?) ON CONFLICT (name) DO NOTHING").execute(
            arguments: [name])
        return try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT site_id FROM dim_site WHERE name = ?"), arguments: [name])
    }

    func insert(
        _ db: Database, _ facts: DocumentFacts, body: (text: String, characters: Int), of file: ProcessedFile,
        path: String, runID: Int64,
        tokens: inout IndexingIterator<[SearchTokens]>?, paragraphs: inout [(Int64, SearchTokens)]
    ) throws -> (quantities: Int, years: Int, factSeconds: Double) {
        let document = facts.document
        let documentID = Self.documentID(sha256: file.raw.sha256, index: document.index)
        let metadata = document.metadata
        let published = metadata.publishedAt
        try db.cachedStatement(
            sql: """
                INSERT INTO dim_document (document_id, content_sha256, doc_index, doc_count, source_path, site_id, title, report_kind,
                    speaker, published_date, published_at, author, word_count, breadcrumb, reference_year, period_from_year,
                    period_to_year, region_id, encoding, line_count, noise_line_count, body_char_count, body_text, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            documentID, file.raw.sha256, document.index, file.documents.count, path, try siteID(db, metadata),
            document.title, facts.profile.kind, facts.profile.speaker, published.map { String($0.prefix(10)) },
            published,
            metadata.author, metadata.wordCount,
            metadata.breadcrumb.isEmpty ? nil : metadata.breadcrumb.joined(separator: " > "),
            Self.knownYear(facts.profile.referenceYear), Self.knownYear(facts.profile.periodFrom),
            Self.knownYear(facts.profile.periodTo),
            facts.profile.adcode, file.raw.encoding.rawValue, document.lines.count,
            document.lines.reduce(0) { $0 + ($1.label == .noise ? 1 : 0) }, body.characters, body.text, runID,
        ])

        // Per-row inserts bind values straight into SQLite (RowWriter): they are most of the writer's calls.
        // A kept line's line_id is its paragraph_id (doc_paragraph is a view) and its search rowid.
        let lineInsert = try RowWriter(
            db, sql: "INSERT INTO doc_line (document_id, line_number, label, rule_id, text) VALUES (?, ?, ?, ?, ?)")
        for line in document.lines {
            try lineInsert.run(documentID, line.number, line.label.rawValue, line.rule, line.text)
            guard line.label.isKept else { continue }
            paragraphs.append((db.lastInsertedRowID, tokens?.next() ?? SearchTokens(line.text)))
        }

        // Each distinct unit once per report, inside its savepoint (a rolled-back file takes its units along).
        let unitInsert = try db.cachedStatement(
            sql: "INSERT INTO dim_unit (unit_id, kind) VALUES (?, ?) ON CONFLICT (unit_id) DO NOTHING")
        // The facts are read in place: `for fact in` copied each one (a dozen strings retained and released).
        let factRows = facts.facts
        var units = Set<String>()
        for index in factRows.indices where units.insert(factRows[index].quantity.unit).inserted {
            let unit = factRows[index].quantity.unit
            try unitInsert.execute(arguments: [unit, Self.unitKind(unit)])
        }
        // Values in the order of `Warehouse.factQuantityColumns`.
        let factInsert = try RowWriter(db, sql: Self.factQuantityInsertSQL)
        var quantities = 0
        let factStart = DispatchTime.now().uptimeNanoseconds
        // A parameter is borrowed: the fact is read where it lies in the array.
        func write(_ fact: Fact) throws -> Int {
            let quantity = fact.quantity
            return try factInsert.run(
                documentID, fact.indicator, quantity.unit, fact.adcode, Self.knownYear(fact.yearFrom),
                Self.knownYear(fact.yearTo),
                quantity.value, quantity.upperValue, quantity.qualifier.rawValue, fact.status.rawValue, fact.statusCue,
                fact.yearSource.rawValue, fact.regionSource.rawValue, quantity.surface, fact.sentence, fact.line,
                quantity.offset,
                quantity.rule, fact.indicatorRule, runID
            )
        }
        for index in factRows.indices { quantities += try write(factRows[index]) }
        let factSeconds = Double(DispatchTime.now().uptimeNanoseconds - factStart) / 1e9

        let yearInsert = try RowWriter(
            db,
            sql: """
                INSERT INTO fact_year_mention (document_id, kind, from_year, to_year, surface, line_number, char_offset, rule_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, line_number, char_offset) DO NOTHING
                """)
        var years = 0
        for located in facts.years {
            let year = located.mention
            years += try yearInsert.run(
                documentID, year.kind.rawValue, Self.knownYear(year.from), Self.knownYear(year.to), year.surface,
                located.line,
                year.offset, year.rule, runID
            )
        }

        let placeInsert = try RowWriter(
            db,
            sql: """
                INSERT INTO fact_place_mention (document_id, region_id, status, candidate_region_ids, surface, line_number, char_offset, rule_id, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, line_number, char_offset) DO NOTHING
                """)
        for located in facts.places {
            let place = located.mention
            try placeInsert.run(
                documentID, place.status == .resolved ? place.adcode : nil, place.status.rawValue,
                place.candidates.joined(separator: ","),
                place.surface, located.line, place.offset, place.rule, runID
            )
        }
        return (quantities, years, factSeconds)
    }

    /// Years outside dim_year (`YearSpan.known`, 1949–2100) are kept out of foreign-key columns.
    static func knownYear(_ year: Int?) -> Int? {
        guard let year, YearSpan.known.contains(year) else { return nil }
        return year
    }

    /// `dim_unit.kind` of a unit: from the unit table's `kind` column (`UnitKinds`), the one source.
    static func unitKind(_ unit: String) -> String { UnitKinds.warehouseKind(of: unit) }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
