import ArgumentParser
import SurveyWorkflows

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Génère des réponses simulées réalistes (origine « simulated ») pour tester le rapport.",
        discussion: """
            Les tendances viennent du bloc « simulation: » de la campagne. Les sessions simulées sont
            marquées comme telles ; la commande refuse d'écrire dans une base qui contient de vraies
            réponses. Exemple :
              prst simulate surveys/campagne.yaml --seed 2020 --store essai.sqlite
              prst report surveys/campagne.yaml --store essai.sqlite --out /tmp/rapport
            """
    )

    @Argument(help: "Le fichier de campagne (campagne.yaml).") var campaign: String
    @OptionGroup var store: StoreOptions
    @Option(help: "Graine du générateur (même graine, mêmes réponses).") var seed: UInt64 = 2020
    @Option(help: "Effectifs par population, ex. pilotes=17,contributeurs=84,destinataires=249.") var respondents: String?

    func validate() throws {
        if case .failure(let error) = SimulateWorkflow.sizes(respondents) { throw ValidationError(error.message) }
    }

    func run() throws {
        let sizes = try SimulateWorkflow.sizes(respondents).get()
        _ = try Console.perform { try SimulateWorkflow.run(campaign: campaign, storePath: store.path, seed: seed, sizes: sizes, output: $0) }
    }
}
