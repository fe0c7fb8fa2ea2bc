import GRDB

extension Warehouse {
    // MARK: - Full-text search

    /// The query `search` runs, with named parameters :match (a `SearchQuery.matchExpression`),
    /// :region, :year and :kind (NULL for no filter). Runs as is in sqlite3 or datasette.
    public static let searchSQL = """
        SELECT p.paragraph_id, p.document_id, p.line_number, p.text, d.title, d.source_path, d.report_kind,
               r.name AS region, d.reference_year, bm25(search_paragraph) AS score
        FROM search_paragraph
        JOIN doc_paragraph p ON p.paragraph_id = search_paragraph.rowid
        JOIN dim_document d ON d.document_id = p.document_id
        LEFT JOIN dim_region r ON r.region_id = d.region_id
        WHERE search_paragraph MATCH :match
          AND (:region IS NULL OR r.region_id LIKE :region || '%' OR r.name LIKE :region || '%'
               OR r.city_name LIKE :region || '%' OR r.province_name LIKE :region || '%')
          AND (:year IS NULL OR :year = d.reference_year
               OR :year BETWEEN d.period_from_year AND COALESCE(d.period_to_year, d.period_from_year))
          AND (:kind IS NULL OR d.report_kind = :kind)
        ORDER BY score, p.paragraph_id
        """

    /// `searchSQL` without filters, for the first :candidates paragraphs only: FTS5 ranks the
    /// matches on its own before any join, so a common word (义务教育 in a fifth of all
    /// paragraphs) joins 40 rows instead of every match. Same order as `searchSQL`.
    static let topSearchSQL = """
        SELECT p.paragraph_id, p.document_id, p.line_number, p.text, d.title, d.source_path, d.report_kind,
               r.name AS region, d.reference_year, top.score
        FROM (SELECT rowid, bm25(search_paragraph) AS score FROM search_paragraph
              WHERE search_paragraph MATCH :match ORDER BY score, rowid LIMIT :candidates) AS top
        JOIN doc_paragraph p ON p.paragraph_id = top.rowid
        JOIN dim_document d ON d.document_id = p.document_id
        LEFT JOIN dim_region r ON r.region_id = d.region_id
        ORDER BY top.score, top.rowid
        """

    /// Clean paragraphs matching `query`, best first (FTS5 bm25; ties in load order), each checked
    /// against the exact match rule of `SearchQuery` and carrying its hit positions. Filters narrow
    /// to documents about a region (name or adcode prefix, the divisions inside included), a year
    /// (reference year or covered period) or a kind of report; `limit` nil returns every match.
    ///
    /// ```swift
    /// let hits = try warehouse.search(try SearchQuery("校舍"), limit: 5)
    /// hits.first?.snippet() // "…新建[校舍]4万平方米…"
    /// ```
    public func search(
        _ query: SearchQuery, region: String? = nil, year: Int? = nil, kind: String? = nil,
        limit: Int? = 20
    ) throws -> [SearchHit] {
        do {
            return try withQueryDeadline {
                try search(query, region: region, year: year, kind: kind, limit: limit, in: dbQueue)
            }
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_INTERRUPT {
            throw QueryError(
                reason: .timeout, message: Self.timeoutMessage, sql: "", resultCode: error.resultCode.rawValue)
        }
    }

    private func search(
        _ query: SearchQuery, region: String?, year: Int?, kind: String?, limit: Int?, in dbQueue: DatabaseQueue
    ) throws -> [SearchHit] {
        try dbQueue.read { db in
            guard region == nil, year == nil, kind == nil, let limit else {
                return try hits(
                    db, sql: Self.searchSQL,
                    arguments: ["match": query.matchExpression, "region": region, "year": year, "kind": kind],
                    query: query, limit: limit
                ).hits
            }
            // Rank inside FTS5 and join only the best candidates; ask for more in the rare case
            // that FTS5 candidates fail the exact check (characters split by punctuation).
            var candidates = max(2 * limit, 40)
            while true {
                let (hits, rows) = try hits(
                    db, sql: Self.topSearchSQL, arguments: ["match": query.matchExpression, "candidates": candidates],
                    query: query, limit: limit)
                if hits.count >= limit || rows < candidates { return hits }
                candidates *= 4
            }
        }
    }

    /// Runs a search query and keeps the rows that really match, up to `limit`; also returns how
    /// many rows it read.
    private func hits(_ db: Database, sql: String, arguments: StatementArguments, query: SearchQuery, limit: Int?)
        throws -> (hits: [SearchHit], rows: Int)
    {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var hits: [SearchHit] = []
        var read = 0
        while let row = try rows.next() {
            if let limit, hits.count >= limit { break }
            read += 1
            let text: String = row["text"]
            let ranges = query.hits(in: text)
            guard !ranges.isEmpty else { continue }  // FTS5 candidate that is not a real match
            hits.append(
                SearchHit(
                    paragraphID: row["paragraph_id"], documentID: row["document_id"],
                    lineNumber: row["line_number"], text: text, title: row["title"],
                    sourcePath: row["source_path"], reportKind: row["report_kind"],
                    region: row["region"], year: row["reference_year"], score: row["score"],
                    hits: ranges))
        }
        return (hits, read)
    }
}
