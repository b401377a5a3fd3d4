import Foundation
import SurveyCore
import SurveyRunner
import SurveyStore

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

    static func defaultStorePath() -> String { StoreLocation.resolve(nil) }

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

    /// Lets an invited respondent in: an unused token starts a session linked to it, a token
    /// whose session is unfinished resumes it; an unknown, revoked or used token is refused.
    static func enter(token: String, _ loaded: LoadedQuestionnaire, questionnaire: Questionnaire, storePath: String) throws(Refusal) -> Opened {
        do {
            let store = try ResponseStore.open(at: storePath)
            switch try store.claim(token: token, questionnaireID: questionnaire.id, version: questionnaire.version) {
            case .start:
                let definition = try store.register(loaded)
                let info = try store.startSession(token: token, definition: definition)
                return Opened(questionnaire: questionnaire, answers: [:], sessionID: info.id, resumeCode: info.resumeCode,
                              persistence: StorePersistence(store: store), isResumed: false)
            case .resume(let info):
                let snapshot = try store.questionnaire(for: info.definition)
                let answers = try store.answers(session: info.id)
                return Opened(questionnaire: snapshot, answers: answers, sessionID: info.id, resumeCode: info.resumeCode,
                              persistence: StorePersistence(store: store), isResumed: true)
            }
        } catch {
            throw Refusal(message: error.message)
        }
    }

    /// Reopens an unfinished session with the questionnaire snapshot it was answered with.
    static func resume(code: String, questionnaireID: String, storePath: String, strings: Strings) throws(Refusal) -> Opened {
        do {
            let store = try ResponseStore.open(at: storePath)
            guard let info = try store.session(resumeCode: code) else {
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
            let answers = try store.answers(session: info.id)
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
