import Foundation

extension EnglishWording {
    /// What a command did.
    package static func wording(for outcome: CommandOutcome) -> String {
        switch outcome {
        case .definitionsValid(let paths, let warnings):
            "\(paths.joined(separator: " ")): " + (warnings > 0 ? "valid, with \(warnings) warning\(warnings > 1 ? "s" : "")" : "valid") + "."
        case .importChecked(let counts, let file):
            "Check passed: \(responses(counts)) ready to be imported from \(file). Nothing was imported (--dry-run)."
        case .importEmpty(let file):
            "No response in \(file): nothing to import."
        case .imported(let counts, let store):
            "\(responses(counts)) imported into \(store), marked “imported”."
        case .exportWithoutStore(let path):
            "No response store “\(path)”: the export will hold only the header lines (templates for prst import)."
        case .exportFileWritten(let path, let responses, let columns):
            "\(path): \(responses) response(s), \(columns) columns"
        case .exportDictionaryWritten(let directory):
            "Data dictionary: \(directory)/dictionnaire.csv; reading in R: cd \(directory) && Rscript import.R"
        case .populationSimulated(let population, let sessions):
            "\(population): \(sessions) simulated sessions"
        case .simulationWritten(let store):
            "Simulated responses written to \(store)."
        case .backupWritten(let store, let destination):
            "Backup of \(store) written to \(destination) (checked, readable by you only)."
        case .noSessionYet(let store):
            "No response yet in \(store): no session was opened."
        case .nothingToPurge(let olderThan):
            "No unfinished questionnaire started more than \(olderThan) ago: nothing to erase."
        case .finishedMeanwhile(let count):
            "\(count) session(s) finished meanwhile were not erased."
        case .purged(let sessions):
            "Erased: \(sessions) session\(sessions > 1 ? "s" : ""). The file was cleaned: no trace of the erased responses remains in it."
        case .answersReceipt(let sessionID):
            "Reference of your answers: \(sessionID). Keep it if you ever want them erased."
        case .invitationCodeAsked:
            "This questionnaire is by invitation only.\nInvitation code (for example K7F3-9QXM-2PAB-H4TR): "
        case .purgePlan(let ids, let completed, let inProgress, let answers, let tokensFreed):
            purgePlan(ids, completed: completed, inProgress: inProgress, answers: answers, tokensFreed: tokensFreed)
        case .merged(let destination, let counts):
            merged(into: destination, counts)
        case .noInvitationCode(let store):
            "No invitation code in \(store): create some with “prst invite questionnaire.yaml --count N”."
        case .invitationCodesTotal(let byState):
            totalOfCodes(byState)
        case .invitationsWritten(let count, let questionnaireID, let version, let file):
            "\(count) invitation code\(count > 1 ? "s" : "") for “\(questionnaireID)” version \(version) written to \(file).\n"
                + "This file is the only one holding the full codes: keep it safe, never attach it to the response file."
        case .tokenAlreadyRevoked:
            "This code was already revoked: nothing changed."
        case .tokenRevokedWhileInProgress:
            "Code revoked: it can no longer resume the questionnaire it started. The answers already given stay in the file; "
                + "“prst purge --incomplete --older-than 30d” erases the questionnaires never finished."
        case .tokenRevoked:
            "Code revoked: it no longer opens the questionnaire."
        }
    }

    private static func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

    private static func totalOfCodes(_ byState: [CommandOutcome.TokenCount]) -> String {
        let total = byState.reduce(0) { $0 + $1.count }
        let counts = byState.filter { $0.count > 0 }.map { "\($0.count) \(wording(for: $0.state))" }
        return "Total: \(total) \(plural(total, "code")) (\(counts.joined(separator: ", ")))."
            + "\nEach code is shown by its first 4 characters: find it in the CSV file created with the invitations."
    }

    private static func purgePlan(_ ids: [String], completed: Int, inProgress: Int, answers: Int, tokensFreed: Int) -> String {
        var kinds: [String] = []
        if completed > 0 { kinds.append("\(completed) completed") }
        if inProgress > 0 { kinds.append("\(inProgress) unfinished") }
        var lines = ["To erase: \(ids.count) \(plural(ids.count, "session")) (\(kinds.joined(separator: ", "))), \(answers) \(plural(answers, "answer"))."]
        let shown = ids.prefix(50)
        lines.append("Sessions: " + shown.joined(separator: ", ") + (ids.count > shown.count ? ", … (\(ids.count - shown.count) more)" : ""))
        if tokensFreed > 0 { lines.append("\(tokensFreed) invitation \(plural(tokensFreed, "code")) will be usable again.") }
        return lines.joined(separator: "\n")
    }

    private static func merged(into destination: String, _ counts: CommandOutcome.MergeCounts) -> String {
        var first =
            "Merge into \(destination): \(counts.sessionsAdded) \(plural(counts.sessionsAdded, "session")) added"
            + " (\(counts.answersAdded) \(plural(counts.answersAdded, "answer")))"
        if counts.sessionsSkipped > 0 { first += ", \(counts.sessionsSkipped) already there (skipped)" }
        var lines = [first + ".", "Questionnaire definitions: \(counts.definitionsAdded) added, \(counts.definitionsKnown) already there."]
        if counts.tokensAdded + counts.tokensUpdated + counts.tokensSkipped > 0 {
            lines.append("Invitation codes: \(counts.tokensAdded) added, \(counts.tokensUpdated) updated, \(counts.tokensSkipped) unchanged.")
        }
        return lines.joined(separator: "\n")
    }

    private static func responses(_ counts: CommandOutcome.ResponseCounts) -> String {
        "\(counts.valid) response(s) (\(counts.completed) completed, \(counts.inProgress) in progress)"
    }
}
