import Foundation
import SurveyCore
import SurveyExchange
import SurveyStore

/// `prst import`: responses gathered elsewhere (paper, another tool), from a wide CSV, checked
/// like answers given in `prst run`; all or nothing.
package enum ImportWorkflow {
    /// Far above a real campaign (100,000 responses of the PRST questionnaires weigh about 40 MB).
    package static let maximumBytes = 500 * 1024 * 1024
    package static let maximumPrinted = 1_000

    package enum Outcome: Sendable {
        /// `--dry-run`: every row is valid; nothing was stored.
        case checked(ImportSummary)
        case imported(ImportSummary)
        /// The file holds no response (a template): nothing was stored.
        case empty
    }

    package static func run(
        questionnaire questionnairePath: String, file: String, storePath path: String, dryRun: Bool, now: WorkflowClock = SystemClock.now,
        newSessionID: () -> String = Codes.random, output: WorkflowOutput
    ) throws -> Outcome {
        let usable = try DefinitionFiles.questionnaire(questionnairePath)
        let definition = usable.questionnaire, loaded = usable.loaded
        let data = try read(file)
        let existing: ResponseStore? = FileManager.default.fileExists(atPath: path) ? try ExistingStore.open(path, output: output) : nil
        if let existing {
            let problems: [StoreProblem]
            do { problems = try existing.compatibilityProblems(with: loaded) } catch { throw Refusal(error, language: definition.language) }
            if !problems.isEmpty {
                throw Refusal(.questionnaireChangedSinceStored(store: path, problems: problems), language: definition.language)
            }
        }

        let importer = WideImporter(questionnaire: definition)
        if dryRun {
            var summary = try importer.read(data: data, file: file, now: now(), newSessionID: newSessionID)
            if let existing, !summary.sessionRows.isEmpty {
                do {
                    for id in try existing.existingSessionIDs(summary.sessionRows.keys) {
                        summary.issues.append(.error(SourceLocation(file: file, line: summary.sessionRows[id] ?? 0), alreadyStored(id, path)))
                    }
                    summary.issues.sort()
                } catch {
                    throw Refusal(error, language: definition.language)
                }
            }
            try refuseIssues(summary, file: file, language: definition.language)
            output.out(.importChecked(counts(summary), file: file))
            return .checked(summary)
        }

        // One pass: every row checked, and stored in the same transaction as long as none has
        // failed; any issue rolls everything back, the definition included.
        let created = existing == nil
        var summary = ImportSummary()
        do {
            let target = try existing ?? ResponseStore.open(at: path)
            try target.importSessions(loaded) { writer in
                summary = try importer.read(data: data, file: file, now: now(), newSessionID: newSessionID) { record, clean in
                    if clean {
                        do { try writer.add(record) } catch let error as StoreError where error.kind == .conflict {
                            // A unit × period answered by another session (monitoring questionnaires).
                            if case .reportingKeyAlreadyStored(_, _, let unit, let period, let session) = error.problem {
                                return .reportingKeyAlreadyStored(unit: unit, period: period, session: session, store: path)
                            }
                            return alreadyStored(record.sessionID, path)
                        }
                    } else if try writer.contains(record.sessionID) {
                        return alreadyStored(record.sessionID, path)
                    }
                    return nil
                }
                summary.issues.sort()
                if !summary.issues.isEmpty || summary.valid == 0 { throw RolledBack() }
            }
        } catch is RolledBack {
            if created { removeStore(path) }
            try refuseIssues(summary, file: file, language: definition.language)
            output.out(.importEmpty(file: file))
            return .empty
        } catch let error as StoreError {
            if created { removeStore(path) }
            throw Refusal(problems: [.store(error.problem), .command(.nothingImported)], language: definition.language)
        }
        output.out(.imported(counts(summary), store: path))
        return .imported(summary)
    }

    /// Thrown inside the import's transaction so that nothing of it is kept.
    private struct RolledBack: Error {}

    /// Refuses when there are issues, listing them (the first ones: a shifted column can make
    /// every row wrong, and the first errors show the cause).
    private static func refuseIssues(_ summary: ImportSummary, file: String, language: Language) throws(Refusal) {
        guard !summary.issues.isEmpty else { return }
        var problems: [Problem] = []
        if summary.issues.count > maximumPrinted {
            problems.append(.command(.moreImportErrorsNotShown(count: summary.issues.count - maximumPrinted)))
        }
        problems.append(.command(.importHasErrors(count: summary.issues.count, file: file)))
        throw Refusal(problems: problems, listed: Array(summary.issues.prefix(maximumPrinted)), language: language)
    }

    static func counts(_ summary: ImportSummary) -> CommandOutcome.ResponseCounts {
        CommandOutcome.ResponseCounts(valid: summary.valid, completed: summary.completed, inProgress: summary.inProgress)
    }

    static func alreadyStored(_ id: String, _ path: String) -> ImportProblem {
        .sessionAlreadyStored(id, store: path)
    }

    /// A store this import created and that holds nothing: the file and its WAL companions go.
    static func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func read(_ file: String) throws(Refusal) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Refusal(.fileMissing(path: file))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw Refusal(.fileTooLarge(path: file, megabytes: size / 1_048_576, limitMegabytes: maximumBytes / 1_048_576))
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Refusal(.fileUnreadable(path: file))
        }
        return data
    }
}
