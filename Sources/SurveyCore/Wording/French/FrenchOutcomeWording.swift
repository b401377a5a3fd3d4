import Foundation

extension FrenchWording {
    /// What a command did.
    package static func wording(for outcome: CommandOutcome) -> String {
        switch outcome {
        case .definitionsValid(let paths, let warnings):
            "\(paths.joined(separator: " ")) : "
                + (warnings > 0 ? "valide, avec \(warnings) avertissement\(warnings > 1 ? "s" : "")" : "valide") + "."
        case .importChecked(let counts, let file):
            "Vérification réussie : \(responses(counts)) prête(s) à être importée(s) depuis \(file). Rien n'a été importé (--dry-run)."
        case .importEmpty(let file):
            "Aucune réponse dans \(file) : rien à importer."
        case .imported(let counts, let store):
            "\(responses(counts)) importée(s) dans \(store), marquées « importées »."
        case .exportWithoutStore(let path):
            "Aucune base de réponses « \(path) » : l'export ne contiendra que les lignes d'en-tête (modèles pour prst import)."
        case .exportFileWritten(let path, let responses, let columns):
            "\(path) : \(responses) réponse(s), \(columns) colonnes"
        case .exportDictionaryWritten(let directory):
            "Dictionnaire des variables : \(directory)/dictionnaire.csv ; lecture dans R : cd \(directory) && Rscript import.R"
        case .populationSimulated(let population, let sessions):
            "\(population) : \(sessions) sessions simulées"
        case .simulationWritten(let store):
            "Réponses simulées écrites dans \(store)."
        case .backupWritten(let store, let destination):
            "Sauvegarde de \(store) écrite dans \(destination) (vérifiée, lisible par vous seul)."
        case .noSessionYet(let store):
            "Aucune réponse pour l'instant dans \(store) : aucune session n'a été ouverte."
        case .nothingToPurge(let olderThan):
            "Aucun questionnaire non terminé commencé il y a plus de \(olderThan) : rien à effacer."
        case .finishedMeanwhile(let count):
            "\(count) session(s) terminée(s) entre-temps n'ont pas été effacées."
        case .purged(let sessions):
            "Effacé : \(sessions) session\(sessions > 1 ? "s" : ""). Le fichier a été nettoyé : aucune trace des réponses effacées n'y reste."
        case .answersReceipt(let sessionID):
            "Référence de vos réponses : \(sessionID). Conservez-la si vous souhaitez un jour en demander la suppression."
        case .invitationCodeAsked:
            "Ce questionnaire est réservé aux personnes invitées.\nCode d'invitation (par exemple K7F3-9QXM-2PAB-H4TR) : "
        case .purgePlan(let ids, let completed, let inProgress, let answers, let tokensFreed):
            purgePlan(ids, completed: completed, inProgress: inProgress, answers: answers, tokensFreed: tokensFreed)
        case .merged(let destination, let counts):
            merged(into: destination, counts)
        case .noInvitationCode(let store):
            "Aucun code d'invitation dans \(store) : créez-en avec « prst invite questionnaire.yaml --count N »."
        case .invitationCodesTotal(let byState):
            totalOfCodes(byState)
        case .invitationsWritten(let count, let questionnaireID, let version, let file):
            "\(count) code\(count > 1 ? "s" : "") d'invitation pour « \(questionnaireID) » version \(version) écrit\(count > 1 ? "s" : "") dans \(file).\n"
                + "Ce fichier est le seul à contenir les codes complets : gardez-le en lieu sûr, ne le joignez pas au fichier de réponses."
        case .tokenAlreadyRevoked:
            "Ce code était déjà annulé : rien n'a changé."
        case .tokenRevokedWhileInProgress:
            "Code annulé : il ne permet plus de reprendre le questionnaire commencé. Les réponses déjà données restent dans le fichier ; "
                + "« prst purge --incomplete --older-than 30d » efface les questionnaires jamais terminés."
        case .tokenRevoked:
            "Code annulé : il n'ouvre plus le questionnaire."
        }
    }

    private static func plural(_ count: Int, _ word: String) -> String { count > 1 ? word + "s" : word }

    private static func totalOfCodes(_ byState: [CommandOutcome.TokenCount]) -> String {
        let total = byState.reduce(0) { $0 + $1.count }
        let counts = byState.filter { $0.count > 0 }.map { entry in
            let state = wording(for: entry.state)
            return "\(entry.count) \(entry.count > 1 && entry.state != .inProgress ? state + "s" : state)"
        }
        return "Total : \(total) \(plural(total, "code")) (\(counts.joined(separator: ", ")))."
            + "\nChaque code est montré par ses 4 premiers caractères : retrouvez-le dans le fichier CSV créé avec les invitations."
    }

    private static func purgePlan(_ ids: [String], completed: Int, inProgress: Int, answers: Int, tokensFreed: Int) -> String {
        var kinds: [String] = []
        if completed > 0 { kinds.append("\(completed) \(plural(completed, "terminée"))") }
        if inProgress > 0 { kinds.append("\(inProgress) non \(plural(inProgress, "terminée"))") }
        var lines = ["À effacer : \(ids.count) \(plural(ids.count, "session")) (\(kinds.joined(separator: ", "))), \(answers) \(plural(answers, "réponse"))."]
        let shown = ids.prefix(50)
        lines.append("Sessions : " + shown.joined(separator: ", ") + (ids.count > shown.count ? ", … (\(ids.count - shown.count) de plus)" : ""))
        if tokensFreed > 0 {
            lines.append(
                "\(tokensFreed) \(plural(tokensFreed, "code")) d'invitation redeviendr\(tokensFreed > 1 ? "ont" : "a") \(plural(tokensFreed, "utilisable"))."
            )
        }
        return lines.joined(separator: "\n")
    }

    private static func merged(into destination: String, _ counts: CommandOutcome.MergeCounts) -> String {
        var first =
            "Fusion dans \(destination) : \(counts.sessionsAdded) \(plural(counts.sessionsAdded, "session")) \(plural(counts.sessionsAdded, "ajoutée"))"
            + " (\(counts.answersAdded) \(plural(counts.answersAdded, "réponse")))"
        if counts.sessionsSkipped > 0 {
            first += ", \(counts.sessionsSkipped) déjà \(plural(counts.sessionsSkipped, "présente")) (\(plural(counts.sessionsSkipped, "ignorée")))"
        }
        var lines = [
            first + ".",
            "Définitions de questionnaires : \(counts.definitionsAdded) \(plural(counts.definitionsAdded, "ajoutée")), "
                + "\(counts.definitionsKnown) déjà \(plural(counts.definitionsKnown, "présente")).",
        ]
        if counts.tokensAdded + counts.tokensUpdated + counts.tokensSkipped > 0 {
            lines.append(
                "Codes d'invitation : \(counts.tokensAdded) \(plural(counts.tokensAdded, "ajouté")), \(counts.tokensUpdated) mis à jour, "
                    + "\(counts.tokensSkipped) \(plural(counts.tokensSkipped, "inchangé")).")
        }
        return lines.joined(separator: "\n")
    }

    private static func responses(_ counts: CommandOutcome.ResponseCounts) -> String {
        "\(counts.valid) réponse(s) (\(counts.completed) terminée(s), \(counts.inProgress) en cours)"
    }
}
