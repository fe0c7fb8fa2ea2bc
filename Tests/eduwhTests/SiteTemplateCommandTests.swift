import Foundation
import TestSupport
import Testing

/// `eduwh load` learning a site's template lines, `eduwh templates` listing them and
/// `eduwh clean --explain --db` applying them, on made-up pages of one site.
@Suite("eduwh templates, clean --db, load --no-site-templates")
struct SiteTemplateCommandTests {
    static let site = "南溪区教育信息网"
    static let menu = "首页 | 教育新闻 | 工作总结 | 述职报告 | 联系我们"
    static let banner = "南溪区教育信息网 - 南溪教育门户"
    static let slogan = "南溪教育，与您同行"

    static func page(_ school: String, _ k: Int) -> String {
        [
            banner, menu, "\(school)2014年度工作总结", "日期：2014-12-\(10 + k)  来源：\(site)",
            "一年来，\(school)坚持立德树人，全面推进素质教育，教育教学质量稳步提升，各项工作取得新进展。",
            "全年新增图书\(1200 + 100 * k)册，组织教师培训\(30 + k)人次，学校办学条件进一步改善。",
            "明年我们将继续深化教学改革，努力办好人民满意的学校。", slogan,
        ].joined(separator: "\n") + "\n"
    }

    /// A drop folder of six pages of the site loaded into a fresh warehouse, and a seventh page
    /// outside it.
    static func loaded() throws -> (folder: TemporaryFolder, db: String, newPage: String) {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        for (k, school) in ["城关小学", "东城中学", "南街小学", "西郊中学", "北门幼儿园", "实验小学"].enumerated() {
            try folder.write("drop/\(k).txt", text: page(school, k))
        }
        let newPage = try folder.write("new.txt", text: page("育才中学", 7))
        let db = folder.file("w.sqlite")
        let load = CommandRunner.run(["load", folder.path + "/drop", "--db", db, "--quiet"])
        #expect(load.status == 0, "\(load.stderr)")
        return (folder, db, newPage)
    }

    @Test("templates lists what a load learned, by site; --site filters")
    func templatesListsTheLearnedLines() throws {
        let (folder, db, _) = try Self.loaded()
        let listed = CommandRunner.run(["templates", "--db", db, "--tsv"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.first == ["site", "text", "files", "site_files", "learned_run_id"])
        // The menu is noise by Clean's own rules; it is the site's template all the same.
        #expect(Set(rows.dropFirst().map { $0[1] }) == [Self.banner, Self.menu, Self.slogan])
        #expect(rows.dropFirst().allSatisfy { $0[0] == Self.site && $0[2] == "6" && $0[3] == "6" && $0[4] == "1" })
        let other = CommandRunner.run(["templates", "--db", db, "--site", "北山", "--tsv", "--no-headers"])
        #expect(other.status == 0)
        #expect(other.stdout.isEmpty)
        #expect(CommandRunner.run(["templates", "--db", folder.file("missing.sqlite")]).status == 74)
    }

    @Test("clean --explain applies a warehouse's templates with --db and names the site, and not without")
    func cleanExplainWithAndWithoutTheWarehouse() throws {
        let (folder, db, newPage) = try Self.loaded()
        defer { withExtendedLifetime(folder) {} }
        func label(of text: String, in output: String) -> [String]? {
            output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
                .first { $0.last == text }.map { Array($0[2...3]) }
        }
        let plain = CommandRunner.run(["clean", "--explain", newPage])
        #expect(plain.status == 0)
        #expect(label(of: Self.slogan, in: plain.stdout)?.first == "B")
        #expect(plain.stderr.isEmpty)

        let applied = CommandRunner.run(["clean", "--explain", newPage, "--db", db])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(label(of: Self.slogan, in: applied.stdout) == ["N", "site-template"])
        // The banner is a template line too; Clean's own rules may already call it noise (a head
        // line sharing no words with the report), and then its own rule stays.
        let plainBanner = try #require(label(of: Self.banner, in: plain.stdout))
        let keptByClean = plainBanner.first != "N"
        #expect(label(of: Self.banner, in: applied.stdout) == (keptByClean ? ["N", "site-template"] : plainBanner))
        #expect(applied.stderr.contains(Self.site))
        #expect(applied.stderr.contains("site-template"))
        // Only the template lines Clean kept changed.
        let before = plain.stdout.split(separator: "\n")
        let after = applied.stdout.split(separator: "\n")
        #expect(before.count == after.count)
        #expect(zip(before, after).filter { $0 != $1 }.count == (keptByClean ? 2 : 1))
    }

    @Test("a later load labels the new page's template lines noise, unless --no-site-templates")
    func laterLoadsApplyTheTemplates() throws {
        let (folder, db, newPage) = try Self.loaded()
        let second = folder.path + "/second"
        try FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: newPage, toPath: second + "/new.txt")
        let off = folder.file("off.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: off)
        #expect(CommandRunner.run(["load", second, "--db", db, "--quiet"]).status == 0)
        #expect(CommandRunner.run(["load", second, "--db", off, "--quiet", "--no-site-templates"]).status == 0)
        let query =
            "SELECT label, rule_id FROM doc_line WHERE text = '\(Self.slogan)' AND document_id IN "
            + "(SELECT document_id FROM dim_document WHERE source_path = 'new.txt')"
        #expect(CommandRunner.run(["sql", query, "--db", db, "--tsv", "--no-headers"]).stdout == "N\tsite-template\n")
        #expect(CommandRunner.run(["sql", query, "--db", off, "--tsv", "--no-headers"]).stdout == "B\ttail-sentence\n")
    }
}
