import ArgumentParser
import SurveyWorkflows

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Affiche l'avancement de la collecte : sessions démarrées, en cours, terminées, durée médiane.",
        discussion: """
            Une ligne par questionnaire, version et population.
            Fichier de réponses : --store, sinon la variable PRST_STORE, sinon prst.sqlite dans le dossier courant.
            Exemple : prst status --store collecte/prst.sqlite
            """
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        _ = try Console.perform { try StatusWorkflow.run(storePath: store.path, output: $0) }
    }
}
