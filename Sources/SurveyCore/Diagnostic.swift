import Foundation

/// One problem found in a definition, a data file, a store or a command's input: how serious it
/// is, where it is, and what it is (a typed `Problem`, no words).
///
/// Every layer reports problems with this single type so that the CLI prints them the same way:
/// `path:line:col: error: message`, followed by an indented hint when one helps. The words come
/// from the wording of the language asked for; `message`, `hint` and `description` are French.
package struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    package var severity: Severity
    /// File-only (line 0) when the problem has no finer place, such as a whole file.
    package var location: SourceLocation
    package var problem: Problem

    package init(_ severity: Severity, _ location: SourceLocation, _ problem: Problem) {
        self.severity = severity
        self.location = location
        self.problem = problem
    }

    package static func error(_ location: SourceLocation, _ problem: Problem) -> Diagnostic { Diagnostic(.error, location, problem) }
    package static func warning(_ location: SourceLocation, _ problem: Problem) -> Diagnostic { Diagnostic(.warning, location, problem) }
    package static func error(_ location: SourceLocation, _ problem: DefinitionProblem) -> Diagnostic { .error(location, .definition(problem)) }
    package static func warning(_ location: SourceLocation, _ problem: DefinitionProblem) -> Diagnostic { .warning(location, .definition(problem)) }
    package static func error(_ location: SourceLocation, _ problem: ImportProblem) -> Diagnostic { .error(location, .importCell(problem)) }
    package static func error(_ location: SourceLocation, _ problem: StoreProblem) -> Diagnostic { .error(location, .store(problem)) }

    /// Transitional: words built by the caller. Do not use in new code; it goes once every caller is typed.
    package static func error(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        .error(location, .definition(.untyped(message: message, hint: hint)))
    }

    /// Transitional, as `error(_:_:hint:)` with words.
    package static func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        .warning(location, .definition(.untyped(message: message, hint: hint)))
    }

    package func wording(in language: Language) -> Wording { problem.wording(in: language) }
    package func message(in language: Language) -> String { wording(in: language).message }
    package func hint(in language: Language) -> String? { wording(in: language).hint }

    /// French, the default language.
    package var message: String { message(in: .fr) }
    package var hint: String? { hint(in: .fr) }

    /// `location: severity: message`, then the hint on an indented `note:` line.
    package func description(in language: Language) -> String {
        let wording = wording(in: language)
        var text = "\(location): \(severity.rawValue): \(wording.message)"
        if let hint = wording.hint { text += "\n    note: \(hint)" }
        return text
    }

    package var description: String { description(in: .fr) }

    /// Place first, then errors before warnings, then the French words: the order the CLI prints.
    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.message) < (rhs.location, rhs.severity, rhs.message)
    }
}

/// A position in a text file; line and column start at 1. Line 0 means "the whole file";
/// column 0 means "the whole line" (an imported row), printed `file:line`.
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
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    package func offset(by columns: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + columns)
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Gathers the diagnostics of every family (definition, answer, import, store) so that a command
/// can report every problem at once.
package struct DiagnosticCollector: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package mutating func error(_ location: SourceLocation, _ problem: Problem) { diagnostics.append(.error(location, problem)) }
    package mutating func warning(_ location: SourceLocation, _ problem: Problem) { diagnostics.append(.warning(location, problem)) }
    package mutating func error(_ location: SourceLocation, _ problem: DefinitionProblem) { error(location, .definition(problem)) }
    package mutating func warning(_ location: SourceLocation, _ problem: DefinitionProblem) { warning(location, .definition(problem)) }
    package mutating func error(_ location: SourceLocation, _ problem: ImportProblem) { error(location, .importCell(problem)) }
    package mutating func error(_ location: SourceLocation, _ problem: StoreProblem) { error(location, .store(problem)) }

    /// Transitional: words built by the caller. Do not use in new code.
    package mutating func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(location, message, hint: hint))
    }

    /// Transitional: words built by the caller. Do not use in new code.
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
