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
            """
    )

    @Argument(help: "Le fichier de campagne (campagne.yaml).") var campaign: String
    @OptionGroup var store: StoreOptions
    @Option(help: "Dossier de sortie (défaut : reports/<campagne>).") var out: String?
    @Option(name: .customLong("min-group"), help: "Effectif minimal d'un groupe publié (défaut : min_group de la campagne).") var minGroup: Int?
    @Option(help: "Format des CSV : rfc4180 (R, Python) ou excel (Excel français).") var csv: CSVStyle = .rfc4180
    @Option(help: "Codage manuel des réponses libres : CSV session,question,theme.") var coding: String?

    // The option's first, French name, kept so that scripts and habits written with it still work.
    @Option(name: .customLong("codage"), help: ArgumentHelp("Ancien nom de --coding.", visibility: .hidden)) var codage: String?

    func validate() throws {
        if let minGroup, minGroup < 1 { throw ValidationError("--min-group doit être au moins 1") }
        if coding != nil, codage != nil { throw ValidationError("--coding et --codage désignent la même option : gardez seulement --coding.") }
    }

    func run() throws {
        _ = try Console.perform {
            try ReportWorkflow.run(
                campaign: campaign, storePath: store.path, directory: out, minGroup: minGroup, style: csv, manualCoding: coding ?? codage, output: $0)
        }
    }
}
