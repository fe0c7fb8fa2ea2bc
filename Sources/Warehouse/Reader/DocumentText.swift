/// One document as the warehouse holds it: its attributes, every raw line with its Clean label,
/// and the quantities found on each line, for `eduwh show`.
///
/// ```swift
/// let document = try warehouse.documentText(717068658286536449)!
/// document.lines.first { $0.label == "B" }?.marks.first?.surface // "3.48亿元"
/// ```
public struct DocumentText: Sendable, Hashable {
    /// A quantity found on a line.
    public struct Mark: Sendable, Hashable {
        /// 0-based offset of `surface` in the line, in unicode scalars.
        public var offset: Int
        /// The mention as written (3.48亿元).
        public var surface: String
        /// Value in the base unit; nil for placeholders.
        public var value: Double?
        /// Canonical unit (yuan, m2, 所 …).
        public var unit: String
        /// exact, approx, over, under or placeholder.
        public var qualifier: String
        /// achieved, planned or unknown.
        public var status: String
        /// Indicator code (funding_investment).
        public var indicator: String
        /// Chinese name of the indicator (教育投入).
        public var indicatorName: String
        /// First year the figure is for.
        public var fromYear: Int?
        /// Last year the figure is for.
        public var toYear: Int?

        /// A mark as described by its parts.
        public init(
            offset: Int, surface: String, value: Double?, unit: String, qualifier: String, status: String,
            indicator: String, indicatorName: String, fromYear: Int?, toYear: Int?
        ) {
            self.offset = offset
            self.surface = surface
            self.value = value
            self.unit = unit
            self.qualifier = qualifier
            self.status = status
            self.indicator = indicator
            self.indicatorName = indicatorName
            self.fromYear = fromYear
            self.toYear = toYear
        }
    }

    /// One non-blank raw line.
    public struct Line: Sendable, Hashable {
        /// 1-based line number in the raw file.
        public var number: Int
        /// T, M, B or N.
        public var label: String
        /// Clean rule that decided the label.
        public var rule: String
        /// The line, trimmed.
        public var text: String
        /// Quantities on the line, by offset.
        public var marks: [Mark]

        /// A line as described by its parts.
        public init(number: Int, label: String, rule: String, text: String, marks: [Mark]) {
            self.number = number
            self.label = label
            self.rule = rule
            self.text = text
            self.marks = marks
        }
    }

    /// dim_document.document_id.
    public var documentID: Int64
    /// Path of the file it was loaded from.
    public var sourcePath: String
    /// 1-based position of the report in its file.
    public var docIndex: Int
    /// Number of reports in the file.
    public var docCount: Int
    /// The report's title.
    public var title: String?
    /// Kind of report (述职报告, 工作总结 …).
    public var reportKind: String
    /// Site it was scraped from.
    public var site: String?
    /// Name of the region it is about.
    public var region: String?
    /// Year the report speaks from.
    public var referenceYear: Int?
    /// First year of the period it covers.
    public var periodFromYear: Int?
    /// Last year of the period it covers.
    public var periodToYear: Int?
    /// Publish time as the site gives it.
    public var publishedAt: String?
    /// Author from site metadata.
    public var author: String?
    /// Every non-blank raw line, in order.
    public var lines: [Line]
}
