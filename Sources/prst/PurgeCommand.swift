import ArgumentParser
import SurveyWorkflows

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

    @OptionGroup var store: StoreOptions

    /// What the options ask to erase.
    private var selection: PurgeWorkflow.Selection {
        get throws {
            switch (session, incomplete) {
            case (let id?, false):
                if olderThan != nil {
                    throw ValidationError("--older-than ne s'emploie qu'avec --incomplete : retirez-le pour effacer une session précise.")
                }
                return .session(id)
            case (nil, true):
                guard let olderThan else {
                    throw ValidationError("Indiquez l'ancienneté avec --older-than, par exemple : prst purge --incomplete --older-than 30d")
                }
                guard let seconds = PurgeWorkflow.duration(olderThan) else {
                    throw ValidationError(
                        "Durée « \(olderThan) » non comprise : écrivez un nombre suivi de h (heures), d ou j (jours), w (semaines), par exemple 12h, 30d, 2w.")
                }
                return .incomplete(olderThan: seconds, text: olderThan)
            case (_?, true):
                throw ValidationError("Choisissez : --session ID (une demande d'effacement) ou --incomplete --older-than DURÉE, pas les deux.")
            case (nil, false):
                throw ValidationError("Indiquez quoi effacer : --session ID, ou --incomplete --older-than 30d.")
            }
        }
    }

    func validate() throws { _ = try selection }

    func run() throws {
        let selection = try selection
        _ = try Console.perform { try PurgeWorkflow.run(selection, confirmed: yes, storePath: store.path, output: $0) }
    }
}
