import Foundation
import GRDB
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
            try insertAll(definition: definition) { add in
                for record in records { try add(record) }
            }
        }
    }

    /// The same, for records produced one at a time (an import of 100,000 rows): `feed` calls
    /// `add` for each record, all inside ONE transaction that rolls back if `feed` throws.
    package func insertAll(definition: DefinitionID, _ feed: (_ add: (ResponseRecord) throws -> Void) throws -> Void) throws {
        do {
            try writer.write { db in
                guard try DefinitionRecord.exists(db, key: definition.rawValue) else {
                    throw StoreError(.other, "La définition n° \(definition.rawValue) est introuvable : enregistrez le questionnaire d'abord.")
                }
                let existing = try db.cachedStatement(sql: "SELECT 1 FROM sessions WHERE id = ?")
                let session = try db.cachedStatement(
                    sql: "INSERT INTO sessions (id, resume_code, definition_id, status, origin, started_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                let answer = try db.cachedStatement(
                    sql: "INSERT INTO answers (session_id, variable, repetition, kind, value_text, value_number, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                try feed { record in
                    if try Bool.fetchOne(existing, arguments: [record.sessionID]) == true {
                        throw StoreError(.conflict, "La session « \(record.sessionID) » est déjà dans cette base : rien n'a été ajouté (ces réponses ont-elles déjà été importées ?).")
                    }
                    let code = record.origin == .simulated ? Self.derivedCode(record.sessionID) : Codes.random()
                    let updated = (record.completedAt ?? record.startedAt).timeIntervalSince1970
                    try session.execute(arguments: [
                        record.sessionID, code, definition.rawValue, record.status.rawValue, record.origin.rawValue,
                        record.startedAt.timeIntervalSince1970, record.status == .completed ? (record.completedAt ?? record.startedAt).timeIntervalSince1970 : nil,
                    ])
                    for (key, value) in record.answers.sorted(by: { $0.key < $1.key }) {
                        let encoded = AnswerCoding.encode(value)
                        try answer.execute(arguments: [record.sessionID, key.variable, key.repetition ?? "", encoded.kind, encoded.text, encoded.number, updated])
                    }
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.wrap(error, path: path)
        }
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

    /// A resume code that depends only on the session id (for simulated sessions).
    static func derivedCode(_ id: String) -> String {
        let digest = SHA256.digest(Array("prst-simulated:\(id)".utf8))
        return String(digest.prefix(Codes.length).map { Codes.alphabet[Int($0) % Codes.alphabet.count] })
    }
}
