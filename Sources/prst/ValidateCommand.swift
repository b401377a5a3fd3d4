import ArgumentParser
import SurveyCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Vérifie des questionnaires, référentiels, campagnes et codebooks.",
        discussion: """
        Signale chaque problème sous la forme fichier:ligne:colonne: error: message.
        Code de sortie : 0 si tout est valide, 1 sinon.
        """
    )

    @Argument(help: "Fichiers YAML ou dossiers à vérifier (par exemple : surveys).")
    var paths: [String]

    @Flag(help: "Traiter les avertissements comme des erreurs.")
    var strict = false

    func run() throws {
        let diagnostics = DefinitionValidator.validate(paths)
        Console.print(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if errors > 0 || (strict && warnings > 0) {
            Console.error("\(errors) erreur\(errors > 1 ? "s" : ""), \(warnings) avertissement\(warnings > 1 ? "s" : "") : corrigez puis relancez « prst validate ».")
            throw ExitCode(1)
        }
        let summary = warnings > 0 ? "valide, avec \(warnings) avertissement\(warnings > 1 ? "s" : "")" : "valide"
        Console.error("\(paths.joined(separator: " ")) : \(summary).")
    }
}
