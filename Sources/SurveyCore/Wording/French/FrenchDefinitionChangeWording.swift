import Foundation

extension FrenchWording {
    /// A structural change, as a clause listed under the problem ("la question « age » (Q2) a été supprimée").
    package static func wording(for change: DefinitionChange) -> String {
        switch change {
        case .populationChanged(let old, let new): "la population a changé (« \(old) » → « \(new) »)"
        case .matrixItemRemoved(let item, let matrix): "l'item \(name(item)) de la matrice « \(matrix) » a été retiré"
        case .questionRemoved(let question): "la question \(name(question)) a été supprimée"
        case .typeChanged(let question, let old, let new): "le type de la question \(name(question)) a changé (\(old.rawValue) → \(new.rawValue))"
        case .choiceRemoved(let code, let question): "le choix « \(code) » de la question \(name(question)) a été retiré"
        case .levelRemoved(let code, let question): "le niveau « \(code) » de la question \(name(question)) a été retiré"
        case .outOfScaleAnswerRemoved(let code, let question): "la réponse hors échelle « \(code) » de la question \(name(question)) a été retirée"
        case .noLongerRepeated(let question, let source): "la question \(name(question)) n'est plus répétée pour chaque choix de « \(source) »"
        case .nowRepeated(let question, let source): "la question \(name(question)) est maintenant répétée pour chaque choix de « \(source) »"
        case .repeatedOverAnother(let question, let old, let new):
            "la question \(name(question)) est répétée pour chaque choix de « \(new) » au lieu de « \(old) »"
        }
    }

    private static func name(_ question: DefinitionChange.Question) -> String {
        question.number.isEmpty ? "« \(question.id) »" : "« \(question.id) » (\(question.number))"
    }
}
