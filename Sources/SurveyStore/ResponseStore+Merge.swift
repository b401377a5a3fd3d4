import Foundation
import GRDB
import SurveyCore

/// What `merge` did (or found already there).
package struct MergeReport: Sendable, Hashable {
    package var definitionsAdded = 0
    package var definitionsKnown = 0
    package var sessionsAdded = 0
    /// Same id, same content: already merged.
    package var sessionsSkipped = 0
    package var answersAdded = 0
    package var tokensAdded = 0
    package var tokensUpdated = 0
    package var tokensSkipped = 0
    /// What does not stop the merge (a token used on two machines…).
    package var warnings: [StoreProblem] = []

    /// The warnings in French, as `prst merge` prints them.
    package var notes: [String] { warnings.map { Problem.store($0).message(in: .fr) } }
}

extension ResponseStore {
    /// Adds the definitions, sessions (with their answers) and tokens of other stores of the
    /// same campaign, all in ONE transaction: either everything is merged or nothing changes.
    ///
    /// - Definitions are matched by content hash; a new snapshot of a questionnaire id and
    ///   version already answered here must be compatible (`DefinitionCompatibility`), or the
    ///   merge is refused with the structural changes.
    /// - Sessions are matched by id: same id with the same content (status, times, origin,
    ///   definition, answers) is skipped and counted; same id with other content is refused.
    /// - Tokens are matched by hash; the most advanced state wins (`TokenState`'s order:
    ///   unused < in progress < completed < revoked).
    package func merge(from sources: [ResponseStore]) throws(StoreError) -> MergeReport {
        var report = MergeReport()
        try storeCall(path) {
            try writer.write { db in
                for source in sources {
                    if let mine = path, let theirs = source.path, Self.sameFile(mine, theirs) {
                        throw StoreError(.mergeIntoItself(path: theirs))
                    }
                    try source.writer.read { from in
                        let definitions = try mergeDefinitions(from, into: db, source: source, report: &report)
                        try mergeSessions(from, into: db, definitions: definitions, source: source, report: &report)
                        try mergeTokens(from, into: db, report: &report)
                    }
                }
            }
        }
        return report
    }

    /// Source definition id → destination definition id.
    private func mergeDefinitions(_ from: Database, into db: Database, source: ResponseStore, report: inout MergeReport) throws -> [Int64: Int64] {
        var mapping: [Int64: Int64] = [:]
        for record in try DefinitionRecord.order(DefinitionRecord.Columns.id).fetchAll(from) {
            guard let sourceID = record.id else { continue }
            if let known = try DefinitionRecord.filter(DefinitionRecord.Columns.contentHash == record.contentHash).fetchOne(db)?.id {
                mapping[sourceID] = known
                report.definitionsKnown += 1
                continue
            }
            let incoming = try Self.rebuildSnapshot(record, file: source.path)
            let answered = try DefinitionRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM definitions d
                    WHERE d.questionnaire_id = ? AND d.version = ? AND EXISTS (SELECT 1 FROM sessions s WHERE s.definition_id = d.id)
                    ORDER BY d.id
                    """, arguments: [record.questionnaireID, record.version])
            var changes: [DefinitionChange] = []
            for existing in answered {
                let old = try Self.rebuildSnapshot(existing, file: path)
                for change in DefinitionCompatibility.changes(from: old, to: incoming) where !changes.contains(change) {
                    changes.append(change)
                }
            }
            if !changes.isEmpty {
                throw StoreError(
                    .mergeIncompatibleDefinition(source: source.path, questionnaireID: record.questionnaireID, version: record.version, changes: changes))
            }
            var copy = record
            copy.id = nil
            try copy.insert(db)
            mapping[sourceID] = db.lastInsertedRowID
            report.definitionsAdded += 1
        }
        return mapping
    }

    private static func rebuildSnapshot(_ record: DefinitionRecord, file: String?) throws -> Questionnaire {
        guard let sources = try? JSONDecoder().decode([String: String].self, from: Data(record.sourcesJSON.utf8)),
            let questionnaire = QuestionnaireLoader.load(snapshot: sources, mainFile: record.mainFile).questionnaire
        else {
            throw StoreError(.mergeDefinitionUnreadable(questionnaireID: record.questionnaireID, version: record.version, path: file))
        }
        return questionnaire
    }

    private struct AnswerRow: Hashable {
        var variable: String
        var repetition: String
        var kind: String
        var text: String?
        var number: Double?
        var updatedAt: Double
    }

    private static func answerRows(_ db: Database, _ session: String) throws -> [AnswerRow] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT variable, repetition, kind, value_text, value_number, updated_at FROM answers WHERE session_id = ? ORDER BY variable, repetition"),
            arguments: [session]
        ).map { AnswerRow(variable: $0[0], repetition: $0[1], kind: $0[2], text: $0[3], number: $0[4], updatedAt: $0[5]) }
    }

    private func mergeSessions(_ from: Database, into db: Database, definitions: [Int64: Int64], source: ResponseStore, report: inout MergeReport) throws {
        let existing = try db.cachedStatement(sql: "SELECT definition_id, status, origin, started_at, completed_at, unit, period FROM sessions WHERE id = ?")
        let codeTaken = try db.cachedStatement(sql: "SELECT 1 FROM sessions WHERE resume_code = ?")
        let keyTaken = try db.cachedStatement(
            sql: """
                SELECT n.questionnaire_id FROM sessions s
                JOIN definitions d ON d.id = s.definition_id
                JOIN definitions n ON n.id = ?
                WHERE s.unit = ? AND s.period = ? AND d.questionnaire_id = n.questionnaire_id AND d.version = n.version
                """)
        var reportingConflicts: [String] = []
        let insertAnswer = try db.cachedStatement(
            sql: "INSERT INTO answers (session_id, variable, repetition, kind, value_text, value_number, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        var conflicts: [String] = []
        let sessions = try SessionRecord.order(SessionRecord.Columns.id).fetchCursor(from)
        while let session = try sessions.next() {
            guard let definition = definitions[session.definitionID] else {
                throw StoreError(.mergeSessionWithoutDefinition(session: session.id, source: source.path))
            }
            if let row = try Row.fetchOne(existing, arguments: [session.id]) {
                let storedStatus = try row.state(SessionStatus.self, at: 1, of: .session(session.id))
                let storedOrigin = try row.state(SessionOrigin.self, at: 2, of: .session(session.id))
                let sameSession =
                    (row[0] as Int64) == definition && storedStatus == session.status && storedOrigin == session.origin
                    && (row[3] as Double) == session.startedAt && (row[4] as Double?) == session.completedAt
                    && (row[5] as String?) == session.unit && (row[6] as String?) == session.period
                let same = try sameSession && Self.answerRows(db, session.id) == Self.answerRows(from, session.id)
                if same {
                    report.sessionsSkipped += 1
                } else {
                    conflicts.append(session.id)
                }
                continue
            }
            if let key = session.reporting, let questionnaireID = try String.fetchOne(keyTaken, arguments: [definition, key.unit, key.period]) {
                reportingConflicts.append("\(key.unit) × \(key.period) (\(questionnaireID))")
                continue
            }
            var copy = session
            copy.definitionID = definition
            // A resume code is unique per store: draw another in the (improbable) case of a clash.
            while try Bool.fetchOne(codeTaken, arguments: [copy.resumeCode]) == true { copy.resumeCode = Codes.random() }
            try copy.insert(db)
            for answer in try Self.answerRows(from, session.id) {
                try insertAnswer.execute(arguments: [session.id, answer.variable, answer.repetition, answer.kind, answer.text, answer.number, answer.updatedAt])
                report.answersAdded += 1
            }
            report.sessionsAdded += 1
        }
        if !reportingConflicts.isEmpty {
            throw StoreError(
                .mergeReportingConflicts(count: reportingConflicts.count, shown: Array(reportingConflicts.prefix(10)), source: source.path, target: path))
        }
        if !conflicts.isEmpty {
            throw StoreError(.mergeConflicts(count: conflicts.count, shown: Array(conflicts.prefix(10)), source: source.path, target: path))
        }
    }

    private func mergeTokens(_ from: Database, into db: Database, report: inout MergeReport) throws {
        let rows = try Row.fetchCursor(
            from, sql: "SELECT token_hash, prefix, questionnaire_id, version, state, session_id, created_at FROM tokens ORDER BY token_hash")
        let existing = try db.cachedStatement(sql: "SELECT state, session_id, questionnaire_id FROM tokens WHERE token_hash = ?")
        while let row = try rows.next() {
            let hash: String = row[0]
            let prefix: String = row[1]
            let state = try row.state(TokenState.self, at: 4, of: .token(prefix: prefix))
            let sessionID: String? = row[5]
            guard let mine = try Row.fetchOne(existing, arguments: [hash]) else {
                try db.execute(
                    sql: "INSERT INTO tokens (token_hash, prefix, questionnaire_id, version, state, session_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [hash, row[1], row[2], row[3], state, sessionID, row[6]])
                report.tokensAdded += 1
                continue
            }
            let myState = try mine.state(TokenState.self, at: 0, of: .token(prefix: prefix))
            let mySession: String? = mine[1]
            if myState == state && mySession == sessionID {
                report.tokensSkipped += 1
                continue
            }
            if myState == .inProgress && state == .inProgress {
                report.warnings.append(.tokenUsedOnTwoStations(prefix: prefix))
            }
            if state > myState {
                try db.execute(
                    sql: "UPDATE tokens SET state = ?, session_id = ? WHERE token_hash = ?",
                    arguments: [state, state == .inProgress ? sessionID : nil, hash])
                report.tokensUpdated += 1
            } else {
                report.tokensSkipped += 1
            }
        }
    }
}
