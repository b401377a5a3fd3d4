import Foundation

extension FrenchWording {
    static func wording(for problem: AnswerProblem) -> Wording {
        switch problem {
        case .answerRequired: Wording("Une réponse est nécessaire pour continuer.")
        case .unknownChoice: Wording("Ce choix n'existe pas pour cette question.")
        case .unknownLevel: Wording("Ce niveau n'existe pas sur l'échelle.")
        case .answerNotOffered: Wording("Cette réponse n'est pas proposée.")
        case .noChoiceSelected: Wording("Cochez au moins un choix.")
        case .choiceSelectedTwice: Wording("Un choix est coché deux fois.")
        case .unknownChoiceCode(let code): Wording("Le choix « \(code) » n'existe pas pour cette question.")
        case .exclusiveCombined(let label): Wording("« \(label) » ne peut pas être combiné avec d'autres choix.")
        case .tooFewChoices(let minimum): Wording("Cochez au moins \(format(minimum)) choix.")
        case .tooManyChoices(let maximum): Wording("Cochez au plus \(format(maximum)) choix.")
        case .notWholeNumber: Wording("Saisissez un nombre entier.")
        case .numberBelowMinimum(let minimum): Wording("Le nombre doit être au moins \(number(minimum)).")
        case .numberAboveMaximum(let maximum): Wording("Le nombre doit être au plus \(number(maximum)).")
        case .textTooLong(let maximum, let typed): Wording("Le texte dépasse \(maximum) caractères (\(typed) saisis).")
        case .typeMismatch: Wording("Cette réponse ne correspond pas au type de la question.")
        case .constraintBroken(let authorMessage): Wording(authorMessage ?? "Cette réponse ne respecte pas la règle de la question.")
        case .partAboveTotal(let total, let number): Wording("Ce nombre ne peut pas dépasser le total donné à la question \(number) (\(self.number(total))).")
        case .totalBelowPart(let part, let number):
            Wording("Ce total ne peut pas être inférieur au « dont » donné à la question \(number) (\(self.number(part))).")
        }
    }
}
