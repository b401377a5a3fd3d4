import Foundation
import SurveyCore
import SurveyStore
import SurveyTestSupport
import Testing

/// Nothing validated is ever lost: a session killed with SIGKILL resumes where it stopped, and
/// 20 respondents answering at once against one store (that does not exist yet) all complete.
@Suite("Durability of answers", .serialized)
struct RunDurabilityTests {
    static let questionnaire = """
        format: 1
        id: durable
        title: "Durabilité des réponses"
        population: pilotes
        intro: "Vos réponses sont anonymes."
        sections:
          - id: s
            title: "Seule partie"
            questions:
              - {id: q1, type: yesno, label: "Premier ?"}
              - {id: q2, type: number, min: 0, max: 100, label: "Combien ?"}
              - {id: q3, type: text, label: "Pourquoi ?"}
        """

    /// A running `prst run --plain` whose output can be waited for line by line.
    final class LiveProcess: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        private let output = Pipe()
        private let lock = NSLock()
        private var text = ""

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: PrstBinary.path)
            process.arguments = arguments
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        var stdout: String { lock.withLock { text } }

        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        func waitFor(_ fragment: String, timeout: TimeInterval = 20) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if stdout.contains(fragment) { return true }
                usleep(20_000)
            }
            return false
        }
    }

    @Test func sigkillLosesNothingValidatedAndResumeStartsAtTheNextQuestion() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("durable.yaml", Self.questionnaire)
        let store = directory.path + "/prst.sqlite"
        let live = try LiveProcess(["run", file, "--plain", "--store", store])
        #expect(live.waitFor("1. Premier ?"))
        live.send("o")
        #expect(live.waitFor("2. Combien ?"))
        live.send("42")
        #expect(live.waitFor("3. Pourquoi ?"))
        kill(live.process.processIdentifier, SIGKILL)
        live.process.waitUntilExit()
        #expect(live.process.terminationReason == .uncaughtSignal)
        let code = try #require(live.stdout.components(separatedBy: "Code de reprise : ").dropFirst().first?.prefix(9)).description

        let opened = try ResponseStore.open(at: store)
        #expect(try opened.integrityCheck() == ["ok"])
        let session = try #require(try opened.session(resumeCode: code))
        let answers = try opened.answers(session: session.id)
        #expect(answers[AnswerKey("q1")] == .choice("oui"))
        #expect(answers[AnswerKey("q2")] == .number(42))
        #expect(answers[AnswerKey("q3")] == nil)

        let resumed = try PrstBinary.run(["run", file, "--plain", "--store", store, "--resume", code], stdin: "parce que\no\n")
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        let beforeReview = resumed.stdout.components(separatedBy: "Valider vos réponses").first ?? ""
        #expect(!beforeReview.contains("1. Premier ?\n"), "an answered question is not asked again")
        #expect(resumed.stdout.contains("3. Pourquoi ?"))
        #expect(resumed.stdout.contains("42"))
        let final = try opened.answers(session: session.id)
        #expect(final[AnswerKey("q3")] == .text("parce que"))
        #expect(try opened.session(id: session.id)?.status == .completed)
    }

    @Test func twentyRespondentsAtOnceOnANewStoreAllComplete() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("durable.yaml", Self.questionnaire)
        let store = directory.path + "/nouveau.sqlite"
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            let result = try? PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "o\n\(index)\nréponse \(index)\no\n")
            results.append(result)
        }
        #expect(results.values.count == 20)
        for result in results.values {
            #expect(result?.status == 0, "\(result?.stdout ?? "")\(result?.stderr ?? "")")
            #expect(result?.stderr.contains("locked") == false)
        }
        let opened = try ResponseStore.open(at: store)
        #expect(try opened.integrityCheck() == ["ok"])
        let rows = try opened.status()
        #expect(rows.map(\.completed) == [20])
        var numbers: Set<Double> = []
        try opened.forEachResponse(questionnaireID: "durable", version: 1) { record in
            if case .number(let value) = record.answers[AnswerKey("q2")] { numbers.insert(value) }
            #expect(record.answers.count == 3)
        }
        #expect(numbers == Set((0..<20).map(Double.init)))
    }
}

final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [CommandResult?] = []
    func append(_ value: CommandResult?) { lock.withLock { values.append(value) } }
}
