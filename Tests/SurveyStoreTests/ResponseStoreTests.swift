import Foundation
import GRDB
import SurveyCore
import Testing
@testable import SurveyStore

@Suite struct OpeningTests {
    @Test func migratesAnEmptyFileAndReopens() throws {
        let path = temporaryDirectory() + "/prst.sqlite"
        let store = try ResponseStore.open(at: path)
        #expect(try store.integrityCheck() == ["ok"])
        let (applicationID, userVersion, tables) = try store.writer.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            )
        }
        #expect(applicationID == Schema.applicationID)
        #expect(userVersion == Schema.schemaVersion)
        #expect(tables.contains("definitions") && tables.contains("sessions") && tables.contains("answers") && tables.contains("grdb_migrations"))
        let journal = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let definition = try store.register(try Fixture.load())
        let session = try store.startSession(definition: definition)
        try store.save(.number(42), for: AnswerKey("age"), session: session.id)

        let reopened = try ResponseStore.open(at: path)
        #expect(try reopened.answers(session: session.id) == [AnswerKey("age"): .number(42)])
        let settings = try reopened.writer.write { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA synchronous"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        #expect(settings.0 == 2)  // FULL
        #expect(settings.1 == 1)
        #expect((settings.2 ?? 0) >= 10_000)
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let path = temporaryDirectory() + "/vide.sqlite"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try ResponseStore.open(at: path)
        #expect(try store.status().isEmpty)
    }

    @Test func filesArePrivate() throws {
        let path = temporaryDirectory() + "/prst.sqlite"
        let store = try ResponseStore.open(at: path)
        let session = try store.startSession(definition: try store.register(try Fixture.load()))
        try store.save(.text("x"), for: AnswerKey("commentaire"), session: session.id)
        for file in [path, path + "-wal", path + "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(permissions == 0o600, "\(file)")
        }
    }

    @Test func refusesASQLiteFileThatIsNotAStore() throws {
        let path = temporaryDirectory() + "/autre.sqlite"
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE clients (nom TEXT); INSERT INTO clients VALUES ('x')") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try ResponseStore.open(at: path) }
        #expect(error?.kind == .notAStore)
        #expect(error?.message.contains("n'est pas un fichier de réponses prst") == true)
        // Left untouched: not switched to WAL, no -wal file.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesATextFile() throws {
        let path = temporaryDirectory() + "/notes.txt"
        try "Réunion du comité : 12 mars\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: StoreError.self) { try ResponseStore.open(at: path) }
        #expect(error?.kind == .notAStore)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Réunion du comité : 12 mars\n")
    }

    @Test func refusesAStoreFromANewerPrst() throws {
        let path = temporaryDirectory() + "/futur.sqlite"
        _ = try ResponseStore.open(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "PRAGMA user_version = \(Schema.schemaVersion + 1)") }
        try queue.close()
        let error = #expect(throws: StoreError.self) { try ResponseStore.open(at: path) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.message.contains("mettez prst à jour") == true)
    }

    @Test func refusesAStoreWithAnUnknownMigration() throws {
        let path = temporaryDirectory() + "/futur2.sqlite"
        _ = try ResponseStore.open(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        try queue.close()
        let error = #expect(throws: StoreError.self) { try ResponseStore.open(at: path) }
        #expect(error?.kind == .newerSchema)
    }

    @Test func refusesAMissingDirectoryOrADirectory() throws {
        let directory = temporaryDirectory()
        let missing = #expect(throws: StoreError.self) { try ResponseStore.open(at: directory + "/absent/prst.sqlite") }
        #expect(missing?.kind == .cannotOpen)
        #expect(missing?.message.contains("n'existe pas") == true)
        let isDirectory = #expect(throws: StoreError.self) { try ResponseStore.open(at: directory) }
        #expect(isDirectory?.kind == .cannotOpen)
    }

    @Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
    func refusesAReadOnlyFile() throws {
        let path = temporaryDirectory() + "/lecture.sqlite"
        _ = try ResponseStore.open(at: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        let error = #expect(throws: StoreError.self) { try ResponseStore.open(at: path) }
        #expect(error?.kind == .readOnly)
    }

    /// Twenty writers open a file that does not exist yet, all at once, each with its own
    /// connections, and each saves answers: every open succeeds and no answer is lost.
    @Test func twentyConcurrentWritersOnANewFile() throws {
        let path = temporaryDirectory() + "/concurrent.sqlite"
        let loaded = try Fixture.load()
        let writers = 20
        let answersPerWriter = 30
        let failures = Failures()
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<writers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                start.wait()
                do {
                    let store = try ResponseStore.open(at: path)
                    let session = try store.startSession(definition: try store.register(loaded))
                    for index in 0..<answersPerWriter {
                        try store.save(.number(Double(index)), for: AnswerKey("age", repetition: "r\(index)"), session: session.id)
                    }
                    try store.complete(session: session.id)
                } catch {
                    failures.append("\(error)")
                }
            }
            thread.start()
        }
        for _ in 0..<writers { start.signal() }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        let store = try ResponseStore.open(at: path)
        #expect(try store.integrityCheck() == ["ok"])
        let row = try #require(try store.status().first)
        #expect(row.started == writers && row.completed == writers)
        var total = 0
        try store.forEachResponse(questionnaireID: "essai", version: 1) { total += $0.answers.count }
        #expect(total == writers * answersPerWriter)
        let definitions = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM definitions") }
        #expect(definitions == 1)
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ text: String) { lock.withLock { storage.append(text) } }
    var all: [String] { lock.withLock { storage } }
}

@Suite struct DefinitionTests {
    @Test func snapshotRoundTrip() throws {
        let store = try ResponseStore.inMemory()
        let loaded = try Fixture.load()
        let original = try #require(loaded.questionnaire)
        let id = try store.register(loaded)
        #expect(try store.register(loaded) == id)
        let rebuilt = try store.questionnaire(for: id)
        #expect(rebuilt.variables.map(\.id) == original.variables.map(\.id))
        #expect(rebuilt.variables.map(\.valueType) == original.variables.map(\.valueType))
        #expect(rebuilt.variables.map(\.id) == ["couleurs", "age", "avis", "item_a", "item_b", "commentaire", "aime"])
        #expect(rebuilt.scales["accord4"]?.missing.map(\.code) == ["nsp"])
        #expect(rebuilt.sections.last?.foreach == "couleurs")
        #expect(try store.definitions().map(\.id) == ["essai"])
        // Stored once per distinct content, with its hash.
        let hash = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT content_hash FROM definitions") }
        #expect(hash == ResponseStore.contentHash(sources: loaded.sources, mainFile: loaded.mainFile))
        #expect(hash?.count == 64)
    }

    @Test func contentHashDependsOnEveryFile() {
        let a = ResponseStore.contentHash(sources: ["a.yaml": "x", "b.yaml": "y"], mainFile: "a.yaml")
        #expect(a == ResponseStore.contentHash(sources: ["b.yaml": "y", "a.yaml": "x"], mainFile: "a.yaml"))
        #expect(a != ResponseStore.contentHash(sources: ["a.yaml": "x", "b.yaml": "z"], mainFile: "a.yaml"))
        #expect(a != ResponseStore.contentHash(sources: ["a.yaml": "x", "b.yaml": "y"], mainFile: "b.yaml"))
        #expect(ResponseStore.contentHash(sources: ["a": "bc"], mainFile: "a") != ResponseStore.contentHash(sources: ["ab": "c"], mainFile: "a"))
    }

    @Test func wordingChangesAreAccepted() throws {
        let store = try ResponseStore.inMemory()
        let first = try store.register(try Fixture.load())
        let session = try store.startSession(definition: first)
        let relabelled = try Fixture.load(replacing: "label: \"Votre âge ?\"", with: "label: \"Quel est votre âge ?\"\n        hint: \"En années\"")
        #expect(try store.compatibilityProblems(with: relabelled).isEmpty)
        let second = try store.register(relabelled)
        #expect(second != first)
        // A new optional question and a new choice are additions, not changes.
        let added = try Fixture.load(
            replacing: "    - {code: bleu, label: \"Bleu\"}", with: "    - {code: bleu, label: \"Bleu\"}\n    - {code: noir, label: \"Noir\"}")
        #expect(try store.compatibilityProblems(with: added).isEmpty)
        // The session keeps the snapshot it was answered with; the analysis sees the latest.
        #expect(try store.session(id: session.id)?.definition == first)
        #expect(try store.questionnaire(for: first).question("age")?.label == "Votre âge ?")
        #expect(try store.definitions().first?.question("age")?.label == "Quel est votre âge ?")
    }

    @Test func structuralChangesWithoutResponsesAreAccepted() throws {
        let store = try ResponseStore.inMemory()
        _ = try store.register(try Fixture.load())
        let removed = try Fixture.load(replacing: "          - {id: item_b, label: \"Second item\"}\n", with: "")
        #expect(try store.compatibilityProblems(with: removed).isEmpty)
        _ = try store.register(removed)
    }

    @Test(arguments: [
        ("      - id: commentaire\n        type: text\n        required: false\n        label: \"Un commentaire ?\"\n", "", "la question « commentaire »"),
        ("        type: number\n        min: 0\n        max: 120\n", "        type: text\n", "le type de la question « age »"),
        ("    - {code: vert, label: \"Vert\"}\n", "", "le choix « vert » de la question « couleurs »"),
        ("          - {id: item_b, label: \"Second item\"}\n", "", "l'item « item_b »"),
        ("    foreach: couleurs\n", "", "la question « aime »"),
    ])
    func structuralChangesAreRefused(old: String, new: String, expected: String) throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        _ = try store.startSession(definition: definition)
        let changed = try Fixture.load(replacing: old, with: new)
        let problems = try store.compatibilityProblems(with: changed).map { Problem.store($0).message(in: .fr) }
        #expect(problems.contains { $0.contains(expected) }, "\(problems)")
        let error = #expect(throws: StoreError.self) { try store.register(changed) }
        #expect(error?.kind == .incompatibleDefinition)
        #expect(error?.message.contains("version: 2") == true)
        #expect(error?.details == problems)
        #expect(try store.definitions().count == 1)
        // A new version is the way out.
        let bumped = try Fixture.load(Fixture.main(version: 2).replacingOccurrences(of: old, with: new))
        #expect(try store.compatibilityProblems(with: bumped).isEmpty)
        _ = try store.register(bumped)
    }

    @Test func removedScaleLevelIsRefused() throws {
        let store = try ResponseStore.inMemory()
        _ = try store.startSession(definition: try store.register(try Fixture.load()))
        let library = Fixture.library.replacingOccurrences(of: "{code: nsp,", with: "{code: ns,")
        #expect(library != Fixture.library)
        let changed = try Fixture.load(Fixture.main(), library: library)
        let problems = try store.compatibilityProblems(with: changed).map { Problem.store($0).message(in: .fr) }
        #expect(
            problems.contains(
                "la réponse hors échelle « nsp » de la question « avis » (\(try #require(changed.questionnaire?.question("avis")?.number))) a été retirée"),
            "\(problems)")
    }

    /// The loader keys an include outside the questionnaire's folder by its absolute path, which
    /// the snapshot cannot rebuild: refused before anything is stored.
    @Test func snapshotThatDoesNotRebuildIsRefused() throws {
        let directory = temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/q", withIntermediateDirectories: true)
        try Fixture.library.write(toFile: directory + "/lib.yaml", atomically: true, encoding: .utf8)
        try Fixture.main().replacingOccurrences(of: "include: [lib.yaml]", with: "include: [../lib.yaml]")
            .write(toFile: directory + "/q/essai.yaml", atomically: true, encoding: .utf8)
        let loaded = QuestionnaireLoader.load(directory + "/q/essai.yaml")
        try #require(loaded.questionnaire != nil)
        let store = try ResponseStore.inMemory()
        let problems = try store.compatibilityProblems(with: loaded).map { Problem.store($0).message(in: .fr) }
        if QuestionnaireLoader.load(snapshot: loaded.sources, mainFile: loaded.mainFile).questionnaire == nil {
            #expect(problems.count == 1 && problems[0].contains("placez les fichiers inclus"), "\(problems)")
            let error = #expect(throws: StoreError.self) { try store.register(loaded) }
            #expect(error?.message.contains("prst ne sait pas relire") == true)
            #expect(try store.definitions().isEmpty)
        } else {
            // Once the loader keys such includes relatively, the snapshot rebuilds and is accepted.
            #expect(problems.isEmpty)
            let id = try store.register(loaded)
            #expect(try store.questionnaire(for: id).variables.count == 7)
        }
    }

    @Test func invalidDefinitionIsRefused() throws {
        let store = try ResponseStore.inMemory()
        var loaded = try Fixture.load()
        loaded.questionnaire = nil
        let error = #expect(throws: StoreError.self) { try store.register(loaded) }
        #expect(error?.message.contains("prst validate") == true)
    }
}

@Suite struct SessionTests {
    static let everyValue: [(AnswerKey, AnswerValue)] = [
        (AnswerKey("couleurs"), .choices(["rouge", "bleu"])),
        (AnswerKey("age"), .number(41.5)),
        (AnswerKey("avis"), .choice("3")),
        (AnswerKey("item_a"), .nonSubstantive("nsp")),
        (AnswerKey("item_b"), .notAsked),
        (AnswerKey("commentaire"), .text("Des « guillemets », des accents et \"quotes\"\nsur deux lignes")),
        (AnswerKey("aime", repetition: "rouge"), .choice("oui")),
        (AnswerKey("aime", repetition: "bleu"), .skipped),
        (AnswerKey("aucun_choix"), .choices([])),
    ]

    @Test func saveAndReadEveryKindOfAnswer() throws {
        let store = try ResponseStore.inMemory()
        let session = try store.startSession(definition: try store.register(try Fixture.load()))
        for (key, value) in Self.everyValue { try store.save(value, for: key, session: session.id) }
        #expect(try store.answers(session: session.id) == Dictionary(uniqueKeysWithValues: Self.everyValue))
        // Upsert: the same key replaces the answer; another repetition is another answer.
        try store.save(.choice("non"), for: AnswerKey("aime", repetition: "rouge"), session: session.id, at: Date(timeIntervalSince1970: 1_800_000_000))
        let answers = try store.answers(session: session.id)
        #expect(answers[AnswerKey("aime", repetition: "rouge")] == .choice("non"))
        #expect(answers[AnswerKey("aime", repetition: "bleu")] == .skipped)
        #expect(answers.count == Self.everyValue.count)
        let updated = try store.writer.read { db in
            try Double.fetchOne(db, sql: "SELECT updated_at FROM answers WHERE variable = 'aime' AND repetition = 'rouge'")
        }
        #expect(updated == 1_800_000_000)
        let stored = try store.writer.read { db in try String.fetchOne(db, sql: "SELECT value_text FROM answers WHERE variable = 'couleurs'") }
        #expect(stored == "[\"rouge\",\"bleu\"]")
    }

    @Test func severalAnswersInOneTransaction() throws {
        let store = try ResponseStore.inMemory()
        let session = try store.startSession(definition: try store.register(try Fixture.load()))
        try store.save(Self.everyValue, session: session.id)
        #expect(try store.answers(session: session.id).count == Self.everyValue.count)
        // A failing batch leaves nothing behind.
        try store.complete(session: session.id)
        let other = try store.startSession(definition: session.definition)
        try store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON answers WHEN NEW.variable = 'age' BEGIN SELECT RAISE(ABORT, 'non'); END")
        }
        #expect(throws: StoreError.self) { try store.save(Self.everyValue, session: other.id) }
        #expect(try store.answers(session: other.id).isEmpty)
    }

    @Test func resumeCodesAreNormalised() throws {
        let store = try ResponseStore.inMemory()
        let started = Date(timeIntervalSince1970: 1_750_000_000)
        let session = try store.startSession(definition: try store.register(try Fixture.load()), at: started)
        #expect(session.id.count == 8 && session.id.allSatisfy { Codes.alphabet.contains($0) })
        #expect(session.resumeCode.count == 9)
        #expect(session.resumeCode.firstIndex(of: "-") == session.resumeCode.index(session.resumeCode.startIndex, offsetBy: 4))
        #expect(session.resumeCode.filter { $0 != "-" }.allSatisfy { Codes.alphabet.contains($0) })
        #expect(session.resumeCode != session.id)
        #expect(session.status == .inProgress && session.origin == .respondent && session.startedAt == started && session.completedAt == nil)
        #expect(session.questionnaireID == "essai" && session.questionnaireVersion == 1 && session.population == "pilotes")

        let bare = session.resumeCode.replacingOccurrences(of: "-", with: "")
        let head = String(bare.prefix(4))
        let tail = String(bare.suffix(4))
        let spaced: String = " \(head) \(tail) "
        let mixed: String = "\(head.lowercased()) - \(tail)"
        let variants: [String] = [session.resumeCode, session.resumeCode.lowercased(), bare, bare.lowercased(), spaced, mixed]
        for typed in variants {
            #expect(try store.session(resumeCode: typed)?.id == session.id, "\(typed)")
        }
        #expect(try store.session(resumeCode: "ZZZZ-ZZZZ") == nil)
        #expect(try store.session(resumeCode: "K7F3-9QX") == nil)
        #expect(try store.session(resumeCode: "") == nil)
        #expect(try store.session(id: "INCONNU1") == nil)

        let completedAt = started.addingTimeInterval(750)
        try store.complete(session: session.id, at: completedAt)
        let error = #expect(throws: StoreError.self) { try store.session(resumeCode: bare.lowercased()) }
        #expect(error?.kind == .sessionCompleted)
        let completed = try #require(try store.session(id: session.id))
        #expect(completed.status == .completed && completed.completedAt == completedAt)
        // Completing twice keeps the first time.
        try store.complete(session: session.id, at: completedAt.addingTimeInterval(60))
        #expect(try store.session(id: session.id)?.completedAt == completedAt)
    }

    @Test func completedAndUnknownSessionsRefuseAnswersWithoutShowingThem() throws {
        let store = try ResponseStore.inMemory()
        let session = try store.startSession(definition: try store.register(try Fixture.load()))
        try store.complete(session: session.id)
        let completed = #expect(throws: StoreError.self) { try store.save(.text("Mon nom est Dupont"), for: AnswerKey("commentaire"), session: session.id) }
        #expect(completed?.kind == .sessionCompleted)
        #expect(completed?.description.contains("Dupont") == false)
        let unknown = #expect(throws: StoreError.self) { try store.save(.text("Dupont"), for: AnswerKey("commentaire"), session: "INCONNU1") }
        #expect(unknown?.kind == .unknownSession)
        #expect(unknown?.description.contains("Dupont") == false)
        #expect(throws: StoreError.self) { try store.answers(session: "INCONNU1") }
        #expect(throws: StoreError.self) { try store.complete(session: "INCONNU1") }
    }

    @Test func realResponsesAreTold() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        #expect(try store.hasRealResponses() == false)
        _ = try store.startSession(definition: definition, origin: .simulated)
        #expect(try store.hasRealResponses() == false)
        _ = try store.startSession(definition: definition, origin: .imported)
        #expect(try store.hasRealResponses() == true)
    }
}

@Suite struct ReadingTests {
    @Test func statusCountsAndMedians() throws {
        let store = try ResponseStore.inMemory()
        let v1 = try store.register(try Fixture.load())
        let v2 = try store.register(try Fixture.load(Fixture.main(version: 2)))
        let other = try store.register(try Fixture.load(Fixture.main(id: "autre")))
        let t0 = Date(timeIntervalSince1970: 1_750_000_000)
        // v1: completed in 60 s, 600 s and 120 s, one in progress → median 120 s.
        for duration in [60.0, 600, 120] {
            let session = try store.startSession(definition: v1, at: t0)
            try store.complete(session: session.id, at: t0.addingTimeInterval(duration))
        }
        _ = try store.startSession(definition: v1, at: t0)
        // v2: 100 s and 200 s → median 150 s.
        for duration in [200.0, 100] {
            let session = try store.startSession(definition: v2, at: t0)
            try store.complete(session: session.id, at: t0.addingTimeInterval(duration))
        }
        // autre: nothing completed.
        _ = try store.startSession(definition: other, at: t0)
        _ = try store.startSession(definition: other, at: t0)
        #expect(
            try store.status() == [
                StatusRow(questionnaireID: "autre", version: 1, population: "pilotes", started: 2, inProgress: 2, completed: 0, medianCompletionSeconds: nil),
                StatusRow(questionnaireID: "essai", version: 1, population: "pilotes", started: 4, inProgress: 1, completed: 3, medianCompletionSeconds: 120),
                StatusRow(questionnaireID: "essai", version: 2, population: "pilotes", started: 2, inProgress: 0, completed: 2, medianCompletionSeconds: 150),
            ])
    }

    @Test func forEachResponseStreamsSessionsInOrder() throws {
        let store = try ResponseStore.inMemory()
        let definition = try store.register(try Fixture.load())
        let relabelled = try store.register(try Fixture.load(replacing: "label: \"Votre âge ?\"", with: "label: \"Votre âge (ans) ?\""))
        let other = try store.register(try Fixture.load(Fixture.main(id: "autre")))
        var expected: [String: [AnswerKey: AnswerValue]] = [:]
        for index in 0..<25 {
            let session = try store.startSession(
                definition: index.isMultiple(of: 2) ? definition : relabelled,
                origin: index == 3 ? .simulated : .respondent)
            var answers: [AnswerKey: AnswerValue] = [:]
            for (offset, pair) in SessionTests.everyValue.enumerated() where offset < index % 7 {
                answers[pair.0] = pair.1
            }
            try store.save(answers.map { ($0.key, $0.value) }, session: session.id)
            if index.isMultiple(of: 3) { try store.complete(session: session.id) }
            expected[session.id] = answers
        }
        let elsewhere = try store.startSession(definition: other)
        try store.save(.number(1), for: AnswerKey("age"), session: elsewhere.id)

        var seen: [ResponseRecord] = []
        try store.forEachResponse(questionnaireID: "essai", version: 1) { seen.append($0) }
        #expect(seen.map(\.sessionID) == expected.keys.sorted())
        #expect(Dictionary(uniqueKeysWithValues: seen.map { ($0.sessionID, $0.answers) }) == expected)
        #expect(seen.filter { $0.status == .completed }.count == 9)
        #expect(seen.filter { $0.origin == .simulated }.count == 1)
        #expect(seen.allSatisfy { $0.questionnaireID == "essai" && $0.questionnaireVersion == 1 && $0.population == "pilotes" })
        #expect(try store.definitions().map(\.id) == ["autre", "essai"])

        // The body's own errors come back unchanged and stop the walk.
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try store.forEachResponse(questionnaireID: "essai", version: 1) { _ in
                calls += 1; if calls == 2 { throw Stop() }
            }
        }
        #expect(calls == 2)
    }

    @Test func responsesAreStreamedWithoutSorting() throws {
        let store = try ResponseStore.inMemory()
        let plan = try store.responsesQueryPlan()
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
