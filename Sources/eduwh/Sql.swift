import ArgumentParser
import Warehouse

extension Eduwh {
    struct Sql: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a SQL query against the warehouse and print the result.",
            discussion: """
              Example:
                eduwh sql "SELECT indicator, count(*) FROM v_quantity GROUP BY 1"
            """)

        @Argument(help: "The SQL query.")
        var query: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let warehouse = try Warehouse(path: database.path, readOnly: true)
            let result = try warehouse.query(query)
            var out = result.columns.joined(separator: "\t") + "\n"
            for row in result.rows {
                out += row.map { tsvCell($0.text) }.joined(separator: "\t") + "\n"
            }
            print(out, terminator: "")
        }
    }
}
