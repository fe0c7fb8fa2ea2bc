import ArgumentParser
import Foundation
import Warehouse

extension Eduwh {
    struct BenchQuery: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-query",
            abstract: "Time canned reports and searches in-process; print p50/p95 per query (used by scripts/bench).",
            discussion: """
              Example:
                eduwh bench-query --db eduwh.sqlite --repeat 50
            """,
            shouldDisplay: false)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .customLong("repeat"), help: "Runs per query (after one warm-up run).")
        var repeatCount: Int = 50

        @Option(help: "Canned report to time.")
        var report: String = "funding"

        @Option(help: "Words to search for (comma-separated).")
        var search: String = "校舍,义务教育"

        func run() throws {
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
            for (name, body) in cases {
                var rows = try body()
                var samples: [Double] = []
                for _ in 0..<max(1, repeatCount) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    rows = try body()
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                samples.sort()
                let p50 = samples[samples.count / 2]
                let p95 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))]
                print("\(name)\t\(String(format: "%.1f ms", p50))\t\(String(format: "%.1f ms", p95))\t\(rows)")
            }
        }
    }
}
