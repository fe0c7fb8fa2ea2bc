/// Decodes HTML character references: named (`&nbsp;` `&amp;` `&ldquo;` …), decimal (`&#20013;`)
/// and hexadecimal (`&#x4E2D;`). Unknown names are kept as written; numeric references to
/// NUL, surrogates or beyond U+10FFFF become U+FFFD, as browsers do.
///
/// ```swift
/// HTMLEntities.decode(Array("&#x4E2D;&#25991;&amp;".utf8)[...], at: 0)   // ("中", 8)
/// ```
enum HTMLEntities {
    /// Decodes the reference starting at `start` (which holds `&`): the text it stands for and
    /// how many bytes it spans; nil when the bytes there are not a reference.
    static func decode(_ bytes: ArraySlice<UInt8>, at start: Int) -> (text: String, length: Int)? {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.endIndex, digits < 8, let digit = digitValue(bytes[index], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") { index += 1 }
            let scalar = Unicode.Scalar(windows1252[value] ?? value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(Character(scalar)), index - start)
        }
        var name = ""
        while index < bytes.endIndex, name.utf8.count < 32, isNameByte(bytes[index]) {
            name.unicodeScalars.append(Unicode.Scalar(bytes[index]))
            index += 1
        }
        guard !name.isEmpty else { return nil }
        let terminated = index < bytes.endIndex && bytes[index] == UInt8(ascii: ";")
        if terminated, let text = named[name] { return (text, index + 1 - start) }
        // The few legacy names browsers accept without the semicolon.
        if !terminated, let text = named[name], ["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"].contains(name) {
            return (text, index - start)
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x61...0x66 where hex: UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: UInt32(byte - 0x41 + 10)
        default: nil
        }
    }

    // MARK: - Tables

    /// Numeric references 0x80–0x9F mean Windows-1252 characters in HTML (`&#150;` is –).
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// Named references seen in Chinese web pages (whitespace, punctuation, symbols, units).
    static let named: [String: String] = [
        "nbsp": " ", "ensp": " ", "emsp": "\u{3000}", "thinsp": " ", "zwsp": "", "zwnj": "", "zwj": "", "shy": "",
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "bull": "•", "prime": "′", "Prime": "″",
        "copy": "©", "reg": "®", "trade": "™", "sect": "§", "para": "¶", "dagger": "†", "Dagger": "‡",
        "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "minus": "−", "permil": "‰", "micro": "µ",
        "sup1": "¹", "sup2": "²", "sup3": "³", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "yen": "¥", "cny": "¥", "euro": "€", "pound": "£", "cent": "¢", "curren": "¤",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔",
        "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞", "radic": "√", "sum": "∑",
        "iexcl": "¡", "iquest": "¿", "ordf": "ª", "ordm": "º", "not": "¬", "macr": "¯", "acute": "´",
        "uml": "¨", "cedil": "¸", "brvbar": "¦", "loz": "◊", "hearts": "♥", "diams": "♦", "clubs": "♣", "spades": "♠",
        "star": "☆", "starf": "★", "check": "✓", "cross": "✗",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "pi": "π", "sigma": "σ", "omega": "ω", "mu": "μ",
        "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Pi": "Π", "Sigma": "Σ", "Omega": "Ω",
        "agrave": "à", "aacute": "á", "eacute": "é", "egrave": "è", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß",
    ]
}
