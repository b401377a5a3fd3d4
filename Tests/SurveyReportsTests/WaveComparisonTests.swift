import Foundation
import Testing
import SurveyAnalysis
import SurveyCore
import SurveyReports
import SurveySimulation

/// Two waves of the example campaign in memory (seeds 2020 and 2021), compared item by item.
@Suite struct WaveComparisonTests {
    /// One wave analysed alone; `sizes` overrides the example's number of respondents.
    static func wave(seed: UInt64, sizes: [String: Int] = [:]) throws -> AnalysisResult {
        let loaded = CampaignLoader.load(Example.root + "/surveys/campagne.yaml")
        guard let campaign = loaded.campaign, !loaded.hasErrors else { throw CocoaError(.fileReadCorruptFile) }
        let (profile, phrases) = try Simulator.load(campaign)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: seed)
        let memory = MemoryResponses()
        let defaults = Dictionary(uniqueKeysWithValues: Simulator.defaultSizes)
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            let count = sizes[questionnaire.population] ?? defaults[questionnaire.population] ?? 0
            try simulator.generate(questionnaire, count: count) { try memory.write($0, definition: questionnaire) }
        }
        return try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory)
    }

    @Test func matchesTheSameItemsOfTheSamePopulation() throws {
        let previous = try Self.wave(seed: 2020)
        var current = try Self.wave(seed: 2021)
        let suppressedBefore = current.suppressed.count
        let waves = WaveComparison.compare(previous: previous, current: &current, previousLabel: "PRST 3", currentLabel: "PRST 4")
        #expect(waves.previousLabel == "PRST 3" && waves.currentLabel == "PRST 4")
        let shownInBoth = current.items.filter { item in
            item.shown && previous.items.contains { $0.item == item.item && $0.population == item.population && $0.shown }
        }
        #expect(waves.changes.count == shownInBoth.count && !waves.changes.isEmpty)
        for change in waves.changes {
            #expect(change.previous.item == change.current.item && change.previous.population == change.current.population)
            #expect(change.previous.scaleID == change.current.scaleID)
            #expect(change.previous.nValid >= current.minGroup && change.current.nValid >= current.minGroup)
        }
        #expect(waves.differentScales.isEmpty && waves.newItems == 0)
        #expect(current.suppressed.count == suppressedBefore, "both waves are large enough: nothing more is withheld")
        // A rise or fall only when the difference interval excludes 0, and the other way round.
        for change in waves.changes where !change.current.descriptive {
            let ci = try #require(change.differenceInterval)
            let points = try #require(change.changePoints)
            #expect(ci.low <= points && points <= ci.high)
            #expect((change.direction == .rise) == (ci.low > 0) && (change.direction == .fall) == (ci.high < 0))
        }
        #expect(waves.changes.filter { $0.current.descriptive }.allSatisfy { $0.direction == .descriptive && $0.differenceInterval == nil })
    }

    @Test func aSmallPreviousWaveIsWithheldAndListed() throws {
        // Four pilots in the previous wave: under the minimum group of 5.
        let previous = try Self.wave(seed: 2020, sizes: ["pilotes": 4])
        var current = try Self.wave(seed: 2021)
        let waves = WaveComparison.compare(previous: previous, current: &current, previousLabel: nil, currentLabel: nil)
        #expect(waves.previousLabel == "vague précédente" && waves.currentLabel == "vague actuelle")
        #expect(!waves.changes.contains { $0.population == "pilotes" })
        #expect(waves.changes.contains { $0.population == "contributeurs" })
        let withheld = current.suppressed.filter { if case .previousWave = $0.what { return true } else { return false } }
        let pilotItems = current.items.filter { $0.population == "pilotes" && $0.shown }
        #expect(withheld.count == pilotItems.count && !withheld.isEmpty)
        #expect(withheld.allSatisfy { $0.group == "pilotes" && $0.base < current.minGroup })
        current.waves = waves
        let md = try #require(SurveyReport(current).files()["synthese.md"])
        let escaped = pilotItems[0].item.replacingOccurrences(of: "_", with: "\\_")
        #expect(md.contains("| évolution de l'item « \(escaped) » (base de la vague précédente) | Pilotes | base de "))
        #expect(md.contains("## 3 bis. Évolution depuis la vague précédente"))
        #expect(md.contains("| Item | Population | Vague précédente | Vague actuelle |"))
        #expect(md.contains("\(withheld.count) évolution(s) non publiée(s)"))
        let section = try #require(md.components(separatedBy: "## 3 bis.").last?.components(separatedBy: "## 4.").first)
        #expect(section.contains("| Contributeurs |") && !section.contains("| Pilotes |"))
    }

    @Test func aChangedScaleIsNotCompared() throws {
        var previous = try Self.wave(seed: 2020)
        var current = try Self.wave(seed: 2021)
        let changed = try #require(previous.items.firstIndex { $0.shown && !$0.descriptive })
        previous.items[changed].scaleID += "_ancienne"
        let waves = WaveComparison.compare(previous: previous, current: &current, previousLabel: "PRST 3", currentLabel: "PRST 4")
        let item = previous.items[changed]
        #expect(waves.differentScales.map(\.item) == [item.item])
        #expect(!waves.changes.contains { $0.item == item.item && $0.population == item.population })
        current.waves = waves
        let md = try #require(SurveyReport(current).files()["synthese.md"])
        #expect(md.contains("Non comparés, l'échelle ayant changé entre les deux vagues : « \(item.label) »"))
    }

    @Test func newAndDroppedItemsAreCountedNotCompared() throws {
        var previous = try Self.wave(seed: 2020)
        var current = try Self.wave(seed: 2021)
        // The first item is no longer asked now; the last one was not asked before.
        let droppedItem = try #require(previous.items.first { $0.shown })
        let addedItem = try #require(current.items.last { $0.shown })
        #expect((droppedItem.item, droppedItem.population) != (addedItem.item, addedItem.population))
        current.items.removeAll { ($0.item, $0.population) == (droppedItem.item, droppedItem.population) }
        previous.items.removeAll { ($0.item, $0.population) == (addedItem.item, addedItem.population) }
        let waves = WaveComparison.compare(previous: previous, current: &current, previousLabel: "PRST 3", currentLabel: "PRST 4")
        #expect(waves.newItems == 1 && waves.droppedItems == 1)
        #expect(!waves.changes.contains { ($0.item, $0.population) == (droppedItem.item, droppedItem.population) })
        #expect(!waves.changes.contains { ($0.item, $0.population) == (addedItem.item, addedItem.population) })
        current.waves = waves
        let md = try #require(SurveyReport(current).files()["synthese.md"])
        #expect(md.contains("1 item(s) × population de PRST 4 n'existaient pas dans PRST 3 : pas d'évolution."))
        #expect(md.contains("1 item(s) × population de PRST 3 ne sont plus posés dans PRST 4 : pas d'évolution."))
    }

    @Test func directionFollowsTheDifferenceInterval() throws {
        let result = try Self.wave(seed: 2020)
        let base = try #require(result.items.first { $0.shown && !$0.descriptive && $0.nValid >= 40 })
        var low = base, high = base
        low.favourable = base.nValid / 4
        high.favourable = base.nValid * 3 / 4
        #expect(WaveChange(previous: low, current: high).direction == .rise)
        #expect(WaveChange(previous: high, current: low).direction == .fall)
        #expect(WaveChange(previous: base, current: base).direction == .stableOrUncertain)
        #expect(WaveChange(previous: base, current: base).changePoints == 0)
    }

    @Test func sectionAndCSVOnlyWithAPreviousWave() throws {
        let previous = try Self.wave(seed: 2020)
        var current = try Self.wave(seed: 2021)
        let without = SurveyReport(current).files()
        #expect(without["evolution-vagues.csv"] == nil && without["synthese.md"]?.contains("Évolution depuis") == false)
        current.waves = WaveComparison.compare(previous: previous, current: &current, previousLabel: "PRST 3", currentLabel: "PRST 4")
        let files = SurveyReport(current).files()
        let md = try #require(files["synthese.md"])
        #expect(md.contains("## 3 bis. Évolution depuis PRST 3"))
        let changes = try #require(current.waves?.changes)
        let rises = changes.filter { $0.direction == .rise }.count, falls = changes.filter { $0.direction == .fall }.count
        #expect(md.contains("En bref : \(changes.count) item(s) × population comparés, \(rises) en hausse, \(falls) en baisse, "))
        #expect(md.contains("| Item | Population | PRST 3 | PRST 4 | Évolution (points) [IC 95 %] | Lecture |"))
        let csv = try #require(files["evolution-vagues.csv"])
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("population,theme,item,label,previous_n_valid,previous_favourable,previous_favourable_pct") == true)
        #expect(lines.first?.hasSuffix("change_points,diff_ci_low,diff_ci_high,direction") == true)
        #expect(lines.count == (current.waves?.changes.count ?? 0) + 1)
        #expect(SurveyReport(current).files() == files)
    }
}
