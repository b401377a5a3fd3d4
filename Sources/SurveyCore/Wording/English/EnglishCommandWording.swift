import Foundation

extension EnglishWording {
    /// Why a command stopped, saying what to do.
    package static func wording(for problem: CommandProblem) -> Wording {
        switch problem {
        // The response store
        case .storeMissing(let path):
            Wording("The response file “\(path)” does not exist: name the right file with --store (or PRST_STORE).")
        case .notAStoreFile(let path):
            Wording("“\(path)” is not a prst response file: check the file name you gave. Nothing was changed.")
        case .noStoreToCompare(let path):
            Wording("The response file \(path) does not exist: there are no responses to compare with.")
        case .noStoreToReport(let path):
            Wording("No responses: the file \(path) does not exist. Name the store with --store (or the PRST_STORE variable).")
        case .noPreviousWaveStore(let path):
            Wording(
                "The previous wave's response file “\(path)” does not exist: name the previous wave's file with --previous (for example prst3.sqlite). No report was written."
            )
        case .noStoreYet(let path):
            Wording("No responses: the file \(path) does not exist yet.")
        case .storeHoldsRealResponses(let path):
            Wording("The store \(path) holds real responses: the simulation does not write into it. Choose another file (--store trial.sqlite).")

        // Definition files
        case .invalidQuestionnaire(let path):
            Wording("The questionnaire is not valid: fix the errors above (\(advice(.validate(file: path)))).")
        case .invalidQuestionnaireNoCodeCreated(let path):
            Wording("The questionnaire is not valid: fix the errors above (\(advice(.validate(file: path)))). No code was created.")
        case .invalidQuestionnaireToFilter(let path):
            Wording("The questionnaire \(path) is not valid: check it with “\(advice(.validate(file: path)))”.")
        case .invalidCampaign:
            Wording("The campaign is not valid: fix the errors above (prst validate).")
        case .definitionFileMissing(let path):
            Wording("The file “\(path)” does not exist: name the campaign (campagne.yaml) or a questionnaire.")
        case .notADefinition(let path):
            Wording("“\(path)” is neither a campaign nor a questionnaire: name campagne.yaml or a questionnaire file.")
        case .questionnaireNotInCampaign(let id):
            Wording("The campaign does not list the questionnaire “\(id)”.")
        case .questionnaireChangedSinceStored(let store, _):
            Wording("The questionnaire changed since the responses already stored in \(store): give it a new version number (version:) before importing.")

        // Other files
        case .fileMissing(let path):
            Wording("The file “\(path)” does not exist: check its name and folder.")
        case .fileTooLarge(let path, let megabytes, let limit):
            Wording("“\(path)” weighs \(megabytes) MB, more than the \(limit) MB allowed: is it really a CSV of responses? If so, split it into several files.")
        case .fileUnreadable(let path):
            Wording("Cannot read “\(path)”: check your rights on this file.")
        case .manualCodingUnreadable(let path):
            Wording("Cannot read the manual coding \(path).")
        case .cannotCreateFolder(let path):
            Wording("Cannot create the folder “\(path)”: check the path and your write permissions.")
        case .cannotWrite(let path):
            Wording("Cannot write “\(path)”: check the folder and your write permissions.")
        case .cannotWritePreview(let path):
            Wording("Cannot write \(path): check the folder and the write permissions.")
        case .diskFullWhileExporting(let path):
            Wording("Cannot write “\(path)” (disk full?): free some space, then run the export again.")

        // Options
        case .respondentsNotPopulationCounts(let part):
            Wording("--respondents: “\(part)” is not of the form population=number")

        // validate
        case .definitionsHaveProblems(let errors, let warnings):
            Wording("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"): fix them, then run “prst validate” again.")

        // import
        case .nothingImported:
            Wording("Nothing was imported.")
        case .moreImportErrorsNotShown(let count):
            Wording("… and \(count) more error(s) not shown.")
        case .importHasErrors(let count, let file):
            Wording("Nothing was imported: \(count) error(s) in \(file). Fix them, then run again (with --dry-run to check only).")

        // run
        case .invitationRequired:
            Wording("This questionnaire is by invitation only: run it again with your invitation code (--token CODE).")
        case .unknownResumeCode(let code):
            Wording("Unknown resume code: “\(code)”. Check the code (for example K7F3-9QXM) and the response file (--store).")
        case .resumeCodeOfAnotherQuestionnaire(let found, let expected):
            Wording("This resume code belongs to questionnaire “\(found)”, not “\(expected)”.")

        // invite
        case .openAccessQuestionnaire(let id, let file):
            Wording(
                "“\(id)” is open to everyone (access: open): invitation codes would be of no use. "
                    + "Add “access: token” in \(file) if only invited people may answer. No code was created.")
        case .invitationFileExists(let path):
            Wording("“\(path)” already exists (it may hold codes already sent): choose another name with --out. No code was created.")
        case .cannotCreateInvitationFile(let path):
            Wording("Cannot create “\(path)”: check that the folder exists and that you may write in it. No code was created.")
        case .noCodeCreated(let store):
            Wording((Problem.store(store).lines(in: .en) + ["No code was created."]).joined(separator: "\n"))
        case .invitationCodesLost(let path, let count):
            Wording(
                "Cannot write “\(path)” (disk full?): the \(count) codes created are lost and cannot be used by anyone. Free some space, then run the command again."
            )

        // purge
        case .purgeNotConfirmed:
            Wording("Nothing was erased: run the same command again with --yes to confirm.")
        }
    }
}
