import Foundation
import GRDB
import SurveyCore
import Testing
@testable import SurveyStore

/// Store failures carry a typed problem; the words come from the wording, in either language.
@Suite struct StoreErrorTests {
    @Test func openingSomethingElseSaysWhichFileInBothLanguages() throws {
        let path = temporaryDirectory() + "/notes.txt"
        try "Réunion du comité\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(#expect(throws: StoreError.self) { try ResponseStore.open(at: path) })
        #expect(error.problem == .notAStore(path: path))
        #expect(error.kind == .notAStore)
        #expect(
            error.message
                == "« \(path) » n'est pas un fichier de réponses prst : indiquez le bon fichier avec --store (ou PRST_STORE), ou un nom de fichier nouveau pour en créer un."
        )
        #expect(
            error.message(in: .en)
                == "“\(path)” is not a prst response file: name the right file with --store (or PRST_STORE), or a new file name to create one.")
    }

    @Test func sessionAndTokenProblemsCarryTheirIdsNotSentences() throws {
        let store = try ResponseStore.inMemory()
        let unknown = #expect(throws: StoreError.self) { try store.save(.text("Dupont"), for: AnswerKey("commentaire"), session: "INCONNU1") }
        #expect(unknown?.problem == .unknownSession(id: "INCONNU1"))
        let short = #expect(throws: StoreError.self) { try store.claim(token: "K7F3-9QXM", questionnaireID: "essai", version: 1) }
        #expect(short?.problem == .tokenHasWrongLength(count: 8, expected: Tokens.length))
        let odd = #expect(throws: StoreError.self) { try store.claim(token: "K7F0-9QXM-2PAB-H4TO", questionnaireID: "essai", version: 1) }
        #expect(odd?.problem == .tokenHasOddCharacters(["0", "O"]))
        #expect(odd?.message(in: .en).contains("(0, O)") == true)
    }

    @Test func anIncompatibleDefinitionCarriesItsTypedChanges() throws {
        let store = try ResponseStore.inMemory()
        try store.complete(session: try store.startSession(definition: try store.register(try Fixture.load())).id)
        let changed = try Fixture.load(replacing: "    - {code: vert, label: \"Vert\"}\n", with: "")
        let error = try #require(#expect(throws: StoreError.self) { try store.register(changed) })
        guard case .incompatibleDefinition("essai", 1, let changes) = error.problem else {
            Issue.record("\(error.problem)")
            return
        }
        let removed = try #require(changes.first)
        guard case .choiceRemoved("vert", let question) = removed else {
            Issue.record("\(removed)")
            return
        }
        #expect(question.id == "couleurs")
        #expect(error.details == changes.map { $0.words(in: .fr) })
        #expect(error.details.first?.hasPrefix("le choix « vert » de la question « couleurs »") == true)
        #expect(error.details(in: .en).first?.hasPrefix("the choice “vert” of the question “couleurs”") == true)
        #expect(error.description(in: .en).hasPrefix("The questionnaire “essai” version 1 already has responses"))
        #expect(error.description.split(separator: "\n").count == 1 + changes.count)
    }

    @Test func sqliteVerdictsAreTyped() {
        #expect(StoreError.wrap(DatabaseError(resultCode: .SQLITE_FULL), path: "a.sqlite").problem == .diskFull(path: "a.sqlite"))
        #expect(StoreError.wrap(DatabaseError(resultCode: .SQLITE_BUSY), path: nil).problem == .busy(path: nil))
        let odd = StoreError.wrap(DatabaseError(resultCode: .SQLITE_MISMATCH, message: "datatype mismatch"), path: "a.sqlite")
        #expect(odd.problem == .unexpected(path: "a.sqlite", sqliteCode: ResultCode.SQLITE_MISMATCH.rawValue, details: "datatype mismatch"))
        #expect(odd.details == ["datatype mismatch"])
        struct Elsewhere: Error {}
        #expect(StoreError.wrap(Elsewhere(), path: nil).problem == .unexpectedFailure(path: nil))
    }
}
