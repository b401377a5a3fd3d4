import SurveyCore
import Testing

@Suite("Conditions in words, for the committee's paper version")
struct ConditionDescriptionTests {
    private func questionnaire() throws -> Questionnaire {
        let text = questionnaireText(
            questions: """
                      - {id: copilote, type: yesno, label: "Co-pilotée ?"}
                      - {id: nb, type: number, label: "Réunions ?"}
                      - {id: connus, type: multiple, choices: livrables, label: "Connus ?"}
                """)
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
        return try #require(loaded.questionnaire)
    }

    @Test(arguments: [
        ("copilote == \"oui\"", "la réponse à la question 1 est « Oui »"),
        ("nb >= 3 and copilote != \"non\"", "la réponse à la question 2 est au moins 3 et la réponse à la question 1 n'est pas « Non »"),
        ("selected(connus, \"guide_a\")", "« Guide A » est cochée à la question 3"),
        ("count(connus) > 1", "le nombre de choix cochés à la question 3 dépasse 1"),
        ("not answered(nb)", "non (la question 2 a reçu une réponse)"),
        ("copilote in [\"oui\", \"non\"]", "la réponse à la question 1 est « Oui » ou « Non »"),
    ])
    func describes(_ source: String, _ words: String) throws {
        let condition = try Condition(source: source, location: SourceLocation(file: "t"))
        #expect(try questionnaire().describe(condition) == words)
    }
}
