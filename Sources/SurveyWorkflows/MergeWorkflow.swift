import Foundation
import SurveyCore
import SurveyStore

/// `prst merge`: the responses gathered on several computers, in one file, never twice.
package enum MergeWorkflow {
    package static func run(into destination: String, sources paths: [String], output: WorkflowOutput) throws(Refusal) -> MergeReport {
        // Every source is checked before the destination is created or touched.
        var sources: [ResponseStore] = []
        for path in paths { sources.append(try ExistingStore.open(path, output: output)) }
        let report: MergeReport
        do {
            let target = try ExistingStore.openCreatingIfMissing(destination, output: output)
            report = try target.merge(from: sources)
        } catch {
            throw Refusal(error)
        }
        for note in report.notes { output.error("Attention : " + note) }
        output.out(render(report, into: destination))
        return report
    }

    package static func render(_ report: MergeReport, into destination: String) -> String {
        var counts = CommandOutcome.MergeCounts()
        counts.sessionsAdded = report.sessionsAdded
        counts.answersAdded = report.answersAdded
        counts.sessionsSkipped = report.sessionsSkipped
        counts.definitionsAdded = report.definitionsAdded
        counts.definitionsKnown = report.definitionsKnown
        counts.tokensAdded = report.tokensAdded
        counts.tokensUpdated = report.tokensUpdated
        counts.tokensSkipped = report.tokensSkipped
        return CommandOutcome.merged(into: destination, counts).text(in: .fr) + "\n"
    }
}
