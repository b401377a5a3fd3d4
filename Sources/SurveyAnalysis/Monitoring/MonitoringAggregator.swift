import Foundation
import SurveyCore

package extension Statistics {
    /// Quantile of sorted values, R type 7 (numpy's default): h = (n − 1)·p, linear
    /// interpolation between the two order statistics around h. Nil for no values.
    static func quantile(sorted values: [Double], _ p: Double) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return first }
        let h = Double(values.count - 1) * Swift.min(1, Swift.max(0, p))
        let low = Int(h.rounded(.down))
        let high = Swift.min(low + 1, values.count - 1)
        return values[low] + (h - Double(low)) * (values[high] - values[low])
    }

    /// Sum, min, quartiles (type 7) and max of unit values; nil when no unit gave a value.
    static func unitDistribution(_ values: [Double]) -> UnitDistribution? {
        let sorted = values.sorted()
        guard let low = sorted.first, let high = sorted.last, let q1 = quantile(sorted: sorted, 0.25), let median = quantile(sorted: sorted, 0.5),
            let q3 = quantile(sorted: sorted, 0.75)
        else { return nil }
        return UnitDistribution(n: sorted.count, sum: sorted.reduce(0, +), min: low, q1: q1, median: median, q3: q3, max: high)
    }
}

/// Streams the responses of monitoring questionnaires (those with a `reporting:` block) into
/// per unit × period figures. A response counts when it is completed, whatever its origin (an
/// unfinished session imported from a spreadsheet does not count, as in the rest of the
/// analysis), and carries a unit of the referential and a period of the block.
package final class MonitoringAggregator {
    final class Entry {
        let definition: Questionnaire
        let referential: UnitReferential
        let periods: [String]
        let periodIndex: [String: Int]
        let unitIndex: [String: Int]
        let indicatorQuestions: [(section: Section, question: Question, key: AnswerKey)]
        let statusQuestions: [(question: Question, key: AnswerKey)]
        let typologyQuestions: [(section: Section, question: Question)]
        let openQuestions: [(section: Section, question: Question)]
        /// What the per-record loop reads, without copying questions and sections (this loop
        /// runs once per indicator and response): the answer key, and for a number of an open
        /// repeat the index of its section.
        let indicatorKeys: [AnswerKey]
        let indicatorRepeatSection: [Int?]
        let statusKeys: [AnswerKey]
        /// Per period, per unit (referential order): a completed response, a started one.
        var reported: [[Bool]]
        var started: [[Bool]]
        /// Per indicator (question order), per period, per unit: the value. Arrays, not
        /// dictionaries: thousands of units × dozens of indicators are stored per report.
        var numbers: [[[Double?]]]
        var statuses: [[[String?]]]
        /// Per typology question, per period, per unit: code → items.
        var typologies: [[[[String: Int]]]]
        /// Per period: "theme|polarity" → units.
        var mentions: [[String: Int]]
        var outside = 0
        var withoutKey = 0

        init?(_ definition: Questionnaire) {
            guard let reporting = definition.reporting, let referential = definition.reportingUnits else { return nil }
            self.definition = definition
            self.referential = referential
            periods = reporting.periods.map(\.code)
            periodIndex = Dictionary(periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            unitIndex = Dictionary(referential.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
            let questions = definition.questionsWithSections.filter { $0.question.otherOf == nil }
            // A number asked in an open repeat is summed per unit, which makes sense for a count only
            // (« personnes touchées » has a `unit`; the year of a livrable has none).
            indicatorQuestions = questions.filter {
                $0.question.type == .number && $0.section.foreach == nil && ($0.section.openRepeat == nil || $0.question.unit != nil)
            }.map { ($0.section, $0.question, AnswerKey($0.question.id)) }
            statusQuestions = questions.filter { [.single, .yesno].contains($0.question.type) && !$0.section.isRepeated }.map {
                ($0.question, AnswerKey($0.question.id))
            }
            typologyQuestions = questions.filter { $0.question.type == .single && $0.section.openRepeat != nil }
            indicatorKeys = indicatorQuestions.map(\.key)
            let sectionIDs = definition.sections.map(\.id)
            indicatorRepeatSection = indicatorQuestions.map { $0.section.openRepeat == nil ? nil : sectionIDs.firstIndex(of: $0.section.id) }
            statusKeys = statusQuestions.map(\.key)
            openQuestions = questions.filter { $0.question.type == .text && $0.question.polarity != nil && $0.section.foreach == nil }
            let unitCount = referential.units.count, periodCount = periods.count
            reported = Array(repeating: Array(repeating: false, count: unitCount), count: periodCount)
            started = reported
            numbers = Array(repeating: Array(repeating: Array(repeating: nil, count: unitCount), count: periodCount), count: indicatorQuestions.count)
            statuses = Array(repeating: Array(repeating: Array(repeating: nil, count: unitCount), count: periodCount), count: statusQuestions.count)
            typologies = Array(repeating: Array(repeating: Array(repeating: [:], count: unitCount), count: periodCount), count: typologyQuestions.count)
            mentions = periods.map { _ in [:] }
        }
    }

    let campaign: Campaign
    let patterns: FrenchText.PreparedCodebook
    var entries: [String: Entry] = [:]

    package init(campaign: Campaign, codebook: Codebook?) {
        self.campaign = campaign
        patterns = FrenchText.prepare((codebook?.themes ?? []).map { (id: $0.id, patterns: $0.patterns) })
    }

    /// Registers a definition; the first version registered (the newest) gives the questions.
    package func register(_ definition: Questionnaire) {
        guard entries[definition.id] == nil, let entry = Entry(definition) else { return }
        entries[definition.id] = entry
    }

    package func add(_ record: ResponseRecord) {
        guard let entry = entries[record.questionnaireID] else { return }
        let completed = record.status == .completed
        guard let key = record.reporting else {
            if completed { entry.withoutKey += 1 }
            return
        }
        guard let period = entry.periodIndex[key.period], let unit = entry.unitIndex[key.unit] else {
            if completed { entry.outside += 1 }
            return
        }
        guard completed else {
            entry.started[period][unit] = true
            return
        }
        // One response per unit × period: the first read (newest version first) is kept.
        guard !entry.reported[period][unit] else { return }
        entry.reported[period][unit] = true
        let answers = record.answers
        let definition = entry.definition
        let indicatorKeys = entry.indicatorKeys, repeatSections = entry.indicatorRepeatSection
        for index in indicatorKeys.indices {
            var value: Double?
            if let sectionIndex = repeatSections[index] {
                let section = definition.sections[sectionIndex]
                for n in definition.openRepetitions(of: section, given: answers) {
                    if case .number(let v)? = answers[AnswerKey(indicatorKeys[index].variable, repetition: String(n))] { value = (value ?? 0) + v }
                }
            } else if case .number(let v)? = answers[indicatorKeys[index]] {
                value = v
            }
            if let value { entry.numbers[index][period][unit] = value }
        }
        let statusKeys = entry.statusKeys
        for index in statusKeys.indices {
            if case .choice(let code)? = answers[statusKeys[index]] { entry.statuses[index][period][unit] = code }
        }
        for (index, (section, question)) in entry.typologyQuestions.enumerated() {
            var counts: [String: Int] = [:]
            for n in definition.openRepetitions(of: section, given: answers) {
                if case .choice(let code)? = answers[AnswerKey(question.id, repetition: String(n))] { counts[code, default: 0] += 1 }
            }
            entry.typologies[index][period][unit] = counts
        }
        var mentioned: Set<String> = []
        for (section, question) in entry.openQuestions {
            guard let polarity = question.polarity else { continue }
            var texts: [String] = []
            if section.openRepeat != nil {
                for n in definition.openRepetitions(of: section, given: answers) {
                    if case .text(let text)? = answers[AnswerKey(question.id, repetition: String(n))] { texts.append(text) }
                }
            } else if case .text(let text)? = answers[AnswerKey(question.id)] {
                texts.append(text)
            }
            for text in texts where !text.isBlank {
                // The rule of the rest of the report, not a copy of it: a theme negated in a force
                // is a difficulty.
                for match in FrenchText.code(text, prepared: patterns) {
                    let counted = PopulationAggregate.mentionPolarity(question: polarity, negated: match.negated) ?? polarity
                    mentioned.insert(match.theme + "|" + counted.rawValue)
                }
            }
        }
        for theme in mentioned { entry.mentions[period][theme, default: 0] += 1 }
    }

    /// The consolidated figures; nil when the campaign has no monitoring questionnaire.
    package func finish() -> MonitoringResult? {
        let order = campaign.populations.map(\.population)
        let sorted = entries.values.sorted {
            (order.firstIndex(of: $0.definition.population) ?? order.count, $0.definition.id) < (
                order.firstIndex(of: $1.definition.population) ?? order.count, $1.definition.id
            )
        }
        guard !sorted.isEmpty else { return nil }
        return MonitoringResult(questionnaires: sorted.map(result))
    }

    func result(_ entry: Entry) -> MonitoringQuestionnaire {
        let definition = entry.definition, units = entry.referential.units
        let coverage = entry.periods.indices.map { p in
            PeriodCoverage(
                period: entry.periods[p], expected: units.count, reported: units.indices.filter { entry.reported[p][$0] }.map { units[$0].code },
                started: units.indices.filter { entry.started[p][$0] && !entry.reported[p][$0] }.map { units[$0].code },
                missing: units.indices.filter { !entry.reported[p][$0] }.map { units[$0] })
        }
        let indicators = entry.indicatorQuestions.enumerated().map { index, indicator in
            let question = indicator.question
            return Indicator(
                id: question.id, number: question.number, label: question.label, unit: question.unit, provider: question.provider, partOf: question.partOf,
                repeated: indicator.section.openRepeat != nil,
                periods: entry.periods.indices.map { p in
                    let values = entry.numbers[index][p]
                    return IndicatorPeriod(period: entry.periods[p], values: values, summary: Statistics.unitDistribution(values.compactMap { $0 }))
                })
        }
        let statuses = entry.statusQuestions.enumerated().map { index, status in
            let options = definition.options(for: status.question)
            return StatusIndicator(
                id: status.question.id, number: status.question.number, label: status.question.label,
                options: options.map { LevelCount(code: $0.code, label: $0.label, count: 0) },
                periods: entry.periods.indices.map { p in
                    let answers = entry.statuses[index][p]
                    var counts: [String: Int] = [:]
                    for code in answers { if let code { counts[code, default: 0] += 1 } }
                    return StatusPeriod(period: entry.periods[p], base: answers.reduce(0) { $0 + ($1 == nil ? 0 : 1) }, counts: counts, answers: answers)
                })
        }
        let typologies = entry.typologyQuestions.enumerated().map { index, typology in
            let (section, question) = typology
            let options = definition.options(for: question)
            return Typology(
                section: section.id, item: section.openRepeat?.item ?? "élément", question: question.id, label: question.label,
                periods: entry.periods.indices.map { p in
                    var items: [String: Int] = [:], unitsOf: [String: Int] = [:]
                    var total = 0, withItems = 0
                    for counts in entry.typologies[index][p] {
                        let unitTotal = counts.values.reduce(0, +)
                        total += unitTotal
                        if unitTotal > 0 { withItems += 1 }
                        for (code, count) in counts where count > 0 {
                            items[code, default: 0] += count
                            unitsOf[code, default: 0] += 1
                        }
                    }
                    return TypologyPeriod(
                        period: entry.periods[p], items: total, unitsWithItems: withItems, reportingUnits: entry.reported[p].filter { $0 }.count,
                        rows: options.map { TypologyRow(code: $0.code, label: $0.label, items: items[$0.code] ?? 0, units: unitsOf[$0.code] ?? 0) })
                })
        }
        var mentions: [UnitMention] = []
        if !entry.openQuestions.isEmpty {
            for p in entry.periods.indices {
                for theme in campaign.themes {
                    for polarity in Polarity.allCases {
                        mentions.append(
                            UnitMention(
                                period: entry.periods[p], theme: theme.id, polarity: polarity,
                                units: entry.mentions[p][theme.id + "|" + polarity.rawValue] ?? 0,
                                base: entry.reported[p].filter { $0 }.count))
                    }
                }
            }
        }
        return MonitoringQuestionnaire(
            id: definition.id, title: definition.title, population: definition.population, kind: entry.referential.kind, referentialID: entry.referential.id,
            referentialLabel: entry.referential.label, units: units, periods: entry.periods, coverage: coverage, indicators: indicators, statuses: statuses,
            typologies: typologies, mentions: mentions, outsideReferential: entry.outside, withoutReportingKey: entry.withoutKey)
    }
}

/// The monitoring analysis on its own, for tests and the benchmark; `SurveyAnalyzer` runs the
/// same aggregator while it reads the responses once for the whole report.
package enum MonitoringAnalyzer {
    package static func analyse(campaign: Campaign, codebook: Codebook?, reader: ResponseReader) throws -> MonitoringResult? {
        let aggregator = MonitoringAggregator(campaign: campaign, codebook: codebook)
        for definition in try reader.definitions().sorted(by: { ($0.id, -$0.version) < ($1.id, -$1.version) }) where definition.reporting != nil {
            aggregator.register(definition)
            try reader.forEachResponse(questionnaireID: definition.id, version: definition.version) { aggregator.add($0) }
        }
        return aggregator.finish()
    }
}
