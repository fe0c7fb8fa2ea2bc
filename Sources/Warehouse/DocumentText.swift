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
        public var surface: String
        public var value: Double?
        public var unit: String
        public var qualifier: String
        public var status: String
        public var indicator: String
        public var indicatorName: String
        public var fromYear: Int?
        public var toYear: Int?

        public init(offset: Int, surface: String, value: Double?, unit: String, qualifier: String, status: String,
                    indicator: String, indicatorName: String, fromYear: Int?, toYear: Int?) {
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
        public var number: Int
        /// T, M, B or N.
        public var label: String
        public var rule: String
        public var text: String
        /// Quantities on the line, by offset.
        public var marks: [Mark]

        public init(number: Int, label: String, rule: String, text: String, marks: [Mark]) {
            self.number = number
            self.label = label
            self.rule = rule
            self.text = text
            self.marks = marks
        }
    }

    public var documentID: Int64
    public var sourcePath: String
    public var docIndex: Int
    public var docCount: Int
    public var title: String?
    public var reportKind: String
    public var site: String?
    public var region: String?
    public var referenceYear: Int?
    public var periodFromYear: Int?
    public var periodToYear: Int?
    public var publishedAt: String?
    public var author: String?
    public var lines: [Line]
}
