import Foundation

/// Why a value cannot be stored for a question; returned by `Questionnaire.problem(with:for:answers:)`.
package enum AnswerProblem: Sendable, Hashable {
    /// A required question left without an answer (or with a blank text).
    case answerRequired
    /// A single-choice or yes/no code that the question does not offer.
    case unknownChoice
    /// A scale code that is not one of its levels.
    case unknownLevel
    /// A non-substantive code ("nsp") that the scale does not offer.
    case answerNotOffered
    /// A required multiple-choice question with nothing selected.
    case noChoiceSelected
    case choiceSelectedTwice
    /// One of the selected codes of a multiple-choice question does not exist.
    case unknownChoiceCode(String)
    /// An exclusive choice ("Aucun") selected together with others; its label.
    case exclusiveCombined(label: String)
    case tooFewChoices(minimum: Double)
    case tooManyChoices(maximum: Double)
    case notWholeNumber
    case numberBelowMinimum(Double)
    case numberAboveMaximum(Double)
    case textTooLong(maximum: Int, typed: Int)
    /// A value of another kind than the question's (a number for a choice question…).
    case typeMismatch
    /// The question's `constraint` is false; the author's `message`, when the question has one.
    case constraintBroken(authorMessage: String?)
}
