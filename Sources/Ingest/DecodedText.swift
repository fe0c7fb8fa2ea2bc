import EduwhCore

/// Bytes turned into text by `EncodingDetector`: the text, the encoding it was read as, and what
/// had to be repaired on the way (a cut-off last character, replaced invalid sequences).
///
/// ```swift
/// let decoded = try EncodingDetector().decode(Array("教育".utf8), path: "a.txt")
/// decoded.encoding   // .utf8
/// decoded.notes      // []
/// ```
struct DecodedText: Sendable, Hashable {
    /// The decoded text, line breaks as in the file.
    var text: String
    /// The encoding the bytes were read as.
    var encoding: TextEncoding
    /// One sentence per repair or doubt, for the load log.
    var notes: [String] = []
}
