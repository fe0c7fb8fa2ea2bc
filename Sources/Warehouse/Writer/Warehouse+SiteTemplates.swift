import EduwhCore
import Foundation
import GRDB

/// A line that stands in many files of one site: a candidate for the site's template
/// (`site_template_line`), before the Clean stage's judgement of its text.
public struct SiteTemplateCandidate: Sendable, Hashable {
    public var siteID: Int64
    public var site: String
    /// The line, trimmed, as `doc_line.text` holds it.
    public var text: String
    /// Files (distinct content) of the site holding the line.
    public var fileCount: Int
    /// Files (distinct content) of the site.
    public var siteFileCount: Int

    public init(siteID: Int64, site: String, text: String, fileCount: Int, siteFileCount: Int) {
        self.siteID = siteID
        self.site = site
        self.text = text
        self.fileCount = fileCount
        self.siteFileCount = siteFileCount
    }
}

extension Warehouse {
    // MARK: - Site templates

    /// The fewest files of a site, and of the site's files holding a line, for the line to be
    /// taken for the site's template; the line must also stand in at least half of them.
    public static let templateMinimumFiles = 3

    /// The template lines learned so far, by site name (read once at a load's start).
    public func siteTemplateLines() throws -> [String: Set<String>] {
        try dbQueue.read { db in
            var result: [String: Set<String>] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT s.name, t.text FROM site_template_line t JOIN dim_site s USING (site_id)")
            while let row = try rows.next() { result[row[0] as String, default: []].insert(row[1]) }
            return result
        }
    }

    /// The sites whose templates are out of date when run `runID` ends: those with documents
    /// loaded by this run or by a run since the last local run that ended (`ok` or `partial`:
    /// it learned at its end), so a run killed before its end is learned from by the next one;
    /// and those whose learned templates were counted on another number of files than they now
    /// have (documents replaced or pruned).
    public func sitesWithStaleTemplates(runID: Int64) throws -> [Int64] {
        try dbQueue.read { db in
            let lastLearned =
                try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT max(run_id) FROM etl_run
                        WHERE run_id < ? AND status IN ('ok', 'partial') AND origin_warehouse_id IS NULL
                        """, arguments: [runID]) ?? 0
            // Through the run_id index (ORDER BY run_id): DISTINCT site_id made SQLite walk the
            // site_id index and read every document's row, 0.2 s of a 10,000-file no-op reload.
            let loaded = try Int64.fetchAll(
                db,
                sql: "SELECT site_id FROM dim_document WHERE run_id > ? AND site_id IS NOT NULL ORDER BY run_id",
                arguments: [lastLearned])
            let recounted = try Int64.fetchAll(
                db,
                sql: """
                    SELECT t.site_id FROM (SELECT site_id, max(site_file_count) AS files FROM site_template_line GROUP BY site_id) t
                    WHERE t.files != (SELECT count(DISTINCT document_id >> 8) FROM dim_document d WHERE d.site_id = t.site_id)
                    """)
            return Array(Set(loaded).union(recounted)).sorted()
        }
    }

    /// Every site's id, and the latest run's id (nil in a warehouse never loaded).
    public func allSitesAndLastRun() throws -> (sites: [Int64], run: Int64?) {
        try dbQueue.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT site_id FROM dim_site ORDER BY site_id"),
                try Int64.fetchOne(db, sql: "SELECT max(run_id) FROM etl_run")
            )
        }
    }

    /// Lines (at most `maxLength` characters, metadata lines left out) that stand in at least
    /// `templateMinimumFiles` files and in at least half of the files of one of `sites`, each
    /// with its counts, in site and text order. Sites with fewer files give none.
    ///
    /// A file is its content: the documents of one file share their id's 52-bit content-hash
    /// prefix (`documentID`, `document_id >> 8`), so the count needs only the site index and
    /// doc_line, not the documents' rows (a file of over 255 glued reports counts its reports
    /// past the 255th as files of their own).
    public func siteTemplateCandidates(sites: [Int64], maxLength: Int) throws -> [SiteTemplateCandidate] {
        guard !sites.isEmpty else { return [] }
        return try dbQueue.read { db in
            var result: [SiteTemplateCandidate] = []
            let fileCount = try db.cachedStatement(
                sql: "SELECT count(DISTINCT document_id >> 8) FROM dim_document WHERE site_id = ?")
            let lines = try db.cachedStatement(
                sql: """
                    SELECT l.text, count(DISTINCT l.document_id >> 8) AS file_count
                    FROM dim_document d JOIN doc_line l ON l.document_id = d.document_id
                    WHERE d.site_id = :site AND l.label != 'M' AND length(l.text) <= :length
                    GROUP BY l.text
                    HAVING file_count >= :minimum AND file_count * 2 >= :files
                    ORDER BY l.text
                    """)
            let name = try db.cachedStatement(sql: "SELECT name FROM dim_site WHERE site_id = ?")
            for site in sites {
                let files = try Int.fetchOne(fileCount, arguments: [site]) ?? 0
                guard files >= Self.templateMinimumFiles, let siteName = try String.fetchOne(name, arguments: [site])
                else { continue }
                let rows = try Row.fetchAll(
                    lines,
                    arguments: [
                        "site": site, "length": maxLength, "minimum": Self.templateMinimumFiles, "files": files,
                    ])
                result += rows.map {
                    SiteTemplateCandidate(
                        siteID: site, site: siteName, text: $0[0], fileCount: $0[1], siteFileCount: files)
                }
            }
            return result
        }
    }

    /// Replaces the template lines of `sites` with `lines` (each of one of those sites), learned
    /// by run `runID`, in one transaction.
    public func replaceSiteTemplates(sites: [Int64], with lines: [SiteTemplateCandidate], runID: Int64) throws {
        guard !sites.isEmpty else { return }
        try dbQueue.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM site_template_line WHERE site_id = ?")
            for site in sites { try delete.execute(arguments: [site]) }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO site_template_line (site_id, text, file_count, site_file_count, learned_run_id)
                    VALUES (?, ?, ?, ?, ?)
                    """)
            for line in lines {
                try insert.execute(arguments: [line.siteID, line.text, line.fileCount, line.siteFileCount, runID])
            }
        }
    }

    /// The learned template lines, optionally of the sites whose name contains `site`, as rows
    /// (site, text, files, site_files, learned_run_id), by site and text.
    public func siteTemplateRows(site: String? = nil, limit: Int? = nil) throws -> QueryRows {
        try dbQueue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.name, t.text, t.file_count, t.site_file_count, t.learned_run_id
                    FROM site_template_line t JOIN dim_site s USING (site_id)
                    WHERE :site IS NULL OR instr(s.name, :site) > 0
                    ORDER BY s.name, t.text LIMIT :limit
                    """, arguments: ["site": site, "limit": limit ?? -1])
            return QueryRows(
                columns: ["site", "text", "files", "site_files", "learned_run_id"],
                rows: rows.map { row in
                    [
                        .text(row[0]), .text(row[1]), .integer(row[2]), .integer(row[3]), .integer(row[4]),
                    ]
                })
        }
    }
}
