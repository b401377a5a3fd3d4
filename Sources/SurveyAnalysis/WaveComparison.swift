import Foundation
import SurveyCore

/// The same items between two waves of the surveys (PRST 3's evaluation and PRST 4's): each
/// wave analysed on its own, with the same campaign, then matched by item and population.
package struct WaveComparison: Sendable {
    package var previousLabel: String
    package var currentLabel: String
    /// Matched items whose two bases reach the minimum group, in the current wave's order.
    package var changes: [WaveChange]
    /// Items in both waves whose scale changed: their shares do not measure the same thing.
    package var differentScales: [ItemStats]
    /// Items asked in the current wave only (new questions), not compared.
    package var newItems: Int
    /// Items × populations of the previous wave no longer asked, not compared.
    package var droppedItems: Int = 0

    package static let defaultPreviousLabel = "vague précédente"
    package static let defaultCurrentLabel = "vague actuelle"
}

/// One item in one population in both waves.
package struct WaveChange: Sendable, Hashable {
    package var previous: ItemStats
    package var current: ItemStats

    package init(previous: ItemStats, current: ItemStats) {
        self.previous = previous
        self.current = current
    }

    package var population: String { current.population }
    package var item: String { current.item }
    /// Current share − previous share, in points. Nil for a descriptive scale.
    package var changePoints: Double? {
        guard let now = current.favourableShare, let before = previous.favourableShare else { return nil }
        return 100 * (now - before)
    }
    /// Newcombe's hybrid score interval of current − previous, in points.
    package var differenceInterval: (low: Double, high: Double)? {
        guard !current.descriptive, let ci = Statistics.newcombe(current.favourable, current.nValid, previous.favourable, previous.nValid) else {
            return nil
        }
        return (100 * ci.low, 100 * ci.high)
    }
    /// A rise or a fall only when the whole 95 % interval of the difference is on one side of 0.
    package var direction: WaveDirection {
        guard let ci = differenceInterval else { return .descriptive }
        if ci.low > 0 { return .rise }
        if ci.high < 0 { return .fall }
        return .stableOrUncertain
    }
}

/// Values as in evolution-vagues.csv's `direction`.
package enum WaveDirection: String, Sendable, Hashable {
    case rise = "hausse"
    case fall = "baisse"
    case stableOrUncertain = "stable_ou_incertain"
    /// A descriptive scale: compared by its median, never classified.
    case descriptive
}

extension WaveComparison {
    /// Matches `current` with `previous` and adds to `current.suppressed` the changes withheld
    /// because the previous wave's base is under the minimum group (an item withheld in the
    /// current wave is already listed there). Both results come from the same campaign, so they
    /// share its minimum group.
    package static func compare(
        previous: AnalysisResult, current: inout AnalysisResult, previousLabel: String?, currentLabel: String?
    ) -> WaveComparison {
        var before: [String: ItemStats] = [:]
        for item in previous.items { before[item.population + "\u{1F}" + item.item] = item }
        let previousCompleted = Dictionary(previous.participation.map { ($0.population, $0.completed) }) { first, _ in first }
        var changes: [WaveChange] = [], differentScales: [ItemStats] = [], newItems = 0
        for item in current.items {
            guard let old = before[item.population + "\u{1F}" + item.item] else {
                newItems += 1
                continue
            }
            guard old.scaleID == item.scaleID, old.descriptive == item.descriptive else {
                differentScales.append(item)
                continue
            }
            guard item.shown else { continue }
            guard old.shown else {
                // The base that kept the previous figure back: its own, or its population's.
                let base = min(old.nValid, previousCompleted[old.population] ?? old.nValid)
                current.suppressed.append(Suppression(what: .previousWave(item: item.item), group: item.population, base: base, reason: .belowThreshold))
                continue
            }
            changes.append(WaveChange(previous: old, current: item))
        }
        let asked = Set(current.items.map { $0.population + "\u{1F}" + $0.item })
        return WaveComparison(
            previousLabel: previousLabel ?? defaultPreviousLabel, currentLabel: currentLabel ?? defaultCurrentLabel, changes: changes,
            differentScales: differentScales, newItems: newItems, droppedItems: before.keys.filter { !asked.contains($0) }.count)
    }
}
