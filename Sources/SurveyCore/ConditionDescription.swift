import Foundation

package extension Questionnaire {
    /// A condition in words, for the committee's paper version and the runner's help:
    /// `copilote == "oui"` → `la réponse à la question 5 est « Oui »`.
    func describe(_ condition: Condition) -> String {
        describe(condition.expression)
    }

    private func reference(_ id: String) -> String {
        guard let variable = variable(id) else { return "« \(id) »" }
        return language == .fr ? "la question \(variable.number)" : "question \(variable.number)"
    }

    private func valueLabel(_ literal: ConditionExpression, for variableID: String?) -> String {
        let text: String
        switch literal {
        case .string(let value): text = value
        case .number(let value): text = format(value)
        default: return describe(literal)
        }
        let isNumber: Bool
        if case .number = literal { isNumber = true } else { isNumber = false }
        if let variableID, let variable = variable(variableID),
            let choice = options(for: variable.question).first(where: { $0.code == text })
        {
            return "« \(choice.label) »"
        }
        return isNumber ? text : "« \(text) »"
    }

    private func describe(_ expression: ConditionExpression) -> String {
        let fr = language == .fr
        switch expression {
        case .string(let text): return "« \(text) »"
        case .number(let value): return format(value)
        case .variable(let id, _): return fr ? "la réponse à \(reference(id))" : "the answer to \(reference(id))"
        case .current: return fr ? "la réponse" : "the answer"
        case .and(let l, let r): return "\(describe(l)) \(fr ? "et" : "and") \(describe(r))"
        case .or(let l, let r): return "(\(describe(l)) \(fr ? "ou" : "or") \(describe(r)))"
        case .not(let inner): return fr ? "non (\(describe(inner)))" : "not (\(describe(inner)))"
        case .comparison(let op, let lhs, let rhs):
            var id: String?
            if case .variable(let name, _) = lhs { id = name }
            let words: [ComparisonOperator: (String, String)] = [
                .equal: ("est", "is"), .notEqual: ("n'est pas", "is not"), .less: ("n'atteint pas", "is less than"),
                .lessOrEqual: ("est au plus", "is at most"), .greater: ("dépasse", "is greater than"),
                .greaterOrEqual: ("est au moins", "is at least"),
            ]
            let word = words[op].map { fr ? $0.0 : $0.1 } ?? op.rawValue
            return "\(describe(lhs)) \(word) \(valueLabel(rhs, for: id))"
        case .inList(let lhs, let list):
            var id: String?
            if case .variable(let name, _) = lhs { id = name }
            let values = list.map { valueLabel($0, for: id) }.joined(separator: fr ? " ou " : " or ")
            return "\(describe(lhs)) \(fr ? "est" : "is") \(values)"
        case .call(let function, let arguments, _):
            guard case .variable(let id, _) = arguments.first else { return function.rawValue }
            switch function {
            case .selected:
                let value = arguments.count > 1 ? valueLabel(arguments[1], for: id) : ""
                return fr ? "\(value) est cochée à \(reference(id))" : "\(value) is selected in \(reference(id))"
            case .count:
                return fr ? "le nombre de choix cochés à \(reference(id))" : "the number of choices selected in \(reference(id))"
            case .answered:
                return fr ? "\(reference(id)) a reçu une réponse" : "\(reference(id)) has been answered"
            }
        }
    }
}
