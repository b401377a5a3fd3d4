import Foundation
import SurveyCore
import Testing
@testable import SurveySimulation

@Suite("Simulating monitoring responses (one per unit × period)")
struct ReportingSimulationTests {
    static func cpom() throws -> (Campaign, Questionnaire) {
        let loaded = CampaignLoader.load(SimulationTests.root + "/surveys/suivi-cpom.yaml")
        let campaign = try #require(loaded.campaign)
        return (campaign, try #require(loaded.questionnaires.compactMap(\.questionnaire).first, "\(loaded.diagnostics)"))
    }

    static func records(seed: UInt64 = 3) throws -> (Questionnaire, [ResponseRecord]) {
        let (campaign, cpom) = try cpom()
        let simulator = Simulator(profile: SimulationProfile(campaign.simulation), phrases: PhraseBank(), seed: seed)
        var records: [ResponseRecord] = []
        simulator.generateReporting(cpom, reporting: ReportingProfile(campaign.simulation?["suivi"])) { records.append($0) }
        return (cpom, records)
    }

    @Test func eachResponseNamesItsUnitAndPeriodOnce() throws {
        let (cpom, records) = try Self.records()
        let keys = records.compactMap(\.reporting)
        #expect(keys.count == records.count)
        #expect(Set(keys).count == keys.count)
        #expect(Set(records.map(\.sessionID)).count == records.count)
        #expect(Set(keys.map(\.period)) == ["2025", "2026", "2027"])
        let units = Set(cpom.reportingUnits?.units.map(\.code) ?? [])
        #expect(keys.allSatisfy { units.contains($0.unit) })
    }

    /// Some units do not report, some only start: coverage under 100 % (profile: 85 %).
    @Test func someUnitsDoNotReport() throws {
        var completed = 0, expected = 0, started = 0
        for seed in 1...10 as ClosedRange<UInt64> {
            let (cpom, records) = try Self.records(seed: seed)
            expected += (cpom.reportingUnits?.units.count ?? 0) * 3
            completed += records.filter { $0.status == .completed }.count
            started += records.filter { $0.status == .inProgress }.count
        }
        let share = Double(completed) / Double(expected)
        #expect(share > 0.75 && share < 0.95, "\(share)")
        #expect(started > 0)
    }

    @Test func aDontNeverExceedsItsTotalAndNumbersGrow() throws {
        let (cpom, records) = try Self.records()
        var midCareer: [String: [Double]] = [:]
        var comparedParts = 0
        for record in records where record.status == .completed {
            #expect(cpom.plan(given: record.answers).allSatisfy { $0.step.isNote || record.answers[$0.step.key] != nil })
            for question in cpom.questionsWithSections.map(\.question) {
                guard let total = question.partOf, case .number(let part)? = record.answers[AnswerKey(question.id)],
                    case .number(let whole)? = record.answers[AnswerKey(total)]
                else { continue }
                #expect(part <= whole, "\(record.sessionID) \(question.id)")
                comparedParts += 1
            }
            if case .number(let value)? = record.answers[AnswerKey("visites_mi_carriere")], let period = record.reporting?.period {
                midCareer[period, default: []].append(value)
            }
        }
        // Otherwise the check above would pass without comparing anything.
        #expect(comparedParts > 0, "no « dont » answered with its total")
        // The profile makes mid-career visits grow by 25 % a year.
        func median(_ values: [Double]) -> Double { let sorted = values.sorted(); return sorted[sorted.count / 2] }
        #expect(median(midCareer["2027"] ?? [0]) > median(midCareer["2025"] ?? [0]))
    }

    @Test func aUnitKeepsItsSizeFromOnePeriodToTheNext() throws {
        let (_, records) = try Self.records()
        var byUnit: [String: [Double]] = [:]
        for record in records where record.status == .completed {
            if case .number(let value)? = record.answers[AnswerKey("visites_reprise")], let unit = record.reporting?.unit {
                byUnit[unit, default: []].append(value)
            }
        }
        // Between units, values spread much more than within one unit over three years.
        let means = byUnit.values.filter { $0.count > 1 }.map { $0.reduce(0, +) / Double($0.count) }
        let within = byUnit.values.filter { $0.count > 1 }.map { values in (values.max() ?? 0) / max(1, values.min() ?? 1) }.max() ?? 0
        #expect((means.max() ?? 0) / max(1, means.min() ?? 1) > within)
    }
}
