import Foundation
import SurveyCore
import SurveySimulation
import SurveyStore

/// `prst simulate` writes simulated sessions into the SQLite store, in batches of one
/// transaction each, registering each questionnaire's snapshot once.
final class StoreSimulationSink: SimulationSink {
    private let store: ResponseStore
    private var definitions: [String: DefinitionID] = [:]
    private let loaded: [String: LoadedQuestionnaire]
    private var pending: [(ResponseRecord, DefinitionID)] = []
    static let batchSize = 2_000

    init(store: ResponseStore, questionnaires: [LoadedQuestionnaire]) {
        self.store = store
        var byID: [String: LoadedQuestionnaire] = [:]
        for entry in questionnaires { if let questionnaire = entry.questionnaire { byID[questionnaire.id] = entry } }
        self.loaded = byID
    }

    func write(_ record: ResponseRecord, definition: Questionnaire) throws {
        let id: DefinitionID
        if let known = definitions[definition.id] {
            id = known
        } else {
            guard let entry = loaded[definition.id] else { throw StoreError(.other, "Questionnaire « \(definition.id) » inconnu de la campagne.") }
            id = try store.register(entry)
            definitions[definition.id] = id
        }
        pending.append((record, id))
        if pending.count >= Self.batchSize { try flush() }
    }

    func flush() throws {
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
