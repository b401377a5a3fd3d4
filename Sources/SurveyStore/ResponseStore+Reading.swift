import Foundation
import GRDB
import GRDBSQLite
import SurveyCore

// MARK: - Reading for the analysis

extension ResponseStore: ResponseReader {
    /// One questionnaire per distinct id and version: the latest snapshot registered.
    package func definitions() throws(StoreError) -> [Questionnaire] {
        let ids = try storeCall(path) {
            try writer.read { db in
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT MAX(id) FROM definitions GROUP BY questionnaire_id, version ORDER BY questionnaire_id, version
                        """)
            }
        }
        var result: [Questionnaire] = []
        for id in ids { result.append(try questionnaire(for: DefinitionID(rawValue: id))) }
        return result
    }

    /// Every session of one questionnaire version (all statuses and origins) with its answers,
    /// ordered by session id, read through a cursor in one read transaction: memory stays bounded
    /// whatever the number of sessions. `body` must not call back into the store.
    package func forEachResponse(questionnaireID: String, version: Int, _ body: (ResponseRecord) throws -> Void) throws {
        do {
            try writer.read { db in
                // Read through SQLite's C interface: a 100,000-session store holds about three
                // million answers, and generic row decoding cost more than SQLite's own work.
                let statement = try db.makeStatement(sql: Self.responsesSQL)
                try statement.setArguments([questionnaireID, version])
                let handle = statement.sqliteStatement
                defer { sqlite3_reset(handle) }
                var current: ResponseRecord?
                var currentID: [UInt8] = []
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    let idBytes = RawColumn.bytes(handle, 0)
                    if current == nil || !idBytes.elementsEqual(currentID) {
                        if let record = current { try body(record) }
                        currentID = Array(idBytes)
                        let sessionID = String(decoding: currentID, as: UTF8.self)
                        let storedStatus = RawColumn.text(handle, 1) ?? "", storedOrigin = RawColumn.text(handle, 2) ?? ""
                        guard let status = SessionStatus(rawValue: storedStatus) else {
                            throw StoreError(.unknownState(stored: storedStatus, of: .session(sessionID)))
                        }
                        guard let origin = SessionOrigin(rawValue: storedOrigin) else {
                            throw StoreError(.unknownState(stored: storedOrigin, of: .session(sessionID)))
                        }
                        current = ResponseRecord(
                            sessionID: sessionID, questionnaireID: RawColumn.text(handle, 5) ?? "", questionnaireVersion: Int(sqlite3_column_int64(handle, 6)),
                            population: RawColumn.text(handle, 7) ?? "", status: status, origin: origin,
                            startedAt: Date(timeIntervalSince1970: sqlite3_column_double(handle, 3)),
                            completedAt: sqlite3_column_type(handle, 4) == SQLITE_NULL ? nil : Date(timeIntervalSince1970: sqlite3_column_double(handle, 4)),
                            answers: [:],
                            reporting: RawColumn.text(handle, 8).flatMap { unit in RawColumn.text(handle, 9).map { ReportingKey(unit: unit, period: $0) } })
                    }
                    if sqlite3_column_type(handle, 10) != SQLITE_NULL {
                        let (key, value) = try AnswerCoding.decode(handle, offset: 10, session: current?.sessionID ?? "")
                        current?.answers[key] = value
                    }
                }
                if let record = current { try body(record) }
            }
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// Sessions are the outer loop (CROSS JOIN), scanned in primary key order, so that SQLite
    /// streams rows without sorting them.
    static let responsesSQL = """
        SELECT s.id, s.status, s.origin, s.started_at, s.completed_at, d.questionnaire_id, d.version, d.population,
               s.unit, s.period, a.variable, a.repetition, a.kind, a.value_text, a.value_number
        FROM sessions s
        CROSS JOIN definitions d ON d.id = s.definition_id
        LEFT JOIN answers a ON a.session_id = s.id
        WHERE d.questionnaire_id = ? AND d.version = ?
        ORDER BY s.id
        """

    /// SQLite's plan for `forEachResponse`, for tests.
    func responsesQueryPlan() throws -> [String] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Self.responsesSQL, arguments: ["q", 1]).map { $0["detail"] as String }
        }
    }
}

/// Column values of a statement stepped through SQLite's C interface.
enum RawColumn {
    /// The column's UTF-8 bytes, valid until the next step.
    static func bytes(_ handle: OpaquePointer, _ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, index)))
    }

    static func text(_ handle: OpaquePointer, _ index: Int32) -> String? {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL else { return nil }
        return String(decoding: bytes(handle, index), as: UTF8.self)
    }
}
