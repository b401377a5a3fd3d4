import Foundation

extension FrenchWording {
    static func wording(for problem: ReportingProblem) -> Wording {
        switch problem {
        case .unknownUnit(let typed, let kind, let suggestion, let valid):
            Wording(
                "« \(typed) » ne figure pas parmi les unités (\(kind)) de ce questionnaire\(suggestion.map { " : vouliez-vous dire « \($0) » ?" } ?? ".") "
                    + "Codes possibles : \(valid.joined(separator: ", ")). Rien n'a été enregistré.",
                hint: "Relancez avec --unit CODE, ou sans --unit pour choisir dans la liste.")
        case .unknownPeriod(let typed, let suggestion, let valid):
            Wording(
                "« \(typed) » n'est pas une période de ce questionnaire\(suggestion.map { " : vouliez-vous dire « \($0) » ?" } ?? ".") "
                    + "Périodes possibles : \(valid.joined(separator: ", ")). Rien n'a été enregistré.",
                hint: "Relancez avec --period PÉRIODE, ou sans --period pour la choisir.")
        case .notAReportingQuestionnaire(let questionnaireID, let option):
            Wording(
                "Le questionnaire « \(questionnaireID) » n'est pas rempli pour une unité ni pour une période (il n'a pas de bloc reporting:) : "
                    + "relancez sans \(option). Rien n'a été enregistré.")
        case .noChoiceMade(let kind):
            Wording("Aucune unité (\(kind)) ni période n'a été choisie : rien n'a été enregistré. Relancez la commande, ou donnez --unit et --period.")
        }
    }
}
