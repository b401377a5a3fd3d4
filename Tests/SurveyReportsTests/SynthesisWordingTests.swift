import Foundation
import Testing
@testable import SurveyAnalysis
import SurveyCore
@testable import SurveyReports
import SurveySimulation

/// A small campaign whose synthesis must say what its data can bear: two populations of eight,
/// a frequency scale, an opinion item at 7 / 8, wishes and proposals for the next plan, and a
/// deliverable relayed to companies by everyone who knows it.
enum WordingFixture {
    static let campaign = """
        format: 1
        id: mots
        title: "Mots justes"
        questionnaires:
          - {population: a, label: "Groupe A", file: a.yaml}
          - {population: b, label: "Groupe B", file: b.yaml}
        themes:
          - {id: dynamique, title: "Dynamique"}
          - {id: projection, title: "Projection"}
        min_group: 3
        codebook: codebook.yaml
        thresholds: {force: 70, difficulte: 50}
        """
    static func questionnaire(_ population: String) -> String {
        """
        format: 1
        id: \(population)
        version: 1
        title: "Q"
        population: \(population)
        scales:
          accord:
            levels: [{code: 4, label: "Tout à fait"}, {code: 3, label: "Plutôt"}, {code: 2, label: "Plutôt pas"}, {code: 1, label: "Pas du tout"}]
            favourable: [4, 3]
          frequence:
            descriptive: true
            levels: [{code: 3, label: "Toujours"}, {code: 2, label: "Souvent"}, {code: 1, label: "Rarement"}]
        lists:
          appuis: [{code: formation, label: "Une formation"}, {code: outils, label: "Des outils"}]
          livrables: [{code: guide, label: "Le guide", type: guide}, {code: aucun, label: "Aucun", exclusive: true}]
          cibles: [{code: collegues, label: "Collègues", reach: interne}, {code: entreprises, label: "Entreprises", reach: final}]
        sections:
          - id: s
            title: "S"
            theme: dynamique
            questions:
              - {id: assiduite, type: scale, scale: frequence, label: "À quelle fréquence êtes-vous venu ?"}
              - {id: groupe_ok, type: scale, scale: accord, label: "Le groupe fonctionnait bien"}
          - id: p
            title: "P"
            theme: projection
            questions:
              - {id: appuis_souhaites, type: multiple, choices: appuis, label: "Quels appuis souhaitez-vous ?"}
              - {id: propositions, type: text, required: false, label: "Vos propositions ?"}
              - {id: connus, type: multiple, choices: livrables, diffusion: awareness, label: "Connus ?"}
          - id: r
            title: "{label}"
            foreach: connus
            questions:
              - {id: utilise, type: yesno, diffusion: use, label: "Utilisé ?"}
              - {id: relais, type: multiple, choices: cibles, diffusion: relay, label: "À qui ?"}
        """
    }
    static let codebook = """
        format: 1
        themes:
          - {id: dynamique, definition: "Dynamique", patterns: ["mobilisation"]}
          - {id: projection, definition: "Projection", patterns: ["prochain plan"]}
        """

    static func answers(_ population: String, _ index: Int, favourable: Bool) -> ResponseRecord {
        var answers: [AnswerKey: AnswerValue] = [
            AnswerKey("assiduite"): .choice(["3", "2", "1"][index % 3]), AnswerKey("groupe_ok"): .choice(favourable ? "4" : "1"),
            AnswerKey("appuis_souhaites"): .choices(index < 6 ? ["formation"] : ["outils"]),
            AnswerKey("propositions"): .text("Pour le prochain plan, garder la même mobilisation des membres."),
            AnswerKey("connus"): .choices(["guide"]), AnswerKey("utilise", repetition: "guide"): .choice("oui"),
            AnswerKey("relais", repetition: "guide"): .choices(["entreprises"]),
        ]
        answers[AnswerKey("propositions")] = index < 4 ? answers[AnswerKey("propositions")] : .skipped
        return ResponseRecord(
            sessionID: "\(population)-\(index)", questionnaireID: population, questionnaireVersion: 1, population: population,
            status: .completed, origin: .respondent, startedAt: Date(timeIntervalSince1970: 0), completedAt: nil, answers: answers)
    }

    static func synthesis() throws -> String { try #require(try files()["synthese.md"]) }

    static func files() throws -> [String: String] {
        let loaded = CampaignLoader.load(
            "c/campagne.yaml",
            source: InMemorySource(texts: [
                "c/campagne.yaml": campaign,
                "c/a.yaml": questionnaire("a"), "c/b.yaml": questionnaire("b"), "c/codebook.yaml": codebook,
            ]))
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let campaign = try #require(loaded.campaign)
        let memory = MemoryResponses()
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            // Group A: 7 favourable of 8 ; group B: 2 of 8.
            let favourableCount = questionnaire.population == "a" ? 7 : 2
            for index in 0..<8 { try memory.write(answers(questionnaire.population, index, favourable: index < favourableCount), definition: questionnaire) }
        }
        let result = try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory)
        return SurveyReport(result).files()
    }

    /// The lines of the block that starts with `title` in the section starting with `section`.
    static func block(_ title: String, in markdown: String, section: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(section) }) else { return [] }
        let rest = lines[(start + 1)...].prefix { !$0.hasPrefix("### ") && !$0.hasPrefix("## ") }
        guard let titleIndex = rest.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
        return Array(rest[(titleIndex + 1)...].prefix { !$0.hasPrefix("**") && !$0.hasPrefix("| ") && !$0.hasPrefix("![") })
    }
}

@Suite struct SynthesisWordingTests {
    @Test func aForceMustClearTheThresholdWithItsInterval() throws {
        let md = try WordingFixture.synthesis()
        let forces = WordingFixture.block("**Forces", in: md, section: "### 2.1").joined(separator: "\n")
        let toConfirm = WordingFixture.block("**À confirmer", in: md, section: "### 2.1").joined(separator: "\n")
        let difficulties = WordingFixture.block("**Difficultés", in: md, section: "### 2.1").joined(separator: "\n")
        // 7 / 8 favourable: Wilson 95 % interval 52,9–97,8 %, not yet a force.
        #expect(!forces.contains("Le groupe fonctionnait bien"), "\(md)")
        #expect(toConfirm.contains("Le groupe fonctionnait bien — Groupe A : 7 / 8 favorables (IC 95 % : 52,9–97,8 %), force à confirmer"), "\(toConfirm)")
        // 2 / 8: interval 7,1–59,1 %, a difficulty to confirm.
        #expect(!difficulties.contains("Le groupe fonctionnait bien"))
        #expect(toConfirm.contains("Groupe B : 2 / 8 favorables (IC 95 % : 7,1–59,1 %), difficulté à confirmer"), "\(toConfirm)")
        #expect(md.contains("la borne basse de son intervalle de confiance à 95 % atteint 70 %"))
    }

    @Test func aFrequencyScaleIsADistributionNotAStrength() throws {
        let md = try WordingFixture.synthesis()
        for title in ["**Forces", "**Difficultés", "**À confirmer"] {
            #expect(!WordingFixture.block(title, in: md, section: "### 2.1").joined().contains("À quelle fréquence"), "\(title)")
        }
        let distribution = WordingFixture.block("**Échelles descriptives", in: md, section: "### 2.1").joined(separator: "\n")
        #expect(distribution.contains("À quelle fréquence êtes-vous venu ? — Groupe A : Toujours 3 / 8 ; Souvent 3 / 8 ; Rarement 2 / 8"), "\(md)")
        #expect(!md.contains("fréquence êtes-vous venu ? | Groupe A | 8 | 0 / 8"))
    }

    @Test func wishesAndProposalsFeedTheSynthesis() throws {
        let md = try WordingFixture.synthesis()
        let choices = WordingFixture.block("**Réponses aux questions à choix", in: md, section: "### 2.2").joined(separator: "\n")
        #expect(choices.contains("Quels appuis souhaitez-vous ? — Groupe A : Une formation 6 / 8 ; Des outils 2 / 8"), "\(md)")
        // The awareness question is reported in the diffusion section, not here.
        #expect(!choices.contains("Connus ?"))
        let proposals = WordingFixture.block("**Propositions et attentes", in: md, section: "### 2.2").joined(separator: "\n")
        #expect(proposals.contains("Groupe A 4 / 8 ; Groupe B 4 / 8"), "\(md)")
        #expect(proposals.contains("« Pour le prochain plan, garder la même mobilisation des membres. »"))
        // The same proposal mentions the group dynamic: counted as a proposal there, never as a strength.
        #expect(WordingFixture.block("**Propositions et attentes", in: md, section: "### 2.1").joined().contains("Groupe A 4 / 8"))
        #expect(!WordingFixture.block("**Forces", in: md, section: "### 2.1").joined().contains("Réponses libres"))
    }

    @Test func theDiffusionSentenceFollowsTheData() throws {
        let md = try WordingFixture.synthesis()
        let sentence = try #require(md.components(separatedBy: "\n").first { $0.hasPrefix("Sur 8 groupe a") })
        #expect(!sentence.contains("seulement"), "\(sentence)")
        #expect(sentence.contains("aux entreprises ou aux salariés pour 8 / 8"), "\(sentence)")
    }

    @Test func comparisonsGiveAnEffectSizeAndSayWhatNonSignificantMeans() throws {
        let md = try WordingFixture.synthesis()
        #expect(md.contains("| Item | Part favorable par population | Test | Statistique | p | p ajustée (Holm) | Taille d'effet | Différence |"))
        // Group A 7 × « 4 », 1 × « 1 » against group B 2 × « 4 », 6 × « 1 »: U = 52, r = 2U / 64 − 1 = 0,625.
        let row = try #require(md.components(separatedBy: "\n").first { $0.hasPrefix("| Le groupe fonctionnait bien | Groupe A 7 / 8 ;") })
        #expect(row.contains("| r = 0,63 |"), "\(row)")
        // The descriptive item is compared on medians, not on a favourable share it does not have.
        let frequencyRow = try #require(md.components(separatedBy: "\n").first { $0.hasPrefix("| À quelle fréquence êtes-vous venu ? | ") })
        #expect(frequencyRow.contains("Groupe A : médiane 2"), "\(frequencyRow)")
        #expect(md.contains("« non significative » ne veut pas dire « pas de différence »"))
    }

    @Test func exportsCarryTheClassificationAndTheEffectSize() throws {
        let files = try WordingFixture.files()
        let likert = try #require(files["likert.csv"]).components(separatedBy: "\n")
        #expect(likert[0].hasSuffix(",net_score,classification"))
        #expect(likert.contains { $0.hasPrefix("a,dynamique,groupe_ok,") && $0.hasSuffix(",force_a_confirmer") })
        // A descriptive item has no favourable share, interval or net score to export.
        #expect(likert.contains("a,dynamique,assiduite,À quelle fréquence êtes-vous venu ?,8,0,0,,,,,2,,descriptive"), "\(likert)")
        let comparisons = try #require(files["comparaisons.csv"]).components(separatedBy: "\n")
        #expect(comparisons[0] == "item,populations,test,statistic,p_value,p_adjusted,effect_size,effect_measure")
        #expect(comparisons.contains { $0.hasPrefix("groupe_ok,a|b,mann-whitney,52.000,") && $0.hasSuffix(",0.625,rank_biserial") }, "\(comparisons)")
        // The Likert chart shows favourable and unfavourable sides: no row for a descriptive scale.
        let chart = try #require(files["likert-dynamique.svg"])
        #expect(chart.contains("Le groupe fonctionnait bien") && !chart.contains("À quelle fréquence"))
    }

    /// A valid 0-to-10 scale has eleven levels: each needs a colour, or the chart indexes past the palette.
    @Test func likertChartOfAnElevenLevelScale() {
        #expect((2...12).allSatisfy { Charts.palette($0).count == $0 })
        #expect(Charts.palette(11).first == "#b2182b" && Charts.palette(11).last == "#2166ac")
        let levels = (0...10).map { LevelCount(code: String($0), label: String($0), count: 3) }
        let item = ItemStats(
            item: "nps", label: "Recommanderiez-vous ?", number: "1", theme: "t", population: "a", scaleID: "nps", levels: levels,
            nonSubstantive: [], favourableCodes: ["10", "9"], nValid: 33, nNonSubstantive: 0, nNotAsked: 0, nSkipped: 0,
            favourable: 6, unfavourable: 6, shown: true)
        let svg = Charts.likert(title: "T", rows: [item], populationLabel: { $0 })
        #expect(svg.hasPrefix("<svg") && svg.contains("Recommanderiez-vous ?"))
    }
}
