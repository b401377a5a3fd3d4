import Foundation

/// Why a command stops before doing what was asked: the files it was given, its options, the
/// state of the store it found. Typed like the other families; the words live in `Wording/`.
package enum CommandProblem: Sendable, Hashable {
    // MARK: The response store named by --store

    /// A command that reads or changes a store was given a file that does not exist.
    case storeMissing(path: String)
    /// The file exists but is not a prst store (a spreadsheet, notes…).
    case notAStoreFile(path: String)
    /// `prst validate --store` with a store that does not exist.
    case noStoreToCompare(path: String)
    /// `prst report` with a store that does not exist.
    case noStoreToReport(path: String)
    /// `prst report --previous` with a previous wave's store that does not exist.
    case noPreviousWaveStore(path: String)
    /// `prst status` with a store that does not exist yet.
    case noStoreYet(path: String)
    /// `prst simulate` into a store that holds real responses.
    case storeHoldsRealResponses(path: String)

    // MARK: Definition files

    /// The questionnaire has errors (listed above the message).
    case invalidQuestionnaire(path: String)
    /// The same, for `prst invite`: no code was created.
    case invalidQuestionnaireNoCodeCreated(path: String)
    /// `prst invite --list FILE`: the questionnaire used as a filter has errors.
    case invalidQuestionnaireToFilter(path: String)
    /// The campaign has errors (listed above the message).
    case invalidCampaign
    /// `prst export` was given a definition file that does not exist.
    case definitionFileMissing(path: String)
    /// `prst export` was given a file that is neither a campaign nor a questionnaire.
    case notADefinition(path: String)
    /// `prst simulate`: a questionnaire the campaign does not list.
    case questionnaireNotInCampaign(id: String)
    /// Responses are stored for this version and the file changed so (`problems` in order).
    case questionnaireChangedSinceStored(store: String, problems: [StoreProblem])

    // MARK: Other files

    case fileMissing(path: String)
    case fileTooLarge(path: String, megabytes: Int, limitMegabytes: Int)
    case fileUnreadable(path: String)
    /// `prst report --coding FILE` cannot be read.
    case manualCodingUnreadable(path: String)
    case cannotCreateFolder(path: String)
    case cannotWrite(path: String)
    /// `prst preview --out FILE` cannot be written.
    case cannotWritePreview(path: String)
    /// A write failed at the end of an export (the disk is probably full).
    case diskFullWhileExporting(path: String)

    // MARK: Options

    /// `prst simulate --respondents`: a part not of the form population=number.
    case respondentsNotPopulationCounts(part: String)

    // MARK: validate

    case definitionsHaveProblems(errors: Int, warnings: Int)

    // MARK: import

    /// Said after a store failure: the import was rolled back.
    case nothingImported
    /// More bad cells than are listed.
    case moreImportErrorsNotShown(count: Int)
    case importHasErrors(count: Int, file: String)

    // MARK: run

    case invitationRequired
    case unknownResumeCode(String)
    case resumeCodeOfAnotherQuestionnaire(found: String, expected: String)

    // MARK: invite

    case openAccessQuestionnaire(id: String, file: String)
    case invitationFileExists(path: String)
    case cannotCreateInvitationFile(path: String)
    /// The store refused to create the codes; the CSV was removed.
    case noCodeCreated(after: StoreProblem)
    /// The codes were stored but their CSV could not be written.
    case invitationCodesLost(path: String, count: Int)

    // MARK: purge

    case purgeNotConfirmed
}
