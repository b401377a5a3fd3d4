import Foundation

/// Why the response store refused or failed. `path` is the store file when it is known; the
/// wording then names it, otherwise it says "the response store". Never carries an answer value:
/// only paths, session ids, token prefixes, questionnaire ids, variable names and counts.
package enum StoreProblem: Sendable, Hashable {
    // MARK: SQLite's verdicts on the store file (`StoreError.wrap`)

    case notAStore(path: String?)
    case cannotOpen(path: String?)
    case readOnly(path: String?)
    case diskFull(path: String?)
    case busy(path: String?)
    case corrupt(path: String?)
    case ioError(path: String?)
    /// An SQLite result code prst does not expect; SQLite's own text when it gave one.
    case unexpected(path: String?, sqliteCode: Int32, details: String?)
    /// Not an SQLite error at all.
    case unexpectedFailure(path: String?)
    /// A row held a value no version of prst writes (GRDB could not decode a record).
    case unrecognizedValue(path: String?)

    // MARK: Opening the file

    /// Written by a newer prst (schema version above this one's).
    case newerSchema(path: String?)
    /// Still failing after the retries of concurrent first openings.
    case openFailed(path: String)
    case folderMissing(directory: String)
    /// The path names a folder, not a file.
    case storeIsAFolder(path: String)
    case fileNotWritable(path: String)
    /// SQLite needs to write the -wal and -shm files next to the store.
    case folderNotWritable(directory: String)
    case cannotCreate(path: String)
    case diskFullCreating(path: String)
    /// `open(2)` failed with this `errno`.
    case cannotOpenFile(path: String, systemError: Int32)
    case cannotRead(path: String)

    // MARK: Definitions

    /// The questionnaire did not load; `mainFile` is the file to validate.
    case definitionHasErrors(mainFile: String)
    /// The stored copy of the files would not rebuild the same questionnaire; the included files
    /// outside the questionnaire's folder, sorted (empty when that is not the cause).
    case snapshotNotRebuilt(mainFile: String, outsideFiles: [String])
    case definitionNotSaved(questionnaireID: String)
    /// Answers exist for this id and version and the structure changed so (in questionnaire order).
    case incompatibleDefinition(questionnaireID: String, version: Int, changes: [DefinitionChange])
    /// A structural change of the definition that the stored responses would not survive.
    case incompatibleChange(DefinitionChange)
    case definitionNotFound(id: Int64, path: String?)
    /// A session was asked for a definition that is not registered.
    case definitionMissingForSession(id: Int64)
    /// Sessions were inserted for a definition that is not registered.
    case definitionMissingForInsert(id: Int64)
    /// The stored snapshot no longer loads with this version of prst.
    case definitionUnreadable(questionnaireID: String, version: Int)

    // MARK: Sessions and answers

    case sessionCreatedButMissing
    case noFreeSessionID
    /// A resume code typed by a respondent whose questionnaire was already sent.
    case resumeOfCompletedSession
    case unknownSession(id: String)
    case sessionCompleted(id: String)
    /// A state column (status, origin, token state) holds `stored`, which no prst writes.
    case unknownState(stored: String, of: StateOwner)
    /// `key` is the answer key ("age", "note[rouge]"), never the value.
    case unreadableAnswer(key: String, session: String)
    /// An import or a simulation met a session id already stored.
    case sessionAlreadyStored(id: String)
    /// A monitoring response was already sent for this unit × period of the questionnaire
    /// version; `unitLabel` from the referential of the stored snapshot, when it names the unit.
    case reportingResponseAlreadySent(questionnaireID: String, version: Int, unit: String, unitLabel: String?, period: String)
    /// An invitation code was used for a unit × period whose response another session (started
    /// without this code) is writing.
    case reportingResponseInProgress(questionnaireID: String, version: Int, unit: String, unitLabel: String?, period: String)
    /// An import or a simulation brought a second response for a unit × period already stored
    /// (by another session) for the questionnaire version.
    case reportingKeyAlreadyStored(questionnaireID: String, version: Int, unit: String, period: String, session: String)

    // MARK: Purge and backup

    case noSessionToPurge(typed: String, path: String?)
    case backupIsAFolder(destination: String)
    case backupExists(destination: String)
    case backupOverStore
    case backupFolderMissing(directory: String)
    case backupFolderNotWritable(directory: String)
    case backupFailedIntegrity
    case backupNotRenamed(destination: String, systemError: Int32)

    // MARK: Merge

    case mergeIntoItself(path: String)
    /// `source` holds another definition of the questionnaire, incompatible with the answered one.
    case mergeIncompatibleDefinition(source: String?, questionnaireID: String, version: Int, changes: [DefinitionChange])
    case mergeDefinitionUnreadable(questionnaireID: String, version: Int, path: String?)
    case mergeSessionWithoutDefinition(session: String, source: String?)
    /// Sessions of `source` already in `target` with other content; `shown` are the first ids.
    case mergeConflicts(count: Int, shown: [String], source: String?, target: String?)
    /// Sessions of `source` for a unit × period that `target` already holds from another
    /// session; `shown` are the first keys as « unit × period » of « questionnaire ».
    case mergeReportingConflicts(count: Int, shown: [String], source: String?, target: String?)

    // MARK: Invitation tokens (told to respondents: never more than the token's state)

    /// Characters that never appear in a token, sorted.
    case tokenHasOddCharacters([Character])
    case tokenHasWrongLength(count: Int, expected: Int)
    case completedTokenNotRevocable(prefix: String)
    case tokenSessionMissing
    /// Another terminal started a session with the token a moment ago.
    case tokenJustStarted
    case tokenOfAnotherQuestionnaire(questionnaireID: String)
    case unknownToken
    case revokedToken
    case tokenAlreadyUsed

    // MARK: Warnings (the command goes on)

    /// The store or its -wal/-shm files can be read by other users than their owner, while the
    /// answers are confidential.
    case readableByOthers([FileMode])
    /// A token in progress on two stations: both sessions were kept by the merge.
    case tokenUsedOnTwoStations(prefix: String)

    /// A file and its permission bits (0o644…).
    package struct FileMode: Sendable, Hashable {
        package var path: String
        package var mode: Int

        package init(path: String, mode: Int) {
            self.path = path
            self.mode = mode
        }
    }

    /// What a state belongs to, to say which row is damaged.
    package enum StateOwner: Sendable, Hashable {
        case session(String)
        /// Some session of a questionnaire version (a count over several rows).
        case sessionsOf(questionnaireID: String, version: Int)
        case token(prefix: String)
    }
}
