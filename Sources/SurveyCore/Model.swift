import Foundation

/// The language of a questionnaire's interface texts (the questions themselves are the author's).
package enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case fr
    case en
}

/// One answer option: a choice of a list, a level of a scale, or a non-substantive answer.
package struct Choice: Sendable, Hashable, Codable {
    package var code: String
    package var label: String
    /// In a `multiple` question, choosing it excludes every other choice ("Aucune de ces productions").
    package var exclusive: Bool
    /// Attributes the analysis reads: a deliverable's `type`, a relay target's `reach`, a fiche's `axe`.
    package var attributes: [String: String]

    package init(code: String, label: String, exclusive: Bool = false, attributes: [String: String] = [:]) {
        self.code = code
        self.label = label
        self.exclusive = exclusive
        self.attributes = attributes
    }
}

/// Where a relay target sits on the way from the respondent to companies and employees.
package enum Reach: String, Sendable, Hashable, CaseIterable, Codable {
    case interne
    case relais
    case final
}

package struct ChoiceList: Sendable, Hashable, Codable {
    package var id: String
    package var choices: [Choice]

    package init(id: String, choices: [Choice]) {
        self.id = id
        self.choices = choices
    }

    package func choice(_ code: String) -> Choice? { choices.first { $0.code == code } }
}

/// An ordinal scale. Levels are listed from the most to the least favourable end as the author
/// wrote them; their integer codes give the order used for medians and tests.
package struct Scale: Sendable, Hashable, Codable {
    package var id: String
    package var levels: [Choice]
    package var favourable: [String]
    /// Offered to the respondent ("Ne sait pas") but not points of the scale.
    package var missing: [Choice]
    /// A scale with no favourable side (a frequency, a quantity): reported as a distribution,
    /// never classified as a strength or a difficulty. `favourable` is then empty.
    package var descriptive: Bool

    package init(id: String, levels: [Choice], favourable: [String], missing: [Choice] = [], descriptive: Bool = false) {
        self.id = id
        self.levels = levels
        self.favourable = favourable
        self.missing = missing
        self.descriptive = descriptive
    }

    /// Levels ordered from the lowest integer code to the highest.
    package var ascendingLevels: [Choice] {
        levels.sorted { (Int($0.code) ?? 0) < (Int($1.code) ?? 0) }
    }

    /// Every option shown to a respondent: levels as written, then non-substantive answers.
    package var allOptions: [Choice] { levels + missing }

    package func isMissing(_ code: String) -> Bool { missing.contains { $0.code == code } }
    package func level(_ code: String) -> Choice? { levels.first { $0.code == code } }
}

package enum QuestionType: String, Sendable, Hashable, CaseIterable, Codable {
    case single, multiple, scale, matrix, number, text, yesno, note
}

package enum Requirement: String, Sendable, Hashable, Codable {
    case required
    case optional
    /// A warning the respondent may pass (LimeSurvey's soft mandatory).
    case soft
}

package enum Polarity: String, Sendable, Hashable, CaseIterable, Codable {
    case force
    case difficulte
}

package enum DiffusionRole: String, Sendable, Hashable, CaseIterable, Codable {
    case awareness, channel, use, usefulness, relay
}

package struct MatrixItem: Sendable, Hashable {
    package var id: String
    package var label: String
    package var number: String
    package var location: SourceLocation
}

package struct Question: Sendable, Hashable {
    package var id: String
    package var type: QuestionType
    package var label: String
    package var hint: String?
    package var requirement: Requirement
    package var when: Condition?
    /// The id of the choice list, for `single` and `multiple`.
    package var choicesID: String?
    /// The id of the scale, for `scale` and `matrix`.
    package var scaleID: String?
    package var other: Bool
    package var min: Double?
    package var max: Double?
    package var decimal: Bool
    package var maxLength: Int?
    package var long: Bool
    package var constraint: Condition?
    package var constraintMessage: String?
    package var polarity: Polarity?
    package var diffusion: DiffusionRole?
    package var items: [MatrixItem]
    /// The section's theme unless the question names its own.
    package var theme: String?
    /// The display number shared by the preview, the runner, the review screen and the exports.
    package var number: String
    package var location: SourceLocation
    /// Set on the follow-up text that `other: true` creates: the id of the question it follows.
    package var otherOf: String?
    /// Where each key's value was written, so that a diagnostic about `choices` points there.
    package var keyLocations: [String: SourceLocation] = [:]
    /// For a `number`: what is counted (« entreprises »), who supplies the figure (« SPSTI »),
    /// and the earlier number of the same section it is a "dont" of (never above it).
    package var unit: String?
    package var provider: String?
    package var partOf: String?

    package func location(of key: String) -> SourceLocation { keyLocations[key] ?? location }

    package init(id: String, type: QuestionType, label: String, location: SourceLocation) {
        self.id = id
        self.type = type
        self.label = label
        self.hint = nil
        self.requirement = .required
        self.when = nil
        self.choicesID = nil
        self.scaleID = nil
        self.other = false
        self.min = nil
        self.max = nil
        self.decimal = false
        self.maxLength = nil
        self.long = false
        self.constraint = nil
        self.constraintMessage = nil
        self.polarity = nil
        self.diffusion = nil
        self.items = []
        self.theme = nil
        self.number = ""
        self.location = location
        self.otherOf = nil
    }

    /// Whether the question stores answers (everything but `note`).
    package var isAnswerable: Bool { type != .note }
}

package struct Section: Sendable, Hashable {
    package var id: String
    package var title: String
    package var intro: String?
    package var theme: String?
    package var when: Condition?
    /// The id of an earlier `multiple` question: the section is asked once per selected choice.
    package var foreach: String?
    package var questions: [Question]
    package var location: SourceLocation
    /// `repeat:`: the section is asked as often as the respondent needs (see Monitoring/).
    package var openRepeat: OpenRepeat? = nil
}

package enum AccessMode: String, Sendable, Hashable, Codable {
    case open
    case token
}

/// A questionnaire with its includes resolved: everything a session needs, immutable.
package struct Questionnaire: Sendable, Hashable {
    package static let otherCode = "autre"
    package static let otherSuffix = "_autre"

    package var id: String
    package var version: Int
    package var title: String
    package var population: String
    package var language: Language
    package var intro: String?
    package var outro: String?
    package var anonymous: Bool
    package var access: AccessMode
    package var sections: [Section]
    package var scales: [String: Scale]
    package var lists: [String: ChoiceList]
    /// Units referentials defined or included, and what the questionnaire reports on (see Monitoring/).
    package var units: [String: UnitReferential] = [:]
    package var reporting: Reporting? = nil
    /// The path it was loaded from, for diagnostics.
    package var path: String
    /// Variables by id, filled once numbering is done so that look-ups stay fast on large
    /// questionnaires.
    package var variableIndex: [String: Variable] = [:]

    /// Every question in order, with its section.
    package var questionsWithSections: [(section: Section, question: Question)] {
        sections.flatMap { section in section.questions.map { (section, $0) } }
    }

    package func question(_ id: String) -> Question? {
        for section in sections {
            if let question = section.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    package func section(containing questionID: String) -> Section? {
        sections.first { $0.questions.contains { $0.id == questionID } || $0.questions.contains { $0.items.contains { $0.id == questionID } } }
    }

    /// The options a choice question offers, `other` included.
    package func options(for question: Question) -> [Choice] {
        switch question.type {
        case .single, .multiple:
            var options = question.choicesID.flatMap { lists[$0]?.choices } ?? []
            if question.other {
                options.append(Choice(code: Self.otherCode, label: language == .fr ? "Autre (précisez)" : "Other (please specify)"))
            }
            return options
        case .yesno:
            return Self.yesNoChoices(language)
        case .scale, .matrix:
            return question.scaleID.flatMap { scales[$0]?.allOptions } ?? []
        default:
            return []
        }
    }

    package func scale(for question: Question) -> Scale? { question.scaleID.flatMap { scales[$0] } }

    package static func yesNoChoices(_ language: Language) -> [Choice] {
        language == .fr
            ? [Choice(code: "oui", label: "Oui"), Choice(code: "non", label: "Non")]
            : [Choice(code: "oui", label: "Yes"), Choice(code: "non", label: "No")]
    }

    /// Every variable that holds an answer, in questionnaire order: questions, matrix items
    /// (their own variables) and `other` follow-ups. Foreach repetitions are not expanded here.
    package var variables: [Variable] {
        var result: [Variable] = []
        for section in sections {
            for question in section.questions where question.isAnswerable {
                if question.type == .matrix {
                    for item in question.items {
                        result.append(Variable(id: item.id, number: item.number, label: item.label, question: question, item: item, section: section))
                    }
                } else {
                    result.append(Variable(id: question.id, number: question.number, label: question.label, question: question, item: nil, section: section))
                }
            }
        }
        return result
    }

    package func variable(_ id: String) -> Variable? {
        variableIndex.isEmpty ? variables.first { $0.id == id } : variableIndex[id]
    }

    package mutating func buildIndex() {
        variableIndex = Dictionary(variables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One stored answer's slot: a plain question, one matrix item, or an `other` follow-up.
package struct Variable: Sendable, Hashable {
    package var id: String
    package var number: String
    package var label: String
    package var question: Question
    package var item: MatrixItem?
    package var section: Section

    /// The type of the value stored: a matrix item holds a scale answer.
    package var valueType: QuestionType { question.type == .matrix ? .scale : question.type }
    package var theme: String? { question.theme }
    package var isRepeated: Bool { section.foreach != nil }
}

/// A text with `{label}` and `{code}` replaced by the current foreach choice (and `{n}` by the
/// number of an open repeat's repetition).
package func substitute(_ text: String, repetition: Choice?) -> String {
    guard let repetition else { return text }
    let substituted = text.replacingOccurrences(of: "{label}", with: repetition.label)
        .replacingOccurrences(of: "{code}", with: repetition.code)
    // An open repeat's repetition carries its number for `{n}`.
    guard let number = repetition.attributes[Questionnaire.repetitionNumberAttribute] else { return substituted }
    return substituted.replacingOccurrences(of: "{n}", with: number)
}
