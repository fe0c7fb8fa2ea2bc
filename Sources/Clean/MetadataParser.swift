import EduwhCore
import Foundation

/// Reads site metadata (publish time, author, word count, source site, breadcrumb) out of a
/// report's `M` lines.
///
/// ```swift
/// MetadataParser(rules: .standard).parse(["时间:2021-09-02 08:05:00 作者:佚名 字数:3120字"])
/// // publishedAt "2021-09-02 08:05:00", author "佚名", wordCount 3120
/// ```
public struct MetadataParser: Sendable {
    var buttons: [String]
    var crumbHomes: Set<String>
    var folding: ScriptFolding

    /// A parser that strips the buttons and breadcrumb roots listed in `rules`' lexicon.
    public init(rules: CleanRules) {
        buttons = rules.words("meta-button").sorted { $0.count > $1.count }
        crumbHomes = Set(rules.words("crumb-home"))
        folding = rules.folding
    }

    private static let date = try! NSRegularExpression(
        pattern:
            #"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*T?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?"#
    )
    private static let field = try! NSRegularExpression(
        pattern: #"(作者|编辑|责任编辑|发布人|发布者|发布机构|来源|信息来源|出处|字数)\s*[:：]\s*([^\s|｜]*)"#)
    private static let fieldKeys = ["作者", "来源", "出处", "字数", "时间", "日期", "发布", "编辑", "浏览", "阅读", "点击", "更新"]
    private static let crumbSeparators: Set<Character> = [">", "＞", "»", "›", "→"]
    private static let crumbLeads = ["当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "您当前的位置", "所在位置", "现在位置", "位置"]

    /// The metadata found in `lines` (the text of a report's `M` lines, in order). The first
    /// value found for each attribute wins.
    public func parse(_ lines: [String]) -> SiteMetadata {
        var metadata = SiteMetadata()
        for original in lines {
            // Field names are found in simplified script; values come out simplified too.
            let line = folding.fold(original)
            let ns = line as NSString
            let whole = NSRange(location: 0, length: ns.length)
            if line.contains(where: { Self.crumbSeparators.contains($0) }) {
                let crumbs = breadcrumb(line)
                if crumbs.count >= 2, metadata.breadcrumb.isEmpty {
                    metadata.breadcrumb = crumbs
                    continue
                }
            }
            if metadata.publishedAt == nil, let m = Self.date.firstMatch(in: line, range: whole) {
                let part = { (i: Int) -> Int? in
                    let r = m.range(at: i)
                    return r.location == NSNotFound ? nil : Int(ns.substring(with: r))
                }
                if let y = part(1), let mo = part(2), let d = part(3), (1...12).contains(mo), (1...31).contains(d) {
                    // Digits padded by hand: String(format:) goes through CFString on Linux.
                    var value = Self.padded(y, 4) + "-" + Self.padded(mo, 2) + "-" + Self.padded(d, 2)
                    if let h = part(4), let mi = part(5), h < 24, mi < 60 {
                        value += " " + Self.padded(h, 2) + ":" + Self.padded(mi, 2) + ":" + Self.padded(part(6) ?? 0, 2)
                    }
                    metadata.publishedAt = value
                }
            }
            for m in Self.field.matches(in: line, range: whole) {
                let key = ns.substring(with: m.range(at: 1))
                let value = cut(ns.substring(with: m.range(at: 2)))
                guard !value.isEmpty else { continue }
                switch key {
                case "字数":
                    if metadata.wordCount == nil {
                        metadata.wordCount = Int(value.prefix { $0.isASCII && $0.isNumber })
                    }
                case "来源", "信息来源", "出处":
                    if metadata.sourceSite == nil { metadata.sourceSite = value }
                default:
                    if metadata.author == nil { metadata.author = value }
                }
            }
        }
        // The breadcrumb's root names the site unless it is just 首页.
        if metadata.sourceSite == nil, let root = metadata.breadcrumb.first, !crumbHomes.contains(root) {
            metadata.sourceSite = root
        }
        return metadata
    }

    /// Whether a breadcrumb line names the site (`当前位置：某某网 > 工作总结`, kept as metadata)
    /// rather than starting from a bare home link (`首页 > 新闻`, navigation): two or more crumbs
    /// (split at > » › → and at /), the first not a home word (首页, spaced out as 首 页 or
    /// not, 本站首页) once a lead (当前位置：) and bullets are cut off; or a single crumb that is a
    /// site's name (当前位置:某某范文网 >, ending in 网 or 文库).
    public func breadcrumbNamesSite(_ line: String) -> Bool {
        var crumbs = breadcrumb(folding.fold(line))
        if crumbs.count < 2 {
            crumbs = crumbs.flatMap { $0.split(whereSeparator: { $0 == "/" || $0 == "／" }) }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let rootCrumb = crumbs.first else { return false }
        var first = Substring(rootCrumb)
        if let colon = first.lastIndex(where: { $0 == ":" || $0 == "：" }) {
            first = first[first.index(after: colon)...]
        }
        let root = String(first.unicodeScalars.filter { !LineShape.isSpace($0) && $0 != "•" && $0 != "·" })
        guard !root.isEmpty, !crumbHomes.contains(root) else { return false }
        return crumbs.count >= 2 || (crumbs.count == 1 && (root.hasSuffix("网") || root.hasSuffix("文库")))
            || (crumbs.count == 1 && Self.opensWithSiteName(root))
    }

    /// A breadcrumb whose separators the page's text lost opens with the site's name, glued to
    /// the sections after it (当前位置:得优网知识大全范文计划总结…, 三人行学习网文档中心范文…): a name of
    /// two to eight characters ending in 网, and more after it.
    static func opensWithSiteName(_ root: String) -> Bool {
        let scalars = Array(root.unicodeScalars.prefix(10))
        guard let net = scalars.firstIndex(of: "网"), net >= 2, root.unicodeScalars.count > net + 2 else { return false }
        return scalars[..<net].allSatisfy { $0.properties.isIdeographic }
    }

    /// Breadcrumb elements of a line (`当前位置: A > B > C` → [A, B, C]).
    func breadcrumb(_ line: String) -> [String] {
        var body = Substring(line)
        for lead in Self.crumbLeads where body.hasPrefix(lead) {
            body = body.dropFirst(lead.count).drop { $0 == " " || $0 == ":" || $0 == "：" || $0 == "　" || $0 == "是" }
            break
        }
        return body.split(whereSeparator: { Self.crumbSeparators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// `value` in decimal with leading zeros to `width` digits (what `%0Nd` prints for it).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A field value without the next glued field or trailing site buttons
    /// (`某某文库收藏下载本文` → `某某文库`).
    func cut(_ raw: String) -> String {
        // Byte searches (Foundation's range(of:) bridges to NSString); a match starts on a character.
        var bytes = Array(raw.utf8)
        for key in Self.fieldKeys {
            if let at = ByteSearch.firstIndex(of: key, in: bytes), at > 0 { bytes.removeSubrange(at...) }
        }
        var value = String(decoding: bytes, as: UTF8.self)
        var changed = true
        while changed {
            changed = false
            for button in buttons where value.hasSuffix(button) && value.count > button.count {
                value.removeLast(button.count)
                changed = true
            }
        }
        return value
    }
}
