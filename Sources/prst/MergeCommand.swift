import ArgumentParser
import SurveyWorkflows

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

    func validate() throws {
        guard let into, !into.isEmpty else {
            throw ValidationError(
                "Indiquez le fichier qui reçoit la fusion avec --into, par exemple : prst merge --into campagne.sqlite poste1.sqlite poste2.sqlite")
        }
        guard !stores.isEmpty else {
            throw ValidationError("Indiquez au moins un fichier de réponses à fusionner : prst merge --into \(into) poste1.sqlite poste2.sqlite")
        }
    }

    func run() throws {
        _ = try Console.perform { try MergeWorkflow.run(into: into ?? "", sources: stores, output: $0) }
    }
}
