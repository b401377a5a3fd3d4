import Foundation
import SurveyCore
import SurveyStore

/// Opening a store file that must already exist (commands that read or change it, never create
/// it), and the permission warning every opening by a maintenance command gives.
package enum ExistingStore {
    package static func open(_ path: String, output: WorkflowOutput) throws(Refusal) -> ResponseStore {
        guard FileManager.default.fileExists(atPath: path) else { throw Refusal(.storeMissing(path: path)) }
        do {
            return try openCreatingIfMissing(path, output: output)
        } catch {
            if error.kind == .notAStore { throw Refusal(.notAStoreFile(path: path)) }
            throw Refusal(error)
        }
    }

    /// Opens the store, creating it when missing, and warns on standard error when other users
    /// can read its files; the caller words the store's failure (what was not done).
    package static func openCreatingIfMissing(_ path: String, output: WorkflowOutput) throws(StoreError) -> ResponseStore {
        let store = try ResponseStore.open(at: path)
        if let warning = store.permissionWarning() { output.error(warning) }
        return store
    }
}
