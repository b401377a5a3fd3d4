import ArgumentParser
import SurveyWorkflows

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Crée, liste ou annule les codes d'invitation d'un questionnaire en accès sur invitation (access: token).",
        discussion: """
            Chaque code (par exemple K7F3-9QXM-2PAB-H4TR) ouvre le questionnaire une seule fois.
            Les codes complets ne sont écrits que dans le fichier CSV créé (colonnes token,
            questionnaire, version) : gardez-le en lieu sûr et ajoutez les noms dans votre propre
            fichier de publipostage. Le fichier de réponses ne garde qu'une empreinte de chaque
            code et ses quatre premiers caractères, jamais de nom ni d'adresse.

            Exemples :
              prst invite surveys/pilotes.yaml --count 40 --out invitations-pilotes.csv
              prst invite --list                  (état de chaque code, pour les relances)
              prst invite surveys/pilotes.yaml --list
              prst invite --revoke K7F3-9QXM-2PAB-H4TR
            """
    )

    @Argument(help: "Le questionnaire (fichier YAML avec « access: token ») pour lequel créer des codes.")
    var questionnaire: String?

    @Option(help: "Nombre de codes à créer (1 à 100 000).")
    var count: Int?

    @Option(help: "Fichier CSV à créer (par défaut : invitations-<questionnaire>-v<version>.csv).")
    var out: String?

    @Flag(help: "Affiche l'état de chaque code : non utilisé, en cours, terminé, révoqué.")
    var list = false

    @Option(help: "Annule ce code : il n'ouvre plus rien.")
    var revoke: String?

    @OptionGroup var store: StoreOptions

    /// The one action the options ask for.
    private var action: InviteWorkflow.Action {
        get throws {
            // With --list, a questionnaire named as well only narrows the listing.
            let modes = [(questionnaire != nil && !list) || count != nil, list, revoke != nil].filter { $0 }.count
            guard modes == 1 else {
                throw ValidationError(
                    modes == 0
                        ? "Indiquez quoi faire : « prst invite questionnaire.yaml --count N » pour créer des codes, « --list » pour les lister, « --revoke CODE » pour en annuler un."
                        : "Une seule action à la fois : créer des codes (questionnaire.yaml --count N), --list, ou --revoke CODE.")
            }
            if list { return .list(questionnaire: questionnaire) }
            if let revoke { return .revoke(token: revoke) }
            guard let file = questionnaire else {
                throw ValidationError("Indiquez le questionnaire : prst invite surveys/pilotes.yaml --count \(count ?? 40)")
            }
            guard let count else {
                throw ValidationError("Indiquez combien de codes créer avec --count, par exemple : prst invite \(file) --count 40")
            }
            guard (1...InviteWorkflow.maximumCount).contains(count) else {
                throw ValidationError("--count doit être compris entre 1 et \(InviteWorkflow.maximumCount) (reçu : \(count)).")
            }
            return .create(questionnaire: file, count: count, out: out)
        }
    }

    func validate() throws { _ = try action }

    func run() throws {
        let action = try action
        _ = try Console.perform { try InviteWorkflow.run(action, storePath: store.path, output: $0) }
    }
}
