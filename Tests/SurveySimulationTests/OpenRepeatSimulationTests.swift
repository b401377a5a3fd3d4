import Foundation
import SurveyCore
import Testing
@testable import SurveySimulation

@Suite("Simulating a questionnaire with an open repeat")
struct OpenRepeatSimulationTests {
    @Test func simulatedBilansFillEveryRepetitionTheyOpen() throws {
        let loaded = CampaignLoader.load(SimulationTests.root + "/surveys/suivi.yaml")
        let bilan = try #require(loaded.questionnaires.compactMap(\.questionnaire).first { $0.id == "bilan" }, "\(loaded.diagnostics)")
        let section = try #require(bilan.sections.first { $0.openRepeat != nil })
        let simulator = Simulator(profile: SimulationProfile(), phrases: PhraseBank(), seed: 11)
        var largest = 0
        try simulator.generate(bilan, count: 40) { record in
            guard record.status == .completed else { return }
            let opened = bilan.openRepetitions(of: section, given: record.answers)
            largest = max(largest, opened.count)
            // Every repetition opened by a « oui » was filled in, as the plan asks.
            for number in opened {
                let title = record.answers[AnswerKey("livrable_titre", repetition: String(number))]
                #expect(title != nil && title != .skipped && title != .notAsked, "\(record.sessionID) livrable \(number)")
            }
            for step in bilan.plan(given: record.answers) where !step.step.isNote {
                #expect(record.answers[step.step.key] != nil, "\(record.sessionID) \(step.step.key)")
            }
            for part in ["livrable_tpe_pme", "nb_tpe_sensibilisees"] {
                for (key, value) in record.answers where key.variable == part {
                    guard case .number(let partValue) = value else { continue }
                    let total = bilan.question(part)?.partOf ?? ""
                    if case .number(let totalValue)? = record.answers[AnswerKey(total, repetition: key.repetition)] {
                        #expect(partValue <= totalValue, "\(record.sessionID) \(key)")
                    }
                }
            }
            _ = try #require(opened.count <= section.openRepeat?.max ?? 0)
        }
        #expect(largest >= 2, "some simulated fiche-action declares several deliverables")
    }
}
