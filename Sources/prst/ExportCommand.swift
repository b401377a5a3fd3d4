import ArgumentParser
import SurveyCore
import SurveyWorkflows

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte les réponses pour Excel ou R : un CSV large par questionnaire, dictionnaire.csv et import.R.",
        discussion: """
            Une ligne par réponse terminée, une colonne par question (une colonne 0/1 par choix d'une question à choix multiples, une colonne par production et par question dans une partie répétée). Cellule vide : sans réponse ; « #NP » : question non posée ; « nsp » (ou le code prévu) : « Ne sait pas ».

            Les heures de début et de fin ne figurent que pour un questionnaire « anonymous: false ». Un questionnaire sans réponse donne un fichier avec la seule ligne d'en-tête : c'est le modèle à remplir pour prst import. Détails : docs/export-import.md.

            Exemples :
              prst export surveys/campagne.yaml --out export --csv excel
              prst export surveys/pilotes.yaml --out export --include-incomplete
              cd export && Rscript import.R
            """
    )

    @Argument(help: "La campagne (campagne.yaml) ou un questionnaire.") var definition: String
    @OptionGroup var store: StoreOptions
    @Option(help: "Dossier où écrire les fichiers (créé au besoin).") var out: String?
    @OptionGroup var csv: CSVOptions
    @Flag(name: .customLong("include-incomplete"), help: "Ajoute les réponses non terminées, avec une colonne statut.") var includeIncomplete = false

    func validate() throws {
        guard let out, !out.isEmpty else {
            throw ValidationError("Indiquez le dossier où écrire l'export : --out DOSSIER (par exemple --out export).")
        }
    }

    func run() throws {
        _ = try Console.perform {
            try ExportWorkflow.run(
                definition: definition, storePath: store.path, directory: out ?? "", style: csv.style, includeIncomplete: includeIncomplete, output: $0)
        }
    }
}
