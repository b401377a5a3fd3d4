import Foundation
import SurveyCore
import SurveyRunner

/// Plain lines on the terminal, for what `prst run` asks before the questionnaire starts: the
/// invitation code, the unit and the period. Tests pass recorded lines.
package struct LinePrompter {
    /// The next line typed, without its line break; nil at the end of the input.
    package var read: () -> String?
    /// Text written as given (prompts end without a line break).
    package var write: (String) -> Void

    package init(read: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.read = read
        self.write = write
    }
}

extension RunWorkflow {
    /// The unit × period the session is for: nil for a questionnaire without `reporting:` (where
    /// `--unit` and `--period` are refused); the command line's values checked against the
    /// referential and the periods (every value checked before anything is asked), the missing
    /// ones asked through `prompter`. A single period is taken without asking.
    package static func reportingKey(
        for questionnaire: Questionnaire, unit: String?, period: String?, strings: Strings, prompter: LinePrompter?
    ) throws(Refusal) -> ReportingKey? {
        let language = questionnaire.language
        guard let reporting = questionnaire.reporting, let referential = questionnaire.reportingUnits else {
            if unit != nil { throw refusal(.notAReportingQuestionnaire(questionnaireID: questionnaire.id, option: "--unit"), language) }
            if period != nil { throw refusal(.notAReportingQuestionnaire(questionnaireID: questionnaire.id, option: "--period"), language) }
            return nil
        }
        let unitCodes = referential.units.map(\.code), periodCodes = reporting.periods.map(\.code)
        if let unit, !unitCodes.contains(unit) {
            throw refusal(.unknownUnit(typed: unit, kind: referential.kind, suggestion: closestMatch(to: unit, in: unitCodes), valid: unitCodes), language)
        }
        if let period, !periodCodes.contains(period) {
            throw refusal(.unknownPeriod(typed: period, suggestion: closestMatch(to: period, in: periodCodes), valid: periodCodes), language)
        }
        let chosenUnit: String
        if let unit {
            chosenUnit = unit
        } else {
            let options = referential.units.map { (code: $0.code, label: $0.label) }
            guard let prompter, let code = choose(strings.unitQuestion(kind: referential.kind), from: options, strings: strings, prompter: prompter) else {
                throw refusal(.noChoiceMade(kind: referential.kind), language)
            }
            chosenUnit = code
        }
        let chosenPeriod: String
        if let period {
            chosenPeriod = period
        } else if periodCodes.count == 1, let only = periodCodes.first {
            chosenPeriod = only
        } else {
            let options = periodCodes.map { (code: $0, label: $0) }
            guard let prompter, let code = choose(strings.periodQuestion, from: options, strings: strings, prompter: prompter) else {
                throw refusal(.noChoiceMade(kind: referential.kind), language)
            }
            chosenPeriod = code
        }
        return ReportingKey(unit: chosenUnit, period: chosenPeriod)
    }

    /// « Fiche-action : 1.1 – Favoriser la culture de prévention (PRST3) ».
    package static func heading(for key: ReportingKey, in questionnaire: Questionnaire, strings: Strings) -> String? {
        guard let referential = questionnaire.reportingUnits else { return nil }
        return strings.reportingHeading(kind: referential.kind, unitLabel: referential.unit(key.unit)?.label ?? key.unit, period: key.period)
    }

    /// A numbered list; the number or the code is accepted (codes exactly, then ignoring case),
    /// anything else asked again. Nil when the input ends.
    static func choose(_ question: String, from options: [(code: String, label: String)], strings: Strings, prompter: LinePrompter) -> String? {
        var text = question + "\n"
        let width = String(options.count).count
        for (index, option) in options.enumerated() {
            let number = String(index + 1)
            text +=
                String(repeating: " ", count: width - number.count) + "  \(number). "
                + (option.label == option.code ? option.code : "\(option.label) [\(option.code)]") + "\n"
        }
        prompter.write(text)
        while true {
            prompter.write(strings.numberOrCode)
            guard let line = prompter.read() else { return nil }
            let typed = line.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { continue }
            let chosen =
                Int(typed).flatMap { options.indices.contains($0 - 1) ? options[$0 - 1] : nil }
                ?? options.first(where: { $0.code == typed }) ?? options.first(where: { $0.code.lowercased() == typed.lowercased() })
            if let chosen {
                prompter.write("\n")  // a blank line before what follows
                return chosen.code
            }
            prompter.write(strings.notInTheList(typed, count: options.count) + "\n")
        }
    }

    private static func refusal(_ problem: ReportingProblem, _ language: Language) -> Refusal {
        Refusal(problems: [.reporting(problem)], language: language)
    }
}
