import Foundation
import SurveyStore

/// Opening a store file that must already exist (commands that read or change it, never create it).
package enum ExistingStore {
    package static func open(_ path: String, output: WorkflowOutput) throws(Refusal) -> ResponseStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Refusal("Le fichier de réponses « \(path) » n'existe pas : indiquez le bon fichier avec --store (ou PRST_STORE).")
        }
        do {
            let store = try ResponseStore.open(at: path)
            if let warning = store.permissionWarning() { output.error(warning) }
            return store
        } catch {
            if error.kind == .notAStore {
                throw Refusal("« \(path) » n'est pas un fichier de réponses prst : vérifiez le nom du fichier indiqué. Rien n'a été modifié.")
            }
            throw Refusal(error.description)
        }
    }
}
