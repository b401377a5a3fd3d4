import Foundation
import SurveyCore
import SurveyRunner
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct RunWorkflowTests {
    static func noToken(_: Strings) -> String? { nil }

    @Test func startStampsWithTheClockAndResumeRestoresTheAnswers() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/prst.sqlite"
        let clock = ManualClock()
        let started = clock.now

        let first = try RunWorkflow.prepare(questionnaire: file, entry: .start(token: nil), storePath: store, now: clock.clock, askForToken: Self.noToken)
        #expect(!first.session.isRehearsal && !first.session.isResumed)
        #expect(first.session.submit(.choice("oui")).isAccepted)
        let code = try #require(first.session.resumeCode)

        clock.advance(90)
        let resumed = try RunWorkflow.prepare(questionnaire: file, entry: .resume(code: code), storePath: store, now: clock.clock, askForToken: Self.noToken)
        #expect(resumed.session.isResumed && resumed.session.sessionID == first.session.sessionID)
        #expect(resumed.session.engine.answers[AnswerKey("participe")] == .choice("oui"))
        #expect(resumed.session.submit(.number(3)).isAccepted)
        try resumed.session.complete()

        var records: [ResponseRecord] = []
        try ResponseStore.open(at: store).forEachResponse(questionnaireID: "court", version: 1) { records.append($0) }
        #expect(records.count == 1)
        #expect(records.first?.startedAt == started)
        #expect(records.first?.completedAt == started.addingTimeInterval(90))
        #expect(RunWorkflow.receipt(resumed)?.contains(first.session.sessionID) == true)
    }

    @Test func resumeRefusesAnUnknownCodeAndAnotherQuestionnairesCode() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let other = try directory.write("autre.yaml", Questionnaires.short(id: "autre"))
        let store = directory.path + "/prst.sqlite"
        let unknown = #expect(throws: Refusal.self) {
            try RunWorkflow.prepare(questionnaire: file, entry: .resume(code: "ZZZZ-ZZZZ"), storePath: store, askForToken: Self.noToken)
        }
        #expect(unknown?.message.hasPrefix("Code de reprise inconnu : « ZZZZ-ZZZZ ».") == true)

        let started = try RunWorkflow.prepare(questionnaire: other, entry: .start(token: nil), storePath: store, askForToken: Self.noToken)
        let code = try #require(started.session.resumeCode)
        let mismatch = #expect(throws: Refusal.self) {
            try RunWorkflow.prepare(questionnaire: file, entry: .resume(code: code), storePath: store, askForToken: Self.noToken)
        }
        #expect(mismatch?.message == "Ce code de reprise correspond au questionnaire « autre », pas à « court ».")
    }

    /// The store's refusals reach the respondent in the questionnaire's language.
    @Test func anEnglishRespondentIsRefusedInEnglish() throws {
        let directory = try TemporaryDirectory()
        let english = Questionnaires.short(id: "invited", access: "token").replacingOccurrences(of: "format: 1\n", with: "format: 1\nlanguage: en\n")
        let file = try directory.write("invited.yaml", english)
        let store = directory.path + "/prst.sqlite"
        _ = try InviteWorkflow.run(.create(questionnaire: file, count: 1, out: directory.path + "/codes.csv"), storePath: store, output: RecordingOutput())
        let refused = #expect(throws: Refusal.self) {
            try RunWorkflow.prepare(questionnaire: file, entry: .start(token: "K7F3-9QXM-2PAB-H4TR"), storePath: store, askForToken: Self.noToken)
        }
        #expect(refused?.message.hasPrefix("This invitation code is unknown") == true, "\(refused?.message ?? "")")
        let unknownCode = #expect(throws: Refusal.self) {
            try RunWorkflow.prepare(questionnaire: file, entry: .resume(code: "ZZZZ-ZZZZ"), storePath: store, askForToken: Self.noToken)
        }
        #expect(unknownCode?.message.hasPrefix("Unknown resume code: “ZZZZ-ZZZZ”.") == true)
    }

    @Test func invitationQuestionnaireAsksForACodeAndRefusesWithoutOne() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("invites.yaml", Questionnaires.short(id: "invites", access: "token"))
        let store = directory.path + "/prst.sqlite"
        var asked = 0
        let refused = #expect(throws: Refusal.self) {
            try RunWorkflow.prepare(questionnaire: file, entry: .start(token: nil), storePath: store) { _ in
                asked += 1
                return nil
            }
        }
        #expect(asked == 1)
        #expect(refused?.message.contains("--token CODE") == true)

        let output = RecordingOutput()
        guard
            case .created(_, let tokens) = try InviteWorkflow.run(
                .create(questionnaire: file, count: 1, out: directory.path + "/codes.csv"), storePath: store, output: output)
        else { Issue.record("no codes created"); return }
        let typed = try #require(tokens.first)
        let entered = try RunWorkflow.prepare(questionnaire: file, entry: .start(token: nil), storePath: store) { _ in typed }
        #expect(!entered.session.isResumed)
        // The same code again reopens the unfinished session instead of starting another one.
        let again = try RunWorkflow.prepare(questionnaire: file, entry: .start(token: typed), storePath: store, askForToken: Self.noToken)
        #expect(again.session.isResumed && again.session.sessionID == entered.session.sessionID)
    }

    @Test func fullScreenOnlyOnARealTerminalWithoutPlain() {
        let xterm = ["TERM": "xterm-256color"]
        #expect(RunWorkflow.usesFullScreen(plain: false, environment: xterm, inputIsTerminal: true, outputIsTerminal: true))
        #expect(!RunWorkflow.usesFullScreen(plain: true, environment: xterm, inputIsTerminal: true, outputIsTerminal: true))
        #expect(!RunWorkflow.usesFullScreen(plain: false, environment: ["TERM": "dumb"], inputIsTerminal: true, outputIsTerminal: true))
        #expect(!RunWorkflow.usesFullScreen(plain: false, environment: [:], inputIsTerminal: true, outputIsTerminal: true))
        #expect(!RunWorkflow.usesFullScreen(plain: false, environment: xterm, inputIsTerminal: false, outputIsTerminal: true))
        #expect(!RunWorkflow.usesFullScreen(plain: false, environment: xterm, inputIsTerminal: true, outputIsTerminal: false))
    }

    @Test func rehearsalTouchesNoStoreAndInvalidQuestionnaireCarriesItsDiagnostics() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/jamais.sqlite"
        let rehearsal = try RunWorkflow.prepare(questionnaire: file, entry: .rehearsal, storePath: store, askForToken: Self.noToken)
        #expect(rehearsal.session.isRehearsal && rehearsal.session.submit(.choice("non")).isAccepted)
        #expect(RunWorkflow.receipt(rehearsal) == nil)
        #expect(!FileManager.default.fileExists(atPath: store))

        let broken = try directory.write("casse.yaml", Questionnaires.short().replacingOccurrences(of: "type: yesno", with: "type: ouinon"))
        let refusal = #expect(throws: Refusal.self) {
            try RunWorkflow.prepare(questionnaire: broken, entry: .rehearsal, storePath: store, askForToken: Self.noToken)
        }
        #expect(refusal?.diagnostics.contains { $0.severity == .error && $0.location.file == broken } == true)
        #expect(refusal?.message.hasPrefix("Le questionnaire n'est pas valide") == true)
    }
}
