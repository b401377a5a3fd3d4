import ArgumentParser
import Foundation
import SurveyStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copie le fichier de réponses, même pendant la collecte, en un fichier cohérent et vérifié.",
        discussion: """
            La copie est lisible par vous seul et ne remplace jamais un fichier existant sans --force.
            Exemple : prst backup --store collecte/prst.sqlite --out sauvegardes/prst-2026-03-12.sqlite
            """
    )

    @Option(help: "Le fichier de réponses à copier (par défaut : $PRST_STORE, sinon prst.sqlite).")
    var store: String?

    @Option(help: "Le fichier de sauvegarde à créer.")
    var out: String?

    @Flag(help: "Remplace le fichier de sauvegarde s'il existe déjà.")
    var force = false

    func run() throws {
        guard let out, !out.isEmpty else {
            Console.error("Indiquez le fichier de sauvegarde à créer avec --out, par exemple : prst backup --out sauvegarde.sqlite")
            throw ExitCode(1)
        }
        let path = StoreLocation.resolve(store)
        let responses = try ExistingStore.open(path)
        do {
            try responses.backup(to: out, replacing: force)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        Console.out("Sauvegarde de \(path) écrite dans \(out) (vérifiée, lisible par vous seul).\n")
    }
}
