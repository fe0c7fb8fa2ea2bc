import EduwhCore
import Foundation
import Warehouse

/// Prints rows in one of the `OutputOptions.Format`s. Every command that prints rows goes
/// through it: `begin` with the column names, `row` per row, `finish` at the end. CSV, TSV and
/// JSON stream row by row; table and Markdown wait for the last row to size their columns.
///
/// ```swift
/// var text = ""
/// let renderer = Renderer(format: .csv, write: { text += $0 })
/// renderer.render(QueryRows(columns: ["region", "documents"], rows: [[.text("海珠区"), .integer(2)]]))
/// text // "region,documents\n海珠区,2\n"
/// ```
final class Renderer {
    let format: OutputOptions.Format
    let headers: Bool
    /// Widest cell in table format, in terminal cells; nil for no limit.
    var maxWidth: Int?
    /// Whether tables end with a "(N rows)" line.
    var footer = true
    private let write: (String) -> Void

    private var columns: [String] = []
    private var buffered: [[SQLValue]] = []
    private var rowCount = 0
    private var wroteRaw = false

    init(format: OutputOptions.Format, headers: Bool = true, maxWidth: Int? = nil, write: @escaping (String) -> Void) {
        self.format = format
        self.headers = headers
        self.maxWidth = maxWidth
        self.write = write
    }

    // MARK: - Streaming interface

    /// Starts a result with these columns.
    func begin(_ columns: [String]) {
        self.columns = columns
        switch format {
        case .csv where headers: write(columns.map(Self.csvCell).joined(separator: ",") + "\n")
        case .tsv where headers: write(columns.map(Self.tsvCell).joined(separator: "\t") + "\n")
        case .json: write("[")
        default: break
        }
    }

    /// Prints (or keeps, for table and Markdown) one row.
    func row(_ values: [SQLValue]) {
        defer { rowCount += 1 }
        switch format {
        case .csv: write(values.map { Self.csvCell($0.text) }.joined(separator: ",") + "\n")
        case .tsv: write(values.map { Self.tsvCell($0.text) }.joined(separator: "\t") + "\n")
        case .json: write((rowCount == 0 ? "" : ",\n ") + jsonObject(values))
        case .jsonl: write(jsonObject(values) + "\n")
        case .raw:
            guard !wroteRaw, let first = values.first else { return }
            wroteRaw = true
            write(first.text + "\n")
        case .table, .markdown: buffered.append(values)
        }
    }

    /// Ends the result; `truncated` adds a note to tables that a limit cut rows off.
    func finish(truncated: Bool = false) {
        switch format {
        case .json: write("]\n")
        case .table: write(table(truncated: truncated))
        case .markdown: write(markdown())
        default: break
        }
        buffered = []
    }

    /// Prints a whole result.
    func render(_ result: QueryRows) {
        begin(result.columns)
        result.rows.forEach(row)
        finish(truncated: result.truncated)
    }

    // MARK: - Formats

    private func table(truncated: Bool) -> String {
        let cells = buffered.map { $0.map { Self.tableCell($0.text, maxWidth: maxWidth) } }
        let header = columns.map { Self.tableCell($0, maxWidth: maxWidth) }
        var widths = headers ? header.map(DisplayWidth.of) : Array(repeating: 0, count: columns.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        let numeric = numericColumns()
        func line(_ row: [String]) -> String {
            let padded = row.enumerated().map { index, cell in
                DisplayWidth.pad(cell, to: widths[index], right: numeric[index])
            }
            var text = padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out = ""
        if headers {
            out += line(header)
            out += widths.map { String(repeating: "-", count: max(1, $0)) }.joined(separator: "  ") + "\n"
        }
        for row in cells { out += line(row) }
        guard footer else { return out }
        let noun = rowCount == 1 ? "row" : "rows"
        out += truncated ? "(\(rowCount) \(noun) shown; more left off by --limit)\n" : "(\(rowCount) \(noun))\n"
        return out
    }

    private func markdown() -> String {
        let numeric = numericColumns()
        func cell(_ text: String) -> String {
            var escaped = ""
            for character in text {
                switch character {
                case "|": escaped += "\\|"
                case "\n", "\r\n": escaped += "<br>"
                case "\r", "\t": escaped += " "
                default: escaped.append(character)
                }
            }
            return escaped
        }
        var out = "| " + columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in buffered {
            out += "| " + row.map { cell($0.text) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A column is right-aligned when every non-NULL value in it is a number.
    private func numericColumns() -> [Bool] {
        columns.indices.map { index in
            var sawNumber = false
            for row in buffered {
                switch row[index] {
                case .null: continue
                case .integer, .real: sawNumber = true
                default: return false
                }
            }
            return sawNumber
        }
    }

    private func jsonObject(_ values: [SQLValue]) -> String {
        var out = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { out += ", " }
            out +=
                Self.jsonString(index < columns.count ? columns[index] : "column\(index + 1)") + ": "
                + Self.jsonValue(value)
        }
        return out + "}"
    }

    // MARK: - Cells

    // Cells are scanned as UTF-8 bytes: the characters that need care are all ASCII, and
    // Character-by-Character work is several times slower on Chinese text.

    static func csvCell(_ text: String) -> String {
        guard
            text.utf8.contains(where: { (byte: UInt8) -> Bool in
                byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D
            })
        else {
            return text
        }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A TSV cell: each tab and line break (CRLF counts as one) becomes one space. The one
    /// definition: `clean` and `extract` use it for their columns too.
    static func tsvCell(_ text: String) -> String {
        guard text.utf8.contains(where: { (byte: UInt8) -> Bool in byte == 0x09 || byte == 0x0A || byte == 0x0D })
        else {
            return text
        }
        var bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                bytes.remove(at: index + 1)  // CRLF is one line break, one space
            }
            if bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { bytes[index] = 0x20 }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func tableCell(_ text: String, maxWidth: Int?) -> String {
        // A table is what a terminal shows: no control character reaches it raw.
        let flat = TerminalText.visible(tsvCell(text))
        guard let maxWidth else { return flat }
        return DisplayWidth.truncate(flat, to: maxWidth)
    }

    static func jsonValue(_ value: SQLValue) -> String {
        switch value {
        case .null: "null"
        case .integer(let number): String(number)
        case .real(let number): number.isFinite ? plainDecimal(number) : "null"
        case .text(let text): jsonString(text)
        case .blob: jsonString(value.text)
        }
    }

    static func jsonString(_ text: String) -> String {
        // 0xE2 leads U+2028/U+2029 (and much CJK punctuation, which then takes the slow path).
        let needsEscape = text.utf8.contains { (byte: UInt8) -> Bool in
            byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
        }
        guard needsEscape else { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Buffered standard output: collects text and writes it in large chunks.
final class StandardOutput {
    private var buffer = ""

    init() {}

    deinit { flush() }

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer = "" }
        // write(_:) traps on a failed write (SIGILL on a full disk): fail with an exit code.
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(buffer.utf8))
        } catch {
            Self.writeFailed(error)
        }
    }

    /// Ends the process after standard output failed: quietly with 0 when its reader went
    /// away (`eduwh sql … | head`, EPIPE once SIGPIPE is ignored), else with 74 and the reason.
    static func writeFailed(_ error: any Error) -> Never {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if underlying?.domain == NSPOSIXErrorDomain, underlying?.code == Int(EPIPE) { exit(ExitCodes.ok) }
        printError("eduwh: cannot write the output: \(underlying?.localizedDescription ?? error.localizedDescription)")
        exit(ExitCodes.ioError)
    }
}
