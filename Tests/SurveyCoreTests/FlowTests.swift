import SurveyCore
import Testing

private func flowQuestionnaire() throws -> Questionnaire {
    let text = questionnaireText(
        questions: """
                  - {id: copilote, type: yesno, label: "Co-pilotée ?"}
                  - {id: nb, type: number, min: 0, max: 60, when: copilote == "oui", label: "Réunions ?"}
                  - {id: connus, type: multiple, choices: livrables, min: 1, label: "Connus ?"}
            """,
        sections: """
              - id: livrable
                foreach: connus
                title: "À propos de {label}"
                questions:
                  - {id: utilise, type: yesno, label: "Avez-vous utilisé {label} ?"}
                  - {id: utilite, type: scale, scale: accord4, when: utilise == "oui", label: "Utile ?"}
                  - id: relais
                    type: multiple
                    choices: cibles
                    required: false
                    constraint: 'count(.) <= 2'
                    message: "Deux cibles au plus."
                    label: "À qui ?"
            """)
    let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
    return try #require(loaded.questionnaire, "\(loaded.diagnostics)")
}

@Suite("Order of questions, conditions and repetitions")
struct FlowTests {
    @Test func conditionsDecideWhatIsAsked() throws {
        let questionnaire = try flowQuestionnaire()
        var answers: [AnswerKey: AnswerValue] = [AnswerKey("copilote"): .choice("non")]
        var plan = questionnaire.plan(given: answers)
        #expect(plan.first { $0.step.key == AnswerKey("nb") }?.asked == false)
        answers[AnswerKey("copilote")] = .choice("oui")
        plan = questionnaire.plan(given: answers)
        #expect(plan.first { $0.step.key == AnswerKey("nb") }?.asked == true)
    }

    @Test func foreachRepeatsPerSelectedChoiceButNotTheExclusiveOne() throws {
        let questionnaire = try flowQuestionnaire()
        let answers: [AnswerKey: AnswerValue] = [
            AnswerKey("connus"): .choices(["guide_a", "plaquette_b"]),
            AnswerKey("utilise", repetition: "guide_a"): .choice("oui"),
            AnswerKey("utilise", repetition: "plaquette_b"): .choice("non"),
        ]
        let plan = questionnaire.plan(given: answers)
        let repeated = plan.filter { $0.step.repetition != nil }
        #expect(repeated.map(\.step.number) == ["4[guide_a]", "5[guide_a]", "6[guide_a]", "4[plaquette_b]", "5[plaquette_b]", "6[plaquette_b]"])
        #expect(repeated.map(\.asked) == [true, true, true, true, false, true])
        #expect(repeated.first?.step.label == "Avez-vous utilisé Guide A ?")
        let none = questionnaire.plan(given: [AnswerKey("connus"): .choices(["aucun"])])
        #expect(none.allSatisfy { $0.step.repetition == nil })
    }

    @Test func answersAreCheckedWithTypedProblems() throws {
        let questionnaire = try flowQuestionnaire()
        let plan = questionnaire.plan(given: [:])
        let step = { (id: String) in plan.first { $0.step.key.variable == id }!.step }
        #expect(questionnaire.problem(with: .number(61), for: step("nb"), answers: [:]) == .numberAboveMaximum(60))
        #expect(questionnaire.problem(with: .number(2.5), for: step("nb"), answers: [:]) == .notWholeNumber)
        #expect(questionnaire.problem(with: .number(12), for: step("nb"), answers: [:]) == nil)
        #expect(questionnaire.problem(with: .skipped, for: step("copilote"), answers: [:]) == .answerRequired)
        #expect(questionnaire.problem(with: .choice("peut-être"), for: step("copilote"), answers: [:]) == .unknownChoice)
        let combined = questionnaire.problem(with: .choices(["aucun", "guide_a"]), for: step("connus"), answers: [:])
        guard case .exclusiveCombined(let label) = combined else {
            Issue.record("expected exclusiveCombined, got \(String(describing: combined))")
            return
        }
        #expect(Problem.answer(.exclusiveCombined(label: label)).message(in: .fr) == "« \(label) » ne peut pas être combiné avec d'autres choix.")
        #expect(questionnaire.problem(with: .choices(["aucun"]), for: step("connus"), answers: [:]) == nil)
        #expect(questionnaire.problem(with: .choices([]), for: step("connus"), answers: [:]) == .noChoiceSelected)
        #expect(questionnaire.problem(with: .text("x"), for: step("nb"), answers: [:]) == .typeMismatch)
    }

    @Test func constraintsUseTheirMessage() throws {
        let questionnaire = try flowQuestionnaire()
        let answers: [AnswerKey: AnswerValue] = [AnswerKey("connus"): .choices(["guide_a"])]
        let relais = try #require(questionnaire.plan(given: answers).first { $0.step.key.variable == "relais" }?.step)
        #expect(questionnaire.problem(with: .choices(["collegues", "entreprises"]), for: relais, answers: answers) == nil)
        #expect(questionnaire.problem(with: .skipped, for: relais, answers: answers) == nil)
    }
}
