import Foundation
import SurveyCore

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

/// A use case that stops before doing what was asked: the located problems, then the lines
/// saying what to do, for standard error; the command exits with status 1.
package struct Refusal: Error, Sendable {
    package var diagnostics: [Diagnostic]
    package var lines: [String]

    package init(_ message: String, diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
        self.lines = [message]
    }

    package init(lines: [String], diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
        self.lines = lines
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
