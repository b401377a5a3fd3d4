import Foundation

extension EnglishWording {
    static func wording(for problem: StoreProblem) -> Wording {
        switch problem {
        // SQLite's verdicts
        case .notAStore(let path):
            Wording("\(path.map { "“\($0)”" } ?? "This file") is not a prst response file: \(advice(.nameTheRightStore)), or a new file name to create one.")
        case .cannotOpen(let path):
            Wording("Cannot open \(store(path)): check that the folder exists and that you may write in it.")
        case .readOnly(let path):
            Wording("\(capitalized(store(path))) is read-only: check the rights of the file and its folder, or \(advice(.nameAnotherStore)).")
        case .diskFull(let path):
            Wording("The disk is full: the answer could not be saved in \(store(path)). Free some space and try again.")
        case .busy(let path):
            Wording("\(capitalized(store(path))) has been held by another program for too long: try again in a moment.")
        case .corrupt(let path):
            Wording("\(capitalized(store(path))) is damaged: restore the latest backup and contact the prst team.")
        case .ioError(let path):
            Wording("Input/output error on \(store(path)) (removable disk taken out, network share cut?): check the medium and try again.")
        case .unexpected(let path, let sqliteCode, let details):
            Wording("SQLite error \(sqliteCode) on \(store(path)): try again; if it persists, report it to the prst team.", hint: details)
        case .unexpectedFailure(let path):
            Wording("Unexpected error while accessing \(store(path)): try again; if it persists, report it to the prst team.")
        case .unrecognizedValue(let path):
            Wording("\(capitalized(store(path))) holds a value prst does not know: the file may have been edited by hand.")

        // Opening the file
        case .newerSchema(let path):
            Wording("“\(path ?? "the store")” was written by a newer version of prst: update prst before using it (nothing was changed).")
        case .openFailed(let path):
            Wording("Cannot open “\(path)”: try again.")
        case .folderMissing(let directory):
            Wording("The folder “\(directory)” does not exist: create it or \(advice(.nameAnotherStore)).")
        case .storeIsAFolder(let path):
            Wording("“\(path)” is a folder: name a file, for example \(path)/prst.sqlite.")
        case .fileNotWritable(let path):
            Wording("“\(path)” cannot be written: check its rights (ls -l) or \(advice(.nameAnotherStore)).")
        case .folderNotWritable(let directory):
            Wording(
                "The folder “\(directory)” cannot be written: prst must be able to write the response file and its -wal and -shm files there. Choose another folder."
            )
        case .cannotCreate(let path):
            Wording("Cannot create “\(path)”: the location cannot be written. Choose another folder.")
        case .diskFullCreating(let path):
            Wording("The disk is full: cannot create “\(path)”. Free some space and try again.")
        case .cannotOpenFile(let path, let systemError):
            Wording("Cannot open “\(path)” (system error \(systemError)): check the path.")
        case .cannotRead(let path):
            Wording("Cannot read “\(path)”: check its rights.")

        // Definitions
        case .definitionHasErrors(let mainFile):
            Wording("The questionnaire “\(mainFile)” has errors: fix them (\(advice(.validate(file: mainFile)))) before collecting responses.")
        case .snapshotNotRebuilt(let mainFile, let outsideFiles):
            Wording(
                "prst cannot read “\(mainFile)” back from the copy of its files kept with the responses: "
                    + (outsideFiles.isEmpty
                        ? "report it to the prst team."
                        : "put the included files in the questionnaire's folder or a subfolder (outside the folder: \(outsideFiles.joined(separator: ", "))).")
            )
        case .definitionNotSaved(let questionnaireID):
            Wording("Cannot save the definition of “\(questionnaireID)”: try again.")
        case .incompatibleDefinition(let questionnaireID, let version, _):
            Wording(
                "The questionnaire “\(questionnaireID)” version \(version) already has responses and its structure changed: "
                    + "to publish these changes, write “version: \(version + 1)” in the file (or change “id”). "
                    + "Changes of labels and help texts, and optional additions, need none.")
        case .incompatibleChange(let change):
            Wording(wording(for: change), hint: "responses already exist for this version: raise “version:” (or change the “id”) for a structural change")
        case .definitionNotFound(let id, let path):
            Wording("Definition no. \(id) cannot be found in “\(path ?? "the store")”.")
        case .definitionMissingForSession(let id):
            Wording("Definition no. \(id) cannot be found: register the questionnaire before opening a session.")
        case .definitionMissingForInsert(let id):
            Wording("Definition no. \(id) cannot be found: register the questionnaire first.")
        case .definitionUnreadable(let questionnaireID, let version):
            Wording("The stored definition of “\(questionnaireID)” version \(version) no longer loads with this version of prst: report it to the prst team.")

        // Sessions and answers
        case .sessionCreatedButMissing:
            Wording("The session was just created but cannot be found: try again.")
        case .noFreeSessionID:
            Wording("Cannot draw a free session id: try again.")
        case .resumeOfCompletedSession:
            Wording("This questionnaire was already completed and sent: its answers can no longer be changed. Thank you for taking part.")
        case .unknownSession(let id):
            Wording("The session “\(id)” does not exist in this store: \(advice(.checkTheStoreInUse)).")
        case .sessionCompleted(let id):
            Wording("The session “\(id)” is completed: its answers can no longer be changed.")
        case .unknownState(let stored, let owner):
            Wording("\(subject(owner)) has an unknown state (“\(stored)”): the file may have been edited by hand.")
        case .unreadableAnswer(let key, let session):
            Wording("The answer “\(key)” of the session “\(session)” cannot be read: the file may have been edited by hand.")
        case .sessionAlreadyStored(let id):
            Wording("The session “\(id)” is already in this store: nothing was added (were these responses imported already?).")
        case .reportingResponseAlreadySent(let questionnaireID, let version, let unit, let unitLabel, let period):
            Wording(
                "The response of \(unitLabel.map { "“\($0)” (\(unit))" } ?? "“\(unit)”") for period \(period) to questionnaire “\(questionnaireID)” (version \(version)) was already sent: "
                    + "one response per unit and period. To correct it, ask the evaluation team. Nothing was stored.")
        case .reportingResponseInProgress(let questionnaireID, let version, let unit, let unitLabel, let period):
            Wording(
                "The response of \(unitLabel.map { "“\($0)” (\(unit))" } ?? "“\(unit)”") for period \(period) to questionnaire “\(questionnaireID)” (version \(version)) was already started "
                    + "by someone else: resume it with its resume code (--resume), or ask the evaluation team. Your invitation code can still be used."
            )
        case .reportingKeyAlreadyStored(let questionnaireID, let version, let unit, let period, let session):
            Wording(
                "The store already holds a response (session “\(session)”) for “\(unit)”, period \(period), to questionnaire “\(questionnaireID)” (version \(version)): "
                    + "one response per unit and period. Nothing was added: import without this response, or simulate into a new store.")

        // Purge and backup
        case .noSessionToPurge(let typed, let path):
            Wording(
                "No session “\(typed)” in “\(path ?? "the store")”: check the receipt number given by the respondent (8 characters) and \(advice(.theStoreFile)). Nothing was deleted."
            )
        case .backupIsAFolder(let destination):
            Wording("“\(destination)” is a folder: name a file, for example \(destination)/backup.sqlite.")
        case .backupExists(let destination):
            Wording("“\(destination)” already exists: choose another name, or \(advice(.forceToReplace)). Nothing was written.")
        case .backupOverStore:
            Wording("The backup cannot replace the response file itself: choose another name.")
        case .backupFolderMissing(let directory):
            Wording("The folder “\(directory)” does not exist: create it or choose another place for the backup.")
        case .backupFolderNotWritable(let directory):
            Wording("Cannot write in the folder “\(directory)”: check its rights or choose another place.")
        case .backupFailedIntegrity:
            Wording("The backup copy failed the integrity check: try again; if it happens again, report it to the prst team.")
        case .backupNotRenamed(let destination, let systemError):
            Wording("Cannot name the backup “\(destination)” (system error \(systemError)): check the folder and try again.")

        // Merge
        case .mergeIntoItself(let path):
            Wording("“\(path)” is the destination file itself: remove it from the files to merge.")
        case .mergeIncompatibleDefinition(let source, let questionnaireID, let version, _):
            Wording(
                "“\(source ?? "the store to merge")” holds another definition of the questionnaire “\(questionnaireID)” version \(version), "
                    + "incompatible with the one of the responses already here: these responses cannot be put in one file. "
                    + "Keep them in separate files, or check that the stations used the same questionnaire. Nothing was merged.")
        case .mergeDefinitionUnreadable(let questionnaireID, let version, let path):
            Wording(
                "The stored definition of “\(questionnaireID)” version \(version) in “\(path ?? "the store")” no longer loads: report it to the prst team. Nothing was merged."
            )
        case .mergeSessionWithoutDefinition(let session, let source):
            Wording("The session “\(session)” refers to a definition missing from “\(source ?? "the store")”: this file is damaged. Nothing was merged.")
        case .mergeConflicts(let count, let shown, let source, let target):
            Wording(
                "\(count) session\(count > 1 ? "s" : "") of “\(source ?? "the store to merge")” already \(count > 1 ? "exist" : "exists") in “\(target ?? "the store")” "
                    + "with other content (\(shown.joined(separator: ", "))\(count > shown.count ? ", …" : "")): "
                    + "these are probably two copies of the same station taken at different times. Merge only the latest copy of each station. Nothing was merged."
            )
        case .mergeReportingConflicts(let count, let shown, let source, let target):
            Wording(
                "\(count) response\(count > 1 ? "s" : "") of “\(source ?? "the store to merge")” \(count > 1 ? "are" : "is") for a unit and period that “\(target ?? "the store")” already holds from another session "
                    + "(\(shown.joined(separator: ", "))\(count > shown.count ? ", …" : "")): one response per unit and period. "
                    + "Decide with the evaluation team which response to keep and delete the other (prst purge) before merging. Nothing was merged.")

        // Invitation tokens
        case .tokenHasOddCharacters(let characters):
            Wording(
                "This invitation code contains characters it never has (\(characters.map(String.init).joined(separator: ", "))): "
                    + "codes use neither 0, O, 1, I nor L. Copy it again from the invitation you received.")
        case .tokenHasWrongLength(let count, let expected):
            Wording(
                "This invitation code has \(count) character\(count > 1 ? "s" : "") instead of \(expected) (four groups of four, for example K7F3-9QXM-2PAB-H4TR): copy it again from the invitation you received."
            )
        case .completedTokenNotRevocable(let prefix):
            Wording(
                "The code \(prefix)-… was already used to send a completed questionnaire: it can no longer be revoked. "
                    + "To erase these answers, ask the respondent for the receipt number shown at the end and \(advice(.purgeBySession)).")
        case .tokenSessionMissing:
            Wording("The session linked to this invitation code cannot be found: the file may have been edited by hand.")
        case .tokenJustStarted:
            Wording("This invitation code was just used to start the questionnaire: type it again to resume where you are.")
        case .tokenOfAnotherQuestionnaire(let questionnaireID):
            Wording(
                "This invitation code is meant for another questionnaire (“\(questionnaireID)”): check that you opened the right questionnaire, or use the code received for this one."
            )
        case .unknownToken:
            Wording(
                "This invitation code is unknown: check it (four groups of four characters, received with the invitation); if it is right, contact the person who invited you."
            )
        case .revokedToken:
            Wording("This invitation code was cancelled: contact the person who invited you to receive another one.")
        case .tokenAlreadyUsed:
            Wording("This invitation code was already used to send a completed questionnaire: it can be used only once. Thank you for taking part.")

        // Warnings
        case .readableByOthers(let files):
            Wording(
                "Warning: \(files.map { "“\($0.path)” (mode \(String($0.mode, radix: 8)))" }.joined(separator: ", ")) "
                    + "\(files.count > 1 ? "are" : "is") readable by other users than you, while the responses are confidential. "
                    + "Make \(files.count > 1 ? "these files" : "this file") private: chmod 600 \(files.map { "'\($0.path)'" }.joined(separator: " "))")
        case .tokenUsedOnTwoStations(let prefix):
            Wording("The invitation code \(prefix)-… was used on two stations: both responses are kept; check that it was not handed to two people.")
        }
    }

    private static func store(_ path: String?) -> String {
        path.map { "“\($0)”" } ?? "the response store"
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private static func subject(_ owner: StoreProblem.StateOwner) -> String {
        switch owner {
        case .session(let id): "The session “\(id)”"
        case .sessionsOf(let questionnaireID, let version): "A session of the questionnaire “\(questionnaireID)” version \(version)"
        case .token(let prefix): "The invitation code \(prefix)-…"
        }
    }
}

extension EnglishWording {
    /// A token's state in the token list.
    package static func wording(for state: TokenState) -> String {
        switch state {
        case .unused: "unused"
        case .inProgress: "in progress"
        case .completed: "completed"
        case .revoked: "revoked"
        }
    }
}
