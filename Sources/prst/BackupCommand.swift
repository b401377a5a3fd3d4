import ArgumentParser
import SurveyWorkflows

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copie le fichier de réponses, même pendant la collecte, en un fichier cohérent et vérifié.",
        discussion: """
            La copie est lisible par vous seul et ne remplace jamais un fichier existant sans --force.
            Exemple : prst backup --store collecte/prst.sqlite --out sauvegardes/prst-2026-03-12.sqlite
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Le fichier de sauvegarde à créer.")
    var out: String?

    @Flag(help: "Remplace le fichier de sauvegarde s'il existe déjà.")
    var force = false

    func validate() throws {
        guard let out, !out.isEmpty else {
            throw ValidationError("Indiquez le fichier de sauvegarde à créer avec --out, par exemple : prst backup --out sauvegarde.sqlite")
        }
    }

    func run() throws {
        try Console.perform { try BackupWorkflow.run(storePath: store.path, destination: out ?? "", replacing: force, output: $0) }
    }
}
