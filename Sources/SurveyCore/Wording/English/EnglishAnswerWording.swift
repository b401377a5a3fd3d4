import Foundation

extension EnglishWording {
    static func wording(for problem: AnswerProblem) -> Wording {
        switch problem {
        case .answerRequired: Wording("An answer is required to continue.")
        case .unknownChoice: Wording("This choice does not exist for this question.")
        case .unknownLevel: Wording("This level is not on the scale.")
        case .answerNotOffered: Wording("This answer is not offered.")
        case .noChoiceSelected: Wording("Select at least one choice.")
        case .choiceSelectedTwice: Wording("A choice is selected twice.")
        case .unknownChoiceCode(let code): Wording("Choice “\(code)” does not exist for this question.")
        case .exclusiveCombined(let label): Wording("“\(label)” cannot be combined with other choices.")
        case .tooFewChoices(let minimum): Wording("Select at least \(format(minimum)) choices.")
        case .tooManyChoices(let maximum): Wording("Select at most \(format(maximum)) choices.")
        case .notWholeNumber: Wording("Enter a whole number.")
        case .numberBelowMinimum(let minimum): Wording("The number must be at least \(number(minimum)).")
        case .numberAboveMaximum(let maximum): Wording("The number must be at most \(number(maximum)).")
        case .textTooLong(let maximum, let typed): Wording("The text exceeds \(maximum) characters (\(typed) typed).")
        case .typeMismatch: Wording("This answer does not match the question's type.")
        case .constraintBroken(let authorMessage): Wording(authorMessage ?? "This answer breaks the question's rule.")
        }
    }
}
