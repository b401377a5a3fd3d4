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

/// The simulation's store sink writes the unit × period of simulated records (the Simulator
/// fills them for monitoring questionnaires), one response per key as for every writer.
@Suite struct ReportingSimulationSinkTests {
    @Test func simulatedRecordsKeepTheirUnitAndPeriod() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("suivi.yaml", ReportingRunWorkflowTests.questionnaire)
        let loaded = QuestionnaireLoader.load(file)
        let questionnaire = try #require(loaded.questionnaire)
        let store = try ResponseStore.open(at: directory.path + "/prst.sqlite")
        func record(_ id: String, unit: String) -> ResponseRecord {
            ResponseRecord(
                sessionID: id, questionnaireID: "suivi", questionnaireVersion: 1, population: "pilotes", status: .completed, origin: .simulated,
                startedAt: Date(timeIntervalSince1970: 0), completedAt: Date(timeIntervalSince1970: 60), answers: [AnswerKey("nombre"): .number(3)],
                reporting: ReportingKey(unit: unit, period: "2021"))
        }
        let sink = StoreSimulationSink(store: store, questionnaires: [loaded])
        try sink.write(record("SIMUL001", unit: "s_ain"), definition: questionnaire)
        try sink.write(record("SIMUL002", unit: "s_isere"), definition: questionnaire)
        try sink.flush()
        var keys: [String: ReportingKey] = [:]
        try store.forEachResponse(questionnaireID: "suivi", version: 1) { keys[$0.sessionID] = $0.reporting }
        #expect(keys == ["SIMUL001": ReportingKey(unit: "s_ain", period: "2021"), "SIMUL002": ReportingKey(unit: "s_isere", period: "2021")])
        // A second simulation of the same key is refused as a whole.
        try sink.write(record("SIMUL003", unit: "s_ain"), definition: questionnaire)
        #expect(throws: StoreError.self) { try sink.flush() }
    }
}
