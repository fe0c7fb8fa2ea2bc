import EduwhCore

/// Finds the encoding of a file's bytes and decodes them, or says why it cannot: the heart of the
/// Ingest stage. It never guesses silently: a file that reads as none of the supported encodings
/// is `undecodable`, and every repair (cut-off last character, replaced bytes) is noted.
///
/// Order of evidence:
/// 1. a byte-order mark (UTF-8, UTF-16 LE/BE) decides;
/// 2. NUL bytes mean UTF-16 without a mark when they sit only at odd (LE) or even (BE) offsets
///    and the result is clean text, otherwise the file is `binary`; so does a high share of other
///    control bytes;
/// 3. an HTML `<meta charset>` is tried next, and kept only if the bytes fit it;
/// 4. valid UTF-8 (also when only the last character is cut off, or with a very few bad bytes);
/// 5. GB18030 (which covers GBK and GB2312) and BIG5 are both decoded and scored by
///    `ChineseTextScore`; the clear winner is kept.
///
/// ```swift
/// let gb: [UInt8] = [0xBD, 0xCC, 0xD3, 0xFD]     // 教育 in GB18030
/// try EncodingDetector().decode(gb, path: "a.txt").encoding   // .gb18030
/// ```
struct EncodingDetector: Sendable {
    /// Thresholds (invalid shares, score floor and margin, control-byte share).
    var settings: IngestSettings = .standard

    /// Decodes `bytes`; `declared` is an encoding the file names itself (HTML meta charset).
    func decode(_ bytes: [UInt8], path: String, declared: TextEncoding? = nil) throws(IngestError) -> DecodedText {
        // 1. Byte-order marks (a UTF-8 one still gets the binary checks of step 2).
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try decodeUTF16(bytes[2...], encoding: .utf16LE, path: path, how: "with a byte-order mark")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes[2...], encoding: .utf16BE, path: path, how: "with a byte-order mark")
        }

        // 2. NUL and control bytes.
        let census = ByteCensus(bytes)
        if let nul = census.firstNUL {
            if let utf16 = bomlessUTF16(bytes) { return utf16 }
            throw IngestError(
                path: path, reason: .binary,
                detail: "NUL byte at offset \(nul) (\(census.nulCount) NUL bytes in \(bytes.count)) and not UTF-16 text"
            )
        }
        if Double(census.controlCount) > settings.maxControlByteShare * Double(bytes.count), census.controlCount > 2 {
            let percent = Self.twoDecimals(Double(census.controlCount) * 100 / Double(bytes.count))
            throw IngestError(
                path: path, reason: .binary,
                detail:
                    "\(census.controlCount) control bytes (\(percent)% of the file, first at offset \(census.firstControl ?? 0))"
            )
        }

        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes[3...], path: path, encoding: .utf8BOM, allowLegacyFallback: false)
        }

        // 3. A charset the file declares.
        var notes: [String] = []
        if let declared, census.highCount > 0 {
            if let decoded = decodeDeclared(bytes, as: declared) { return decoded }
            notes.append(
                "the declared charset \(declared.rawValue) does not fit the bytes; detected the encoding instead")
        }

        // 4. UTF-8, 5. legacy double-byte encodings.
        var decoded = try decodeUTF8(bytes[...], path: path, encoding: .utf8, allowLegacyFallback: census.highCount > 0)
        if decoded.encoding == .utf8, decoded.notes.isEmpty, let chinese = chineseReadingOfNarrowUTF8(bytes) {
            decoded = chinese
        }
        decoded.notes.insert(contentsOf: notes, at: 0)
        return decoded
    }

    /// Short GB18030 text can be valid UTF-8 by accident (学校 = D1 A7 D0 A3 reads as "ѧУ").
    /// When valid UTF-8 has no character from U+0800 up (no CJK at all: only Latin, Greek,
    /// Cyrillic …) but reads as clean, common Chinese in GB18030 or BIG5 with the Han characters
    /// mostly side by side, the Chinese reading wins. (A single Chinese character cannot be told
    /// from an accented letter; such a file stays UTF-8.)
    private func chineseReadingOfNarrowUTF8(_ bytes: [UInt8]) -> DecodedText? {
        let hasWideCharacter = bytes.withUnsafeBufferPointer { buffer in buffer.contains { $0 >= 0xE0 } }
        guard !hasWideCharacter else { return nil }
        for (encoding, charset) in Self.legacyCharsets {
            guard let decoding = IconvDecoder.decode(bytes[...], charset: charset), decoding.invalidSequences == 0,
                decoding.truncatedTailBytes == 0
            else { continue }
            let score = ChineseTextScore(text: decoding.text, invalidSequences: 0)
            if Self.hanMostlyInRuns(decoding.text), score.value >= settings.decisiveChineseScore,
                score.isPlausible(minScore: settings.minChineseScore, minFrequentShare: settings.minFrequentShare)
            {
                return DecodedText(
                    text: decoding.text, encoding: encoding,
                    notes: [
                        "valid UTF-8 but without any CJK character; read as \(encoding.rawValue), where it is common Chinese"
                    ])
            }
        }
        return nil
    }

    // MARK: - UTF-8

    private func decodeUTF8(_ body: ArraySlice<UInt8>, path: String, encoding: TextEncoding, allowLegacyFallback: Bool)
        throws(IngestError) -> DecodedText
    {
        if let text = String(validating: body, as: UTF8.self) {
            return DecodedText(text: text, encoding: encoding)
        }
        if let cut = UTF8Check.incompleteTailStart(body), let text = String(validating: body[..<cut], as: UTF8.self) {
            return DecodedText(text: text, encoding: encoding, notes: [Self.tailNote(body.endIndex - cut)])
        }
        let check = UTF8Check(body)
        let allowed = max(1, Int(settings.maxRepairedUTF8Share * Double(check.validMultiByte)))
        if check.damagedSpots <= allowed && (check.validMultiByte >= 10 * check.damagedSpots || !allowLegacyFallback) {
            let text = String(decoding: body, as: UTF8.self)
            return DecodedText(
                text: text, encoding: encoding,
                notes: [
                    "replaced \(check.invalidSequences) invalid UTF-8 sequence\(check.invalidSequences == 1 ? "" : "s") in \(check.damagedSpots) damaged spot\(check.damagedSpots == 1 ? "" : "s") with U+FFFD (first at byte \(check.firstInvalidOffset ?? 0))"
                ])
        }
        guard allowLegacyFallback else {
            throw IngestError(
                path: path, reason: .undecodable,
                detail: "marked as UTF-8 but has invalid sequences (first at byte \(check.firstInvalidOffset ?? 0))")
        }
        return try decodeLegacy(body, path: path, utf8Check: check)
    }

    /// Whether the text has Han characters and most of them stand next to another one (学校,
    /// 亿元): accidental readings of Latin text put single characters between letters (caf茅).
    private static func hanMostlyInRuns(_ text: String) -> Bool {
        var inRuns = 0
        var total = 0
        var run = 0
        for scalar in text.unicodeScalars {
            if (0x4E00...0x9FFF).contains(scalar.value) {
                run += 1
                total += 1
                if run == 2 { inRuns += 2 } else if run > 2 { inRuns += 1 }
            } else {
                run = 0
            }
        }
        return total >= 2 && inRuns * 2 >= total
    }

    // MARK: - GB18030 / BIG5

    /// A legacy encoding decoded and scored.
    private struct Candidate {
        var encoding: TextEncoding
        var decoding: IconvDecoder.Decoding
        var score: ChineseTextScore
    }

    private static let legacyCharsets: [(TextEncoding, String)] = [(.gb18030, "GB18030"), (.big5, "CP950")]

    private func decodeLegacy(_ body: ArraySlice<UInt8>, path: String, utf8Check: UTF8Check) throws(IngestError)
        -> DecodedText
    {
        var candidates: [Candidate] = []
        for (encoding, charset) in Self.legacyCharsets {
            guard let decoding = IconvDecoder.decode(body, charset: charset) else { continue }
            let score = ChineseTextScore(text: decoding.text, invalidSequences: decoding.invalidSequences)
            candidates.append(Candidate(encoding: encoding, decoding: decoding, score: score))
            if encoding == .gb18030, decoding.invalidSequences == 0, score.nonASCII >= 200,
                score.value >= settings.decisiveChineseScore,
                score.isPlausible(minScore: settings.minChineseScore, minFrequentShare: settings.minFrequentShare)
            {
                break  // unmistakably GB18030: no need to try BIG5
            }
        }
        candidates.sort { $0.score.value > $1.score.value }
        let described = candidates.map { "as \($0.encoding.rawValue): \($0.score.summary)" }.joined(separator: "; ")
        let notUTF8 = "not UTF-8 (invalid sequence at byte \(utf8Check.firstInvalidOffset ?? 0))"
        guard let best = candidates.first else {
            throw IngestError(
                path: path, reason: .undecodable, detail: "\(notUTF8); iconv cannot convert GB18030/BIG5 here")
        }
        guard best.score.invalidShare <= settings.maxInvalidShare,
            best.score.isPlausible(minScore: settings.minChineseScore, minFrequentShare: settings.minFrequentShare)
        else {
            throw IngestError(
                path: path, reason: .undecodable, detail: "\(notUTF8), nor GB18030 or BIG5 text (\(described))")
        }
        if candidates.count > 1, best.score.value - candidates[1].score.value < settings.minScoreMargin {
            throw IngestError(
                path: path, reason: .undecodable,
                detail: "\(notUTF8); GB18030 and BIG5 fit about equally well (\(described))")
        }
        return DecodedText(text: best.decoding.text, encoding: best.encoding, notes: Self.repairNotes(best.decoding))
    }

    /// The declared encoding's decoding when the bytes fit it, otherwise nil.
    private func decodeDeclared(_ bytes: [UInt8], as declared: TextEncoding) -> DecodedText? {
        switch declared {
        case .utf8, .utf8BOM:
            if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, encoding: .utf8) }
            if let cut = UTF8Check.incompleteTailStart(bytes[...]),
                let text = String(validating: bytes[..<cut], as: UTF8.self)
            {
                return DecodedText(text: text, encoding: .utf8, notes: [Self.tailNote(bytes.count - cut)])
            }
            return nil
        case .gb18030, .big5:
            let charset = declared == .gb18030 ? "GB18030" : "CP950"
            guard let decoding = IconvDecoder.decode(bytes[...], charset: charset) else { return nil }
            let score = ChineseTextScore(text: decoding.text, invalidSequences: decoding.invalidSequences)
            guard score.invalidShare <= settings.maxInvalidShare,
                score.isPlausible(minScore: settings.minChineseScore, minFrequentShare: settings.minFrequentShare)
            else { return nil }
            return DecodedText(text: decoding.text, encoding: declared, notes: Self.repairNotes(decoding))
        case .utf16LE, .utf16BE:
            return nil  // UTF-16 is recognised by its byte-order mark or NUL pattern, not by a meta tag
        }
    }

    // MARK: - UTF-16

    private func decodeUTF16(_ body: ArraySlice<UInt8>, encoding: TextEncoding, path: String, how: String)
        throws(IngestError) -> DecodedText
    {
        let charset = encoding == .utf16LE ? "UTF-16LE" : "UTF-16BE"
        guard let decoding = IconvDecoder.decode(body, charset: charset, unitSize: 2) else {
            throw IngestError(path: path, reason: .undecodable, detail: "iconv cannot convert \(charset) here")
        }
        let invalidShare = Double(decoding.invalidSequences) / Double(max(1, body.count / 2))
        if invalidShare > settings.maxInvalidShare {
            throw IngestError(
                path: path, reason: .undecodable,
                detail:
                    "\(charset) \(how), but \(decoding.invalidSequences) invalid sequences (first at byte \(decoding.firstInvalidOffset ?? 0))"
            )
        }
        if let nul = decoding.text.utf8.firstIndex(of: 0) {
            let offset = decoding.text.utf8.distance(from: decoding.text.utf8.startIndex, to: nul)
            throw IngestError(
                path: path, reason: .binary,
                detail:
                    "\(charset) \(how), but the text holds NUL characters (first at character byte \(offset)); UTF-32 or binary?"
            )
        }
        return DecodedText(text: decoding.text, encoding: encoding, notes: Self.repairNotes(decoding))
    }

    /// UTF-16 without a byte-order mark, recognised by NUL bytes at one parity only (the high
    /// byte of ASCII characters such as line breaks and digits) and a clean decoding.
    private func bomlessUTF16(_ bytes: [UInt8]) -> DecodedText? {
        var evenNUL = 0
        var oddNUL = 0
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 1 < buffer.count {
                if buffer[index] == 0 { evenNUL += 1 }
                if buffer[index + 1] == 0 { oddNUL += 1 }
                index += 2
            }
        }
        let units = bytes.count / 2
        let encoding: TextEncoding
        let (high, low) = oddNUL >= evenNUL ? (oddNUL, evenNUL) : (evenNUL, oddNUL)
        // The high byte of ASCII: at least 1 unit in 200 (Chinese text has line breaks and
        // digits); the other parity has far fewer (from characters like 一 U+4E00 whose low byte
        // is 0: seed 002 has 309 against 82). The clean, plausible decoding below is the proof.
        guard high >= max(2, units / 200), low * 2 <= high else { return nil }
        encoding = oddNUL >= evenNUL ? .utf16LE : .utf16BE
        let charset = encoding == .utf16LE ? "UTF-16LE" : "UTF-16BE"
        guard let decoding = IconvDecoder.decode(bytes[...], charset: charset, unitSize: 2),
            decoding.invalidSequences == 0
        else { return nil }
        var controls = 0
        for scalar in decoding.text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{0C}" { continue }
            controls += 1
        }
        guard controls == 0 else { return nil }
        let score = ChineseTextScore(text: decoding.text, invalidSequences: 0)
        guard score.isPlausible(minScore: settings.minChineseScore, minFrequentShare: settings.minFrequentShare) else {
            return nil
        }
        var notes = [
            "UTF-16 \(encoding == .utf16LE ? "little" : "big")-endian without a byte-order mark, recognised by its NUL pattern"
        ]
        notes += Self.repairNotes(decoding)
        return DecodedText(text: decoding.text, encoding: encoding, notes: notes)
    }

    // MARK: - Notes

    private static func tailNote(_ count: Int) -> String {
        "dropped \(count) byte\(count == 1 ? "" : "s") of an incomplete character at the end (the file was cut mid-character)"
    }

    /// A number with two decimals ("0.37"), without Foundation.
    private static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func repairNotes(_ decoding: IconvDecoder.Decoding) -> [String] {
        var notes: [String] = []
        if decoding.invalidSequences > 0 {
            notes.append(
                "replaced \(decoding.invalidSequences) invalid sequence\(decoding.invalidSequences == 1 ? "" : "s") with U+FFFD (first at byte \(decoding.firstInvalidOffset ?? 0))"
            )
        }
        if decoding.truncatedTailBytes > 0 { notes.append(tailNote(decoding.truncatedTailBytes)) }
        return notes
    }
}
