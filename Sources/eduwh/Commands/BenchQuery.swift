import ArgumentParser
import Foundation
import Warehouse

extension Eduwh {
    struct BenchQuery: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-query",
            abstract: "Time canned reports and searches in-process; print p50/p95 per query (used by scripts/bench).",
            discussion: """
                  Besides the named words, --sample N draws N words of 2 and N of 4 CJK
                  characters from the warehouse's own paragraphs (at evenly spaced paragraphs
                  and deterministic offsets, so common phrases are drawn as often as they
                  occur) and reports the median and p95 over those words, each timed once after
                  a warm-up pass: the latency of a query mix rather than of one word.

                  Example:
                    eduwh bench-query --db eduwh.sqlite --repeat 5 --sample 10

                """ + ExitCodes.section(ExitCodes.readCodes),
            shouldDisplay: false)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("repeat"), help: "Runs per query (after one warm-up run).")
        var repeatCount: Int = 50

        @Option(help: "Canned report to time.")
        var report: String = "funding"

        @Option(help: "Words to search for (comma-separated).")
        var search: String = "校舍,义务教育"

        @Option(help: "Also time this many words of 2 and of 4 characters drawn from the paragraphs (0: none).")
        var sample: Int = 0

        func run() throws {
            try QueryFailure.reporting { try time() }
        }

        private func time() throws {
            let warehouse = try Warehouse(path: database.path, readOnly: true)
            var cases: [(String, () throws -> Int)] = []
            if let canned = Warehouse.report(named: report) {
                cases.append(("report \(report)", { try warehouse.run(canned).rows.count }))
            }
            for word in search.split(separator: ",").map(String.init) {
                let query = try SearchQuery(word)
                cases.append(("search \(word) (\(word.count) chars)", { try warehouse.search(query, limit: 20).count }))
            }
            print("query\tp50\tp95\trows")
            for length in sample > 0 ? [2, 4] : [] {
                let words = try Self.sampledWords(warehouse, count: sample, length: length)
                for word in words { _ = try warehouse.search(try SearchQuery(word), limit: 20) }  // warm-up
                var samples: [Double] = []
                var hits = 0
                for word in words {
                    let start = DispatchTime.now().uptimeNanoseconds
                    hits += try warehouse.search(try SearchQuery(word), limit: 20).count
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                Self.printRow(
                    "search \(words.count) sampled \(length)-char words", samples, rows: hits / max(1, words.count))
            }
            for (name, body) in cases {
                var rows = try body()
                var samples: [Double] = []
                for _ in 0..<max(1, repeatCount) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    rows = try body()
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                Self.printRow(name, samples, rows: rows)
            }
        }

        static func printRow(_ name: String, _ samples: [Double], rows: Int) {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return }
            let p50 = sorted[sorted.count / 2]
            let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
            print("\(name)\t\(String(format: "%.1f ms", p50))\t\(String(format: "%.1f ms", p95))\t\(rows)")
        }

        /// `count` distinct runs of `length` CJK characters, one from each of `count` evenly spaced
        /// paragraphs, starting at a deterministic offset in it (paragraphs without such a run are skipped).
        static func sampledWords(_ warehouse: Warehouse, count: Int, length: Int) throws -> [String] {
            let total = try warehouse.query("SELECT count(*) FROM doc_paragraph").rows.first?.first
            guard case .integer(let paragraphs)? = total, paragraphs > 0 else { return [] }
            let step = max(1, Int(paragraphs) / (count * 2))
            let rows = try warehouse.query("SELECT text FROM doc_paragraph ORDER BY paragraph_id").rows
            var words: [String] = []
            var seen = Set<String>()
            for (index, row) in rows.enumerated() where index % step == 0 && words.count < count {
                guard case .text(let text)? = row.first else { continue }
                let scalars = Array(text.unicodeScalars)
                guard scalars.count >= length else { continue }
                let offset = (index &* 7919) % scalars.count
                for start in (offset..<scalars.count) where start + length <= scalars.count {
                    let run = scalars[start..<start + length]
                    if run.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) {
                        var word = String.UnicodeScalarView()
                        word.append(contentsOf: run)
                        if seen.insert(String(word)).inserted { words.append(String(word)) }
                        break
                    }
                }
            }
            return words
        }
    }
}
