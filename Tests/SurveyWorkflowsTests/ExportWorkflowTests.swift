import Foundation
import SurveyCore
import SurveyStore
import SurveyTestSupport
import SurveyWorkflows
import Testing

@Suite struct ExportWorkflowTests {
    @Test func outputFileBuffersUntilFullThenWritesEverythingOwnerOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/sortie.csv"
        let file = try OutputFile(path, capacity: 8)
        file.write("abc")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)  // still in the buffer
        file.write("defghij")  // 10 bytes: over capacity, written out
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "abcdefghij")
        file.buffer.append(contentsOf: Array("klm".utf8))
        file.flushIfFull()
        try file.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "abcdefghijklm")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "no /dev/full"))
    func aFailedWriteIsReportedAtClose() throws {
        let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let file = OutputFile(handle: handle, path: "plein.csv", capacity: 4)
        file.write("plus que quatre octets")  // flushed: the write fails, remembered
        let refusal = #expect(throws: Refusal.self) { try file.close() }
        #expect(refusal?.message == "Impossible d'écrire « plein.csv » (disque plein ?) : libérez de la place puis relancez l'export.")
    }

    @Test func exportsTheStoredResponsesAndTheirCompanions() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let store = directory.path + "/prst.sqlite"
        let csv = try directory.write("saisie.csv", "session,participe,nb\nA1,oui,3\nA2,non,0\n")
        _ = try ImportWorkflow.run(questionnaire: file, file: csv, storePath: store, dryRun: false, output: RecordingOutput())
        let out = directory.path + "/export"
        let output = RecordingOutput()
        let outcome = try ExportWorkflow.run(definition: file, storePath: store, directory: out, style: .rfc4180, includeIncomplete: false, output: output)
        #expect(outcome.files.map(\.path) == [out + "/court.csv"])
        #expect(outcome.files.map(\.responses) == [2] && outcome.files.map(\.columns) == [3])
        #expect(try String(contentsOfFile: out + "/court.csv", encoding: .utf8) == "session,participe,nb\nA1,oui,3\nA2,non,0\n")
        #expect(FileManager.default.fileExists(atPath: out + "/dictionnaire.csv") && FileManager.default.fileExists(atPath: out + "/import.R"))
        #expect(
            output.stderr == [
                "\(out)/court.csv : 2 réponse(s), 3 colonnes",
                "Dictionnaire des variables : \(out)/dictionnaire.csv ; lecture dans R : cd \(out) && Rscript import.R",
            ])
    }

    @Test func withoutAStoreTheExportIsAnEmptyTemplate() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("court.yaml", Questionnaires.short())
        let out = directory.path + "/modele"
        let output = RecordingOutput()
        let outcome = try ExportWorkflow.run(
            definition: file, storePath: directory.path + "/absent.sqlite", directory: out, style: .excel, includeIncomplete: false, output: output)
        #expect(outcome.files.map(\.responses) == [0])
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/court.csv")) == Data("\u{FEFF}session;participe;nb\r\n".utf8))
        #expect(output.stderr.first?.hasPrefix("Aucune base de réponses") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/absent.sqlite"))
    }
}
