import Foundation
import SurveyCore

/// A manual code: the answer of `session` to `question` is about `theme` (overrides the
/// automatic pass for that answer).
package struct ManualCode: Sendable, Hashable {
    package var session: String
    package var question: String
    package var theme: String
}

package enum ManualCoding {
    /// Reads a `session,question,theme` CSV (header optional, `,` or `;`, BOM tolerated).
    package static func parse(_ text: String) -> [ManualCode] {
        var result: [ManualCode] = []
        let cleaned = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for line in cleaned.split(whereSeparator: \.isNewline) {
            let separator: Character = line.contains(";") && !line.contains(",") ? ";" : ","
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            guard fields.count >= 3, !fields[0].isEmpty else { continue }
            if fields[0].lowercased() == "session" { continue }
            result.append(ManualCode(session: fields[0], question: fields[1], theme: fields[2]))
        }
        return result
    }
}

package struct AnalysisOptions {
    /// Overrides the campaign's `min_group`.
    package var minGroup: Int?
    package var manualCodes: [ManualCode] = []
    package var quotesPerGroup = 2
    /// Called every 1,000 records with the number read so far.
    package var progress: ((Int) -> Void)?
    /// When set, anonymised open answers are handed here as they are read instead of being kept
    /// in the result (memory stays bounded for very large surveys). The receiver must keep
    /// only those of `AnalysisResult.publishedTexts` (questions answered by enough people).
    package var verbatimSink: ((Verbatim) -> Void)?
    package init(minGroup: Int? = nil, manualCodes: [ManualCode] = []) {
        self.minGroup = minGroup
        self.manualCodes = manualCodes
    }
}

/// Streaming aggregation of a campaign's responses into `AnalysisResult`.
package enum SurveyAnalyzer {
    package static func analyse(campaign: Campaign, codebook: Codebook?, reader: ResponseReader, options: AnalysisOptions = AnalysisOptions()) throws
        -> AnalysisResult
    {
        let minGroup = max(1, options.minGroup ?? campaign.minGroup)
        let definitions = try reader.definitions()
        var manual: [String: [String: [String]]] = [:]  // session → question → themes
        for code in options.manualCodes { manual[code.session, default: [:]][code.question, default: []].append(code.theme) }
        let patterns = FrenchText.prepare((codebook?.themes ?? []).map { (id: $0.id, patterns: $0.patterns) })
        let populationOrder = campaign.populations.map(\.population)
        var aggregates: [String: PopulationAggregate] = [:]
        var read = 0
        let monitoring = MonitoringAggregator(campaign: campaign, codebook: codebook)
        // Latest version first so labels come from the newest definition.
        let ordered = definitions.sorted { ($0.id, -$0.version) < ($1.id, -$1.version) }
        for definition in ordered {
            let aggregate = aggregates[definition.population] ?? PopulationAggregate(population: definition.population)
            aggregate.verbatimSink = options.verbatimSink
            aggregates[definition.population] = aggregate
            let plan = DefinitionPlan(definition)
            aggregate.register(plan)
            monitoring.register(definition)
            try reader.forEachResponse(questionnaireID: definition.id, version: definition.version) { record in
                aggregate.add(record, plan: plan, patterns: patterns, manual: manual, names: campaign.names, quotesPerGroup: options.quotesPerGroup)
                monitoring.add(record)
                read += 1
                if read % 1000 == 0 { options.progress?(read) }
            }
        }
        let populations = populationOrder.filter { aggregates[$0] != nil } + aggregates.keys.filter { !populationOrder.contains($0) }.sorted()
        var finisher = Finisher(
            campaign: campaign, codebook: codebook, minGroup: minGroup, populations: populations, aggregates: aggregates,
            manualCodes: options.manualCodes.count)
        var result = finisher.finish()
        result.monitoring = monitoring.finish()
        return result
    }
}

/// The variables and diffusion roles of one definition, computed once.
struct DefinitionPlan {
    /// A variable as the per-record loop reads it: one reference to retain instead of the
    /// variable's many fields (this loop runs once per variable and respondent).
    final class Slot {
        let id: String
        let foreach: String?
        let variable: Variable
        init(_ variable: Variable) {
            id = variable.id
            foreach = variable.section.foreach
            self.variable = variable
        }
    }

    var definition: Questionnaire
    var variables: [Variable]
    var slots: [Slot]
    var awareness: Question?
    var use: Question?
    var relay: Question?
    var channel: Question?
    var usefulness: Question?
    var deliverables: [Choice]

    init(_ definition: Questionnaire) {
        self.definition = definition
        variables = definition.variables
        slots = variables.map(Slot.init)
        awareness = definition.questionsWithSections.first { $0.question.diffusion == .awareness && $0.question.type == .multiple }?.question
        deliverables = []
        if let awareness {
            deliverables = definition.options(for: awareness).filter { !$0.exclusive && $0.code != Questionnaire.otherCode }
            let repeated = definition.sections.filter { $0.foreach == awareness.id }.flatMap(\.questions)
            use = repeated.first { $0.diffusion == .use }
            relay = repeated.first { $0.diffusion == .relay }
            channel = repeated.first { $0.diffusion == .channel }
            usefulness = repeated.first { $0.diffusion == .usefulness && $0.type == .scale }
        }
    }
}

final class VariableAggregate {
    var counts: [String: Int] = [:]
    var nonSubstantive: [String: Int] = [:]
    var given = 0, skipped = 0, notAsked = 0
    /// People with at least one answer given / one substantive answer (not « Ne sait pas »):
    /// for a repeated question, fewer than the answers.
    var respondents = 0, substantiveRespondents = 0
    var numbers: [Double: Int] = [:]

    /// Counts one answer; says whether it was given, and whether it was substantive.
    @discardableResult
    func add(_ value: AnswerValue) -> (given: Bool, substantive: Bool) {
        switch value {
        case .choice(let code): counts[code, default: 0] += 1; given += 1
        case .choices(let codes): for code in codes { counts[code, default: 0] += 1 }; given += 1
        case .number(let number): numbers[number, default: 0] += 1; given += 1
        case .text(let text):
            if text.isBlank { skipped += 1; return (false, false) }
            given += 1
        case .nonSubstantive(let code): nonSubstantive[code, default: 0] += 1; given += 1; return (true, false)
        case .skipped: skipped += 1; return (false, false)
        case .notAsked: notAsked += 1; return (false, false)
        }
        return (true, true)
    }
}

struct FunnelCounter {
    var counts: [FunnelStepKind: Int] = [:]
    mutating func add(_ steps: Set<FunnelStepKind>) { for step in steps { counts[step, default: 0] += 1 } }
}

final class PopulationAggregate {
    let population: String
    var started = 0, completed = 0
    var variableOrder: [String] = []
    var variableInfo: [String: (variable: Variable, definition: Questionnaire)] = [:]
    var variables: [String: VariableAggregate] = [:]
    var mentions: [String: Int] = [:]  // "theme|polarity"
    var quoteCandidates: [String: [(rank: UInt64, quote: Quote)]] = [:]
    /// Per question, so that the words of a question withheld for disclosure can be left out.
    var uncodedWords: [String: [String: Int]] = [:]
    var uncodedAnswers: [String: Int] = [:]
    var verbatims: [Verbatim] = []
    var verbatimSink: ((Verbatim) -> Void)?
    var deliverables: [Choice] = []
    var deliverableFunnels: [String: FunnelCounter] = [:]
    var typeFunnels: [String: FunnelCounter] = [:]
    var overallFunnel = FunnelCounter()
    var hasDiffusion = false
    var channels: [String: [String: Int]] = [:]
    var channelBase: [String: Int] = [:]
    var channelLabels: [String: String] = [:]
    var usefulness: [String: VariableAggregate] = [:]
    /// The usefulness question of the newest definition, with it (for its scale).
    var usefulnessQuestion: (question: Question, definition: Questionnaire)?

    init(population: String) { self.population = population }

    func register(_ plan: DefinitionPlan) {
        for variable in plan.variables where variableInfo[variable.id] == nil {
            variableOrder.append(variable.id)
            variableInfo[variable.id] = (variable, plan.definition)
            variables[variable.id] = VariableAggregate()
        }
        if plan.awareness != nil { hasDiffusion = true }
        for deliverable in plan.deliverables where !deliverables.contains(where: { $0.code == deliverable.code }) {
            deliverables.append(deliverable)
        }
        if usefulnessQuestion == nil, let question = plan.usefulness { usefulnessQuestion = (question, plan.definition) }
        if let channel = plan.channel {
            for option in plan.definition.options(for: channel) where channelLabels[option.code] == nil { channelLabels[option.code] = option.label }
        }
    }

    func add(
        _ record: ResponseRecord, plan: DefinitionPlan, patterns: FrenchText.PreparedCodebook, manual: [String: [String: [String]]], names: [String],
        quotesPerGroup: Int
    ) {
        started += 1
        // Only completed sessions are analysed, whatever their origin: an unfinished session
        // imported from elsewhere counts in participation only, like any other.
        guard record.status == .completed else { return }
        completed += 1
        var mentioned: Set<String> = []
        let answers = record.answers
        for slot in plan.slots {
            guard let aggregate = variables[slot.id] else { continue }
            var values: [(String?, AnswerValue)] = []
            if let foreach = slot.foreach {
                if case .choices(let codes)? = answers[AnswerKey(foreach)] {
                    for code in codes { if let value = answers[AnswerKey(slot.id, repetition: code)] { values.append((code, value)) } }
                }
            } else {
                values.append((nil, answers[AnswerKey(slot.id)] ?? .notAsked))
            }
            var gave = false, substantive = false
            for (repetition, value) in values {
                let counted = aggregate.add(value)
                gave = gave || counted.given
                substantive = substantive || counted.substantive
                if case .text(let text) = value, !text.isBlank {
                    addText(
                        text, session: record.sessionID, variable: slot.variable, repetition: repetition, patterns: patterns,
                        manual: manual[record.sessionID]?[slot.id], names: names, quotesPerGroup: quotesPerGroup, into: &mentioned)
                }
            }
            if gave { aggregate.respondents += 1 }
            if substantive { aggregate.substantiveRespondents += 1 }
        }
        for key in mentioned { mentions[key, default: 0] += 1 }
        if let awareness = plan.awareness { addDiffusion(answers, plan: plan, awareness: awareness) }
    }

    /// The `mentions` key suffix of answers to open questions without polarity.
    static let propositionKey = "proposition"

    /// The polarity a coded mention counts under: the question's own. Only in a `force` question
    /// does a negated mention (« pas assez de moyens ») count as a difficulty; an open question
    /// without polarity gives propositions, never strengths or difficulties.
    static func mentionPolarity(question polarity: Polarity?, negated: Bool) -> Polarity? {
        polarity == .force && negated ? .difficulte : polarity
    }

    func addText(
        _ text: String, session: String, variable: Variable, repetition: String?, patterns: FrenchText.PreparedCodebook,
        manual: [String]?, names: [String], quotesPerGroup: Int, into mentioned: inout Set<String>
    ) {
        let polarity = variable.question.polarity
        var themes: [(String, Polarity?)] = []
        if let manual {
            themes = manual.map { ($0, polarity) }
        } else {
            themes = FrenchText.code(text, prepared: patterns).map { ($0.theme, Self.mentionPolarity(question: polarity, negated: $0.negated)) }
        }
        let anonymised = FrenchText.anonymise(text, names: names)
        let verbatim = Verbatim(
            session: session, population: population, question: variable.id, repetition: repetition, polarity: polarity,
            themes: orderedUnique(themes.map(\.0)), manual: manual != nil, text: anonymised)
        if let verbatimSink { verbatimSink(verbatim) } else { verbatims.append(verbatim) }
        if themes.isEmpty {
            uncodedAnswers[variable.id, default: 0] += 1
            let words = FrenchText.contentWords(text)
            // Mutated in place (no copy of the question's vocabulary per answer).
            for word in words { uncodedWords[variable.id, default: [:]][word, default: 0] += 1 }
            if words.count > 1 {
                for i in 0..<(words.count - 1) { uncodedWords[variable.id, default: [:]][words[i] + " " + words[i + 1], default: 0] += 1 }
            }
            return
        }
        for (theme, themePolarity) in themes {
            // An `other` follow-up (« Précisez ») is not a proposition.
            if themePolarity == nil, variable.question.otherOf != nil { continue }
            let key = theme + "|" + (themePolarity?.rawValue ?? Self.propositionKey)
            mentioned.insert(key)
            let length = anonymised.count
            guard length >= 20, length <= 240 else { continue }
            // Short quotes first, then a hash of the session: independent of reading order.
            let rank = (length > 120 ? UInt64(1) << 63 : 0) | (fnv(session + "|" + variable.id + "|" + (repetition ?? "")) >> 1)
            var list = quoteCandidates[key] ?? []
            if list.contains(where: { $0.quote.text == anonymised }) { continue }
            list.append((rank, Quote(theme: theme, population: population, polarity: themePolarity, session: session, question: variable.id, text: anonymised)))
            list.sort { $0.rank < $1.rank }
            if list.count > quotesPerGroup + 3 { list.removeLast() }
            quoteCandidates[key] = list
        }
    }

    func addDiffusion(_ answers: [AnswerKey: AnswerValue], plan: DefinitionPlan, awareness: Question) {
        guard case .choices(let known)? = answers[AnswerKey(awareness.id)] else { overallFunnel.add([]); return }
        var overall: Set<FunnelStepKind> = []
        var byType: [String: Set<FunnelStepKind>] = [:]
        let relayOptions = plan.relay.map { plan.definition.options(for: $0) } ?? []
        for deliverable in plan.deliverables where known.contains(deliverable.code) {
            var steps: Set<FunnelStepKind> = [.aware]
            if let use = plan.use, case .choice(let code)? = answers[AnswerKey(use.id, repetition: deliverable.code)], code == "oui" { steps.insert(.used) }
            if let relay = plan.relay, let targets = Self.codes(answers[AnswerKey(relay.id, repetition: deliverable.code)]), !targets.isEmpty {
                steps.insert(.relayed)
                for target in targets {
                    switch relayOptions.first(where: { $0.code == target })?.attributes["reach"].flatMap(Reach.init(rawValue:)) {
                    case .interne?: steps.insert(.relayedInternal)
                    case .relais?: steps.insert(.relayedIntermediary)
                    case .final?: steps.insert(.relayedFinal)
                    case nil: break
                    }
                }
            }
            if let usefulness = plan.usefulness, let value = answers[AnswerKey(usefulness.id, repetition: deliverable.code)] {
                let aggregate = self.usefulness[deliverable.code] ?? VariableAggregate()
                self.usefulness[deliverable.code] = aggregate
                // One answer per person and production: its valid answers are its people, so the
                // respondent counts (read for flat counts only) are not kept here.
                aggregate.add(value)
            }
            if let channel = plan.channel, let codes = Self.codes(answers[AnswerKey(channel.id, repetition: deliverable.code)]) {
                channelBase[deliverable.code, default: 0] += 1
                for code in codes { channels[deliverable.code, default: [:]][code, default: 0] += 1 }
            }
            deliverableFunnels[deliverable.code, default: FunnelCounter()].add(steps)
            byType[deliverable.attributes["type"] ?? "autre", default: []].formUnion(steps)
            overall.formUnion(steps)
        }
        for (type, steps) in byType { typeFunnels[type, default: FunnelCounter()].add(steps) }
        overallFunnel.add(overall)
    }

    /// The codes chosen in a `multiple` answer, or the one of a `single` answer: relay targets and
    /// channels may be asked either way.
    static func codes(_ value: AnswerValue?) -> [String]? {
        switch value {
        case .choices(let codes)?: return codes
        case .choice(let code)?: return [code]
        default: return nil
        }
    }
}

/// FNV-1a, for a deterministic choice of quotes that does not depend on reading order.
func fnv(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf29ce484222325
    for byte in text.utf8 { hash ^= UInt64(byte); hash = hash &* 0x100000001b3 }
    return hash
}
