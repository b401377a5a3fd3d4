import Foundation
import GRDB
import SurveyCore
import Testing
@testable import SurveyStore

@Suite struct MergeTests {
    /// A store with `count` completed sessions and one in progress, and a token of each state.
    static func station(_ path: String, count: Int) throws -> (ResponseStore, [String]) {
        let store = try ResponseStore.open(at: path)
        let definition = try store.register(try Fixture.load())
        var ids: [String] = []
        for index in 0..<count {
            let session = try store.startSession(definition: definition)
            try store.save(.number(Double(20 + index)), for: AnswerKey("age"), session: session.id)
            try store.save(.text("poste \(path.hashValue) \(index)"), for: AnswerKey("commentaire"), session: session.id)
            try store.complete(session: session.id)
            ids.append(session.id)
        }
        let tokens = try store.createTokens(count: 3, questionnaireID: "essai", version: 1)
        let running = try store.startSession(token: tokens[0], definition: definition)
        try store.save(.number(33), for: AnswerKey("age"), session: running.id)
        ids.append(running.id)
        try store.revoke(token: tokens[1])
        return (store, ids)
    }

    static func counts(_ store: ResponseStore) throws -> [Int] {
        try store.writer.read { db in
            try ["definitions", "sessions", "answers", "tokens"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
    }

    @Test func mergingTheSameStoreTwiceDuplicatesNothing() throws {
        let directory = temporaryDirectory()
        let (a, idsA) = try Self.station(directory + "/a.sqlite", count: 3)
        let (b, idsB) = try Self.station(directory + "/b.sqlite", count: 2)
        let target = try ResponseStore.open(at: directory + "/campagne.sqlite")

        let first = try target.merge(from: [a, b])
        #expect(first.sessionsAdded == idsA.count + idsB.count)
        #expect(first.sessionsSkipped == 0)
        #expect(first.definitionsAdded == 1 && first.definitionsKnown == 1)
        #expect(first.tokensAdded == 6)
        let after = try Self.counts(target)
        #expect(after == [1, 7, 3 * 2 + 1 + 2 * 2 + 1, 6])

        let second = try target.merge(from: [a])
        #expect(second.sessionsAdded == 0 && second.sessionsSkipped == idsA.count)
        #expect(second.answersAdded == 0)
        #expect(second.tokensAdded == 0 && second.tokensSkipped == 3)
        #expect(try Self.counts(target) == after)

        // Answers and states came across; the in-progress token still resumes its session.
        #expect(try target.answers(session: idsA[0]) == a.answers(session: idsA[0]))
        #expect(try target.status().first?.completed == 5)
        let states = try target.tokens().map(\.state)
        #expect(states.filter { $0 == .inProgress }.count == 2 && states.filter { $0 == .revoked }.count == 2)
        #expect(try target.integrityCheck() == ["ok"])
    }

    @Test func aSessionWithTheSameIdAndOtherContentIsRefused() throws {
        let directory = temporaryDirectory()
        let (a, ids) = try Self.station(directory + "/a.sqlite", count: 1)
        let copy = directory + "/a-ancienne.sqlite"
        try a.backup(to: copy)
        // The respondent in progress goes on after the copy.
        try a.save(.number(34), for: AnswerKey("age"), session: ids[1])
        let target = try ResponseStore.open(at: directory + "/campagne.sqlite")
        _ = try target.merge(from: [try ResponseStore.open(at: copy)])
        let before = try Self.counts(target)
        let error = #expect(throws: StoreError.self) { try target.merge(from: [a]) }
        #expect(error?.kind == .conflict)
        #expect(error?.message.contains(ids[1]) == true)
        #expect(error?.message.contains("copie la plus récente") == true)
        // Never an answer's value (session ids and the directory are random and may hold "34").
        let withoutIDs = (ids + [directory]).reduce(error?.message ?? "") { $0.replacingOccurrences(of: $1, with: "") }
        #expect(!withoutIDs.contains("34"))
        #expect(try Self.counts(target) == before)
    }

    @Test func conflictingDefinitionsAreRefusedAndNothingIsMerged() throws {
        let directory = temporaryDirectory()
        let (a, _) = try Self.station(directory + "/a.sqlite", count: 2)
        let b = try ResponseStore.open(at: directory + "/b.sqlite")
        let changed = try Fixture.load(replacing: "- {code: bleu, label: \"Bleu\"}", with: "")
        let session = try b.startSession(definition: try b.register(changed))
        try b.complete(session: session.id)
        let target = try ResponseStore.open(at: directory + "/campagne.sqlite")
        let error = #expect(throws: StoreError.self) { try target.merge(from: [a, b]) }
        #expect(error?.kind == .incompatibleDefinition)
        #expect(error?.details.contains { $0.contains("bleu") } == true)
        // All in one transaction: a's sessions were not kept either.
        #expect(try Self.counts(target) == [0, 0, 0, 0])
    }

    @Test func aWordingChangeIsMerged() throws {
        let directory = temporaryDirectory()
        let (a, _) = try Self.station(directory + "/a.sqlite", count: 1)
        let b = try ResponseStore.open(at: directory + "/b.sqlite")
        let reworded = try Fixture.load(replacing: "Votre âge ?", with: "Quel est votre âge ?")
        try b.complete(session: try b.startSession(definition: try b.register(reworded)).id)
        let target = try ResponseStore.open(at: directory + "/campagne.sqlite")
        let report = try target.merge(from: [a, b])
        #expect(report.definitionsAdded == 2)
        #expect(report.sessionsAdded == 3)
    }

    @Test func tokensTakeTheMostAdvancedState() throws {
        let directory = temporaryDirectory()
        let a = try ResponseStore.open(at: directory + "/a.sqlite")
        let tokens = try a.createTokens(count: 2, questionnaireID: "essai", version: 1)
        let copy = directory + "/b.sqlite"
        try a.backup(to: copy)
        let b = try ResponseStore.open(at: copy)
        // Token 0 used and completed on the second machine, token 1 revoked on the first.
        try b.complete(session: try b.startSession(token: tokens[0], definition: try b.register(try Fixture.load())).id)
        try a.revoke(token: tokens[1])
        let report = try a.merge(from: [b])
        #expect(report.tokensUpdated == 1)
        #expect(try a.tokens().map(\.state).sorted() == [.completed, .revoked])
    }

    /// The same token started on two stations: both sessions are kept and the merge says so.
    @Test func aTokenInProgressOnTwoStationsIsNoted() throws {
        let directory = temporaryDirectory()
        let a = try ResponseStore.open(at: directory + "/a.sqlite")
        let token = try #require(try a.createTokens(count: 1, questionnaireID: "essai", version: 1).first)
        try a.backup(to: directory + "/b.sqlite")
        let b = try ResponseStore.open(at: directory + "/b.sqlite")
        _ = try a.startSession(token: token, definition: try a.register(try Fixture.load()))
        _ = try b.startSession(token: token, definition: try b.register(try Fixture.load()))
        let report = try a.merge(from: [b])
        #expect(report.sessionsAdded == 1)
        #expect(report.warnings == [.tokenUsedOnTwoStations(prefix: String(token.prefix(4)))])
        #expect(
            report.notes == [
                "Le code d'invitation \(token.prefix(4))-… a servi sur deux postes : les deux réponses sont gardées ; vérifiez qu'il n'a pas été transmis à deux personnes."
            ])
    }

    @Test func theTargetItselfIsRefused() throws {
        let directory = temporaryDirectory()
        let (a, _) = try Self.station(directory + "/a.sqlite", count: 1)
        let again = try ResponseStore.open(at: directory + "/a.sqlite")
        let error = #expect(throws: StoreError.self) { try a.merge(from: [again]) }
        #expect(error?.message.contains("destination lui-même") == true)
    }
}
