import Foundation
import SurveyCore
import SurveyTestSupport
import Testing

/// The shared library with a units referential of three fiches-actions.
let libraryWithUnits =
    libraryText + """

        units:
          fiches_prst3:
            kind: fiche-action
            label: "Fiches-actions du PRST 3"
            items:
              - {code: fa_1_1, label: "1.1 – Favoriser la culture de prévention", group: "Axe 1"}
              - {code: fa_1_2_1, label: "1.2.1 – Prévention primaire", group: "Axe 1"}
              - {code: fa_2_6, label: "2.6 – Prévention des addictions", group: "Axe 3"}
        """

/// A repeated section of deliverables after the first section.
let deliverablesSection = """
      - id: livrables
        title: "Livrable {n}"
        repeat: {min: 0, max: 40, item: "livrable", add: "Ajouter un livrable ?"}
        questions:
          - {id: livrable_titre, type: text, label: "Titre du livrable {n}"}
          - {id: livrable_public, type: number, min: 0, unit: "personnes", label: "Personnes touchées"}
          - {id: livrable_tpe, type: number, min: 0, unit: "personnes", part_of: livrable_public, label: "dont salariés de TPE"}
    """

let monitoringInvalidCases: [LoaderCase] = [
    LoaderCase(
        name: "unknown units referential",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, label: "Q1"}
                """, top: "reporting: {units: ⟦fiches_prst, periods: [PRST3]}"), library: libraryWithUnits,
        message: "référentiel d'unités « fiches_prst » non défini"),
    LoaderCase(
        name: "empty unit code", main: questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}"),
        library: libraryText + """

            units:
              fiches:
                kind: fiche-action
                items:
                  - {code: ⟦"", label: "Sans code"}
            """, message: "le code d'une unité ne doit pas être vide"),
    LoaderCase(
        name: "duplicate unit code", main: questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}"),
        library: libraryText + """

            units:
              fiches:
                kind: fiche-action
                items:
                  - {code: fa_1_1, label: "1.1"}
                  - {code: ⟦fa_1_1, label: "1.1 bis"}
            """, message: "code d'unité « fa_1_1 » en double (déjà utilisé ligne"),
    LoaderCase(
        name: "units referential without units", main: questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}"),
        library: libraryText + """

            units:
              fiches:
                kind: fiche-action
                items: ⟦[]
            """, message: "le référentiel d'unités « fiches » n'a aucune unité"),
    LoaderCase(
        name: "units referential without kind", main: questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}"),
        library: libraryText + """

            units:
              fiches:
                ⟦items: [{code: fa_1_1, label: "1.1"}]
            """, message: "clé obligatoire « kind » manquante dans le référentiel d'unités « fiches »"),
    LoaderCase(
        name: "units referential defined twice",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: """
                units:
                  ⟦fiches_prst3: {kind: fiche-action, items: [{code: fa_1_1, label: "1.1"}]}
                """), library: libraryWithUnits, message: "référentiel d'unités « fiches_prst3 » déjà défini"),
    LoaderCase(
        name: "year range from after to",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: "reporting: {units: fiches_prst3, periods: {from: ⟦2021, to: 2019}}"), library: libraryWithUnits,
        message: "« from » (2021) est après « to » (2019)"),
    LoaderCase(
        name: "duplicate period",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: "reporting: {units: fiches_prst3, periods: [PRST3, ⟦prst3]}"), library: libraryWithUnits,
        message: "période « prst3 » en double"),
    LoaderCase(
        name: "period with a space",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: "reporting: {units: fiches_prst3, periods: [⟦\"PRST 3\"]}"), library: libraryWithUnits,
        message: "période invalide « PRST 3 »"),
    LoaderCase(
        name: "no period",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: "reporting: {units: fiches_prst3, periods: ⟦[]}"), library: libraryWithUnits,
        message: "« periods » ne contient aucune période"),
    LoaderCase(
        name: "mistyped year",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: "reporting: {units: fiches_prst3, periods: [2019, ⟦20202]}"), library: libraryWithUnits,
        message: "année 20202 hors des années acceptées"),
    LoaderCase(
        name: "reporting without periods",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            top: "reporting: ⟦{units: fiches_prst3}"), library: libraryWithUnits,
        message: "clé obligatoire « periods » manquante dans le bloc « reporting »"),
    LoaderCase(
        name: "repeat with min above max",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    repeat: {min: ⟦5, max: 3, item: livrable, add: "Ajouter un livrable ?"}
                    questions:
                      - {id: q2, type: text, label: "Titre"}
                """), message: "min (5) est supérieur à max (3)"),
    LoaderCase(
        name: "repeat with max below one",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    repeat: {max: ⟦0, item: livrable, add: "Ajouter un livrable ?"}
                    questions:
                      - {id: q2, type: text, label: "Titre"}
                """), message: "« max » (0) doit être au moins 1"),
    LoaderCase(
        name: "repeat with a negative min",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    repeat: {min: ⟦-1, max: 3, item: livrable, add: "Ajouter un livrable ?"}
                    questions:
                      - {id: q2, type: text, label: "Titre"}
                """), message: "« min » (-1) ne peut pas être négatif"),
    LoaderCase(
        name: "repeat with a misspelt key",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    repeat: {⟦maxi: 3, max: 3, item: livrable, add: "Ajouter un livrable ?"}
                    questions:
                      - {id: q2, type: text, label: "Titre"}
                """), message: "clé inconnue « maxi » dans le bloc « repeat »"),
    LoaderCase(
        name: "repeat without its add question",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    repeat: ⟦{max: 3, item: livrable}
                    questions:
                      - {id: q2, type: text, label: "Titre"}
                """), message: "clé obligatoire « add » manquante dans le bloc « repeat »"),
    LoaderCase(
        name: "repeat together with foreach",
        main: questionnaireText(
            questions: """
                      - {id: connus, type: multiple, choices: livrables, label: "Connus"}
                """,
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    foreach: connus
                    ⟦repeat: {max: 3, item: livrable, add: "Ajouter un livrable ?"}
                    questions:
                      - {id: q2, type: text, label: "Titre"}
                """), message: "à la fois « repeat » et « foreach »"),
    LoaderCase(
        name: "{n} outside an open repeat",
        main: questionnaireText(
            questions: """
                      - {id: ⟦q1, type: text, label: "Livrable {n}"}
                """), message: "« {n} » n'a de sens que dans une section répétée avec « repeat »"),
    LoaderCase(
        name: "condition reading an open repeat from outside",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: deliverablesSection + """

                  - id: s3
                    title: Fin
                    questions:
                      - {id: q3, type: text, when: ⟦livrable_public > 3, label: "Q3"}
                """), message: "« livrable_public » est posée à chaque répétition de la section « livrables »"),
    LoaderCase(
        name: "foreach over a question of an open repeat",
        main: questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: "Livrable {n}"
                    repeat: {max: 3, item: livrable, add: "Ajouter un livrable ?"}
                    questions:
                      - {id: connus, type: multiple, choices: livrables, label: "Connus"}
                  - id: ⟦s3
                    title: "À propos de {label}"
                    foreach: connus
                    questions:
                      - {id: q3, type: yesno, label: "Utilisé ?"}
                """), message: "« foreach » ne peut pas désigner « connus »"),
    LoaderCase(
        name: "part_of naming an unknown question",
        main: questionnaireText(
            questions: """
                      - {id: nb_entreprises, type: number, label: "Entreprises"}
                      - {id: nb_tpe, type: number, part_of: ⟦nb_entreprise, label: "dont TPE"}
                """), message: "« part_of » désigne « nb_entreprise », qui n'est pas une question"),
    LoaderCase(
        name: "part_of naming a text question",
        main: questionnaireText(
            questions: """
                      - {id: entreprises, type: text, label: "Entreprises"}
                      - {id: nb_tpe, type: number, part_of: ⟦entreprises, label: "dont TPE"}
                """), message: "de type text : le total doit être une question de type number"),
    LoaderCase(
        name: "part_of naming a later question",
        main: questionnaireText(
            questions: """
                      - {id: nb_tpe, type: number, part_of: ⟦nb_entreprises, label: "dont TPE"}
                      - {id: nb_entreprises, type: number, label: "Entreprises"}
                """), message: "« part_of » désigne « nb_entreprises », posée plus loin"),
    LoaderCase(
        name: "part_of naming a question of another section",
        main: questionnaireText(
            questions: """
                      - {id: nb_entreprises, type: number, label: "Entreprises"}
                """,
            sections: """
                  - id: s2
                    title: S2
                    questions:
                      - {id: nb_tpe, type: number, part_of: ⟦nb_entreprises, label: "dont TPE"}
                """), message: "de la section « s1 » : le total et son « dont » doivent être dans la même section"),
    LoaderCase(
        name: "part_of naming itself",
        main: questionnaireText(
            questions: """
                      - {id: nb_tpe, type: number, part_of: ⟦nb_tpe, label: "dont TPE"}
                """), message: "« part_of » de « nb_tpe » la désigne elle-même"),
    LoaderCase(
        name: "unit on a text question",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, ⟦unit: entreprises, label: "Q1"}
                """), message: "« unit » ne s'applique pas à une question de type text"),
    LoaderCase(
        name: "provider on a scale question",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: scale, scale: accord4, ⟦provider: SPSTI, label: "Q1"}
                """), message: "« provider » ne s'applique pas à une question de type scale"),
    LoaderCase(
        name: "part_of on a yes/no question",
        main: questionnaireText(
            questions: """
                      - {id: nb, type: number, label: "Nombre"}
                      - {id: q1, type: yesno, ⟦part_of: nb, label: "Q1"}
                """), message: "« part_of » ne s'applique pas à une question de type yesno"),
    LoaderCase(
        name: "empty unit text",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: number, unit: ⟦"", label: "Q1"}
                """), message: "« unit » ne doit pas être vide"),
]

@Suite("Monitoring format: units, periods, open repeats, indicators")
struct MonitoringFormatTests {
    @Test("a diagnostic lands where the fixture marks it", arguments: monitoringInvalidCases)
    func diagnosticLandsAtMarker(_ testCase: LoaderCase) throws {
        try testCase.expectErrorAtMarker()
    }

    private func load(_ main: String, library: String = libraryWithUnits) -> LoadedQuestionnaire {
        QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": main, "d/lib.yaml": library]))
    }

    @Test func reportingUnitsRepeatAndIndicatorsAreRead() throws {
        let loaded = load(
            questionnaireText(
                questions: """
                          - id: nb_entreprises
                            type: number
                            min: 0
                            unit: entreprises
                            provider: SPSTI
                            label: "Nombre d'entreprises sensibilisées"
                          - {id: nb_tpe, type: number, part_of: nb_entreprises, unit: entreprises, label: "dont TPE"}
                    """, top: "reporting: {units: fiches_prst3, periods: [PRST3, PRST4]}", sections: deliverablesSection))
        let questionnaire = try #require(loaded.questionnaire, "\(loaded.diagnostics)")
        let reporting = try #require(questionnaire.reporting)
        #expect(reporting.unitsID == "fiches_prst3")
        #expect(reporting.periods.map(\.code) == ["PRST3", "PRST4"])
        #expect(reporting.periods.allSatisfy { $0.year == nil })
        let units = try #require(questionnaire.reportingUnits)
        #expect(units.kind == "fiche-action")
        #expect(units.label == "Fiches-actions du PRST 3")
        #expect(units.units.map(\.code) == ["fa_1_1", "fa_1_2_1", "fa_2_6"])
        #expect(units.unit("fa_2_6")?.group == "Axe 3")
        let total = try #require(questionnaire.question("nb_entreprises"))
        #expect(total.unit == "entreprises" && total.provider == "SPSTI" && total.partOf == nil)
        #expect(questionnaire.question("nb_tpe")?.partOf == "nb_entreprises")
        #expect(questionnaire.parts(of: "nb_entreprises").map(\.id) == ["nb_tpe"])
        let repeated = try #require(questionnaire.sections.last)
        #expect(repeated.openRepeat == OpenRepeat(min: 0, max: 40, item: "livrable", add: "Ajouter un livrable ?"))
        #expect(repeated.isRepeated)
        #expect(questionnaire.sections.first?.isRepeated == false)
    }

    @Test func yearRangesExpandToEveryYear() throws {
        let loaded = load(
            questionnaireText(
                questions: "      - {id: q1, type: text, label: \"Q1\"}",
                top: "reporting: {units: fiches_prst3, periods: {from: 2019, to: 2021}}"))
        let periods = try #require(loaded.questionnaire?.reporting?.periods, "\(loaded.diagnostics)")
        #expect(periods == [.year(2019), .year(2020), .year(2021)])
        let single = load(questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}", top: "reporting: {units: fiches_prst3, periods: 2024}"))
        #expect(single.questionnaire?.reporting?.periods == [.year(2024)])
    }

    @Test func unknownUnitsReferentialSuggestsTheClosest() {
        let loaded = load(questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}", top: "reporting: {units: fiche_prst3, periods: [PRST3]}"))
        let diagnostic = loaded.diagnostics.first { $0.message.contains("référentiel d'unités « fiche_prst3 » non défini") }
        #expect(diagnostic?.hint == "vouliez-vous dire « fiches_prst3 » ?")
        let none = load(
            questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}", top: "reporting: {units: spsti, periods: [2025]}"), library: libraryText
        )
        #expect(none.diagnostics.first { $0.message.contains("« spsti » non défini") }?.hint?.contains("units:") == true)
    }

    @Test func partOfSuggestsAnEarlierNumberOfTheSection() {
        let loaded = load(
            questionnaireText(
                questions: """
                          - {id: nb_entreprises, type: number, label: "Entreprises"}
                          - {id: nb_tpe, type: number, part_of: nb_entreprise, label: "dont TPE"}
                    """))
        #expect(loaded.diagnostics.contains { $0.message.contains("« nb_entreprise »") && $0.hint == "vouliez-vous dire « nb_entreprises » ?" })
    }

    @Test func aUnitsOnlyReferentialIsValidatedAsALibrary() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "unites.yaml",
            """
            format: 1
            units:
              spsti_paca:
                kind: SPSTI
                items:
                  - {code: satdl, label: "Santé au travail Durance Luberon"}
                  - {code: satdl, label: "Doublon"}
            """)
        #expect(DefinitionValidator.kind(of: file) == .library)
        let diagnostics = DefinitionValidator.validate([file])
        #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("code d'unité « satdl » en double") && $0.location.line == 7 })
    }

    @Test func monitoringProblemsHaveEnglishWords() {
        let problem = Problem.definition(.monitoring(.periodRangeReversed(from: 2021, to: 2019)))
        #expect(problem.message(in: .en) == "“from” (2021) is after “to” (2019)")
        #expect(problem.message(in: .fr) == "« from » (2021) est après « to » (2019)")
        let diagnostic = Diagnostic.error(SourceLocation(file: "q.yaml", line: 4, column: 3), .monitoring(.repeatMaxBelowOne(0)))
        #expect(diagnostic.description(in: .en) == "q.yaml:4:3: error: “max” (0) must be at least 1")
    }
}
