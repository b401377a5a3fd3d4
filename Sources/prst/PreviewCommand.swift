import ArgumentParser
import Foundation
import SurveyCore
import SurveyReports

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
        var themeTitles: [String: String] = [:]
        var themes: Set<String>?
        if let campaignPath = DefinitionValidator.campaign(listing: questionnaire) {
            let loaded = CampaignLoader.load(campaignPath)
            if let campaign = loaded.campaign {
                themes = campaign.themeIDs
                themeTitles = Dictionary(uniqueKeysWithValues: campaign.themes.map { ($0.id, $0.title) })
            }
        }
        let loaded = QuestionnaireLoader.load(questionnaire, themes: themes)
        guard let definition = loaded.questionnaire else {
            Console.print(loaded.diagnostics)
            Console.error("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (prst validate \(questionnaire)).")
            throw ExitCode(1)
        }
        let markdown = QuestionnairePreview(definition, themeTitles: themeTitles).render()
        if let output {
            do {
                try markdown.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                Console.error("Impossible d'écrire \(output) : vérifiez le dossier et les droits d'écriture.")
                throw ExitCode(1)
            }
        } else {
            Console.out(markdown)
        }
    }
}
