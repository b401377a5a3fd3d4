import Foundation

extension EnglishWording {
    static func wording(for problem: ReportingProblem) -> Wording {
        switch problem {
        case .unknownUnit(let typed, let kind, let suggestion, let valid):
            Wording(
                "“\(typed)” is not among the units (\(kind)) of this questionnaire\(suggestion.map { ": did you mean “\($0)”?" } ?? ".") "
                    + "Valid codes: \(valid.joined(separator: ", ")). Nothing was stored.",
                hint: "Run again with --unit CODE, or without --unit to choose from the list.")
        case .unknownPeriod(let typed, let suggestion, let valid):
            Wording(
                "“\(typed)” is not a period of this questionnaire\(suggestion.map { ": did you mean “\($0)”?" } ?? ".") "
                    + "Valid periods: \(valid.joined(separator: ", ")). Nothing was stored.",
                hint: "Run again with --period PERIOD, or without --period to choose it.")
        case .notAReportingQuestionnaire(let questionnaireID, let option):
            Wording(
                "Questionnaire “\(questionnaireID)” is not answered for a unit or a period (it has no reporting: block): run again without \(option). Nothing was stored."
            )
        case .noChoiceMade(let kind):
            Wording("No unit (\(kind)) or period was chosen: nothing was stored. Run the command again, or give --unit and --period.")
        }
    }
}
