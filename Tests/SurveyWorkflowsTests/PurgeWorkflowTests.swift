import Foundation
import SurveyCore
import SurveyRunner
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct PurgeWorkflowTests {
    static func noToken(_: Strings) -> String? { nil }

    @Test func theAgeOfUnfinishedSessionsIsMeasuredWithTheGivenClock() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/prst.sqlite"
        let clock = ManualClock()
        let run = try RunWorkflow.prepare(questionnaire: file, entry: .start(token: nil), storePath: store, now: clock.clock, askForToken: Self.noToken)
        #expect(run.session.submit(.choice("oui")).isAccepted)

        clock.advance(3 * 3600)
        let selection = PurgeWorkflow.Selection.incomplete(olderThan: try #require(PurgeWorkflow.duration("12h")), text: "12h")
        #expect(try PurgeWorkflow.run(selection, confirmed: true, storePath: store, now: clock.clock, output: RecordingOutput()) == .nothingToErase)

        clock.advance(10 * 3600)
        let shown = RecordingOutput()
        let unconfirmed = #expect(throws: Refusal.self) {
            try PurgeWorkflow.run(selection, confirmed: false, storePath: store, now: clock.clock, output: shown)
        }
        #expect(unconfirmed?.message == "Rien n'a été effacé : relancez la même commande en ajoutant --yes pour confirmer.")
        #expect(shown.stdout.hasPrefix("À effacer : 1 session (1 non terminée), 1 réponse"))

        guard case .erased(_, let deleted) = try PurgeWorkflow.run(selection, confirmed: true, storePath: store, now: clock.clock, output: RecordingOutput())
        else { Issue.record("not erased"); return }
        #expect(deleted == [run.session.sessionID])
        #expect(try ResponseStore.open(at: store).status().map(\.started) == [])
    }

    @Test func durationsInHoursDaysAndWeeks() {
        #expect(PurgeWorkflow.duration("12h") == 43_200)
        #expect(PurgeWorkflow.duration("30j") == PurgeWorkflow.duration("30d"))
        #expect(PurgeWorkflow.duration("2w") == Double(14 * 86_400))
        #expect(PurgeWorkflow.duration("30 jours") == nil && PurgeWorkflow.duration("0d") == nil)
    }
}
