import Foundation
import SurveyCore
import SurveyStore

/// `prst status`: the progress of the collection, one row per questionnaire, version and population.
package enum StatusWorkflow {
    package enum Outcome: Sendable, Equatable {
        /// The store exists but no session was ever opened.
        case empty
        case rows([StatusRow])
    }

    package static func run(storePath path: String, output: WorkflowOutput) throws(Refusal) -> Outcome {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Refusal(.noStoreYet(path: path))
        }
        let rows: [StatusRow]
        do {
            rows = try ResponseStore.open(at: path).status()
        } catch {
            throw Refusal(error)
        }
        if rows.isEmpty {
            output.out(.noSessionYet(store: path))
            return .empty
        }
        output.out(render(rows))
        return .rows(rows)
    }

    /// The table, columns aligned (numbers to the right).
    package static func render(_ rows: [StatusRow]) -> String {
        // Simulated and imported sessions are told apart only where a store holds some.
        let showSimulated = rows.contains { $0.simulated > 0 }, showImported = rows.contains { $0.imported > 0 }
        var header = ["Questionnaire", "Version", "Population", "Démarrées", "En cours", "Terminées", "Durée médiane"]
        if showSimulated { header.append("dont simulées") }
        if showImported { header.append("dont importées") }
        let rightAligned = Set([1] + Array(3..<header.count))
        let body = rows.map { row in
            var cells = [
                row.questionnaireID, "\(row.version)", row.population, "\(row.started)", "\(row.inProgress)", "\(row.completed)",
                row.medianCompletionSeconds.map(frenchDuration) ?? "—",
            ]
            if showSimulated { cells.append("\(row.simulated)") }
            if showImported { cells.append("\(row.imported)") }
            return cells
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }
        var text = line(header) + line(widths.map { String(repeating: "-", count: $0) })
        for cells in body { text += line(cells) }
        if showImported { text += "Durée médiane : réponses saisies avec prst seulement (une réponse importée n'a pas de durée).\n" }
        return text
    }
}
