import Foundation
import SurveyCore

/// Tendencies of simulated monitoring responses, read from the `suivi:` entry of the campaign's
/// `simulation:` block (documented in docs/monitoring.md):
///
/// ```yaml
/// simulation:
///   suivi:
///     reporting: {default: 0.8, bilan: 0.73}  # share of units that complete their response, per questionnaire
///     started: 0.05                           # share of units that start without completing
///     items: {livrables: 6}                   # mean number of repetitions of an open repeat (by section id)
///     trend: {default: 0.05}                  # growth of the numbers from one period to the next (by question id)
///     typical: {nb_reunions: 12}              # a median unit's value in the first period (by question id)
///     weights: {livrable_type: {rencontre: 25, outil: 16}}  # relative weights of the choices of a single question
///     improvement: 0.5                        # how fast statuses move towards their first choice, per period
/// ```
package struct ReportingProfile: Sendable {
    package var reporting: [String: Double] = [:]
    package var started = 0.05
    package var items: [String: Double] = [:]
    package var trend: [String: Double] = [:]
    package var typical: [String: Double] = [:]
    package var weights: [String: [(code: String, weight: Double)]] = [:]
    package var improvement = 0.5

    package init() {}

    package init(_ value: SettingsValue?) {
        guard let value else { return }
        reporting = value["reporting"]?.numbers ?? [:]
        if let share = value["reporting"]?.double { reporting["default"] = share }
        started = value["started"]?.double ?? started
        items = value["items"]?.numbers ?? [:]
        trend = value["trend"]?.numbers ?? [:]
        if let growth = value["trend"]?.double { trend["default"] = growth }
        typical = value["typical"]?.numbers ?? [:]
        for (question, choices) in value["weights"]?.entries ?? [] {
            weights[question] = choices.entries.compactMap { code, weight in weight.double.map { (code, $0) } }
        }
        improvement = value["improvement"]?.double ?? improvement
    }

    func reportingShare(_ questionnaire: String) -> Double { reporting[questionnaire] ?? reporting["default"] ?? 0.8 }
    func growth(_ question: String) -> Double { trend[question] ?? trend["default"] ?? 0.05 }
}

/// What stays the same for one unit from one period to the next: its size and its habits.
struct UnitTraits {
    /// Multiplies every count (a large SPSTI reports more visits than a small one).
    var size: Double
    /// The share of a total that a "dont" takes, per question.
    var partShare: Double
    var leaning: Double

    init(_ definition: Questionnaire, unit: String, seed: UInt64) {
        var rng = SplitMix64(seed: seed ^ fnv64(definition.id + "|" + unit))
        size = exp(0.55 * rng.normal())
        partShare = 0.15 + 0.45 * rng.unit()
        leaning = (rng.unit() - 0.5) * 0.3
    }
}

extension SplitMix64 {
    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

package extension Simulator {
    /// The responses of a questionnaire with a `reporting:` block: one per unit of its
    /// referential and period, except for the units that do not report (the campaign's
    /// `simulation: suivi: reporting:` share), each with `record.reporting` set. Numbers follow
    /// a unit's size and grow over the periods; a "dont" stays below its total.
    func generateReporting(_ definition: Questionnaire, reporting profile: ReportingProfile, _ body: (ResponseRecord) throws -> Void) rethrows {
        guard let reporting = definition.reporting, let referential = definition.reportingUnits else { return }
        let share = profile.reportingShare(definition.id)
        for (periodIndex, period) in reporting.periods.enumerated() {
            for (unitIndex, unit) in referential.units.enumerated() {
                var rng = SplitMix64(seed: seed ^ fnv64(definition.id + "|" + period.code + "|" + unit.code))
                let draw = rng.unit()
                guard draw < share + profile.started else { continue }
                let traits = UnitTraits(definition, unit: unit.code, seed: seed)
                let context = ReportingContext(profile: profile, traits: traits, periodIndex: periodIndex)
                let completes = draw < share
                var record = reportingSession(definition, context: context, completes: completes, rng: &rng)
                record.sessionID = "sim-\(definition.id)-\(period.code)-\(unit.code)"
                record.reporting = ReportingKey(unit: unit.code, period: period.code)
                let started = Self.start.addingTimeInterval(Double(periodIndex) * 31_536_000 + Double(unitIndex) * 3_600 + Double(rng.next() % 1_800))
                record.startedAt = started
                record.completedAt = completes ? started.addingTimeInterval(1_200 + Double(rng.next() % 1_800)) : nil
                try body(record)
            }
        }
    }
}

struct ReportingContext {
    var profile: ReportingProfile
    var traits: UnitTraits
    var periodIndex: Int
}

extension Simulator {
    func reportingSession(_ definition: Questionnaire, context: ReportingContext, completes: Bool, rng: inout SplitMix64) -> ResponseRecord {
        let stopAfter = completes ? Int.max : 2 + Int(rng.next() % 8)
        let answers = walk(definition, answeringAtMost: stopAfter, rng: &rng) { step, answers, rng in
            reportingValue(for: step, in: definition, answers: answers, context: context, rng: &rng)
        }
        return ResponseRecord(
            sessionID: "", questionnaireID: definition.id, questionnaireVersion: definition.version, population: definition.population,
            status: completes ? .completed : .inProgress, origin: .simulated, startedAt: Self.start, completedAt: nil, answers: answers)
    }

    func reportingValue(for step: Step, in definition: Questionnaire, answers: [AnswerKey: AnswerValue], context: ReportingContext, rng: inout SplitMix64)
        -> AnswerValue
    {
        let candidate = reportingProposal(for: step, in: definition, answers: answers, context: context, rng: &rng)
        if let candidate, definition.problem(with: candidate, for: step, answers: answers) == nil { return candidate }
        return value(for: step, in: definition, answers: answers, leaning: context.traits.leaning, rng: &rng)
    }

    /// A monitoring answer, or nil to let the survey simulation answer.
    func reportingProposal(for step: Step, in definition: Questionnaire, answers: [AnswerKey: AnswerValue], context: ReportingContext, rng: inout SplitMix64)
        -> AnswerValue?
    {
        let profile = context.profile
        if step.isRepeatContinuation {
            // Geometric number of repetitions whose mean is the profile's.
            let mean = profile.items[step.variable.section.id] ?? 3
            return .choice(rng.chance(mean / (mean + 1)) ? "oui" : "non")
        }
        let question = step.question
        guard question.otherOf == nil else { return nil }
        switch question.type {
        case .number:
            if question.requirement != .required, rng.chance(0.04) { return .skipped }
            let low = question.min ?? 0
            if let totalID = question.partOf {
                guard case .number(let total)? = answers[AnswerKey(totalID, repetition: step.key.repetition)] else { return nil }
                let share = min(1, max(0, context.traits.partShare * exp(0.15 * rng.normal())))
                return .number(max(low, (total * share).rounded(.down)))
            }
            let growth = pow(1 + profile.growth(question.id), Double(context.periodIndex))
            var value: Double
            if let typical = profile.typical[question.id] {
                let size = step.repetition == nil ? context.traits.size : 1
                value = typical * size * growth * exp(0.2 * rng.normal())
            } else if let high = question.max {
                value = low + (high - low) * rng.unit()
            } else {
                value = 20 * context.traits.size * growth * exp(0.2 * rng.normal())
            }
            value = max(low, min(question.max ?? .infinity, value))
            return .number(question.decimal ? (value * 10).rounded() / 10 : value.rounded())
        case .single:
            let options = definition.options(for: question).filter { $0.code != Questionnaire.otherCode }
            guard !options.isEmpty else { return nil }
            if let weights = profile.weights[question.id], !weights.isEmpty {
                let known = weights.filter { weight in options.contains { $0.code == weight.code } }
                let total = known.reduce(0) { $0 + $1.weight }
                var target = rng.unit() * total
                for (code, weight) in known {
                    target -= weight
                    if target < 0 { return .choice(code) }
                }
                return known.last.map { .choice($0.code) }
            }
            guard step.repetition == nil else { return nil }
            // Statuses drift towards their first choice (« réalisé ») from period to period.
            let exponent = 1.5 + profile.improvement * Double(context.periodIndex)
            let index = min(options.count - 1, Int(Double(options.count) * pow(rng.unit(), exponent)))
            return .choice(options[index].code)
        default:
            return nil
        }
    }
}
