import Foundation
@testable import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct StatusWorkflowTests {
    @Test func rendersAlignedColumnsAndShowsImportedOnlyWhenThereAreSome() {
        let rows = [
            StatusRow(questionnaireID: "pilotes", version: 1, population: "pilotes", started: 12, inProgress: 2, completed: 10, medianCompletionSeconds: 750),
            StatusRow(
                questionnaireID: "contributeurs", version: 2, population: "contributeurs", started: 3, inProgress: 3, completed: 0, medianCompletionSeconds: nil
            ),
        ]
        #expect(
            StatusWorkflow.render(rows) == """
                Questionnaire  Version  Population     Démarrées  En cours  Terminées  Durée médiane
                -------------  -------  -------------  ---------  --------  ---------  -------------
                pilotes              1  pilotes               12         2         10    12 min 30 s
                contributeurs        2  contributeurs          3         3          0              —

                """)
        var imported = rows
        imported[0].imported = 4
        let text = StatusWorkflow.render(imported)
        #expect(text.hasPrefix("Questionnaire  Version  Population     Démarrées  En cours  Terminées  Durée médiane  dont importées\n"))
        #expect(text.hasSuffix("Durée médiane : réponses saisies avec prst seulement (une réponse importée n'a pas de durée).\n"))
    }

    @Test func aMissingStoreIsRefusedAndAnEmptyOneSaysSo() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/prst.sqlite"
        let refusal = #expect(throws: Refusal.self) { try StatusWorkflow.run(storePath: path, output: RecordingOutput()) }
        #expect(refusal?.message == "Aucune réponse : le fichier \(path) n'existe pas encore.")
        _ = try ResponseStore.open(at: path)
        let output = RecordingOutput()
        #expect(try StatusWorkflow.run(storePath: path, output: output) == .empty)
        #expect(output.stdout == "Aucune réponse pour l'instant dans \(path) : aucune session n'a été ouverte.\n")
    }
}
