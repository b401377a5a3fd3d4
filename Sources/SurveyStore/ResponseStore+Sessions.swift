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
}

extension ResponseStore {
    // MARK: - Sessions

    package func startSession(definition: DefinitionID, origin: SessionOrigin = .respondent, at date: Date = Date()) throws(StoreError) -> SessionInfo {
        try insertNewSession(definition: definition, origin: origin, at: date) { db in
            guard try DefinitionRecord.exists(db, key: definition.rawValue) else {
                throw StoreError(.definitionMissingForSession(id: definition.rawValue))
            }
        }
    }

    /// Inserts a session with a fresh id and resume code, drawn again when either is taken (the
    /// one place sessions are created). `checking` runs first in the same transaction and throws
    /// to refuse; `linking` runs after the insert (a token marks itself as in progress).
    func insertNewSession(
        definition: DefinitionID, origin: SessionOrigin, at date: Date, checking: (Database) throws -> Void,
        linking: (Database, SessionRecord) throws -> Void = { _, _ in }
    ) throws(StoreError) -> SessionInfo {
        for _ in 0..<10 {
            let record = SessionRecord(
                id: Codes.random(), resumeCode: Codes.random(), definitionID: definition.rawValue,
                status: .inProgress, origin: origin, startedAt: date.timeIntervalSince1970, completedAt: nil)
            do {
                return try writer.write { db in
                    try checking(db)
                    try record.insert(db)
                    try linking(db, record)
                    guard let info = try Self.sessionInfo(db, where: "s.id = ?", record.id) else {
                        throw StoreError(.sessionCreatedButMissing)
                    }
                    return info
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                continue  // an id or a resume code already taken: draw again
            } catch {
                throw StoreError.wrap(error, path: path)
            }
        }
        throw StoreError(.noFreeSessionID)
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
                           s.status, s.origin, s.started_at, s.completed_at
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
            startedAt: Date(timeIntervalSince1970: row[8]), completedAt: (row[9] as Double?).map { Date(timeIntervalSince1970: $0) })
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
