import Foundation
import SurveyCore
import SurveyReports
import SurveyTestSupport
import Testing

private func bilan(periods: String = "[PRST3]", language: String = "fr", min: Int = 0) throws -> Questionnaire {
    let text = """
        format: 1
        id: bilan
        title: "Bilan évaluatif"
        population: pilotes
        language: \(language)
        units:
          fiches_prst3:
            kind: fiche-action
            label: "Fiches-actions du PRST 3"
            items:
              - {code: fa_1_1, label: "1.1 – Favoriser la culture de prévention", group: "Axe 1"}
              - {code: fa_2_6, label: "2.6 – Prévention des addictions", group: "Axe 3"}
        reporting: {units: fiches_prst3, periods: \(periods)}
        sections:
          - id: chiffres
            title: Chiffres
            questions:
              - {id: nb_entreprises, type: number, min: 0, unit: entreprises, provider: SPSTI, label: "Entreprises sensibilisées"}
              - {id: nb_tpe, type: number, min: 0, unit: entreprises, part_of: nb_entreprises, label: "dont TPE"}
          - id: livrables
            title: "Livrable {n}"
            repeat: {min: \(min), max: 40, item: "livrable", add: "Ajouter un livrable ?"}
            questions:
              - {id: livrable_titre, type: text, label: "Titre du livrable {n}"}
        """
    let loaded = QuestionnaireLoader.load(snapshot: ["bilan.yaml": text], mainFile: "bilan.yaml")
    return try #require(loaded.questionnaire, "\(loaded.diagnostics)")
}

@Suite("Preview of monitoring questionnaires")
struct MonitoringPreviewTests {
    @Test func reportingIsSaidInWordsWithTheUnitsExpected() throws {
        let preview = QuestionnairePreview(try bilan()).render()
        #expect(preview.contains("Questionnaire rempli **une fois par fiche-action et par période (PRST3)**."))
        #expect(preview.contains("Unités attendues, du référentiel « Fiches-actions du PRST 3 » (`fiches_prst3`) : 2."))
        #expect(preview.contains("| `fa_2_6` | 2.6 – Prévention des addictions | Axe 3 |"))
        let years = QuestionnairePreview(try bilan(periods: "{from: 2019, to: 2021}")).render()
        #expect(years.contains("une fois par fiche-action et par année (2019 à 2021)"))
        let english = QuestionnairePreview(try bilan(language: "en")).render()
        #expect(english.contains("Filled in **once per fiche-action and per period (PRST3)**."))
    }

    @Test func theRepeatAndTheIndicatorsAreExplained() throws {
        let preview = QuestionnairePreview(try bilan()).render()
        #expect(
            preview.contains(
                "> **Partie répétée** autant de fois que nécessaire (au plus 40), une fois par livrable. Avant chaque répétition, le répondant répond à « Ajouter un livrable ? » (`livrables[n]`, oui / non)."
            ))
        #expect(preview.contains("ses variables sont numérotées `N[n]`, par exemple `3[1]`."))
        #expect(preview.contains("*nombre entier d'au moins 0 ; unité : entreprises ; chiffre fourni par : SPSTI*"))
        #expect(
            preview.contains("*nombre entier d'au moins 0 ; unité : entreprises ; « dont » de la question 1 (`nb_entreprises`), jamais supérieur à ce total*"))
        let required = QuestionnairePreview(try bilan(min: 2)).render()
        #expect(
            required.contains(
                "(au moins 2, au plus 40), une fois par livrable. Les 2 premières répétitions sont demandées d'office ; ensuite, avant chaque nouvelle répétition, le répondant répond"
            ))
    }

    @Test func aQuestionnaireWithoutReportingSaysNothingOfIt() throws {
        let plain = QuestionnairePreview(SampleQuestionnaire.load()).render()
        #expect(!plain.contains("Questionnaire rempli") && !plain.contains("Partie répétée** autant"))
    }
}
