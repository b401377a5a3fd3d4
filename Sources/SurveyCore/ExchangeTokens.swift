import Foundation

/// The fixed words of the exchange files (`prst export` / `prst import`), in SurveyCore so that
/// the wording of import problems can name them.
package enum ExchangeTokens {
    /// A cell of a question that was not asked of this respondent.
    package static let notAsked = "#NP"
    package static let completed = "complet"
    package static let inProgress = "en_cours"
}
