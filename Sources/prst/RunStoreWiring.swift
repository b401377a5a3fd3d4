import Foundation
import SurveyCore
import SurveyRunner

/// The one place where `prst run` meets the response store. Everything above the TEMPORARY
/// marker is written against SurveyStore's `ResponseStore` API and stays at merge.
enum RunStoreWiring {
    struct Opened {
        var questionnaire: Questionnaire
        var answers: [AnswerKey: AnswerValue]
        var sessionID: String
        var resumeCode: String
        var persistence: SessionPersistence
        var isResumed: Bool
    }

    /// A French (or English) message for the respondent; the command exits with status 1.
    struct Refusal: Error { var message: String }

    static func defaultStorePath() -> String {
        ProcessInfo.processInfo.environment["PRST_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "./prst.sqlite"
    }

    /// Registers the questionnaire and starts a new session.
    static func start(_ loaded: LoadedQuestionnaire, questionnaire: Questionnaire, storePath: String) throws(Refusal) -> Opened {
        do {
            let store = try ResponseStore.open(at: storePath)
            let definition = try store.register(loaded)
            let info = try store.startSession(definition: definition, origin: .respondent, at: Date())
            return Opened(questionnaire: questionnaire, answers: [:], sessionID: info.id, resumeCode: info.resumeCode,
                          persistence: StorePersistence(store: store), isResumed: false)
        } catch {
            throw Refusal(message: error.message)
        }
    }

    /// Reopens an unfinished session with the questionnaire snapshot it was answered with.
    static func resume(code: String, questionnaireID: String, storePath: String, strings: Strings) throws(Refusal) -> Opened {
        do {
            let store = try ResponseStore.open(at: storePath)
            guard let info = try store.session(resumeCode: normalizedResumeCode(code)) else {
                throw Refusal(message: strings.fr
                    ? "Code de reprise inconnu : « \(code) ». Vérifiez le code (par exemple K7F3-9QXM) et le fichier de réponses (--store)."
                    : "Unknown resume code: “\(code)”. Check the code (for example K7F3-9QXM) and the response file (--store).")
            }
            guard info.questionnaireID == questionnaireID else {
                throw Refusal(message: strings.fr
                    ? "Ce code de reprise correspond au questionnaire « \(info.questionnaireID) », pas à « \(questionnaireID) »."
                    : "This resume code belongs to questionnaire “\(info.questionnaireID)”, not “\(questionnaireID)”.")
            }
            let snapshot = try store.questionnaire(for: info.definition)
            let answers = store.answers(session: info.id)
            return Opened(questionnaire: snapshot, answers: answers, sessionID: info.id, resumeCode: info.resumeCode,
                          persistence: StorePersistence(store: store), isResumed: true)
        } catch let refusal as Refusal {
            throw refusal
        } catch let error as StoreError {
            throw Refusal(message: error.message)
        } catch {
            throw Refusal(message: "\(error)")
        }
    }
}

/// "k7f3 9qxm", "K7F39QXM" → "K7F3-9QXM": respondents copy codes loosely.
func normalizedResumeCode(_ code: String) -> String {
    let compact = code.uppercased().filter { $0.isLetter || $0.isNumber }
    guard compact.count == 8 else { return code.trimmingCharacters(in: .whitespaces).uppercased() }
    return String(compact.prefix(4)) + "-" + String(compact.suffix(4))
}

/// Writes the runner's transactions to the store.
final class StorePersistence: SessionPersistence {
    let store: ResponseStore
    init(store: ResponseStore) { self.store = store }
    func save(_ answers: [(AnswerKey, AnswerValue)], session id: String) throws {
        try store.save(answers, session: id, at: Date())
    }
    func complete(session id: String) throws {
        try store.complete(session: id, at: Date())
    }
}

// TEMPORARY until SurveyStore lands: a minimal SQLite-free stand-in with the same API as
// SurveyStore's ResponseStore, keeping sessions in a JSON file (written atomically on every
// save) at `<store>.standin.json`. Delete everything below this line at merge and add
// `import SurveyStore` above.

struct StoreError: Error, CustomStringConvertible {
    enum Kind { case io, sessionCompleted, incompatibleDefinition }
    var kind: Kind
    var message: String
    var description: String { message }
}

struct DefinitionID: Codable, Hashable { var rawValue: String }

struct SessionInfo {
    var id: String
    var resumeCode: String
    var definition: DefinitionID
    var questionnaireID: String
    var status: SessionStatus
}

final class ResponseStore {
    private struct StoredSession: Codable {
        var id: String
        var resumeCode: String
        var definition: DefinitionID
        var questionnaireID: String
        var status: SessionStatus
        var answers: [String: AnswerValue]
        var repetitions: [String: String?]
    }
    private struct Contents: Codable {
        var definitions: [String: [String: String]] = [:]   // id → snapshot sources
        var mainFiles: [String: String] = [:]
        var sessions: [StoredSession] = []
    }
    private let path: String
    private var contents: Contents

    private init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    static func open(at storePath: String) throws(StoreError) -> ResponseStore {
        // A side file, so that a real SQLite store is never created or overwritten as JSON.
        let path = storePath + ".standin.json"
        guard FileManager.default.fileExists(atPath: path) else { return ResponseStore(path: path, contents: Contents()) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return ResponseStore(path: path, contents: try JSONDecoder().decode(Contents.self, from: data))
        } catch {
            throw StoreError(kind: .io, message: "Impossible de lire le fichier de réponses \(path) : \(error.localizedDescription)")
        }
    }

    func register(_ loaded: LoadedQuestionnaire) throws(StoreError) -> DefinitionID {
        let questionnaire = loaded.questionnaire!
        let id = DefinitionID(rawValue: "\(questionnaire.id)@\(questionnaire.version)")
        if contents.definitions[id.rawValue] == nil {
            contents.definitions[id.rawValue] = loaded.sources
            contents.mainFiles[id.rawValue] = loaded.mainFile
            try write()
        }
        return id
    }

    func startSession(definition: DefinitionID, origin: SessionOrigin, at date: Date) throws(StoreError) -> SessionInfo {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        let code = String((0..<4).map { _ in alphabet.randomElement()! }) + "-" + String((0..<4).map { _ in alphabet.randomElement()! })
        let session = StoredSession(id: UUID().uuidString.lowercased(), resumeCode: code, definition: definition,
                                    questionnaireID: String(definition.rawValue.split(separator: "@")[0]), status: .inProgress,
                                    answers: [:], repetitions: [:])
        contents.sessions.append(session)
        try write()
        return info(session)
    }

    func session(resumeCode: String) throws(StoreError) -> SessionInfo? {
        let wanted = resumeCode.uppercased().filter { $0.isLetter || $0.isNumber }
        guard let session = contents.sessions.first(where: { $0.resumeCode.filter { $0 != "-" } == wanted }) else { return nil }
        if session.status == .completed {
            throw StoreError(kind: .sessionCompleted, message: "Ce questionnaire a déjà été envoyé : il ne peut plus être modifié.")
        }
        return info(session)
    }

    func questionnaire(for definition: DefinitionID) throws(StoreError) -> Questionnaire {
        let loaded = QuestionnaireLoader.load(snapshot: contents.definitions[definition.rawValue] ?? [:],
                                              mainFile: contents.mainFiles[definition.rawValue] ?? "")
        guard let questionnaire = loaded.questionnaire else {
            throw StoreError(kind: .io, message: "La définition enregistrée \(definition.rawValue) est illisible.")
        }
        return questionnaire
    }

    func answers(session id: String) -> [AnswerKey: AnswerValue] {
        guard let session = contents.sessions.first(where: { $0.id == id }) else { return [:] }
        var result: [AnswerKey: AnswerValue] = [:]
        for (name, value) in session.answers { result[AnswerKey(name, repetition: session.repetitions[name] ?? nil).base] = value }
        return result
    }

    func save(_ answers: [(AnswerKey, AnswerValue)], session id: String, at date: Date) throws(StoreError) {
        guard let index = contents.sessions.firstIndex(where: { $0.id == id }) else { return }
        for (key, value) in answers {
            contents.sessions[index].answers[key.description] = value
            contents.sessions[index].repetitions[key.description] = key.repetition
        }
        try write()
    }

    func complete(session id: String, at date: Date) throws(StoreError) {
        guard let index = contents.sessions.firstIndex(where: { $0.id == id }) else { return }
        contents.sessions[index].status = .completed
        try write()
    }

    private func info(_ session: StoredSession) -> SessionInfo {
        SessionInfo(id: session.id, resumeCode: session.resumeCode, definition: session.definition,
                    questionnaireID: session.questionnaireID, status: session.status)
    }

    private func write() throws(StoreError) {
        do {
            let data = try JSONEncoder().encode(contents)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw StoreError(kind: .io, message: "Impossible d'écrire le fichier de réponses \(path) : \(error.localizedDescription)")
        }
    }
}

private extension AnswerKey {
    /// Rebuilds a key from its description `variable[repetition]` (stand-in only).
    var base: AnswerKey {
        guard repetition != nil, let bracket = variable.firstIndex(of: "[") else { return self }
        return AnswerKey(String(variable[..<bracket]), repetition: repetition)
    }
}
