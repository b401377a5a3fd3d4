import ArgumentParser
import Foundation
import SurveyAnalysis
import SurveyCore
import SurveyReports
import SurveyStore

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
    @Option(help: "La base de réponses à lire (par défaut $PRST_STORE, sinon prst.sqlite).") var store: String?
    @Option(help: "Dossier de sortie (défaut : reports/<campagne>).") var out: String?
    @Option(name: .customLong("min-group"), help: "Effectif minimal d'un groupe publié (défaut : min_group de la campagne).") var minGroup: Int?
    @Option(help: "Format des CSV : rfc4180 (R, Python) ou excel (Excel français).") var csv: String = "rfc4180"
    @Option(help: "Codage manuel des réponses libres : CSV session,question,theme.") var codage: String?

    func run() throws {
        let loaded = CampaignLoader.load(campaign)
        guard let campaignValue = loaded.campaign, !loaded.hasErrors else {
            Console.print(loaded.diagnostics)
            Console.error("La campagne n'est pas valide : corrigez les erreurs ci-dessus (prst validate).")
            throw ExitCode(1)
        }
        guard let style = CSVStyle(rawValue: csv) else {
            Console.error("--csv : « \(csv) » inconnu ; valeurs possibles : rfc4180, excel")
            throw ExitCode(1)
        }
        if let minGroup, minGroup < 1 {
            Console.error("--min-group doit être au moins 1")
            throw ExitCode(1)
        }
        var options = AnalysisOptions(minGroup: minGroup)
        if let codage {
            guard let text = try? String(contentsOfFile: codage, encoding: .utf8) else {
                Console.error("Impossible de lire le codage manuel \(codage).")
                throw ExitCode(1)
            }
            options.manualCodes = ManualCoding.parse(text)
        }
        let showProgress = Console.isTerminal(STDERR_FILENO)
        if showProgress { options.progress = { Console.progress("\($0) réponses lues") } }
        let path = StoreLocation.resolve(store)
        guard FileManager.default.fileExists(atPath: path) else {
            Console.error("Aucune réponse : le fichier \(path) n'existe pas. Indiquez la base avec --store (ou la variable PRST_STORE).")
            throw ExitCode(1)
        }
        let reader: ResponseStore
        do {
            reader = try ResponseStore.open(at: path)
        } catch {
            Console.error(error.message)
            throw ExitCode(1)
        }
        let directory = out ?? "reports/\(campaignValue.id)"
        // Open answers go to disk as they are read, so memory does not grow with the survey.
        let spool = try SurveyReport.VerbatimSpool(directory: directory, style: style)
        options.verbatimSink = { spool.add($0) }
        let result = try SurveyAnalyzer.analyse(campaign: campaignValue, codebook: loaded.codebook, reader: reader, options: options)
        if showProgress { Console.error("") }
        try spool.finish(published: result.publishedTexts)
        try SurveyReport(result, csv: style).write(to: directory, except: ["verbatims.csv"])
        Console.error("Rapport écrit dans \(directory)/synthese.md (\(result.suppressed.count) résultat(s) non publié(s) pour le secret statistique).")
    }
}
