import Foundation
import SurveyCore
import SurveyStore

/// Opening a store file that must already exist (commands that read or change it, never create it).
package enum ExistingStore {
    package static func open(_ path: String, output: WorkflowOutput) throws(Refusal) -> ResponseStore {
        guard FileManager.default.fileExists(atPath: path) else { throw Refusal(.storeMissing(path: path)) }
        do {
            let store = try ResponseStore.open(at: path)
            if let warning = store.permissionWarning() { output.error(warning) }
            return store
        } catch {
            if error.kind == .notAStore { throw Refusal(.notAStoreFile(path: path)) }
            throw Refusal(error)
        }
    }
}
