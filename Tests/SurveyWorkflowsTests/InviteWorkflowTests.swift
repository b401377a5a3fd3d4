import Foundation
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct InviteWorkflowTests {
    @Test func listAndRevokeNeedAnExistingStore() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/absent.sqlite"
        for action in [InviteWorkflow.Action.list(questionnaire: nil), .revoke(token: "K7F3-9QXM-2PAB-H4TR")] {
            #expect(throws: Refusal.self) { try InviteWorkflow.run(action, storePath: missing, output: RecordingOutput()) }
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test func createWritesTheCodesThenListsAndRevokes() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("invites.yaml", Questionnaires.short(id: "invites", access: "token"))
        let store = directory.path + "/prst.sqlite"
        let csv = directory.path + "/codes.csv"
        let output = RecordingOutput()
        guard
            case .created(let written, let tokens) = try InviteWorkflow.run(.create(questionnaire: file, count: 3, out: csv), storePath: store, output: output)
        else { Issue.record("no codes created"); return }
        #expect(written == csv && tokens.count == 3)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["token,questionnaire,version"] + tokens.map { "\($0),invites,1" })
        #expect(output.stdout.hasPrefix("3 codes d'invitation pour « invites » version 1 écrits dans \(csv).\n"))

        // Never over an existing file: it may hold codes already sent.
        let again = #expect(throws: Refusal.self) {
            try InviteWorkflow.run(.create(questionnaire: file, count: 3, out: csv), storePath: store, output: RecordingOutput())
        }
        #expect(again?.message.contains("existe déjà") == true)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count == 4)

        #expect(try InviteWorkflow.run(.revoke(token: tokens[0]), storePath: store, output: RecordingOutput()) == .revoked(before: .unused))
        let listing = RecordingOutput()
        guard case .listed(let summaries) = try InviteWorkflow.run(.list(questionnaire: nil), storePath: store, output: listing) else {
            Issue.record("not listed"); return
        }
        #expect(summaries.filter { $0.state == .revoked }.count == 1 && summaries.count == 3)
        #expect(listing.stdout.contains("Total : 3 codes (2 non utilisés, 1 révoqué)."))
    }

    @Test func openQuestionnaireGetsNoCodesAndNoFile() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let csv = directory.path + "/codes.csv"
        let refusal = #expect(throws: Refusal.self) {
            try InviteWorkflow.run(.create(questionnaire: file, count: 3, out: csv), storePath: directory.path + "/prst.sqlite", output: RecordingOutput())
        }
        #expect(refusal?.message.contains("access: open") == true)
        #expect(!FileManager.default.fileExists(atPath: csv))
    }
}
