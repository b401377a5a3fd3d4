import Foundation

/// Every problem prst reports, as a typed case: what went wrong and the values that say where
/// and why, never words. The words live in `Wording/` (one folder per language), so that the
/// libraries decide what is wrong and the wording decides how a person is told.
package enum Problem: Sendable, Hashable {
    /// A questionnaire, campaign, library or codebook that cannot be used as written.
    case definition(DefinitionProblem)
    /// An answer that cannot be stored for a question (typed in the runner, simulated or imported).
    case answer(AnswerProblem)
    /// A bad cell, row or header of an imported file.
    case importCell(ImportProblem)
    /// The response store refused or failed.
    case store(StoreProblem)
    /// The unit or period a monitoring questionnaire was to be answered for.
    case reporting(ReportingProblem)
}

/// What a person reads about a problem: a sentence, and what to do when one helps.
package struct Wording: Sendable, Hashable {
    package var message: String
    package var hint: String?

    package init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

package extension Problem {
    /// The words for this problem in `language`.
    func wording(in language: Language) -> Wording {
        switch language {
        case .fr: FrenchWording.wording(for: self)
        case .en: EnglishWording.wording(for: self)
        }
    }

    func message(in language: Language) -> String { wording(in: language).message }
    func hint(in language: Language) -> String? { wording(in: language).hint }
}
