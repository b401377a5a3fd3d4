import Foundation
import SurveyStore

/// `prst merge`: the responses gathered on several computers, in one file, never twice.
package enum MergeWorkflow {
    package static func run(into destination: String, sources paths: [String], output: WorkflowOutput) throws(Refusal) -> MergeReport {
        // Every source is checked before the destination is created or touched.
        var sources: [ResponseStore] = []
        for path in paths { sources.append(try ExistingStore.open(path, output: output)) }
        let report: MergeReport
        do {
            let target = try ResponseStore.open(at: destination)
            if let warning = target.permissionWarning() { output.error(warning) }
            report = try target.merge(from: sources)
        } catch {
            throw Refusal(error)
        }
        for note in report.notes { output.error("Attention : " + note) }
        output.out(render(report, into: destination))
        return report
    }

    package static func render(_ report: MergeReport, into destination: String) -> String {
        var text =
            "Fusion dans \(destination) : \(report.sessionsAdded) session\(report.sessionsAdded > 1 ? "s" : "") ajoutée\(report.sessionsAdded > 1 ? "s" : "")"
        text += " (\(report.answersAdded) réponse\(report.answersAdded > 1 ? "s" : ""))"
        if report.sessionsSkipped > 0 {
            text += ", \(report.sessionsSkipped) déjà présente\(report.sessionsSkipped > 1 ? "s" : "") (ignorée\(report.sessionsSkipped > 1 ? "s" : ""))"
        }
        text += ".\n"
        text +=
            "Définitions de questionnaires : \(report.definitionsAdded) ajoutée\(report.definitionsAdded > 1 ? "s" : ""), \(report.definitionsKnown) déjà présente\(report.definitionsKnown > 1 ? "s" : "").\n"
        if report.tokensAdded + report.tokensUpdated + report.tokensSkipped > 0 {
            text +=
                "Codes d'invitation : \(report.tokensAdded) ajouté\(report.tokensAdded > 1 ? "s" : ""), \(report.tokensUpdated) mis à jour, \(report.tokensSkipped) inchangé\(report.tokensSkipped > 1 ? "s" : "").\n"
        }
        return text
    }
}
