import EduwhCore
import Foundation

/// A learned status chooser: a multinomial logistic regression over `StatusFeatures` whose
/// classes are the statuses (achieved, planned, unknown), with weights as data
/// (`rules/facts/status-model.tsv`, written by `eduwh train-status`), and the policy that combines
/// it with the rules' status (`StatusCues`, sections, report kinds, deadlines).
///
/// The policy reuses `IndicatorModel.Policy`'s three thresholds (a threshold above 1 is off):
/// - `fill`: where the rules say `unknown`, the model's status replaces it at this probability;
/// - `override`: the model's status replaces the rules' at this probability;
/// - `doubt`: a known status the model gives less than this becomes `unknown` (a wrong status is
///   worse than none).
///
/// `keep` names cue classes (`StatusFeatures.cueClass`: word, kind:, section, plan-kind, budget …)
/// whose status the model may not change.
///
/// A figure the rules call achieved by a word of the past before it in its sentence (已建成, 累计投入), or
/// by its words in a plan that dates it before the plan's year, keeps its status whatever the model says.
///
/// ```swift
/// StatusModel.standard  // nil while the shipped table's policy is off
/// ```
public struct StatusModel: Sendable {
    /// The regression (its classes are status names).
    public let model: IndicatorModel
    public var policy: IndicatorModel.Policy { model.policy }

    public init(model: IndicatorModel) {
        self.model = model
    }

    public init(table text: String) throws(RuleTableError) {
        model = try IndicatorModel(table: text)
    }

    public static let path = "rules/facts/status-model.tsv"

    /// The shipped model, or nil when its table is empty or its policy is off; a table named by
    /// `EDUWH_STATUS_MODEL` replaces it (to score a model trained without some slices with the
    /// team's scorer: `eduwh train-status --test-slices fk --out /tmp/s.tsv`, then
    /// `EDUWH_STATUS_MODEL=/tmp/s.tsv scripts/score …`).
    public static let standard: StatusModel? = {
        guard let text = learnedTableText(path, overriddenBy: "EDUWH_STATUS_MODEL"),
            let model = try? StatusModel(table: text),
            !model.policy.isOff, !model.model.classes.isEmpty
        else { return nil }
        return model
    }()

    /// The status `policy` settles on, given the rules' status and cue and the model's prediction;
    /// the cue names the model when it decided (`model:0.93<kind:工作总结`), as lineage.
    public static func decide(
        _ rules: (FactStatus, String), _ prediction: IndicatorModel.Prediction, policy: IndicatorModel.Policy
    ) -> (FactStatus, String) {
        // A cue class the policy keeps (`StatusFeatures.cueClass`) is the rules' to decide.
        if !policy.keep.isEmpty, policy.keep.contains(StatusFeatures.cueClass(rules.1)) { return rules }
        let p = prediction.probability
        let own = rules.0.rawValue
        if prediction.code != own, let status = FactStatus(rawValue: prediction.code),
            p >= policy.override || (rules.0 == .unknown && p >= policy.fill)
        {
            return (status, "model:\(format2(p))<\(rules.1)")
        }
        if rules.0 != .unknown, prediction.dictionaryProbability < policy.doubt {
            return (.unknown, "model-doubt:\(format2(prediction.dictionaryProbability))<\(rules.1)")
        }
        return rules
    }

    /// Whether the policy could change a rules' status (so the features need computing).
    public func mayChange(_ status: FactStatus) -> Bool {
        policy.override <= 1 || (policy.doubt > 0 && status != .unknown) || (policy.fill <= 1 && status == .unknown)
    }

    /// Whether the policy keeps the class of the rules' `cue` from the model.
    public func keeps(_ cue: String) -> Bool {
        !policy.keep.isEmpty && policy.keep.contains(StatusFeatures.cueClass(cue))
    }

    /// The status the model and policy settle on for a figure whose features are `context`.
    public func status(_ context: StatusFeatures.Context) -> (FactStatus, String) {
        guard mayChange(context.rules.0), !context.pastWord, !context.pastYearInPlan, !keeps(context.rules.1) else {
            return context.rules
        }
        let prediction = model.predict(hashes: StatusFeatures.hashes(context), dictionary: context.rules.0.rawValue)
        return Self.decide(context.rules, prediction, policy: policy)
    }
}
