import Foundation

/// A stored answer. Not asked (a condition was false) and skipped (an optional question left
/// empty) are answers too: the data must tell them apart from each other and from "no record".
package enum AnswerValue: Sendable, Hashable, Codable {
    /// `single`, `yesno` (`oui`/`non`) and scale levels (the level's code, e.g. "4").
    case choice(String)
    /// `multiple`: the codes selected, in the list's order; `[exclusiveCode]` for "none".
    case choices([String])
    case number(Double)
    case text(String)
    /// A scale's answer outside the scale ("nsp").
    case nonSubstantive(String)
    case skipped
    case notAsked

    /// The value a condition sees.
    package var conditionValue: ConditionValue {
        switch self {
        case .choice(let code): return .string(code)
        case .choices(let codes): return .set(codes)
        case .number(let value): return .number(value)
        case .text(let text): return .string(text)
        case .nonSubstantive(let code): return .string(code)
        case .skipped, .notAsked: return .missing
        }
    }
}

/// Identifies an answer within a session: the variable, and the foreach choice it belongs to.
package struct AnswerKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var variable: String
    /// The code of the foreach choice, for a variable of a repeated section.
    package var repetition: String?

    package init(_ variable: String, repetition: String? = nil) {
        self.variable = variable
        self.repetition = repetition
    }

    package var description: String { repetition.map { "\(variable)[\($0)]" } ?? variable }

    package static func < (lhs: AnswerKey, rhs: AnswerKey) -> Bool {
        (lhs.variable, lhs.repetition ?? "") < (rhs.variable, rhs.repetition ?? "")
    }
}

package enum SessionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case inProgress = "in_progress"
    case completed
}

/// How a session came to exist.
package enum SessionOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    case respondent
    case simulated
    case imported
}

/// One session's answers as the analysis reads them, with the definition it was answered with.
package struct ResponseRecord: Sendable, Hashable {
    /// The non-secret session id used in exports, coding files and by evaluators.
    package var sessionID: String
    package var questionnaireID: String
    package var questionnaireVersion: Int
    package var population: String
    package var status: SessionStatus
    package var origin: SessionOrigin
    package var startedAt: Date
    package var completedAt: Date?
    package var answers: [AnswerKey: AnswerValue]
    /// For a questionnaire with a `reporting:` block: the unit (fiche-action, SPSTI…) and the
    /// period the response is given for; nil for the surveys of people.
    package var reporting: ReportingKey?

    package init(
        sessionID: String, questionnaireID: String, questionnaireVersion: Int, population: String,
        status: SessionStatus, origin: SessionOrigin, startedAt: Date, completedAt: Date?, answers: [AnswerKey: AnswerValue],
        reporting: ReportingKey? = nil
    ) {
        self.sessionID = sessionID
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.population = population
        self.status = status
        self.origin = origin
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.answers = answers
        self.reporting = reporting
    }
}

/// The unit × period a monitoring response is given for: at most one response per key and
/// questionnaire version (DHIS2's org unit × period of a data set).
package struct ReportingKey: Sendable, Hashable, Comparable {
    /// A code of the questionnaire's units referential.
    package var unit: String
    /// A named wave (`PRST3`) or a year (`2021`), as written in the `reporting:` block.
    package var period: String

    package init(unit: String, period: String) {
        self.unit = unit
        self.period = period
    }

    package static func < (lhs: ReportingKey, rhs: ReportingKey) -> Bool { (lhs.period, lhs.unit) < (rhs.period, rhs.unit) }
}

/// What the analysis needs from a store, so that it depends on no database.
package protocol ResponseReader {
    /// The definitions responses were given to, rebuilt from the stored snapshots.
    func definitions() throws -> [Questionnaire]
    /// Every session of one questionnaire version, streamed so memory stays bounded.
    func forEachResponse(questionnaireID: String, version: Int, _ body: (ResponseRecord) throws -> Void) throws
}

package extension String {
    /// Nothing but spaces and line breaks. Stops at the first other character, where trimming
    /// would copy the whole text through Foundation: reports test millions of open answers.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
