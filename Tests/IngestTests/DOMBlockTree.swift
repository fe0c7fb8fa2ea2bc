import CLibXML2

@testable import Ingest

#if canImport(Glibc)
    import Glibc
#endif

// The article finder's block tree as it was first written: libxml2's DOM (htmlReadMemory) walked
// once. HTMLBlockTree now builds the same tree from libxml2's SAX callbacks; HTMLBlockTreeTests
// checks the two agree element by element and line by line. Kept unchanged apart from the name
// and the element tables and class/id hint, which are the product's.

struct DOMBlockTree {
    /// One visible element.
    struct Element {
        var tag: String
        var parent: Int
        var depth: Int
        /// +1 when its class/id names content, -1 boilerplate, 0 neither (or both).
        var hint: Int8
        /// Whether its class/id names a kind of boilerplate that never belongs in an article
        /// (comments, share bars, related articles, tags), whatever else it names.
        var boilerplate: Bool
        /// Whether it is a block element (ends a line), `br` aside.
        var isBlock: Bool
        /// Visible characters (whitespace not counted) in the subtree, in links, and sentence
        /// punctuation marks; links counted.
        var characters = 0
        var linkCharacters = 0
        var punctuation = 0
        var links = 0
        var firstLine = Int.max
        var lastLine = -1
    }

    /// One visible line (a block's run of text).
    struct Line {
        var owner: Int
        var characters = 0
        var linkCharacters = 0
        var punctuation = 0
        /// FNV-1a of the line's bytes without whitespace.
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        /// The line's text without whitespace (for title matching).
        var compact: [UInt8] = []
    }

    private(set) var elements: [Element] = []
    private(set) var lines: [Line] = []
    /// The page's `<title>`, `og:title` and similar headline metadata, without whitespace.
    private(set) var titleReferences: [[UInt8]] = []

    /// Parses `html` (already decoded) and measures it; an unparsable page gives no lines.
    init(html: String) {
        Self.initializeParser
        var html = html
        html.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return }
            let options = Int32(
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
            guard let document else { return }
            defer { xmlFreeDoc(document) }
            var walker = Walker()
            var node = document.pointee.children
            while let current = node {
                walker.visit(current, parent: -1, depth: 0, inLink: false)
                node = current.pointee.next
            }
            walker.endLine()
            elements = walker.elements
            lines = walker.lines
            titleReferences = walker.titleReferences
        }
    }

    /// libxml2 must be initialised once, on one thread, before parsers run on several.
    private static let initializeParser: Void = { xmlInitParser() }()

    // MARK: - Walker

    struct Walker {
        var elements: [Element] = []
        var lines: [Line] = []
        var titleReferences: [[UInt8]] = []
        var current: Line?

        mutating func visit(_ node: xmlNodePtr, parent: Int, depth: Int, inLink: Bool) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { addText(content, owner: nearestBlock(parent), inLink: inLink) }
            case XML_ELEMENT_NODE:
                visitElement(node, parent: parent, depth: depth, inLink: inLink)
            default:
                break
            }
        }

        /// Tag names and class/id hints by libxml2's interned name pointer / attribute text:
        /// pages repeat a few dozen of each thousands of times.
        var tagNames: [UnsafePointer<xmlChar>: String] = [:]
        var hints: [String: (Int8, Bool)] = [:]

        private mutating func tagName(_ name: UnsafePointer<xmlChar>?) -> String {
            guard let name else { return "" }
            if let known = tagNames[name] { return known }
            let tag = String(cString: name).lowercased()
            tagNames[name] = tag
            return tag
        }

        private mutating func visitElement(_ node: xmlNodePtr, parent: Int, depth: Int, inLink: Bool) {
            let tag = tagName(node.pointee.name)
            var classAndID = ""
            var style = ""
            var hidden = false
            var property = ""
            var content = ""
            let isMeta = tag == "meta"
            var attribute = node.pointee.properties
            while let current = attribute {
                if let name = current.pointee.name {
                    if strcasecmp(name, "class") == 0 || strcasecmp(name, "id") == 0 {
                        classAndID += " " + Self.value(of: current).lowercased()
                    } else if strcasecmp(name, "style") == 0 {
                        style = Self.value(of: current).lowercased()
                    } else if strcasecmp(name, "hidden") == 0 {
                        hidden = true
                    } else if isMeta, strcasecmp(name, "property") == 0 || strcasecmp(name, "name") == 0 {
                        property = Self.value(of: current).lowercased()
                    } else if isMeta, strcasecmp(name, "content") == 0 {
                        content = Self.value(of: current)
                    }
                }
                attribute = current.pointee.next
            }
            if tag == "title"
                || (tag == "meta"
                    && ["og:title", "articletitle", "title", "headline", "twitter:title"].contains(property))
            {
                let text = tag == "title" ? Self.textContent(of: node) : content
                let compact = Self.compact(Array(text.utf8))
                if !compact.isEmpty { titleReferences.append(compact) }
            }
            if tag == "head" {
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE {
                        visitElement(current, parent: parent, depth: depth + 1, inLink: false)
                    }
                    child = current.pointee.next
                }
                return
            }
            if HTMLBlockTree.skippedElements.contains(tag) { return }
            let squeezed = style.filter { $0 != " " && $0 != "\t" }
            if hidden || squeezed.contains("display:none") || squeezed.contains("visibility:hidden") { return }

            let isBlock = HTMLBlockTree.blockElements.contains(tag)
            if isBlock { endLine() }
            let index = elements.count
            let key = tag + "|" + classAndID
            let (hint, boilerplate): (Int8, Bool)
            if let known = hints[key] {
                (hint, boilerplate) = known
            } else {
                (hint, boilerplate) = Self.hint(tag: tag, classAndID: classAndID)
                hints[key] = (hint, boilerplate)
            }
            elements.append(
                Element(
                    tag: tag, parent: parent, depth: depth, hint: hint, boilerplate: boilerplate,
                    isBlock: isBlock && tag != "br"))
            let link = inLink || tag == "a"
            if tag == "a" { elements[index].links = 1 }
            var child = node.pointee.children
            while let current = child {
                visit(current, parent: index, depth: depth + 1, inLink: link)
                child = current.pointee.next
            }
            if isBlock { endLine() }
            // Sums flow up when the element closes.
            if parent >= 0 {
                let element = elements[index]
                elements[parent].characters += element.characters
                elements[parent].linkCharacters += element.linkCharacters
                elements[parent].punctuation += element.punctuation
                elements[parent].links += element.links
                elements[parent].firstLine = min(elements[parent].firstLine, element.firstLine)
                elements[parent].lastLine = max(elements[parent].lastLine, element.lastLine)
            }
        }

        private func nearestBlock(_ index: Int) -> Int {
            var cursor = index
            while cursor >= 0, !elements[cursor].isBlock {
                cursor = elements[cursor].parent
            }
            return cursor >= 0 ? cursor : index
        }

        /// Adds a text node's characters to the current line (whitespace only separates).
        private mutating func addText(_ text: UnsafePointer<xmlChar>, owner: Int, inLink: Bool) {
            var i = 0
            var characters = 0
            var punctuation = 0
            var line = current ?? Line(owner: owner)
            while true {
                let byte = text[i]
                if byte == 0 { break }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    i += 1
                    continue
                }
                if byte == 0xC2, text[i + 1] == 0xA0 {
                    i += 2
                    continue
                }  // no-break space
                if byte == 0xE3, text[i + 1] == 0x80, text[i + 2] == 0x80 {
                    i += 3
                    continue
                }  // ideographic space
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                var k = 0
                while k < length, text[i + k] != 0 {
                    line.key = (line.key ^ UInt64(text[i + k])) &* 0x100_0000_01b3
                    line.compact.append(text[i + k])
                    k += 1
                }
                if k < length { break }
                characters += 1
                if length == 3, Self.isPunctuation(text[i], text[i + 1], text[i + 2]) { punctuation += 1 }
                i += length
            }
            guard characters > 0 else { return }
            line.characters += characters
            line.punctuation += punctuation
            if inLink { line.linkCharacters += characters }
            current = line
            // Counted once, on the owning block; ancestors receive them as elements close.
            if owner >= 0 {
                elements[owner].characters += characters
                elements[owner].punctuation += punctuation
                if inLink { elements[owner].linkCharacters += characters }
                elements[owner].firstLine = min(elements[owner].firstLine, lines.count)
                elements[owner].lastLine = max(elements[owner].lastLine, lines.count)
            }
        }

        mutating func endLine() {
            if let line = current, line.characters > 0 { lines.append(line) }
            current = nil
        }

        static func isPunctuation(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
            // 、 。 (E3 80 81/82); ， ； ！ ？ ： (EF BC 8C/9B/81/9F/9A)
            (a == 0xE3 && b == 0x80 && (c == 0x81 || c == 0x82))
                || (a == 0xEF && b == 0xBC && (c == 0x8C || c == 0x9B || c == 0x81 || c == 0x9F || c == 0x9A))
        }

        static func value(of attribute: xmlAttrPtr) -> String {
            var text = ""
            var child = attribute.pointee.children
            while let node = child {
                if let content = node.pointee.content { text += String(cString: content) }
                child = node.pointee.next
            }
            return text
        }

        static func textContent(of node: xmlNodePtr) -> String {
            var text = ""
            var child = node.pointee.children
            while let current = child {
                if let content = current.pointee.content { text += String(cString: content) }
                child = current.pointee.next
            }
            return text
        }

        static func compact(_ bytes: [UInt8]) -> [UInt8] {
            var result: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte <= 0x20 {
                    i += 1
                    continue
                }
                if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                    i += 2
                    continue
                }
                if byte == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                    i += 3
                    continue
                }
                result.append(byte)
                i += 1
            }
            return result
        }

        static func hint(tag: String, classAndID: String) -> (Int8, Bool) {
            HTMLBlockTree.hint(tag: tag, classAndID: classAndID)
        }
    }
}
