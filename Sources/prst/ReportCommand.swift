import ArgumentParser
import SurveyCore
import SurveyWorkflows

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Produit la synthèse du comité (synthese.md), les exports CSV et les graphiques SVG.",
        discussion: """
            Écrit dans reports/<identifiant de campagne>/ par défaut. Exemple :
              prst report surveys/campagne.yaml --store prst.sqlite --csv excel
            Comparer avec la vague précédente (mêmes items) :
              prst report surveys/campagne.yaml --store prst4.sqlite --previous prst3.sqlite --previous-label "PRST 3" --label "PRST 4"
            """
    )

    @Argument(help: "Le fichier de campagne (campagne.yaml).") var campaign: String
    @OptionGroup var store: StoreOptions
    @Option(help: "Dossier de sortie (défaut : reports/<campagne>).") var out: String?
    @Option(name: .customLong("min-group"), help: "Effectif minimal d'un groupe publié (défaut : min_group de la campagne).") var minGroup: Int?
    @OptionGroup var csv: CSVOptions
    @Option(help: "Codage manuel des réponses libres : CSV session,question,theme.") var coding: String?
    @Option(help: "Fichier de réponses de la vague précédente (ex. prst3.sqlite), pour la section « Évolution » et evolution-vagues.csv.")
    var previous: String?
    @Option(name: .customLong("previous-label"), help: "Nom de la vague précédente dans le rapport (défaut : « vague précédente »).")
    var previousLabel: String?
    @Option(help: "Nom de la vague de --store dans le rapport (défaut : « vague actuelle »).") var label: String?

    // The option's first, French name, kept so that scripts and habits written with it still work.
    @Option(name: .customLong("codage"), help: ArgumentHelp("Ancien nom de --coding.", visibility: .hidden)) var codage: String?

    func validate() throws {
        if let minGroup, minGroup < 1 { throw ValidationError("--min-group doit être au moins 1") }
        if previous == nil, previousLabel != nil || label != nil {
            throw ValidationError("--previous-label et --label nomment les vagues comparées : indiquez aussi --previous (le fichier de la vague précédente).")
        }
        if coding != nil, codage != nil { throw ValidationError("--coding et --codage désignent la même option : gardez seulement --coding.") }
    }

    func run() throws {
        _ = try Console.perform {
            try ReportWorkflow.run(
                campaign: campaign, storePath: store.path, directory: out, minGroup: minGroup, style: csv.style, manualCoding: coding ?? codage,
                previous: previous.map { ReportWorkflow.PreviousWave(storePath: $0, label: previousLabel, currentLabel: label) }, output: $0)
        }
    }
}
