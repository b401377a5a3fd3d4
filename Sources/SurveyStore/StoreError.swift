import Foundation
import GRDB
import SurveyCore

/// A store failure: a typed `StoreProblem` (paths, ids, counts; never an answer value), told in
/// the words of `Wording/` (French by default, with what to do). SQLite's own text is only kept
/// for unexpected errors, and GRDB never puts statement arguments in it.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The coarse families callers branch on.
    package enum Kind: Sendable {
        case notAStore, newerSchema, cannotOpen, readOnly, diskFull, unknownResumeCode, sessionCompleted, incompatibleDefinition, unknownSession, other
        case invalidToken, unknownToken, revokedToken, tokenAlreadyUsed, tokenOfAnotherQuestionnaire, conflict
    }

    package var problem: StoreProblem

    package init(_ problem: StoreProblem) {
        self.problem = problem
    }

    package var kind: Kind { Self.kind(of: problem) }

    /// The sentence in `language`, saying what to do.
    package func message(in language: Language) -> String { Problem.store(problem).message(in: language) }

    /// French, the default language.
    package var message: String { message(in: .fr) }

    /// Lines told under the message: the structural changes of an incompatible definition, or
    /// SQLite's own text of an unexpected error.
    package func details(in language: Language) -> [String] { problem.details(in: language) }

    package var details: [String] { details(in: .fr) }

    package func description(in language: Language) -> String {
        ([message(in: language)] + details(in: language).map { "  - \($0)" }).joined(separator: "\n")
    }

    package var description: String { description(in: .fr) }

    /// Turns whatever a GRDB call threw into a store error, naming the file when it is known.
    static func wrap(_ error: any Error, path: String?) -> StoreError {
        if let error = error as? StoreError { return error }
        // A record (SessionRecord…) met a column value no version of prst writes.
        if error is RowDecodingError { return StoreError(.unrecognizedValue(path: path)) }
        guard let error = error as? DatabaseError else { return StoreError(.unexpectedFailure(path: path)) }
        switch error.resultCode {
        case .SQLITE_NOTADB: return StoreError(.notAStore(path: path))
        case .SQLITE_FULL: return StoreError(.diskFull(path: path))
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError(.readOnly(path: path))
        case .SQLITE_CANTOPEN: return StoreError(.cannotOpen(path: path))
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(.busy(path: path))
        case .SQLITE_CORRUPT: return StoreError(.corrupt(path: path))
        case .SQLITE_IOERR: return StoreError(.ioError(path: path))
        default:
            return StoreError(.unexpected(path: path, sqliteCode: error.resultCode.rawValue, details: error.message))
        }
    }

    private static func kind(of problem: StoreProblem) -> Kind {
        switch problem {
        case .notAStore: .notAStore
        case .newerSchema: .newerSchema
        case .cannotOpen, .openFailed, .folderMissing, .storeIsAFolder, .cannotOpenFile, .cannotRead, .backupIsAFolder, .backupFolderMissing: .cannotOpen
        case .readOnly, .fileNotWritable, .folderNotWritable, .cannotCreate, .backupFolderNotWritable: .readOnly
        case .diskFull, .diskFullCreating: .diskFull
        case .resumeOfCompletedSession, .sessionCompleted: .sessionCompleted
        case .incompatibleDefinition, .incompatibleChange, .mergeIncompatibleDefinition: .incompatibleDefinition
        case .unknownSession, .noSessionToPurge: .unknownSession
        case .tokenHasOddCharacters, .tokenHasWrongLength: .invalidToken
        case .unknownToken: .unknownToken
        case .revokedToken: .revokedToken
        case .tokenAlreadyUsed, .tokenJustStarted, .completedTokenNotRevocable: .tokenAlreadyUsed
        case .tokenOfAnotherQuestionnaire: .tokenOfAnotherQuestionnaire
        case .mergeConflicts, .sessionAlreadyStored, .reportingResponseAlreadySent, .reportingResponseInProgress, .reportingKeyAlreadyStored,
            .mergeReportingConflicts:
            .conflict
        case .busy, .corrupt, .ioError, .unexpected, .unexpectedFailure, .unrecognizedValue, .snapshotNotRebuilt, .definitionHasErrors, .definitionNotSaved,
            .definitionNotFound, .definitionMissingForSession, .definitionMissingForInsert, .definitionUnreadable, .sessionCreatedButMissing,
            .noFreeSessionID, .unknownState, .unreadableAnswer, .backupExists, .backupOverStore, .backupFailedIntegrity, .backupNotRenamed,
            .mergeIntoItself, .mergeDefinitionUnreadable, .mergeSessionWithoutDefinition, .tokenSessionMissing, .readableByOthers,
            .tokenUsedOnTwoStations:
            .other
        }
    }
}

/// Runs a GRDB call and turns its errors into `StoreError`.
@inline(__always)
func storeCall<T>(_ path: String?, _ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch {
        throw StoreError.wrap(error, path: path)
    }
}
