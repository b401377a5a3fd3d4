import Foundation
import SurveyCore
import SurveyTestSupport
import Testing

/// A small valid questionnaire; `questions` is inserted under the only section, `top` at the
/// top level and `library` in the included file.
func questionnaireText(questions: String, top: String = "", sections: String = "") -> String {
    """
    format: 1
    id: test
    title: Test
    population: pilotes
    include: [lib.yaml]
    \(top)
    sections:
      - id: s1
        title: Première partie
        questions:
    \(questions)
    \(sections)
    """
}

let libraryText = """
    format: 1
    scales:
      accord4:
        levels:
          - {code: 4, label: "Tout à fait d'accord"}
          - {code: 3, label: "Plutôt d'accord"}
          - {code: 2, label: "Plutôt pas d'accord"}
          - {code: 1, label: "Pas du tout d'accord"}
        favourable: [4, 3]
        missing:
          - {code: nsp, label: "Ne sait pas"}
    lists:
      livrables:
        - {code: guide_a, label: "Guide A", type: guide}
        - {code: plaquette_b, label: "Plaquette B", type: plaquette}
        - {code: aucun, label: "Aucune", exclusive: true}
      cibles:
        - {code: collegues, label: "Collègues", reach: interne}
        - {code: entreprises, label: "Entreprises", reach: final}
    """

struct LoaderCase: CustomTestStringConvertible, Sendable {
    var name: String
    var main: String
    var library: String = libraryText
    var message: String
    var testDescription: String { name }
}

extension LoaderCase {
    /// Loads the case and expects its one marked place to carry an error containing `message`.
    func expectErrorAtMarker() throws {
        let main = MarkedFixture(self.main)
        let library = MarkedFixture(self.library)
        let source = InMemorySource(texts: ["dir/q.yaml": main.text, "dir/lib.yaml": library.text])
        let loaded = QuestionnaireLoader.load("dir/q.yaml", source: source)
        let marks = main.expected.map { ("dir/q.yaml", $0) } + library.expected.map { ("dir/lib.yaml", $0) }
        try #require(marks.count == 1, "a fixture marks exactly one place")
        let (file, mark) = marks[0]
        #expect(loaded.questionnaire == nil)
        let landed = loaded.diagnostics.filter {
            $0.severity == .error && $0.location.file == file && $0.location.line == mark.line && $0.location.column == mark.column
        }
        #expect(
            landed.contains { $0.message.contains(message) },
            "expected « \(message) » at \(file):\(mark.line):\(mark.column), got:\n\(loaded.diagnostics.map(\.description).joined(separator: "\n"))")
    }
}

let invalidCases: [LoaderCase] = [
    LoaderCase(
        name: "YAML syntax error",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, label: "Q1"}
                      - {id: q2, type: text, label: "Q2"}⟦}
                """), message: "erreur de syntaxe YAML"),
    LoaderCase(
        name: "unquoted condition with a comma in a flow mapping",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: multiple, choices: livrables, label: "Q1"}
                      - {id: q2, type: text, when: selected(q1, "guide_a"⟦), label: "Q2"}
                """), message: "erreur de syntaxe YAML"),
    LoaderCase(
        name: "missing required key",
        main: questionnaireText(
            questions: """
                      - ⟦{id: q1, type: text}
                """), message: "clé obligatoire « label » manquante"),
    LoaderCase(
        name: "unknown key with a did-you-mean",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, label: "Q1", ⟦requird: false}
                """), message: "clé inconnue « requird »"),
    LoaderCase(
        name: "misspelt type",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: ⟦singel, choices: livrables, label: "Q1"}
                """), message: "valeur inconnue « singel » pour « type »"),
    LoaderCase(
        name: "wrong value type",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: number, min: ⟦beaucoup, label: "Q1"}
                """), message: "« min » doit être un nombre"),
    LoaderCase(
        name: "invalid identifier",
        main: questionnaireText(
            questions: """
                      - {id: ⟦Qualité, type: text, label: "Q1"}
                """), message: "identifiant invalide « Qualité »"),
    LoaderCase(
        name: "identifier starting with a digit",
        main: questionnaireText(
            questions: """
                      - {id: ⟦1q, type: text, label: "Q1"}
                """), message: "identifiant invalide « 1q »"),
    LoaderCase(
        name: "duplicate question id",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, label: "Q1"}
                      - {id: ⟦q1, type: text, label: "Q1 bis"}
                """), message: "identifiant « q1 » en double"),
    LoaderCase(
        name: "matrix item id duplicating a question",
        main: questionnaireText(
            questions: """
                      - {id: clair, type: yesno, label: "Q1"}
                      - id: grille
                        type: matrix
                        scale: accord4
                        label: "Grille"
                        items:
                          - {id: ⟦clair, label: "Clair"}
                """), message: "identifiant « clair » en double"),
    LoaderCase(
        name: "foreach section id duplicating a question",
        main: questionnaireText(
            questions: """
                      - {id: connus, type: multiple, choices: livrables, label: "Connus"}
                """,
            sections: """
                  - id: ⟦connus
                    title: "À propos de {label}"
                    foreach: connus
                    questions:
                      - {id: utilise, type: yesno, label: "Utilisé ?"}
                """), message: "identifiant « connus » en double"),
    LoaderCase(
        name: "ids differing only by case",
        main: questionnaireText(
            questions: """
                      - {id: q_a, type: text, label: "Q1"}
                      - {id: ⟦Q_a, type: text, label: "Q2"}
                """), message: "identifiant invalide"),
    LoaderCase(
        name: "duplicate choice code",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: single, choices: locale, label: "Q1"}
                """,
            top: """
                lists:
                  locale:
                    - {code: a, label: "A"}
                    - {code: ⟦a, label: "A encore"}
                """), message: "code « a » en double"),
    LoaderCase(
        name: "undefined list",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: single, choices: ⟦livrable, label: "Q1"}
                """), message: "liste de choix « livrable » non définie"),
    LoaderCase(
        name: "undefined scale",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: scale, scale: ⟦accord5, label: "Q1"}
                """), message: "échelle « accord5 » non définie"),
    LoaderCase(
        name: "empty list",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: single, choices: vide, label: "Q1"}
                """,
            top: """
                lists:
                  vide: ⟦[]
                """), message: "la liste « vide » est vide"),
    LoaderCase(
        name: "scale with one level",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: scale, scale: seule, label: "Q1"}
                """,
            top: """
                scales:
                  seule:
                    levels: ⟦[{code: 1, label: "Un"}]
                """), message: "au moins deux niveaux"),
    LoaderCase(
        name: "favourable level not in the scale",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: scale, scale: deux, label: "Q1"}
                """,
            top: """
                scales:
                  deux:
                    levels: [{code: 1, label: "Non"}, {code: 2, label: "Oui"}]
                    favourable: [⟦3]
                """), message: "niveau favorable « 3 » absent"),
    LoaderCase(
        name: "min greater than max",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: number, min: ⟦10, max: 5, label: "Q1"}
                """), message: "min (10) est supérieur à max (5)"),
    LoaderCase(
        name: "condition that does not parse",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: yesno, label: "Q1"}
                      - {id: q2, type: text, when: q1 ⟦= "oui", label: "Q2"}
                """), message: "condition invalide"),
    LoaderCase(
        name: "condition naming an unknown question",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: yesno, label: "Q1"}
                      - {id: q2, type: text, when: ⟦q9 == "oui", label: "Q2"}
                """), message: "question inconnue « q9 »"),
    LoaderCase(
        name: "condition naming a later question",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, when: ⟦q2 == "oui", label: "Q1"}
                      - {id: q2, type: yesno, label: "Q2"}
                """), message: "posée plus loin"),
    LoaderCase(
        name: "condition with a code not in the list",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: single, choices: livrables, label: "Q1"}
                      - {id: q2, type: text, when: ⟦q1 == "guide_z", label: "Q2"}
                """), message: "« guide_z » n'est pas un code de « q1 »"),
    LoaderCase(
        name: "condition comparing a number with text",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: number, label: "Q1"}
                      - {id: q2, type: text, when: ⟦q1 > "trois", label: "Q2"}
                """), message: "est un nombre"),
    LoaderCase(
        name: "foreach over a question that is not multiple",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: single, choices: livrables, label: "Q1"}
                """,
            sections: """
                  - id: ⟦s2
                    title: "À propos de {label}"
                    foreach: q1
                    questions:
                      - {id: q2, type: yesno, label: "Q2"}
                """), message: "« foreach » doit désigner une question à choix multiple"),
    LoaderCase(
        name: "polarity on a non-text question",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: yesno, polarity: ⟦force, label: "Q1"}
                """), message: "« polarity » ne s'applique qu'aux questions ouvertes"),
    LoaderCase(
        name: "missing include",
        main: """
            format: 1
            id: test
            title: Test
            population: pilotes
            include: [⟦absent.yaml]
            sections:
              - id: s1
                title: S1
                questions:
                  - {id: q1, type: text, label: "Q1"}
            """, message: "fichier introuvable"),
    LoaderCase(
        name: "cyclic include",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, label: "Q1"}
                """),
        library: """
            format: 1
            include: [⟦lib.yaml]
            lists:
              x: [{code: a, label: "A"}]
            """, message: "inclusion circulaire"),
    LoaderCase(
        name: "format of another version",
        main: """
            format: ⟦2
            id: test
            title: Test
            population: pilotes
            sections: []
            """, message: "format 2 non pris en charge"),
    LoaderCase(
        name: "multiple question compared with ==",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: multiple, choices: livrables, label: "Q1"}
                      - {id: q2, type: text, when: ⟦q1 == "guide_a", label: "Q2"}
                """), message: "utilisez selected(q1"),
    LoaderCase(
        name: "selected with an unknown code",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: multiple, choices: livrables, label: "Q1"}
                      - id: q2
                        type: text
                        when: '⟦selected(q1, "inconnu")'
                        label: "Q2"
                """), message: "« inconnu » n'est pas un code de « q1 »"),
    LoaderCase(
        name: "descriptive scale with favourable levels",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: scale, scale: frequence, label: "Q1"}
                """,
            top: """
                scales:
                  frequence:
                    descriptive: true
                    levels: [{code: 2, label: "Souvent"}, {code: 1, label: "Rarement"}]
                    favourable: ⟦[2]
                """), message: "est déclarée descriptive : elle ne peut pas avoir de niveaux favorables"),
    LoaderCase(
        name: "use asked as a single choice",
        main: questionnaireText(
            questions: """
                      - {id: connus, type: multiple, choices: livrables, diffusion: awareness, label: "Connus ?"}
                """,
            sections: """
                  - id: s2
                    title: "À propos de {label}"
                    foreach: connus
                    questions:
                      - {id: q2, type: single, choices: cibles, diffusion: ⟦use, label: "Q2"}
                """), message: "le rôle de diffusion « use » attend une question yesno, pas single"),
    LoaderCase(
        name: "relay outside the section repeated per deliverable",
        main: questionnaireText(
            questions: """
                      - {id: connus, type: multiple, choices: livrables, diffusion: awareness, label: "Connus ?"}
                      - {id: q2, type: multiple, choices: cibles, diffusion: ⟦relay, label: "Q2"}
                """), message: "le rôle de diffusion « relay » n'est lu que dans une section répétée par production connue"),
    LoaderCase(
        name: "key that does not apply to the type",
        main: questionnaireText(
            questions: """
                      - {id: q1, type: text, ⟦choices: livrables, label: "Q1"}
                """), message: "« choices » ne s'applique pas à une question de type text"),
]

@Suite("Loading and validating questionnaires")
struct QuestionnaireLoaderTests {
    @Test("a diagnostic lands where the fixture marks it", arguments: invalidCases)
    func diagnosticLandsAtMarker(_ testCase: LoaderCase) throws {
        try testCase.expectErrorAtMarker()
    }

    @Test func descriptiveScalesAreDeclaredOrInferredWithAWarning() throws {
        let scales = """
            scales:
              frequence:
                descriptive: true
                levels: [{code: 2, label: "Souvent"}, {code: 1, label: "Rarement"}]
              sans_cote:
                levels: [{code: 2, label: "Beaucoup"}, {code: 1, label: "Peu"}]
            """
        let text = questionnaireText(
            questions: """
                      - {id: q1, type: scale, scale: frequence, label: "Q1"}
                      - {id: q2, type: scale, scale: sans_cote, label: "Q2"}
                      - {id: q3, type: scale, scale: accord4, label: "Q3"}
                """, top: scales)
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
        let questionnaire = try #require(loaded.questionnaire, "\(loaded.diagnostics)")
        #expect(questionnaire.scales["frequence"]?.descriptive == true)
        #expect(questionnaire.scales["accord4"]?.descriptive == false)
        // No favourable side and no declaration: descriptive, and the author is told.
        #expect(questionnaire.scales["sans_cote"]?.descriptive == true)
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1 && warnings[0].message.contains("« sans_cote » n'a pas de niveaux favorables"), "\(loaded.diagnostics)")
    }

    @Test func relayAndChannelMayBeSingleChoices() throws {
        let text = questionnaireText(
            questions: """
                      - {id: connus, type: multiple, choices: livrables, diffusion: awareness, label: "Connus ?"}
                """,
            sections: """
                  - id: livrable
                    foreach: connus
                    title: "À propos de {label}"
                    questions:
                      - {id: canal, type: single, choices: cibles, diffusion: channel, label: "Canal ?"}
                      - {id: relais, type: single, choices: cibles, diffusion: relay, label: "À qui ?"}
                """)
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
        #expect(loaded.questionnaire != nil && loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }

    @Test func validQuestionnaireLoadsWithNumbering() throws {
        let text = questionnaireText(
            questions: """
                      - {id: institution, type: single, choices: livrables, other: true, label: "Institution ?"}
                      - id: grille
                        type: matrix
                        scale: accord4
                        label: "Êtes-vous d'accord ?"
                        items:
                          - {id: clair, label: "Clair"}
                          - {id: utile, label: "Utile"}
                      - {id: info, type: note, label: "Une note"}
                      - {id: connus, type: multiple, choices: livrables, min: 1, label: "Connus ?"}
                """,
            sections: """
                  - id: livrable
                    foreach: connus
                    title: "À propos de {label}"
                    questions:
                      - {id: utilise, type: yesno, label: "Avez-vous utilisé {label} ?"}
                      - {id: nb, type: number, min: 0, max: 10, when: utilise == "oui", label: "Combien de fois ?"}
                """)
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
        let questionnaire = try #require(loaded.questionnaire, "\(loaded.diagnostics)")
        #expect(questionnaire.variables.map(\.number) == ["1", "1-autre", "2a", "2b", "3", "4", "5"])
        #expect(questionnaire.variables.map(\.id) == ["institution", "institution_autre", "clair", "utile", "connus", "utilise", "nb"])
        #expect(loaded.sources.keys.sorted() == ["lib.yaml", "q.yaml"])
        #expect(questionnaire.options(for: questionnaire.question("institution")!).last?.code == "autre")
    }

    @Test func emptyBinaryAndLatin1FilesAreReported() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.write("vide.yaml", "")
        let binary = try directory.writeData("binaire.yaml", Data([0x66, 0x00, 0x01, 0x02]))
        let latin1 = try directory.writeData("latin1.yaml", Data("format: 1\ntitle: \"Qualit".utf8) + Data([0xE9]) + Data("\"\n".utf8))
        #expect(QuestionnaireLoader.load(empty).diagnostics.first?.message == "le fichier est vide")
        #expect(QuestionnaireLoader.load(binary).diagnostics.first?.message.contains("binaire") == true)
        let latin = QuestionnaireLoader.load(latin1).diagnostics.first
        #expect(latin?.message.contains("UTF-8") == true)
        #expect(latin?.location.line == 2)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let text = questionnaireText(
            questions: """
                      - {id: q1, type: singel, label: "Q1"}
                      - {id: Q2, type: text, label: "Q2"}
                      - {id: q3, type: text, when: q9 == "x", label: "Q3"}
                """)
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
        #expect(loaded.diagnostics.filter { $0.severity == .error }.count >= 3)
        #expect(loaded.diagnostics == loaded.diagnostics.sorted())
    }

    @Test func themesAreCheckedAgainstTheCampaign() {
        let text = questionnaireText(
            questions: "      - {id: q1, type: text, label: \"Q1\"}",
            sections: """
                  - id: s2
                    title: S2
                    theme: moyen
                    questions:
                      - {id: q2, type: text, label: "Q2"}
                """)
        let source = InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText])
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: source, themes: ["moyens"])
        let diagnostic = loaded.diagnostics.first { $0.message.contains("thème « moyen » non déclaré") }
        #expect(diagnostic?.hint == "vouliez-vous dire « moyens » ?")
        #expect(QuestionnaireLoader.load("d/q.yaml", source: source, themes: nil).questionnaire != nil)
    }

    @Test func unknownKeySuggestsTheClosestKey() {
        let text = questionnaireText(questions: "      - {id: q1, type: text, lable: \"Q1\", label: \"Q1\"}")
        let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
        #expect(loaded.diagnostics.contains { $0.message == "clé inconnue « lable » dans une question" && $0.hint == "vouliez-vous dire « label » ?" })
    }
}

@Test func unquotedConditionHintSaysToQuote() {
    let text = questionnaireText(
        questions: """
                  - {id: q1, type: multiple, choices: livrables, label: "Q1"}
                  - {id: q2, type: text, when: selected(q1, "guide_a"), label: "Q2"}
            """)
    let loaded = QuestionnaireLoader.load("d/q.yaml", source: InMemorySource(texts: ["d/q.yaml": text, "d/lib.yaml": libraryText]))
    #expect(loaded.diagnostics.first?.hint?.contains("guillemets simples") == true)
}

@Test func snapshotWithAnIncludeOutsideTheFolderRebuilds() throws {
    let text = questionnaireText(questions: "      - {id: q1, type: text, label: \"Q1\"}").replacingOccurrences(
        of: "include: [lib.yaml]", with: "include: [../commun/lib.yaml]")
    let loaded = QuestionnaireLoader.load(
        "/srv/enquetes/q.yaml", source: InMemorySource(texts: ["/srv/enquetes/q.yaml": text, "/srv/commun/lib.yaml": libraryText]))
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    #expect(loaded.sources.keys.sorted() == ["../commun/lib.yaml", "q.yaml"])
    let rebuilt = QuestionnaireLoader.load(snapshot: loaded.sources, mainFile: loaded.mainFile)
    #expect(rebuilt.questionnaire?.variables.map(\.id) == loaded.questionnaire?.variables.map(\.id))
}

@Test(arguments: [
    ("a/b/c.yaml", "a/b", "c.yaml"), ("a/lib.yaml", "a/b", "../lib.yaml"), ("/x/y/z.yaml", "/x/w", "../y/z.yaml"),
    ("lib.yaml", ".", "lib.yaml"), ("../lib.yaml", ".", "../lib.yaml"),
])
func relativePaths(_ path: String, _ base: String, _ expected: String) {
    #expect(Paths.relative(path, from: base) == expected)
}
