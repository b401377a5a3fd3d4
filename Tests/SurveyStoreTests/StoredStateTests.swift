import Foundation
import GRDB
import SurveyCore
import Testing
@testable import SurveyStore

@Suite struct StoredStateTests {
    /// Every case goes into SQLite as its word and comes back as itself.
    func roundTrip<State: StoredState & Equatable>(_ type: State.Type) throws {
        let queue = try DatabaseQueue()
        for state in State.allCases {
            let back = try queue.read { db in try State.fetchOne(db, sql: "SELECT ?", arguments: [state]) }
            #expect(back == state)
            let word = try queue.read { db in try String.fetchOne(db, sql: "SELECT ?", arguments: [state]) }
            #expect(word == state.rawValue)
        }
    }

    @Test func everyStateRoundTripsThroughGRDB() throws {
        try roundTrip(SessionStatus.self)
        try roundTrip(SessionOrigin.self)
        try roundTrip(TokenState.self)
    }

    /// The raw values are the words the schema already allows: existing stores open unchanged.
    @Test func rawValuesAreTheWordsOfTheSchema() throws {
        let store = try ResponseStore.inMemory()
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ('sessions', 'tokens') ORDER BY name")
        }
        func check<State: StoredState>(_ column: String, _ type: State.Type) -> String {
            "CHECK (\(column) IN (" + State.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + "))"
        }
        #expect(tables.count == 2)
        #expect(tables[0].contains(check("status", SessionStatus.self)))
        #expect(tables[0].contains(check("origin", SessionOrigin.self)))
        #expect(tables[1].contains(check("state", TokenState.self)))
    }

    @Test func tokenStatesAreOrderedByHowFarAlongTheyAre() {
        #expect(TokenState.allCases.shuffled().sorted() == [.unused, .inProgress, .completed, .revoked])
        #expect(TokenState.revoked > .completed && TokenState.completed > .inProgress && TokenState.inProgress > .unused)
    }

    // MARK: - A file edited by hand

    /// A store whose one session and one token hold words no prst writes (the file edited with
    /// the CHECK constraints off).
    static func tampered(status: (any DatabaseValueConvertible)? = nil, origin: String? = nil, tokenState: String? = nil) throws -> (ResponseStore, String) {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let token = try #require(try store.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        let session = try store.startSession(definition: definition)
        try store.save(.number(30), for: AnswerKey("age"), session: session.id)
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            if let status { try db.execute(sql: "UPDATE sessions SET status = ?", arguments: [status.databaseValue]) }
            if let origin { try db.execute(sql: "UPDATE sessions SET origin = ?", arguments: [origin]) }
            if let tokenState { try db.execute(sql: "UPDATE tokens SET state = ?", arguments: [tokenState]) }
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        return (store, token)
    }

    @Test func anUnknownSessionStatusIsAClearErrorEverywhere() throws {
        let (store, _) = try Self.tampered(status: "abandoned")
        let id = try #require(try store.writer.read { db in try String.fetchOne(db, sql: "SELECT id FROM sessions") })
        let expected = "La session « \(id) » a un état inconnu (« abandoned ») : la base a peut-être été modifiée à la main."
        let lookup = #expect(throws: StoreError.self) { try store.session(id: id) }
        #expect(lookup?.message == expected)
        let saving = #expect(throws: StoreError.self) { try store.save(.number(31), for: AnswerKey("age"), session: id) }
        #expect(saving?.message == expected)
        let reading = #expect(throws: StoreError.self) { try store.forEachResponse(questionnaireID: "essai", version: 1) { _ in } }
        #expect(reading?.message == expected)
        let status = #expect(throws: StoreError.self) { try store.status() }
        #expect(status?.message.contains("Une session du questionnaire « essai » version 1 a un état inconnu (« abandoned »)") == true)
        let purge = #expect(throws: StoreError.self) { try store.purgePlan(session: id) }
        #expect(purge?.message == expected)
    }

    /// Bytes where a word belongs (a TEXT column keeps a blob as it is): asking GRDB for a
    /// String there would stop the program.
    @Test func bytesInAStateColumnAreAnErrorNotACrash() throws {
        let (store, _) = try Self.tampered(status: Data([0x01, 0x02]))
        let error = #expect(throws: StoreError.self) { try store.status() }
        #expect(error?.message.contains("a un état inconnu (« x'0102' »)") == true)
        let id = try #require(try store.writer.read { db in try String.fetchOne(db, sql: "SELECT id FROM sessions") })
        #expect(throws: StoreError.self) { try store.session(id: id) }
    }

    @Test func anUnknownOriginIsAClearError() throws {
        let (store, _) = try Self.tampered(origin: "robot")
        let error = #expect(throws: StoreError.self) { try store.forEachResponse(questionnaireID: "essai", version: 1) { _ in } }
        #expect(error?.message.contains("a un état inconnu (« robot »)") == true)
    }

    /// Before, an unknown token state was silently shown as "non utilisé".
    @Test func anUnknownTokenStateIsAClearError() throws {
        let (store, token) = try Self.tampered(tokenState: "lost")
        let expected = "Le code d'invitation \(token.prefix(4))-… a un état inconnu (« lost ») : la base a peut-être été modifiée à la main."
        let listing = #expect(throws: StoreError.self) { try store.tokens() }
        #expect(listing?.message == expected)
        let claim = #expect(throws: StoreError.self) { try store.claim(token: token, questionnaireID: "essai", version: 1) }
        #expect(claim?.message == expected)
        let revoke = #expect(throws: StoreError.self) { try store.revoke(token: token) }
        #expect(revoke?.message == expected)
    }

    /// A merge reads whole session records: an unknown word there stops the merge with a message.
    @Test func mergingAHandEditedStoreIsRefusedClearly() throws {
        let (source, _) = try Self.tampered(status: "abandoned")
        let target = try ResponseStore.inMemory()
        let error = #expect(throws: StoreError.self) { try target.merge(from: [source]) }
        #expect(error?.message == "La base de réponses contient une valeur que prst ne connaît pas : la base a peut-être été modifiée à la main.")
        #expect(try target.status().isEmpty)
    }

    // MARK: - Merge ranking

    /// The same token in two stores, in every pair of states that needs no session: the merge
    /// keeps the more advanced one, whichever side it is on.
    @Test func mergeKeepsTheMostAdvancedTokenState() throws {
        let states: [TokenState] = [.unused, .completed, .revoked]
        for mine in states {
            for theirs in states {
                let target = try ResponseStore.inMemory()
                let source = try ResponseStore.inMemory()
                for (store, state) in [(target, mine), (source, theirs)] {
                    try store.writer.write { db in
                        try db.execute(
                            sql:
                                "INSERT INTO tokens (token_hash, prefix, questionnaire_id, version, state, session_id, created_at) VALUES ('h', 'K7F3', 'essai', 1, ?, NULL, 0)",
                            arguments: [state])
                    }
                }
                let report = try target.merge(from: [source])
                #expect(try target.tokens().map(\.state) == [max(mine, theirs)], "\(mine) + \(theirs)")
                #expect(report.tokensUpdated == (theirs > mine ? 1 : 0), "\(mine) + \(theirs)")
            }
        }
    }
}

@Suite struct StatusOriginTests {
    /// Simulated and imported sessions are counted apart; imported ones have no real duration.
    @Test func statusCountsOriginsAndLeavesImportedOutOfTheMedian() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let t0 = Date(timeIntervalSince1970: 1_750_000_000)
        for (origin, duration) in [(SessionOrigin.respondent, 100.0), (.simulated, 300), (.imported, 5000), (.imported, 7000)] {
            let session = try store.startSession(definition: definition, origin: origin, at: t0)
            try store.complete(session: session.id, at: t0.addingTimeInterval(duration))
        }
        _ = try store.startSession(definition: definition, origin: .simulated, at: t0)
        #expect(
            try store.status() == [
                StatusRow(
                    questionnaireID: "essai", version: 1, population: "pilotes", started: 5, inProgress: 1, completed: 4, medianCompletionSeconds: 200,
                    simulated: 2, imported: 2)
            ])
    }
}
