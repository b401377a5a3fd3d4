import Foundation
import SurveyCore

/// SplitMix64: small, fast, seeded and the same on every platform.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    /// A uniform double in [0, 1).
    package mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    package mutating func chance(_ p: Double) -> Bool { unit() < p }
    package mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
}

/// Where simulated records go (the response store at merge, a JSON-lines file meanwhile).
package protocol SimulationSink {
    func write(_ record: ResponseRecord, definition: Questionnaire) throws
}

/// Phrases for open answers, per theme and polarity (`surveys/simulation-phrases.yaml`).
package struct PhraseBank: Sendable {
    package var byTheme: [String: [Polarity: [String]]] = [:]
    package var neutral: [String] = []
    package var uncoded: [String] = []
    package var other: [String] = []

    package init() {}

    package init(_ value: SettingsValue) {
        for (theme, polarities) in value["par_theme"]?.entries ?? [] {
            for (polarity, phrases) in polarities.entries {
                if let polarity = Polarity(rawValue: polarity) { byTheme[theme, default: [:]][polarity] = phrases.list.compactMap(\.string) }
            }
        }
        neutral = value["neutres"]?.list.compactMap(\.string) ?? []
        uncoded = value["sans_theme"]?.list.compactMap(\.string) ?? []
        other = value["autres"]?.list.compactMap(\.string) ?? []
    }
}

/// Answer tendencies read from the campaign's `simulation:` block.
package struct SimulationProfile: Sendable {
    package var completion: [String: Double] = [:]
    package var nonSubstantive = 0.05
    package var openAnswer = 0.75
    package var other = 0.04
    package var favourable: [String: Double] = [:]
    package var themes: [String: Double] = [:]
    package var items: [String: Double] = [:]
    package var yes: [String: Double] = [:]
    package var awareness: [String: Double] = [:]
    package var use: [String: Double] = [:]
    package var relay: [String: Double] = [:]
    package var reach: [String: Double] = [:]
    package var openThemes: [Polarity: [(String, Double)]] = [:]
    package var phrasesFile: String?

    package init() {}

    package init(_ value: SettingsValue?) {
        guard let value else { return }
        completion = value["completion"]?.numbers ?? [:]
        if let v = value["completion"]?.double { completion["default"] = v }
        nonSubstantive = value["non_substantive"]?.double ?? nonSubstantive
        openAnswer = value["open_answer"]?.double ?? openAnswer
        other = value["other"]?.double ?? other
        favourable = value["favourable"]?.numbers ?? [:]
        themes = value["themes"]?.numbers ?? [:]
        items = value["items"]?.numbers ?? [:]
        yes = value["yes"]?.numbers ?? [:]
        awareness = value["awareness"]?.numbers ?? [:]
        use = value["use"]?.numbers ?? [:]
        relay = value["relay"]?.numbers ?? [:]
        reach = value["reach"]?.numbers ?? [:]
        for (polarity, weights) in value["open_themes"]?.entries ?? [] {
            if let polarity = Polarity(rawValue: polarity) { openThemes[polarity] = weights.entries.compactMap { key, v in v.double.map { (key, $0) } } }
        }
        phrasesFile = value["phrases"]?.string
    }
}

/// Generates realistic sessions by walking each questionnaire's plan step by step, so that
/// conditions, foreach repetitions and not-asked questions are respected and every value
/// passes `Questionnaire.problem(with:for:answers:)`.
package struct Simulator {
    package var profile: SimulationProfile
    package var phrases: PhraseBank
    package var seed: UInt64
    package static let defaultSizes: [(String, Int)] = [("pilotes", 17), ("contributeurs", 84), ("destinataires", 249)]
    static let start = Date(timeIntervalSince1970: 1_601_539_200)  // 2020-10-01T08:00:00Z

    package init(profile: SimulationProfile, phrases: PhraseBank, seed: UInt64) {
        self.profile = profile
        self.phrases = phrases
        self.seed = seed
    }

    /// `count` sessions of one questionnaire, in order, handed to `body` one at a time.
    package func generate(_ definition: Questionnaire, count: Int, _ body: (ResponseRecord) throws -> Void) rethrows {
        var seedMixer = SplitMix64(seed: seed ^ fnv64(definition.id))
        for index in 0..<count {
            var rng = SplitMix64(seed: seedMixer.next())
            try body(session(definition, index: index, rng: &rng))
        }
    }

    /// Variables read by a condition or repeated over by a foreach.
    func triggers(_ definition: Questionnaire) -> Set<String> {
        var result: Set<String> = []
        for section in definition.sections {
            if let foreach = section.foreach { result.insert(foreach) }
            // An open repeat's "add another?" answer opens the next repetition.
            if section.openRepeat != nil { result.insert(section.id) }
            if let when = section.when { result.formUnion(when.expression.variables.map(\.id)) }
            for question in section.questions {
                if let when = question.when { result.formUnion(when.expression.variables.map(\.id)) }
            }
        }
        return result
    }

    func completionRate(_ population: String) -> Double { profile.completion[population] ?? profile.completion["default"] ?? 0.9 }

    package func session(_ definition: Questionnaire, index: Int, rng: inout SplitMix64) -> ResponseRecord {
        let completes = rng.chance(completionRate(definition.population))
        // A leaning of this respondent around the population's tendency.
        let leaning = (rng.unit() - 0.5) * 0.3
        let stopAfter = completes ? Int.max : 2 + Int(rng.next() % 12)
        let answers = walk(definition, answeringAtMost: stopAfter, rng: &rng) { step, answers, rng in
            value(for: step, in: definition, answers: answers, leaning: leaning, rng: &rng)
        }
        let population = definition.population
        let started = Self.start.addingTimeInterval(Double(index) * 1_800 + Double(rng.next() % 1_200))
        return ResponseRecord(
            sessionID: "sim-\(population)-" + String(repeating: "0", count: max(0, 5 - String(index + 1).count)) + String(index + 1),
            questionnaireID: definition.id, questionnaireVersion: definition.version,
            population: population, status: completes ? .completed : .inProgress, origin: .simulated, startedAt: started,
            completedAt: completes ? started.addingTimeInterval(600 + Double(rng.next() % 900)) : nil, answers: answers)
    }

    /// Goes through the questionnaire as a respondent would: each step of the plan in order,
    /// `answer` giving the value of each step asked, until `limit` steps are answered (a session
    /// left unfinished). The plan is rebuilt only when a condition or a foreach reads the answer
    /// just given.
    func walk(
        _ definition: Questionnaire, answeringAtMost limit: Int, rng: inout SplitMix64,
        answer: (Step, [AnswerKey: AnswerValue], inout SplitMix64) -> AnswerValue
    ) -> [AnswerKey: AnswerValue] {
        var answers: [AnswerKey: AnswerValue] = [:]
        var answeredSteps = 0
        let triggerSet = triggers(definition)
        var plan = definition.plan(given: answers)
        var position = 0
        while position < plan.count, answeredSteps < limit {
            let next = plan[position]
            position += 1
            if next.step.isNote || answers[next.step.key] != nil { continue }
            if !next.asked {
                answers[next.step.key] = .notAsked
                continue
            }
            answers[next.step.key] = answer(next.step, answers, &rng)
            answeredSteps += 1
            if triggerSet.contains(next.step.variable.id) {
                plan = definition.plan(given: answers)
                position = 0
            }
        }
        return answers
    }

    func value(for step: Step, in definition: Questionnaire, answers: [AnswerKey: AnswerValue], leaning: Double, rng: inout SplitMix64) -> AnswerValue {
        for _ in 0..<20 {
            let candidate = propose(step, in: definition, answers: answers, leaning: leaning, rng: &rng)
            if definition.problem(with: candidate, for: step, answers: answers) == nil { return candidate }
        }
        if definition.problem(with: .skipped, for: step, answers: answers) == nil { return .skipped }
        // Last resort for a required question: the first option that passes.
        for option in definition.options(for: step.question) {
            let candidate: AnswerValue = step.variable.valueType == .multiple ? .choices([option.code]) : .choice(option.code)
            if definition.problem(with: candidate, for: step, answers: answers) == nil { return candidate }
        }
        return .skipped
    }

    func favourableShare(_ step: Step, population: String, leaning: Double) -> Double {
        let base = profile.favourable[population] ?? 0.6
        let theme = step.variable.theme.flatMap { profile.themes[$0] } ?? 0
        let item = profile.items[step.variable.id] ?? 0
        return min(0.97, max(0.03, base + theme + item + leaning))
    }

    func propose(_ step: Step, in definition: Questionnaire, answers: [AnswerKey: AnswerValue], leaning: Double, rng: inout SplitMix64) -> AnswerValue {
        let question = step.question
        let population = definition.population
        let deliverableType = step.repetition?.attributes["type"]
        if let other = question.otherOf, step.variable.id.hasSuffix(Questionnaire.otherSuffix) || other.isEmpty == false {
            return .text(phrases.other.isEmpty ? "Autre structure" : rng.pick(phrases.other))
        }
        switch step.variable.valueType {
        case .scale:
            guard let scale = definition.scale(for: question) else { return .skipped }
            if let missing = scale.missing.first, rng.chance(profile.nonSubstantive) { return .nonSubstantive(missing.code) }
            var share = favourableShare(step, population: population, leaning: leaning)
            if question.diffusion == .usefulness { share = min(0.95, share + 0.2) }
            let levels = scale.ascendingLevels.map(\.code)
            let favourable = levels.filter { scale.favourable.contains($0) }
            let unfavourable = levels.filter { !scale.favourable.contains($0) }
            guard let mildFavourable = favourable.first, let strongFavourable = favourable.last else {
                // A descriptive scale has no favourable side: the share leans towards the levels
                // written first (« À toutes les réunions » before « Rarement »), each drawn.
                let written = scale.levels.map(\.code)
                let split = max(1, written.count / 2)
                let upper = Array(written.prefix(split)), lower = Array(written.dropFirst(split))
                guard !written.isEmpty else { return .skipped }
                return .choice(rng.pick(rng.chance(share) || lower.isEmpty ? upper : lower))
            }
            let drawsFavourable = rng.chance(share)
            guard let mildUnfavourable = unfavourable.last, let strongUnfavourable = unfavourable.first, !drawsFavourable else {
                // The more favourable levels are less frequent than the mild ones.
                return .choice(favourable.count > 1 && rng.chance(0.3) ? strongFavourable : mildFavourable)
            }
            // Mildest first when favourable are high codes.
            return .choice(unfavourable.count > 1 && rng.chance(0.35) ? strongUnfavourable : mildUnfavourable)
        case .yesno:
            var p = profile.yes[step.variable.id] ?? profile.yes["default"] ?? 0.6
            if question.diffusion == .use, let type = deliverableType {
                p = profile.use[type] ?? p
            } else if question.diffusion == nil, step.repetition != nil, let type = deliverableType {
                p = profile.relay[type] ?? p
            }
            return .choice(rng.chance(p) ? "oui" : "non")
        case .single:
            let options = definition.options(for: question)
            let listed = options.filter { $0.code != Questionnaire.otherCode }
            // A list whose only choice is coded « autre » still has that choice to give.
            let regular = listed.isEmpty ? options : listed
            guard !regular.isEmpty else { return .skipped }
            if question.other, rng.chance(profile.other) { return .choice(Questionnaire.otherCode) }
            // A gentle skew towards the first options, as in real lists.
            let index = min(regular.count - 1, Int(Double(regular.count) * rng.unit() * rng.unit() * 1.6))
            return .choice(regular[max(0, index)].code)
        case .multiple:
            let options = definition.options(for: question)
            let regular = options.filter { !$0.exclusive && $0.code != Questionnaire.otherCode }
            var chosen: Set<String> = []
            switch question.diffusion {
            case .awareness?:
                for option in regular where rng.chance((profile.awareness[option.attributes["type"] ?? ""] ?? 0.3) + leaning * 0.5) {
                    chosen.insert(option.code)
                }
                if chosen.isEmpty, let none = options.first(where: \.exclusive) { return .choices([none.code]) }
            case .relay?:
                for option in regular where rng.chance(profile.reach[option.attributes["reach"] ?? ""] ?? 0.3) { chosen.insert(option.code) }
                if chosen.isEmpty, !regular.isEmpty {
                    // Someone who relayed relayed to someone: mostly colleagues.
                    chosen.insert((regular.first { $0.attributes["reach"] == Reach.interne.rawValue } ?? regular[0]).code)
                }
            default:
                // Bounds clamped to the list before becoming integers: `max: 1e24` is valid.
                let available = Double(regular.count)
                let low = Int(min(available, max(0, question.min ?? 1))), high = Int(min(available, max(0, question.max ?? min(3, available))))
                let k = max(low, min(high, regular.count, low + Int(rng.next() % UInt64(max(1, high - low + 1)))))
                var pool = regular.map(\.code)
                while chosen.count < k, !pool.isEmpty {
                    let index = min(pool.count - 1, Int(Double(pool.count) * rng.unit() * (0.4 + 0.6 * rng.unit())))
                    chosen.insert(pool.remove(at: index))
                }
            }
            if question.other, rng.chance(profile.other) { chosen.insert(Questionnaire.otherCode) }
            return .choices(options.map(\.code).filter { chosen.contains($0) })
        case .number:
            let low = question.min ?? 0, high = question.max ?? 100
            let value = low + (high - low) * 0.4 * rng.unit() * rng.unit()
            return .number(question.decimal ? (value * 10).rounded() / 10 : value.rounded())
        case .text:
            if question.requirement != .required, !rng.chance(profile.openAnswer) { return .skipped }
            var text = openAnswer(step, population: population, leaning: leaning, rng: &rng)
            if let maxLength = question.maxLength, text.count > maxLength { text = String(text.prefix(maxLength)) }
            return .text(text)
        case .note, .matrix:
            return .skipped
        }
    }

    func openAnswer(_ step: Step, population: String, leaning: Double, rng: inout SplitMix64) -> String {
        guard let polarity = step.question.polarity else {
            let pool = phrases.neutral + phrases.uncoded
            return pool.isEmpty ? "Pas d'avis." : rng.pick(pool)
        }
        if !phrases.uncoded.isEmpty, rng.chance(0.12) { return rng.pick(phrases.uncoded) }
        var parts: [String] = []
        let count = rng.chance(0.35) ? 2 : 1
        for _ in 0..<count {
            // A theme weighted by the profile, the question's own theme counting a little more.
            let theme = weightedTheme(polarity, own: step.variable.theme, rng: &rng) ?? step.variable.theme
            guard let theme, let pool = phrases.byTheme[theme]?[polarity], !pool.isEmpty else { continue }
            let phrase = rng.pick(pool)
            if !parts.contains(phrase) { parts.append(phrase) }
        }
        return parts.isEmpty ? (phrases.uncoded.first ?? "Rien à ajouter.") : parts.joined(separator: " ")
    }

    func weightedTheme(_ polarity: Polarity, own: String?, rng: inout SplitMix64) -> String? {
        guard var weights = profile.openThemes[polarity], !weights.isEmpty else { return nil }
        weights = weights.map { ($0.0, $0.0 == own ? $0.1 * 1.5 : $0.1) }
        let total = weights.reduce(0) { $0 + $1.1 }
        var target = rng.unit() * total
        for (theme, weight) in weights {
            target -= weight
            if target < 0 { return theme }
        }
        return weights.last?.0
    }
}

func fnv64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf29ce484222325
    for byte in text.utf8 { hash ^= UInt64(byte); hash = hash &* 0x100000001b3 }
    return hash
}

package extension Simulator {
    /// The profile of a campaign's `simulation:` block and its phrase bank (path relative to the campaign file).
    static func load(_ campaign: Campaign) throws -> (SimulationProfile, PhraseBank) {
        let profile = SimulationProfile(campaign.simulation)
        var bank = PhraseBank()
        if let file = profile.phrasesFile {
            let path = Paths.join(campaign.directory, file)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let value = SettingsValue.parse(text) else { throw SimulationError.invalidPhrases(path) }
            bank = PhraseBank(value)
        }
        return (profile, bank)
    }
}

package enum SimulationError: Error, CustomStringConvertible {
    case invalidPhrases(String)
    package var description: String {
        switch self {
        case .invalidPhrases(let path): return "banque de phrases illisible : \(path)"
        }
    }
}

/// An in-memory `ResponseReader` over generated records, for tests and the example report.
package final class MemoryResponses: ResponseReader, SimulationSink {
    package private(set) var records: [String: [ResponseRecord]] = [:]
    package private(set) var definitionList: [Questionnaire] = []
    package init() {}
    package func write(_ record: ResponseRecord, definition: Questionnaire) throws {
        if !definitionList.contains(where: { $0.id == definition.id && $0.version == definition.version }) { definitionList.append(definition) }
        records["\(definition.id)#\(definition.version)", default: []].append(record)
    }
    package func definitions() throws -> [Questionnaire] { definitionList }
    package func forEachResponse(questionnaireID: String, version: Int, _ body: (ResponseRecord) throws -> Void) throws {
        for record in records["\(questionnaireID)#\(version)"] ?? [] { try body(record) }
    }
}
