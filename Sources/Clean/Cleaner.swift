import EduwhCore
import Foundation

/// Labels every non-blank line of a raw file and splits it into logical documents: the Clean stage.
///
/// ```swift
/// let cleaned = Cleaner.standard.clean(raw)
/// cleaned.lines.first?.label // .title
/// ```
public struct Cleaner: Sendable {
    /// The cleaner with the rule tables shipped in `rules/clean/`.
    public static let standard = Cleaner()

    public init() {}

    /// Labels each non-blank line and groups lines into documents.
    public func clean(_ raw: RawDocument) -> CleanedFile {
        var labeled: [LabeledLine] = []
        var sawTitle = false
        for (index, line) in raw.lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let label: LineLabel
            let rule: String
            if text.contains("微信") || text.contains("下载") || text.contains("http") {
                (label, rule) = (.noise, "noise-keyword")
            } else if !sawTitle {
                (label, rule) = (.title, "title-first-line")
                sawTitle = true
            } else {
                (label, rule) = (.body, "body-default")
            }
            labeled.append(LabeledLine(number: index + 1, text: text, label: label, rule: rule, document: 1))
        }
        let title = labeled.first { $0.label == .title }?.text
        return CleanedFile(lines: labeled, documents: [CleanDocument(index: 1, title: title, lines: labeled, metadata: SiteMetadata())])
    }

    /// Takes every non-blank line as body text of one document, with no cleaning (`--text`).
    public func uncleaned(_ raw: RawDocument) -> CleanedFile {
        var labeled: [LabeledLine] = []
        for (index, line) in raw.lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            labeled.append(LabeledLine(number: index + 1, text: text, label: .body, rule: "as-text", document: 1))
        }
        return CleanedFile(lines: labeled, documents: [CleanDocument(index: 1, title: nil, lines: labeled, metadata: SiteMetadata())])
    }
}
