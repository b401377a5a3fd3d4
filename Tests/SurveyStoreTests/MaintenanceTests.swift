import Foundation
import GRDB
import SurveyCore
import Testing
@testable import SurveyStore

@Suite struct PermissionTests {
    @Test func aPrivateStoreHasNoWarning() throws {
        let path = temporaryDirectory() + "/prive.sqlite"
        let store = try ResponseStore.open(at: path)
        #expect(store.permissionWarning() == nil)
        #expect(try ResponseStore.inMemory().permissionWarning() == nil)
    }

    @Test func aStoreReadableByOthersIsWarnedAbout() throws {
        let path = temporaryDirectory() + "/ouvert.sqlite"
        let store = try ResponseStore.open(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let warning = try #require(store.permissionWarning())
        #expect(warning.contains("droits 644"))
        #expect(warning.contains("chmod 600 '\(path)'"))
        #expect(warning.contains("confidentielles"))
        // Only the store file itself is open to others here (the -wal and -shm files take the
        // mode SQLite gave them from the private file).
        let problem = try #require(store.permissionProblem())
        guard case .readableByOthers(let files) = problem else {
            Issue.record("\(problem)")
            return
        }
        #expect(files.contains(StoreProblem.FileMode(path: path, mode: 0o644)))
        #expect(files.allSatisfy { $0.mode & 0o077 != 0 })
        let english = Problem.store(problem).message(in: .en)
        #expect(english.contains("(mode 644)") && english.contains("chmod 600 '\(path)'"))
    }

    @Test func theWarningNamesEveryOpenFile() {
        let problem = StoreProblem.readableByOthers([.init(path: "a.sqlite", mode: 0o644), .init(path: "a.sqlite-wal", mode: 0o664)])
        #expect(
            Problem.store(problem).message(in: .fr)
                == "Attention : « a.sqlite » (droits 644), « a.sqlite-wal » (droits 664) sont lisibles par d'autres utilisateurs que vous, "
                + "alors que les réponses sont confidentielles. Rendez ces fichiers privés : chmod 600 'a.sqlite' 'a.sqlite-wal'")
    }
}

@Suite struct PurgeTests {
    static let secret = "ZEBRE-CONFIDENTIEL-7731"

    /// Bytes of the store and its -wal and -shm files.
    static func contains(_ text: String, in path: String) -> [String] {
        [path, path + "-wal", path + "-shm", path + "-journal"].filter { file in
            guard let data = FileManager.default.contents(atPath: file) else { return false }
            return data.range(of: Data(text.utf8)) != nil
        }
    }

    @Test func purgingASessionLeavesNoTraceOfItsAnswers() throws {
        let path = temporaryDirectory() + "/purge.sqlite"
        let store = try ResponseStore.open(at: path)
        let definition = try store.register(try Fixture.load())
        let kept = try store.startSession(definition: definition)
        try store.save(.text("réponse gardée"), for: AnswerKey("commentaire"), session: kept.id)
        let session = try store.startSession(definition: definition)
        // An earlier version of the answer, then the final one: neither may remain.
        try store.save(.text(Self.secret + " brouillon"), for: AnswerKey("commentaire"), session: session.id)
        try store.save(.text(Self.secret), for: AnswerKey("commentaire"), session: session.id)
        try store.save(.number(51), for: AnswerKey("age"), session: session.id)
        try store.complete(session: session.id)
        try store.checkpoint()
        #expect(!Self.contains(Self.secret, in: path).isEmpty, "the test must see the text before the purge")

        let plan = try store.purgePlan(session: session.id.lowercased())
        #expect(plan.sessionIDs == [session.id])
        #expect(plan.completedCount == 1 && plan.inProgressCount == 0)
        #expect(plan.answerCount == 2)
        #expect(try store.purge(plan) == [session.id])

        #expect(Self.contains(Self.secret, in: path) == [])
        #expect(try store.session(id: session.id) == nil)
        #expect(try store.answers(session: kept.id) == [AnswerKey("commentaire"): .text("réponse gardée")])
        #expect(try store.integrityCheck() == ["ok"])
        // Still none after the store is closed and reopened.
        let reopened = try ResponseStore.open(at: path)
        #expect(try reopened.status().first?.started == 1)
        #expect(Self.contains(Self.secret, in: path) == [])
    }

    @Test func purgingOldUnfinishedSessions() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let now = Date()
        let old = try store.startSession(definition: definition, at: now.addingTimeInterval(-40 * 86_400))
        try store.save(.number(30), for: AnswerKey("age"), session: old.id)
        let recent = try store.startSession(definition: definition, at: now.addingTimeInterval(-86_400))
        let oldCompleted = try store.startSession(definition: definition, at: now.addingTimeInterval(-50 * 86_400))
        try store.complete(session: oldCompleted.id)

        let plan = try store.purgePlan(incompleteStartedBefore: now.addingTimeInterval(-30 * 86_400))
        #expect(plan.sessionIDs == [old.id])
        #expect(plan.answerCount == 1)
        try store.purge(plan)
        #expect(try store.session(id: old.id) == nil)
        #expect(try store.session(id: recent.id) != nil)
        #expect(try store.session(id: oldCompleted.id) != nil)
    }

    @Test func aSessionCompletedAfterThePlanIsNotPurgedAsIncomplete() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let session = try store.startSession(definition: definition, at: Date().addingTimeInterval(-40 * 86_400))
        let plan = try store.purgePlan(incompleteStartedBefore: Date().addingTimeInterval(-30 * 86_400))
        try store.complete(session: session.id)
        #expect(try store.purge(plan) == [])
        #expect(try store.session(id: session.id)?.status == .completed)
    }

    @Test func anUnknownSessionIsToldAndNothingIsDeleted() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        _ = try store.startSession(definition: definition)
        let error = #expect(throws: StoreError.self) { try store.purgePlan(session: "ZZZZ2222") }
        #expect(error?.kind == .unknownSession)
        #expect(error?.message.contains("Rien n'a été supprimé") == true)
        #expect(try store.status().first?.started == 1)
    }
}

@Suite struct BackupTests {
    @Test func aBackupTakenWhileAnswersAreWrittenIsConsistent() throws {
        let directory = temporaryDirectory()
        let store = try ResponseStore.open(at: directory + "/vivant.sqlite")
        let definition = try store.register(try Fixture.load())
        let sessions = try (0..<4).map { _ in try store.startSession(definition: definition) }
        let writes = 400
        // Each transaction writes the same number to two variables: a consistent copy never has
        // one without the other, or two different numbers.
        let writer = Thread {
            for index in 0..<writes {
                let session = sessions[index % sessions.count]
                try? store.save(
                    [(AnswerKey("age"), .number(Double(index))), (AnswerKey("item_a"), .choice("\(index)"))], session: session.id)
            }
        }
        writer.start()
        var copies: [String] = []
        for index in 0..<5 {
            let copy = directory + "/copie\(index).sqlite"
            try store.backup(to: copy)
            copies.append(copy)
        }
        while !writer.isFinished { usleep(10_000) }
        for copy in copies {
            let attributes = try FileManager.default.attributesOfItem(atPath: copy)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
            let queue = try DatabaseQueue(path: copy)
            try queue.read { db in
                #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.id, a.value_number, b.value_text FROM sessions s
                        LEFT JOIN answers a ON a.session_id = s.id AND a.variable = 'age'
                        LEFT JOIN answers b ON b.session_id = s.id AND b.variable = 'item_a'
                        """)
                #expect(rows.count == sessions.count)
                for row in rows {
                    let number: Double? = row[1]
                    let text: String? = row[2]
                    #expect(number.map { "\(Int($0))" } == text, "half a transaction in the copy")
                }
            }
            try queue.close()
            // The copy is a store prst opens.
            #expect(try ResponseStore.open(at: copy).status().first?.started == sessions.count)
        }
        let last = try ResponseStore.open(at: copies[copies.count - 1])
        #expect(try last.integrityCheck() == ["ok"])
    }

    @Test func aBackupRefusesToOverwriteUnlessAsked() throws {
        let directory = temporaryDirectory()
        let store = try ResponseStore.open(at: directory + "/source.sqlite")
        let target = directory + "/existant.sqlite"
        try "à garder".write(toFile: target, atomically: true, encoding: .utf8)
        let error = #expect(throws: StoreError.self) { try store.backup(to: target) }
        #expect(error?.message.contains("--force") == true)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "à garder")
        try store.backup(to: target, replacing: true)
        #expect(try ResponseStore.open(at: target).integrityCheck() == ["ok"])
        let itself = #expect(throws: StoreError.self) { try store.backup(to: directory + "/source.sqlite", replacing: true) }
        #expect(itself?.message.contains("fichier de réponses lui-même") == true)
        // No temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") } == [])
    }
}
