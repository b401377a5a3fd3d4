import Foundation

/// A structural change between two definitions of the same questionnaire id and version that
/// stored responses would not survive (their codes or their shape would mean something else).
/// Found by the store's `DefinitionCompatibility`; worded in `Wording/`.
package enum DefinitionChange: Sendable, Hashable {
    /// A question (or matrix item) as the change names it: its id, and its number when it has one.
    package struct Question: Sendable, Hashable {
        package var id: String
        /// "Q3", or empty.
        package var number: String

        package init(id: String, number: String) {
            self.id = id
            self.number = number
        }
    }

    case populationChanged(old: String, new: String)
    case matrixItemRemoved(Question, matrix: String)
    case questionRemoved(Question)
    case typeChanged(Question, old: QuestionType, new: QuestionType)
    case choiceRemoved(code: String, of: Question)
    /// A level of a scale question.
    case levelRemoved(code: String, of: Question)
    /// A non-substantive answer of a scale ("nsp").
    case outOfScaleAnswerRemoved(code: String, of: Question)
    /// `source` is the multiple-choice question the section was repeated over.
    case noLongerRepeated(Question, source: String)
    case nowRepeated(Question, source: String)
    case repeatedOverAnother(Question, old: String, new: String)
}

extension DefinitionChange {
    /// The change as a clause in `language`.
    package func words(in language: Language) -> String {
        switch language {
        case .fr: FrenchWording.wording(for: self)
        case .en: EnglishWording.wording(for: self)
        }
    }
}
