import Foundation
import SurveyCore

/// What a typed line means for a step.
package enum ParsedInput: Equatable {
    case value(AnswerValue)
    /// Nothing typed: skip an optional question, or keep the current answer.
    case empty
    case invalid(String)
}

/// One option as shown: its 1-based number, and the value choosing it stores.
package struct DisplayedOption: Sendable, Hashable {
    package var number: Int
    package var choice: Choice
    /// A scale's "Ne sait pas": shown apart, numbered after the levels.
    package var isNonSubstantive: Bool

    package var value: AnswerValue { isNonSubstantive ? .nonSubstantive(choice.code) : .choice(choice.code) }
}

/// Turns what a respondent typed into an answer; shared by the plain and full-screen modes.
package enum InputParser {
    /// The options of a step in display order: levels (or choices) then non-substantive answers.
    package static func options(for step: Step, in questionnaire: Questionnaire) -> [DisplayedOption] {
        let question = step.question
        switch question.type {
        case .scale, .matrix:
            guard let scale = questionnaire.scale(for: question) else { return [] }
            let levels = scale.levels.map { ($0, false) } + scale.missing.map { ($0, true) }
            return levels.enumerated().map { DisplayedOption(number: $0.offset + 1, choice: $0.element.0, isNonSubstantive: $0.element.1) }
        case .single, .multiple, .yesno:
            return questionnaire.options(for: question).enumerated().map {
                DisplayedOption(number: $0.offset + 1, choice: substituted($0.element, step), isNonSubstantive: false)
            }
        default:
            return []
        }
    }

    private static func substituted(_ choice: Choice, _ step: Step) -> Choice {
        var choice = choice
        choice.label = substitute(choice.label, repetition: step.repetition)
        return choice
    }

    package static func parse(_ line: String, for step: Step, in questionnaire: Questionnaire) -> ParsedInput {
        let strings = Strings(questionnaire.language)
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if step.question.type == .text {
            return line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .empty : .value(.text(trimmedText(line)))
        }
        if trimmed.isEmpty { return .empty }
        switch step.variable.valueType {
        case .number:
            guard let number = parseNumber(trimmed) else { return .invalid(strings.numberExpected) }
            return .value(.number(number))
        case .yesno:
            switch trimmed.lowercased() {
            case "o", "oui", "y", "yes", "1": return .value(.choice("oui"))
            case "n", "non", "no", "2": return .value(.choice("non"))
            default: return .invalid(strings.yesNoExpected)
            }
        case .single, .scale:
            let options = options(for: step, in: questionnaire)
            let tokens = tokens(trimmed)
            if tokens.count > 1, tokens.allSatisfy({ Int($0) != nil }) { return .invalid(strings.oneChoiceOnly) }
            switch option(trimmed, in: options, strings: strings) {
            case .success(let option): return .value(option.value)
            case .failure(let message): return .invalid(message.text)
            }
        case .multiple:
            let options = options(for: step, in: questionnaire)
            var chosen = Set<String>()
            for token in tokens(trimmed) {
                switch option(token, in: options, strings: strings) {
                case .success(let option): chosen.insert(option.choice.code)
                case .failure(let message): return .invalid(message.text)
                }
            }
            // Codes in the list's order.
            return .value(.choices(options.map(\.choice.code).filter(chosen.contains)))
        default:
            return .invalid(strings.numberExpected)
        }
    }

    struct Message: Error { var text: String }

    private static func option(_ token: String, in options: [DisplayedOption], strings: Strings) -> Result<DisplayedOption, Message> {
        if let number = Int(token) {
            guard let option = options.first(where: { $0.number == number }) else {
                return .failure(Message(text: strings.noSuchNumber(token, count: options.count)))
            }
            return .success(option)
        }
        // A code that is not a number can be typed as is ("nsp", "autre").
        let folded = fold(token)
        if let option = options.first(where: { Int($0.choice.code) == nil && fold($0.choice.code) == folded }) {
            return .success(option)
        }
        return .failure(Message(text: strings.noSuchNumber(token, count: options.count)))
    }

    /// Numbers separated by commas, semicolons or spaces.
    private static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
    }

    /// "12", "3,5", "3.5", "1 000", "-2": nil for anything else.
    package static func parseNumber(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        cleaned.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty,
            cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            cleaned.filter({ $0 == "." }).count <= 1,
            let value = Double(cleaned), value.isFinite
        else { return nil }
        return value
    }

    private static func trimmedText(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
