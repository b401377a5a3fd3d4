import Foundation
import GRDB
import SurveyCore

package struct SessionInfo: Sendable, Hashable {
    /// Non-secret, e.g. "S7K2M9QF": used in exports, coding files, receipts.
    package var id: String
    /// Secret, shown as "K7F3-9QXM".
    package var resumeCode: String
    package var definition: DefinitionID
    package var questionnaireID: String
    package var questionnaireVersion: Int
    package var population: String
    package var status: SessionStatus
    package var origin: SessionOrigin
    package var startedAt: Date
    package var completedAt: Date?
    /// The unit × period of a monitoring response; nil for the surveys of people.
    package var reporting: ReportingKey? = nil
}

/// What starting a session for a unit × period found.
package enum SessionStart: Sendable, Hashable {
    /// A new session.
    case started(SessionInfo)
    /// The unfinished session already open for the key: answer it with its own snapshot.
    case resumable(SessionInfo)
}

extension ResponseStore {
    // MARK: - Sessions

    package func startSession(definition: DefinitionID, origin: SessionOrigin = .respondent, at date: Date = Date()) throws(StoreError) -> SessionInfo {
        switch try startSession(definition: definition, reporting: nil, origin: origin, at: date) {
        case .started(let info), .resumable(let info): info
        }
    }

    /// Starts a session, for a unit × period when `reporting` is set: one session per key and
    /// questionnaire version. An unfinished session of the key is handed back to resume
    /// (whichever snapshot of the version it was started with); a completed one is refused
    /// with `reportingResponseAlreadySent`. The look-up and the insert share one write
    /// transaction, and the v3 triggers refuse a second key whatever writes it.
    package func startSession(
        definition: DefinitionID, reporting: ReportingKey?, origin: SessionOrigin = .respondent, at date: Date = Date()
    ) throws(StoreError) -> SessionStart {
        try insertNewSession(definition: definition, reporting: reporting, resumesUnfinished: true, origin: origin, at: date)
    }

    /// Inserts a session with a fresh id and resume code, drawn again when either is taken: the
    /// one place sessions are created. With `reporting`, a session already holding the key is
    /// handed back when unfinished and `resumesUnfinished`, refused otherwise. `checking` runs
    /// first in the same transaction and throws to refuse; `linking` runs after the insert (a
    /// token marks itself as in progress).
    func insertNewSession(
        definition: DefinitionID, reporting: ReportingKey?, resumesUnfinished: Bool, origin: SessionOrigin, at date: Date,
        checking: (Database, DefinitionRecord) throws -> Void = { _, _ in }, linking: (Database, SessionRecord) throws -> Void = { _, _ in }
    ) throws(StoreError) -> SessionStart {
        for _ in 0..<10 {
            let record = SessionRecord(
                id: Codes.random(), resumeCode: Codes.random(), definitionID: definition.rawValue,
                status: .inProgress, origin: origin, startedAt: date.timeIntervalSince1970, completedAt: nil,
                unit: reporting?.unit, period: reporting?.period)
            do {
                return try writer.write { db in
                    guard let stored = try DefinitionRecord.fetchOne(db, key: definition.rawValue) else {
                        throw StoreError(.definitionMissingForSession(id: definition.rawValue))
                    }
                    if let reporting, let existing = try Self.session(db, for: reporting, questionnaireID: stored.questionnaireID, version: stored.version) {
                        if resumesUnfinished, existing.status == .inProgress { return .resumable(existing) }
                        throw ReportingKeyTaken(existing: existing)
                    }
                    try checking(db, stored)
                    try record.insert(db)
                    try linking(db, record)
                    guard let info = try Self.sessionInfo(db, where: "s.id = ?", record.id) else {
                        throw StoreError(.sessionCreatedButMissing)
                    }
                    return .started(info)
                }
            } catch let taken as ReportingKeyTaken {
                throw reportingRefusal(taken.existing)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                if let reporting, error.message == Schema.reportingKeyTaken {
                    // Another process took the key between a look-up and an insert it could
                    // not see (only possible outside one transaction): tell it the same way.
                    if let existing = try? writer.read({ db in
                        try DefinitionRecord.fetchOne(db, key: definition.rawValue).flatMap {
                            try Self.session(db, for: reporting, questionnaireID: $0.questionnaireID, version: $0.version)
                        }
                    }) {
                        if resumesUnfinished, existing.status == .inProgress { return .resumable(existing) }
                        throw reportingRefusal(existing)
                    }
                    throw StoreError.wrap(error, path: path)
                }
                continue  // an id or a resume code already taken: draw again
            } catch {
                throw StoreError.wrap(error, path: path)
            }
        }
        throw StoreError(.noFreeSessionID)
    }

    /// Thrown out of the write transaction, so that the unit's label is read after it.
    struct ReportingKeyTaken: Error {
        var existing: SessionInfo
    }

    /// The refusal of a second response for a key, naming the unit by its label in the
    /// referential of the completed session's snapshot (the code alone if it cannot be read).
    func reportingRefusal(_ existing: SessionInfo) -> StoreError {
        let key = existing.reporting ?? ReportingKey(unit: "?", period: "?")
        let label = (try? questionnaire(for: existing.definition))?.reportingUnits?.unit(key.unit)?.label
        let (id, version) = (existing.questionnaireID, existing.questionnaireVersion)
        switch existing.status {
        case .completed:
            return StoreError(.reportingResponseAlreadySent(questionnaireID: id, version: version, unit: key.unit, unitLabel: label, period: key.period))
        case .inProgress:
            return StoreError(.reportingResponseInProgress(questionnaireID: id, version: version, unit: key.unit, unitLabel: label, period: key.period))
        }
    }

    /// The session of a unit × period for a questionnaire version, whatever its snapshot.
    static func session(_ db: Database, for key: ReportingKey, questionnaireID: String, version: Int) throws -> SessionInfo? {
        guard
            let id = try String.fetchOne(
                db,
                sql: """
                    SELECT s.id FROM sessions s JOIN definitions d ON d.id = s.definition_id
                    WHERE s.unit = ? AND s.period = ? AND d.questionnaire_id = ? AND d.version = ?
                    """, arguments: [key.unit, key.period, questionnaireID, version])
        else { return nil }
        return try sessionInfo(db, where: "s.id = ?", id)
    }

    /// The session of a resume code typed with lowercase, spaces or without the dash; nil if unknown.
    package func session(resumeCode: String) throws(StoreError) -> SessionInfo? {
        guard let code = Codes.normalizeResumeCode(resumeCode) else { return nil }
        let info = try storeCall(path) { try writer.read { db in try Self.sessionInfo(db, where: "s.resume_code = ?", code) } }
        if let info, info.status == .completed {
            throw StoreError(.resumeOfCompletedSession)
        }
        return info
    }

    package func session(id: String) throws(StoreError) -> SessionInfo? {
        try storeCall(path) { try writer.read { db in try Self.sessionInfo(db, where: "s.id = ?", id) } }
    }

    /// A session read inside a transaction.
    static func sessionInfo(_ db: Database, where condition: String, _ argument: String) throws -> SessionInfo? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT s.id, s.resume_code, s.definition_id, d.questionnaire_id, d.version, d.population,
                           s.status, s.origin, s.started_at, s.completed_at, s.unit, s.period
                    FROM sessions s JOIN definitions d ON d.id = s.definition_id
                    WHERE \(condition)
                    """, arguments: [argument])
        else { return nil }
        let id: String = row[0]
        let status = try row.state(SessionStatus.self, at: 6, of: .session(id))
        let origin = try row.state(SessionOrigin.self, at: 7, of: .session(id))
        return SessionInfo(
            id: id, resumeCode: Codes.formatResumeCode(row[1]), definition: DefinitionID(rawValue: row[2]),
            questionnaireID: row[3], questionnaireVersion: row[4], population: row[5], status: status, origin: origin,
            startedAt: Date(timeIntervalSince1970: row[8]), completedAt: (row[9] as Double?).map { Date(timeIntervalSince1970: $0) },
            reporting: (row[10] as String?).flatMap { unit in (row[11] as String?).map { ReportingKey(unit: unit, period: $0) } })
    }

    package func complete(session id: String, at date: Date = Date()) throws(StoreError) {
        try storeCall(path) {
            try writer.write { db in
                _ = try Self.writableSession(db, id, allowCompleted: true)
                try db.execute(
                    sql: "UPDATE sessions SET status = ?, completed_at = ? WHERE id = ? AND status = ?",
                    arguments: [SessionStatus.completed, date.timeIntervalSince1970, id, SessionStatus.inProgress])
            }
        }
    }

    /// Checks the session exists and may still change.
    static func writableSession(_ db: Database, _ id: String, allowCompleted: Bool = false) throws -> SessionStatus {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT status FROM sessions WHERE id = ?"), arguments: [id]) else {
            throw StoreError(.unknownSession(id: id))
        }
        let status = try row.state(SessionStatus.self, at: 0, of: .session(id))
        if status == .completed && !allowCompleted {
            throw StoreError(.sessionCompleted(id: id))
        }
        return status
    }
}
