import ArgumentParser
import EduwhCore
import Ingest
import Pipeline
import Warehouse

extension Eduwh {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the quantities, years, places or facts the pipeline finds in a file (TSV by default).",
            discussion: """
                    Prints TSV with a header row; the columns depend on what is extracted:
                      --quantities  line doc surface value unit qualifier (the default;
                                    title and body lines)
                      --years       line doc surface kind from to (title, metadata and
                                    body lines); with --explain also the rule that read each
                                    one; a relative year or a date without one adds what it
                                    counted from (ry-jinnian@ref-title; @no-ref: the text
                                    never says its own year, so it stays empty)
                      --places      line doc surface adcode name status (title and body)
                      --facts       line doc surface value unit qualifier indicator from to
                                    region status: one row per quantity, exactly what a load
                                    stores in fact_quantity; with --explain also the rule or
                                    cue behind each field (indicator_rule status_cue
                                    year_source region_source; sources are clause, sentence,
                                    section, document or none; the learned year gate adds
                                    its probability, yeargate:0.31<0.45 where it left the
                                    year empty; the learned region chooser its choice, keep,
                                    parent, empty or lower, and its probabilities:
                                    keep, parent, empty and the finer division with its own)
                    Values are in the base unit (3.48亿元 → 348000000, unit yuan); placeholders
                    (x所, XX万元) have an empty value and qualifier placeholder. A flattened
                    table row (在校学生（人） 48210 50136) gives one quantity per number cell.

                  Examples:
                    eduwh extract imports/001_771c83aade38c1b7.txt
                    eduwh extract --places imports/001_771c83aade38c1b7.txt
                    eduwh extract --facts --explain imports/004_c547eb10244c3aeb.txt
                    eduwh extract --years --text sentences.txt
                    eduwh extract --years --each-line sentences.txt
                    eduwh extract --facts --json imports/004_c547eb10244c3aeb.txt

                  Output: TSV unless an output flag (--json, --jsonl, --csv, --table,
                  --markdown, --raw) is given; with one, values are numbers and missing
                  fields null.

                """ + ExitCodes.fileCodes)

        enum What: String, EnumerableFlag {
            case quantities, years, places, facts

            static func help(for value: What) -> ArgumentHelp? {
                switch value {
                case .quantities: "Numbers with their value, unit and qualifier."
                case .years: "Years, dates, ranges, plan periods and relative years, resolved."
                case .places: "Place names resolved to administrative divisions (adcodes)."
                case .facts: "Each quantity as a fact: indicator, years, region (adcode) and status."
                }
            }
        }

        @Flag var what: What = .quantities

        @Flag(
            help:
                "Take every line as body text of one document (no cleaning); a line that is only a number is a quantity too."
        )
        var text = false

        @Flag(
            help: ArgumentHelp(
                "Like --text, and every line is a document of its own (one sentence per line).",
                discussion:
                    "No line lends another its reference year, ROC era or section: 99年9月1日 after a line naming 民國 is still 1999."
            ))
        var eachLine = false

        @Flag(help: "With --facts or --years: add the rule, cue and source that decided each field.")
        var explain = false

        @Argument(help: "A .txt or .html file.")
        var file: String

        @OptionGroup var rules: RulesOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try QueryFailure.reporting { try extract() }
        }

        private func extract() throws {
            let raw = try Ingestor().read(path: file)
            let processed = FilePipeline(cleaner: try rules.cleaner()).process(raw, asText: text, eachLine: eachLine)
            // Values as text, exactly as the TSV has always printed them (plain decimals); JSON
            // and the other formats get numbers as numbers.
            func number(_ value: Double?) -> SQLValue {
                guard let value else { return output.formatGiven ? .null : .text("") }
                return output.formatGiven ? .real(value) : .text(plainDecimal(value))
            }
            func year(_ value: Int?) -> SQLValue {
                value.map { .integer(Int64($0)) } ?? (output.formatGiven ? .null : .text(""))
            }
            func cell(_ value: String?) -> SQLValue {
                value.map { .text(Renderer.tsvCell($0)) } ?? (output.formatGiven ? .null : .text(""))
            }
            var columns: [String]
            var rows: [[SQLValue]] = []
            switch what {
            case .quantities:
                columns = ["line", "doc", "surface", "value", "unit", "qualifier"]
                for doc in processed.documents {
                    for fact in doc.facts {
                        let q = fact.quantity
                        rows.append([
                            .integer(Int64(fact.line)), .integer(Int64(doc.document.index)), cell(q.surface),
                            number(q.value),
                            .text(q.unit), .text(q.qualifier.rawValue),
                        ])
                    }
                }
            case .years:
                columns = ["line", "doc", "surface", "kind", "from", "to"] + (explain ? ["rule"] : [])
                for doc in processed.documents {
                    for located in doc.years {
                        let y = located.mention
                        rows.append(
                            [
                                .integer(Int64(located.line)), .integer(Int64(doc.document.index)), cell(y.surface),
                                .text(y.kind.rawValue), year(y.from), year(y.to),
                            ] + (explain ? [cell(y.rule)] : []))
                    }
                }
            case .facts:
                columns = [
                    "line", "doc", "surface", "value", "unit", "qualifier", "indicator", "from", "to", "region",
                    "status",
                ]
                if explain { columns += ["indicator_rule", "status_cue", "year_source", "region_source"] }
                for doc in processed.documents {
                    for fact in doc.facts {
                        let q = fact.quantity
                        var row: [SQLValue] = [
                            .integer(Int64(fact.line)), .integer(Int64(doc.document.index)), cell(q.surface),
                            number(q.value), .text(q.unit), .text(q.qualifier.rawValue),
                            .text(fact.indicator), year(fact.yearFrom), year(fact.yearTo), cell(fact.adcode),
                            .text(fact.status.rawValue),
                        ]
                        if explain {
                            row += [
                                cell(fact.indicatorRule + (fact.tableCell.isEmpty ? "" : " " + fact.tableCell)),
                                cell(fact.statusCue),
                                .text(fact.yearSource.rawValue + (fact.yearRule.isEmpty ? "" : " " + fact.yearRule)),
                                .text(
                                    fact.regionSource.rawValue + (fact.regionRule.isEmpty ? "" : " ")
                                        + fact.regionRule),
                            ]
                        }
                        rows.append(row)
                    }
                }
            case .places:
                columns = ["line", "doc", "surface", "adcode", "name", "status"]
                for doc in processed.documents {
                    for located in doc.places {
                        let p = located.mention
                        rows.append([
                            .integer(Int64(located.line)), .integer(Int64(doc.document.index)), cell(p.surface),
                            cell(p.adcode), cell(p.name), .text(p.status.rawValue),
                        ])
                    }
                }
            }
            // TSV by default, whatever stdout is: the scorer and scripts read these columns.
            let stdout = StandardOutput()
            output.renderer(to: stdout, defaultFormat: .tsv).render(
                output.limited(QueryRows(columns: columns, rows: rows)))
            stdout.flush()
        }
    }
}
