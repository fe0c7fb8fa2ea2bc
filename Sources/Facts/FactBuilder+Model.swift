import EduwhCore
import Normalize

extension FactBuilder {
    /// The indicator the learned chooser (`model`) settles on for a quantity the dictionary and
    /// grammar gave `choice`, and the features it read (kept only when `recordsFeatures`). The
    /// features are computed only when they are recorded or the policy may change this choice.
    func modelled(
        _ choice: IndicatorMapper.Choice, for quantity: QuantityMention, scalars: [Unicode.Scalar],
        sentence: Range<Int>, words: [WordTrie.Match], signals: [WordTrie.Match], profile: DocumentProfile,
        scope: SectionScope.State
    ) -> (IndicatorMapper.Choice, [String]) {
        let useModel = model.map { $0.mayChange(choice) } ?? false
        guard useModel || recordsFeatures else { return (choice, []) }
        let reading = mapper.grammar?.read(quantity, scalars: scalars, sentence: sentence, words: words)
        var context = IndicatorFeatures.Context(
            quantity: quantity, scalars: scalars, sentence: sentence, choice: choice, reading: reading,
            reportKind: profile.kind, section: scope.status)
        let indicators = mapper.dictionary.indicators
        context.signals = signals.map { ($0.start..<$0.end, $0.payload.map { indicators[$0].code }) }
        let features = recordsFeatures ? IndicatorFeatures.features(context) : []
        guard useModel, let model else { return (choice, features) }
        // A load reads hashes of the features, never their strings.
        let prediction = model.predict(hashes: IndicatorFeatures.hashes(context), dictionary: choice.code)
        return (IndicatorModel.decide(choice, prediction, policy: model.policy), features)
    }
}
