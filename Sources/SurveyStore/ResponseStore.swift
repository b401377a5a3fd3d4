import Foundation
import GRDB
import GRDBSQLite
import SurveyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

package struct DefinitionID: Sendable, Hashable {
    package var rawValue: Int64
    package init(rawValue: Int64) { self.rawValue = rawValue }
}

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

/// The SQLite file where answers are written the moment they are validated.
///
/// One writer connection (WAL, `synchronous = FULL`: a save is on disk when it returns), several
/// readers; other processes may write to the same file at the same time (busy timeout).
package final class ResponseStore: Sendable {
    let writer: any DatabaseWriter
    /// The file, nil in memory; used in messages.
    package let path: String?
    private let cache = QuestionnaireCache()

    /// How long a write waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 20

    private init(writer: any DatabaseWriter, path: String?) {
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

    // MARK: - Opening

    /// Opens (creating and migrating when missing) the store file.
    package static func open(at path: String) throws(StoreError) -> ResponseStore {
        try checkLocation(path)
        try createPrivately(path)
        try checkHeader(path)
        try inspect(path)
        var lastError: StoreError?
        // Several processes may create the same new file at once: the losers of the race to
        // migrate fail on "table already exists", then find the schema complete.
        for attempt in 0..<5 {
            do {
                let pool = try storeCall(path) { try DatabasePool(path: path, configuration: configuration) }
                try migrate(pool, path: path)
                try storeCall(path) {
                    try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                }
                return ResponseStore(writer: pool, path: path)
            } catch {
                if error.kind == .newerSchema || error.kind == .notAStore || error.kind == .readOnly || error.kind == .diskFull { throw error }
                lastError = error
                usleep(useconds_t(20_000 * (attempt + 1)))
            }
        }
        throw lastError ?? StoreError(.cannotOpen, "Impossible d'ouvrir « \(path) » : réessayez.")
    }

    /// A store in memory, for tests and dry runs.
    package static func inMemory() throws(StoreError) -> ResponseStore {
        let queue = try storeCall(nil) { try DatabaseQueue(configuration: configuration) }
        try migrate(queue, path: nil)
        return ResponseStore(writer: queue, path: nil)
    }

    private static func migrate(_ writer: any DatabaseWriter, path: String?) throws(StoreError) {
        let migrator = Schema.migrator
        do {
            try migrator.migrate(writer)
        } catch {
            let complete = (try? writer.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
            if !complete { throw StoreError.wrap(error, path: path) }
        }
        let (applicationID, userVersion, superseded) = try storeCall(path) {
            try writer.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try migrator.hasBeenSuperseded(db)
                )
            }
        }
        if applicationID != Schema.applicationID { throw StoreError.notAStore(path) }
        if superseded || userVersion > Schema.schemaVersion { throw newerSchema(path) }
    }

    static func newerSchema(_ path: String?) -> StoreError {
        StoreError(
            .newerSchema,
            "« \(path ?? "la base") » a été écrit par une version plus récente de prst : mettez prst à jour avant de l'utiliser (rien n'a été modifié).")
    }

    /// The directory must exist and be writable (SQLite creates -wal and -shm files next to the store).
    private static func checkLocation(_ path: String) throws(StoreError) {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.cannotOpen, "Le dossier « \(directory) » n'existe pas : créez-le ou indiquez un autre fichier avec --store.")
        }
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StoreError(.cannotOpen, "« \(path) » est un dossier : indiquez un fichier, par exemple \(path)/prst.sqlite.")
            }
            if access(path, R_OK | W_OK) != 0 {
                throw StoreError(
                    .readOnly, "« \(path) » n'est pas accessible en écriture : vérifiez ses droits (ls -l) ou indiquez un autre fichier avec --store.")
            }
        }
        if access(directory, W_OK) != 0 {
            throw StoreError(
                .readOnly,
                "Le dossier « \(directory) » n'est pas accessible en écriture : prst doit pouvoir y écrire le fichier de réponses et ses fichiers -wal et -shm. Choisissez un autre dossier."
            )
        }
    }

    /// Creates the file readable by its owner only, before SQLite does (the -wal and -shm files
    /// take the database file's permissions).
    private static func createPrivately(_ path: String) throws(StoreError) {
        let descriptor = Glibc_open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            switch errno {
            case EACCES, EROFS, EPERM:
                throw StoreError(.readOnly, "Impossible de créer « \(path) » : l'emplacement n'est pas accessible en écriture. Choisissez un autre dossier.")
            case ENOSPC:
                throw StoreError(.diskFull, "Le disque est plein : impossible de créer « \(path) ». Libérez de la place puis réessayez.")
            default:
                throw StoreError(.cannotOpen, "Impossible d'ouvrir « \(path) » (erreur système \(errno)) : vérifiez le chemin.")
            }
        }
        close(descriptor)
    }

    /// Refuses a non-empty file that is not SQLite before SQLite touches it.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.cannotOpen, "Impossible de lire « \(path) » : vérifiez ses droits.")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) { throw StoreError.notAStore(path) }
    }

    /// Looks at an existing SQLite file without changing it: empty (to be created), a prst store,
    /// a newer prst store, or something else.
    private static func inspect(_ path: String) throws(StoreError) {
        let (applicationID, userVersion, objects) = try storeCall(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    // GRDB creates its migrations table just before the first migration's transaction:
                    // another process may be between the two.
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM sqlite_master
                            WHERE name NOT IN ('grdb_migrations', 'sqlite_autoindex_grdb_migrations_1')
                            """) ?? 0
                )
            }
        }
        if applicationID == Schema.applicationID {
            if userVersion > Schema.schemaVersion { throw newerSchema(path) }
        } else if applicationID != 0 || objects > 0 {
            throw StoreError.notAStore(path)
        }
    }

    // MARK: - Definitions

    /// The SHA-256 of a canonical form of the snapshot: the main file, then every file sorted by
    /// path, each length-prefixed (so no two snapshots share a form).
    package static func contentHash(sources: [String: String], mainFile: String) -> String {
        var canonical = "prst-snapshot-1\n\(mainFile.utf8.count):\(mainFile)\n"
        for key in sources.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let text = sources[key] ?? ""
            canonical += "\(key.utf8.count):\(key)\(text.utf8.count):\(text)\n"
        }
        return SHA256.hex(canonical)
    }

    /// Stores the definition snapshot once per distinct content; returns its id.
    package func register(_ loaded: LoadedQuestionnaire) throws(StoreError) -> DefinitionID {
        let snapshot = try Self.snapshot(loaded)
        // Usually already stored (every run registers its definition): answer without the write lock.
        let known = try storeCall(path) {
            try writer.read { db in try DefinitionRecord.filter(DefinitionRecord.Columns.contentHash == snapshot.hash).fetchOne(db)?.id }
        }
        if let known { return DefinitionID(rawValue: known) }
        if let problem = Self.snapshotProblem(loaded, snapshot.questionnaire) { throw StoreError(.other, problem) }
        return try storeCall(path) {
            try writer.write { db in try register(loaded, snapshot, in: db) }
        }
    }

    /// Registers inside the caller's transaction (an import stores its definition and its
    /// sessions together, or nothing).
    func register(_ loaded: LoadedQuestionnaire, in db: Database) throws -> DefinitionID {
        let snapshot = try Self.snapshot(loaded)
        if let problem = Self.snapshotProblem(loaded, snapshot.questionnaire) { throw StoreError(.other, problem) }
        return try register(loaded, snapshot, in: db)
    }

    /// What a definition row holds, worked out from the loaded files.
    private struct Snapshot {
        var questionnaire: Questionnaire
        var hash: String
        var sourcesJSON: String
    }

    private static func snapshot(_ loaded: LoadedQuestionnaire) throws(StoreError) -> Snapshot {
        let questionnaire = try usable(loaded)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let sourcesJSON = String(decoding: try encoder.encode(loaded.sources), as: UTF8.self)
            return Snapshot(questionnaire: questionnaire, hash: contentHash(sources: loaded.sources, mainFile: loaded.mainFile), sourcesJSON: sourcesJSON)
        } catch {
            throw StoreError(.other, "Impossible d'enregistrer la définition de « \(questionnaire.id) » : réessayez.")
        }
    }

    private func register(_ loaded: LoadedQuestionnaire, _ snapshot: Snapshot, in db: Database) throws -> DefinitionID {
        if let id = try DefinitionRecord.filter(DefinitionRecord.Columns.contentHash == snapshot.hash).fetchOne(db)?.id {
            return DefinitionID(rawValue: id)
        }
        let questionnaire = snapshot.questionnaire
        let problems = try compatibilityProblems(db, questionnaire)
        if !problems.isEmpty { throw Self.incompatible(questionnaire, problems) }
        let record = DefinitionRecord(
            id: nil, questionnaireID: questionnaire.id, version: questionnaire.version, population: questionnaire.population,
            contentHash: snapshot.hash, mainFile: loaded.mainFile, sourcesJSON: snapshot.sourcesJSON, createdAt: Date().timeIntervalSince1970)
        try record.insert(db)
        return DefinitionID(rawValue: db.lastInsertedRowID)
    }

    /// The same check as `register` without writing: the French problems, empty when compatible.
    package func compatibilityProblems(with loaded: LoadedQuestionnaire) throws(StoreError) -> [String] {
        let questionnaire = try Self.usable(loaded)
        let hash = Self.contentHash(sources: loaded.sources, mainFile: loaded.mainFile)
        return try storeCall(path) {
            try writer.read { db in
                if try DefinitionRecord.filter(DefinitionRecord.Columns.contentHash == hash).fetchCount(db) > 0 { return [] }
                if let problem = Self.snapshotProblem(loaded, questionnaire) { return [problem] }
                return try compatibilityProblems(db, questionnaire)
            }
        }
    }

    private static func usable(_ loaded: LoadedQuestionnaire) throws(StoreError) -> Questionnaire {
        guard let questionnaire = loaded.questionnaire else {
            throw StoreError(
                .other,
                "Le questionnaire « \(loaded.mainFile) » contient des erreurs : corrigez-les (prst validate \(loaded.mainFile)) avant de recueillir des réponses."
            )
        }
        return questionnaire
    }

    /// Responses are read with the stored copy of the files: refuse a copy that does not rebuild
    /// the same questionnaire (for instance an include outside the questionnaire's folder, whose
    /// key in `sources` is an absolute path).
    static func snapshotProblem(_ loaded: LoadedQuestionnaire, _ questionnaire: Questionnaire) -> String? {
        let rebuilt = QuestionnaireLoader.load(snapshot: loaded.sources, mainFile: loaded.mainFile).questionnaire
        if let rebuilt, rebuilt.variables.map(\.id) == questionnaire.variables.map(\.id) { return nil }
        let outside = loaded.sources.keys.filter { $0.hasPrefix("/") || $0.hasPrefix("../") }.sorted()
        let cause =
            outside.isEmpty
            ? "signalez-le à l'équipe prst"
            : "placez les fichiers inclus dans le dossier du questionnaire ou un sous-dossier (hors du dossier : \(outside.joined(separator: ", ")))"
        return "prst ne sait pas relire « \(loaded.mainFile) » depuis la copie de ses fichiers gardée avec les réponses : \(cause)."
    }

    private static func incompatible(_ questionnaire: Questionnaire, _ problems: [String]) -> StoreError {
        StoreError(
            .incompatibleDefinition,
            "Le questionnaire « \(questionnaire.id) » version \(questionnaire.version) a déjà des réponses et sa structure a changé : "
                + "pour publier ces changements, indiquez « version: \(questionnaire.version + 1) » dans le fichier (ou changez « id »). "
                + "Les changements de libellés, d'aides et les ajouts facultatifs n'en demandent pas.",
            details: problems)
    }

    /// Problems against every snapshot of the same id and version that already has sessions.
    private func compatibilityProblems(_ db: Database, _ questionnaire: Questionnaire) throws -> [String] {
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT d.id FROM definitions d
                WHERE d.questionnaire_id = ? AND d.version = ? AND EXISTS (SELECT 1 FROM sessions s WHERE s.definition_id = d.id)
                ORDER BY d.id
                """, arguments: [questionnaire.id, questionnaire.version])
        var problems: [String] = []
        for id in ids {
            let old = try rebuild(db, DefinitionID(rawValue: id))
            for problem in DefinitionCompatibility.problems(from: old, to: questionnaire) where !problems.contains(problem) {
                problems.append(problem)
            }
        }
        return problems
    }

    /// The questionnaire a definition snapshot rebuilds.
    package func questionnaire(for definition: DefinitionID) throws(StoreError) -> Questionnaire {
        if let cached = cache[definition] { return cached }
        return try storeCall(path) { try writer.read { db in try rebuild(db, definition) } }
    }

    private func rebuild(_ db: Database, _ definition: DefinitionID) throws -> Questionnaire {
        if let cached = cache[definition] { return cached }
        guard let record = try DefinitionRecord.fetchOne(db, key: definition.rawValue) else {
            throw StoreError(.other, "La définition n° \(definition.rawValue) est introuvable dans « \(path ?? "la base") ».")
        }
        let unreadable = StoreError(
            .other,
            "La définition enregistrée de « \(record.questionnaireID) » version \(record.version) ne se relit plus avec cette version de prst : signalez-le à l'équipe prst."
        )
        guard let sources = try? JSONDecoder().decode([String: String].self, from: Data(record.sourcesJSON.utf8)) else { throw unreadable }
        guard let questionnaire = QuestionnaireLoader.load(snapshot: sources, mainFile: record.mainFile).questionnaire else { throw unreadable }
        cache[definition] = questionnaire
        return questionnaire
    }

    // MARK: - Sessions

    package func startSession(definition: DefinitionID, origin: SessionOrigin = .respondent, at date: Date = Date()) throws(StoreError) -> SessionInfo {
        for _ in 0..<10 {
            let record = SessionRecord(
                id: Codes.random(), resumeCode: Codes.random(), definitionID: definition.rawValue,
                status: SessionStatus.inProgress.rawValue, origin: origin.rawValue, startedAt: date.timeIntervalSince1970, completedAt: nil)
            do {
                return try writer.write { db in
                    guard try DefinitionRecord.exists(db, key: definition.rawValue) else {
                        throw StoreError(
                            .other, "La définition n° \(definition.rawValue) est introuvable : enregistrez le questionnaire avant d'ouvrir une session.")
                    }
                    try record.insert(db)
                    guard let info = try Self.sessionInfo(db, where: "s.id = ?", record.id) else {
                        throw StoreError(.other, "La session vient d'être créée mais reste introuvable : réessayez.")
                    }
                    return info
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                continue  // an id or a resume code already taken: draw again
            } catch {
                throw StoreError.wrap(error, path: path)
            }
        }
        throw StoreError(.other, "Impossible de tirer un identifiant de session libre : réessayez.")
    }

    /// The session of a resume code typed with lowercase, spaces or without the dash; nil if unknown.
    package func session(resumeCode: String) throws(StoreError) -> SessionInfo? {
        guard let code = Codes.normalizeResumeCode(resumeCode) else { return nil }
        let info = try storeCall(path) { try writer.read { db in try Self.sessionInfo(db, where: "s.resume_code = ?", code) } }
        if let info, info.status == .completed {
            throw StoreError(
                .sessionCompleted, "Ce questionnaire a déjà été terminé et envoyé : ses réponses ne peuvent plus être modifiées. Merci de votre participation.")
        }
        return info
    }

    package func session(id: String) throws(StoreError) -> SessionInfo? {
        try storeCall(path) { try writer.read { db in try Self.sessionInfo(db, where: "s.id = ?", id) } }
    }

    private static func sessionInfo(_ db: Database, where condition: String, _ argument: String) throws -> SessionInfo? {
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
        guard let status = SessionStatus(rawValue: row[6]), let origin = SessionOrigin(rawValue: row[7]) else {
            throw StoreError(.other, "La session « \(row[0] as String) » a un état inconnu : la base a peut-être été modifiée à la main.")
        }
        return SessionInfo(
            id: row[0], resumeCode: Codes.formatResumeCode(row[1]), definition: DefinitionID(rawValue: row[2]),
            questionnaireID: row[3], questionnaireVersion: row[4], population: row[5], status: status, origin: origin,
            startedAt: Date(timeIntervalSince1970: row[8]), completedAt: (row[9] as Double?).map { Date(timeIntervalSince1970: $0) })
    }

    package func complete(session id: String, at date: Date = Date()) throws(StoreError) {
        try storeCall(path) {
            try writer.write { db in
                _ = try Self.writableSession(db, id, allowCompleted: true)
                try db.execute(
                    sql: "UPDATE sessions SET status = 'completed', completed_at = ? WHERE id = ? AND status = 'in_progress'",
                    arguments: [date.timeIntervalSince1970, id])
            }
        }
    }

    /// Checks the session exists and may still change.
    private static func writableSession(_ db: Database, _ id: String, allowCompleted: Bool = false) throws -> SessionStatus {
        guard let raw = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM sessions WHERE id = ?"), arguments: [id]) else {
            throw StoreError(.unknownSession, "La session « \(id) » n'existe pas dans cette base : vérifiez le fichier de réponses utilisé (--store).")
        }
        let status = SessionStatus(rawValue: raw) ?? .inProgress
        if status == .completed && !allowCompleted {
            throw StoreError(.sessionCompleted, "La session « \(id) » est terminée : ses réponses ne peuvent plus être modifiées.")
        }
        return status
    }

    // MARK: - Answers

    package func answers(session id: String) throws(StoreError) -> [AnswerKey: AnswerValue] {
        try storeCall(path) {
            try writer.read { db in
                guard try SessionRecord.exists(db, key: id) else {
                    throw StoreError(.unknownSession, "La session « \(id) » n'existe pas dans cette base : vérifiez le fichier de réponses utilisé (--store).")
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

    // MARK: - Summaries

    package func status() throws(StoreError) -> [StatusRow] {
        try storeCall(path) {
            try writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.questionnaire_id, d.version, d.population, COUNT(*),
                               SUM(s.status = 'in_progress'), SUM(s.status = 'completed'),
                               SUM(s.origin = 'simulated'), SUM(s.origin = 'imported')
                        FROM sessions s JOIN definitions d ON d.id = s.definition_id
                        GROUP BY d.questionnaire_id, d.version, d.population
                        ORDER BY d.questionnaire_id, d.version, d.population
                        """)
                return try rows.map { row in
                    let durations = try Double.fetchAll(
                        db,
                        sql: """
                            SELECT s.completed_at - s.started_at AS duration
                            FROM sessions s JOIN definitions d ON d.id = s.definition_id
                            WHERE d.questionnaire_id = ? AND d.version = ? AND d.population = ? AND s.status = 'completed' AND s.origin <> 'imported'
                            ORDER BY duration
                            """, arguments: [row[0], row[1], row[2]])
                    return StatusRow(
                        questionnaireID: row[0], version: row[1], population: row[2], started: row[3],
                        inProgress: row[4], completed: row[5], medianCompletionSeconds: Self.median(ofSorted: durations),
                        simulated: row[6], imported: row[7])
                }
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
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sessions WHERE origin IN ('respondent', 'imported'))") ?? false
            }
        }
    }

    /// `PRAGMA integrity_check`'s verdict: ["ok"] when the file is sound.
    package func integrityCheck() throws(StoreError) -> [String] {
        try storeCall(path) { try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
    }
}

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
                        guard let status = SessionStatus(rawValue: RawColumn.text(handle, 1) ?? ""), let origin = SessionOrigin(rawValue: RawColumn.text(handle, 2) ?? "") else {
                            throw StoreError(.other, "La session « \(sessionID) » a un état inconnu : la base a peut-être été modifiée à la main.")
                        }
                        current = ResponseRecord(
                            sessionID: sessionID, questionnaireID: RawColumn.text(handle, 5) ?? "", questionnaireVersion: Int(sqlite3_column_int64(handle, 6)),
                            population: RawColumn.text(handle, 7) ?? "", status: status, origin: origin,
                            startedAt: Date(timeIntervalSince1970: sqlite3_column_double(handle, 3)),
                            completedAt: sqlite3_column_type(handle, 4) == SQLITE_NULL ? nil : Date(timeIntervalSince1970: sqlite3_column_double(handle, 4)),
                            answers: [:])
                    }
                    if sqlite3_column_type(handle, 8) != SQLITE_NULL {
                        let (key, value) = try AnswerCoding.decode(handle, offset: 8, session: current?.sessionID ?? "")
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
               a.variable, a.repetition, a.kind, a.value_text, a.value_number
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

/// How an `AnswerValue` is laid out in the `answers` table.
enum AnswerCoding {
    struct Encoded {
        var kind: String
        var text: String?
        var number: Double?
    }

    static func encode(_ value: AnswerValue) -> Encoded {
        switch value {
        case .choice(let code): return Encoded(kind: "choice", text: code)
        case .choices(let codes): return Encoded(kind: "choices", text: jsonArray(codes))
        case .number(let number): return Encoded(kind: "number", number: number)
        case .text(let text): return Encoded(kind: "text", text: text)
        case .nonSubstantive(let code): return Encoded(kind: "non_substantive", text: code)
        case .skipped: return Encoded(kind: "skipped")
        case .notAsked: return Encoded(kind: "not_asked")
        }
    }

    /// Reads variable, repetition, kind, value_text, value_number starting at `offset`.
    static func decode(_ row: Row, offset: Int, session: String) throws -> (AnswerKey, AnswerValue) {
        let variable: String = row[offset]
        let repetition: String = row[offset + 1]
        let kind: String = row[offset + 2]
        let text: String? = row[offset + 3]
        let number: Double? = row[offset + 4]
        return try decode(variable: variable, repetition: repetition, kind: kind, text: text, number: number, session: session)
    }

    /// The same from a statement being stepped through SQLite's C interface.
    static func decode(_ handle: OpaquePointer, offset: Int32, session: String) throws -> (AnswerKey, AnswerValue) {
        try decode(
            variable: RawColumn.text(handle, offset) ?? "", repetition: RawColumn.text(handle, offset + 1) ?? "", kind: RawColumn.text(handle, offset + 2) ?? "",
            text: RawColumn.text(handle, offset + 3),
            number: sqlite3_column_type(handle, offset + 4) == SQLITE_NULL ? nil : sqlite3_column_double(handle, offset + 4), session: session)
    }

    static func decode(variable: String, repetition: String, kind: String, text: String?, number: Double?, session: String) throws -> (AnswerKey, AnswerValue) {
        let key = AnswerKey(variable, repetition: repetition.isEmpty ? nil : repetition)
        var damaged: StoreError {
            StoreError(.other, "La réponse « \(key) » de la session « \(session) » est illisible : la base a peut-être été modifiée à la main.")
        }
        let value: AnswerValue
        switch kind {
        case "choice": guard let text else { throw damaged }; value = .choice(text)
        case "choices":
            guard let text, let codes = codesArray(text) ?? (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) else { throw damaged }
            value = .choices(codes)
        case "number": guard let number else { throw damaged }; value = .number(number)
        case "text": guard let text else { throw damaged }; value = .text(text)
        case "non_substantive": guard let text else { throw damaged }; value = .nonSubstantive(text)
        case "skipped": value = .skipped
        case "not_asked": value = .notAsked
        default: throw damaged
        }
        return (key, value)
    }

    /// The codes of `["a","b"]` when no code needs an escape (every code a questionnaire
    /// defines): reading a 100,000-session store decodes millions of these. Nil otherwise, for
    /// the JSON decoder to handle.
    static func codesArray(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
            guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
            var codes: [String] = []
            var index = 1
            let end = bytes.count - 1
            if index == end { return codes }
            while index < end {
                guard bytes[index] == quote else { return nil }
                var close = index + 1
                while close < end, bytes[close] != quote {
                    if bytes[close] == backslash { return nil }
                    close += 1
                }
                guard close < end else { return nil }
                codes.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self))
                index = close + 1
                if index < end {
                    guard bytes[index] == comma else { return nil }
                    index += 1
                    guard index < end else { return nil }
                }
            }
            return codes
        }
    }

    /// `["a","b"]`, as JSONEncoder writes it (slashes unescaped), without its cost per call:
    /// bulk inserts write one per multiple-choice answer.
    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
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

/// Questionnaires rebuilt from snapshots (immutable once stored, so never invalidated).
final class QuestionnaireCache: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [DefinitionID: Questionnaire] = [:]

    subscript(id: DefinitionID) -> Questionnaire? {
        get { lock.withLock { storage[id] } }
        set { lock.withLock { storage[id] = newValue } }
    }
}

/// `open(2)`, named apart from `ResponseStore.open(at:)`.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
        return Glibc.open(path, flags, mode)
    #else
        return Darwin.open(path, flags, mode)
    #endif
}
