import Testing
import SurveyCore
@testable import SurveyRunner

@Suite struct SessionEngineTests {
    let questionnaire = Fixtures.questionnaire()

    @Test func asksEveryStepInOrderWithNotesAsInfo() throws {
        let engine = SessionEngine(questionnaire: questionnaire)
        var visited: [String] = []
        let script: [String: AnswerValue] = [
            "participe": .choice("oui"), "a1": .choice("4"), "a2": .nonSubstantive("nsp"), "nb": .number(3.5),
            "couleur": .choice("rouge"), "connus": .choices(["guide"]), "utile[guide]": .choice("3"), "remarques": .text("RAS"),
        ]
        while let step = engine.current {
            visited.append(step.key.description)
            if step.isNote { engine.advance(); continue }
            try engine.answer(try #require(script[step.key.description]))
        }
        #expect(visited == ["participe", "a1", "a2", "info", "nb", "couleur", "connus", "utile[guide]", "remarques"])
        #expect(engine.finish() == .complete)
        #expect(engine.answers[AnswerKey("couleur_autre")] == nil)
    }

    @Test func falseConditionSkipsStepsWithoutStoringThem() throws {
        let engine = SessionEngine(questionnaire: questionnaire)
        try engine.answer(.choice("non"))
        #expect(engine.currentID == "info")
        #expect(engine.answers[AnswerKey("a1")] == nil)
        #expect(engine.progress == Progress(index: 2, total: 5))
    }

    @Test func changedEarlierAnswerReMarksLaterAnswersNotAskedThenAsksThemAgain() throws {
        let engine = SessionEngine(questionnaire: questionnaire)
        try engine.answer(.choice("oui"))
        try engine.answer(.choice("4"))
        try engine.answer(.choice("2"))
        #expect(engine.jump(to: "1"))
        let writes = try engine.answer(.choice("non"))
        #expect(writes.map(\.0.description) == ["participe", "a1", "a2"])
        #expect(writes.map(\.1) == [.choice("non"), .notAsked, .notAsked])
        #expect(engine.answers[AnswerKey("a1")] == .notAsked)
        #expect(engine.review.map(\.number) == ["1", "3", "4", "5", "7"])
        // Asked again: the mark no longer counts as an answer, and the old value is suggested.
        #expect(engine.jump(to: "1"))
        try engine.answer(.choice("oui"))
        #expect(engine.currentID == "a1")
        #expect(engine.resumePosition?.key == AnswerKey("a1"))
        #expect(engine.answer(for: AnswerKey("a1")) == nil)
        #expect(engine.suggestion(for: AnswerKey("a1")) == .choice("4"))
    }

    @Test func foreachAsksOncePerSelectedChoiceAndDropsDeselectedRepetitions() throws {
        let engine = SessionEngine(
            questionnaire: questionnaire,
            answers: [
                AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(1), AnswerKey("couleur"): .choice("vert"),
            ])
        #expect(engine.currentID == "connus")
        try engine.answer(.choices(["guide", "plaquette"]))
        #expect(engine.current?.number == "6[guide]")
        #expect(engine.current?.label == "Utilité de « Guide » ?")
        try engine.answer(.choice("4"))
        #expect(engine.currentID == "utile[plaquette]")
        try engine.answer(.choice("1"))
        #expect(engine.jump(to: "5"))
        let writes = try engine.answer(.choices(["guide"]))
        #expect(writes.contains { $0.0 == AnswerKey("utile", repetition: "plaquette") && $0.1 == .notAsked })
        #expect(engine.answers[AnswerKey("utile", repetition: "guide")] == .choice("4"))
        #expect(engine.currentID == "remarques")
    }

    @Test func exclusiveChoiceCannotBeCombinedAndAsksNoRepetition() throws {
        let engine = SessionEngine(
            questionnaire: questionnaire,
            answers: [
                AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(1), AnswerKey("couleur"): .choice("vert"),
            ])
        let refused = try engine.submit(.choices(["guide", "aucun"]))
        #expect(refused.message?.contains("ne peut pas être combiné") == true)
        try engine.answer(.choices(["aucun"]))
        #expect(engine.currentID == "remarques")
    }

    @Test func backGoesToThePreviousAskedQuestionPassingNotes() throws {
        let engine = SessionEngine(questionnaire: questionnaire)
        #expect(engine.back() == false)
        try engine.answer(.choice("non"))
        engine.advance()  // the note
        #expect(engine.currentID == "nb")
        #expect(engine.back())
        #expect(engine.currentID == "participe")
        // Going forward again shows the kept answer.
        #expect(engine.answer(for: AnswerKey("participe")) == .choice("non"))
    }

    @Test func reviewListsAnswersAndJumpReturnsToReview() throws {
        let engine = SessionEngine(
            questionnaire: questionnaire,
            answers: [
                AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(2.5), AnswerKey("couleur"): .skipped,
                AnswerKey("connus"): .choices(["aucun"]), AnswerKey("remarques"): .text("Rien"),
            ])
        #expect(engine.current == nil)
        let review = engine.review
        #expect(review.map(\.answer) == ["Non", "2,5", "(sans réponse)", "Aucun", "Rien"])
        #expect(engine.jump(to: "3"))
        #expect(engine.currentID == "nb")
        try engine.answer(.number(4))
        #expect(engine.current == nil)
        #expect(engine.jump(to: "99") == false)
        #expect(engine.finish() == .complete)
    }

    @Test func requiredSoftAndOptional() throws {
        let engine = SessionEngine(questionnaire: questionnaire, answers: [AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(1)])
        #expect(engine.currentID == "couleur")
        // Soft: a warning first, then skipped.
        guard case .softWarning = try engine.submit(.skipped) else { Issue.record("expected a warning"); return }
        #expect(engine.currentID == "couleur")
        let writes = try engine.answer(.skipped)
        #expect(writes.map(\.1) == [.skipped])
        // Required: refused.
        #expect(engine.currentID == "connus")
        let refused = try engine.submit(.choices([]))
        guard case .rejected = refused else { Issue.record("expected a refusal"); return }
        try engine.answer(.choices(["aucun"]))
        // Optional: empty text is skipped at once.
        #expect(engine.currentID == "remarques")
        try engine.answer(.text("   "))
        #expect(engine.answers[AnswerKey("remarques")] == .skipped)
        #expect(engine.finish() == .complete)
    }

    @Test func notAskedAndSkippedAreDistinct() throws {
        let engine = SessionEngine(questionnaire: questionnaire)
        try engine.answer(.choice("oui"))
        try engine.answer(.choice("4"))
        try engine.answer(.choice("4"))
        #expect(engine.jump(to: "1"))
        try engine.answer(.choice("non"))
        #expect(engine.currentID == "nb")  // after a correction: the first question still to answer
        try engine.answer(.number(0))
        _ = try engine.submit(.skipped)
        try engine.answer(.skipped)
        #expect(engine.answers[AnswerKey("a1")] == .notAsked)
        #expect(engine.answers[AnswerKey("couleur")] == .skipped)
        #expect(engine.answers[AnswerKey("couleur_autre")] == nil)
    }

    @Test func checksValuesAgainstTheQuestion() throws {
        let engine = SessionEngine(questionnaire: questionnaire, answers: [AnswerKey("participe"): .choice("non")])
        #expect(engine.currentID == "nb")
        #expect(try engine.submit(.number(11)).message == "Le nombre doit être au plus 10.")
        #expect(try engine.submit(.choice("x")).isAccepted == false)
        try engine.answer(.number(10))
        try engine.answer(.choice("autre"))
        #expect(engine.currentID == "couleur_autre")
        #expect(engine.current?.number == "4-autre")
    }

    @Test func refusalsAreWordedInTheQuestionnairesLanguage() throws {
        let english = SessionEngine(questionnaire: Fixtures.english, answers: [AnswerKey("participe"): .choice("non")])
        #expect(english.currentID == "nb")
        #expect(try english.submit(.number(11)).message == "The number must be at most 10.")
        #expect(try english.submit(.choice("x")).message == "This answer does not match the question's type.")
    }

    @Test func resumesAtTheFirstUnansweredAskedStep() {
        let fresh = SessionEngine(questionnaire: questionnaire)
        #expect(fresh.currentID == "participe")
        let resumed = SessionEngine(
            questionnaire: questionnaire,
            answers: [
                AnswerKey("participe"): .choice("oui"), AnswerKey("a1"): .choice("3"),
            ])
        #expect(resumed.resumePosition?.key == AnswerKey("a2"))
        #expect(resumed.currentID == "a2")
        #expect(resumed.progress == Progress(index: 3, total: 7))
    }

    @Test func finishRefusesWhileAQuestionIsUnanswered() {
        let engine = SessionEngine(questionnaire: questionnaire, answers: [AnswerKey("participe"): .choice("non")])
        #expect(engine.finish() == .incomplete(number: "3"))
        #expect(engine.currentID == "nb")
    }

    @Test func aStorageErrorLeavesTheEngineUnchanged() throws {
        struct DiskFull: Error {}
        let persistence = InMemoryPersistence()
        let session = RunSession(
            engine: SessionEngine(questionnaire: questionnaire), persistence: persistence,
            sessionID: "s1", resumeCode: nil, isRehearsal: true)
        persistence.failNextSave = DiskFull()
        let outcome = session.submit(.choice("oui"))
        #expect(outcome.message?.hasPrefix("Impossible d'enregistrer") == true)
        #expect(session.engine.answers.isEmpty)
        #expect(session.engine.currentID == "participe")
        #expect(session.submit(.choice("oui")).isAccepted)
        #expect(persistence.answers["s1"]?[AnswerKey("participe")] == .choice("oui"))
        #expect(persistence.transactions.count == 1)
    }

    @Test func reMarkingIsSavedInTheSameTransaction() throws {
        let persistence = InMemoryPersistence()
        let session = RunSession(
            engine: SessionEngine(questionnaire: questionnaire), persistence: persistence,
            sessionID: "s1", resumeCode: nil, isRehearsal: false)
        _ = session.submit(.choice("oui"))
        _ = session.submit(.choice("4"))
        session.engine.jump(to: "1")
        _ = session.submit(.choice("non"))
        #expect(persistence.transactions.last?.count == 2)
        #expect(persistence.answers["s1"]?[AnswerKey("a1")] == .notAsked)
    }
}
