import ArgumentParser
import Warehouse

extension Eduwh {
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the site template lines loads have learned (site_template_line).",
            discussion: """
                A line that stands in at least 3 files of one site (dim_site) and in at
                least half of them, and is at most 80 characters long, is that site's
                template: its navigation bar, slogan or footer, which no single page shows
                to be the site's. Lines that read as report content on any site are never
                learned: sentences, numbered headings (一、 (一) 1. 第二章), dates.

                Each load learns them at its end for the sites it loaded files of, from
                all their files in the warehouse; later loads label such a line N (rule
                site-template) in the head or tail of a new file of that site (files
                already loaded keep their labels; `eduwh load --no-site-templates` skips
                it). `eduwh clean --explain FILE --db WAREHOUSE` shows what they do to a
                file.

                Rows of site, text, files (of the site's files holding the line),
                site_files and learned_run_id, by site and text.

                Examples:
                  eduwh templates
                  eduwh templates --site 教育网 --csv --limit 20

                """ + ExitCodes.section(ExitCodes.readCodes))

        @Option(help: ArgumentHelp("Only the sites whose name contains this text.", valueName: "NAME"))
        var site: String?

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try QueryFailure.reporting {
                let warehouse = try Warehouse(path: database.path, readOnly: true)
                output.print(try warehouse.siteTemplateRows(site: site, limit: output.rowLimit().map { $0 + 1 }))
            }
        }
    }
}
