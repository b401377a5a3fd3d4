import SurveyCore
import Testing

private func repeatQuestionnaire(min: Int = 0, max: Int = 3, language: String = "fr") throws -> Questionnaire {
    let text = questionnaireText(
        questions: """
                  - {id: nb_entreprises, type: number, min: 0, unit: entreprises, label: "Entreprises sensibilisées"}
                  - {id: nb_tpe, type: number, min: 0, unit: entreprises, part_of: nb_entreprises, label: "dont TPE"}
            """, top: "language: \(language)",
        sections: """
              - id: livrables
                title: "Livrable {n}"
                repeat: {min: \(min), max: \(max), item: "livrable", add: "Ajouter un livrable ?"}
                questions:
                  - {id: livrable_titre, type: text, label: "Titre du livrable {n}"}
                  - {id: livrable_diffuse, type: yesno, label: "Diffusé ?"}
                  - {id: livrable_public, type: number, min: 0, when: livrable_diffuse == "oui", label: "Personnes touchées par {label}"}
                  - {id: livrable_tpe, type: number, min: 0, part_of: livrable_public, label: "dont salariés de TPE"}
              - id: fin
                title: Fin
                questions:
                  - {id: commentaire, type: text, required: false, label: "Commentaire"}
            """)
    let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
    return try #require(loaded.questionnaire, "\(loaded.diagnostics)")
}

/// The words a respondent reads for an answer problem.
private func words(_ problem: AnswerProblem?, in language: Language = .fr) -> String? {
    problem.map { Problem.answer($0).message(in: language) }
}

private func keys(_ plan: [PlannedStep], asked: Bool = true) -> [String] {
    plan.filter { $0.asked == asked }.map(\.step.key.description)
}

@Suite("Open repeats and part_of at answer time")
struct MonitoringFlowTests {
    @Test func anOptionalRepeatAsksFirstWhetherToAddOne() throws {
        let questionnaire = try repeatQuestionnaire()
        let empty = questionnaire.plan(given: [:])
        #expect(keys(empty) == ["nb_entreprises", "nb_tpe", "livrables[1]", "commentaire"])
        let continuation = try #require(empty.first { $0.step.key == AnswerKey("livrables", repetition: "1") }?.step)
        #expect(continuation.isRepeatContinuation)
        #expect(continuation.label == "Ajouter un livrable ?")
        #expect(continuation.question.type == .yesno)
        #expect(continuation.number == "livrables[1]")
        #expect(!(empty.first { $0.step.key == AnswerKey("nb_entreprises") }?.step.isRepeatContinuation ?? true))
        let none = questionnaire.plan(given: [AnswerKey("livrables", repetition: "1"): .choice("non")])
        #expect(keys(none) == ["nb_entreprises", "nb_tpe", "livrables[1]", "commentaire"])
    }

    @Test func eachOuiOpensOneMoreRepetitionUpToMax() throws {
        let questionnaire = try repeatQuestionnaire()
        var answers: [AnswerKey: AnswerValue] = [AnswerKey("livrables", repetition: "1"): .choice("oui")]
        var plan = questionnaire.plan(given: answers)
        #expect(keys(plan).filter { $0.contains("[") } == ["livrables[1]", "livrable_titre[1]", "livrable_diffuse[1]", "livrable_tpe[1]", "livrables[2]"])
        #expect(keys(plan, asked: false) == ["livrable_public[1]"])
        let title = try #require(plan.first { $0.step.key == AnswerKey("livrable_titre", repetition: "1") }?.step)
        #expect(title.label == "Titre du livrable 1")
        #expect(title.number == "3[1]")
        #expect(substitute(questionnaire.sections[1].title, repetition: title.repetition) == "Livrable 1")
        answers[AnswerKey("livrables", repetition: "2")] = .choice("oui")
        answers[AnswerKey("livrables", repetition: "3")] = .choice("oui")
        plan = questionnaire.plan(given: answers)
        // max 3: no "add another?" after the third.
        #expect(keys(plan).filter { $0.hasPrefix("livrables[") } == ["livrables[1]", "livrables[2]", "livrables[3]"])
        #expect(questionnaire.openRepetitions(of: questionnaire.sections[1], given: answers) == [1, 2, 3])
        #expect(keys(plan).last == "commentaire")
    }

    @Test func theFirstMinRepetitionsAreNotOptional() throws {
        let questionnaire = try repeatQuestionnaire(min: 2, max: 3)
        let plan = questionnaire.plan(given: [:])
        #expect(
            keys(plan).filter { $0.contains("[") } == [
                "livrable_titre[1]", "livrable_diffuse[1]", "livrable_tpe[1]", "livrable_titre[2]", "livrable_diffuse[2]", "livrable_tpe[2]", "livrables[3]",
            ])
        #expect(questionnaire.openRepetitions(of: questionnaire.sections[1], given: [:]) == [1, 2])
    }

    @Test func conditionsAndLabelsReadTheirOwnRepetition() throws {
        let questionnaire = try repeatQuestionnaire()
        let answers: [AnswerKey: AnswerValue] = [
            AnswerKey("livrables", repetition: "1"): .choice("oui"), AnswerKey("livrable_diffuse", repetition: "1"): .choice("non"),
            AnswerKey("livrables", repetition: "2"): .choice("oui"), AnswerKey("livrable_diffuse", repetition: "2"): .choice("oui"),
        ]
        let plan = questionnaire.plan(given: answers)
        #expect(plan.first { $0.step.key == AnswerKey("livrable_public", repetition: "1") }?.asked == false)
        let second = try #require(plan.first { $0.step.key == AnswerKey("livrable_public", repetition: "2") })
        #expect(second.asked)
        #expect(second.step.label == "Personnes touchées par livrable 2")
    }

    @Test func aPartAboveItsTotalIsRefused() throws {
        let questionnaire = try repeatQuestionnaire()
        let plan = questionnaire.plan(given: [:])
        let part = try #require(plan.first { $0.step.key == AnswerKey("nb_tpe") }?.step)
        let total = try #require(plan.first { $0.step.key == AnswerKey("nb_entreprises") }?.step)
        let answers: [AnswerKey: AnswerValue] = [AnswerKey("nb_entreprises"): .number(10)]
        #expect(
            words(questionnaire.problem(with: .number(12), for: part, answers: answers))
                == "Ce nombre ne peut pas dépasser le total donné à la question 1 (10).")
        #expect(questionnaire.problem(with: .number(10), for: part, answers: answers) == nil)
        #expect(questionnaire.problem(with: .number(12), for: part, answers: [:]) == nil, "no total yet: nothing to compare")
        // Going back to lower the total below its "dont".
        let withPart: [AnswerKey: AnswerValue] = [AnswerKey("nb_entreprises"): .number(10), AnswerKey("nb_tpe"): .number(8)]
        #expect(
            words(questionnaire.problem(with: .number(5), for: total, answers: withPart))
                == "Ce total ne peut pas être inférieur au « dont » donné à la question 2 (8).")
        #expect(questionnaire.problem(with: .number(8), for: total, answers: withPart) == nil)
        let notAsked: [AnswerKey: AnswerValue] = [AnswerKey("nb_tpe"): .notAsked]
        #expect(questionnaire.problem(with: .number(0), for: total, answers: notAsked) == nil)
    }

    @Test func inARepeatThePartIsComparedWithItsOwnRepetitionsTotal() throws {
        let questionnaire = try repeatQuestionnaire()
        var answers: [AnswerKey: AnswerValue] = [
            AnswerKey("livrables", repetition: "1"): .choice("oui"), AnswerKey("livrable_diffuse", repetition: "1"): .choice("oui"),
            AnswerKey("livrable_public", repetition: "1"): .number(100),
            AnswerKey("livrables", repetition: "2"): .choice("oui"), AnswerKey("livrable_diffuse", repetition: "2"): .choice("oui"),
            AnswerKey("livrable_public", repetition: "2"): .number(3.5),
        ]
        let plan = questionnaire.plan(given: answers)
        let secondPart = try #require(plan.first { $0.step.key == AnswerKey("livrable_tpe", repetition: "2") }?.step)
        #expect(
            words(questionnaire.problem(with: .number(50), for: secondPart, answers: answers))
                == "Ce nombre ne peut pas dépasser le total donné à la question 5[2] (3,5).")
        #expect(questionnaire.problem(with: .number(3), for: secondPart, answers: answers) == nil)
        answers[AnswerKey("livrable_tpe", repetition: "1")] = .number(50)
        #expect(questionnaire.problem(with: .number(3), for: secondPart, answers: answers) == nil)
    }

    @Test func thePartOfMessageIsInTheQuestionnairesLanguage() throws {
        let questionnaire = try repeatQuestionnaire(language: "en")
        let part = try #require(questionnaire.plan(given: [:]).first { $0.step.key == AnswerKey("nb_tpe") }?.step)
        #expect(
            words(questionnaire.problem(with: .number(12), for: part, answers: [AnswerKey("nb_entreprises"): .number(10.5)]), in: .en)
                == "This number cannot be above the total given in question 1 (10.5).")
    }
}
