import EduwhCore
import Foundation

// MARK: - Structural shapes the labelling rules ask about

extension ScannedLine {
    /// A date and nothing else, possibly in brackets: `(2009年5月13日)`, `二〇一二年三月`,
    /// `2012.3.5`, `20XX年7月X日`.
    var isDateOnly: Bool { dateOnlyForm != nil }

    /// Whether a date-only line is written with 年/月 (`.chinese`) or only digits (`.numeric`).
    enum DateForm { case chinese, numeric }

    /// The form of a date-only line, or nil when the line is not just a date.
    var dateOnlyForm: DateForm? {
        guard shape.length >= 5, shape.length <= 22 else { return nil }
        var sawYearOrMonth = false
        var sawNumber = false
        var separators = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "年", "月": sawYearOrMonth = true
            case "-", "/", ".", "．": separators += 1
            case "日", "号", " ", "　", "(", ")", "（", "）", "[", "]", "【", "】": break
            case "0"..."9", "０"..."９": sawNumber = true
            case "〇", "○", "零", "Ｏ", "O", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": sawNumber = true
            // A template's blanked digits (20XX年7月X日, **年**月) stand for a date too.
            case "X", "x", "Ｘ", "ｘ", "×", "*", "＊": sawNumber = true
            default: return nil
            }
        }
        guard sawNumber else { return nil }
        if sawYearOrMonth { return .chinese }
        return separators == 2 && shape.digits >= 6 && shape.length <= 12 ? .numeric : nil
    }

    /// A full date with a four-digit year and nothing else, not in brackets (2024年03月01日): a news
    /// page's time stamp. A speech's own date is bracketed under its title ((2012年8月29日)).
    var isBareCalendarDate: Bool {
        guard dateOnlyForm == .chinese else { return false }
        return matchText.wholeMatch(of: /(19|20)[0-9]{2} *年 *[0-9]{1,2} *月 *[0-9]{1,2} *日/) != nil
    }

    /// A speaker's name alone: 2–3 ideographs led by a common surname (4 with a two-character one).
    /// A leading bullet (○杨晓丽) is allowed.
    func isPersonName(surnames: [String]) -> Bool {
        var name = Substring(matchText)
        while let first = name.unicodeScalars.first, "○●◎·•-—".unicodeScalars.contains(first) {
            name = name.dropFirst()
        }
        // A two-character name is often padded to the width of three (吴　忠, 王 强).
        if name.unicodeScalars.contains(where: LineShape.isSpace) {
            let compact = String(String.UnicodeScalarView(name.unicodeScalars.filter { !LineShape.isSpace($0) }))
            guard compact.unicodeScalars.count == 2 else { return false }
            name = Substring(compact)
        }
        let length = name.unicodeScalars.count
        guard shape.cjk == length, (2...4).contains(length) else { return false }
        for surname in surnames where name.hasPrefix(surname) {
            let rest = length - surname.unicodeScalars.count
            if rest >= 1, rest <= 2 { return true }
        }
        return false
    }

    /// A speaker's line of office and name: a short line whose last space-separated word is a
    /// name (王某某, 刘建华) and whose words before it end in an office title (县教育局局长　王某某,
    /// 校长 李华). Placeholder names (某某, ××, XX) count as names.
    func isOfficeAndName(surnames: [String], titles: [String]) -> Bool {
        let words = text.unicodeScalars.split { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }.map {
            String(scalars: $0)
        }
        guard words.count >= 2, words.count <= 3, shape.length <= 24, shape.punctuation == 0,
            let name = words.last, let office = words.dropLast().last,
            titles.contains(where: { office.hasSuffix($0) })
        else { return false }
        let length = name.count
        guard (2...4).contains(length),
            name.unicodeScalars.allSatisfy({
                (0x4E00...0x9FFF).contains($0.value) || "×xX*＊".unicodeScalars.contains($0)
            })
        else { return false }
        return surnames.contains { surname in
            guard name.hasPrefix(surname) else { return false }
            let rest = length - surname.count
            return rest >= 1 && rest <= 2
        }
    }

    /// An organisation's signature line: short, no punctuation or label colon, ending in an
    /// office word.
    func isOrganisation(suffixes: [String]) -> Bool {
        guard shape.length >= 3, shape.length <= 24, shape.punctuation == 0, shape.cjk * 2 >= shape.length,
            !text.contains(":"), !text.contains("：")
        else { return false }
        return suffixes.contains { matchText.hasSuffix($0) }
    }

    /// The last words of a document record's field labels (发布部门, 发布文号, 发文机关, 第2版).
    static let recordFieldEnds = ["部门", "单位", "文号", "字号", "机构", "机关", "日期", "时间", "分类", "类别", "版"]

    /// A document record's `label: value` line: a label of 2–6 ideographs or digits ending in a
    /// record field's word (发布部门, 文号, 第2版) or a value with a date (发表于: 2013/06/04), a
    /// colon, and a value of at most 30 characters with no sentence punctuation. A news title
    /// (厦门:新增学位5.9万个) or a thesis cover's 学生:陈小涵 is none.
    var isFieldAndValue: Bool {
        guard shape.length <= 40, shape.punctuation == 0, !shape.endsSentence else { return false }
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.prefix(8).firstIndex(where: { $0 == ":" || $0 == "：" }), colon >= 2,
            scalars[..<colon].allSatisfy({ $0.properties.isIdeographic || ("0"..."9").contains($0) })
        else { return false }
        let value = scalars[(colon + 1)...].filter { !LineShape.isSpace($0) }
        guard !value.isEmpty, value.count <= 30 else { return false }
        let label = String(String.UnicodeScalarView(scalars[..<colon]))
        let folded = String(matchText.unicodeScalars.prefix(colon))
        return Self.recordFieldEnds.contains { label.hasSuffix($0) || folded.hasSuffix($0) }
            || value.filter({ ("0"..."9").contains($0) }).count >= 6
    }

    /// A sentence leading into what follows it: 16 or more characters with a clause break, ending
    /// in a colon (根据…的通知，现将我单位2015年度部门决算说明如下：), or any ending in 如下 and a colon
    /// (现将县教育局20xx年度工作向县人大常委会报告如下:). A title does not end so; a short label
    /// (温馨提示：) or a greeting (尊敬的各位领导：) is a matter for its own rule.
    var isLeadIn: Bool {
        guard let last = text.unicodeScalars.last, last == ":" || last == "：" else { return false }
        return (shape.length >= 16 && shape.punctuation >= 1) || text.dropLast().hasSuffix("如下")
    }

    /// An item of a web page's list (a sidebar's headline, a menu's entry, a button): a short line
    /// led by the bullets pages draw, • or a hyphen and a space (• 相关推荐, - 目录, - 2021-04-17 发布,
    /// • 3月居民存款为7244亿元), or one with no ideograph at all after the bullet (markup left in the
    /// text). Reports print their own lists with ■ ● ◆ or numbers, in sentences.
    var isWebListItem: Bool {
        opensWithWebBullet && (shape.length <= 24 || shape.cjk == 0)
    }

    /// Whether the line opens with a web list's bullet (• or a hyphen and a space), whatever its length.
    var opensWithWebBullet: Bool {
        let scalars = Array(text.unicodeScalars.prefix(2))
        guard let first = scalars.first else { return false }
        return first == "•" || (first == "-" && scalars.count == 2 && LineShape.isSpace(scalars[1]))
    }

    /// A page's counter in place of a title: a label and a count, or several (查看: 2228|回复: 0,
    /// 文章推荐指数: 80 %, 投票人数:10人, 2153次). A label needs a colon unless a unit of count or a
    /// percent sign follows the number; a title's piece number (工作总结1) has neither.
    var isCounter: Bool {
        guard shape.length <= 40, shape.digits > 0 else { return false }
        let items = text.split(whereSeparator: { $0 == "|" || $0 == "｜" })
        return !items.isEmpty && items.allSatisfy { Self.isCounterItem(Array($0.unicodeScalars)) }
    }

    private static let counterUnits: [String] = ["人次", "%", "％", "人", "次", "条", "篇", "W", "w", "万"]

    private static func isCounterItem(_ item: [Unicode.Scalar]) -> Bool {
        var rest = item.filter { !LineShape.isSpace($0) && !"()（）".unicodeScalars.contains($0) }[...]
        var label = 0
        while let c = rest.first, c.properties.isIdeographic || (c.isASCII && c.properties.isAlphabetic) {
            label += 1
            rest = rest.dropFirst()
        }
        var colon = false
        if let c = rest.first, c == ":" || c == "：" {
            colon = true
            rest = rest.dropFirst()
        }
        guard label <= 8, let d = rest.first, ("0"..."9").contains(d) else { return false }
        while let c = rest.first, ("0"..."9").contains(c) || c == "." || c == "," { rest = rest.dropFirst() }
        let unit = String(String.UnicodeScalarView(rest))
        guard unit.isEmpty || counterUnits.contains(unit) else { return false }
        return (colon && label > 0) || !unit.isEmpty
    }

    /// A speaker's greeting to the room: a few words ending in 好 and an exclamation or stop
    /// (大家好！, 各位老师下午好!), not a site's slogan.
    var isGreeting: Bool {
        let words = comparable
        guard words.hasSuffix("好"), words.unicodeScalars.count <= 10, shape.punctuation <= 1 else { return false }
        guard let last = text.unicodeScalars.last else { return false }
        return "!！。".unicodeScalars.contains(last)
    }

    /// Starts with a bullet (■ ● ◆ ▲ ► • ·): an item of a list, not a title.
    var startsWithBullet: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return "■□●○◆◇▲△►▶•·".unicodeScalars.contains(first)
    }

    /// A piece's title with its marker at the end: 个人学校校长述职报告 篇1, 学校建设报告篇一, 校长述职报告【第一篇】.
    var endsWithPieceMarker: Bool {
        guard shape.length <= 64, let last = text.unicodeScalars.last,
            "0123456789０１２３４５６７８９一二三四五六七八九十】]）)".unicodeScalars.contains(last)
        else { return false }
        return Self.pieceMarkerEnd.firstMatch(in: matchText, range: NSRange(matchText.startIndex..., in: matchText))
            != nil
    }

    /// Compiled once: `range(of:options: .regularExpression)` compiled its pattern on every call.
    static let pieceMarkerEnd = try! NSRegularExpression(
        pattern:
            #"^.{4,60}?(\s篇\s*[0-9０-９一二三四五六七八九十]{1,3}|篇\s*[0-9０-９]{1,2}|(?<![第上中下])篇[一二三四五六七八九十]{1,3}"#
            + #"|[【\[（(]\s*第\s*[一二三四五六七八九十0-9０-９]{1,3}\s*篇\s*[】\]）)])$"#
    )

    /// A document number alone: 瓯教〔2013〕16 号, 贵政办[2011]284号.
    var isDocumentNumber: Bool {
        guard shape.length <= 24, shape.punctuation == 0 else { return false }
        return Self.documentNumber.firstMatch(in: matchText, range: NSRange(matchText.startIndex..., in: matchText))
            != nil
    }

    static let documentNumber = try! NSRegularExpression(
        pattern: #"^[\p{Han}]{1,10}\s*[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号$"#)

    /// A notice's addressees: 各县、市、区人民政府，市直各单位： (各 … and a colon at the end), or a
    /// list of two or more short names apart by 、 and closed by a colon (主任、副主任、各位委员:,
    /// 甌海區澤雅中學、甌海區澤雅鎮第一小學:), whom a report or a request is addressed to.
    var isAddressee: Bool {
        guard shape.length <= 80, !shape.endsSentence, let last = text.unicodeScalars.last, last == ":" || last == "："
        else { return false }
        if text.hasPrefix("各") { return true }
        let names = text.dropLast().split(separator: "、")
        return shape.punctuation == 0 && names.count >= 2 && names.allSatisfy { (2...12).contains($0.count) }
    }

    /// Whether a 《 or “ is left open at the line's end (a 》 or ” closing one from the line
    /// before does not count: 工作方案》、…《2022 leaves one open, …报告》的通知 does not).
    var leavesQuoteOpen: Bool {
        var book = 0
        var quote = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "《": book += 1
            case "》": book = max(0, book - 1)
            case "“": quote += 1
            case "”": quote = max(0, quote - 1)
            default: break
            }
        }
        return book > 0 || quote > 0
    }

    /// A flattened table row (`在校学生（人） 48210 50136`, `项目 2020年 2021年`, see `TableCells`):
    /// report content wherever it stands.
    var isTableRow: Bool { TableCells(text) != nil }

    /// Holds a counted figure: digits right before 万, 亿, %, or a measure word of a count (所 人 名
    /// 个 元 座 间 亩 平方米): 学校21.26万所, 巩固率达到94.8%, 新建幼儿园12所. A year (2021年), a
    /// date or a link's percent escape (%E5) holds none.
    var hasCountedFigure: Bool {
        let scalars = Array(matchText.unicodeScalars)
        for (n, s) in scalars.enumerated() where n > 0 && ("0"..."9").contains(scalars[n - 1]) {
            if "万萬亿億%％所人名个個元座间間亩畝".unicodeScalars.contains(s)
                || (s == "平" && n + 2 < scalars.count
                    && scalars[n + 1] == "方" && scalars[n + 2] == "米")
            {
                // A percent escape in a link (%E5%A5) is followed by a hex letter.
                if s == "%", n + 1 < scalars.count, scalars[n + 1].isASCII, scalars[n + 1].properties.isAlphabetic {
                    continue
                }
                return true
            }
        }
        return false
    }

    /// A section heading of the report: 一、  (一)  1、  第一 …
    var isListHeading: Bool {
        let scalars = Array(text.unicodeScalars.prefix(6))
        guard !scalars.isEmpty else { return false }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || ("０"..."９").contains(s) }
        var i = 0
        if scalars[0] == "(" || scalars[0] == "（" { i = 1 }
        if i < scalars.count, scalars[i] == "第" { return scalars.count > i + 1 && numerals.contains(scalars[i + 1]) }
        var count = 0
        while i < scalars.count, numerals.contains(scalars[i]) || isDigit(scalars[i]) {
            i += 1
            count += 1
        }
        guard count > 0, count <= 2, i < scalars.count else { return false }
        return ["、", ".", "．", ")", "）", "是"].contains(scalars[i])
    }

    /// Starts with a dash, as a subtitle does: ——在全县教育工作会议上的讲话
    var startsWithDash: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "—" || first == "―" || first == "-" || first == "－" || first == "─"
    }

    /// The text without spaces and punctuation, for comparing title copies.
    var comparable: String { Self.comparable(text) }

    static func comparable(_ text: String) -> String { comparableCounted(text).text }

    /// `comparable(text)`, its length in scalars and whether it is plain (`PlainText.isPlain`), from
    /// one pass over the UTF-8: the bytes of each kept scalar are copied as they stand (appending
    /// scalar by scalar to a `String.UnicodeScalarView` and counting the result again cost several
    /// times more).
    static func comparableCounted(_ text: String) -> (text: String, count: Int, plain: Bool) {
        var count = 0
        var plain = true
        var text = text
        let out = text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var i = 0
                var n = 0
                while i < bytes.count {
                    // A String's UTF-8 is valid: the lead byte gives the length.
                    let b0 = UInt32(bytes[i])
                    let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
                    var value = length == 1 ? b0 : b0 & (0x7F >> length)
                    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    if let scalar = Unicode.Scalar(value), isComparable(scalar) {
                        if plain, !PlainText.isPlain(scalar) { plain = false }
                        for k in 0..<length { buffer[n + k] = bytes[i + k] }
                        n += length
                        count += 1
                    }
                    i += length
                }
                return n
            }
        }
        return (out, count, plain)
    }

    /// The first `limit` scalars of `comparable(text)`, without reading the rest of the text.
    static func comparablePrefix(_ text: String, _ limit: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where isComparable(scalar) {
            guard out.count < limit else { break }
            out.append(scalar)
        }
        return out
    }

    /// Not a space and not punctuation-like; CJK ideographs and ASCII letters and digits (letters
    /// and numbers in Unicode) are answered without looking up their general category.
    @inline(__always)
    static func isComparable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return !LineShape.isSpace(scalar) && !scalar.properties.generalCategory.isPunctuationLike
        }
    }

    /// Where a footnote mark ([1], [12]) ends the text: the match of `\[[0-9]{1,2}\]$`.
    static func footnoteMark(in text: String) -> Range<String.Index>? {
        // The mark's ] ends the text, or stands before a line terminator, where ICU's $ matches too.
        guard let last = text.unicodeScalars.last,
            last == "]" || [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(last.value)
        else { return nil }
        return footnoteMarkPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap {
            Range($0.range, in: text)
        }
    }

    static let footnoteMarkPattern = try! NSRegularExpression(pattern: #"\[[0-9]{1,2}\]$"#)

    /// Where a site's decoration ends a title: a bracket naming the collection or the file, not the
    /// report (【精选推荐】, [此文共6545字], (通用10篇), 【完整版】), or a news site's photo mark
    /// ((图1), (组图)).
    static func siteDecoration(in text: String) -> Range<String.Index>? {
        guard let last = text.unicodeScalars.last, "】]）)".unicodeScalars.contains(last) else { return nil }
        return siteDecorationPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).flatMap {
            Range($0.range, in: text)
        }
    }

    static let siteDecorationPattern = try! NSRegularExpression(
        pattern:
            #"\s*[【\[(（][^】\])）]{0,12}(精[选選]|推[荐薦]|通用|[范範]文|篇|字|大全|合集|模板|[范範]本|最新|完整版|[实實]用|[优優]质|[汇匯][总總]|[组組]?[图圖]\s*[0-9]{0,2}(?=[】\])）]$))"#
            + #"[^】\])）]{0,12}[】\])）]$"#)

    /// What is left of a title with a site's decoration once the report's own words are taken off
    /// it, spaces and brackets gone (`isComparable`): a collection's or a file's tag (完整版, 范文推荐,
    /// 精选, 新闻) or a file's extension (docx, pdf).
    static let decorationTailPattern =
        #"^(\p{Han}{0,4}(精[选選]|推[荐薦]|通用|[范範]文|大全|合集|模板|[范範]本|最新|完整版|[实實]用|[优優]质|[汇匯]总|新[闻聞])"#
        + #"\p{Han}{0,2}|[Dd][Oo][Cc][Xx]?|[Pp][Dd][Ff]|[Ww][Pp][Ss]|[Pp][Pp][Tt][Xx]?|[Tt][Xx][Tt])$"#
}

extension Unicode.GeneralCategory {
    var isPunctuationLike: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol:
            true
        default: false
        }
    }
}
