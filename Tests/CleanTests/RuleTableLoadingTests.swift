import EduwhCore
import Foundation
import Testing

@testable import Clean

/// Rule tables load from data, report a bad row as `file:line: reason`, and a user's folder of
/// extra tables takes effect without recompiling.
@Suite struct RuleTableLoadingTests {
    static let header = "id\tlabel\tmatch\tpattern\twhen\tscope\texample\n"

    /// A table whose line 4 (after a comment and the header) is bad in one way each.
    @Test(arguments: [
        ("bad-label\tX\tcontains\t试读\t-\tline\t试读结束", "label 'X'"),
        ("bad-match\tN\tsounds-like\t试读\t-\tline\t试读结束", "unknown match 'sounds-like'"),
        ("bad-regex\tN\tregex\t(试读\t-\tline\t试读结束", "regex does not compile"),
        ("bad-when\tN\tcontains\t试读\twidth<=3\tline\t试读结束", "unknown condition 'width'"),
        ("bad-zone\tN\tcontains\t试读\tzone=footer\tline\t试读结束", "unknown zone 'footer'"),
        ("bad-scope\tN\tcontains\t试读\t-\teverything\t试读结束", "scope 'everything'"),
        ("short-row\tN\tcontains\t试读", "cells but the header has"),
    ])
    func malformedRuleIsReportedWithItsLine(row: String, reason: String) throws {
        let text = "# my site's rules\n" + Self.header + "ok-rule\tN\tcontains\t扫码\t-\tline\t扫码关注\n" + row + "\n"
        do {
            let table = try RuleTable(name: "site/rules.tsv", text: text)
            _ = try CleanRules(tables: [table])
            Issue.record("a malformed row was accepted")
        } catch {
            #expect(error.file == "site/rules.tsv")
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("site/rules.tsv:4: "))
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func tableOfUnknownKindIsRefused() throws {
        let table = try RuleTable(name: "x.tsv", text: "id\tthing\nfoo\tbar\n")
        #expect(throws: RuleTableError.self) { try CleanRules(tables: [table]) }
    }

    /// A user's folder: its rule decides before the shipped ones, and a bad file names itself.
    @Test func extraRulesFolderIsAppliedFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "eduwh-clean-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let rule = Self.header + "site-motto\tN\texact\t学海无涯范文站 伴你成长\t-\tline\t学海无涯范文站 伴你成长\n"
        try rule.write(to: folder.appending(path: "site.tsv"), atomically: true, encoding: .utf8)

        let text = CleanFixture.text(tail: ["学海无涯范文站 伴你成长"])
        let standard = Cleaner.standard.clean(CleanFixture.raw(text))
        #expect(CleanFixture.line("学海无涯范文站 伴你成长", in: standard)?.rule != "site-motto")

        let cleaner = try Cleaner(extraRulesDirectory: folder.path)
        #expect(cleaner.rules.lineRules.first?.id == "site-motto")
        let cleaned = cleaner.clean(CleanFixture.raw(text))
        #expect(CleanFixture.line("学海无涯范文站 伴你成长", in: cleaned)?.rule == "site-motto")

        try (Self.header + "broken\tN\tregex\t[\t-\tline\tx\n").write(
            to: folder.appending(path: "z-broken.tsv"), atomically: true, encoding: .utf8)
        do {
            _ = try Cleaner(extraRulesDirectory: folder.path)
            Issue.record("a broken user table was accepted")
        } catch {
            #expect(error.file.hasSuffix("z-broken.tsv"))
            #expect(error.line == 2)
        }
    }

    /// Every shipped line rule matches the example written beside it.
    @Test(arguments: CleanRules.standard.lineRules.map(\.id))
    func shippedLineRuleMatchesItsExample(id: String) throws {
        let rule = try #require(CleanRules.standard.lineRules.first { $0.id == id })
        let line = ScannedLine(number: 1, raw: Substring(rule.example))
        var zone = LineZone.body
        for case .zone(let zones) in rule.conditions { zone = zones.sorted { $0.rawValue < $1.rawValue }.first! }
        #expect(rule.matches(line, zone: zone, runLength: { Int.max }), "\(rule.origin): \(rule.example)")
    }

    /// Every shipped split cue matches the example written beside it.
    @Test(arguments: CleanRules.standard.splitCues.map(\.id))
    func shippedSplitCueMatchesItsExample(id: String) throws {
        let cue = try #require(CleanRules.standard.splitCues.first { $0.id == id })
        #expect(cue.matches(ScannedLine(number: 1, raw: Substring(cue.example))), "\(cue.id): \(cue.example)")
    }

    /// Rule ids name kinds of noise: no shipped rule mentions a seed site.
    @Test func shippedRulesAreNotNamedAfterSites() {
        for rule in CleanRules.standard.lineRules {
            for site in ["wenshuba", "rulai", "东星", "范文大全"] {
                #expect(!rule.id.contains(site))
            }
        }
    }
}
