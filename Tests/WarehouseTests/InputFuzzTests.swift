import Foundation
import Ingest
import Pipeline
import TestSupport
import Testing
import Warehouse

/// Fuzz-style inputs for a whole load (issue #20): random bytes, random encodings of real text,
/// random HTML nesting and absurd numbers, a fixed number of cases from a fixed seed (the same
/// files every run; no timing asserted). Whatever the bytes, every file is loaded or rejected
/// with a reason, nothing is rejected by SQLite, and the data tests pass afterwards.
@Suite struct InputFuzzTests {

    static let sentences: [String] = {
        let text =
            (try? String(contentsOf: PackagePaths.imports.appending(path: "001_771c83aade38c1b7.txt"), encoding: .utf8))
            ?? "全年投入教育经费3.48亿元。"
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }()

    static func chineseText(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...12, using: &random)).map { _ in sentences.randomElement(using: &random)! }.joined(
            separator: "\n")
    }

    static func randomBytes(_ random: inout SeededGenerator) -> [UInt8] {
        (0..<Int.random(in: 0...3000, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    static func randomEncoding(_ random: inout SeededGenerator) -> [UInt8] {
        let text = chineseText(&random)
        var bytes: [UInt8]
        switch Int.random(in: 0..<6, using: &random) {
        case 0: bytes = Array(text.utf8)
        case 1: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case 2: bytes = [0xFF, 0xFE] + (IconvEncoder.encode(text, to: "UTF-16LE") ?? [])
        case 3: bytes = [0xFE, 0xFF] + (IconvEncoder.encode(text, to: "UTF-16BE") ?? [])
        case 4: bytes = IconvEncoder.encode(text, to: "GB18030") ?? []
        default: bytes = IconvEncoder.encode(text, to: "BIG5//TRANSLIT") ?? Array(text.utf8)
        }
        // Sometimes cut anywhere (mid-character), or with a few bytes flipped.
        if Bool.random(using: &random), !bytes.isEmpty {
            bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        }
        if Int.random(in: 0..<4, using: &random) == 0, !bytes.isEmpty {
            for _ in 0..<3 {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
        }
        return bytes
    }

    static func randomHTML(_ random: inout SeededGenerator) -> [UInt8] {
        let tags = [
            "div", "p", "span", "table", "tr", "td", "script", "style", "a", "li", "ul", "br", "h1", "noscript",
            "iframe",
        ]
        var html =
            Bool.random(using: &random) ? "<html><head><meta charset=\"utf-8\"><title>教育局工作报告</title></head><body>" : ""
        var open: [String] = []
        for _ in 0..<Int.random(in: 1...400, using: &random) {
            switch Int.random(in: 0..<8, using: &random) {
            case 0, 1:
                let tag = tags.randomElement(using: &random)!
                html += "<\(tag) class=\"x\(open.count)\">"
                open.append(tag)
            case 2:
                if let tag = open.popLast() { html += "</\(tag)>" }
            case 3:
                html += [
                    "&nbsp;", "&#20013;", "&#x6587;", "&amp;", "&bogus;", "&#99999999;", "<!-- 注释 -->", "<![CDATA[x]]>",
                    "<", ">",
                ].randomElement(using: &random)!
            default: html += sentences.randomElement(using: &random)!
            }
        }
        // Unclosed tags left open on purpose.
        return Array(html.utf8)
    }

    static func absurdNumbers(_ random: inout SeededGenerator) -> [UInt8] {
        var text = sentences.prefix(3).joined(separator: "\n") + "\n"
        for _ in 0..<Int.random(in: 1...20, using: &random) {
            let digits = String(
                (0..<Int.random(in: 1...900, using: &random)).map { _ in "0123456789".randomElement(using: &random)! })
            text +=
                ["全年投入资金", "新建校舍", "招收学生", "增长"].randomElement(using: &random)! + digits
                + ["万元", "亿元", "平方米", "人", "%", "余所", "年"].randomElement(using: &random)! + "。\n"
        }
        return Array(text.utf8)
    }

    @Test func randomInputsLoadOrAreRejectedWithAReason() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/drop", withIntermediateDirectories: true)
        var random = SeededGenerator(seed: 20)
        let cases = 120
        for index in 0..<cases {
            let (bytes, ext): ([UInt8], String) =
                switch index % 4 {
                case 0: (Self.randomBytes(&random), "txt")
                case 1: (Self.randomEncoding(&random), "txt")
                case 2: (Self.randomHTML(&random), "html")
                default: (Self.absurdNumbers(&random), "txt")
                }
            try folder.write("drop/case-\(index).\(ext)", bytes: bytes)
        }
        let db = folder.path + "/w.sqlite"
        var reasons: [String: Int] = [:]
        let report = try Loader(warehouse: Warehouse(path: db), version: "fuzz").load(folder: folder.path + "/drop") {
            event in
            if case .rejected(_, let stage, let reason, _) = event {
                reasons["\(stage.rawValue)/\(reason)", default: 0] += 1
            }
        }
        #expect(report.counts.filesSeen == cases)
        #expect(report.counts.filesLoaded + report.counts.filesUnchanged + report.counts.filesRejected == cases)
        #expect(reasons.keys.allSatisfy { !$0.hasPrefix("warehouse/") }, "rejected by SQLite: \(reasons)")
        #expect(report.counts.filesLoaded > cases / 4, "\(reasons)")
        let failures = try Warehouse(path: db, readOnly: true).runChecks(DataCheck.standard()).filter { !$0.passed }
        #expect(failures.isEmpty, "\(failures.map { "\($0.check.id): \($0.failingRows) \($0.error ?? "")" })")
    }
}
