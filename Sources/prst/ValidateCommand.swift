import ArgumentParser
import SurveyWorkflows

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Vérifie des questionnaires, référentiels, campagnes et codebooks.",
        discussion: """
            Signale chaque problème sous la forme fichier:ligne:colonne: error: message.
            Avec --store, vérifie aussi que les questionnaires restent compatibles avec les réponses
            déjà enregistrées (une modification de structure exige une nouvelle « version »).
            Code de sortie : 0 si tout est valide, 1 sinon.
            """
    )

    @Argument(help: "Fichiers YAML ou dossiers à vérifier (par exemple : surveys).")
    var paths: [String]

    @Flag(help: "Traiter les avertissements comme des erreurs.")
    var strict = false

    // Not StoreOptions: without --store nothing is compared (no $PRST_STORE, no default file).
    @Option(help: "Fichier de réponses à comparer (par défaut : aucun).")
    var store: String?

    func run() throws {
        _ = try Console.perform { try ValidateWorkflow.run(paths: paths, strict: strict, storePath: store, output: $0) }
    }
}
