import Foundation
import Testing
import SurveyCore
@testable import SurveySimulation

@Suite struct SimulationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func setup() throws -> (LoadedCampaign, Simulator) {
        let loaded = CampaignLoader.load(Self.root + "/surveys/campagne.yaml")
        let campaign = try #require(loaded.campaign)
        let (profile, phrases) = try Simulator.load(campaign)
        #expect(!phrases.byTheme.isEmpty && !profile.awareness.isEmpty)
        return (loaded, Simulator(profile: profile, phrases: phrases, seed: 7))
    }

    @Test func splitMixIsSeeded() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
        var c = SplitMix64(seed: 0)
        #expect(c.next() == 0xE220A8397B1DCDAF)  // reference value of SplitMix64 from seed 0
    }

    @Test func everyValuePassesTheQuestionnaireChecks() throws {
        let (loaded, simulator) = try setup()
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            try simulator.generate(questionnaire, count: 60) { record in
                #expect(record.origin == .simulated)
                var replay: [AnswerKey: AnswerValue] = [:]
                // Replay in plan order: each stored value is valid where it was given, not-asked exactly when not asked.
                while true {
                    let plan = questionnaire.plan(given: replay)
                    guard let next = plan.first(where: { !$0.step.isNote && replay[$0.step.key] == nil && record.answers[$0.step.key] != nil }) else { break }
                    let value = record.answers[next.step.key]!
                    if next.asked {
                        #expect(value != .notAsked, "\(record.sessionID) \(next.step.key)")
                        #expect(questionnaire.problem(with: value, for: next.step, answers: replay) == nil, "\(record.sessionID) \(next.step.key) \(value)")
                    } else {
                        #expect(value == .notAsked, "\(record.sessionID) \(next.step.key)")
                    }
                    replay[next.step.key] = value
                }
                #expect(replay.count == record.answers.count)
                if record.status == .completed {
                    #expect(questionnaire.plan(given: record.answers).allSatisfy { $0.step.isNote || record.answers[$0.step.key] != nil })
                }
            }
        }
    }

    /// Definitions that `prst validate` accepts but that the simulation used to crash on: a scale
    /// without favourable levels (declared descriptive or not), a single choice whose only
    /// option is « autre », bounds too large for an integer.
    @Test func simulatesDescriptiveScalesAndOddListsWithoutCrashing() throws {
        let text = """
            format: 1
            id: odd
            title: Odd
            population: odd
            scales:
              frequence:
                descriptive: true
                levels: [{code: 3, label: "Souvent"}, {code: 2, label: "Parfois"}, {code: 1, label: "Jamais"}]
              sans_cote:
                levels: [{code: 2, label: "Beaucoup"}, {code: 1, label: "Peu"}]
            lists:
              seulement_autre: [{code: autre, label: "Autre"}]
            sections:
              - id: s1
                title: S1
                questions:
                  - {id: frequence_q, type: scale, scale: frequence, label: "Fréquence ?"}
                  - {id: sans_cote_q, type: scale, scale: sans_cote, label: "Quantité ?"}
                  - {id: seul, type: single, choices: seulement_autre, label: "Choix ?"}
                  - {id: beaucoup, type: multiple, choices: seulement_autre, max: 100000000000000000000000, label: "Choix multiples ?"}
                  - {id: immense, type: number, min: -1e300, max: 1e300, label: "Nombre ?"}
            """
        let loaded = QuestionnaireLoader.load("d/odd.yaml", source: InMemorySource(texts: ["d/odd.yaml": text]))
        let questionnaire = try #require(loaded.questionnaire, "\(loaded.diagnostics)")
        let simulator = Simulator(profile: SimulationProfile(), phrases: PhraseBank(), seed: 3)
        var seen: [String: Set<String>] = [:]
        simulator.generate(questionnaire, count: 200) { record in
            for (key, value) in record.answers { if case .choice(let code) = value { seen[key.variable, default: []].insert(code) } }
        }
        // Every level of a descriptive scale is drawn, not only one end.
        #expect(seen["frequence_q"] == ["1", "2", "3"])
        #expect(seen["sans_cote_q"] == ["1", "2"])
        #expect(seen["seul"] == ["autre"])
    }

    @Test func deterministicForASeed() throws {
        let (loaded, simulator) = try setup()
        let questionnaire = try #require(loaded.questionnaires.compactMap(\.questionnaire).last)
        var first: [ResponseRecord] = [], second: [ResponseRecord] = []
        simulator.generate(questionnaire, count: 20) { first.append($0) }
        simulator.generate(questionnaire, count: 20) { second.append($0) }
        #expect(first == second)
    }
}
