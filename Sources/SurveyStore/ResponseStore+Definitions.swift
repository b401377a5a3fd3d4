import Foundation
import GRDB
import SurveyCore

extension ResponseStore {
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
        if let problem = Self.snapshotProblem(loaded, snapshot.questionnaire) { throw StoreError(problem) }
        return try storeCall(path) {
            try writer.write { db in try register(loaded, snapshot, in: db) }
        }
    }

    /// Registers inside the caller's transaction (an import stores its definition and its
    /// sessions together, or nothing).
    func register(_ loaded: LoadedQuestionnaire, in db: Database) throws -> DefinitionID {
        let snapshot = try Self.snapshot(loaded)
        if let problem = Self.snapshotProblem(loaded, snapshot.questionnaire) { throw StoreError(problem) }
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
            throw StoreError(.definitionNotSaved(questionnaireID: questionnaire.id))
        }
    }

    private func register(_ loaded: LoadedQuestionnaire, _ snapshot: Snapshot, in db: Database) throws -> DefinitionID {
        if let id = try DefinitionRecord.filter(DefinitionRecord.Columns.contentHash == snapshot.hash).fetchOne(db)?.id {
            return DefinitionID(rawValue: id)
        }
        let questionnaire = snapshot.questionnaire
        let changes = try incompatibleChanges(db, questionnaire)
        if !changes.isEmpty {
            throw StoreError(.incompatibleDefinition(questionnaireID: questionnaire.id, version: questionnaire.version, changes: changes))
        }
        let record = DefinitionRecord(
            id: nil, questionnaireID: questionnaire.id, version: questionnaire.version, population: questionnaire.population,
            contentHash: snapshot.hash, mainFile: loaded.mainFile, sourcesJSON: snapshot.sourcesJSON, createdAt: Date().timeIntervalSince1970)
        try record.insert(db)
        return DefinitionID(rawValue: db.lastInsertedRowID)
    }

    /// The same check as `register` without writing, empty when compatible: the structural
    /// changes (`.incompatibleChange`), or why the stored copy of the files would not rebuild
    /// the questionnaire.
    package func compatibilityProblems(with loaded: LoadedQuestionnaire) throws(StoreError) -> [StoreProblem] {
        let questionnaire = try Self.usable(loaded)
        let hash = Self.contentHash(sources: loaded.sources, mainFile: loaded.mainFile)
        return try storeCall(path) {
            try writer.read { db in
                if try DefinitionRecord.filter(DefinitionRecord.Columns.contentHash == hash).fetchCount(db) > 0 { return [] }
                if let problem = Self.snapshotProblem(loaded, questionnaire) { return [problem] }
                return try incompatibleChanges(db, questionnaire).map { StoreProblem.incompatibleChange($0) }
            }
        }
    }

    private static func usable(_ loaded: LoadedQuestionnaire) throws(StoreError) -> Questionnaire {
        guard let questionnaire = loaded.questionnaire else {
            throw StoreError(.definitionHasErrors(mainFile: loaded.mainFile))
        }
        return questionnaire
    }

    /// Responses are read with the stored copy of the files: refuse a copy that does not rebuild
    /// the same questionnaire (for instance an include outside the questionnaire's folder, whose
    /// key in `sources` is an absolute path).
    static func snapshotProblem(_ loaded: LoadedQuestionnaire, _ questionnaire: Questionnaire) -> StoreProblem? {
        let rebuilt = QuestionnaireLoader.load(snapshot: loaded.sources, mainFile: loaded.mainFile).questionnaire
        if let rebuilt, rebuilt.variables.map(\.id) == questionnaire.variables.map(\.id) { return nil }
        let outside = loaded.sources.keys.filter { $0.hasPrefix("/") || $0.hasPrefix("../") }.sorted()
        return .snapshotNotRebuilt(mainFile: loaded.mainFile, outsideFiles: outside)
    }

    /// Changes against every snapshot of the same id and version that already has sessions.
    private func incompatibleChanges(_ db: Database, _ questionnaire: Questionnaire) throws -> [DefinitionChange] {
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT d.id FROM definitions d
                WHERE d.questionnaire_id = ? AND d.version = ? AND EXISTS (SELECT 1 FROM sessions s WHERE s.definition_id = d.id)
                ORDER BY d.id
                """, arguments: [questionnaire.id, questionnaire.version])
        var changes: [DefinitionChange] = []
        for id in ids {
            let old = try rebuild(db, DefinitionID(rawValue: id))
            for change in DefinitionCompatibility.changes(from: old, to: questionnaire) where !changes.contains(change) {
                changes.append(change)
            }
        }
        return changes
    }

    /// The questionnaire a definition snapshot rebuilds.
    package func questionnaire(for definition: DefinitionID) throws(StoreError) -> Questionnaire {
        if let cached = cache[definition] { return cached }
        return try storeCall(path) { try writer.read { db in try rebuild(db, definition) } }
    }

    private func rebuild(_ db: Database, _ definition: DefinitionID) throws -> Questionnaire {
        if let cached = cache[definition] { return cached }
        guard let record = try DefinitionRecord.fetchOne(db, key: definition.rawValue) else {
            throw StoreError(.definitionNotFound(id: definition.rawValue, path: path))
        }
        let unreadable = StoreError(.definitionUnreadable(questionnaireID: record.questionnaireID, version: record.version))
        guard let sources = try? JSONDecoder().decode([String: String].self, from: Data(record.sourcesJSON.utf8)) else { throw unreadable }
        guard let questionnaire = QuestionnaireLoader.load(snapshot: sources, mainFile: record.mainFile).questionnaire else { throw unreadable }
        cache[definition] = questionnaire
        return questionnaire
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
