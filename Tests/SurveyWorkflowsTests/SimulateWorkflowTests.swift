import Foundation
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct SimulateWorkflowTests {
    static let campaign = packageRoot() + "/surveys/campagne.yaml"

    @Test func sizesOverrideTheDefaultsAndNameTheBadPart() throws {
        let sizes = try SimulateWorkflow.sizes("pilotes=3,destinataires=0").get()
        #expect(sizes == ["pilotes": 3, "contributeurs": 84, "destinataires": 0])
        for bad in ["pilotes", "pilotes=-1", "pilotes=trois", "a=1=2"] {
            guard case .failure(let error) = SimulateWorkflow.sizes(bad) else {
                Issue.record("\(bad) accepted")
                continue
            }
            #expect(error.message == "--respondents : « \(bad) » n'est pas de la forme population=nombre")
        }
    }

    /// A monitoring questionnaire is answered per unit × period: its progress counts sessions
    /// without a total (the sizes give none), and its last count is drawn even under 500.
    @Test func progressOfAMonitoringQuestionnaireHasNoZeroTotal() throws {
        let directory = try TemporaryDirectory()
        let output = RecordingOutput(showsProgress: true)
        let outcome = try SimulateWorkflow.run(
            campaign: packageRoot() + "/surveys/suivi-cpom.yaml", storePath: directory.path + "/suivi.sqlite", seed: 7, sizes: [:], output: output)
        let written = try #require(outcome.written.first?.sessions)
        #expect(written > 0)
        #expect(output.progressLines.last == "spsti : \(written)")
    }

    @Test func writesSimulatedSessionsButNeverBesideRealOnes() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/essai.sqlite"
        let sizes = ["pilotes": 4, "contributeurs": 2, "destinataires": 0]
        let output = RecordingOutput()
        let outcome = try SimulateWorkflow.run(campaign: Self.campaign, storePath: store, seed: 7, sizes: sizes, output: output)
        #expect(outcome.written.map(\.sessions) == [4, 2, 0])
        #expect(output.stderr.last == "Réponses simulées écrites dans \(store).")
        #expect(try ResponseStore.open(at: store).status().reduce(0) { $0 + $1.simulated } == 6)

        // A real response in the file: the simulation refuses and adds nothing.
        let real = directory.path + "/collecte.sqlite"
        let questionnaire = packageRoot() + "/surveys/pilotes.yaml"
        let csv = directory.path + "/pilotes.csv"
        _ = try ExportWorkflow.run(
            definition: questionnaire, storePath: store, directory: directory.path, style: .rfc4180, includeIncomplete: false, output: RecordingOutput())
        _ = try ImportWorkflow.run(questionnaire: questionnaire, file: csv, storePath: real, dryRun: false, output: RecordingOutput())
        let before = try ResponseStore.open(at: real).status()
        let refusal = #expect(throws: Refusal.self) {
            try SimulateWorkflow.run(campaign: Self.campaign, storePath: real, seed: 7, sizes: sizes, output: RecordingOutput())
        }
        #expect(refusal?.message.hasPrefix("La base \(real) contient de vraies réponses") == true)
        #expect(try ResponseStore.open(at: real).status() == before)
    }
}
