import Foundation
import GRDB
import SurveyCore

extension ResponseStore {
    // MARK: - Answers

    package func answers(session id: String) throws(StoreError) -> [AnswerKey: AnswerValue] {
        try storeCall(path) {
            try writer.read { db in
                guard try SessionRecord.exists(db, key: id) else {
                    throw StoreError(.unknownSession(id: id))
                }
                var answers: [AnswerKey: AnswerValue] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT variable, repetition, kind, value_text, value_number FROM answers WHERE session_id = ?", arguments: [id])
                while let row = try rows.next() {
                    let (key, value) = try AnswerCoding.decode(row, offset: 0, session: id)
                    answers[key] = value
                }
                return answers
            }
        }
    }

    /// One answer in its own committed transaction (on disk before returning). Upserts per
    /// (session, variable, repetition).
    package func save(_ value: AnswerValue, for key: AnswerKey, session id: String, at date: Date = Date()) throws(StoreError) {
        try save([(key, value)], session: id, at: date)
    }

    /// Several answers in one transaction (an answer and the not-asked marks it causes).
    package func save(_ answers: [(AnswerKey, AnswerValue)], session id: String, at date: Date = Date()) throws(StoreError) {
        let encoded = answers.map { ($0.0, AnswerCoding.encode($0.1)) }
        try storeCall(path) {
            try writer.write { db in
                _ = try Self.writableSession(db, id)
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO answers (session_id, variable, repetition, kind, value_text, value_number, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, variable, repetition) DO UPDATE SET
                            kind = excluded.kind, value_text = excluded.value_text,
                            value_number = excluded.value_number, updated_at = excluded.updated_at
                        """)
                for (key, value) in encoded {
                    try statement.execute(arguments: [id, key.variable, key.repetition ?? "", value.kind, value.text, value.number, date.timeIntervalSince1970])
                }
            }
        }
    }
}
