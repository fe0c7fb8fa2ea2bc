/// What one non-blank raw line is, as decided by the Clean stage.
///
/// ```swift
/// LineLabel(rawValue: "N") // .noise
/// ```
public enum LineLabel: String, Sendable, Hashable, CaseIterable, Codable {
    /// The document's title (a repeated copy of it is `.noise`).
    case title = "T"
    /// Site metadata kept as attributes, not as body text (publish time, author, source, breadcrumb).
    case metadata = "M"
    /// Body text a reader of the report wants.
    case body = "B"
    /// Site noise: ads, download prompts, contact lines, disclaimers, link lists, navigation.
    case noise = "N"

    /// Title and body lines are kept as the report's text; metadata and noise are not.
    public var isKept: Bool { self == .title || self == .body }
}

/// One non-blank line of a raw file with its label, the rule that decided it, and the logical
/// document (1-based) it belongs to.
///
/// ```swift
/// LabeledLine(number: 18, text: "查阅全文加微信3231169", label: .noise, rule: "contact-ad", document: 1)
/// ```
public struct LabeledLine: Sendable, Hashable {
    /// 1-based line number in the raw file, counting blank lines.
    public var number: Int
    /// The line, trimmed of surrounding whitespace.
    public var text: String
    public var label: LineLabel
    /// Id of the rule that decided the label (a rule table id, or a structural rule's name).
    public var rule: String
    /// 1-based index of the logical document within the file.
    public var document: Int

    /// The rule id of a line read as plain text, without cleaning (`clean --as-text`, a place
    /// or number read from a single line): Facts reads such a line's numbers as standalone.
    public static let asTextRule = "as-text"

    public init(number: Int, text: String, label: LineLabel, rule: String, document: Int) {
        self.number = number
        self.text = text
        self.label = label
        self.rule = rule
        self.document = document
    }
}
