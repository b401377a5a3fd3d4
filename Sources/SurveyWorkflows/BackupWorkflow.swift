import Foundation
import SurveyCore
import SurveyStore

/// `prst backup`: a consistent, checked copy of the store, even while responses come in.
package enum BackupWorkflow {
    package static func run(storePath path: String, destination: String, replacing: Bool, output: WorkflowOutput) throws(Refusal) {
        let responses = try ExistingStore.open(path, output: output)
        do {
            try responses.backup(to: destination, replacing: replacing)
        } catch {
            throw Refusal(error)
        }
        output.out(.backupWritten(store: path, destination: destination))
    }
}
