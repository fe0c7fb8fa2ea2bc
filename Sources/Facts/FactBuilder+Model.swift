import EduwhCore
import Normalize

extension FactBuilder {
    /// The indicator the learned chooser (`model`) settles on for a quantity the dictionary and
    /// grammar gave `choice`, and the features it read (kept only when `recordsFeatures`). The
    /// features are computed only when they are recorded or the policy may change this choice.
    /// `reading` is the grammar's reading the mapper made (`IndicatorMapper.indicatorAndReading`);
    /// `signals` the sentence's signal words with their codes (`namedSignals`), made once per sentence.
    func modelled(
        _ choice: IndicatorMapper.Choice, for quantity: QuantityMention, scalars: [Unicode.Scalar],
        sentence: (index: Int?, range: Range<Int>), reading: QuantityGrammar.Reading?,
        signals: [(range: Range<Int>, codes: [String])], profile: DocumentProfile, scope: SectionScope.State,
        readings: inout SentenceReadings
    ) -> (IndicatorMapper.Choice, [String]) {
        let useModel = model.map { $0.mayChange(choice) } ?? false
        guard useModel || recordsFeatures else { return (choice, []) }
        var context = IndicatorFeatures.Context(
            quantity: quantity, scalars: scalars, sentence: sentence.range, choice: choice, reading: reading,
            reportKind: profile.kind, section: scope.status)
        context.signals = signals
        context.heading = scope.heading
        context.text = readings.countedText(of: sentence)
        context.topics = readings.topics(of: scope.heading)
        context.budgetPage = profile.budget?.kind.rawValue
        let features = recordsFeatures ? IndicatorFeatures.features(context) : []
        guard useModel, let model else { return (choice, features) }
        // A load reads hashes of the features, never their strings.
        let prediction = model.predict(hashes: IndicatorFeatures.hashes(context), dictionary: choice.code)
        let decided = IndicatorModel.decide(choice, prediction, policy: model.policy)
        guard decided.code != choice.code else { return (decided, features) }
        return (
            Self.namingCounted(decided, quantity: quantity, text: context.text, sentence: sentence.range), features
        )
    }

    /// `choice` (the model's) with what the number counts named in its rule, for `--explain`:
    /// `model:0.83<rule` becomes `model:0.83[school/build]<rule` (`CountedThing`: the counted
    /// noun's class and the verb's; `-` for none).
    static func namingCounted(
        _ choice: IndicatorMapper.Choice, quantity: QuantityMention, text: CountedThing.Text?, sentence: Range<Int>
    ) -> IndicatorMapper.Choice {
        guard let mark = choice.rule.firstIndex(of: "<"), let text else { return choice }
        let reading = CountedThing.standard.read(quantity, in: text, line: sentence)
        let what = "[\(reading.nounClass ?? "-")/\(reading.verbClass ?? reading.verbAfter ?? "-")]"
        let rule = String(choice.rule[..<mark]) + what + String(choice.rule[mark...])
        return IndicatorMapper.Choice(code: choice.code, rule: rule)
    }

    /// The sentence's signal words (`IndicatorMapper.signalMatches`) with the indicator codes each names.
    func namedSignals(_ signals: [WordTrie.Match]) -> [(range: Range<Int>, codes: [String])] {
        guard model != nil || recordsFeatures else { return [] }
        let indicators = mapper.dictionary.indicators
        return signals.map { ($0.start..<$0.end, $0.payload.map { indicators[$0].code }) }
    }

    /// `cache[key]`, made by `make` the first time it is asked for.
    static func cached<Value>(_ cache: inout [Int: Value], _ key: Int, _ make: () -> Value) -> Value {
        if let value = cache[key] { return value }
        let value = make()
        cache[key] = value
        return value
    }
}
