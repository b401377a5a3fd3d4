import Foundation
import SurveyCore

/// One column of a questionnaire's wide CSV.
package struct ExchangeColumn: Sendable, Hashable {
    package enum Content: Sendable, Hashable {
        /// The session's non-secret id.
        case session
        /// The unit and the period a monitoring response is given for (`reporting:`).
        case unit
        case period
        /// `complet` or `en_cours` (only with unfinished sessions).
        case status
        /// Start and end times, only for questionnaires that are not anonymous.
        case startedAt
        case completedAt
        /// The answer to one variable (in one foreach repetition).
        case value(AnswerKey)
        /// 1 or 0: whether a choice of a `multiple` variable was selected.
        case option(AnswerKey, code: String)
    }

    package var name: String
    package var content: Content
    /// The step whose answer the column holds — variable, foreach choice, shared number — as the
    /// runner asks it (nil for session, status and times).
    package var step: Step?
    /// The choice a 0/1 column stands for.
    package var option: Choice?
    /// Before the label of an open repeat's question, which repetition it is: « livrable 2 : ».
    package var repetitionPrefix: String?

    package var variable: Variable? { step?.variable }

    /// The question as the respondent read it: a matrix item after its question, a choice of a
    /// `multiple` question after the question (the dictionary's and `import.R`'s label).
    package var label: String {
        guard let step else { return name }
        var text = step.variable.item == nil ? step.label : step.questionLabel + " — " + step.label
        if let option { text += " — " + option.label }
        return (repetitionPrefix ?? "") + text
    }
}

/// The columns of a questionnaire's wide CSV, shared by the export, the import, the dictionary
/// and the R script so that they can never disagree.
///
/// Names: `<variable>` for a plain question or a matrix item; `<variable>__<choice>` for each
/// 0/1 column of a `multiple` question; in a repeated section, `<variable>__<repetition>` and
/// `<variable>__<repetition>__<choice>`, where an open repeat's repetition is its number (1…max).
/// Identifiers never contain `__`'s ambiguity because the layout is built from the definition
/// and columns are looked up by exact name.
///
/// An open repeat gets columns for every repetition up to its `max`, whatever the responses: the
/// header is then the same for every file, and the empty export is a template for paper entry.
/// Its « add another? » answers have no column: they follow from which repetitions are filled.
package struct ExchangeLayout: Sendable {
    package static let notAskedMarker = ExchangeTokens.notAsked
    package static let completedStatus = ExchangeTokens.completed
    package static let inProgressStatus = ExchangeTokens.inProgress
    package static let unitColumn = "unite"
    package static let periodColumn = "periode"

    package let questionnaire: Questionnaire
    package let columns: [ExchangeColumn]
    package let includesStatus: Bool

    package init(_ questionnaire: Questionnaire, includeStatus: Bool) {
        self.questionnaire = questionnaire
        self.includesStatus = includeStatus
        var columns = [ExchangeColumn(name: "session", content: .session)]
        if questionnaire.reporting != nil {
            columns.append(ExchangeColumn(name: Self.unitColumn, content: .unit))
            columns.append(ExchangeColumn(name: Self.periodColumn, content: .period))
        }
        if includeStatus { columns.append(ExchangeColumn(name: "statut", content: .status)) }
        if !questionnaire.anonymous {
            columns.append(ExchangeColumn(name: "debut", content: .startedAt))
            columns.append(ExchangeColumn(name: "fin", content: .completedAt))
        }
        func append(_ variable: Variable, _ repetition: Choice?, sectionIndex: Int) {
            let key = AnswerKey(variable.id, repetition: repetition?.code)
            let step = Step(key: key, variable: variable, repetition: repetition, sectionIndex: sectionIndex)
            let base = repetition.map { "\(variable.id)__\($0.code)" } ?? variable.id
            let prefix = variable.section.openRepeat != nil ? repetition.map { $0.label + (questionnaire.language == .fr ? " : " : ": ") } : nil
            if variable.valueType == .multiple {
                for option in questionnaire.options(for: variable.question) {
                    columns.append(
                        ExchangeColumn(
                            name: "\(base)__\(option.code)", content: .option(key, code: option.code), step: step, option: option, repetitionPrefix: prefix))
                }
            } else {
                columns.append(ExchangeColumn(name: base, content: .value(key), step: step, repetitionPrefix: prefix))
            }
        }
        let variables = questionnaire.variables
        for (sectionIndex, section) in questionnaire.sections.enumerated() {
            let sectionVariables = variables.filter { $0.section.id == section.id }
            if let openRepeat = section.openRepeat {
                // Repetition by repetition, as the paper form lists deliverable 1, then 2…
                guard openRepeat.max >= 1 else { continue }
                for number in 1...openRepeat.max {
                    let repetition = Questionnaire.repetition(number, of: openRepeat)
                    for variable in sectionVariables { append(variable, repetition, sectionIndex: sectionIndex) }
                }
                continue
            }
            for variable in sectionVariables {
                let repetitions: [Choice?] = section.foreach.map { Self.repetitions(of: $0, in: questionnaire).map { Optional($0) } } ?? [nil]
                for repetition in repetitions { append(variable, repetition, sectionIndex: sectionIndex) }
            }
        }
        self.columns = columns
    }

    /// The choices a foreach section may be repeated for, as `plan(given:)` offers them.
    static func repetitions(of foreach: String, in questionnaire: Questionnaire) -> [Choice] {
        guard let source = questionnaire.question(foreach) else { return [] }
        return questionnaire.options(for: source).filter { !$0.exclusive }
    }
}
