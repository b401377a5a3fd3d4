import Foundation
import GRDB
import SurveyCore

/// What a purge will delete: session ids and counts, never an answer value.
package struct PurgePlan: Sendable, Hashable {
    package enum Criterion: Sendable, Hashable {
        case session(String)
        /// In-progress sessions started before this date.
        case incomplete(before: Date)
    }

    package var criterion: Criterion
    /// Sorted.
    package var sessionIDs: [String]
    package var completedCount: Int
    package var inProgressCount: Int
    package var answerCount: Int
    /// Invitation tokens made unused again (their unfinished session is deleted).
    package var tokensFreed: Int
}

extension ResponseStore {
    // MARK: - Purge

    /// What `purge` would delete for one session (an erasure request): throws `.unknownSession`.
    /// The id is accepted in lowercase or with spaces.
    package func purgePlan(session typed: String) throws(StoreError) -> PurgePlan {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        let candidates = [trimmed, Codes.normalizeResumeCode(trimmed)].compactMap { $0 }
        return try storeCall(path) {
            try writer.read { db in
                for candidate in candidates {
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)", arguments: [candidate]) == true {
                        return try Self.plan(db, .session(candidate), where: "s.id = ?", [candidate])
                    }
                }
                throw StoreError(.noSessionToPurge(typed: trimmed, path: path))
            }
        }
    }

    /// What `purge` would delete: in-progress sessions started before `cutoff`.
    package func purgePlan(incompleteStartedBefore cutoff: Date) throws(StoreError) -> PurgePlan {
        try storeCall(path) {
            try writer.read { db in
                try Self.plan(
                    db, .incomplete(before: cutoff), where: "s.status = ? AND s.started_at < ?", [SessionStatus.inProgress, cutoff.timeIntervalSince1970])
            }
        }
    }

    private static func plan(_ db: Database, _ criterion: PurgePlan.Criterion, where condition: String, _ arguments: StatementArguments) throws
        -> PurgePlan
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.status, (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id),
                       (SELECT COUNT(*) FROM tokens t WHERE t.session_id = s.id)
                FROM sessions s WHERE \(condition) ORDER BY s.id
                """, arguments: arguments)
        var plan = PurgePlan(criterion: criterion, sessionIDs: [], completedCount: 0, inProgressCount: 0, answerCount: 0, tokensFreed: 0)
        for row in rows {
            let id: String = row[0]
            plan.sessionIDs.append(id)
            switch try row.state(SessionStatus.self, at: 1, of: .session(id)) {
            case .completed: plan.completedCount += 1
            case .inProgress: plan.inProgressCount += 1
            }
            plan.answerCount += row[2] as Int
            plan.tokensFreed += row[3] as Int
        }
        return plan
    }

    /// Deletes the planned sessions and their answers in one transaction, with
    /// `PRAGMA secure_delete` on (freed bytes are overwritten with zeros), then rebuilds the file
    /// (`VACUUM`: no stale copy of an earlier version of an answer stays in free space) and
    /// empties the WAL (`wal_checkpoint(TRUNCATE)`). Sessions that no longer match the criterion
    /// (completed meanwhile) are left alone. Returns the ids actually deleted.
    @discardableResult
    package func purge(_ plan: PurgePlan) throws(StoreError) -> [String] {
        guard !plan.sessionIDs.isEmpty else { return [] }
        let deleted: [String] = try storeCall(path) {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
                var deleted: [String] = []
                try db.inTransaction {
                    let delete: Statement
                    let condition: StatementArguments
                    switch plan.criterion {
                    case .session:
                        delete = try db.makeStatement(sql: "DELETE FROM sessions WHERE id = ?")
                        condition = []
                    case .incomplete(let cutoff):
                        delete = try db.makeStatement(sql: "DELETE FROM sessions WHERE id = ? AND status = ? AND started_at < ?")
                        condition = [SessionStatus.inProgress, cutoff.timeIntervalSince1970]
                    }
                    for id in plan.sessionIDs {
                        // Answers go with their session (ON DELETE CASCADE); a token of an
                        // unfinished session becomes unused again (trigger of migration v2).
                        try delete.execute(arguments: [id] + condition)
                        if db.changesCount > 0 { deleted.append(id) }
                    }
                    return .commit
                }
                try db.execute(sql: "VACUUM")
                return deleted
            }
        }
        try checkpoint()
        return deleted
    }

    /// Copies the WAL into the file and empties it (waits for readers up to the busy timeout).
    package func checkpoint() throws(StoreError) {
        guard path != nil else { return }
        try storeCall(path) {
            try writer.writeWithoutTransaction { db in
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }
}
