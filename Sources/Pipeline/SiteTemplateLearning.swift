import Clean
import EduwhCore
import Foundation
import Warehouse

extension Warehouse {
    /// Learns the template lines of `sites` (default: those whose templates are out of date
    /// when run `runID` ends, `sitesWithStaleTemplates`) from every file of theirs in the
    /// warehouse, and replaces what was learned of them before: a line of at most
    /// `SiteTemplates.maxLength` characters, not metadata, standing in at least
    /// `templateMinimumFiles` files and in at least half of the site's files, that does not
    /// read as report content (`SiteTemplates.isLearnable`). Returns the lines learned.
    ///
    /// A load calls it once, at its end: what it learns depends only on the warehouse's
    /// documents, so a load killed and resumed learns what a load run once learns.
    @discardableResult
    public func learnSiteTemplates(runID: Int64, sites: [Int64]? = nil) throws -> Int {
        let sites = try sites ?? sitesWithStaleTemplates(runID: runID)
        guard !sites.isEmpty else { return 0 }
        let lines = try siteTemplateCandidates(sites: sites, maxLength: SiteTemplates.maxLength)
            .filter { SiteTemplates.isLearnable($0.text) }
        try replaceSiteTemplates(sites: sites, with: lines, runID: runID)
        return lines.count
    }

    /// Learns the templates of every site again from the whole warehouse, as of its latest run
    /// (after `merge`, whose shards each learned from their own files only). Returns the lines.
    @discardableResult
    public func relearnAllSiteTemplates() throws -> Int {
        let (sites, run) = try allSitesAndLastRun()
        guard let run else { return 0 }
        return try learnSiteTemplates(runID: run, sites: sites)
    }
}
