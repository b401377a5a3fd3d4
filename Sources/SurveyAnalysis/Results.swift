import Foundation
import SurveyCore

/// What the report is built from: figures only, no text.
package struct AnalysisResult: Sendable {
    package var campaign: Campaign
    package var minGroup: Int
    package var populations: [String]
    package var participation: [Participation]
    package var items: [ItemStats]
    package var comparisons: [Comparison]
    package var mentions: [ThemeMention]
    package var quotes: [Quote]
    package var uncodedWords: [WordCount]
    package var uncodedAnswers: Int
    package var funnels: [Funnel]
    package var channels: [ChannelCount]
    package var frequencies: [Frequency]
    package var verbatims: [Verbatim]
    /// The open questions whose answers may be published, per population, in report order:
    /// verbatims.csv holds these and no others (the streaming spool uses it too).
    package var publishedTexts: [TextKey]
    package var suppressed: [Suppression]
    package var codebook: Codebook?
    package var manualCodes: Int
    /// The monitoring questionnaires' figures (units × periods), when the campaign has some.
    package var monitoring: MonitoringResult? = nil
    /// The same items in the previous wave, when `prst report --previous` names its store.
    package var waves: WaveComparison? = nil
}

package struct Participation: Sendable, Hashable {
    package var population: String
    package var label: String
    package var target: Int?
    package var started: Int
    package var completed: Int
    /// Completed sessions over the target, 0–1.
    package var responseRate: Double? { target.map { $0 > 0 ? Double(completed) / Double($0) : 0 } }
}

package struct LevelCount: Sendable, Hashable {
    package var code: String
    package var label: String
    package var count: Int
}

/// One scale item in one population.
package struct ItemStats: Sendable, Hashable {
    package var item: String
    package var label: String
    package var number: String
    package var theme: String?
    package var population: String
    package var scaleID: String
    /// Levels from the lowest integer code to the highest, with their counts.
    package var levels: [LevelCount]
    package var nonSubstantive: [LevelCount]
    package var favourableCodes: [String]
    package var nValid: Int
    package var nNonSubstantive: Int
    package var nNotAsked: Int
    package var nSkipped: Int
    package var favourable: Int
    package var unfavourable: Int
    /// False when the base is under the minimum group: no figure leaves the analysis.
    package var shown: Bool
    /// The item's scale has no favourable side (a frequency): no share, no classification.
    package var descriptive = false

    package var favourableShare: Double? { nValid > 0 && !descriptive ? Double(favourable) / Double(nValid) : nil }
    package var interval: (low: Double, high: Double)? { descriptive ? nil : Statistics.wilson(favourable, nValid) }
    /// Favourable % − unfavourable %, in points.
    package var netScore: Double? { nValid > 0 && !descriptive ? 100 * Double(favourable - unfavourable) / Double(nValid) : nil }
    package var median: Double? { Statistics.median(levels.map { (Int($0.code) ?? 0, $0.count) }) }

    /// Where the synthesis files the item. The favourable share must clear a threshold with its
    /// whole 95 % Wilson interval: a force when the lower bound reaches `force` (in %), a
    /// difficulty when the upper bound stays under `difficulty`. A share past a threshold whose
    /// interval still straddles it is « à confirmer ». Nil without valid answers.
    package func classification(force: Double, difficulty: Double) -> ItemClassification? {
        if descriptive { return .descriptive }
        guard let share = favourableShare, let ci = interval else { return nil }
        if 100 * ci.low >= force { return .force }
        if 100 * ci.high < difficulty { return .difficulty }
        if 100 * share >= force { return .forceToConfirm }
        if 100 * share < difficulty { return .difficultyToConfirm }
        return .neutral
    }
}

/// The synthesis's filing of a scale item (values as in likert.csv's `classification`).
package enum ItemClassification: String, Sendable, Hashable, CaseIterable {
    case force
    case forceToConfirm = "force_a_confirmer"
    case difficulty = "difficulte"
    case difficultyToConfirm = "difficulte_a_confirmer"
    /// Between the thresholds.
    case neutral = "neutre"
    /// A descriptive scale: never classified.
    case descriptive
}

package struct Comparison: Sendable, Hashable {
    package var item: String
    package var label: String
    package var theme: String?
    package var populations: [String]
    package var test: String
    package var statistic: Double
    package var pValue: Double
    package var pAdjusted: Double
    /// Favourable share per population (same order), for reading the direction.
    package var favourableShares: [Double]
    /// Rank-biserial r (two populations) or epsilon² (three or more): see `Statistics.TestResult`.
    package var effectSize: Double = 0
    package var effectMeasure: String = ""
}

/// Respondents of a population whose open answers mention a theme with a polarity; a nil
/// polarity counts the answers to open questions without one (propositions, attentes).
package struct ThemeMention: Sendable, Hashable {
    package var theme: String
    package var population: String
    package var polarity: Polarity?
    package var respondents: Int
    package var base: Int
    package var shown: Bool
}

package struct Quote: Sendable, Hashable {
    package var theme: String
    package var population: String
    /// Nil for a proposition (an open question without polarity).
    package var polarity: Polarity?
    package var session: String
    package var question: String
    package var text: String
}

package struct WordCount: Sendable, Hashable {
    package var term: String
    package var count: Int
}

package enum FunnelStepKind: String, Sendable, Hashable, CaseIterable {
    case aware, used, relayed
    case relayedInternal = "relayed_internal"
    case relayedIntermediary = "relayed_intermediary"
    case relayedFinal = "relayed_final"

    /// The step whose respondents are this step's base_previous.
    package var previous: FunnelStepKind? {
        switch self {
        case .aware: return nil
        case .used, .relayed: return .aware
        case .relayedInternal, .relayedIntermediary, .relayedFinal: return .relayed
        }
    }
}

package struct FunnelStep: Sendable, Hashable {
    package var kind: FunnelStepKind
    package var count: Int
    package var baseAll: Int
    package var basePrevious: Int
    package var shown: Bool
    package var pctAll: Double? { baseAll > 0 ? 100 * Double(count) / Double(baseAll) : nil }
    package var interval: (low: Double, high: Double)? { Statistics.wilson(count, baseAll) }
}

package enum FunnelScope: String, Sendable, Hashable { case deliverable, type, overall }

package struct Funnel: Sendable, Hashable {
    package var scope: FunnelScope
    /// The deliverable code, the type, or "ensemble".
    package var key: String
    package var label: String
    package var type: String
    package var population: String
    package var steps: [FunnelStep]
    /// The answers to the `diffusion: usefulness` question about this deliverable (deliverable
    /// scope only, and only when the questionnaire has one).
    package var usefulness: Usefulness?
    package func step(_ kind: FunnelStepKind) -> FunnelStep? { steps.first { $0.kind == kind } }
}

/// How useful the people who used a deliverable found it, « Ne sait pas » out of the base.
package struct Usefulness: Sendable, Hashable {
    package var levels: [LevelCount]
    package var nonSubstantive: [LevelCount]
    package var nValid: Int
    package var nNonSubstantive: Int
    package var favourable: Int
    package var shown: Bool
}

package struct ChannelCount: Sendable, Hashable {
    package var deliverable: String
    package var channel: String
    package var channelLabel: String
    package var count: Int
    package var base: Int
    package var shown: Bool
}

/// The flat count of one variable in one population (tri à plat).
package struct Frequency: Sendable, Hashable {
    package var population: String
    package var variable: String
    package var number: String
    package var label: String
    package var type: QuestionType
    package var repeated: Bool
    /// Choice or level rows: code, label, count.
    package var rows: [LevelCount]
    /// Codes of `rows` counted apart, out of `base` (a scale's « Ne sait pas »).
    package var outOfBase: Set<String>
    package var given: Int
    /// The base of the percentages: `given` less « Ne sait pas » for a scale (as in the theme
    /// tables), `given` otherwise.
    package var base: Int
    /// People who gave at least one answer counted in `base` (for a repeated question, fewer
    /// than the answers): the disclosure threshold applies to them.
    package var respondents: Int
    package var skipped: Int
    package var notAsked: Int
    package var numberSummary: NumberSummary?
    package var shown: Bool
    /// The question's theme and diffusion role, so that the synthesis can report choice
    /// questions (wishes for the next plan…) in their theme.
    package var theme: String? = nil
    package var diffusion: DiffusionRole? = nil
}

package struct NumberSummary: Sendable, Hashable {
    package var n: Int
    package var min: Double
    package var max: Double
    package var mean: Double
    package var median: Double
}

package struct TextKey: Sendable, Hashable {
    package var population: String
    package var question: String
    package init(population: String, question: String) {
        self.population = population
        self.question = question
    }
}

/// An anonymised open answer. The session id stays inside the analysis (quotes are chosen by
/// its hash); renderers must not publish it, since it links a person's answers together.
package struct Verbatim: Sendable, Hashable {
    package var session: String
    package var population: String
    package var question: String
    package var repetition: String?
    package var polarity: Polarity?
    package var themes: [String]
    package var manual: Bool
    package var text: String

    /// Where the answer goes among the answers to its question: a hash of the session, the
    /// question and the production, so that the order differs from one question to the next
    /// (the order of sessions, the same in every question, would link a person's answers).
    package var publicationOrder: UInt64 { fnv(session + "|" + question + "|" + (repetition ?? "")) }
}

/// A figure withheld by disclosure control, with why. Words are the renderer's.
package struct Suppression: Sendable, Hashable {
    package var what: WithheldFigure
    /// The population.
    package var group: String
    /// The number of people the figure is about.
    package var base: Int
    package var reason: SuppressionReason
}

package enum WithheldFigure: Sendable, Hashable {
    /// Every result of the population.
    case population
    /// A scale item's line in the theme tables, likert CSVs and charts.
    case item(String)
    /// The flat count (tri à plat) of a variable.
    case frequency(String)
    /// The open answers to a variable: verbatims.csv, quotes, uncoded words.
    case texts(String)
    case channels(deliverable: String)
    case usefulness(deliverable: String)
    case funnelStep(scope: FunnelScope, key: String, step: FunnelStepKind)
    /// An item's change since the previous wave, whose base there is under the minimum group.
    case previousWave(item: String)
}

package enum SuppressionReason: Sendable, Hashable {
    /// Fewer people than `AnalysisResult.minGroup` in the figure's base.
    case belowThreshold
    /// Secondary suppression: withheld with `protecting`, which a published total minus the
    /// other published parts would otherwise give.
    case complementary(protecting: WithheldFigure)
    /// The figure's base is the count of a withheld figure (a funnel step after a withheld step).
    case baseWithheld(WithheldFigure)
}
