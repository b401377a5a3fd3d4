import Foundation
import GRDB
import SurveyCore

/// Sessions of one questionnaire id, version and population.
package struct StatusRow: Sendable, Hashable {
    package var questionnaireID: String
    package var version: Int
    package var population: String
    package var started: Int
    package var inProgress: Int
    package var completed: Int
    /// Over completed sessions answered in prst (imported ones have no real duration).
    package var medianCompletionSeconds: Double?
    /// How many of the started sessions were simulated or imported rather than answered.
    package var simulated: Int = 0
    package var imported: Int = 0
}

/// The units of one questionnaire version and period that have a completed response, and
/// those with only an unfinished one.
package struct ReportingProgress: Sendable, Hashable {
    package var questionnaireID: String
    package var version: Int
    package var period: String
    package var completedUnits: Set<String> = []
    package var inProgressUnits: Set<String> = []
}

extension ResponseStore {
    // MARK: - Summaries

    /// The units answered for, per questionnaire id, version and period (in that order), over
    /// the sessions given for a unit × period.
    package func reportingProgress() throws(StoreError) -> [ReportingProgress] {
        try storeCall(path) {
            try writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.questionnaire_id, d.version, s.period, s.unit, s.status
                        FROM sessions s JOIN definitions d ON d.id = s.definition_id
                        WHERE s.unit IS NOT NULL AND s.period IS NOT NULL
                        ORDER BY d.questionnaire_id, d.version, s.period, s.unit
                        """)
                var result: [ReportingProgress] = []
                for row in rows {
                    let (questionnaireID, version, period, unit): (String, Int, String, String) = (row[0], row[1], row[2], row[3])
                    if result.last.map({ ($0.questionnaireID, $0.version, $0.period) != (questionnaireID, version, period) }) ?? true {
                        result.append(ReportingProgress(questionnaireID: questionnaireID, version: version, period: period))
                    }
                    switch try row.state(SessionStatus.self, at: 4, of: .sessionsOf(questionnaireID: questionnaireID, version: version)) {
                    case .completed: result[result.count - 1].completedUnits.insert(unit)
                    case .inProgress: result[result.count - 1].inProgressUnits.insert(unit)
                    }
                }
                return result
            }
        }
    }

    /// One row per questionnaire id, version and population, in that order.
    package func status() throws(StoreError) -> [StatusRow] {
        try storeCall(path) {
            try writer.read { db in
                let counts = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.questionnaire_id, d.version, d.population, s.status, s.origin, COUNT(*)
                        FROM sessions s JOIN definitions d ON d.id = s.definition_id
                        GROUP BY d.questionnaire_id, d.version, d.population, s.status, s.origin
                        ORDER BY d.questionnaire_id, d.version, d.population
                        """)
                // Counted per status and origin in Swift rather than with SUM(s.status = '…'): the
                // switches are exhaustive, so a new state must say where it counts, and a word no
                // prst writes is an error instead of a session counted nowhere.
                var rows: [StatusRow] = []
                for count in counts {
                    let (questionnaireID, version, population, sessions): (String, Int, String, Int) = (count[0], count[1], count[2], count[5])
                    if rows.last.map({ ($0.questionnaireID, $0.version, $0.population) != (questionnaireID, version, population) }) ?? true {
                        rows.append(
                            StatusRow(
                                questionnaireID: questionnaireID, version: version, population: population, started: 0, inProgress: 0, completed: 0,
                                medianCompletionSeconds: nil))
                    }
                    let owner = StoreProblem.StateOwner.sessionsOf(questionnaireID: questionnaireID, version: version)
                    rows[rows.count - 1].started += sessions
                    switch try count.state(SessionStatus.self, at: 3, of: owner) {
                    case .inProgress: rows[rows.count - 1].inProgress += sessions
                    case .completed: rows[rows.count - 1].completed += sessions
                    }
                    switch try count.state(SessionOrigin.self, at: 4, of: owner) {
                    case .respondent: break
                    case .simulated: rows[rows.count - 1].simulated += sessions
                    case .imported: rows[rows.count - 1].imported += sessions
                    }
                }
                for index in rows.indices {
                    let durations = try Double.fetchAll(
                        db,
                        sql: """
                            SELECT s.completed_at - s.started_at AS duration
                            FROM sessions s JOIN definitions d ON d.id = s.definition_id
                            WHERE d.questionnaire_id = ? AND d.version = ? AND d.population = ? AND s.status = ? AND s.origin <> ?
                            ORDER BY duration
                            """,
                        arguments: [rows[index].questionnaireID, rows[index].version, rows[index].population, SessionStatus.completed, SessionOrigin.imported])
                    rows[index].medianCompletionSeconds = Self.median(ofSorted: durations)
                }
                return rows
            }
        }
    }

    static func median(ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    /// Whether any session answered by a person (respondent or imported) exists.
    package func hasRealResponses() throws(StoreError) -> Bool {
        try storeCall(path) {
            try writer.read { db in
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE origin IN (?, ?))", arguments: [SessionOrigin.respondent, SessionOrigin.imported])
                    ?? false
            }
        }
    }

    /// `PRAGMA integrity_check`'s verdict: ["ok"] when the file is sound.
    package func integrityCheck() throws(StoreError) -> [String] {
        try storeCall(path) { try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
    }
}
