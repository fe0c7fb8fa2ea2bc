import Normalize

// Helpers of the numeral suites (PeerCaseTests, PeerCaseRecognizersTests, NumeralGrammarTests).

/// Reads `text` as a line of its own (`eduwh extract --text`): its only quantity's value.
func standalone(_ text: String) -> Double? {
    let found = Normalizer.standard.quantities(in: text, standalone: true)
    return found.count == 1 ? found[0].value : nil
}

/// Equal up to rounding (1e-9 relative).
func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-9 * max(1, abs(b))
}
