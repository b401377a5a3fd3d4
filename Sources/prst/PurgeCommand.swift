import ArgumentParser
import Foundation
import SurveyStore

struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Efface définitivement des réponses : celles d'un répondant qui le demande, ou les questionnaires jamais terminés.",
        discussion: """
            Affiche d'abord ce qui sera effacé (nombre de sessions et de réponses, numéros de
            session, jamais le contenu des réponses) ; n'efface qu'avec --yes. Les réponses
            effacées ne laissent aucune trace dans le fichier (effacement sécurisé, fichier
            reconstruit).

            Exemples :
              prst purge --session S7K2M9QF              (le numéro de reçu donné par le répondant)
              prst purge --session S7K2M9QF --yes
              prst purge --incomplete --older-than 30d --yes   (aussi 12h, 2w ; j pour jours)
            """
    )

    @Option(help: "Le numéro de session (reçu montré au répondant à la fin du questionnaire).")
    var session: String?

    @Flag(help: "Les questionnaires commencés mais jamais terminés (avec --older-than).")
    var incomplete = false

    @Option(name: .customLong("older-than"), help: "Ancienneté minimale des questionnaires non terminés : 12h, 30d (ou 30j), 2w.")
    var olderThan: String?

    @Flag(help: "Confirme l'effacement.")
    var yes = false

    @Option(help: "Le fichier de réponses (par défaut : $PRST_STORE, sinon prst.sqlite).")
    var store: String?

    func run() throws {
        let plan: PurgePlan
        let responses: ResponseStore
        switch (session, incomplete) {
        case (let id?, false):
            if olderThan != nil {
                Console.error("--older-than ne s'emploie qu'avec --incomplete : retirez-le pour effacer une session précise.")
                throw ExitCode(1)
            }
            responses = try ExistingStore.open(StoreLocation.resolve(store))
            plan = try attempt { try responses.purgePlan(session: id) }
        case (nil, true):
            guard let olderThan else {
                Console.error("Indiquez l'ancienneté avec --older-than, par exemple : prst purge --incomplete --older-than 30d")
                throw ExitCode(1)
            }
            guard let seconds = Self.duration(olderThan) else {
                Console.error(
                    "Durée « \(olderThan) » non comprise : écrivez un nombre suivi de h (heures), d ou j (jours), w (semaines), par exemple 12h, 30d, 2w.")
                throw ExitCode(1)
            }
            responses = try ExistingStore.open(StoreLocation.resolve(store))
            plan = try attempt { try responses.purgePlan(incompleteStartedBefore: Date().addingTimeInterval(-seconds)) }
        case (_?, true):
            Console.error("Choisissez : --session ID (une demande d'effacement) ou --incomplete --older-than DURÉE, pas les deux.")
            throw ExitCode(1)
        case (nil, false):
            Console.error("Indiquez quoi effacer : --session ID, ou --incomplete --older-than 30d.")
            throw ExitCode(1)
        }
        if plan.sessionIDs.isEmpty {
            Console.out("Aucun questionnaire non terminé commencé il y a plus de \(olderThan ?? "") : rien à effacer.\n")
            return
        }
        Console.out(Self.describe(plan))
        guard yes else {
            Console.error("Rien n'a été effacé : relancez la même commande en ajoutant --yes pour confirmer.")
            throw ExitCode(1)
        }
        let deleted = try attempt { try responses.purge(plan) }
        if deleted.count != plan.sessionIDs.count {
            Console.error("\(plan.sessionIDs.count - deleted.count) session(s) terminée(s) entre-temps n'ont pas été effacées.")
        }
        Console.out(
            "Effacé : \(deleted.count) session\(deleted.count > 1 ? "s" : ""). Le fichier a été nettoyé : aucune trace des réponses effacées n'y reste.\n")
    }

    private func attempt<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    static func describe(_ plan: PurgePlan) -> String {
        let sessions = plan.sessionIDs.count
        var text = "À effacer : \(sessions) session\(sessions > 1 ? "s" : "")"
        var kinds: [String] = []
        if plan.completedCount > 0 { kinds.append("\(plan.completedCount) terminée\(plan.completedCount > 1 ? "s" : "")") }
        if plan.inProgressCount > 0 { kinds.append("\(plan.inProgressCount) non terminée\(plan.inProgressCount > 1 ? "s" : "")") }
        text += " (\(kinds.joined(separator: ", "))), \(plan.answerCount) réponse\(plan.answerCount > 1 ? "s" : "").\n"
        let shown = plan.sessionIDs.prefix(50)
        text +=
            "Sessions : " + shown.joined(separator: ", ") + (plan.sessionIDs.count > shown.count ? ", … (\(plan.sessionIDs.count - shown.count) de plus)" : "")
            + "\n"
        if plan.tokensFreed > 0 {
            text +=
                "\(plan.tokensFreed) code\(plan.tokensFreed > 1 ? "s" : "") d'invitation redeviendr\(plan.tokensFreed > 1 ? "ont" : "a") utilisable\(plan.tokensFreed > 1 ? "s" : "").\n"
        }
        return text
    }

    /// "12h", "30d", "30j", "2w" (also "2sem") in seconds; nil otherwise.
    static func duration(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits), number > 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch unit {
        case "h": return Double(number) * 3600
        case "d", "j": return Double(number) * 86_400
        case "w", "sem": return Double(number) * 7 * 86_400
        default: return nil
        }
    }
}
