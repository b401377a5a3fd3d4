import ArgumentParser
import Foundation
import SurveyCore
import SurveyWorkflows

/// The one renderer of `prst`: text on stdout, messages and diagnostics on stderr (colour only
/// on a terminal without NO_COLOR), progress lines on a terminal.
struct Console: WorkflowOutput {
    static let shared = Console()

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    func print(_ diagnostics: [Diagnostic]) {
        let environment = ProcessInfo.processInfo.environment
        let colour = Self.isTerminal(STDERR_FILENO) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        for diagnostic in diagnostics {
            var severity = diagnostic.severity.rawValue
            if colour { severity = (diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m") + severity + "\u{1B}[0m" }
            var text = "\(diagnostic.location): \(severity): \(diagnostic.message)"
            if let hint = diagnostic.hint { text += "\n    note: \(hint)" }
            error(text)
        }
    }

    var showsProgress: Bool { Self.isTerminal(STDERR_FILENO) }

    /// Rewrites the current stderr line.
    func progress(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    /// Runs a use case; a refusal is shown on stderr and the command exits with status 1.
    static func perform<T>(_ body: (Console) throws -> T) throws -> T {
        do {
            return try body(shared)
        } catch let refusal as Refusal {
            shared.print(refusal.diagnostics)
            for line in refusal.lines { shared.error(line) }
            throw ExitCode(1)
        }
    }
}
