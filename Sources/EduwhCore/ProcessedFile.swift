/// A file that went through Ingest, Clean, Normalize and Facts: what the Warehouse loads in one
/// transaction.
///
/// ```swift
/// let processed = FilePipeline.standard.process(raw)
/// processed.documents.count // 4 for a file with four glued reports
/// ```
public struct ProcessedFile: Sendable, Hashable {
    public var raw: RawDocument
    /// One entry per logical document, in file order.
    public var documents: [DocumentFacts]

    public init(raw: RawDocument, documents: [DocumentFacts]) {
        self.raw = raw
        self.documents = documents
    }
}
