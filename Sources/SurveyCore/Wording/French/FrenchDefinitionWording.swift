import Foundation

extension FrenchWording {
    static func wording(for problem: DefinitionProblem) -> Wording {
        switch problem {
        case .untyped(let message, let hint): Wording(message, hint: hint)
        }
    }
}
