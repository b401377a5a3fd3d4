import SurveyCore

/// Whether responses given to one definition can still be read with another of the same
/// id and version. Wording may change; what the stored data means may not.
package enum DefinitionCompatibility {
    /// What a stored answer depends on.
    struct Shape: Equatable {
        var id: String
        var number: String
        var type: QuestionType
        /// The question id when the variable is a matrix item.
        var matrix: String?
        /// Codes a stored answer may hold: choice codes (with `autre`), or scale levels.
        var codes: [String]
        /// Scale answers outside the scale ("nsp").
        var missing: [String]
        var foreach: String?
    }

    static func shapes(_ questionnaire: Questionnaire) -> [Shape] {
        questionnaire.variables.map { variable in
            let question = variable.question
            var codes: [String] = []
            var missing: [String] = []
            switch variable.valueType {
            case .single, .multiple, .yesno:
                codes = questionnaire.options(for: question).map(\.code)
            case .scale:
                let scale = questionnaire.scale(for: question)
                codes = scale?.levels.map(\.code) ?? []
                missing = scale?.missing.map(\.code) ?? []
            default:
                break
            }
            return Shape(
                id: variable.id, number: variable.number, type: variable.valueType,
                matrix: variable.item == nil ? nil : question.id, codes: codes, missing: missing,
                foreach: variable.section.foreach)
        }
    }

    /// The structural changes from `old` to `new`, in French, in questionnaire order; empty when
    /// responses given to `old` keep their meaning under `new`.
    package static func problems(from old: Questionnaire, to new: Questionnaire) -> [String] {
        var problems: [String] = []
        if old.population != new.population {
            problems.append("la population a changé (« \(old.population) » → « \(new.population) »)")
        }
        let newShapes = Dictionary(shapes(new).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for before in shapes(old) {
            let name = before.number.isEmpty ? "« \(before.id) »" : "« \(before.id) » (\(before.number))"
            guard let after = newShapes[before.id] else {
                if let matrix = before.matrix {
                    problems.append("l'item \(name) de la matrice « \(matrix) » a été retiré")
                } else {
                    problems.append("la question \(name) a été supprimée")
                }
                continue
            }
            if before.type != after.type {
                problems.append("le type de la question \(name) a changé (\(before.type.rawValue) → \(after.type.rawValue))")
                continue
            }
            let what = before.type == .scale ? "le niveau" : "le choix"
            for code in before.codes where !after.codes.contains(code) {
                problems.append("\(what) « \(code) » de la question \(name) a été retiré")
            }
            for code in before.missing where !after.missing.contains(code) {
                problems.append("la réponse hors échelle « \(code) » de la question \(name) a été retirée")
            }
            if before.foreach != after.foreach {
                switch (before.foreach, after.foreach) {
                case (let source?, nil):
                    problems.append("la question \(name) n'est plus répétée pour chaque choix de « \(source) »")
                case (nil, let source?):
                    problems.append("la question \(name) est maintenant répétée pour chaque choix de « \(source) »")
                case (let old?, let new?):
                    problems.append("la question \(name) est répétée pour chaque choix de « \(new) » au lieu de « \(old) »")
                case (nil, nil):
                    break
                }
            }
        }
        return problems
    }
}
