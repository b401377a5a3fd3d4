import Foundation
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct ExistingStoreTests {
    @Test func refusesAMissingFileWithoutCreatingIt() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/absent.sqlite"
        let refusal = #expect(throws: Refusal.self) { try ExistingStore.open(missing, output: RecordingOutput()) }
        #expect(refusal?.message == "Le fichier de réponses « \(missing) » n'existe pas : indiquez le bon fichier avec --store (ou PRST_STORE).")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func refusesAFileThatIsNotAStoreAndLeavesItAlone() throws {
        let directory = try TemporaryDirectory()
        let notes = try directory.write("notes.txt", "Réunion du comité\n")
        let refusal = #expect(throws: Refusal.self) { try ExistingStore.open(notes, output: RecordingOutput()) }
        #expect(refusal?.message == "« \(notes) » n'est pas un fichier de réponses prst : vérifiez le nom du fichier indiqué. Rien n'a été modifié.")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "Réunion du comité\n")
    }

    @Test func opensAStoreAndWarnsWhenOthersCanReadIt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/prst.sqlite"
        _ = try ResponseStore.open(at: path)
        let quiet = RecordingOutput()
        _ = try ExistingStore.open(path, output: quiet)
        #expect(quiet.stderr.isEmpty)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let warned = RecordingOutput()
        _ = try ExistingStore.open(path, output: warned)
        #expect(warned.stderr.count == 1)
    }
}
