import Foundation
import GRDB
import SurveyCore

package struct DefinitionID: Sendable, Hashable {
    package var rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

/// The SQLite file where answers are written the moment they are validated.
///
/// One writer connection (WAL, `synchronous = FULL`: a save is on disk when it returns), several
/// readers; other processes may write to the same file at the same time (busy timeout).
///
/// One file per job: +Opening (open, file checks, permissions), +Definitions (snapshots),
/// +Sessions, +Answers, +Status, +Reading (the analysis' `ResponseReader`), +Bulk (simulated and
/// imported sessions), +Tokens, +Merge, +Purge, +Backup; problems are `StoreError`s carrying a
/// `StoreProblem`, worded in SurveyCore's `Wording/`.
package final class ResponseStore: Sendable {
    let writer: any DatabaseWriter
    /// The file, nil in memory; used in messages.
    package let path: String?
    /// Questionnaires rebuilt from their snapshots (see ResponseStore+Definitions.swift).
    let cache = QuestionnaireCache()

    /// How long a write waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 20

    /// Through `open(at:)` or `inMemory()` (ResponseStore+Opening.swift), which migrate first.
    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "prst"
        return configuration
    }
}
