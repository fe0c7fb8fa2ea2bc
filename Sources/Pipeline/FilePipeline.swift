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

    /// Builds the shared rule tables, models and gazetteer now (each once per process, as their
    /// first use would). A load calls it on a thread of its own before it opens the warehouse,
    /// so these 0.2–0.3 s of one-off work overlap the warehouse's opening (a new warehouse
    /// seeds its region table meanwhile) instead of holding up the first files' workers.
    public static func prepareShared() {
        _ = standard
        _ = PlaceResolver.standard
    }

    public var cleaner: Cleaner
    public var factBuilder: FactBuilder
    /// Template lines of sites learned by earlier loads, applied after Clean's own labelling
    /// (`SiteTemplates.apply`); empty by default.
    public var siteTemplates: SiteTemplates

    public init(
        cleaner: Cleaner = .standard, factBuilder: FactBuilder = .standard,
        siteTemplates: SiteTemplates = SiteTemplates()
    ) {
        self.cleaner = cleaner
        self.factBuilder = factBuilder
        self.siteTemplates = siteTemplates
    }

    /// Cleans the file (or, with `asText`, takes every line as body text; with `eachLine` too, every
    /// line as a document of its own), labels its sites' template lines noise, and builds each
    /// document's facts.
    public func process(_ raw: RawDocument, asText: Bool = false, eachLine: Bool = false) -> ProcessedFile {
        let cleaned =
            asText || eachLine
            ? cleaner.uncleaned(raw, eachLine: eachLine) : siteTemplates.apply(to: cleaner.clean(raw))
        var file = ProcessedFile(raw: raw, documents: cleaned.documents.map { factBuilder.build($0) })
        file.raw.notes += Self.dropImplausibleQuantities(&file)
        return file
    }

    /// The largest value a quantity may have, in its base unit (yuan, m², persons …): China's
    /// whole GDP is about 1.3e14 yuan, so anything past 1e15 is a misread, not a figure.
    public static let maxQuantityValue = 1e15

    /// Removes quantities whose value (or upper value) is not a finite number within
    /// ±`maxQuantityValue`: a 5,000-digit number read as Inf failed the data tests of every later
    /// load. Returns one note per removed quantity, with its line and the reason.
    static func dropImplausibleQuantities(_ file: inout ProcessedFile) -> [String] {
        var notes: [String] = []
        func fits(_ value: Double?) -> Bool { value.map { $0.isFinite && abs($0) <= maxQuantityValue } ?? true }
        for index in file.documents.indices {
            // Tested in place first: almost no document has such a figure, and `removeAll`'s test
            // copied every fact's quantity (its strings retained and released).
            let implausible = file.documents[index].facts.contains {
                !fits($0.quantity.value) || !fits($0.quantity.upperValue)
            }
            guard implausible else { continue }
            file.documents[index].facts.removeAll { fact in
                let quantity = fact.quantity
                for value in [quantity.value, quantity.upperValue].compactMap({ $0 }) {
                    let reason: String? =
                        !value.isFinite
                        ? "does not fit a double"
                        : abs(value) > maxQuantityValue ? "is over \(Int(maxQuantityValue)) in its base unit" : nil
                    guard let reason else { continue }
                    notes.append(
                        "quantity dropped (line \(fact.line)): '\(quantity.surface.prefix(24))\(quantity.surface.count > 24 ? "…" : "")' \(reason)"
                    )
                    return true
                }
                return false
            }
        }
        return notes
    }
}
