import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Vérifie des questionnaires, référentiels, campagnes et codebooks.",
        discussion: """
        Signale chaque problème sous la forme fichier:ligne:colonne: error: message.
        Avec --store, vérifie aussi que les questionnaires restent compatibles avec les réponses
        déjà enregistrées (une modification de structure exige une nouvelle « version »).
        Code de sortie : 0 si tout est valide, 1 sinon.
        """
    )

    @Argument(help: "Fichiers YAML ou dossiers à vérifier (par exemple : surveys).")
    var paths: [String]

    @Flag(help: "Traiter les avertissements comme des erreurs.")
    var strict = false

    @Option(help: "Fichier de réponses à comparer (par défaut : aucun).")
    var store: String?

    func run() throws {
        var diagnostics = DefinitionValidator.validate(paths)
        if let store, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += try storeDiagnostics(store)
        }
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

    /// Structural changes that the responses already stored would not survive.
    private func storeDiagnostics(_ store: String) throws -> [Diagnostic] {
        guard FileManager.default.fileExists(atPath: store) else {
            Console.error("Le fichier de réponses \(store) n'existe pas : aucune réponse à comparer.")
            throw ExitCode(1)
        }
        let opened: ResponseStore
        do { opened = try ResponseStore.open(at: store) } catch {
            Console.error(error.message)
            throw ExitCode(1)
        }
        var diagnostics: [Diagnostic] = []
        for file in (try? DefinitionValidator.expand(paths)) ?? [] where DefinitionValidator.kind(of: file) == .questionnaire {
            let loaded = QuestionnaireLoader.load(file)
            guard loaded.questionnaire != nil else { continue }
            do {
                for problem in try opened.compatibilityProblems(with: loaded) {
                    diagnostics.append(.error(SourceLocation(file: file), .incompatibleChange(problem)))
                }
            } catch {
                diagnostics.append(.error(SourceLocation(file: file), StoreProblem.untyped(message: error.message)))
            }
        }
        return diagnostics
    }
}
