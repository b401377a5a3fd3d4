import Foundation
import SurveyTestSupport
import Testing

/// `prst run` on a questionnaire by invitation: the token lets in once, resumes an unfinished
/// session, and is refused once used; the receipt is the session's non-secret id.
@Suite("prst run with invitation tokens")
struct TokenRunEndToEndTests {
    static let questionnaire = """
        format: 1
        id: invites
        title: "Sur invitation"
        population: pilotes
        access: token
        sections:
          - id: s
            title: S
            questions:
              - {id: q1, type: yesno, label: "Premier ?"}
              - {id: q2, type: text, label: "Pourquoi ?"}
        """

    @Test func tokenLifeCycleThroughRun() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("q.yaml", Self.questionnaire)
        let store = directory.path + "/s.sqlite"
        let csv = directory.path + "/codes.csv"
        let invite = try PrstBinary.run(["invite", file, "--count", "2", "--store", store, "--out", csv])
        #expect(invite.status == 0, "\(invite.stderr)")
        let token = try #require(try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n")[1].components(separatedBy: ",").first)

        let noToken = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "")
        #expect(noToken.status == 1)
        #expect(noToken.stderr.contains("réservé aux personnes invitées"))
        let wrong = try PrstBinary.run(["run", file, "--plain", "--store", store, "--token", "AAAA-BBBB-CCCC-DDDD"])
        #expect(wrong.status == 1)

        // Typed loosely, interrupted after the first answer.
        let loose = token.lowercased().replacingOccurrences(of: "-", with: " ")
        let first = try PrstBinary.run(["run", file, "--plain", "--store", store, "--token", loose], stdin: "o\n")
        #expect(first.status == 3, "\(first.stdout)\(first.stderr)")
        // The same token resumes at the next question (here typed at the prompt).
        let second = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "\(token)\nparce que\no\n")
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stdout.contains("Reprise de votre questionnaire"))
        #expect(second.stdout.contains("1. Premier ? : Oui"))
        let receipt = try #require(second.stdout.components(separatedBy: "Référence de vos réponses : ").dropFirst().first?.prefix(8))
        #expect(receipt.count == 8)

        let again = try PrstBinary.run(["run", file, "--plain", "--store", store, "--token", token])
        #expect(again.status == 1)
        #expect(again.stderr.contains("déjà servi"))
        let list = try PrstBinary.run(["invite", file, "--list", "--store", store])
        #expect(list.stdout.contains(String(token.prefix(4))))
    }
}
