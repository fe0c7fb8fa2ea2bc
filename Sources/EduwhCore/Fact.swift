/// Whether a figure reports something done or something planned.
public enum FactStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// 完成, 已, 累计, 共投入 … or plain past narration.
    case achieved
    /// 计划, 力争, 将, 预计, 目标, 确保 …
    case planned
    /// Nothing in the clause, its section or the kind of report says which.
    case unknown
}

/// Where a fact's year or region came from.
public enum ContextSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// A mention in the same clause as the quantity.
    case clause
    /// A mention elsewhere in the same sentence.
    case sentence
    /// The heading of the section the quantity stands in (一、2011年工作回顾).
    case section
    /// The document's reference year / period / region.
    case document
    /// Nothing usable: the column stays NULL.
    case none
}

/// One quantity mentioned in one sentence of one report, mapped to what it measures:
/// the Facts stage's output and the grain of `fact_quantity`.
///
/// ```swift
/// // 000 line 28: "为了促使全区教育均衡发展,投入3.48亿元升级改造我区东部地区学校…"
/// fact.indicator  // "funding_investment"
/// fact.status     // .achieved
/// fact.yearFrom   // 2007, fact.yearTo // 2008 (the document's period)
/// fact.adcode     // "440105000000" (海珠区)
/// ```
public struct Fact: Sendable, Hashable {
    /// 1-based raw line number.
    public var line: Int
    /// The sentence the quantity stands in (lineage).
    public var sentence: String
    public var quantity: QuantityMention
    /// Indicator code from the indicator dictionary, or `unknown`.
    public var indicator: String
    /// Id of the dictionary entry / signal word that decided the indicator.
    public var indicatorRule: String
    public var status: FactStatus
    /// The cue word that decided the status ("计划", "累计" …), empty when none.
    public var statusCue: String
    public var yearFrom: Int?
    public var yearTo: Int?
    public var yearSource: ContextSource
    /// 12-digit adcode of the region the figure is about.
    public var adcode: String?
    public var regionSource: ContextSource
    /// The features the learned indicator chooser read (`IndicatorFeatures`), kept only when the
    /// fact builder is asked to record them (`eduwh train-indicators`); empty otherwise.
    public var features: [String] = []
    /// Why the year was left empty or kept by the learned year gate (`yeargate:0.31<0.45`), empty
    /// when the gate did not look at it.
    public var yearRule: String = ""
    /// The features the learned year gate read (`YearGate`), kept only when recorded.
    public var yearFeatures: [String] = []
    /// The years the text offers the figure, with the features the learned year chooser reads
    /// (`YearChooser`), kept only when recorded.
    public var yearCandidates: [YearCandidate] = []
    /// The features the learned status chooser read (`StatusFeatures`), kept as `features` are.
    public var statusFeatures: [String] = []
    /// Why the region was left empty or kept by the learned region gate (`regiongate:0.31<0.45`),
    /// empty when the gate did not look at it.
    public var regionRule: String = ""
    /// The features the learned region gate read (`RegionGate`), kept only when recorded.
    public var regionFeatures: [String] = []
    /// The column header and row label a table cell was read with (`table-header:编制人数
    /// table-row:第二实验小学`, `-` for a part the table does not show), empty for a figure in prose.
    public var tableCell: String = ""

    public init(
        line: Int, sentence: String, quantity: QuantityMention, indicator: String, indicatorRule: String,
        status: FactStatus, statusCue: String, yearFrom: Int?, yearTo: Int?, yearSource: ContextSource,
        adcode: String?, regionSource: ContextSource
    ) {
        self.line = line
        self.sentence = sentence
        self.quantity = quantity
        self.indicator = indicator
        self.indicatorRule = indicatorRule
        self.status = status
        self.statusCue = statusCue
        self.yearFrom = yearFrom
        self.yearTo = yearTo
        self.yearSource = yearSource
        self.adcode = adcode
        self.regionSource = regionSource
    }
}

/// One year a fact could take (nil years: none), with where the text offers it (`kinds`: rules,
/// clause, sentence, section, document, title, period, none) and the features the learned year
/// chooser reads.
public struct YearCandidate: Sendable, Hashable {
    public var from: Int?
    public var to: Int?
    public var kinds: [String]
    public var features: [String]

    public init(from: Int?, to: Int?, kinds: [String], features: [String]) {
        (self.from, self.to, self.kinds, self.features) = (from, to, kinds, features)
    }
}

/// A mention together with the raw line it was found on.
public struct Located<Mention: Sendable & Hashable>: Sendable, Hashable {
    /// 1-based raw line number.
    public var line: Int
    public var mention: Mention

    public init(line: Int, mention: Mention) {
        self.line = line
        self.mention = mention
    }
}

/// Document-level attributes the Facts stage derives for `dim_document`.
public struct DocumentProfile: Sendable, Hashable {
    /// Kind of report: 述职报告, 工作总结, 工作汇报, 工作要点, 工作计划, 讲话, 督导评估, 其他.
    public var kind: String
    /// Speaker or office when the text names one (邓伟强, 区政府).
    public var speaker: String?
    /// The year the report speaks from (今年 resolves to it), when the text makes it clear.
    public var referenceYear: Int?
    /// First and last year of the period the report covers.
    public var periodFrom: Int?
    public var periodTo: Int?
    /// 12-digit adcode of the region the report is about, when resolved.
    public var adcode: String?
    /// The id of the rule that chose the report's region or left it empty (`RegionRule`), for `--explain`.
    public var regionRule = ""
    /// What the document's years rest on (where its reference year came from, whether its body
    /// blanks its years …), read by the learned year gate (`YearGate.documentFeatures`).
    public var yearContext: [String] = []
    /// The level of division (`DocumentProfiler.specificity`) the document's lines speak as most,
    /// if any; read by the learned region chooser (`RegionGate.documentFeatures`).
    public var speakingLevel: Int?
    /// The year the title names, if any; read by the learned year chooser (`YearChooser`).
    public var titleYear: Int?
    /// The document's part of the learned year chooser's score for a candidate of each kind ("":
    /// any candidate), summed once per document (`YearChooser.documentBase`).
    public var yearChoiceBase: [String: Double] = [:]
    /// What kind of page the document is and how its text leans in time, and its publication
    /// year; read by the learned status chooser (`StatusFeatures.documentFeatures`).
    public var statusContext: [String] = []
    public var publishedYear: Int?
    /// The year's budget or final accounts the page presents, if it is such a page (`BudgetPages`).
    public var budget: BudgetPage?

    public init(
        kind: String, speaker: String? = nil, referenceYear: Int? = nil, periodFrom: Int? = nil, periodTo: Int? = nil,
        adcode: String? = nil
    ) {
        self.kind = kind
        self.speaker = speaker
        self.referenceYear = referenceYear
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.adcode = adcode
    }
}

/// A page that presents a year's budget (部门预算, 三公经费预算) or final accounts (部门决算): its
/// budget-year money figures are planned, an earlier year's and a final account's achieved.
public struct BudgetPage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case budget, final }
    public var kind: Kind
    /// The year the budget or accounts are for (2024年部门预算 → 2024), if known.
    public var year: Int?
    /// The rule id (`rules/facts/budget-pages.tsv`) and the word that found it, as lineage.
    public var rule: String
    public var word: String

    public init(kind: Kind, year: Int?, rule: String, word: String) {
        (self.kind, self.year, self.rule, self.word) = (kind, year, rule, word)
    }
}

/// Everything the pipeline knows about one logical document: what the Warehouse loads.
public struct DocumentFacts: Sendable, Hashable {
    public var document: CleanDocument
    public var profile: DocumentProfile
    /// One fact per quantity mention in the document's title and body lines.
    public var facts: [Fact]
    /// Year mentions in title, metadata and body lines.
    public var years: [Located<YearMention>]
    /// Place mentions in title and body lines.
    public var places: [Located<PlaceMention>]

    public init(
        document: CleanDocument, profile: DocumentProfile, facts: [Fact], years: [Located<YearMention>],
        places: [Located<PlaceMention>]
    ) {
        self.document = document
        self.profile = profile
        self.facts = facts
        self.years = years
        self.places = places
    }
}
