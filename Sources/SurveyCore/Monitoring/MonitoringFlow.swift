import Foundation

// How an open repeat becomes steps. Its repetitions reuse the foreach representation: the
// answers of repetition n are keyed `AnswerKey(id, repetition: "n")`. Whether repetition n
// exists beyond the first `min` ones is itself an answer: the "add another?" step, a yes/no
// keyed `AnswerKey(section.id, repetition: "n")` asked just before it. The plan thus stays a
// function of the answers (a resumed session finds its repetitions again), and saying "non"
// to an earlier "add another?" removes the later repetitions the way a deselected foreach
// choice does: their answers are re-marked not asked, nothing is deleted.

package extension Questionnaire {
    /// The attribute of a repetition's `Choice` that holds its number, for `{n}`.
    static let repetitionNumberAttribute = "n"

    /// Repetition `n` of an open repeat, as the `Choice` a foreach repetition would be:
    /// code `"2"`, label « livrable 2 » (what `{label}` becomes), number for `{n}`.
    static func repetition(_ number: Int, of openRepeat: OpenRepeat) -> Choice {
        Choice(code: String(number), label: "\(openRepeat.item) \(number)", attributes: [repetitionNumberAttribute: String(number)])
    }

    /// The "add another?" question of an open repeat section: a yes/no whose variable id is
    /// the section's id (section and question ids never collide), numbered by that id too.
    func continuationVariable(of section: Section) -> Variable? {
        guard let openRepeat = section.openRepeat else { return nil }
        var question = Question(id: section.id, type: .yesno, label: openRepeat.add, location: section.location)
        question.number = section.id
        question.theme = section.theme
        return Variable(id: section.id, number: section.id, label: openRepeat.add, question: question, item: nil, section: section)
    }

    /// The repetitions of an open repeat that the answers open: 1…min always, then each n
    /// whose "add another?" step was answered « oui », up to `max`.
    func openRepetitions(of section: Section, given answers: [AnswerKey: AnswerValue]) -> [Int] {
        guard let openRepeat = section.openRepeat, openRepeat.max >= 1 else { return [] }
        var result: [Int] = []
        for number in 1...openRepeat.max {
            if number > openRepeat.min, answers[AnswerKey(section.id, repetition: String(number))] != .choice("oui") { break }
            result.append(number)
        }
        return result
    }

    /// Steps of an open repeat section: for each repetition n, the "add another?" step when
    /// n > min, then (when it was answered « oui », or n ≤ min) the section's questions.
    internal func plan(
        _ openRepeat: OpenRepeat, of section: Section, at sectionIndex: Int, asked sectionAsked: Bool,
        given answers: [AnswerKey: AnswerValue]
    ) -> [PlannedStep] {
        guard let continuation = continuationVariable(of: section) else { return [] }
        func continuationStep(_ repetition: Choice) -> PlannedStep {
            let key = AnswerKey(section.id, repetition: repetition.code)
            return PlannedStep(step: Step(key: key, variable: continuation, repetition: repetition, sectionIndex: sectionIndex), asked: sectionAsked)
        }
        // Which repetitions exist is decided in one place, `openRepetitions`, that the analysis reads too.
        let opened = openRepetitions(of: section, given: answers)
        var result: [PlannedStep] = []
        for number in opened {
            let repetition = Self.repetition(number, of: openRepeat)
            if number > openRepeat.min { result.append(continuationStep(repetition)) }
            let conditionLookup = lookup(answers, repetition: repetition.code, section: section)
            for question in section.questions {
                let asked = sectionAsked && (question.when.map { $0.expression.isTrue(lookup: conditionLookup) } ?? true)
                for variable in variables(of: question, in: section) {
                    let key = AnswerKey(variable.id, repetition: repetition.code)
                    result.append(PlannedStep(step: Step(key: key, variable: variable, repetition: repetition, sectionIndex: sectionIndex), asked: asked))
                }
            }
        }
        // The "add another?" step that would open the next repetition, unless `max` is reached
        // (past the opened ones, the next number is always above `min`).
        let next = (opened.last ?? 0) + 1
        if next <= openRepeat.max { result.append(continuationStep(Self.repetition(next, of: openRepeat))) }
        return result
    }

    /// A "dont" above its total, or a total below one of its "dont", in the same repetition.
    func partOfProblem(_ value: Double, for step: Step, answers: [AnswerKey: AnswerValue]) -> AnswerProblem? {
        let repetition = step.key.repetition
        func shown(_ question: Question) -> String { repetition.map { "\(question.number)[\($0)]" } ?? question.number }
        let question = step.question
        if let totalID = question.partOf, let total = self.question(totalID),
            case .number(let totalValue)? = answers[AnswerKey(totalID, repetition: repetition)], value > totalValue
        {
            return .partAboveTotal(total: totalValue, totalNumber: shown(total))
        }
        let section = sections[step.sectionIndex]
        for part in section.questions where part.partOf == question.id {
            if case .number(let partValue)? = answers[AnswerKey(part.id, repetition: repetition)], partValue > value {
                return .totalBelowPart(part: partValue, partNumber: shown(part))
            }
        }
        return nil
    }
}

package extension Step {
    /// The "add another?" yes/no of an open repeat, rather than one of its questions.
    var isRepeatContinuation: Bool { variable.section.openRepeat != nil && variable.id == variable.section.id }
}
