import ArgumentParser
import SurveyWorkflows

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Affiche un questionnaire en Markdown, version papier à faire valider par le comité.",
        discussion: "Exemple : prst preview surveys/destinataires.yaml > destinataires.md"
    )

    @Argument(help: "Le questionnaire (fichier YAML).")
    var questionnaire: String

    @Option(name: .shortAndLong, help: "Écrire dans ce fichier au lieu de la sortie standard.")
    var output: String?

    func run() throws {
        try Console.perform { try PreviewWorkflow.run(questionnaire: questionnaire, destination: output, output: $0) }
    }
}
