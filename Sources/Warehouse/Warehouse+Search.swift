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
            ORDER BY score, p.document_id, p.line_number
            """

    /// Clean paragraphs matching `query`, best first (FTS5 bm25), each checked against the exact
    /// match rule of `SearchQuery` and carrying its hit positions. Filters narrow to documents
    /// about a region (name or adcode prefix, the divisions inside included), a year (reference
    /// year or covered period) or a kind of report; `limit` nil returns every match.
    ///
    /// ```swift
    /// let hits = try warehouse.search(try SearchQuery("校舍"), limit: 5)
    /// hits.first?.snippet() // "…新建[校舍]4万平方米…"
    /// ```
    public func search(_ query: SearchQuery, region: String? = nil, year: Int? = nil, kind: String? = nil,
                       limit: Int? = 20) throws -> [SearchHit] {
        try dbQueue.read { db in
            let rows = try Row.fetchCursor(db, sql: Self.searchSQL, arguments: ["match": query.matchExpression, "region": region, "year": year, "kind": kind])
            var hits: [SearchHit] = []
            while let row = try rows.next() {
                if let limit, hits.count >= limit { break }
                let text: String = row["text"]
                let ranges = query.hits(in: text)
                guard !ranges.isEmpty else { continue }   // FTS5 candidate that is not a real match
                hits.append(SearchHit(paragraphID: row["paragraph_id"], documentID: row["document_id"],
                                      lineNumber: row["line_number"], text: text, title: row["title"],
                                      sourcePath: row["source_path"], reportKind: row["report_kind"],
                                      region: row["region"], year: row["reference_year"], score: row["score"],
                                      hits: ranges))
            }
            return hits
        }
    }
}
