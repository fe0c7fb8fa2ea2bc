import ArgumentParser
import EduwhCore
import Warehouse

/// `--region` and `--year`, shared by the commands that narrow rows to a place and a year.
///
/// ```
/// eduwh report funding --region 海珠区 --year 2011
/// eduwh search 校舍 --region 4401
/// ```
struct FilterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only this region and the divisions in it: a name (海珠区, 广州, 广东省) or an adcode prefix (4401).",
            valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Only figures or documents for this year.", valueName: "year"))
    var year: Int?

    func validate() throws {
        if let year, !YearSpan.known.contains(year) {
            throw ValidationError(
                "--year \(year): give a year between \(YearSpan.known.lowerBound) and \(YearSpan.known.upperBound)")
        }
        if let region, region.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--region is empty; give a name (海珠区) or an adcode prefix (4401)")
        }
    }

    /// Prints a notice on stderr for each filter value that matches nothing in the warehouse, so
    /// an empty result is not mistaken for "no such figures" (a typo, a year never reported).
    /// `kind` is search's --kind. Notices never change the exit code.
    func noticeUnmatched(in warehouse: Warehouse, kind: String? = nil) {
        func first(_ sql: String, _ parameters: [String: SQLValue]) -> [[SQLValue]] {
            (try? warehouse.query(sql, parameters: parameters).rows) ?? []
        }
        if let region = parameters["region"] {
            // The regions with documents or figures, matched as the reports match them.
            let used =
                "SELECT DISTINCT r.* FROM dim_region r WHERE r.region_id IN (SELECT region_id FROM fact_quantity UNION SELECT region_id FROM dim_document)"
            let hits = first(
                "SELECT count(*) FROM (\(used)) r WHERE r.region_id LIKE :region || '%' OR r.name LIKE :region || '%' OR r.city_name LIKE :region || '%' OR r.province_name LIKE :region || '%'",
                ["region": region])
            if hits.first?.first == .integer(0) {
                let names = first("SELECT name FROM (\(used)) r ORDER BY region_id LIMIT 12", [:]).compactMap {
                    $0.first?.text
                }
                printError(
                    "eduwh: notice: --region \(region.text) matches no region in the warehouse; regions with data: \(names.isEmpty ? "none" : names.joined(separator: ", "))"
                )
            }
        }
        if let year {
            let hits = first(
                "SELECT (SELECT count(*) FROM fact_quantity WHERE :year BETWEEN from_year AND COALESCE(to_year, from_year)) + (SELECT count(*) FROM dim_document WHERE reference_year = :year)",
                ["year": .integer(Int64(year))])
            if hits.first?.first == .integer(0) {
                let span =
                    first("SELECT min(from_year), max(COALESCE(to_year, from_year)) FROM fact_quantity", [:]).first
                    ?? []
                let range = span.count == 2 && span[0] != .null ? "\(span[0].text)–\(span[1].text)" : "none"
                printError(
                    "eduwh: notice: --year \(year) matches no figure or document in the warehouse; figures' years: \(range)"
                )
            }
        }
        if let kind {
            let hits = first("SELECT count(*) FROM dim_document WHERE report_kind = :kind", ["kind": .text(kind)])
            if hits.first?.first == .integer(0) {
                let kinds = first("SELECT DISTINCT report_kind FROM dim_document ORDER BY 1", [:]).compactMap {
                    $0.first?.text
                }
                printError(
                    "eduwh: notice: --kind \(kind) matches no document in the warehouse; kinds: \(kinds.joined(separator: ", "))"
                )
            }
        }
    }

    /// The filters as named parameters (`:region` as text, `:year` as an integer).
    var parameters: [String: SQLValue] {
        var values: [String: SQLValue] = [:]
        if let region { values["region"] = .text(region.trimmingCharacters(in: .whitespaces)) }
        if let year { values["year"] = .integer(Int64(year)) }
        return values
    }
}
