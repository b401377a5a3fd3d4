import Foundation
import SurveyCore

/// One answer to write, as the persistence receives it.
package typealias AnswerWrite = (AnswerKey, AnswerValue)

/// Where the runner writes validated answers. The real store is SurveyStore's `ResponseStore`;
/// tests and `--dry-run` use `InMemoryPersistence`.
package protocol SessionPersistence: AnyObject {
    /// Writes every answer in one durable transaction.
    func save(_ answers: [(AnswerKey, AnswerValue)], session id: String) throws
    func complete(session id: String) throws
}

/// Keeps answers in memory: rehearsals (`--dry-run`) and tests.
package final class InMemoryPersistence: SessionPersistence {
    package private(set) var answers: [String: [AnswerKey: AnswerValue]] = [:]
    package private(set) var transactions: [[AnswerWrite]] = []
    package private(set) var completed: Set<String> = []
    /// Makes the next save fail, to test that nothing is lost on a storage error.
    package var failNextSave: Error?

    package init() {}

    package func save(_ writes: [(AnswerKey, AnswerValue)], session id: String) throws {
        if let error = failNextSave { failNextSave = nil; throw error }
        transactions.append(writes)
        for (key, value) in writes { answers[id, default: [:]][key] = value }
    }

    package func complete(session id: String) throws { completed.insert(id) }
}

/// A question's position in the respondent's journey.
package struct Progress: Sendable, Hashable {
    /// 1-based index of the current answerable step among the asked ones.
    package var index: Int
    package var total: Int
    package var fraction: Double { total == 0 ? 1 : Double(index - 1) / Double(total) }
}

/// One line of the review screen.
package struct ReviewLine: Sendable, Hashable {
    package var key: AnswerKey
    package var number: String
    package var label: String
    /// The item alone for a matrix item (its number already groups it with its question).
    package var shortLabel: String
    package var answer: String
    package var isAnswered: Bool
}

/// The result of submitting a value for the current step.
package enum Outcome {
    /// Stored; `writes` were persisted in one transaction (the answer plus re-marked steps).
    case accepted(writes: [AnswerWrite])
    /// Refused, with the reason in the questionnaire's language.
    case rejected(String)
    /// A soft-required question left empty: submitting empty again passes it as skipped.
    case softWarning(String)

    package var isAccepted: Bool { if case .accepted = self { return true } else { return false } }
    package var message: String? {
        switch self {
        case .accepted: return nil
        case .rejected(let message), .softWarning(let message): return message
        }
    }
}

/// Can the session be sent?
package enum FinishOutcome: Equatable {
    case complete
    /// Moved to the first asked question without an answer.
    case incomplete(number: String)
}

/// The state of one respondent's session, with no terminal: the questionnaire, the answers,
/// where the respondent is, and the rules for moving on. Both front ends drive it.
package final class SessionEngine {
    package let questionnaire: Questionnaire
    package let strings: Strings
    package private(set) var answers: [AnswerKey: AnswerValue]
    package private(set) var plan: [PlannedStep]
    /// The step shown; nil when every step is behind (the review).
    package private(set) var currentKey: AnswerKey?
    /// Keys visited, most recent last.
    package private(set) var history: [AnswerKey] = []
    /// Set after `jump(to:)`: accepted answers lead back to the review.
    package private(set) var isCorrecting = false
    /// Values that were re-marked not asked, offered again if the step is asked again.
    package private(set) var previousValues: [AnswerKey: AnswerValue] = [:]
    private var softWarned: AnswerKey?

    /// Starts a session, or resumes one from its stored answers (at the first asked step without
    /// an answer, or at the review when every asked step has one).
    package init(questionnaire: Questionnaire, answers: [AnswerKey: AnswerValue] = [:]) {
        self.questionnaire = questionnaire
        self.strings = Strings(questionnaire.language)
        self.answers = answers
        self.plan = questionnaire.plan(given: answers)
        if answers.isEmpty {
            currentKey = plan.first(where: \.asked)?.step.key
        } else {
            currentKey = resumePosition?.key
        }
    }

    // MARK: Reading

    package var current: Step? {
        guard let currentKey else { return nil }
        return plan.first { $0.step.key == currentKey }?.step
    }

    /// The asked steps that take an answer, in order.
    package var askedSteps: [Step] { plan.filter { $0.asked && !$0.step.isNote }.map(\.step) }

    /// The stored answer of a step, when it counts as one (not a stale `notAsked` mark).
    package func answer(for key: AnswerKey) -> AnswerValue? {
        guard let value = answers[key], value != .notAsked else { return nil }
        return value
    }

    /// The value to pre-fill: the current answer or one re-marked not asked earlier.
    package func suggestion(for key: AnswerKey) -> AnswerValue? {
        answer(for: key) ?? previousValues[key]
    }

    package var progress: Progress {
        let steps = askedSteps
        guard let currentKey else { return Progress(index: steps.count + (steps.isEmpty ? 1 : 0), total: steps.count) }
        // A note counts as the position of the next question.
        var index = 1
        for planned in plan where planned.asked {
            if planned.step.key == currentKey { break }
            if !planned.step.isNote { index += 1 }
        }
        return Progress(index: min(index, max(steps.count, 1)), total: steps.count)
    }

    /// The first asked step without an answer: where a resumed session continues.
    package var resumePosition: Step? {
        askedSteps.first { answer(for: $0.key) == nil }
    }

    /// Every asked question with its answer, in order.
    package var review: [ReviewLine] {
        askedSteps.map { step in
            let value = answer(for: step.key)
            return ReviewLine(
                key: step.key, number: step.number, label: reviewLabel(step), shortLabel: step.label,
                answer: value.map { text(of: $0, for: step) } ?? strings.toAnswer, isAnswered: value != nil)
        }
    }

    private func reviewLabel(_ step: Step) -> String {
        step.question.type == .matrix ? "\(step.questionLabel) — \(step.label)" : step.label
    }

    /// An answer as the respondent reads it (labels, not codes).
    package func text(of value: AnswerValue, for step: Step) -> String {
        let options = questionnaire.options(for: step.question)
        func label(_ code: String) -> String { options.first { $0.code == code }?.label ?? code }
        switch value {
        case .choice(let code), .nonSubstantive(let code): return label(code)
        case .choices(let codes): return codes.map(label).joined(separator: " ; ")
        case .number(let number): return strings.number(number)
        case .text(let text): return text
        case .skipped: return strings.notAnswered
        case .notAsked: return strings.toAnswer
        }
    }

    // MARK: Moving

    /// Moves past a note (or any step) without storing anything.
    package func advance() {
        guard let currentKey else { return }
        history.append(currentKey)
        self.currentKey = next(after: currentKey)
    }

    /// Validates a value for the current step. On acceptance, `persist` receives every write
    /// (the answer and the steps re-marked not asked) before anything changes here: if it
    /// throws, the engine is left as it was and the error propagates.
    @discardableResult
    package func submit(_ value: AnswerValue, persist: ([AnswerWrite]) throws -> Void = { _ in }) throws -> Outcome {
        guard let step = current else { return .rejected(strings.missingAnswer("?")) }
        if step.isNote { advance(); return .accepted(writes: []) }
        var value = normalized(value)
        if value == .skipped {
            switch step.question.requirement {
            case .required:
                let empty: AnswerValue = step.variable.valueType == .multiple ? .choices([]) : .skipped
                return .rejected(questionnaire.problem(with: empty, for: step, answers: answers).map(strings.problem) ?? strings.missingAnswer(step.number))
            case .soft:
                if softWarned != step.key {
                    softWarned = step.key
                    return .softWarning(strings.softRequired)
                }
            case .optional:
                break
            }
        } else if let problem = questionnaire.problem(with: value, for: step, answers: answers) {
            return .rejected(strings.problem(problem))
        }
        if value == .notAsked { value = .skipped }
        softWarned = nil

        var newAnswers = answers
        newAnswers[step.key] = value
        var writes: [AnswerWrite] = [(step.key, value)]
        var newPlan = questionnaire.plan(given: newAnswers)
        var revived: [AnswerKey: AnswerValue] = [:]
        // Re-mark until stable: a step re-marked not asked can switch off later conditions.
        for _ in 0...newPlan.count {
            var changed = false
            var planned = Set<AnswerKey>()
            for entry in newPlan {
                planned.insert(entry.step.key)
                guard !entry.step.isNote, let stored = newAnswers[entry.step.key] else { continue }
                if !entry.asked, stored != .notAsked {
                    revived[entry.step.key] = stored
                    newAnswers[entry.step.key] = .notAsked
                    writes.append((entry.step.key, .notAsked))
                    changed = true
                }
            }
            // Answers of foreach repetitions no longer selected.
            for (key, stored) in newAnswers where !planned.contains(key) && stored != .notAsked {
                revived[key] = stored
                newAnswers[key] = .notAsked
                writes.append((key, .notAsked))
                changed = true
            }
            if !changed { break }
            newPlan = questionnaire.plan(given: newAnswers)
        }
        try persist(writes)

        answers = newAnswers
        plan = newPlan
        previousValues.merge(revived) { _, new in new }
        history.append(step.key)
        if isCorrecting {
            currentKey = resumePosition?.key
            if currentKey == nil { isCorrecting = false }
        } else {
            currentKey = next(after: step.key)
        }
        return .accepted(writes: writes)
    }

    /// Back to the previous asked question (notes are passed over). False at the first one.
    @discardableResult
    package func back() -> Bool {
        let asked = plan.filter { $0.asked && !$0.step.isNote }.map(\.step.key)
        softWarned = nil
        guard let currentKey else {
            guard let last = asked.last else { return false }
            self.currentKey = last
            isCorrecting = false
            return true
        }
        guard let position = plan.firstIndex(where: { $0.step.key == currentKey }) else { return false }
        guard let previous = plan[..<position].last(where: { $0.asked && !$0.step.isNote }) else { return false }
        history.append(currentKey)
        self.currentKey = previous.step.key
        return true
    }

    /// From the review: shows the asked question with this number (`7`, `12a`, `15[plaquette_qvt]`).
    @discardableResult
    package func jump(to number: String) -> Bool {
        let wanted = number.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let step = askedSteps.first(where: { $0.number.lowercased() == wanted })
                ?? askedSteps.first(where: { $0.key.description.lowercased() == wanted })
        else { return false }
        if let currentKey { history.append(currentKey) }
        currentKey = step.key
        isCorrecting = true
        softWarned = nil
        return true
    }

    /// Every asked question has an answer (possibly skipped)? Otherwise moves to the first gap.
    package func finish() -> FinishOutcome {
        if let missing = resumePosition {
            currentKey = missing.key
            isCorrecting = true
            return .incomplete(number: missing.number)
        }
        currentKey = nil
        return .complete
    }

    private func next(after key: AnswerKey) -> AnswerKey? {
        guard let position = plan.firstIndex(where: { $0.step.key == key }) else { return resumePosition?.key }
        return plan[(position + 1)...].first(where: \.asked)?.step.key
    }

    /// Empty texts and empty selections are no answer.
    private func normalized(_ value: AnswerValue) -> AnswerValue {
        switch value {
        case .text(let text) where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty: return .skipped
        case .choices(let codes) where codes.isEmpty: return .skipped
        default: return value
        }
    }
}
