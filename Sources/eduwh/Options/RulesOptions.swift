import ArgumentParser
import Clean
import Foundation

/// `--rules DIR`: extra Clean rule tables a user adds without recompiling. Shared by the commands
/// that clean files (load, clean, extract).
struct RulesOptions: ParsableArguments {
    @Option(
        help: "A folder of extra Clean rule tables (*.tsv), tried before the shipped rules (default: $EDUWH_RULES).")
    var rules: String?

    /// The folder to use: --rules, else EDUWH_RULES, else none.
    var folder: String? {
        rules ?? ProcessInfo.processInfo.environment["EDUWH_RULES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The cleaner with the extra tables, or the standard one. A bad table fails as `file:line: reason` (exit 65).
    func cleaner() throws -> Cleaner {
        guard let folder else { return .standard }
        do {
            return try Cleaner(extraRulesDirectory: folder)
        } catch {
            printError("eduwh: \(error)")
            throw ExitCode(ExitCodes.dataError)
        }
    }
}
