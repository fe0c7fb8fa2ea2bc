import Foundation
import TestSupport
import Testing

@testable import eduwh

/// The exit codes are listed once (`ExitCodes.all`): the help's EXIT CODES section is made from
/// that list, and README's "Exit codes" table must name the same codes.
@Suite struct ExitCodeTableTests {
    @Test func readmeListsExactlyTheCodesEduwhExitsWith() throws {
        let readme = try String(contentsOf: PackagePaths.root.appending(path: "README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Exit codes"))
        var codes: [Int32] = []
        for line in readme[section.upperBound...].split(separator: "\n").dropFirst(2) {
            guard line.hasPrefix("|") else { break }
            let cell = line.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
            if let code = Int32(cell) { codes.append(code) }
        }
        #expect(codes == ExitCodes.all.map(\.code))
        #expect(ExitCodes.table.hasPrefix("EXIT CODES:\n  0   ok\n"))
        for (code, _) in ExitCodes.all {
            #expect(ExitCodes.table.contains("\n  \(code) "), "\(code) missing from the help's EXIT CODES")
        }
    }
}
