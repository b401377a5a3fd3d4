import Foundation
import GRDB
import GRDBSQLite
import SurveyCore

extension ResponseStore {
    /// Inserts whole sessions (simulated, or imported from elsewhere) with their own ids, status,
    /// times and answers, all in ONE transaction: either every record is stored or none.
    ///
    /// Simulated sessions get resume codes derived from their id so that the same seed gives the
    /// same store; they are never handed to anyone. Other sessions get random secret codes.
    /// A session id already in the store is refused (nothing is written), so that importing the
    /// same file twice cannot duplicate responses.
    package func insert(_ records: [ResponseRecord], definition: DefinitionID) throws(StoreError) {
        guard !records.isEmpty else { return }
        try storeCall(path) {
            try writer.write { db in
                guard try DefinitionRecord.exists(db, key: definition.rawValue) else {
                    throw StoreError(.definitionMissingForInsert(id: definition.rawValue))
                }
                let bulk = try BulkWriter(db, definition: definition)
                for record in records { try bulk.add(record) }
            }
        }
    }

    /// An import: registers the questionnaire and stores the sessions that `feed` hands to the
    /// writer, all in ONE transaction. If `feed` throws, nothing at all is stored, not even the
    /// definition. Other writers wait meanwhile (an import of 350 responses takes a moment; of
    /// 100,000, about a minute: see docs/performance.md).
    package func importSessions(_ loaded: LoadedQuestionnaire, _ feed: (BulkWriter) throws -> Void) throws {
        do {
            // A bulk load touches the whole answers index: the default 2 MB cache would make
            // SQLite write the same pages to the WAL over and over.
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
            try writer.write { db in
                let definition = try register(loaded, in: db)
                try feed(try BulkWriter(db, definition: definition))
            }
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: path)
        }
    }

    /// A resume code that depends only on the session id (for simulated sessions).
    static func derivedCode(_ id: String) -> String {
        let digest = SHA256.digest(Array("prst-simulated:\(id)".utf8))
        return String(digest.prefix(Codes.length).map { Codes.alphabet[Int($0) % Codes.alphabet.count] })
    }

    /// The ids among `ids` that the store already holds (any questionnaire).
    package func existingSessionIDs(_ ids: some Collection<String>) throws(StoreError) -> Set<String> {
        try storeCall(path) {
            try writer.read { db in
                let statement = try db.cachedStatement(sql: "SELECT 1 FROM sessions WHERE id = ?")
                var found = Set<String>()
                for id in ids where try Bool.fetchOne(statement, arguments: [id]) == true { found.insert(id) }
                return found
            }
        }
    }
}

/// Writes sessions inside one open transaction, binding values through SQLite's C interface:
/// an import of 100,000 responses writes about 3 million answer rows, and GRDB's general
/// argument handling cost more than SQLite itself there.
package final class BulkWriter {
    private let db: Database
    private let definition: DefinitionID
    private let exists: OpaquePointer
    private let keyTaken: OpaquePointer
    private let session: OpaquePointer
    private let answer: OpaquePointer

    fileprivate init(_ db: Database, definition: DefinitionID) throws {
        self.db = db
        self.definition = definition
        exists = try db.cachedStatement(sql: "SELECT 1 FROM sessions WHERE id = ?").sqliteStatement
        // The session already given for a unit × period of this definition's questionnaire version.
        keyTaken = try db.cachedStatement(
            sql: """
                SELECT s.id, d.questionnaire_id, d.version FROM sessions s
                JOIN definitions d ON d.id = s.definition_id
                JOIN definitions n ON n.id = ?
                WHERE s.unit = ? AND s.period = ? AND d.questionnaire_id = n.questionnaire_id AND d.version = n.version
                """
        ).sqliteStatement
        session = try db.cachedStatement(
            sql: """
                INSERT INTO sessions (id, resume_code, definition_id, status, origin, started_at, completed_at, unit, period)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).sqliteStatement
        answer = try db.cachedStatement(
            sql: "INSERT INTO answers (session_id, variable, repetition, kind, value_text, value_number, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).sqliteStatement
    }

    /// Whether a session with this id is already stored.
    package func contains(_ id: String) throws -> Bool {
        defer { sqlite3_reset(exists) }
        bind(exists, 1, id)
        let code = sqlite3_step(exists)
        if code == SQLITE_ROW { return true }
        try check(code)
        return false
    }

    /// The session already stored for a unit × period of this questionnaire version, with the
    /// questionnaire's id and version.
    private func session(for key: ReportingKey) throws -> (id: String, questionnaireID: String, version: Int)? {
        defer { sqlite3_reset(keyTaken) }
        sqlite3_bind_int64(keyTaken, 1, definition.rawValue)
        bind(keyTaken, 2, key.unit)
        bind(keyTaken, 3, key.period)
        let code = sqlite3_step(keyTaken)
        if code == SQLITE_ROW {
            return (RawColumn.text(keyTaken, 0) ?? "", RawColumn.text(keyTaken, 1) ?? "", Int(sqlite3_column_int64(keyTaken, 2)))
        }
        try check(code)
        return nil
    }

    /// Stores one session with its answers; refuses an id the store already holds, and a unit ×
    /// period another session already answered for the questionnaire version.
    package func add(_ record: ResponseRecord) throws {
        if try contains(record.sessionID) {
            throw StoreError(.sessionAlreadyStored(id: record.sessionID))
        }
        if let key = record.reporting, let taken = try session(for: key) {
            throw StoreError(
                .reportingKeyAlreadyStored(
                    questionnaireID: taken.questionnaireID, version: taken.version, unit: key.unit, period: key.period, session: taken.id))
        }
        let code = record.origin == .simulated ? ResponseStore.derivedCode(record.sessionID) : Codes.random()
        let updated = (record.completedAt ?? record.startedAt).timeIntervalSince1970
        bind(session, 1, record.sessionID)
        bind(session, 2, code)
        sqlite3_bind_int64(session, 3, definition.rawValue)
        bind(session, 4, record.status.rawValue)
        bind(session, 5, record.origin.rawValue)
        sqlite3_bind_double(session, 6, record.startedAt.timeIntervalSince1970)
        if record.status == .completed {
            sqlite3_bind_double(session, 7, (record.completedAt ?? record.startedAt).timeIntervalSince1970)
        } else {
            sqlite3_bind_null(session, 7)
        }
        if let key = record.reporting {
            bind(session, 8, key.unit)
            bind(session, 9, key.period)
        } else {
            sqlite3_bind_null(session, 8)
            sqlite3_bind_null(session, 9)
        }
        try run(session)
        for (key, value) in record.answers {
            let encoded = AnswerCoding.encode(value)
            bind(answer, 1, record.sessionID)
            bind(answer, 2, key.variable)
            bind(answer, 3, key.repetition ?? "")
            bind(answer, 4, encoded.kind)
            if let text = encoded.text { bind(answer, 5, text) } else { sqlite3_bind_null(answer, 5) }
            if let number = encoded.number { sqlite3_bind_double(answer, 6, number) } else { sqlite3_bind_null(answer, 6) }
            sqlite3_bind_double(answer, 7, updated)
            try run(answer)
        }
    }

    private func run(_ statement: OpaquePointer) throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        try check(code)
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    private func bind(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
        // SQLITE_TRANSIENT: SQLite copies the bytes before the Swift buffer goes away.
        var text = text
        text.withUTF8 { buffer in
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            if let base = buffer.baseAddress {
                _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count), transient)
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, transient)
            }
        }
    }
}
