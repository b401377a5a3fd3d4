import Foundation

/// One problem found in a definition, a data file or a command's input.
///
/// Every layer reports problems with this single type so that the CLI prints them the same way:
/// `path:line:col: error: message`, followed by an indented hint when one helps.
package struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    package var hint: String?

    package init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    package static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    package static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    package var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    note: \(hint)" }
        return text
    }

    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.message) < (rhs.location, rhs.severity, rhs.message)
    }
}

/// A position in a text file; line and column start at 1 (0 means "the whole file").
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    package func offset(by columns: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + columns)
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Gathers diagnostics so that a command can report every problem at once.
package struct DiagnosticCollector: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(location, message, hint: hint))
    }

    package mutating func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(location, message, hint: hint))
    }

    package mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    package mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// Sorted and without repeats, the order the CLI prints.
    package var sorted: [Diagnostic] { Array(Set(diagnostics)).sorted() }
}

/// Thrown when a definition cannot be used; carries every diagnostic found.
package struct DefinitionError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Suggests the closest known word for a misspelt key ("did you mean …?").
package func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        let limit = max(2, candidate.count / 3)
        guard distance <= limit else { continue }
        if let current = best, current.1 <= distance { continue }
        best = (candidate, distance)
    }
    return best?.0
}

package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
