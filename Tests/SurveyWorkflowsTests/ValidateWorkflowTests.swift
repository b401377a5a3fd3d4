import Foundation
import SurveyCore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct ValidateWorkflowTests {
    @Test func aStructuralChangeAfterResponsesIsAnErrorWithAHint() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/prst.sqlite"
        let csv = try directory.write("saisie.csv", "participe,nb\noui,3\n")
        _ = try ImportWorkflow.run(questionnaire: file, file: csv, storePath: store, dryRun: false, output: RecordingOutput())

        let unchanged = RecordingOutput()
        let outcome = try ValidateWorkflow.run(paths: [file], strict: false, storePath: store, output: unchanged)
        // (The one warning: no campaign in the folder lists the questionnaire.)
        #expect(outcome.errors == 0 && unchanged.stderr == ["\(file) : valide, avec 1 avertissement."])

        // Same id and version, a question removed: the stored responses would not fit.
        try Questionnaires.short().replacingOccurrences(of: "      - {id: nb, type: number, min: 0, max: 10, label: \"Combien ?\"}", with: "")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let changed = RecordingOutput()
        let refusal = #expect(throws: Refusal.self) { try ValidateWorkflow.run(paths: [file], strict: false, storePath: store, output: changed) }
        #expect(refusal?.message == "1 erreur, 1 avertissement : corrigez puis relancez « prst validate ».")
        let error = changed.diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("« nb »") == true && error?.message.contains("supprimée") == true)
        #expect(error?.hint?.contains("augmentez « version: »") == true)
    }

    @Test func aMissingStoreIsRefusedBeforeAnythingIsPrinted() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let output = RecordingOutput()
        let refusal = #expect(throws: Refusal.self) {
            try ValidateWorkflow.run(paths: [file], strict: false, storePath: directory.path + "/absent.sqlite", output: output)
        }
        #expect(refusal?.message == "Le fichier de réponses \(directory.path)/absent.sqlite n'existe pas : aucune réponse à comparer.")
        #expect(output.diagnostics.isEmpty && output.stderr.isEmpty)
    }
}
