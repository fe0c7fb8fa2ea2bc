import EduwhCore

/// The year mentions of a sentence as one line for a failed expectation's message
/// (`surface=kind from-to rule, …`), shared by the year-kind suites.
func describeYears(_ y: [YearMention]) -> String {
    y.map { "\($0.surface)=\($0.kind) \(String(describing: $0.from))-\(String(describing: $0.to)) \($0.rule)" }
        .joined(separator: ", ")
}
