import Foundation
import SurveyCore

// What the monitoring sections of the report are built from (docs/monitoring.md): figures about
// units (fiches-actions, SPSTI, commissions), never about the people who filled the forms.

/// The monitoring questionnaires of a campaign, in campaign order.
package struct MonitoringResult: Sendable, Hashable {
    package var questionnaires: [MonitoringQuestionnaire]

    package init(questionnaires: [MonitoringQuestionnaire]) { self.questionnaires = questionnaires }
}

/// One questionnaire with a `reporting:` block, consolidated over its units and periods.
package struct MonitoringQuestionnaire: Sendable, Hashable {
    package var id: String
    package var title: String
    package var population: String
    /// The referential's word for one unit: « fiche-action », « SPSTI ».
    package var kind: String
    package var referentialID: String
    package var referentialLabel: String?
    package var units: [ReportingUnit]
    /// The periods of the `reporting:` block, in the order written.
    package var periods: [String]
    package var coverage: [PeriodCoverage]
    package var indicators: [Indicator]
    package var statuses: [StatusIndicator]
    package var typologies: [Typology]
    package var mentions: [UnitMention]
    /// Completed responses whose unit is not in the referential or whose period is not in
    /// the `reporting:` block: left out of every figure, counted so the report can say so.
    package var outsideReferential: Int
    /// Completed responses that name no unit and period (given before the store kept them):
    /// counted nowhere either.
    package var withoutReportingKey: Int = 0
}

/// Expected units against units with a completed response, for one period.
package struct PeriodCoverage: Sendable, Hashable {
    package var period: String
    package var expected: Int
    /// Codes of the units with a completed response, in referential order.
    package var reported: [String]
    /// Units with a response started but not completed (they count as missing).
    package var started: [String]
    /// Units without a completed response, in referential order.
    package var missing: [ReportingUnit]
    package var share: Double? { expected > 0 ? Double(reported.count) / Double(expected) : nil }
}

/// A number question consolidated across units, period by period.
package struct Indicator: Sendable, Hashable {
    package var id: String
    package var number: String
    package var label: String
    package var unit: String?
    package var provider: String?
    /// The indicator this one is a "dont" of.
    package var partOf: String?
    /// Asked in an open repeat: a unit's value is the sum over its repetitions.
    package var repeated: Bool
    package var periods: [IndicatorPeriod]
}

/// The distribution of one indicator over the units that gave it for one period.
/// Quantiles are R's type 7 (numpy's default `linear`): for sorted values x₁…xₙ and a share p,
/// h = (n − 1)·p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋) (0-based). The median is Q(0.5), the
/// usual median.
package struct IndicatorPeriod: Sendable, Hashable {
    package var period: String
    /// Each unit's value, in the order of the questionnaire's `units` (nil: not given). Shown
    /// in the unit's own file only.
    package var values: [Double?]
    package var summary: UnitDistribution?
}

package struct UnitDistribution: Sendable, Hashable {
    package var n: Int
    package var sum: Double
    package var min: Double
    package var q1: Double
    package var median: Double
    package var q3: Double
    package var max: Double

    /// The quartile (1–4) of a value among the units: 1 up to Q1, 2 up to the median, 3 up to
    /// Q3, 4 above; a value on a boundary belongs to the lower quartile.
    package func quartile(of value: Double) -> Int {
        if value <= q1 { return 1 }
        if value <= median { return 2 }
        if value <= q3 { return 3 }
        return 4
    }
}

/// A single or yes/no question outside repeats (« réalisé, partiellement réalisé, non réalisé »):
/// how many units gave each answer, period by period.
package struct StatusIndicator: Sendable, Hashable {
    package var id: String
    package var number: String
    package var label: String
    package var options: [LevelCount]
    package var periods: [StatusPeriod]
}

package struct StatusPeriod: Sendable, Hashable {
    package var period: String
    /// Units that answered (the base of the shares).
    package var base: Int
    /// Count per option code, in option order.
    package var counts: [String: Int]
    /// Each unit's answer code, in the order of the questionnaire's `units` (for its own file only).
    package var answers: [String?]
}

/// The repeated items of an open repeat counted by a single choice asked in it.
package struct Typology: Sendable, Hashable {
    /// The open repeat section and its word for an item (« livrable »).
    package var section: String
    package var item: String
    package var question: String
    package var label: String
    package var periods: [TypologyPeriod]
}

package struct TypologyPeriod: Sendable, Hashable {
    package var period: String
    /// Items with an answer to the question, over every reporting unit.
    package var items: Int
    /// Units with at least one such item.
    package var unitsWithItems: Int
    /// Reporting units (those that could have described items).
    package var reportingUnits: Int
    package var rows: [TypologyRow]
}

package struct TypologyRow: Sendable, Hashable {
    package var code: String
    package var label: String
    package var items: Int
    /// Units with at least one item of this type.
    package var units: Int
}

/// Units whose open answers of one polarity mention a codebook theme (« 13 bilans sur 18 »).
package struct UnitMention: Sendable, Hashable {
    package var period: String
    package var theme: String
    package var polarity: Polarity
    package var units: Int
    /// Units with a completed response for the period.
    package var base: Int
}
