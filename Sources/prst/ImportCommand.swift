import ArgumentParser
import SurveyWorkflows

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe des réponses recueillies ailleurs (saisie d'un questionnaire papier, autre outil) depuis un CSV.",
        discussion: """
            Le CSV a les colonnes de prst export : partez d'un export, même vide, comme modèle. Le séparateur (« , » ou « ; »), l'indicateur d'ordre des octets et la virgule décimale sont reconnus.

            Chaque valeur est contrôlée comme dans prst run : codes, bornes, conditions, questions obligatoires. À la moindre erreur, toutes sont listées (fichier:ligne:colonne: message) et rien n'est importé. Les réponses importées sont marquées comme telles ; une session déjà présente n'est jamais importée deux fois. Détails : docs/export-import.md.

            Exemples :
              prst import surveys/pilotes.yaml saisie-papier.csv --dry-run
              prst import surveys/pilotes.yaml saisie-papier.csv --store prst.sqlite
            """
    )

    @Argument(help: "Le questionnaire auquel les réponses ont été données (fichier YAML).") var questionnaire: String
    @Argument(help: "Le fichier CSV des réponses.") var file: String
    @OptionGroup var store: StoreOptions
    @Flag(name: .customLong("dry-run"), help: "Vérifie seulement : n'importe rien.") var dryRun = false

    func run() throws {
        _ = try Console.perform {
            try ImportWorkflow.run(questionnaire: questionnaire, file: file, storePath: store.path, dryRun: dryRun, output: $0)
        }
    }
}
