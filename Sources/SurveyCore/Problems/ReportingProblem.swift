import Foundation

/// Why `prst run` cannot answer a questionnaire for the unit × period it was given
/// (`--unit`, `--period`, or what was typed at the prompt). Nothing is stored in any case.
package enum ReportingProblem: Sendable, Hashable {
    /// A unit code not in the questionnaire's referential; `kind` is the referential's word for
    /// one unit (« fiche-action »), `valid` its codes in order.
    case unknownUnit(typed: String, kind: String, suggestion: String?, valid: [String])
    /// A period not in the questionnaire's `reporting:` block.
    case unknownPeriod(typed: String, suggestion: String?, valid: [String])
    /// `--unit` or `--period` (`option`, with its dashes) for a questionnaire without `reporting:`.
    case notAReportingQuestionnaire(questionnaireID: String, option: String)
    /// The input ended before a unit or a period was chosen at the prompt.
    case noChoiceMade(kind: String)
}
