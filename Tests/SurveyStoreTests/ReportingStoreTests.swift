import Foundation
import GRDB
import Synchronization
import SurveyCore
import Testing
@testable import SurveyStore

/// One response per unit × period × questionnaire version (schema v3).
@Suite struct ReportingStoreTests {
    static let referential = """
        format: 1
        units:
          communes:
            kind: commission
            items:
              - {code: c1, label: "Commission des Alpes"}
              - {code: c2, label: "Commission du Rhône"}
        """

    static func main(title: String = "Suivi") -> String {
        """
        format: 1
        id: suivi
        version: 1
        title: "\(title)"
        population: pilotes
        include: [lib.yaml]
        reporting:
          units: communes
          periods: [2020, 2021]
        sections:
          - id: s1
            title: "Partie"
            questions:
              - {id: nombre, type: number, min: 0, label: "Combien ?"}
        """
    }

    static func load(title: String = "Suivi") throws -> LoadedQuestionnaire { try Fixture.load(main(title: title), library: referential) }

    static let key = ReportingKey(unit: "c1", period: "2021")

    static func sessionCount(_ store: ResponseStore) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions") ?? -1 }
    }

    @Test func theKeyIsStoredAndReadBack() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Self.load())
        guard case .started(let info) = try store.startSession(definition: definition, reporting: Self.key) else {
            Issue.record("a new key must start a session")
            return
        }
        #expect(info.reporting == Self.key)
        try store.save(.number(4), for: AnswerKey("nombre"), session: info.id)
        try store.complete(session: info.id)
        let plain = try store.startSession(definition: definition)
        #expect(plain.reporting == nil)
        #expect(try store.session(id: info.id)?.reporting == Self.key)
        var read: [String: ReportingKey?] = [:]
        try store.forEachResponse(questionnaireID: "suivi", version: 1) { read[$0.sessionID] = $0.reporting }
        #expect(read == [info.id: Self.key, plain.id: nil])
    }

    @Test func aSecondResponseForACompletedKeyIsRefusedWithTheUnitsLabel() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Self.load())
        guard case .started(let info) = try store.startSession(definition: definition, reporting: Self.key) else { throw FixtureError(diagnostics: []) }
        try store.complete(session: info.id)
        let error = #expect(throws: StoreError.self) { try store.startSession(definition: definition, reporting: Self.key) }
        #expect(
            error?.problem
                == .reportingResponseAlreadySent(questionnaireID: "suivi", version: 1, unit: "c1", unitLabel: "Commission des Alpes", period: "2021"))
        #expect(error?.kind == .conflict)
        #expect(error?.message.contains("« Commission des Alpes » (c1) pour la période 2021") == true)
        #expect(error?.message.contains("équipe d'évaluation") == true)
        #expect(error?.message(in: .en).contains("ask the evaluation team") == true)
        #expect(try Self.sessionCount(store) == 1)
        // Another period, another unit: each is a key of its own.
        guard case .started = try store.startSession(definition: definition, reporting: ReportingKey(unit: "c1", period: "2020")) else {
            Issue.record("another period must start")
            return
        }
        guard case .started = try store.startSession(definition: definition, reporting: ReportingKey(unit: "c2", period: "2021")) else {
            Issue.record("another unit must start")
            return
        }
    }

    @Test func anUnfinishedKeyIsHandedBackToResumeEvenFromAnotherSnapshot() throws {
        let store = try ResponseStore.inMemory()
        let first = try store.register(try Self.load())
        guard case .started(let info) = try store.startSession(definition: first, reporting: Self.key) else { throw FixtureError(diagnostics: []) }
        try store.save(.number(2), for: AnswerKey("nombre"), session: info.id)
        // A compatible edit of the same version (another title) is another snapshot.
        let second = try store.register(try Self.load(title: "Suivi annuel"))
        #expect(second != first)
        let again = try store.startSession(definition: second, reporting: Self.key)
        #expect(again == .resumable(info))
        #expect(try store.answers(session: info.id)[AnswerKey("nombre")] == .number(2))
        #expect(try Self.sessionCount(store) == 1)
    }

    @Test func theTriggersRefuseASecondKeyWhateverWritesIt() throws {
        let store = try ResponseStore.inMemory()
        let first = try store.register(try Self.load())
        let second = try store.register(try Self.load(title: "Suivi annuel"))
        _ = try store.startSession(definition: first, reporting: Self.key)
        for definition in [first, second] {
            let error = #expect(throws: DatabaseError.self) {
                try store.writer.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO sessions (id, resume_code, definition_id, status, origin, started_at, unit, period)
                            VALUES ('AUTRE\(definition.rawValue)', 'CODE\(definition.rawValue)', ?, 'in_progress', 'respondent', 0, 'c1', '2021')
                            """, arguments: [definition.rawValue])
                }
            }
            #expect(error?.message == Schema.reportingKeyTaken)
        }
        // Moving a session onto a taken key, or a unit without a period, is refused too.
        guard case .started(let other) = try store.startSession(definition: first, reporting: ReportingKey(unit: "c2", period: "2021")) else {
            throw FixtureError(diagnostics: [])
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE sessions SET unit = 'c1' WHERE id = ?", arguments: [other.id]) }
        }
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in try db.execute(sql: "UPDATE sessions SET period = NULL WHERE id = ?", arguments: [other.id]) }
        }
        #expect(try Self.sessionCount(store) == 2)
    }

    @Test func concurrentStartsOnOneFileGiveOneSession() throws {
        let path = temporaryDirectory() + "/suivi.sqlite"
        let definition = try ResponseStore.open(at: path).register(try Self.load())
        let stores = try (0..<6).map { _ in try ResponseStore.open(at: path) }
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: stores.count) { index in
            let outcome: String
            switch Result(catching: { try stores[index].startSession(definition: definition, reporting: Self.key) }) {
            case .success(.started(let info)): outcome = "started \(info.id)"
            case .success(.resumable(let info)): outcome = "resumable \(info.id)"
            case .failure(let error): outcome = "failed \(error)"
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let all = outcomes.withLock { $0 }
        #expect(all.filter { $0.hasPrefix("started") }.count == 1)
        #expect(all.filter { $0.hasPrefix("resumable") }.count == stores.count - 1)
        #expect(Set(all.map { $0.split(separator: " ").last ?? "" }).count == 1)
        #expect(try Self.sessionCount(stores[0]) == 1)
    }

    @Test func theImportWriterStoresTheKeyAndRefusesADuplicate() throws {
        let store = try ResponseStore.inMemory()
        let loaded = try Self.load()
        func record(_ id: String, _ key: ReportingKey?) -> ResponseRecord {
            ResponseRecord(
                sessionID: id, questionnaireID: "suivi", questionnaireVersion: 1, population: "pilotes", status: .completed, origin: .imported,
                startedAt: Date(timeIntervalSince1970: 10), completedAt: Date(timeIntervalSince1970: 20), answers: [AnswerKey("nombre"): .number(1)],
                reporting: key)
        }
        try store.importSessions(loaded) { writer in
            try writer.add(record("IMPORT01", Self.key))
            try writer.add(record("IMPORT02", nil))
        }
        var read: [String: ReportingKey?] = [:]
        try store.forEachResponse(questionnaireID: "suivi", version: 1) { read[$0.sessionID] = $0.reporting }
        #expect(read == ["IMPORT01": Self.key, "IMPORT02": nil])
        let error = #expect(throws: StoreError.self) {
            try store.importSessions(loaded) { writer in
                try writer.add(record("IMPORT03", ReportingKey(unit: "c2", period: "2020")))
                try writer.add(record("IMPORT04", Self.key))
            }
        }
        #expect(error?.problem == .reportingKeyAlreadyStored(questionnaireID: "suivi", version: 1, unit: "c1", period: "2021", session: "IMPORT01"))
        #expect(try Self.sessionCount(store) == 2)
    }

    @Test func mergeCarriesTheKeyAndRefusesTwoSessionsForIt() throws {
        let directory = temporaryDirectory()
        func station(_ name: String, unit: String) throws -> ResponseStore {
            let store = try ResponseStore.open(at: directory + "/\(name).sqlite")
            let definition = try store.register(try Self.load())
            guard case .started(let info) = try store.startSession(definition: definition, reporting: ReportingKey(unit: unit, period: "2021")) else {
                throw FixtureError(diagnostics: [])
            }
            try store.complete(session: info.id)
            return store
        }
        let a = try station("a", unit: "c1"), b = try station("b", unit: "c2"), c = try station("c", unit: "c1")
        let target = try ResponseStore.open(at: directory + "/campagne.sqlite")
        #expect(try target.merge(from: [a, b]).sessionsAdded == 2)
        #expect(try target.merge(from: [a]).sessionsSkipped == 1)
        var keys: [ReportingKey] = []
        try target.forEachResponse(questionnaireID: "suivi", version: 1) { keys.append(contentsOf: $0.reporting.map { [$0] } ?? []) }
        #expect(keys.sorted() == [ReportingKey(unit: "c1", period: "2021"), ReportingKey(unit: "c2", period: "2021")])
        let error = #expect(throws: StoreError.self) { try target.merge(from: [c]) }
        guard case .mergeReportingConflicts(let count, let shown, _, _)? = error?.problem else {
            Issue.record("expected a reporting conflict, got \(String(describing: error))")
            return
        }
        #expect(count == 1 && shown == ["c1 × 2021 (suivi)"])
        #expect(error?.message.contains("une seule réponse par unité et par période") == true)
        #expect(try Self.sessionCount(target) == 2)
        // The backup carries the columns.
        try target.backup(to: directory + "/copie.sqlite")
        var copied: [ReportingKey] = []
        try ResponseStore.open(at: directory + "/copie.sqlite").forEachResponse(questionnaireID: "suivi", version: 1) {
            copied.append(contentsOf: $0.reporting.map { [$0] } ?? [])
        }
        #expect(copied.sorted() == keys.sorted())
    }

    @Test func anInvitationCodeStartsAKeyOnlyIfNoOtherSessionHoldsIt() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Self.load())
        let tokens = try store.createTokens(count: 3, questionnaireID: "suivi", version: 1)
        let invited = try store.startSession(token: tokens[0], definition: definition, reporting: Self.key)
        #expect(invited.reporting == Self.key)
        let taken = #expect(throws: StoreError.self) { try store.startSession(token: tokens[1], definition: definition, reporting: Self.key) }
        #expect(
            taken?.problem == .reportingResponseInProgress(questionnaireID: "suivi", version: 1, unit: "c1", unitLabel: "Commission des Alpes", period: "2021"))
        try store.complete(session: invited.id)
        let sent = #expect(throws: StoreError.self) { try store.startSession(token: tokens[1], definition: definition, reporting: Self.key) }
        #expect(
            sent?.problem == .reportingResponseAlreadySent(questionnaireID: "suivi", version: 1, unit: "c1", unitLabel: "Commission des Alpes", period: "2021"))
        // The refused code is still unused.
        #expect(try store.claim(token: tokens[1], questionnaireID: "suivi", version: 1) == .start)
        #expect(try Self.sessionCount(store) == 1)
    }

    @Test func aVersionTwoStoreIsUpgradedWithoutKeys() throws {
        let path = temporaryDirectory() + "/v2.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v2")
        try queue.close()
        let store = try ResponseStore.open(at: path)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 3)
        let definition = try store.register(try Self.load())
        #expect(try store.startSession(definition: definition).reporting == nil)
    }

    @Test func progressCountsUnitsPerPeriod() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Self.load())
        guard case .started(let done) = try store.startSession(definition: definition, reporting: Self.key) else { throw FixtureError(diagnostics: []) }
        try store.complete(session: done.id)
        _ = try store.startSession(definition: definition, reporting: ReportingKey(unit: "c2", period: "2021"))
        _ = try store.startSession(definition: definition)
        #expect(
            try store.reportingProgress() == [
                ReportingProgress(questionnaireID: "suivi", version: 1, period: "2021", completedUnits: ["c1"], inProgressUnits: ["c2"])
            ])
    }
}
