import Foundation

/// One prompt of a session: a question, a matrix item or an `other` follow-up, in one foreach
/// repetition when its section is repeated.
package struct Step: Sendable, Hashable {
    package var key: AnswerKey
    package var variable: Variable
    /// The foreach choice this step belongs to.
    package var repetition: Choice?
    package var sectionIndex: Int

    package init(key: AnswerKey, variable: Variable, repetition: Choice?, sectionIndex: Int) {
        self.key = key
        self.variable = variable
        self.repetition = repetition
        self.sectionIndex = sectionIndex
    }

    /// The shared numbering: `7`, `12a`, `15[plaquette_qvt]`.
    package var number: String {
        repetition.map { "\(variable.number)[\($0.code)]" } ?? variable.number
    }

    package var question: Question { variable.question }
    /// The label with `{label}` and `{code}` replaced by the repetition's choice.
    package var label: String { substitute(variable.label, repetition: repetition) }
    package var questionLabel: String { substitute(variable.question.label, repetition: repetition) }
    package var isNote: Bool { question.type == .note }
}

/// A step and whether it is asked given the answers so far.
package struct PlannedStep: Sendable, Hashable {
    package var step: Step
    package var asked: Bool
}

package extension Questionnaire {
    /// Every step in order with whether its conditions hold, evaluated in order against
    /// `answers`. Notes are included (they are shown, never answered).
    func plan(given answers: [AnswerKey: AnswerValue]) -> [PlannedStep] {
        var result: [PlannedStep] = []
        for (sectionIndex, section) in sections.enumerated() {
            let sectionLookup = lookup(answers, repetition: nil, section: section)
            let sectionAsked = section.when.map { $0.expression.isTrue(lookup: sectionLookup) } ?? true
            if let openRepeat = section.openRepeat {
                result += plan(openRepeat, of: section, at: sectionIndex, asked: sectionAsked, given: answers)
                continue
            }
            var repetitions: [Choice?] = [nil]
            if let foreach = section.foreach {
                let source = question(foreach)
                let selected: [String]
                if case .choices(let codes) = answers[AnswerKey(foreach)] { selected = codes } else { selected = [] }
                let offered = source.map { self.options(for: $0) } ?? []
                repetitions = offered.filter { selected.contains($0.code) && !$0.exclusive }.map { Optional($0) }
            }
            for repetition in repetitions {
                let conditionLookup = lookup(answers, repetition: repetition?.code, section: section)
                for question in section.questions {
                    let asked = sectionAsked && (question.when.map { $0.expression.isTrue(lookup: conditionLookup) } ?? true)
                    for variable in variables(of: question, in: section) {
                        let key = AnswerKey(variable.id, repetition: repetition?.code)
                        result.append(PlannedStep(step: Step(key: key, variable: variable, repetition: repetition, sectionIndex: sectionIndex), asked: asked))
                    }
                }
            }
        }
        return result
    }

    /// The variables of one question (a note is a pseudo-variable so that it can be shown).
    func variables(of question: Question, in section: Section) -> [Variable] {
        if question.type == .matrix {
            return question.items.map { Variable(id: $0.id, number: $0.number, label: $0.label, question: question, item: $0, section: section) }
        }
        return [Variable(id: question.id, number: question.number, label: question.label, question: question, item: nil, section: section)]
    }

    /// How a condition reads a question id: inside a repeated section, the same repetition's
    /// answer; elsewhere, the plain answer.
    func lookup(_ answers: [AnswerKey: AnswerValue], repetition: String?, section: Section) -> (String) -> ConditionValue {
        let repeatedIDs: Set<String> = repetition == nil ? [] : Set(section.questions.flatMap { [$0.id] + $0.items.map(\.id) })
        return { id in
            let key = repeatedIDs.contains(id) ? AnswerKey(id, repetition: repetition) : AnswerKey(id)
            return answers[key]?.conditionValue ?? .missing
        }
    }

    /// Why a value cannot be stored for a step; nil when it can. The caller words it in the
    /// language it shows (`Problem.answer(_).message(in:)`).
    /// `skipped` on a required question is refused here; a soft one is the caller's warning.
    func problem(with value: AnswerValue, for step: Step, answers: [AnswerKey: AnswerValue]) -> AnswerProblem? {
        let question = step.question
        switch (step.variable.valueType, value) {
        case (_, .notAsked):
            return nil
        case (_, .skipped):
            return question.requirement == .required ? .answerRequired : nil
        case (.single, .choice(let code)), (.yesno, .choice(let code)):
            guard options(for: question).contains(where: { $0.code == code }) else { return .unknownChoice }
        case (.scale, .choice(let code)):
            guard scale(for: question)?.level(code) != nil else { return .unknownLevel }
        case (.scale, .nonSubstantive(let code)):
            guard scale(for: question)?.isMissing(code) == true else { return .answerNotOffered }
        case (.multiple, .choices(let codes)):
            let options = options(for: question)
            if codes.isEmpty { return question.requirement == .required ? .noChoiceSelected : nil }
            if Set(codes).count != codes.count { return .choiceSelectedTwice }
            for code in codes where !options.contains(where: { $0.code == code }) {
                return .unknownChoiceCode(code)
            }
            if let exclusive = options.first(where: { $0.exclusive && codes.contains($0.code) }), codes.count > 1 {
                return .exclusiveCombined(label: exclusive.label)
            }
            let isExclusiveAnswer = codes.count == 1 && options.contains { $0.exclusive && $0.code == codes[0] }
            if let min = question.min, !isExclusiveAnswer, Double(codes.count) < min { return .tooFewChoices(minimum: min) }
            if let max = question.max, Double(codes.count) > max { return .tooManyChoices(maximum: max) }
        case (.number, .number(let number)):
            if !question.decimal, number.rounded() != number { return .notWholeNumber }
            if let min = question.min, number < min { return .numberBelowMinimum(min) }
            if let max = question.max, number > max { return .numberAboveMaximum(max) }
            if let partOf = partOfProblem(number, for: step, answers: answers) { return partOf }
        case (.text, .text(let text)):
            if text.isBlank { return question.requirement == .required ? .answerRequired : nil }
            if let maxLength = question.maxLength, text.count > maxLength { return .textTooLong(maximum: maxLength, typed: text.count) }
        default:
            return .typeMismatch
        }
        if let constraint = question.constraint {
            let section = sections[step.sectionIndex]
            let conditionLookup = lookup(answers, repetition: step.repetition?.code, section: section)
            if !constraint.expression.isTrue(lookup: conditionLookup, current: value.conditionValue) {
                return .constraintBroken(authorMessage: question.constraintMessage)
            }
        }
        return nil
    }
}
