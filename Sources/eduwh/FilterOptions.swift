import ArgumentParser
import Warehouse

/// `--region` and `--year`, shared by the commands that narrow rows to a place and a year.
///
/// ```
/// eduwh report funding --region 海珠区 --year 2011
/// eduwh search 校舍 --region 4401
/// ```
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this region and the divisions in it: a name (海珠区, 广州, 广东省) or an adcode prefix (4401).", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Only figures or documents for this year.", valueName: "year"))
    var year: Int?

    func validate() throws {
        if let year, !(1949...2100).contains(year) {
            throw ValidationError("--year \(year): give a year between 1949 and 2100")
        }
        if let region, region.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--region is empty; give a name (海珠区) or an adcode prefix (4401)")
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
