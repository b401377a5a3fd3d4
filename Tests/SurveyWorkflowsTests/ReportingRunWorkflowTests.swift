import Foundation
import SurveyCore
import SurveyRunner
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

/// The unit × period of `prst run`, in process: the prompt, the resume by key, `prst status`.
@Suite struct ReportingRunWorkflowTests {
    static let questionnaire = """
        format: 1
        id: suivi
        version: 1
        title: "Suivi"
        population: pilotes
        units:
          spsti:
            kind: SPSTI
            items:
              - {code: s_ain, label: "SPSTI de l'Ain"}
              - {code: s_isere, label: "SPSTI de l'Isère"}
              - {code: s_loire, label: "SPSTI de la Loire"}
        reporting:
          units: spsti
          periods: {from: 2020, to: 2021}
        sections:
          - id: s1
            title: "Chiffres"
            questions:
              - {id: nombre, type: number, min: 0, label: "Combien ?"}
        """

    /// A prompter that reads `lines` in order and keeps what was written.
    final class RecordedPrompter: @unchecked Sendable {
        var lines: [String]
        var written = ""
        init(_ lines: [String]) { self.lines = lines }
        var prompter: LinePrompter {
            LinePrompter(read: { [self] in lines.isEmpty ? nil : lines.removeFirst() }, write: { [self] in written += $0 })
        }
    }

    static func prepare(_ file: String, _ store: String, unit: String? = nil, period: String? = nil, typed: [String] = []) throws(Refusal)
        -> RunWorkflow.Prepared
    {
        try RunWorkflow.prepare(
            questionnaire: file, entry: .start(token: nil), storePath: store, unit: unit, period: period, prompter: RecordedPrompter(typed).prompter,
            askForToken: { _ in nil })
    }

    @Test func thePromptAcceptsANumberOrACodeAndAsksAgainOtherwise() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("suivi.yaml", Self.questionnaire)
        let loaded = try #require(QuestionnaireLoader.load(file).questionnaire)
        let typed = RecordedPrompter(["0", "S_LOIRE", "2021"])
        let key = try RunWorkflow.reportingKey(for: loaded, unit: nil, period: nil, strings: Strings(.fr), prompter: typed.prompter)
        #expect(key == ReportingKey(unit: "s_loire", period: "2021"))
        #expect(typed.written.contains("  1. SPSTI de l'Ain [s_ain]\n"))
        #expect(typed.written.contains("« 0 » n'est ni un numéro de 1 à 3 ni un code de la liste"))
        #expect(typed.written.contains("Pour quelle période répondez-vous ?\n  1. 2020\n  2. 2021\n"))
        // The command line's values are checked before anything is asked.
        let untouched = RecordedPrompter(["1"])
        #expect(throws: Refusal.self) {
            try RunWorkflow.reportingKey(for: loaded, unit: nil, period: "2019", strings: Strings(.fr), prompter: untouched.prompter)
        }
        #expect(untouched.written.isEmpty)
    }

    @Test func startingAKeyAgainResumesItsSessionAndShowsTheUnit() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("suivi.yaml", Self.questionnaire)
        let store = directory.path + "/prst.sqlite"
        let first = try Self.prepare(file, store, unit: "s_ain", period: "2020")
        #expect(first.session.reportingHeading == "SPSTI : SPSTI de l'Ain (2020)")
        #expect(first.session.submit(.number(7)).isAccepted)
        let again = try Self.prepare(file, store, unit: "s_ain", period: "2020")
        #expect(again.session.isResumed && again.session.sessionID == first.session.sessionID)
        #expect(again.session.engine.answers[AnswerKey("nombre")] == .number(7))
        try again.session.complete()
        let refusal = #expect(throws: Refusal.self) { try Self.prepare(file, store, unit: "s_ain", period: "2020") }
        #expect(refusal?.message.contains("« SPSTI de l'Ain » (s_ain) pour la période 2020") == true)

        let output = RecordingOutput()
        _ = try StatusWorkflow.run(storePath: store, output: output)
        #expect(output.stdout.contains("suivi (version 1), période 2020 : 1 SPSTI sur 3, 0 en cours, 2 sans réponse\n"))
        #expect(output.stdout.contains("suivi (version 1), période 2021 : 0 SPSTI sur 3, 0 en cours, 3 sans réponse\n"))
    }

    @Test func pluralsOfUnitKinds() {
        #expect(
            StatusWorkflow.render([
                .init(questionnaireID: "bilan", version: 1, period: "PRST3", kind: "fiche-action", expected: 19, completed: 12, inProgress: 2)
            ]).contains("bilan (version 1), période PRST3 : 12 fiches-actions sur 19, 2 en cours, 5 sans réponse"))
        #expect(
            StatusWorkflow.render([
                .init(questionnaireID: "c", version: 1, period: "2021", kind: "commission", expected: 3, completed: 1, inProgress: 0)
            ]).contains(": 1 commission sur 3,"))
    }
}
