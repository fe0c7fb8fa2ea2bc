/// Thresholds of the Ingest stage, in one place with their documented defaults.
///
/// ```swift
/// var settings = IngestSettings.standard
/// settings.maxFileBytes = 8 << 20          // refuse files over 8 MiB
/// let ingestor = Ingestor(settings: settings)
/// ```
public struct IngestSettings: Sendable, Hashable {
    /// Files larger than this are rejected as `too_large` before being read. Default 64 MiB
    /// (the largest scraped report seen is ~35 KB; a 50 MB single-line file still loads).
    public var maxFileBytes: Int

    /// A file whose bytes are more than this share of C0 control characters (other than tab,
    /// line feed, vertical tab, form feed, carriage return and escape) is `binary`. Default 1%.
    public var maxControlByteShare: Double

    /// A UTF-8 file with invalid sequences is still read as UTF-8 (each replaced by U+FFFD and
    /// noted) when it has at most one damaged spot (a run of invalid sequences), or this many per
    /// valid multi-byte character. Default 0.1%.
    public var maxRepairedUTF8Share: Double

    /// A GB18030/BIG5/UTF-16 decoding with more than this share of invalid sequences among its
    /// non-ASCII characters is refused as `undecodable`. Default 0.5%.
    public var maxInvalidShare: Double

    /// A legacy double-byte decoding must reach this `ChineseTextScore` (share of common Chinese
    /// characters minus rare ones) to be believed. Default 0.5; the seeds score ≥ 0.99 when right
    /// and ≤ 0.03 when decoded with the wrong table.
    public var minChineseScore: Double

    /// With 20 Han characters or more, a legacy or BOM-less UTF-16 decoding must have at least
    /// this share of them among the ~500 most frequent characters. Default 0.35; real reports
    /// have ~0.75, Korean (EUC-KR) or Japanese bytes read as GB18030 0.1–0.21.
    public var minFrequentShare: Double

    /// How far the best legacy decoding must score above the runner-up. Default 0.2.
    public var minScoreMargin: Double

    /// A GB18030 decoding with no invalid sequence, at least 200 non-ASCII characters and this
    /// score is taken without also trying BIG5 (the wrong table never scores near it on real
    /// text; it halves the time spent on GB files). Default 0.9.
    public var decisiveChineseScore: Double

    /// Bytes at the start of an HTML file searched for `<meta charset>`. Default 4096.
    public var charsetSniffBytes: Int

    /// Thresholds of the HTML article finder.
    public var article = HTMLArticleSettings()
    /// Lines longer than this many UTF-8 bytes (about 20,000 Chinese characters) are broken,
    /// after a sentence end where possible (`LongLines`), with a note.
    public var maxLineBytes = 60_000

    /// Settings with the documented defaults, or the values given.
    public init(
        maxFileBytes: Int = 64 << 20, maxControlByteShare: Double = 0.01, maxRepairedUTF8Share: Double = 0.001,
        maxInvalidShare: Double = 0.005, minChineseScore: Double = 0.5, minFrequentShare: Double = 0.35,
        minScoreMargin: Double = 0.2,
        decisiveChineseScore: Double = 0.9, charsetSniffBytes: Int = 4096
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxControlByteShare = maxControlByteShare
        self.maxRepairedUTF8Share = maxRepairedUTF8Share
        self.maxInvalidShare = maxInvalidShare
        self.minChineseScore = minChineseScore
        self.minFrequentShare = minFrequentShare
        self.minScoreMargin = minScoreMargin
        self.decisiveChineseScore = decisiveChineseScore
        self.charsetSniffBytes = charsetSniffBytes
    }

    /// The defaults above.
    public static let standard = IngestSettings()
}
