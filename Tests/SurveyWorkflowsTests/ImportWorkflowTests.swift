import Foundation
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct ImportWorkflowTests {
    @Test func aFailedImportRemovesTheStoreItCreated() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let csv = try directory.write("saisie.csv", "participe,nb\noui,3\nnon,12\n")
        let store = directory.path + "/prst.sqlite"
        let refusal = #expect(throws: Refusal.self) {
            try ImportWorkflow.run(questionnaire: file, file: csv, storePath: store, dryRun: false, output: RecordingOutput())
        }
        #expect(
            refusal?.lines == [
                "\(csv):3:2: colonne « nb » : question 2 : Le nombre doit être au plus 10.",
                "Rien n'a été importé : 1 erreur(s) dans \(csv). Corrigez-les puis relancez (avec --dry-run pour seulement vérifier).",
            ])
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: store + suffix)) }
    }

    @Test func aFailedImportLeavesAnExistingStoreAsItWas() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/prst.sqlite"
        let good = try directory.write("bon.csv", "session,participe,nb\nA1,oui,3\n")
        let imported = try ImportWorkflow.run(questionnaire: file, file: good, storePath: store, dryRun: false, output: RecordingOutput())
        guard case .imported(let summary) = imported else { Issue.record("not imported: \(imported)"); return }
        #expect(summary.valid == 1)

        // The same session again: refused, the store keeps its one session.
        let twice = #expect(throws: Refusal.self) {
            try ImportWorkflow.run(questionnaire: file, file: good, storePath: store, dryRun: false, output: RecordingOutput())
        }
        #expect(twice?.lines.first?.contains("la session « A1 » est déjà dans \(store)") == true)
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(try ResponseStore.open(at: store).status().map(\.started) == [1])
    }

    @Test func newSessionsTakeTheGivenIDsAndDryRunStoresNothing() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/prst.sqlite"
        let csv = try directory.write("saisie.csv", "participe,nb\noui,3\nnon,0\n")
        var issued = 0
        let next: () -> String = {
            issued += 1
            return "IMP\(issued)"
        }
        let output = RecordingOutput()
        let checked = try ImportWorkflow.run(questionnaire: file, file: csv, storePath: store, dryRun: true, newSessionID: next, output: output)
        guard case .checked(let summary) = checked else { Issue.record("not checked: \(checked)"); return }
        #expect(summary.valid == 2)
        #expect(output.stdout.hasSuffix("Rien n'a été importé (--dry-run).\n"))
        #expect(!FileManager.default.fileExists(atPath: store))

        issued = 0
        _ = try ImportWorkflow.run(questionnaire: file, file: csv, storePath: store, dryRun: false, newSessionID: next, output: RecordingOutput())
        var ids: [String] = []
        try ResponseStore.open(at: store).forEachResponse(questionnaireID: "court", version: 1) { ids.append($0.sessionID) }
        #expect(ids.sorted() == ["IMP1", "IMP2"])
    }

    @Test func aTemplateWithoutRowsImportsNothingAndCreatesNoStore() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let csv = try directory.write("modele.csv", "session,participe,nb\n")
        let store = directory.path + "/prst.sqlite"
        let output = RecordingOutput()
        let outcome = try ImportWorkflow.run(questionnaire: file, file: csv, storePath: store, dryRun: false, output: output)
        guard case .empty = outcome else { Issue.record("\(outcome)"); return }
        #expect(output.stdout == "Aucune réponse dans \(csv) : rien à importer.\n")
        #expect(!FileManager.default.fileExists(atPath: store))
    }
}
