import Foundation
import SurveyCore

/// Secondary suppression. A figure withheld because it is about fewer than `min_group` people
/// must not come back by subtraction: a published total (a type row, the « ensemble » row, the
/// tri à plat of a repeated question, which adds the answers about every production) minus its
/// other published parts. The rule, on every such relation read as a sum: it never has exactly
/// one unknown term. When it would, the smallest published part is withheld with the unknown
/// one (or the total, when no part is left). A funnel step whose base is a withheld count is
/// withheld too, since its base would give that count. Repeated until nothing changes.
///
/// Type and « ensemble » rows count people who did a step for at least one production, so they
/// are at most the sum of their parts; reading them as sums is the cautious side (subtraction
/// then gives at most a lower bound, never more than the exact value a sum would give).
struct DisclosureProblem {
    struct Cell {
        var figure: WithheldFigure
        /// The people the figure is about; a withheld cell about nobody is known (zero).
        var base: Int
        /// Which published part to withhold first: the smallest.
        var size: Int
        var withheld: Bool
    }

    struct Relation {
        var total: Int
        var parts: [Int]
    }

    var cells: [Cell] = []
    var relations: [Relation] = []
    /// (cell, the cell whose count is its base)
    var dependencies: [(cell: Int, on: Int)] = []
    /// Cells withheld by `solve`, in order, with why.
    var added: [(cell: Int, reason: SuppressionReason)] = []

    mutating func add(_ figure: WithheldFigure, base: Int, size: Int, withheld: Bool) -> Int {
        cells.append(Cell(figure: figure, base: base, size: size, withheld: withheld))
        return cells.count - 1
    }

    func unknown(_ index: Int) -> Bool { cells[index].withheld && cells[index].base > 0 }

    mutating func withhold(_ index: Int, _ reason: SuppressionReason) {
        cells[index].withheld = true
        added.append((index, reason))
    }

    mutating func solve() {
        var changed = true
        while changed {
            changed = false
            for (cell, on) in dependencies where cells[on].withheld && !cells[cell].withheld {
                withhold(cell, .baseWithheld(cells[on].figure))
                changed = true
            }
            for relation in relations {
                let unknowns = ([relation.total] + relation.parts).filter(unknown)
                guard unknowns.count == 1, let protected = unknowns.first else { continue }
                let published = relation.parts.filter { !cells[$0].withheld }
                let smallest = published.min { (cells[$0].size, $0) < (cells[$1].size, $1) }
                guard let chosen = smallest ?? (cells[relation.total].withheld ? nil : relation.total) else { continue }
                withhold(chosen, .complementary(protecting: cells[protected].figure))
                changed = true
            }
        }
    }
}

extension Finisher {
    /// Applies secondary suppression to one population's diffusion figures (funnels, usefulness
    /// and channels per production) and the flat counts of the questions they come from.
    mutating func protectDiffusion(
        population: String, aggregate: PopulationAggregate, funnels: inout ArraySlice<Funnel>,
        channels: inout ArraySlice<ChannelCount>, frequencies: inout ArraySlice<Frequency>
    ) {
        var problem = DisclosureProblem()
        enum Target { case step(Int, Int), usefulness(Int), channels(String), frequency(Int) }
        var targets: [Target] = []
        func add(_ figure: WithheldFigure, base: Int, size: Int, withheld: Bool, _ target: Target) -> Int {
            targets.append(target)
            return problem.add(figure, base: base, size: size, withheld: withheld)
        }
        // The flat counts of the questions with a diffusion role: each adds every production's answers.
        var roleTotals: [DiffusionRole: Int] = [:]
        for index in frequencies.indices {
            let frequency = frequencies[index]
            guard let role = aggregate.variableInfo[frequency.variable]?.variable.question.diffusion, roleTotals[role] == nil,
                aggregate.variableInfo[frequency.variable]?.variable.item == nil
            else { continue }
            let people = frequency.respondents
            roleTotals[role] = add(.frequency(frequency.variable), base: people, size: people, withheld: !frequency.shown, .frequency(index))
        }
        var stepCells: [FunnelStepKind: [FunnelScope: [String: Int]]] = [:]
        var usefulnessCells: [Int] = []
        for index in funnels.indices {
            let funnel = funnels[index]
            var cellOfStep: [FunnelStepKind: Int] = [:]
            for (stepIndex, step) in funnel.steps.enumerated() {
                let cell = add(
                    .funnelStep(scope: funnel.scope, key: funnel.key, step: step.kind), base: step.basePrevious, size: step.count,
                    withheld: !step.shown, .step(index, stepIndex))
                cellOfStep[step.kind] = cell
                stepCells[step.kind, default: [:]][funnel.scope, default: [:]][funnel.key] = cell
            }
            for (kind, cell) in cellOfStep { if let previous = kind.previous, let on = cellOfStep[previous] { problem.dependencies.append((cell, on)) } }
            if let usefulness = funnel.usefulness {
                let valid = usefulness.nValid
                let cell = add(.usefulness(deliverable: funnel.key), base: valid, size: valid, withheld: !usefulness.shown, .usefulness(index))
                usefulnessCells.append(cell)
                // Its base would give the number of users when that number is withheld.
                if let used = cellOfStep[.used] { problem.dependencies.append((cell, used)) }
            }
        }
        for kind in FunnelStepKind.allCases {
            let byScope = stepCells[kind] ?? [:]
            let deliverables = funnels.filter { $0.scope == .deliverable }
            let types = funnels.filter { $0.scope == .type }
            for type in types {
                guard let total = byScope[.type]?[type.key] else { continue }
                problem.relations.append(.init(total: total, parts: deliverables.filter { $0.type == type.key }.compactMap { byScope[.deliverable]?[$0.key] }))
            }
            if let total = byScope[.overall]?["ensemble"] {
                problem.relations.append(.init(total: total, parts: types.compactMap { byScope[.type]?[$0.key] }))
            }
            let role: DiffusionRole? =
                switch kind {
                case .aware: .awareness
                case .used: .use
                case .relayed, .relayedInternal, .relayedIntermediary, .relayedFinal: .relay
                }
            if let role, let total = roleTotals[role] {
                problem.relations.append(.init(total: total, parts: deliverables.compactMap { byScope[.deliverable]?[$0.key] }))
            }
        }
        if let total = roleTotals[.usefulness], !usefulnessCells.isEmpty { problem.relations.append(.init(total: total, parts: usefulnessCells)) }
        // Channels are withheld per production as a block; the channel question's flat count adds them.
        var channelCells: [Int] = []
        var seenChannels: Set<String> = []
        for channel in channels where seenChannels.insert(channel.deliverable).inserted {
            channelCells.append(
                add(
                    .channels(deliverable: channel.deliverable), base: channel.base, size: channel.base, withheld: !channel.shown,
                    .channels(channel.deliverable)))
        }
        if let total = roleTotals[.channel], !channelCells.isEmpty { problem.relations.append(.init(total: total, parts: channelCells)) }

        problem.solve()
        for (cell, reason) in problem.added {
            let figure = problem.cells[cell].figure
            withhold(figure, population, problem.cells[cell].base, reason)
            switch targets[cell] {
            case .step(let funnel, let step): funnels[funnel].steps[step].shown = false
            case .usefulness(let funnel): funnels[funnel].usefulness?.shown = false
            case .frequency(let index): frequencies[index].shown = false
            case .channels(let deliverable):
                for index in channels.indices where channels[index].deliverable == deliverable { channels[index].shown = false }
            }
        }
    }
}
