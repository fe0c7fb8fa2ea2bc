import Clean
import EduwhCore
import Facts
import Ingest
import Normalize

/// Runs one decoded file through Clean, Normalize and Facts.
///
/// ```swift
/// let processed = FilePipeline.standard.process(raw)
/// processed.documents.flatMap(\.facts).count
/// ```
public struct FilePipeline: Sendable {
    public static let standard = FilePipeline()

    public var cleaner: Cleaner
    public var factBuilder: FactBuilder

    public init(cleaner: Cleaner = .standard, factBuilder: FactBuilder = .standard) {
        self.cleaner = cleaner
        self.factBuilder = factBuilder
    }

    /// Cleans the file (or, with `asText`, takes every line as body text) and builds each
    /// document's facts.
    public func process(_ raw: RawDocument, asText: Bool = false) -> ProcessedFile {
        let cleaned = asText ? cleaner.uncleaned(raw) : cleaner.clean(raw)
        return ProcessedFile(raw: raw, documents: cleaned.documents.map { factBuilder.build($0) })
    }
}
