import ArgumentParser
import EduwhCore
import Foundation
import Normalize

extension Eduwh {
    /// `eduwh bench-normalize FILE`: how fast the Normalize stage reads Chinese text (hidden).
    struct BenchNormalize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-normalize",
            abstract: "Time quantity and year extraction over a UTF-8 text file repeated to a size; print MB/s.",
            discussion: """
                    Every non-blank line goes through Normalizer.quantities(in:) and
                    years(in:referenceYear:), one core, no cleaning. Build with -c release
                    before trusting the figure. Prints the wall-clock rate and the rate in
                    the thread's CPU time (the one to compare on a shared machine).

                  Example:
                    eduwh bench-normalize corpus.txt --megabytes 2

                """
                    + ExitCodes.section([
                        (ExitCodes.ok, "ok"),
                        (ExitCodes.failure, "unexpected error"),
                        (ExitCodes.usage, "usage error (bad option or argument, or a file with no text lines)"),
                        (ExitCodes.ioError, "the file cannot be read as UTF-8 text"),
                    ]),
            shouldDisplay: false)

        @Argument(help: "A UTF-8 text file (for example the concatenated imports/).")
        var file: String

        @Option(help: "Megabytes of text to process (the file is repeated up to this size).")
        var megabytes: Double = 20

        func validate() throws {
            guard megabytes > 0 else { throw ValidationError("--megabytes must be positive") }
        }

        func run() throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                printError("eduwh: \(file): cannot read it as UTF-8 text")
                throw ExitCode(ExitCodes.ioError)
            }
            let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter {
                !$0.allSatisfy(\.isWhitespace)
            }
            guard !lines.isEmpty else { throw ValidationError("\(file) has no text lines") }
            let target = Int(megabytes * 1_000_000)
            var corpus: [String] = []
            var bytes = 0
            while bytes < target {
                for line in lines {
                    corpus.append(line)
                    bytes += line.utf8.count + 1
                }
            }
            let normalizer = Normalizer.standard
            var quantities = 0
            var years = 0
            let clock = ContinuousClock()
            let cpuStart = Self.threadCPUSeconds()
            let elapsed = clock.measure {
                for line in corpus {
                    quantities += normalizer.quantities(in: line).count
                    years += normalizer.years(in: line, referenceYear: 2012).count
                }
            }
            let cpu = Self.threadCPUSeconds() - cpuStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let megabytesDone = Double(bytes) / 1_000_000
            print(
                String(
                    format: "%.1f MB in %.2f s: %.1f MB/s (%d lines, %d quantities, %d years); CPU %.2f s: %.1f MB/s",
                    megabytesDone, seconds, megabytesDone / seconds, corpus.count, quantities, years, cpu,
                    megabytesDone / cpu))
        }

        /// This thread's CPU time: on a shared machine the wall time counts other processes' turns
        /// too, the CPU time only this loop's.
        static func threadCPUSeconds() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
    }
}
