/// Held-out prediction by site folds, shared by the learned choosers' trainers: each example is
/// predicted by a model trained without its fold's sites. `folds` 0 leaves one site out at a time;
/// otherwise sites are dealt into `folds` groups by name order.
///
/// ```swift
/// let held = siteFoldPredictions(examples, folds: 10, site: \.site, train: trainer.train) { example, model in
///     example.gated ? model.probability(example.features) : nil
/// }
/// ```
public func siteFoldPredictions<Example, Model, Prediction>(
    _ examples: [Example], folds: Int, site: (Example) -> String, train: ([Example]) -> Model,
    predict: (Example, Model) -> Prediction?
) -> [Prediction?] {
    let sites = Array(Set(examples.map(site))).sorted()
    let count = folds <= 0 ? sites.count : min(folds, sites.count)
    let foldOf = Dictionary(uniqueKeysWithValues: sites.enumerated().map { ($1, $0 % count) })
    var predictions = [Prediction?](repeating: nil, count: examples.count)
    for fold in 0..<count {
        let model = train(examples.filter { foldOf[site($0)] != fold })
        for (index, example) in examples.enumerated() where foldOf[site(example)] == fold {
            predictions[index] = predict(example, model)
        }
    }
    return predictions
}
