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

    /// The structural changes from `old` to `new`, in questionnaire order; empty when responses
    /// given to `old` keep their meaning under `new`.
    package static func changes(from old: Questionnaire, to new: Questionnaire) -> [DefinitionChange] {
        var changes: [DefinitionChange] = []
        if old.population != new.population {
            changes.append(.populationChanged(old: old.population, new: new.population))
        }
        let newShapes = Dictionary(shapes(new).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for before in shapes(old) {
            let question = DefinitionChange.Question(id: before.id, number: before.number)
            guard let after = newShapes[before.id] else {
                if let matrix = before.matrix {
                    changes.append(.matrixItemRemoved(question, matrix: matrix))
                } else {
                    changes.append(.questionRemoved(question))
                }
                continue
            }
            if before.type != after.type {
                changes.append(.typeChanged(question, old: before.type, new: after.type))
                continue
            }
            for code in before.codes where !after.codes.contains(code) {
                changes.append(before.type == .scale ? .levelRemoved(code: code, of: question) : .choiceRemoved(code: code, of: question))
            }
            for code in before.missing where !after.missing.contains(code) {
                changes.append(.outOfScaleAnswerRemoved(code: code, of: question))
            }
            if before.foreach != after.foreach {
                switch (before.foreach, after.foreach) {
                case (let source?, nil):
                    changes.append(.noLongerRepeated(question, source: source))
                case (nil, let source?):
                    changes.append(.nowRepeated(question, source: source))
                case (let old?, let new?):
                    changes.append(.repeatedOverAnother(question, old: old, new: new))
                case (nil, nil):
                    break
                }
            }
        }
        return changes
    }
}
