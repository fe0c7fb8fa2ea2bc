/// Text from the warehouse made safe for a terminal: control characters (C0 but tab and line
/// feed, DEL, C1) shown as visible symbols instead of reaching the terminal, where a scraped
/// page's escape sequences could move the cursor, retitle the window or hide text.
///
/// Each control scalar becomes exactly one scalar (U+2400 + code for C0, ␡ for DEL, � for C1),
/// so offsets counted in scalars stay valid. eduwh's own bold marks (ESC [1m and ESC [0m) pass.
///
/// ```swift
/// TerminalText.visible("a\u{1B}]0;owned\u{07}b") // "a␛]0;owned␇b"
/// ```
enum TerminalText {
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", index + 3 < scalars.count, scalars[index + 1] == "[",
                scalars[index + 2] == "1" || scalars[index + 2] == "0", scalars[index + 3] == "m"
            {
                out.append(contentsOf: scalars[index...(index + 3)])
                index += 4
                continue
            }
            out.append(isControl(scalar) ? picture(of: scalar) : scalar)
            index += 1
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }

    private static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0..<0x20: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
