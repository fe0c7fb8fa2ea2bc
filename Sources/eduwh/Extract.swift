import ArgumentParser
import EduwhCore
import Ingest
import Pipeline

extension Eduwh {
    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the quantities, years or places the pipeline finds in a file, as TSV.",
            discussion: """
                Prints TSV with a header row; the columns depend on what is extracted:
                  --quantities  line doc surface value unit qualifier (the default;
                                title and body lines)
                  --years       line doc surface kind from to (title, metadata and
                                body lines)
                  --places      line doc surface adcode name status (title and body)
                  --facts       line doc surface value unit qualifier indicator from to
                                region status: one row per quantity, exactly what a load
                                stores in fact_quantity; with --explain also the rule or
                                cue behind each field (indicator_rule status_cue
                                year_source region_source; sources are clause, sentence,
                                section, document or none)
                Values are in the base unit (3.48亿元 → 348000000, unit yuan); placeholders
                (x所, XX万元) have an empty value and qualifier placeholder. A flattened
                table row (在校学生（人） 48210 50136) gives one quantity per number cell.

              Examples:
                eduwh extract imports/001_771c83aade38c1b7.txt
                eduwh extract --places imports/001_771c83aade38c1b7.txt
                eduwh extract --facts --explain imports/004_c547eb10244c3aeb.txt
                eduwh extract --years --text sentences.txt
            """)

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

        @Flag(help: "Take every line as body text of one document (no cleaning); a line that is only a number is a quantity too.")
        var text = false

        @Flag(help: "With --facts: add the rule, cue and source that decided each field.")
        var explain = false

        @Argument(help: "A .txt or .html file.")
        var file: String

        @OptionGroup var rules: RulesOptions

        func run() throws {
            let raw = try Ingestor().read(path: file)
            let processed = FilePipeline(cleaner: try rules.cleaner()).process(raw, asText: text)
            var out: String
            switch what {
            case .quantities:
                out = "line\tdoc\tsurface\tvalue\tunit\tqualifier\n"
                for doc in processed.documents {
                    for fact in doc.facts {
                        let q = fact.quantity
                        out += "\(fact.line)\t\(doc.document.index)\t\(tsvCell(q.surface))\t\(q.value.map(plainDecimal) ?? "")\t\(q.unit)\t\(q.qualifier.rawValue)\n"
                    }
                }
            case .years:
                out = "line\tdoc\tsurface\tkind\tfrom\tto\n"
                for doc in processed.documents {
                    for located in doc.years {
                        let y = located.mention
                        out += "\(located.line)\t\(doc.document.index)\t\(tsvCell(y.surface))\t\(y.kind.rawValue)\t\(y.from.map(String.init) ?? "")\t\(y.to.map(String.init) ?? "")\n"
                    }
                }
            case .facts:
                out = "line\tdoc\tsurface\tvalue\tunit\tqualifier\tindicator\tfrom\tto\tregion\tstatus"
                out += explain ? "\tindicator_rule\tstatus_cue\tyear_source\tregion_source\n" : "\n"
                for doc in processed.documents {
                    for fact in doc.facts {
                        let q = fact.quantity
                        out += "\(fact.line)\t\(doc.document.index)\t\(tsvCell(q.surface))\t\(q.value.map(plainDecimal) ?? "")\t\(q.unit)\t\(q.qualifier.rawValue)"
                        out += "\t\(fact.indicator)\t\(fact.yearFrom.map(String.init) ?? "")\t\(fact.yearTo.map(String.init) ?? "")\t\(fact.adcode ?? "")\t\(fact.status.rawValue)"
                        if explain {
                            out += "\t\(tsvCell(fact.indicatorRule))\t\(tsvCell(fact.statusCue))\t\(fact.yearSource.rawValue)\t\(fact.regionSource.rawValue)"
                        }
                        out += "\n"
                    }
                }
            case .places:
                out = "line\tdoc\tsurface\tadcode\tname\tstatus\n"
                for doc in processed.documents {
                    for located in doc.places {
                        let p = located.mention
                        out += "\(located.line)\t\(doc.document.index)\t\(tsvCell(p.surface))\t\(p.adcode ?? "")\t\(p.name ?? "")\t\(p.status.rawValue)\n"
                    }
                }
            }
            print(out, terminator: "")
        }
    }
}
