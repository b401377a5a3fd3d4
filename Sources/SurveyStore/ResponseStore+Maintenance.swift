import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    // MARK: - Permissions

    /// A French warning when the store or its -wal/-shm files can be read by other users than
    /// their owner (answers are confidential), nil otherwise or in memory.
    package func permissionWarning() -> String? {
        guard let path else { return nil }
        return Self.permissionWarning(path: path)
    }

    package static func permissionWarning(path: String) -> String? {
        var wide: [(String, Int)] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let mode = Int(info.st_mode) & 0o777
            if mode & 0o077 != 0 { wide.append((file, mode)) }
        }
        guard !wide.isEmpty else { return nil }
        let listed = wide.map { "« \($0.0) » (droits \(String($0.1, radix: 8)))" }.joined(separator: ", ")
        let quoted = wide.map { "'\($0.0)'" }.joined(separator: " ")
        return "Attention : \(listed) \(wide.count > 1 ? "sont lisibles" : "est lisible") par d'autres utilisateurs que vous, "
            + "alors que les réponses sont confidentielles. Rendez \(wide.count > 1 ? "ces fichiers privés" : "ce fichier privé") : chmod 600 \(quoted)"
    }

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
                throw StoreError(
                    .unknownSession,
                    "Aucune session « \(trimmed) » dans « \(path ?? "la base") » : vérifiez le numéro de reçu donné par le répondant (8 caractères) et le fichier de réponses (--store). Rien n'a été supprimé."
                )
            }
        }
    }

    /// What `purge` would delete: in-progress sessions started before `cutoff`.
    package func purgePlan(incompleteStartedBefore cutoff: Date) throws(StoreError) -> PurgePlan {
        try storeCall(path) {
            try writer.read { db in
                try Self.plan(
                    db, .incomplete(before: cutoff), where: "s.status = 'in_progress' AND s.started_at < ?", [cutoff.timeIntervalSince1970])
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
        return PurgePlan(
            criterion: criterion, sessionIDs: rows.map { $0[0] }, completedCount: rows.filter { ($0[1] as String) == "completed" }.count,
            inProgressCount: rows.filter { ($0[1] as String) == "in_progress" }.count, answerCount: rows.reduce(0) { $0 + ($1[2] as Int) },
            tokensFreed: rows.reduce(0) { $0 + ($1[3] as Int) })
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
                    switch plan.criterion {
                    case .session:
                        delete = try db.makeStatement(sql: "DELETE FROM sessions WHERE id = ?")
                    case .incomplete(let cutoff):
                        delete = try db.makeStatement(
                            sql: "DELETE FROM sessions WHERE id = ? AND status = 'in_progress' AND started_at < \(cutoff.timeIntervalSince1970)")
                    }
                    for id in plan.sessionIDs {
                        // Answers go with their session (ON DELETE CASCADE); a token of an
                        // unfinished session becomes unused again (trigger of migration v2).
                        try delete.execute(arguments: [id])
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

    // MARK: - Backup

    /// A consistent copy of the store (SQLite online backup, one step inside a read
    /// transaction: answers saved meanwhile are in the copy entirely or not at all), checked
    /// with `integrity_check`, readable by its owner only, in a single file (rollback journal).
    /// Refuses an existing destination unless `replacing`; written under a temporary name then
    /// renamed, so an interrupted backup never leaves a half file under the chosen name.
    package func backup(to destination: String, replacing: Bool = false) throws(StoreError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StoreError(.cannotOpen, "« \(destination) » est un dossier : indiquez un nom de fichier, par exemple \(destination)/sauvegarde.sqlite.")
            }
            if !replacing {
                throw StoreError(
                    .other, "« \(destination) » existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer. Rien n'a été écrit.")
            }
        }
        if let path, Self.sameFile(path, destination) {
            throw StoreError(.other, "La sauvegarde ne peut pas remplacer le fichier de réponses lui-même : choisissez un autre nom.")
        }
        let directory = (destination as NSString).deletingLastPathComponent.isEmpty ? "." : (destination as NSString).deletingLastPathComponent
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.cannotOpen, "Le dossier « \(directory) » n'existe pas : créez-le ou choisissez un autre emplacement pour la sauvegarde.")
        }
        let temporary = directory + "/." + (destination as NSString).lastPathComponent + ".tmp-" + UUID().uuidString
        let descriptor = openPrivately(temporary)
        guard descriptor >= 0 else {
            throw StoreError(.readOnly, "Impossible d'écrire dans le dossier « \(directory) » : vérifiez ses droits ou choisissez un autre emplacement.")
        }
        close(descriptor)
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) }
        }
        try storeCall(path) {
            let copy = try DatabaseQueue(path: temporary, configuration: Self.configuration)
            try writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            let verdict = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try copy.close()
            guard verdict == ["ok"] else {
                throw StoreError(
                    .other, "La copie de sauvegarde n'a pas passé la vérification d'intégrité : réessayez ; si cela se reproduit, signalez-le à l'équipe prst.")
            }
        }
        _ = chmod(temporary, 0o600)
        if rename(temporary, destination) != 0 {
            throw StoreError(.other, "Impossible de nommer la sauvegarde « \(destination) » (erreur système \(errno)) : vérifiez le dossier puis réessayez.")
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

/// Creates a new file readable by its owner only; fails if it exists.
func openPrivately(_ path: String) -> Int32 {
    #if canImport(Glibc)
        return Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    #else
        return Darwin.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    #endif
}
