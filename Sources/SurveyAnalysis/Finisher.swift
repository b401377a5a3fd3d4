import Foundation
import SurveyCore

/// Turns the aggregates into results, applying disclosure control.
struct Finisher {
    var campaign: Campaign
    var codebook: Codebook?
    var minGroup: Int
    var populations: [String]
    var aggregates: [String: PopulationAggregate]
    var manualCodes: Int
    var suppressed: [Suppression] = []

    init(campaign: Campaign, codebook: Codebook?, minGroup: Int, populations: [String], aggregates: [String: PopulationAggregate], manualCodes: Int) {
        self.campaign = campaign
        self.codebook = codebook
        self.minGroup = minGroup
        self.populations = populations
        self.aggregates = aggregates
        self.manualCodes = manualCodes
    }

    mutating func withhold(_ what: WithheldFigure, _ group: String, _ base: Int, _ reason: SuppressionReason = .belowThreshold) {
        suppressed.append(Suppression(what: what, group: group, base: base, reason: reason))
    }

    mutating func finish() -> AnalysisResult {
        var participation: [Participation] = []
        var items: [ItemStats] = []
        var mentions: [ThemeMention] = []
        var quotes: [Quote] = []
        var frequencies: [Frequency] = []
        var funnels: [Funnel] = []
        var channels: [ChannelCount] = []
        var verbatims: [Verbatim] = []
        var publishedTexts: [TextKey] = []
        var words: [String: Int] = [:]
        var uncoded = 0
        for population in populations {
            guard let aggregate = aggregates[population] else { continue }
            let entry = campaign.populations.first { $0.population == population }
            participation.append(
                Participation(
                    population: population, label: campaign.label(ofPopulation: population), target: entry?.target,
                    started: aggregate.started, completed: aggregate.completed))
            let populationShown = aggregate.completed >= minGroup
            if !populationShown { withhold(.population, population, aggregate.completed) }
            let frequencyStart = frequencies.count, funnelStart = funnels.count, channelStart = channels.count
            var textQuestions: [String] = []
            // Variables: Likert items and flat counts.
            for id in aggregate.variableOrder {
                guard let info = aggregate.variableInfo[id], let counts = aggregate.variables[id] else { continue }
                let variable = info.variable, definition = info.definition
                let question = variable.question
                var rows: [LevelCount] = []
                var outOfBase: Set<String> = []
                if variable.valueType == .scale, let scale = definition.scale(for: question) {
                    let ascending = scale.ascendingLevels.map { LevelCount(code: $0.code, label: $0.label, count: counts.counts[$0.code] ?? 0) }
                    let missing = scale.missing.map { LevelCount(code: $0.code, label: $0.label, count: counts.nonSubstantive[$0.code] ?? 0) }
                    rows = ascending + missing
                    outOfBase = Set(missing.map(\.code))
                    if !variable.isRepeated {
                        let valid = ascending.reduce(0) { $0 + $1.count }
                        let favourable = ascending.filter { scale.favourable.contains($0.code) }.reduce(0) { $0 + $1.count }
                        // Unfavourable: the levels on the other side of the scale from the favourable ones.
                        let favourableCodes = Set(scale.favourable)
                        let favourableInts = scale.favourable.compactMap { Int($0) }
                        let highFavourable =
                            (favourableInts.min() ?? 0)
                            >= ((ascending.compactMap { Int($0.code) }.max() ?? 0) + (ascending.compactMap { Int($0.code) }.min() ?? 0)) / 2
                        let sortedInts = ascending.compactMap { Int($0.code) }.sorted()
                        let k = favourableCodes.count
                        let unfavourableCodes = Set((highFavourable ? Array(sortedInts.prefix(k)) : Array(sortedInts.suffix(k))).map(String.init)).subtracting(
                            favourableCodes)
                        let unfavourable = ascending.filter { unfavourableCodes.contains($0.code) }.reduce(0) { $0 + $1.count }
                        let shown = populationShown && valid >= minGroup
                        if populationShown && !shown { withhold(.item(id), population, valid) }
                        items.append(
                            ItemStats(
                                item: id, label: variable.label, number: variable.number, theme: variable.theme, population: population,
                                scaleID: scale.id, levels: ascending, nonSubstantive: missing, favourableCodes: scale.favourable,
                                nValid: valid, nNonSubstantive: missing.reduce(0) { $0 + $1.count }, nNotAsked: counts.notAsked,
                                nSkipped: counts.skipped, favourable: favourable, unfavourable: unfavourable, shown: shown))
                        items[items.count - 1].descriptive = scale.descriptive
                    }
                } else if [.single, .multiple, .yesno].contains(variable.valueType) {
                    rows = definition.options(for: question).map { LevelCount(code: $0.code, label: $0.label, count: counts.counts[$0.code] ?? 0) }
                }
                var summary: NumberSummary?
                if variable.valueType == .number, !counts.numbers.isEmpty {
                    let sorted = counts.numbers.sorted { $0.key < $1.key }
                    let lowest = sorted[0].key, highest = sorted[sorted.count - 1].key
                    let n = sorted.reduce(0) { $0 + $1.value }
                    let sum = sorted.reduce(0.0) { $0 + $1.key * Double($1.value) }
                    func at(_ position: Int) -> Double {
                        var seen = 0
                        for (value, count) in sorted { seen += count; if seen >= position { return value } }
                        return highest
                    }
                    let median = n % 2 == 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2
                    summary = NumberSummary(n: n, min: lowest, max: highest, mean: sum / Double(n), median: median)
                }
                // One convention for every figure: « Ne sait pas » is out of a scale's base, and
                // the threshold counts people (a repeated question has more answers than people).
                let isScale = variable.valueType == .scale
                let base = isScale ? counts.given - counts.nonSubstantive.values.reduce(0, +) : counts.given
                let respondents = isScale ? counts.substantiveRespondents : counts.respondents
                let shown = populationShown && respondents >= minGroup
                if populationShown && !shown { withhold(variable.valueType == .text ? .texts(id) : .frequency(id), population, respondents) }
                if shown && variable.valueType == .text { textQuestions.append(id) }
                let label = variable.isRepeated ? withoutRepetitionPlaceholders(variable.label) : variable.label
                frequencies.append(
                    Frequency(
                        population: population, variable: id, number: variable.number, label: label, type: variable.valueType,
                        repeated: variable.isRepeated, rows: rows, outOfBase: outOfBase, given: counts.given, base: base,
                        respondents: respondents, skipped: counts.skipped, notAsked: counts.notAsked, numberSummary: summary, shown: shown))
                frequencies[frequencies.count - 1].theme = variable.theme
                frequencies[frequencies.count - 1].diffusion = question.diffusion
            }
            // Open answers coded by theme; texts only from questions answered by enough people.
            let publishedQuestions = Set(textQuestions)
            for theme in campaign.themes {
                // Strengths, difficulties, then propositions (open questions without polarity).
                for polarity in Polarity.allCases.map(Optional.some) + [nil] {
                    let key = theme.id + "|" + (polarity?.rawValue ?? PopulationAggregate.propositionKey)
                    let count = aggregate.mentions[key] ?? 0
                    mentions.append(
                        ThemeMention(
                            theme: theme.id, population: population, polarity: polarity, respondents: count, base: aggregate.completed, shown: populationShown))
                    if populationShown, count > 0 {
                        quotes += (aggregate.quoteCandidates[key] ?? []).filter { publishedQuestions.contains($0.quote.question) }.prefix(2).map(\.quote)
                    }
                }
            }
            if populationShown {
                // Grouped by question, in the questionnaire's order; within a question, in
                // `publicationOrder` (never the order of sessions).
                let byQuestion = Dictionary(grouping: aggregate.verbatims, by: \.question)
                for question in textQuestions {
                    publishedTexts.append(TextKey(population: population, question: question))
                    verbatims += (byQuestion[question] ?? []).map { ($0.publicationOrder, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
                    for (word, count) in aggregate.uncodedWords[question] ?? [:] { words[word, default: 0] += count }
                    uncoded += aggregate.uncodedAnswers[question] ?? 0
                }
            }
            // Diffusion.
            if aggregate.hasDiffusion {
                let base = aggregate.completed
                for deliverable in aggregate.deliverables {
                    var funnel = makeFunnel(
                        .deliverable, key: deliverable.code, label: deliverable.label, type: deliverable.attributes["type"] ?? "autre",
                        population: population, counter: aggregate.deliverableFunnels[deliverable.code] ?? FunnelCounter(), base: base)
                    if let usefulness = aggregate.usefulnessQuestion, let scale = usefulness.definition.scale(for: usefulness.question) {
                        let counts = aggregate.usefulness[deliverable.code] ?? VariableAggregate()
                        funnel.usefulness = makeUsefulness(
                            deliverable.code, scale: scale, counts: counts, population: population, populationShown: populationShown)
                    }
                    funnels.append(funnel)
                    let channelBase = aggregate.channelBase[deliverable.code] ?? 0
                    let channelShown = populationShown && channelBase >= minGroup
                    if populationShown && !channelShown && channelBase > 0 { withhold(.channels(deliverable: deliverable.code), population, channelBase) }
                    for (code, label) in aggregate.channelLabels.sorted(by: { $0.key < $1.key }) {
                        channels.append(
                            ChannelCount(
                                deliverable: deliverable.code, channel: code, channelLabel: label,
                                count: aggregate.channels[deliverable.code]?[code] ?? 0, base: channelBase, shown: channelShown))
                    }
                }
                let types = Array(Set(aggregate.deliverables.map { $0.attributes["type"] ?? "autre" })).sorted()
                for type in types {
                    funnels.append(
                        makeFunnel(
                            .type, key: type, label: type, type: type, population: population,
                            counter: aggregate.typeFunnels[type] ?? FunnelCounter(), base: base))
                }
                funnels.append(
                    makeFunnel(
                        .overall, key: "ensemble", label: "Ensemble des productions", type: "", population: population,
                        counter: aggregate.overallFunnel, base: base))
                if populationShown {
                    protectDiffusion(
                        population: population, aggregate: aggregate, funnels: &funnels[funnelStart...], channels: &channels[channelStart...],
                        frequencies: &frequencies[frequencyStart...])
                }
            }
        }
        // Comparisons across populations for shared items.
        var comparisons: [Comparison] = []
        let itemIDs = orderedUnique(items.map(\.item))
        for id in itemIDs {
            let groups = items.filter { $0.item == id && $0.shown }
            guard groups.count >= 2 else { continue }
            let tables = groups.map { $0.levels.map(\.count) }
            guard let result = groups.count == 2 ? Statistics.mannWhitney(tables[0], tables[1]) : Statistics.kruskalWallis(tables) else { continue }
            comparisons.append(
                Comparison(
                    item: id, label: groups[0].label, theme: groups[0].theme, populations: groups.map(\.population),
                    test: result.test, statistic: result.statistic, pValue: result.pValue, pAdjusted: result.pValue,
                    favourableShares: groups.map { $0.favourableShare ?? 0 }, effectSize: result.effectSize,
                    effectMeasure: result.effectMeasure))
        }
        let adjusted = Statistics.holm(comparisons.map(\.pValue))
        for index in comparisons.indices { comparisons[index].pAdjusted = adjusted[index] }
        let wordList = words.filter { $0.value >= 2 }.map { WordCount(term: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.term) < ($0.count, $1.term) }
        return AnalysisResult(
            campaign: campaign, minGroup: minGroup, populations: populations, participation: participation, items: items,
            comparisons: comparisons, mentions: mentions, quotes: quotes, uncodedWords: Array(wordList.prefix(30)),
            uncodedAnswers: uncoded, funnels: funnels, channels: channels, frequencies: frequencies, verbatims: verbatims,
            publishedTexts: publishedTexts, suppressed: suppressed, codebook: codebook, manualCodes: manualCodes)
    }

    mutating func makeFunnel(_ scope: FunnelScope, key: String, label: String, type: String, population: String, counter: FunnelCounter, base: Int) -> Funnel {
        var steps: [FunnelStep] = []
        let populationShown = base >= minGroup
        for kind in FunnelStepKind.allCases {
            let count = counter.counts[kind] ?? 0
            let previous = kind.previous.map { counter.counts[$0] ?? 0 } ?? base
            let shown = populationShown && previous >= minGroup
            if populationShown && !shown { withhold(.funnelStep(scope: scope, key: key, step: kind), population, previous) }
            steps.append(FunnelStep(kind: kind, count: count, baseAll: base, basePrevious: previous, shown: shown))
        }
        return Funnel(scope: scope, key: key, label: label, type: type, population: population, steps: steps)
    }

    mutating func makeUsefulness(_ deliverable: String, scale: Scale, counts: VariableAggregate, population: String, populationShown: Bool) -> Usefulness {
        let levels = scale.ascendingLevels.map { LevelCount(code: $0.code, label: $0.label, count: counts.counts[$0.code] ?? 0) }
        let missing = scale.missing.map { LevelCount(code: $0.code, label: $0.label, count: counts.nonSubstantive[$0.code] ?? 0) }
        let valid = levels.reduce(0) { $0 + $1.count }
        let shown = populationShown && valid >= minGroup
        if populationShown && !shown { withhold(.usefulness(deliverable: deliverable), population, valid) }
        return Usefulness(
            levels: levels, nonSubstantive: missing, nValid: valid, nNonSubstantive: missing.reduce(0) { $0 + $1.count },
            favourable: levels.filter { scale.favourable.contains($0.code) }.reduce(0) { $0 + $1.count }, shown: shown)
    }
}

/// A repeated question's label stands for all its repetitions: `{label}` and `{code}` become « … ».
func withoutRepetitionPlaceholders(_ label: String) -> String {
    label.replacingOccurrences(of: "{label}", with: "…").replacingOccurrences(of: "{code}", with: "…")
}

func orderedUnique(_ values: [String]) -> [String] {
    var seen: Set<String> = []
    return values.filter { seen.insert($0).inserted }
}
