import Foundation
import Testing
import SurveyCore
@testable import SurveyAnalysis

/// A one-population campaign measuring the diffusion of three productions of two types.
enum DiffusionFixture {
    static let campaign = """
        format: 1
        id: diffusion
        title: "Diffusion"
        questionnaires:
          - {population: d, label: "Destinataires", file: d.yaml}
        themes:
          - {id: diffusion, title: "Diffusion"}
        min_group: 3
        """
    static let questionnaire = """
        format: 1
        id: d
        version: 1
        title: "Q d"
        population: d
        scales:
          utilite:
            levels:
              - {code: 4, label: "Très utile"}
              - {code: 3, label: "Plutôt utile"}
              - {code: 2, label: "Peu utile"}
              - {code: 1, label: "Pas utile"}
            favourable: [4, 3]
            missing:
              - {code: nsp, label: "Ne sait pas"}
        lists:
          livrables:
            - {code: g1, type: guide, label: "Guide un"}
            - {code: g2, type: guide, label: "Guide deux"}
            - {code: p1, type: plaquette, label: "Plaquette"}
            - {code: aucun, label: "Aucun", exclusive: true}
          cibles:
            - {code: collegues, reach: interne, label: "Collègues"}
            - {code: entreprises, reach: final, label: "Entreprises"}
        sections:
          - id: s
            title: "S"
            theme: diffusion
            questions:
              - {id: connus, type: multiple, choices: livrables, diffusion: awareness, label: "Connus ?"}
          - id: l
            foreach: connus
            title: "À propos de {label}"
            theme: diffusion
            questions:
              - {id: utilise, type: yesno, diffusion: use, label: "Avez-vous utilisé « {label} » ?"}
              - {id: utilite, type: scale, scale: utilite, diffusion: usefulness, when: 'utilise == "oui"', label: "Utile ?"}
              - {id: relais, type: multiple, choices: cibles, diffusion: relay, required: false, label: "Transmis à ?"}
        """

    static func load() -> LoadedCampaign {
        CampaignLoader.load("c/campagne.yaml", source: InMemorySource(texts: ["c/campagne.yaml": campaign, "c/d.yaml": questionnaire]))
    }

    /// Ten respondents. g1: known by 8, used by 5, relayed by 4; g2: known by 6, used by 3,
    /// relayed by 2 (under min_group 3: what happens after relaying is withheld); p1: known by 5,
    /// used by 3, relayed by 3. Usefulness: g1 4 valid answers and one « ne sait pas », g2 2
    /// valid (withheld), p1 3 valid.
    static func records() -> [ResponseRecord] {
        let known: [String: ClosedRange<Int>] = ["g1": 0...7, "g2": 4...9, "p1": 5...9]
        let used: [String: [Int: AnswerValue]] = [
            "g1": [0: .choice("4"), 1: .choice("4"), 2: .choice("3"), 3: .choice("2"), 4: .nonSubstantive("nsp")],
            "g2": [4: .choice("4"), 5: .choice("3"), 6: .nonSubstantive("nsp")],
            "p1": [5: .choice("4"), 6: .choice("1"), 7: .choice("2")],
        ]
        let relayed: [String: [Int: [String]]] = [
            "g1": [0: ["collegues"], 1: ["collegues"], 2: ["entreprises"], 3: ["collegues", "entreprises"]],
            "g2": [8: ["collegues"], 9: ["entreprises"]],
            "p1": [5: ["collegues"], 6: ["collegues"], 7: ["entreprises"]],
        ]
        return (0..<10).map { index in
            var answers: [AnswerKey: AnswerValue] = [:]
            let codes = ["g1", "g2", "p1"].filter { known[$0]?.contains(index) == true }
            answers[AnswerKey("connus")] = .choices(codes)
            for code in codes {
                if let usefulness = used[code]?[index] {
                    answers[AnswerKey("utilise", repetition: code)] = .choice("oui")
                    answers[AnswerKey("utilite", repetition: code)] = usefulness
                } else {
                    answers[AnswerKey("utilise", repetition: code)] = .choice("non")
                    answers[AnswerKey("utilite", repetition: code)] = .notAsked
                }
                answers[AnswerKey("relais", repetition: code)] = relayed[code]?[index].map { .choices($0) } ?? .skipped
            }
            return ResponseRecord(
                sessionID: "d-\(index)", questionnaireID: "d", questionnaireVersion: 1, population: "d", status: .completed,
                origin: .respondent, startedAt: Date(timeIntervalSince1970: 0), completedAt: nil,
                answers: answers)
        }
    }

    static func analyse(_ records: [ResponseRecord] = records(), options: AnalysisOptions = AnalysisOptions()) throws -> AnalysisResult {
        let loaded = load()
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let campaign = try #require(loaded.campaign)
        let reader = ArrayReader(loaded.questionnaires.compactMap(\.questionnaire), records)
        return try SurveyAnalyzer.analyse(campaign: campaign, codebook: nil, reader: reader, options: options)
    }
}

@Suite struct DisclosureTests {
    func step(_ result: AnalysisResult, _ scope: FunnelScope, _ key: String, _ kind: FunnelStepKind) throws -> FunnelStep {
        try #require(result.funnels.first { $0.scope == scope && $0.key == key }?.step(kind))
    }

    @Test func aWithheldDeliverableCellIsNotTheOnlyUnknownOfItsTypeRow() throws {
        let result = try DiffusionFixture.analyse()
        // g2: 2 relayed, under 3: its relayed_* steps are withheld (primary).
        for kind in [FunnelStepKind.relayedInternal, .relayedIntermediary, .relayedFinal] {
            #expect(try !step(result, .deliverable, "g2", kind).shown)
            // The guide row (6 relayed) is published, so g1's cell goes with g2's: otherwise guide − g1 = g2.
            #expect(try step(result, .type, "guide", kind).shown)
            #expect(try !step(result, .deliverable, "g1", kind).shown)
            #expect(try step(result, .deliverable, "p1", kind).shown)
            #expect(try step(result, .overall, "ensemble", kind).shown)
        }
        #expect(try step(result, .deliverable, "g1", .relayed).shown)
        let primary = result.suppressed.filter { $0.what == .funnelStep(scope: .deliverable, key: "g2", step: .relayedInternal) }
        #expect(primary.map(\.reason) == [.belowThreshold] && primary.map(\.base) == [2])
        let secondary = result.suppressed.filter { $0.what == .funnelStep(scope: .deliverable, key: "g1", step: .relayedInternal) }
        #expect(secondary.map(\.reason) == [.complementary(protecting: .funnelStep(scope: .deliverable, key: "g2", step: .relayedInternal))])
    }

    /// Every published total (type row, ensemble row, tri à plat of a repeated question) has
    /// zero or at least two withheld parts: no withheld cell is found by subtraction.
    @Test func noPublishedTotalHasExactlyOneWithheldPart() throws {
        for minGroup in 1...7 {
            let result = try DiffusionFixture.analyse(options: AnalysisOptions(minGroup: minGroup))
            for kind in FunnelStepKind.allCases {
                let deliverables = result.funnels.filter { $0.scope == .deliverable }
                let types = result.funnels.filter { $0.scope == .type }
                func withheld(_ funnel: Funnel) -> Bool { funnel.step(kind)?.shown == false }
                for type in types {
                    let parts = deliverables.filter { $0.type == type.key }
                    let unknown = parts.filter(withheld).count + (withheld(type) ? 1 : 0)
                    #expect(unknown != 1, "min_group \(minGroup), \(kind), type \(type.key)")
                }
                let overall = try #require(result.funnels.first { $0.scope == .overall })
                #expect(types.filter(withheld).count + (withheld(overall) ? 1 : 0) != 1, "min_group \(minGroup), \(kind), ensemble")
                let repeatedTotalShown = result.frequencies.first { $0.variable == (kind == .used ? "utilise" : "relais") }?.shown ?? false
                if kind != .aware, repeatedTotalShown { #expect(deliverables.filter(withheld).count != 1, "min_group \(minGroup), \(kind), tri à plat") }
            }
            let usefulness = result.funnels.compactMap(\.usefulness)
            let utiliteShown = result.frequencies.first { $0.variable == "utilite" }?.shown ?? false
            if utiliteShown { #expect(usefulness.filter { !$0.shown }.count != 1, "min_group \(minGroup), usefulness") }
        }
    }

    @Test func aStepWhoseBaseIsWithheldIsWithheld() throws {
        for minGroup in 1...7 {
            let result = try DiffusionFixture.analyse(options: AnalysisOptions(minGroup: minGroup))
            for funnel in result.funnels {
                for step in funnel.steps where step.shown {
                    guard let previous = step.kind.previous else { continue }
                    #expect(funnel.step(previous)?.shown == true, "min_group \(minGroup), \(funnel.key) \(step.kind)")
                }
            }
        }
    }

    @Test func usefulnessPerDeliverable() throws {
        let result = try DiffusionFixture.analyse()
        let g1 = try #require(result.funnels.first { $0.scope == .deliverable && $0.key == "g1" }?.usefulness)
        #expect(g1.nValid == 4 && g1.nNonSubstantive == 1 && g1.favourable == 3 && g1.shown)
        let g2 = try #require(result.funnels.first { $0.key == "g2" }?.usefulness)
        #expect(g2.nValid == 2 && !g2.shown)
        // p1 (3 valid) goes with g2: the tri à plat of « utilite » adds the three productions.
        let p1 = try #require(result.funnels.first { $0.key == "p1" }?.usefulness)
        #expect(p1.nValid == 3 && p1.favourable == 1 && !p1.shown)
        let complementary = SuppressionReason.complementary(protecting: .usefulness(deliverable: "g2"))
        #expect(result.suppressed.contains { $0.what == .usefulness(deliverable: "p1") && $0.reason == complementary })
        #expect(result.funnels.filter { $0.scope != .deliverable }.allSatisfy { $0.usefulness == nil })
    }

    @Test func repeatedLabelsHaveNoPlaceholder() throws {
        let result = try DiffusionFixture.analyse()
        let utilise = try #require(result.frequencies.first { $0.variable == "utilise" })
        #expect(!utilise.label.contains("{label}") && !utilise.label.contains("{code}"))
        #expect(utilise.label == "Avez-vous utilisé « … » ?")
    }

    @Test func repeatedQuestionsAreThresholdedOnPeopleNotAnswers() throws {
        // Four people, two of whom know the three productions: six answers to « utilise », two people.
        let records = (0..<4).map { index in
            let codes = index < 2 ? ["g1", "g2", "p1"] : []
            var answers: [AnswerKey: AnswerValue] = [AnswerKey("connus"): .choices(index < 2 ? codes : ["aucun"])]
            for code in codes {
                answers[AnswerKey("utilise", repetition: code)] = .choice("non")
                answers[AnswerKey("utilite", repetition: code)] = .notAsked
                answers[AnswerKey("relais", repetition: code)] = .skipped
            }
            return ResponseRecord(
                sessionID: "d-\(index)", questionnaireID: "d", questionnaireVersion: 1, population: "d", status: .completed,
                origin: .respondent, startedAt: Date(timeIntervalSince1970: 0), completedAt: nil,
                answers: answers)
        }
        let result = try DiffusionFixture.analyse(records, options: AnalysisOptions(minGroup: 2))
        let utilise = try #require(result.frequencies.first { $0.variable == "utilise" })
        #expect(utilise.given == 6 && utilise.shown)
        let strict = try DiffusionFixture.analyse(records, options: AnalysisOptions(minGroup: 3))
        #expect(strict.frequencies.first { $0.variable == "utilise" }?.shown == false)
    }
}
