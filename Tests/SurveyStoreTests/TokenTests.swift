import Foundation
import GRDB
import SurveyCore
import Testing
@testable import SurveyStore

@Suite struct TokenTests {
    @Test func tokensAreLongGroupedAndFromTheAlphabet() throws {
        let store = try ResponseStore.inMemory()
        let tokens = try store.createTokens(count: 50, questionnaireID: "essai", version: 1)
        #expect(tokens.count == 50)
        #expect(Set(tokens).count == 50)
        for token in tokens {
            let groups = token.split(separator: "-")
            #expect(groups.count == 4 && groups.allSatisfy { $0.count == 4 }, "\(token)")
            #expect(token.filter { $0 != "-" }.allSatisfy { Codes.alphabet.contains($0) })
        }
        // 16 characters of 31: at least 60 bits.
        #expect(Double(Tokens.length) * log2(Double(Codes.alphabet.count)) > 79)
    }

    @Test func theStoreKeepsAHashAndAPrefixNeverTheToken() throws {
        let path = temporaryDirectory() + "/jetons.sqlite"
        let store = try ResponseStore.open(at: path)
        let tokens = try store.createTokens(count: 3, questionnaireID: "essai", version: 1)
        let rows = try store.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM tokens") }
        #expect(rows.count == 3)
        let columns = Set(rows[0].columnNames)
        #expect(columns == ["token_hash", "prefix", "questionnaire_id", "version", "state", "session_id", "created_at"])
        try store.checkpoint()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for token in tokens {
            let bare = token.replacingOccurrences(of: "-", with: "")
            #expect(bytes.range(of: Data(bare.utf8)) == nil)
            #expect(bytes.range(of: Data(token.utf8)) == nil)
            #expect(bytes.range(of: Data(String(bare.suffix(12)).utf8)) == nil)
        }
        #expect(try store.tokens().map(\.prefix).sorted() == tokens.map { String($0.prefix(4)) }.sorted())
    }

    @Test func lifeCycleCreatedUsedResumedCompletedRefused() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        #expect(try store.tokens().map(\.state) == [.unused])

        // Created: unused, opens a new session.
        #expect(try store.claim(token: token, questionnaireID: "essai", version: 1) == .start)
        let session = try store.startSession(token: token, definition: definition)
        #expect(try store.tokens().map(\.state) == [.inProgress])
        try store.save(.number(42), for: AnswerKey("age"), session: session.id)

        // Typed in lowercase with spaces: resumes the same session.
        let typed = token.lowercased().replacingOccurrences(of: "-", with: " ")
        guard case .resume(let resumed) = try store.claim(token: typed, questionnaireID: "essai", version: 1) else {
            Issue.record("expected a resume")
            return
        }
        #expect(resumed.id == session.id)
        #expect(try store.answers(session: resumed.id) == [AnswerKey("age"): .number(42)])
        // Starting again with it is refused.
        let again = #expect(throws: StoreError.self) { try store.startSession(token: token, definition: definition) }
        #expect(again?.kind == .tokenAlreadyUsed)

        // Completed: the link to the session is gone, the token is refused.
        try store.complete(session: session.id)
        let link = try store.writer.read { db in try Row.fetchOne(db, sql: "SELECT state, session_id FROM tokens") }
        #expect(link?["state"] == "completed")
        #expect((link?["session_id"] as String?) == nil)
        #expect(try store.tokens().map(\.state) == [.completed])
        let used = #expect(throws: StoreError.self) { try store.claim(token: token, questionnaireID: "essai", version: 1) }
        #expect(used?.kind == .tokenAlreadyUsed)
        #expect(used?.message.contains("déjà servi") == true)
        // The session is still there, completed.
        #expect(try store.session(id: session.id)?.status == .completed)
    }

    @Test func plainCompleteAlsoDropsTheLink() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        let session = try store.startSession(token: token, definition: definition)
        try store.complete(session: session.id)
        let linked = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tokens WHERE session_id IS NOT NULL") }
        #expect(linked == 0)
    }

    @Test func revokedTokensAreRefused() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let tokens = try store.createTokens(count: 2, questionnaireID: "essai", version: 1)
        #expect(try store.revoke(token: tokens[0]) == .unused)
        #expect(try store.revoke(token: tokens[0].lowercased()) == .revoked)  // already revoked: no error
        let refused = #expect(throws: StoreError.self) { try store.claim(token: tokens[0], questionnaireID: "essai", version: 1) }
        #expect(refused?.kind == .revokedToken)
        #expect(refused?.message.contains("annulé") == true)
        let start = #expect(throws: StoreError.self) { try store.startSession(token: tokens[0], definition: definition) }
        #expect(start?.kind == .revokedToken)

        // Revoking an in-progress token stops its resumption; the answers stay until a purge.
        let session = try store.startSession(token: tokens[1], definition: definition)
        #expect(try store.revoke(token: tokens[1]) == .inProgress)
        let resume = #expect(throws: StoreError.self) { try store.claim(token: tokens[1], questionnaireID: "essai", version: 1) }
        #expect(resume?.kind == .revokedToken)
        #expect(try store.session(id: session.id)?.status == .inProgress)
    }

    @Test func aCompletedTokenCannotBeRevoked() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        try store.complete(session: try store.startSession(token: token, definition: definition).id)
        let error = #expect(throws: StoreError.self) { try store.revoke(token: token) }
        #expect(error?.kind == .tokenAlreadyUsed)
        #expect(error?.message.contains("prst purge --session") == true)
        #expect(try store.tokens().map(\.state) == [.completed])
    }

    @Test func badTokensGetClearMessagesAndChangeNothing() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "autre", version: 1).first)

        let another = #expect(throws: StoreError.self) { try store.claim(token: token, questionnaireID: "essai", version: 1) }
        #expect(another?.kind == .tokenOfAnotherQuestionnaire)
        #expect(another?.message.contains("autre questionnaire") == true)
        let anotherStart = #expect(throws: StoreError.self) { try store.startSession(token: token, definition: definition) }
        #expect(anotherStart?.kind == .tokenOfAnotherQuestionnaire)

        let unknown = #expect(throws: StoreError.self) { try store.claim(token: "2345-6789-ABCD-EFGH", questionnaireID: "essai", version: 1) }
        #expect(unknown?.kind == .unknownToken)
        let short = #expect(throws: StoreError.self) { try store.claim(token: "K7F3-9QXM", questionnaireID: "essai", version: 1) }
        #expect(short?.kind == .invalidToken)
        #expect(short?.message.contains("8 caractères au lieu de 16") == true)
        let lookAlike = #expect(throws: StoreError.self) { try store.claim(token: "K7F0-9QXM-2PAB-H4TR", questionnaireID: "essai", version: 1) }
        #expect(lookAlike?.kind == .invalidToken)
        #expect(lookAlike?.message.contains("ni 0, ni O") == true)
        let revokeUnknown = #expect(throws: StoreError.self) { try store.revoke(token: "2345-6789-ABCD-EFGH") }
        #expect(revokeUnknown?.kind == .unknownToken)

        // Nothing changed: no session, the token still unused.
        #expect(try store.status().isEmpty)
        #expect(try store.tokens().map(\.state) == [.unused])
    }

    @Test func anotherVersionOfTheSameQuestionnaireIsAccepted() throws {
        let store = try ResponseStore.inMemory()
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        #expect(try store.claim(token: token, questionnaireID: "essai", version: 2) == .start)
    }

    @Test func deletingAnUnfinishedSessionFreesItsToken() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        let session = try store.startSession(token: token, definition: definition)
        let plan = try store.purgePlan(session: session.id)
        #expect(plan.tokensFreed == 1)
        try store.purge(plan)
        #expect(try store.claim(token: token, questionnaireID: "essai", version: 1) == .start)
    }

    @Test func aVersionOneStoreIsUpgraded() throws {
        let path = temporaryDirectory() + "/v1.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
        try queue.close()
        let store = try ResponseStore.open(at: path)
        let version = try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == Schema.schemaVersion)
        #expect(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).count == 1)
    }
}
