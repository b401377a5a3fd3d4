import ArgumentParser
import Foundation
import SurveyStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Affiche l'avancement de la collecte : sessions démarrées, en cours, terminées, durée médiane.",
        discussion: """
            Une ligne par questionnaire, version et population.
            Fichier de réponses : --store, sinon la variable PRST_STORE, sinon prst.sqlite dans le dossier courant.
            Exemple : prst status --store collecte/prst.sqlite
            """
    )

    @Option(help: "Le fichier de réponses (par défaut : $PRST_STORE, sinon prst.sqlite).")
    var store: String?

    func run() throws {
        let path = StoreLocation.resolve(store)
        guard FileManager.default.fileExists(atPath: path) else {
            Console.error("Aucune réponse : le fichier \(path) n'existe pas encore.")
            throw ExitCode(1)
        }
        let rows: [StatusRow]
        do {
            rows = try ResponseStore.open(at: path).status()
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        if rows.isEmpty {
            Console.out("Aucune réponse pour l'instant dans \(path) : aucune session n'a été ouverte.\n")
            return
        }
        Console.out(Self.render(rows))
    }

    /// The table, columns aligned (numbers to the right).
    static func render(_ rows: [StatusRow]) -> String {
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
