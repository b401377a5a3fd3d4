import Foundation
import SurveyCore
import SurveySimulation
import SurveyStore

/// `prst simulate`: realistic simulated sessions (origin « simulated ») for trying the report,
/// never written into a store that holds real responses.
package enum SimulateWorkflow {
    /// Sessions written, by population, in the campaign's order.
    package struct Outcome: Sendable, Equatable {
        package struct Written: Sendable, Equatable {
            package var population: String
            package var sessions: Int
        }
        package var written: [Written]
    }

    /// "pilotes=17,contributeurs=84" over the simulator's default sizes; the failure names the
    /// part that is not of the form population=number.
    package static func sizes(_ respondents: String?) -> Result<[String: Int], SizesError> {
        var sizes = Dictionary(uniqueKeysWithValues: Simulator.defaultSizes)
        for part in (respondents ?? "").split(separator: ",") {
            let pair = part.split(separator: "=")
            guard pair.count == 2, let count = Int(pair[1]), count >= 0 else { return .failure(SizesError(part: String(part))) }
            sizes[String(pair[0])] = count
        }
        return .success(sizes)
    }

    package struct SizesError: Error, Sendable {
        package var part: String
        package var problem: CommandProblem { .respondentsNotPopulationCounts(part: part) }
        package var message: String { Problem.command(problem).message(in: .fr) }
    }

    package static func run(campaign path: String, storePath: String, seed: UInt64, sizes: [String: Int], output: WorkflowOutput) throws -> Outcome {
        let usable = try DefinitionFiles.campaign(path)
        let campaign = usable.campaign, loaded = usable.loaded
        let (profile, phrases) = try Simulator.load(campaign)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: seed)
        let opened: ResponseStore
        do {
            opened = try ResponseStore.open(at: storePath)
            if try opened.hasRealResponses() {
                throw Refusal(.storeHoldsRealResponses(path: storePath))
            }
        } catch let error as StoreError {
            throw Refusal(error)
        }
        let sink = StoreSimulationSink(store: opened, questionnaires: loaded.questionnaires)
        var outcome = Outcome(written: [])
        let reportingProfile = ReportingProfile(campaign.simulation?["suivi"])
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            var count = sizes[questionnaire.population] ?? 0
            var done = 0
            let write = { (record: ResponseRecord) in
                try sink.write(record, definition: questionnaire)
                done += 1
                // A monitoring questionnaire has no total known beforehand (count is 0 then).
                if output.showsProgress, done % 500 == 0 || done == count {
                    output.progress(count == 0 ? "\(questionnaire.population) : \(done)" : "\(questionnaire.population) : \(done) / \(count)")
                }
            }
            if questionnaire.reporting != nil {
                // A monitoring questionnaire is answered per unit × period, not by a number of people.
                count = 0
                try simulator.generateReporting(questionnaire, reporting: reportingProfile, write)
                if output.showsProgress { output.progress("\(questionnaire.population) : \(done)") }
                count = done
            } else {
                try simulator.generate(questionnaire, count: count, write)
            }
            do { try sink.flush() } catch let error as StoreError { throw Refusal(error) }
            if output.showsProgress { output.error("") }
            output.error(.populationSimulated(population: questionnaire.population, sessions: count))
            outcome.written.append(Outcome.Written(population: questionnaire.population, sessions: count))
        }
        output.error(.simulationWritten(store: storePath))
        return outcome
    }
}

/// `prst simulate` writes simulated sessions into the SQLite store, in batches of one
/// transaction each, registering each questionnaire's snapshot once.
package final class StoreSimulationSink: SimulationSink {
    private let store: ResponseStore
    private var definitions: [String: DefinitionID] = [:]
    private let loaded: [String: LoadedQuestionnaire]
    private var pending: [(ResponseRecord, DefinitionID)] = []
    package static let batchSize = 2_000

    package init(store: ResponseStore, questionnaires: [LoadedQuestionnaire]) {
        self.store = store
        var byID: [String: LoadedQuestionnaire] = [:]
        for entry in questionnaires { if let questionnaire = entry.questionnaire { byID[questionnaire.id] = entry } }
        self.loaded = byID
    }

    package func write(_ record: ResponseRecord, definition: Questionnaire) throws {
        let id: DefinitionID
        if let known = definitions[definition.id] {
            id = known
        } else {
            guard let entry = loaded[definition.id] else { throw Refusal(.questionnaireNotInCampaign(id: definition.id)) }
            id = try store.register(entry)
            definitions[definition.id] = id
        }
        pending.append((record, id))
        if pending.count >= Self.batchSize { try flush() }
    }

    package func flush() throws {
        var byDefinition: [DefinitionID: [ResponseRecord]] = [:]
        var order: [DefinitionID] = []
        for (record, id) in pending {
            if byDefinition[id] == nil { order.append(id) }
            byDefinition[id, default: []].append(record)
        }
        for id in order { try store.insert(byDefinition[id] ?? [], definition: id) }
        pending.removeAll(keepingCapacity: true)
    }
}
