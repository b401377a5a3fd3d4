import ArgumentParser
import Foundation
import SurveyStore

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Réunit dans un seul fichier les réponses recueillies sur plusieurs postes pour une même campagne.",
        discussion: """
            Les réponses déjà présentes ne sont jamais dupliquées : fusionner deux fois le même
            fichier ne change rien. Tout est fusionné ou rien (en cas de conflit, le fichier de
            destination reste tel quel). Les réponses des fichiers fusionnés ne sont pas modifiées
            (un fichier d'une version antérieure de prst est seulement mis au nouveau format).
            Exemple : prst merge --into campagne.sqlite poste1.sqlite poste2.sqlite
            """
    )

    @Option(help: "Le fichier de réponses qui reçoit la fusion (créé s'il n'existe pas).")
    var into: String?

    @Argument(help: "Les fichiers de réponses à y ajouter.")
    var stores: [String] = []

    func run() throws {
        guard let into, !into.isEmpty else {
            Console.error("Indiquez le fichier qui reçoit la fusion avec --into, par exemple : prst merge --into campagne.sqlite poste1.sqlite poste2.sqlite")
            throw ExitCode(1)
        }
        guard !stores.isEmpty else {
            Console.error("Indiquez au moins un fichier de réponses à fusionner : prst merge --into \(into) poste1.sqlite poste2.sqlite")
            throw ExitCode(1)
        }
        // Every source is checked before the destination is created or touched.
        var sources: [ResponseStore] = []
        for path in stores { sources.append(try ExistingStore.open(path)) }
        let target: ResponseStore
        let report: MergeReport
        do {
            target = try ResponseStore.open(at: into)
            if let warning = target.permissionWarning() { Console.error(warning) }
            report = try target.merge(from: sources)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        for note in report.notes { Console.error("Attention : " + note) }
        var text = "Fusion dans \(into) : \(report.sessionsAdded) session\(report.sessionsAdded > 1 ? "s" : "") ajoutée\(report.sessionsAdded > 1 ? "s" : "")"
        text += " (\(report.answersAdded) réponse\(report.answersAdded > 1 ? "s" : ""))"
        if report.sessionsSkipped > 0 {
            text += ", \(report.sessionsSkipped) déjà présente\(report.sessionsSkipped > 1 ? "s" : "") (ignorée\(report.sessionsSkipped > 1 ? "s" : ""))"
        }
        text += ".\n"
        text +=
            "Définitions de questionnaires : \(report.definitionsAdded) ajoutée\(report.definitionsAdded > 1 ? "s" : ""), \(report.definitionsKnown) déjà présente\(report.definitionsKnown > 1 ? "s" : "").\n"
        if report.tokensAdded + report.tokensUpdated + report.tokensSkipped > 0 {
            text +=
                "Codes d'invitation : \(report.tokensAdded) ajouté\(report.tokensAdded > 1 ? "s" : ""), \(report.tokensUpdated) mis à jour, \(report.tokensSkipped) inchangé\(report.tokensSkipped > 1 ? "s" : "").\n"
        }
        Console.out(text)
    }
}
