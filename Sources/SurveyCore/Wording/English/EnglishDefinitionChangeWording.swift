import Foundation

extension EnglishWording {
    /// A structural change, as a clause listed under the problem ("the question “age” (Q2) was deleted").
    package static func wording(for change: DefinitionChange) -> String {
        switch change {
        case .populationChanged(let old, let new): "the population changed (“\(old)” → “\(new)”)"
        case .matrixItemRemoved(let item, let matrix): "the item \(name(item)) of the matrix “\(matrix)” was removed"
        case .questionRemoved(let question): "the question \(name(question)) was deleted"
        case .typeChanged(let question, let old, let new): "the type of the question \(name(question)) changed (\(old.rawValue) → \(new.rawValue))"
        case .choiceRemoved(let code, let question): "the choice “\(code)” of the question \(name(question)) was removed"
        case .levelRemoved(let code, let question): "the level “\(code)” of the question \(name(question)) was removed"
        case .outOfScaleAnswerRemoved(let code, let question): "the out-of-scale answer “\(code)” of the question \(name(question)) was removed"
        case .noLongerRepeated(let question, let source): "the question \(name(question)) is no longer repeated for each choice of “\(source)”"
        case .nowRepeated(let question, let source): "the question \(name(question)) is now repeated for each choice of “\(source)”"
        case .repeatedOverAnother(let question, let old, let new):
            "the question \(name(question)) is repeated for each choice of “\(new)” instead of “\(old)”"
        }
    }

    private static func name(_ question: DefinitionChange.Question) -> String {
        question.number.isEmpty ? "“\(question.id)”" : "“\(question.id)” (\(question.number))"
    }
}
