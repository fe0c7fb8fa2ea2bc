import EduwhCore

/// Reduces an HTML page to its visible text, one line per block element.
///
/// A careful single-pass scanner over the UTF-8 bytes (tags and entities are ASCII, so a cut at a
/// tag never splits a character) rather than libxml2: adding a system-library target and its
/// pkg-config setup to every build costs more than this handles, scraped pages are tag soup that
/// libxml2's HTML parser "repairs" in surprising ways, and the scanner runs at several hundred MB/s.
///
/// What it does:
/// - drops comments, `<!DOCTYPE>`, the text of `<head>` and the content of `script`, `style`, `noscript`,
///   `template`, `title`, `iframe`, `object`, `svg`, `select`, `textarea`, and of elements
///   hidden with the `hidden` attribute or `display:none` / `visibility:hidden` (scraper traps);
/// - ends the line at block elements (`p`, `div`, `br`, `li`, `h1`–`h6`, `tr`, `section`,
///   `article`, `table`, …) and puts a space between table cells;
/// - collapses runs of whitespace to one space, dropping it where a source line break falls
///   between two CJK characters (as browsers do for Chinese); keeps `<pre>` line breaks;
/// - decodes character references (`HTMLEntities`); `&nbsp;` becomes a plain space;
/// - drops lines left empty.
///
/// ```swift
/// HTMLTextExtractor.visibleText(of: "<p>教育&nbsp;投入</p><script>x()</script><div>3.48亿元</div>")
/// // "教育 投入\n3.48亿元"
/// ```
enum HTMLTextExtractor {
    /// The visible text of `html`.
    static func visibleText(of html: String) -> String {
        var scanner = Scanner(bytes: Array(html.utf8))
        scanner.run()
        return String(decoding: scanner.output, as: UTF8.self)
    }

    // MARK: - Element tables

    /// Elements that end a line before and after them.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option",
        "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]

    /// Elements whose content is never visible text.
    static let hiddenContentElements: Set<String> = [
        "script", "style", "noscript", "template", "title", "iframe", "object", "svg", "select", "textarea",
    ]

    /// Elements that may stand in `<head>`; any other start tag begins the body (pages often
    /// omit `</head>` and `<body>`).
    static let headElements: Set<String> = [
        "base", "link", "meta", "noscript", "script", "style", "template", "title", "object",
    ]

    /// Elements with no end tag (their `hidden` attribute hides nothing to skip).
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Table cells: separated by a space.
    static let cellElements: Set<String> = ["td", "th"]

    /// What the scanner needs to know of a tag name.
    struct TagKind: OptionSet {
        let rawValue: UInt8
        static let block = TagKind(rawValue: 1)
        static let hiddenContent = TagKind(rawValue: 2)
        static let headElement = TagKind(rawValue: 4)
        static let void = TagKind(rawValue: 8)
        static let cell = TagKind(rawValue: 16)
        static let head = TagKind(rawValue: 32)
        static let pre = TagKind(rawValue: 64)
    }

    /// A tag name of at most 16 bytes, each byte `| 0x20` (ASCII letters lower-cased), packed.
    struct PackedName: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ bytes: ArraySlice<UInt8>) {
            guard bytes.count <= 16 else { return nil }
            var shift: UInt64 = 0
            var i = bytes.startIndex
            while i < bytes.endIndex, shift < 64 {
                low |= UInt64(bytes[i] | 0x20) << shift
                shift += 8
                i += 1
            }
            shift = 0
            while i < bytes.endIndex {
                high |= UInt64(bytes[i] | 0x20) << shift
                shift += 8
                i += 1
            }
        }
    }

    /// The kinds of the names in the element tables; any other name has none.
    static let tagKinds: [PackedName: TagKind] = {
        var kinds: [PackedName: TagKind] = [:]
        func add(_ names: Set<String>, _ kind: TagKind) {
            for name in names { kinds[PackedName(Array(name.utf8)[...])!, default: []].insert(kind) }
        }
        add(blockElements, .block)
        add(hiddenContentElements, .hiddenContent)
        add(headElements, .headElement)
        add(voidElements, .void)
        add(cellElements, .cell)
        add(["head"], .head)
        add(["pre"], .pre)
        return kinds
    }()

    /// The kind of a tag name as written (its bytes `| 0x20` are compared with the tables').
    static func kind(ofName name: ArraySlice<UInt8>) -> TagKind {
        guard let packed = PackedName(name) else { return [] }
        return tagKinds[packed] ?? []
    }

    // MARK: - Scanner

    private struct Scanner {
        let bytes: [UInt8]
        var output: [UInt8] = []
        var index = 0
        /// Whitespace seen since the last character: none, a space, or a run holding a line break.
        var pendingSpace: PendingSpace = .none
        var lineHasText = false
        var preDepth = 0
        /// Inside `<head>`: text there is never shown.
        var inHead = false

        enum PendingSpace { case none, space, lineBreak }

        init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count / 2)
        }

        mutating func run() {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"):
                    if !scanMarkup() {
                        emit(byte)
                        index += 1
                    }
                case UInt8(ascii: "&"):
                    if let (text, length) = HTMLEntities.decode(bytes[...], at: index) {
                        for scalar in text.utf8 { emitEntityByte(scalar) }
                        index += length
                    } else {
                        emit(byte)
                        index += 1
                    }
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                    if preDepth > 0 {
                        if byte == 0x0A { endLine(keepEmpty: true) } else if byte != 0x0D { emit(byte) }
                    } else if byte == 0x0A || byte == 0x0D {
                        pendingSpace = .lineBreak
                    } else if pendingSpace == .none {
                        pendingSpace = .space
                    }
                    index += 1
                default:
                    // A run of plain text bytes (all of a Chinese sentence): copied in one go.
                    var end = index + 1
                    while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "<"),
                        bytes[end] != UInt8(ascii: "&")
                    { end += 1 }
                    emitRun(index..<end)
                    index = end
                }
            }
            endLine(keepEmpty: false)
            while output.last == 0x0A { output.removeLast() }
        }

        /// Appends a text byte, first writing the pending collapsed whitespace if it is visible.
        private mutating func emit(_ byte: UInt8) {
            if inHead { return }
            if pendingSpace != .none {
                if lineHasText, !(pendingSpace == .lineBreak && isWideBoundary(nextLead: byte)) { output.append(0x20) }
                pendingSpace = .none
            }
            output.append(byte)
            lineHasText = true
        }

        /// Appends `bytes[range]` (plain text, no whitespace) like `emit` does byte by byte.
        private mutating func emitRun(_ range: Range<Int>) {
            if inHead { return }
            emit(bytes[range.lowerBound])
            output.append(contentsOf: bytes[(range.lowerBound + 1)..<range.upperBound])
        }

        /// An entity's bytes: a decoded space is text only inside a line (leading ones are indentation).
        private mutating func emitEntityByte(_ byte: UInt8) {
            if byte == 0x20 {
                if lineHasText { output.append(0x20) }
                return
            }
            emit(byte)
        }

        /// Whether the last written character and the next one are both wide (CJK): a source line
        /// break between them is not a space.
        private func isWideBoundary(nextLead: UInt8) -> Bool {
            guard nextLead >= 0xE2, let last = output.last, last >= 0x80 else { return false }
            var start = output.count - 1
            while start > 0, output[start] & 0xC0 == 0x80 { start -= 1 }
            return output[start] >= 0xE2
        }

        private mutating func endLine(keepEmpty: Bool) {
            while output.last == 0x20 { output.removeLast() }
            if lineHasText || (keepEmpty && preDepth > 0) { output.append(0x0A) }
            lineHasText = false
            pendingSpace = .none
        }

        /// Handles the markup at `index` (a `<`); false when it is a literal `<` in text.
        private mutating func scanMarkup() -> Bool {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "!") {
                if starts(with: "<!--", at: index) {
                    index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                } else if starts(with: "<![cdata[", at: index) {
                    index = find("]]>", from: index + 9).map { $0 + 3 } ?? bytes.count
                } else {
                    index = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                }
                return true
            }
            if next == UInt8(ascii: "?") {
                index = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                return true
            }
            let closing = next == UInt8(ascii: "/")
            var cursor = index + (closing ? 2 : 1)
            let nameStart = cursor
            while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart, isLetter(bytes[nameStart]) else { return false }
            let nameEnd = cursor
            let kind = HTMLTextExtractor.kind(ofName: bytes[nameStart..<nameEnd])
            let attributesStart = cursor
            guard let end = tagEnd(from: cursor) else { return false }
            index = end + 1

            if closing {
                if kind.contains(.head) { inHead = false }
                if kind.contains(.pre), preDepth > 0 { preDepth -= 1 }
                if kind.contains(.block) { endLine(keepEmpty: false) }
                return true
            }
            if kind.contains(.head) {
                inHead = true
                return true
            }
            if inHead, !kind.contains(.headElement) { inHead = false }
            let attributes = bytes[attributesStart..<end]
            if kind.contains(.hiddenContent) || (!kind.contains(.void) && isHidden(attributes)) {
                if attributes.last != UInt8(ascii: "/") {
                    skipContent(of: String(decoding: bytes[nameStart..<nameEnd].map { $0 | 0x20 }, as: UTF8.self))
                }
                if kind.contains(.block) { endLine(keepEmpty: false) }
                return true
            }
            if kind.contains(.block) {
                endLine(keepEmpty: false)
                if kind.contains(.pre) { preDepth += 1 }
            } else if kind.contains(.cell), lineHasText {
                pendingSpace = .space
            }
            return true
        }

        /// Moves `index` past the end tag matching `name`, counting nested elements of the same name.
        private mutating func skipContent(of name: String) {
            let rawText = ["script", "style", "textarea", "title", "noscript", "template", "iframe", "xmp"].contains(
                name)
            var depth = 1
            var cursor = index
            while cursor < bytes.count, let open = bytes[cursor...].firstIndex(of: UInt8(ascii: "<")) {
                let closing = open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "/")
                let nameStart = open + (closing ? 2 : 1)
                var nameEnd = nameStart
                while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                let matches =
                    nameEnd - nameStart == name.utf8.count
                    && zip(bytes[nameStart..<nameEnd], name.utf8).allSatisfy { $0 | 0x20 == $1 }
                if matches, closing {
                    depth -= 1
                    if depth == 0 {
                        index = (tagEnd(from: nameEnd) ?? bytes.count - 1) + 1
                        return
                    }
                } else if matches, !rawText {
                    if let end = tagEnd(from: nameEnd), bytes[end - 1] != UInt8(ascii: "/") { depth += 1 }
                } else if !rawText, bytes[nameStart...].starts(with: Array("!--".utf8)) {
                    cursor = find("-->", from: open + 4).map { $0 + 3 } ?? bytes.count
                    continue
                }
                cursor = open + 1
            }
            // No end tag: script-like content runs to the end (as in browsers); an element merely
            // hidden by an attribute is not skipped, rather than losing the rest of the page.
            if rawText { index = bytes.count }
        }

        /// Whether a start tag's attributes hide the element: `display:none` or
        /// `visibility:hidden` in any case with whitespace anywhere, or a bare `hidden`.
        private func isHidden(_ attributes: ArraySlice<UInt8>) -> Bool {
            guard !attributes.isEmpty else { return false }
            // One pass over the bytes without whitespace, lower-cased: each pattern's first byte
            // occurs in it only once, so after a mismatch a match can only restart at that byte.
            var display = 0
            var visibility = 0
            for byte in attributes where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                // Neither pattern started: only their first bytes matter.
                if display == 0, visibility == 0, lower != UInt8(ascii: "d"), lower != UInt8(ascii: "v") { continue }
                if lower == Self.displayNone[display] {
                    display += 1
                    if display == Self.displayNone.count { return true }
                } else {
                    display = lower == Self.displayNone[0] ? 1 : 0
                }
                if lower == Self.visibilityHidden[visibility] {
                    visibility += 1
                    if visibility == Self.visibilityHidden.count { return true }
                } else {
                    visibility = lower == Self.visibilityHidden[0] ? 1 : 0
                }
            }
            return Self.hasBareHiddenAttribute(attributes)
        }

        private static let displayNone = Array("display:none".utf8)
        private static let visibilityHidden = Array("visibility:hidden".utf8)

        private static func hasBareHiddenAttribute(_ attributes: ArraySlice<UInt8>) -> Bool {
            // `hidden` as an attribute name: preceded by whitespace, followed by whitespace, `=`, `/` or the end.
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            }
            let word: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x68, 0x69, 0x64, 0x64, 0x65, 0x6E)  // "hidden"
            let start = attributes.startIndex
            let end = attributes.endIndex
            var index = start
            var quote: UInt8 = 0
            while index < end {
                let byte = lower(attributes[index])
                if quote != 0 {
                    if byte == quote { quote = 0 }
                    index += 1
                    continue
                }
                if byte == 0x22 || byte == 0x27 {
                    quote = byte
                    index += 1
                    continue
                }
                if index > start, isSpace(attributes[index - 1]), byte == word.0, index + 6 <= end,
                    lower(attributes[index + 1]) == word.1, lower(attributes[index + 2]) == word.2,
                    lower(attributes[index + 3]) == word.3,
                    lower(attributes[index + 4]) == word.4, lower(attributes[index + 5]) == word.5
                {
                    let after = index + 6
                    if after == end || isSpace(attributes[after]) || attributes[after] == 0x3D
                        || attributes[after] == 0x2F
                    {
                        return true
                    }
                }
                index += 1
            }
            return false
        }

        /// The index of the `>` closing a tag whose attributes start at `from`, honouring quotes;
        /// nil when there is none before the next `<` outside quotes (then `<` was text).
        private func tagEnd(from start: Int) -> Int? {
            var cursor = start
            var quote: UInt8 = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: ">") {
                    return cursor
                } else if byte == 0x22 || byte == 0x27, cursor > start,
                    [0x3D, 0x20, 0x09, 0x0A].contains(bytes[cursor - 1])
                {
                    quote = byte
                } else if byte == UInt8(ascii: "<") {
                    return nil
                }
                cursor += 1
            }
            return nil
        }

        private func find(_ needle: String, from start: Int) -> Int? {
            ByteSearch.firstIndex(of: needle, in: bytes, from: start)
        }

        private func starts(with prefix: String, at position: Int) -> Bool {
            let prefix = Array(prefix.utf8)
            guard position + prefix.count <= bytes.count else { return false }
            return zip(bytes[position..<position + prefix.count], prefix).allSatisfy {
                ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1
            }
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || byte == 0x5F
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
        }
    }
}
