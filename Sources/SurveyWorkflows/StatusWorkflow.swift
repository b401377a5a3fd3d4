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
        let coverage: [ReportingCoverage]
        do {
            let store = try ResponseStore.open(at: path)
            rows = try store.status()
            coverage = try reportingCoverage(store)
        } catch {
            throw Refusal(error)
        }
        if rows.isEmpty {
            output.out(.noSessionYet(store: path))
            return .empty
        }
        output.out(render(rows))
        if !coverage.isEmpty { output.out(render(coverage)) }
        return .rows(rows)
    }

    /// For a monitoring questionnaire version and a period: the units of its referential, and
    /// how many have a completed or only an unfinished response.
    package struct ReportingCoverage: Sendable, Hashable {
        package var questionnaireID: String
        package var version: Int
        package var period: String
        /// The referential's word for one unit (« fiche-action »).
        package var kind: String
        package var expected: Int
        package var completed: Int
        package var inProgress: Int

        package init(questionnaireID: String, version: Int, period: String, kind: String, expected: Int, completed: Int, inProgress: Int) {
            self.questionnaireID = questionnaireID
            self.version = version
            self.period = period
            self.kind = kind
            self.expected = expected
            self.completed = completed
            self.inProgress = inProgress
        }
    }

    /// Every period of every monitoring questionnaire stored, answered or not yet: the expected
    /// units are the referential of the latest snapshot of the version.
    static func reportingCoverage(_ store: ResponseStore) throws(StoreError) -> [ReportingCoverage] {
        let progress = try store.reportingProgress()
        var result: [ReportingCoverage] = []
        for questionnaire in try store.definitions() {
            guard let reporting = questionnaire.reporting, let referential = questionnaire.reportingUnits else { continue }
            let codes = Set(referential.units.map(\.code))
            for period in reporting.periods {
                let found = progress.first { ($0.questionnaireID, $0.version, $0.period) == (questionnaire.id, questionnaire.version, period.code) }
                let completed = found?.completedUnits.intersection(codes) ?? []
                let inProgress = (found?.inProgressUnits.intersection(codes) ?? []).subtracting(completed)
                result.append(
                    ReportingCoverage(
                        questionnaireID: questionnaire.id, version: questionnaire.version, period: period.code, kind: referential.kind,
                        expected: codes.count, completed: completed.count, inProgress: inProgress.count))
            }
        }
        return result
    }

    /// « bilan (version 1), période PRST3 : 12 fiches-actions sur 19 ont répondu, 2 en cours. »
    package static func render(_ coverage: [ReportingCoverage]) -> String {
        var text = "\nSuivi du plan (réponses terminées par unité et par période) :\n"
        for line in coverage {
            text += "  \(line.questionnaireID) (version \(line.version)), période \(line.period) : "
            text += "\(line.completed) \(FrenchPlural.of(line.kind, count: line.completed)) sur \(line.expected)"
            text += ", \(line.inProgress) en cours, \(line.expected - line.completed - line.inProgress) sans réponse\n"
        }
        return text
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
