import Foundation

extension EnglishWording {
    static func wording(for problem: ImportProblem) -> Wording {
        switch problem {
        case .untyped(let message): Wording(message)
        }
    }
}
