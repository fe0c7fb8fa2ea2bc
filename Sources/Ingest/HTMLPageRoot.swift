import EduwhCore

/// Pages saved without their `<html>` element: the markup of `document.documentElement`'s
/// inside (`<head>…</head><body>…</body>`), as scrapers that store `innerHTML` save them, or
/// pages whose first tag is a `<script>`, `<style>`, `<title>` or `<meta>`.
///
/// libxml2's HTML parser (with `HTML_PARSE_NOIMPLIED`, which the article finder needs so that
/// no `<p>` is invented) discards a `<head>` start tag that is not inside `<html>`, and its
/// tree builder makes every later top-level element a child of the first one. On such a page
/// the first element is the head's first `<style>` or `<script>`, the whole `<body>` becomes
/// its child and is skipped with it, and the finder sees no text at all. Giving the page the
/// `<html>` it lacks makes `<html>` the first element and the body its child, as a browser
/// builds it.
enum HTMLPageRoot {
    /// `html` with `<html>` put in front when its first tag (after whitespace, a byte-order
    /// mark, comments and processing instructions) is neither `<html` nor a `<!DOCTYPE`.
    static func rooted(_ html: String) -> String {
        needsRoot(html) ? "<html>" + html : html
    }

    /// Whether the first tag of `html` is an element other than `<html>` (and no DOCTYPE
    /// comes before it).
    static func needsRoot(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes -> Bool in
            var i = 0
            let count = bytes.count
            if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
            while i < count {
                let byte = bytes[i]
                if byte <= 0x20 {
                    i += 1
                    continue
                }
                guard byte == UInt8(ascii: "<"), i + 1 < count else { return false }
                let next = bytes[i + 1]
                if next == UInt8(ascii: "!") {
                    // A comment is skipped; a DOCTYPE (or anything else declared) roots the page.
                    guard i + 3 < count, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") else {
                        return false
                    }
                    guard let end = ByteSearch.firstIndex(of: "-->", in: bytes, from: i + 4) else { return false }
                    i = end + 3
                    continue
                }
                if next == UInt8(ascii: "?") {
                    guard let end = ByteSearch.firstIndex(of: ">", in: bytes, from: i + 2) else { return false }
                    i = end + 1
                    continue
                }
                guard isLetter(next) else { return false }
                return !startsTag(bytes, at: i + 1, name: "html")
            }
            return false
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Whether the tag name at `start` is `name` (ASCII, any case), ended by a non-letter.
    private static func startsTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, name: String) -> Bool {
        var k = start
        for expected in name.utf8 {
            guard k < bytes.count, bytes[k] | 0x20 == expected else { return false }
            k += 1
        }
        return k >= bytes.count || !(isLetter(bytes[k]) || (bytes[k] >= 0x30 && bytes[k] <= 0x39))
    }

}
