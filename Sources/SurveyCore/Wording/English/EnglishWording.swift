import Foundation

/// Every problem told in English, for questionnaires that say `language: en`. One file per family.
package enum EnglishWording {
    package static func wording(for problem: Problem) -> Wording {
        switch problem {
        case .definition(let problem): wording(for: problem)
        case .answer(let problem): wording(for: problem)
        case .importCell(let problem): wording(for: problem)
        case .store(let problem): wording(for: problem)
        case .reporting(let problem): wording(for: problem)
        case .command(let problem): wording(for: problem)
        }
    }

    static func number(_ value: Double) -> String { format(value) }
}
