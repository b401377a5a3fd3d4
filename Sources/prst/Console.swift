import Foundation
import SurveyCore

/// Writing to the terminal: diagnostics on stderr, colour only on a terminal without NO_COLOR.
enum Console {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static var colourOnStderr: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isTerminal(STDERR_FILENO) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func print(_ diagnostics: [Diagnostic]) {
        let colour = colourOnStderr
        for diagnostic in diagnostics {
            var severity = diagnostic.severity.rawValue
            if colour { severity = (diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m") + severity + "\u{1B}[0m" }
            var text = "\(diagnostic.location): \(severity): \(diagnostic.message)"
            if let hint = diagnostic.hint { text += "\n    note: \(hint)" }
            error(text)
        }
    }
}

extension Console {
    /// Rewrites the current stderr line (callers check that stderr is a terminal).
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }
}
