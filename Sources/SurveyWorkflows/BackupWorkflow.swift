import Foundation
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
        output.out("Sauvegarde de \(path) écrite dans \(destination) (vérifiée, lisible par vous seul).\n")
    }
}
