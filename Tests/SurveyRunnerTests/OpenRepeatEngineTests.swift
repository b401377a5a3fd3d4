import Foundation
import SurveyCore
import SurveyTestSupport
import Testing
@testable import SurveyRunner

private let bilanYAML = """
    format: 1
    id: bilan_test
    title: "Bilan"
    population: pilotes
    sections:
      - id: chiffres
        title: Chiffres
        questions:
          - {id: nb_entreprises, type: number, min: 0, label: "Entreprises sensibilisées"}
          - {id: nb_tpe, type: number, min: 0, part_of: nb_entreprises, label: "dont TPE"}
      - id: livrables
        title: "Livrable {n}"
        repeat: {min: 0, max: 5, item: "livrable", add: "Ajouter un livrable ?"}
        questions:
          - {id: livrable_titre, type: text, label: "Titre du livrable {n}"}
      - id: fin
        title: Fin
        questions:
          - {id: remarques, type: text, required: false, label: "Remarques"}
    """

@Suite("The session engine through an open repeat")
struct OpenRepeatEngineTests {
    @Test func asksAddAnotherAfterEachRepetitionAndResumes() throws {
        let engine = SessionEngine(questionnaire: SampleQuestionnaire.load(bilanYAML))
        try engine.answer(.number(10))
        #expect(try engine.submit(.number(11)).message == "Ce nombre ne peut pas dépasser le total donné à la question 1 (10).")
        try engine.answer(.number(4))
        #expect(engine.currentID == "livrables[1]")
        #expect(engine.current?.isRepeatContinuation == true)
        try engine.answer(.choice("oui"))
        #expect(engine.currentID == "livrable_titre[1]")
        #expect(engine.current?.label == "Titre du livrable 1")
        try engine.answer(.text("Guide TMS"))
        #expect(engine.currentID == "livrables[2]")
        try engine.answer(.choice("oui"))
        try engine.answer(.text("Colloque RPS"))
        #expect(engine.currentID == "livrables[3]")
        try engine.answer(.choice("non"))
        #expect(engine.currentID == "remarques")
        #expect(engine.review.map(\.number) == ["1", "2", "livrables[1]", "3[1]", "livrables[2]", "3[2]", "livrables[3]", "4"])

        // A respondent who comes back finds both deliverables and continues where they stopped.
        let resumed = SessionEngine(questionnaire: SampleQuestionnaire.load(bilanYAML), answers: engine.answers)
        #expect(resumed.currentID == "remarques")
        #expect(resumed.answer(for: AnswerKey("livrable_titre", repetition: "2")) == .text("Colloque RPS"))
    }

    @Test func sayingNonEarlierDropsLaterRepetitionsWithoutLosingThem() throws {
        let engine = SessionEngine(
            questionnaire: SampleQuestionnaire.load(bilanYAML),
            answers: [
                AnswerKey("nb_entreprises"): .number(3), AnswerKey("nb_tpe"): .number(1),
                AnswerKey("livrables", repetition: "1"): .choice("oui"), AnswerKey("livrable_titre", repetition: "1"): .text("Guide"),
                AnswerKey("livrables", repetition: "2"): .choice("oui"), AnswerKey("livrable_titre", repetition: "2"): .text("Plaquette"),
                AnswerKey("livrables", repetition: "3"): .choice("non"),
            ])
        #expect(engine.jump(to: "livrables[2]"))
        let writes = try engine.answer(.choice("non"))
        #expect(writes.contains { $0.0 == AnswerKey("livrable_titre", repetition: "2") && $0.1 == .notAsked })
        #expect(writes.contains { $0.0 == AnswerKey("livrables", repetition: "3") && $0.1 == .notAsked })
        #expect(engine.answers[AnswerKey("livrable_titre", repetition: "1")] == .text("Guide"))
        #expect(engine.currentID == "remarques")
        // Changing one's mind offers the earlier title again.
        #expect(engine.jump(to: "livrables[2]"))
        try engine.answer(.choice("oui"))
        #expect(engine.currentID == "livrable_titre[2]")
        #expect(engine.suggestion(for: AnswerKey("livrable_titre", repetition: "2")) == .text("Plaquette"))
    }
}

@Suite("The « add another? » question as a respondent reads it")
struct OpenRepeatWordingTests {
    @Test func theAddQuestionShowsNoSectionNumber() {
        let session = RunSession(
            engine: SessionEngine(questionnaire: SampleQuestionnaire.load(bilanYAML)), persistence: InMemoryPersistence(),
            sessionID: "s1", resumeCode: "K7F3-9QXM", isRehearsal: false)
        var output = ""
        _ = PlainFrontEnd(session: session, input: ScriptedLines(["o", "10", "4"]), output: { output += $0 }).run()
        #expect(output.contains("\nAjouter un livrable ?"))
        #expect(!output.contains("livrables[1]"))
        #expect(output.contains("2. dont TPE"))
    }

    @Test func aLabelEndingWithAColonTakesNoSecondOneInTheReview() {
        let yaml = """
            format: 1
            id: etat
            title: "État"
            population: pilotes
            sections:
              - id: s
                title: S
                questions:
                  - {id: etat, type: yesno, label: "À la fin du PRST 3, la fiche-action est réalisée :"}
            """
        let session = RunSession(
            engine: SessionEngine(questionnaire: SampleQuestionnaire.load(yaml)), persistence: InMemoryPersistence(),
            sessionID: "s1", resumeCode: "K7F3-9QXM", isRehearsal: false)
        var output = ""
        _ = PlainFrontEnd(session: session, input: ScriptedLines(["o", "o"]), output: { output += $0 }).run()
        #expect(output.contains("1. À la fin du PRST 3, la fiche-action est réalisée : Oui"))
        #expect(!output.contains(": :"))
    }
}
