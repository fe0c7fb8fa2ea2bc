import EduwhCore

/// Finds the charset an HTML file declares in its first bytes: `<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. The detector still
/// checks that the bytes fit it (pages often lie after a re-save).
///
/// ```swift
/// HTMLCharsetSniffer.declaredEncoding(in: Array(#"<meta charset="GB2312">"#.utf8)[...])   // .gb18030
/// ```
enum HTMLCharsetSniffer {
    /// The supported encoding named by the first `<meta … charset=…>` in `bytes`, if any.
    static func declaredEncoding(in bytes: ArraySlice<UInt8>) -> TextEncoding? {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let meta = Array("<meta".utf8)
        let charset = Array("charset".utf8)
        var index = 0
        while let start = ByteSearch.firstIndex(of: meta, in: lower, from: index) {
            let end = lower[start...].firstIndex(of: UInt8(ascii: ">")) ?? lower.endIndex
            if let key = ByteSearch.firstIndex(of: charset, in: lower, from: start), key < end {
                var cursor = key + charset.count
                // spaces = " '
                while cursor < end, [0x20, 0x09, 0x0A, 0x0D, 0x3D, 0x22, 0x27].contains(lower[cursor]) { cursor += 1 }
                var name = ""
                while cursor < end, isNameByte(lower[cursor]) {
                    name.unicodeScalars.append(Unicode.Scalar(lower[cursor]))
                    cursor += 1
                }
                return encoding(named: name)
            }
            index = end
        }
        return nil
    }

    /// Maps a charset label to the encoding the detector decodes it as (GB2312 and GBK as their
    /// superset GB18030, BIG5 variants as BIG5); nil for labels it does not support.
    static func encoding(named label: String) -> TextEncoding? {
        switch label {
        case "utf-8", "utf8": .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "ms936", "windows-936": .gb18030
        case "big5", "big5-hkscs", "cp950", "x-big5", "windows-950", "ms950": .big5
        default: nil
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }

}
