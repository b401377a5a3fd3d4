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
    package var suppressed: [Suppression]
    package var codebook: Codebook?
    package var manualCodes: Int
    /// The monitoring questionnaires' figures (units × periods), when the campaign has some.
    package var monitoring: MonitoringResult? = nil

    /// Populations with at least `minGroup` analysed respondents: the only ones published.
    package var publishedPopulations: [String] { participation.filter { $0.completed >= minGroup }.map(\.population) }
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

    package var favourableShare: Double? { nValid > 0 ? Double(favourable) / Double(nValid) : nil }
    package var interval: (low: Double, high: Double)? { Statistics.wilson(favourable, nValid) }
    /// Favourable % − unfavourable %, in points.
    package var netScore: Double? { nValid > 0 ? 100 * Double(favourable - unfavourable) / Double(nValid) : nil }
    package var median: Double? { Statistics.median(levels.map { (Int($0.code) ?? 0, $0.count) }) }
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
}

/// Respondents of a population whose open answers mention a theme with a polarity.
package struct ThemeMention: Sendable, Hashable {
    package var theme: String
    package var population: String
    package var polarity: Polarity
    package var respondents: Int
    package var base: Int
    package var shown: Bool
}

package struct Quote: Sendable, Hashable {
    package var theme: String
    package var population: String
    package var polarity: Polarity
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
    package var pctPrevious: Double? { basePrevious > 0 ? 100 * Double(count) / Double(basePrevious) : nil }
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
    package func step(_ kind: FunnelStepKind) -> FunnelStep? { steps.first { $0.kind == kind } }
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
    package var given: Int
    package var skipped: Int
    package var notAsked: Int
    package var numberSummary: NumberSummary?
    package var shown: Bool
}

package struct NumberSummary: Sendable, Hashable {
    package var n: Int
    package var min: Double
    package var max: Double
    package var mean: Double
    package var median: Double
}

package struct Verbatim: Sendable, Hashable {
    package var session: String
    package var population: String
    package var question: String
    package var repetition: String?
    package var polarity: Polarity?
    package var themes: [String]
    package var manual: Bool
    package var text: String
}

/// A figure withheld by disclosure control, with why.
package struct Suppression: Sendable, Hashable {
    package var what: String
    package var group: String
    package var base: Int
    package var reason: String
}
