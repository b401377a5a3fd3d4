import Foundation
import SurveyCore
import SurveyStore

/// Where a use case writes what the person reads: the console in `prst`, a recorder in tests.
/// Use cases never touch stdout or stderr themselves, so they run in-process in unit tests.
package protocol WorkflowOutput {
    /// Text for standard output, written as given.
    func out(_ text: String)
    /// One message for standard error (the renderer ends it with a newline).
    func error(_ text: String)
    /// Located problems in a definition file, in order.
    func print(_ diagnostics: [Diagnostic])
    /// Whether a progress line is worth drawing (standard error is a terminal).
    var showsProgress: Bool { get }
    /// Rewrites the current progress line (called only when `showsProgress`).
    func progress(_ text: String)
}

package extension WorkflowOutput {
    /// What the command did, on standard output, in French (the evaluators' language).
    func out(_ outcome: CommandOutcome) { out(outcome.text(in: .fr) + "\n") }
    /// What the command did, on standard error (next to progress lines and warnings).
    func error(_ outcome: CommandOutcome) { error(outcome.text(in: .fr)) }
}

/// A use case that stops before doing what was asked, as typed problems (no words): the located
/// problems of a definition, the located problems listed as `place: message` (an import's bad
/// cells), then the problems saying why and what to do, told in `language` (the questionnaire's
/// when one is at hand). The command prints them on standard error and exits with status 1.
package struct Refusal: Error, Sendable {
    package var diagnostics: [Diagnostic]
    package var listed: [Diagnostic]
    package var problems: [Problem]
    package var language: Language

    package init(_ problem: CommandProblem, diagnostics: [Diagnostic] = [], language: Language = .fr) {
        self.init(problems: [.command(problem)], diagnostics: diagnostics, language: language)
    }

    package init(problems: [Problem], listed: [Diagnostic] = [], diagnostics: [Diagnostic] = [], language: Language = .fr) {
        self.diagnostics = diagnostics
        self.listed = listed
        self.problems = problems
        self.language = language
    }

    /// The store's refusal, with its details (the changes of an incompatible definition…).
    package init(_ error: StoreError, language: Language = .fr) {
        self.init(problems: [.store(error.problem)], language: language)
    }

    /// What is printed under the diagnostics, one line each.
    package var lines: [String] {
        listed.map { $0.locatedMessage(in: language) } + problems.flatMap { $0.lines(in: language) }
    }

    /// The lines as one text (what a respondent or a test reads).
    package var message: String { lines.joined(separator: "\n") }
}

/// The time a use case stamps on what it writes; tests pass one they move by hand. (Not named
/// `Clock`, which would hide the standard library's protocol.)
package typealias WorkflowClock = @Sendable () -> Date

package enum SystemClock {
    package static let now: WorkflowClock = { Date() }
}
