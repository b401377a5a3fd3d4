import Foundation
import SurveyCore
import SurveySimulation

/// Where `prst simulate` writes and `prst report` reads. Until the SQLite response store is
/// merged, a `.jsonl` path is a JSON-lines file (readable) and a `.tsv` path a compact line file (fast); at merge, the store path opens
/// `ResponseStore` (register, startSession(origin: .simulated), save, complete; refuse when
/// `hasRealResponses()`), and `prst report --store` reads it as a `ResponseReader`.
enum SimulateStoreWiring {
    struct NotWired: Error, CustomStringConvertible {
        var path: String
        var description: String { "la base de réponses (\(path)) n'est pas encore raccordée : utilisez un fichier .jsonl ou .tsv (--out)" }
    }

    static func sink(path: String) throws -> (SimulationSink, () -> Void) {
        if path.hasSuffix(".tsv") {
            let sink = try CompactLinesSink(path: path)
            return (sink, { sink.close() })
        }
        guard path.hasSuffix(".jsonl") else { throw NotWired(path: path) }
        let sink = try JSONLinesSink(path: path)
        return (sink, { sink.close() })
    }

    static func reader(path: String, questionnaires: [Questionnaire]) throws -> ResponseReader {
        if path.hasSuffix(".tsv") { return CompactLinesReader(path: path, questionnaires: questionnaires) }
        guard path.hasSuffix(".jsonl") else { throw NotWired(path: path) }
        return JSONLinesReader(path: path, questionnaires: questionnaires)
    }
}
