import Foundation
import SurveyCore
import SurveyStore

/// `prst validate`: the definitions' own problems, then (with a store) the structural changes
/// that the responses already stored would not survive.
package enum ValidateWorkflow {
    package struct Outcome: Sendable {
        package var diagnostics: [Diagnostic]
        package var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        package var warnings: Int { diagnostics.count - errors }
    }

    /// Prints the diagnostics; refuses when there are errors (or warnings with `strict`).
    package static func run(paths: [String], strict: Bool, storePath: String?, output: WorkflowOutput) throws(Refusal) -> Outcome {
        var diagnostics = DefinitionValidator.validate(paths)
        if let storePath, !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics += try storeDiagnostics(paths: paths, storePath: storePath)
        }
        output.print(diagnostics)
        let outcome = Outcome(diagnostics: diagnostics)
        let errors = outcome.errors, warnings = outcome.warnings
        if errors > 0 || (strict && warnings > 0) {
            throw Refusal(.definitionsHaveProblems(errors: errors, warnings: warnings))
        }
        output.error(.definitionsValid(paths: paths, warnings: warnings))
        return outcome
    }

    private static func storeDiagnostics(paths: [String], storePath: String) throws(Refusal) -> [Diagnostic] {
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw Refusal(.noStoreToCompare(path: storePath))
        }
        let opened: ResponseStore
        do { opened = try ResponseStore.open(at: storePath) } catch { throw Refusal(error) }
        var diagnostics: [Diagnostic] = []
        for file in (try? DefinitionValidator.expand(paths)) ?? [] where DefinitionValidator.kind(of: file) == .questionnaire {
            let loaded = QuestionnaireLoader.load(file)
            guard loaded.questionnaire != nil else { continue }
            do {
                for problem in try opened.compatibilityProblems(with: loaded) {
                    diagnostics.append(.error(SourceLocation(file: file), problem))
                }
            } catch {
                diagnostics.append(.error(SourceLocation(file: file), error.problem))
            }
        }
        return diagnostics
    }
}
