import Foundation
import Testing
import SurveyCore
@testable import SurveyAnalysis

/// A campaign with the questions that are not opinions: a descriptive frequency scale, open
/// questions with and without polarity, a choice question of wishes, a diffusion block whose
/// relay and channel questions are single choices.
enum RulesFixture {
    static let campaign = """
        format: 1
        id: regles
        title: "Règles"
        questionnaires:
          - {population: a, label: "Groupe A", file: a.yaml}
        themes:
          - {id: dynamique, title: "Dynamique"}
          - {id: moyens, title: "Moyens"}
          - {id: projection, title: "Projection"}
        min_group: 3
        codebook: codebook.yaml
        thresholds: {force: 70, difficulte: 50}
        """
    static let questionnaire = """
        format: 1
        id: a
        version: 1
        title: "Q"
        population: a
        scales:
          accord:
            levels: [{code: 4, label: "Tout à fait"}, {code: 3, label: "Plutôt"}, {code: 2, label: "Plutôt pas"}, {code: 1, label: "Pas du tout"}]
            favourable: [4, 3]
          frequence:
            descriptive: true
            levels: [{code: 3, label: "Toujours"}, {code: 2, label: "Souvent"}, {code: 1, label: "Rarement"}]
        lists:
          appuis: [{code: formation, label: "Formation"}, {code: outils, label: "Outils"}]
          livrables: [{code: guide, label: "Guide", type: guide}, {code: aucun, label: "Aucun", exclusive: true}]
          cibles: [{code: collegues, label: "Collègues", reach: interne}, {code: entreprises, label: "Entreprises", reach: final}]
        sections:
          - id: s
            title: "S"
            theme: dynamique
            questions:
              - {id: assiduite, type: scale, scale: frequence, label: "À quelle fréquence ?"}
              - {id: groupe_ok, type: scale, scale: accord, label: "Le groupe fonctionnait bien"}
              - {id: forces, type: text, polarity: force, required: false, label: "Forces ?"}
              - {id: difficultes, type: text, polarity: difficulte, required: false, label: "Difficultés ?"}
          - id: p
            title: "P"
            theme: projection
            questions:
              - {id: appuis_souhaites, type: multiple, choices: appuis, label: "Appuis souhaités ?"}
              - {id: propositions, type: text, required: false, label: "Propositions ?"}
          - id: d
            title: "D"
            theme: projection
            questions:
              - {id: connus, type: multiple, choices: livrables, diffusion: awareness, label: "Connus ?"}
          - id: r
            title: "{label}"
            foreach: connus
            questions:
              - {id: canal, type: single, choices: cibles, diffusion: channel, label: "Canal ?"}
              - {id: relais, type: single, choices: cibles, diffusion: relay, required: false, label: "À qui ?"}
        """
    static let codebook = """
        format: 1
        themes:
          - {id: dynamique, definition: "Dynamique", patterns: ["mobilisation"]}
          - {id: moyens, definition: "Moyens", patterns: ["moyens", "budget"]}
          - {id: projection, definition: "Projection", patterns: ["prochain plan"]}
        """

    static func analyse(_ records: [ResponseRecord]) throws -> AnalysisResult {
        let loaded = CampaignLoader.load(
            "c/campagne.yaml",
            source: InMemorySource(texts: [
                "c/campagne.yaml": campaign, "c/a.yaml": questionnaire, "c/codebook.yaml": codebook,
            ]))
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let campaign = try #require(loaded.campaign)
        return try SurveyAnalyzer.analyse(
            campaign: campaign, codebook: loaded.codebook,
            reader: ArrayReader(loaded.questionnaires.compactMap(\.questionnaire), records))
    }
}

@Suite struct SynthesisRulesTests {
    func answers(_ index: Int, _ extra: [String: AnswerValue] = [:]) -> ResponseRecord {
        var values: [String: AnswerValue] = [
            "assiduite": .choice(["3", "2", "1"][index % 3]), "groupe_ok": .choice(index < 7 ? "4" : "1"),
            "connus": .choices(["aucun"]),
        ]
        for (key, value) in extra { values[key] = value }
        return record("a", index, values)
    }

    @Test func aDescriptiveScaleIsADistributionNeverAClassification() throws {
        let result = try RulesFixture.analyse((0..<9).map { answers($0) })
        let item = try #require(result.items.first { $0.item == "assiduite" })
        #expect(item.descriptive && item.shown && item.nValid == 9)
        #expect(item.levels.map(\.count) == [3, 3, 3])
        #expect(item.favourableShare == nil && item.interval == nil && item.netScore == nil)
        #expect(item.classification(force: 70, difficulty: 50) == .descriptive)
    }

    @Test func classificationUsesTheWholeInterval() throws {
        func item(_ favourable: Int, _ n: Int) -> ItemStats {
            ItemStats(
                item: "x", label: "X", number: "1", theme: nil, population: "a", scaleID: "accord", levels: [], nonSubstantive: [],
                favourableCodes: ["4", "3"], nValid: n, nNonSubstantive: 0, nNotAsked: 0, nSkipped: 0, favourable: favourable,
                unfavourable: n - favourable, shown: true)
        }
        // 7 / 8 = 87.5 % but Wilson [52.9 ; 97.8]: a force still to confirm.
        #expect(item(7, 8).classification(force: 70, difficulty: 50) == .forceToConfirm)
        // 90 / 100: Wilson low 82.6 % clears 70 %.
        #expect(item(90, 100).classification(force: 70, difficulty: 50) == .force)
        // 2 / 8 = 25 %, Wilson high 59.1 %: a difficulty to confirm ; 20 / 100, high 28.9 %: a difficulty.
        #expect(item(2, 8).classification(force: 70, difficulty: 50) == .difficultyToConfirm)
        #expect(item(20, 100).classification(force: 70, difficulty: 50) == .difficulty)
        #expect(item(60, 100).classification(force: 70, difficulty: 50) == .neutral)
        #expect(item(0, 0).classification(force: 70, difficulty: 50) == nil)
    }

    @Test func polarityComesFromTheQuestionSentenceBySentence() throws {
        let records = [
            // Without polarity: a proposition, even with a negation in the sentence before.
            answers(0, ["propositions": .text("Aucune difficulté : la mobilisation a été constante. Pas de budget pour le prochain plan.")]),
            // In a strengths question, a negated mention is a difficulty; the praised one a strength.
            answers(1, ["forces": .text("Pas assez de moyens. Mais une belle mobilisation.")]),
            // In a difficulties question, a difficulty, negated or not.
            answers(2, ["difficultes": .text("Le budget. Aucune mobilisation.")]),
        ]
        let result = try RulesFixture.analyse(records)
        func count(_ theme: String, _ polarity: Polarity?) -> Int? {
            result.mentions.first { $0.theme == theme && $0.polarity == polarity }?.respondents
        }
        #expect(count("dynamique", .difficulte) == 1)  // respondent 2 only, not respondent 0
        #expect(count("dynamique", .force) == 1)
        #expect(count("moyens", .difficulte) == 2)
        #expect(count("moyens", .force) == 0)
        // Propositions are counted apart, by theme.
        #expect(count("dynamique", nil) == 1 && count("moyens", nil) == 1 && count("projection", nil) == 1)
    }

    @Test func choiceQuestionsKeepTheirThemeForTheSynthesis() throws {
        let result = try RulesFixture.analyse((0..<4).map { answers($0, ["appuis_souhaites": .choices(["formation"])]) })
        let wishes = try #require(result.frequencies.first { $0.variable == "appuis_souhaites" })
        #expect(wishes.theme == "projection" && wishes.diffusion == nil && wishes.rows.first?.count == 4)
        #expect(result.frequencies.first { $0.variable == "connus" }?.diffusion == .awareness)
    }

    @Test func singleChoiceRelayAndChannelAreCounted() throws {
        let records = (0..<4).map { index in
            var record = answers(index, ["connus": .choices(["guide"])])
            record.answers[AnswerKey("canal", repetition: "guide")] = .choice("collegues")
            record.answers[AnswerKey("relais", repetition: "guide")] = index < 2 ? .choice("entreprises") : .skipped
            return record
        }
        let result = try RulesFixture.analyse(records)
        let funnel = try #require(result.funnels.first { $0.scope == .deliverable && $0.key == "guide" })
        #expect(funnel.step(.relayed)?.count == 2 && funnel.step(.relayedFinal)?.count == 2)
        #expect(result.channels.first { $0.deliverable == "guide" && $0.channel == "collegues" }?.count == 4)
    }
}
