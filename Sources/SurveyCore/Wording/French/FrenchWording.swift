import Foundation

/// Every problem told in French, the default language. One file per family of problems.
package enum FrenchWording {
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

    /// Decimal numbers are written with a comma in French.
    static func number(_ value: Double) -> String {
        format(value).replacingOccurrences(of: ".", with: ",")
    }
}
