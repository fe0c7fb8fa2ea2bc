import GRDB

extension Warehouse {
    // MARK: - Documents

    /// Documents a user's reference names, in file order: a document_id, a content SHA-256, or
    /// the path of a loaded file (as loaded, or any path ending in it: `imports/a.txt` finds `a.txt`).
    /// All reports of a glued file are returned.
    ///
    /// ```swift
    /// try warehouse.documentIDs(matching: "imports/000_2aee6a9319702955.txt") // [717068658286536449]
    /// ```
    public func documentIDs(matching reference: String, sha256: String? = nil) throws -> [Int64] {
        try dbQueue.read { db in
            if let id = Int64(reference),
                let found = try Int64.fetchOne(
                    db, sql: "SELECT document_id FROM dim_document WHERE document_id = ?", arguments: [id])
            {
                return [found]
            }
            let byContent = try Int64.fetchAll(
                db,
                sql: """
                    SELECT document_id FROM dim_document WHERE content_sha256 IN (?, ?) ORDER BY doc_index
                    """, arguments: [sha256 ?? "", reference.lowercased()])
            if !byContent.isEmpty { return byContent }
            // The path as loaded, or a longer path that ends in it; then the file's current content.
            return try Int64.fetchAll(
                db,
                sql: """
                    SELECT d.document_id FROM dim_document d
                    WHERE d.source_path = :path OR :path LIKE '%/' || d.source_path
                       OR d.content_sha256 = (SELECT f.content_sha256 FROM etl_file f
                                              WHERE f.source_path = :path OR :path LIKE '%/' || f.source_path
                                              ORDER BY length(f.source_path) DESC LIMIT 1)
                    GROUP BY d.document_id
                    ORDER BY d.content_sha256, d.doc_index
                    """, arguments: ["path": reference])
        }
    }

    /// The document with its lines and the quantities on them, or nil when there is none.
    public func documentText(_ documentID: Int64) throws -> DocumentText? {
        try dbQueue.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.*, s.name AS site, r.name AS region
                        FROM dim_document d
                        LEFT JOIN dim_site s ON s.site_id = d.site_id
                        LEFT JOIN dim_region r ON r.region_id = d.region_id
                        WHERE d.document_id = ?
                        """, arguments: [documentID])
            else { return nil }
            var marks: [Int: [DocumentText.Mark]] = [:]
            for fact in try Row.fetchAll(
                db,
                sql: """
                    SELECT q.*, i.name_zh FROM fact_quantity q JOIN dim_indicator i ON i.indicator_id = q.indicator_id
                    WHERE q.document_id = ? ORDER BY q.line_number, q.char_offset
                    """, arguments: [documentID])
            {
                marks[fact["line_number"], default: []].append(
                    DocumentText.Mark(
                        offset: fact["char_offset"], surface: fact["surface"], value: fact["value"],
                        unit: fact["unit_id"],
                        qualifier: fact["qualifier"], status: fact["status"], indicator: fact["indicator_id"],
                        indicatorName: fact["name_zh"], fromYear: fact["from_year"], toYear: fact["to_year"]))
            }
            let lines = try Row.fetchAll(
                db,
                sql: """
                    SELECT line_number, label, rule_id, text FROM doc_line WHERE document_id = ? ORDER BY line_number
                    """, arguments: [documentID]
            ).map { line in
                DocumentText.Line(
                    number: line["line_number"], label: line["label"], rule: line["rule_id"],
                    text: line["text"], marks: marks[line["line_number"]] ?? [])
            }
            return DocumentText(
                documentID: row["document_id"], sourcePath: row["source_path"], docIndex: row["doc_index"],
                docCount: row["doc_count"], title: row["title"], reportKind: row["report_kind"],
                site: row["site"], region: row["region"], referenceYear: row["reference_year"],
                periodFromYear: row["period_from_year"], periodToYear: row["period_to_year"],
                publishedAt: row["published_at"], author: row["author"], lines: lines)
        }
    }
}
