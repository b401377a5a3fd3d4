import Foundation

extension FrenchWording {
    static func wording(for problem: ImportProblem) -> Wording {
        switch problem {
        case .untyped(let message): Wording(message)
        }
    }
}
