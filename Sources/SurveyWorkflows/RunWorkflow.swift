import Foundation
import SurveyCore
import SurveyRunner
import SurveyStore

/// `prst run` up to the front end: the questionnaire loaded, and a session to answer, either a
/// rehearsal in memory or a session of the store (started, resumed, or entered with a token).
package enum RunWorkflow {
    /// How the respondent comes in.
    package enum Entry: Sendable, Equatable {
        /// Walks through the questionnaire, storing nothing.
        case rehearsal
        /// A new session in the store, or the session an invitation code opens.
        case start(token: String?)
        /// The unfinished session of this resume code.
        case resume(code: String)
    }

    /// The session to answer, and the language of the questionnaire file for the messages
    /// around it.
    package struct Prepared {
        package var session: RunSession
        package var strings: Strings
    }

    /// Loads the questionnaire and opens its session. `askForToken` is called only for a
    /// questionnaire by invitation when no code was given; nil means none was typed.
    /// `unit` and `period` are `--unit` and `--period`: a monitoring questionnaire asks for
    /// the missing ones through `prompter` (a single period is taken without asking); they are
    /// refused on another questionnaire, and not looked at when resuming by code.
    package static func prepare(
        questionnaire path: String, entry: Entry, storePath: String, now: @escaping WorkflowClock = SystemClock.now,
        unit: String? = nil, period: String? = nil, prompter: LinePrompter? = nil, askForToken: (Strings) -> String?
    ) throws(Refusal) -> Prepared {
        let usable = try DefinitionFiles.questionnaire(path)
        let definition = usable.questionnaire, loaded = usable.loaded
        let strings = Strings(definition.language)
        var reporting: ReportingKey?
        if case .resume = entry {
            reporting = nil
        } else {
            reporting = try reportingKey(for: definition, unit: unit, period: period, strings: strings, prompter: prompter)
        }
        let opened: RunStoreWiring.Opened
        switch entry {
        case .rehearsal:
            let session = RunSession(
                engine: SessionEngine(questionnaire: definition), persistence: InMemoryPersistence(), sessionID: "essai", resumeCode: nil, isRehearsal: true)
            session.reportingHeading = reporting.flatMap { heading(for: $0, in: definition, strings: strings) }
            return Prepared(session: session, strings: strings)
        case .resume(let code):
            opened = try RunStoreWiring.resume(code: code, questionnaireID: definition.id, storePath: storePath, strings: strings, now: now)
        case .start(let token):
            if DefinitionValidator.access(of: definition, at: path) == .token {
                guard let typed = token ?? askForToken(strings) else {
                    throw Refusal(.invitationRequired, language: definition.language)
                }
                opened = try RunStoreWiring.enter(token: typed, loaded, questionnaire: definition, storePath: storePath, now: now, reporting: reporting)
            } else {
                opened = try RunStoreWiring.start(loaded, questionnaire: definition, storePath: storePath, now: now, reporting: reporting)
            }
        }
        let session = RunSession(
            engine: SessionEngine(questionnaire: opened.questionnaire, answers: opened.answers), persistence: opened.persistence,
            sessionID: opened.sessionID, resumeCode: opened.resumeCode, isRehearsal: false, isResumed: opened.isResumed)
        session.reportingHeading = opened.reporting.flatMap { heading(for: $0, in: opened.questionnaire, strings: strings) }
        return Prepared(session: session, strings: strings)
    }

    /// The receipt after a stored session: the only way to point at one's own answers later
    /// (erasure request).
    package static func receipt(_ prepared: Prepared) -> String? {
        guard !prepared.session.isRehearsal else { return nil }
        return CommandOutcome.answersReceipt(sessionID: prepared.session.sessionID).text(in: prepared.strings.language) + "\n"
    }

    /// Full screen only on a real terminal both ways, unless --plain or TERM is unset or dumb
    /// (screen readers, scripts, pipes get the line-by-line mode).
    package static func usesFullScreen(plain: Bool, environment: [String: String], inputIsTerminal: Bool, outputIsTerminal: Bool) -> Bool {
        let dumb = environment["TERM"] == "dumb" || environment["TERM"] == nil
        return !plain && !dumb && inputIsTerminal && outputIsTerminal
    }

    /// The question asked when an invitation code is needed and none was given.
    package static func tokenPrompt(_ strings: Strings) -> String {
        CommandOutcome.invitationCodeAsked.text(in: strings.language)
    }
}

/// The one place where `prst run` meets the response store.
package enum RunStoreWiring {
    package struct Opened {
        package var questionnaire: Questionnaire
        package var answers: [AnswerKey: AnswerValue]
        package var sessionID: String
        package var resumeCode: String
        package var persistence: SessionPersistence
        package var isResumed: Bool
        /// The unit × period of a monitoring session.
        package var reporting: ReportingKey? = nil

        /// A session just started: no answer yet.
        static func started(_ info: SessionInfo, questionnaire: Questionnaire, store: ResponseStore, now: @escaping WorkflowClock) -> Opened {
            Opened(
                questionnaire: questionnaire, answers: [:], sessionID: info.id, resumeCode: info.resumeCode,
                persistence: StorePersistence(store: store, now: now), isResumed: false, reporting: info.reporting)
        }

        /// An unfinished session, answered on with the questionnaire snapshot it was started with
        /// (and, for a monitoring session, the unit and period it was started for).
        static func resumed(_ info: SessionInfo, store: ResponseStore, now: @escaping WorkflowClock) throws(StoreError) -> Opened {
            Opened(
                questionnaire: try store.questionnaire(for: info.definition), answers: try store.answers(session: info.id), sessionID: info.id,
                resumeCode: info.resumeCode, persistence: StorePersistence(store: store, now: now), isResumed: true, reporting: info.reporting)
        }
    }

    /// Registers the questionnaire and starts a new session; for a unit × period, resumes the
    /// unfinished session of the key (with the snapshot it was started with) or refuses a key
    /// whose response was already sent.
    package static func start(
        _ loaded: LoadedQuestionnaire, questionnaire: Questionnaire, storePath: String, now: @escaping WorkflowClock = SystemClock.now,
        reporting: ReportingKey? = nil
    ) throws(Refusal) -> Opened {
        do {
            let store = try ResponseStore.open(at: storePath)
            let definition = try store.register(loaded)
            switch try store.startSession(definition: definition, reporting: reporting, origin: .respondent, at: now()) {
            case .started(let info): return .started(info, questionnaire: questionnaire, store: store, now: now)
            case .resumable(let info): return try .resumed(info, store: store, now: now)
            }
        } catch {
            throw Refusal(error, language: questionnaire.language)
        }
    }

    /// Lets an invited respondent in: an unused token starts a session linked to it, a token
    /// whose session is unfinished resumes it; an unknown, revoked or used token is refused.
    package static func enter(
        token: String, _ loaded: LoadedQuestionnaire, questionnaire: Questionnaire, storePath: String, now: @escaping WorkflowClock = SystemClock.now,
        reporting: ReportingKey? = nil
    ) throws(Refusal) -> Opened {
        do {
            let store = try ResponseStore.open(at: storePath)
            switch try store.claim(token: token, questionnaireID: questionnaire.id, version: questionnaire.version) {
            case .start:
                let definition = try store.register(loaded)
                let info = try store.startSession(token: token, definition: definition, reporting: reporting, at: now())
                return .started(info, questionnaire: questionnaire, store: store, now: now)
            case .resume(let info):
                // The token's own session keeps the unit and period it was started for.
                return try .resumed(info, store: store, now: now)
            }
        } catch {
            throw Refusal(error, language: questionnaire.language)
        }
    }

    /// Reopens an unfinished session with the questionnaire snapshot it was answered with.
    package static func resume(
        code: String, questionnaireID: String, storePath: String, strings: Strings, now: @escaping WorkflowClock = SystemClock.now
    ) throws(Refusal) -> Opened {
        let store: ResponseStore
        let found: SessionInfo?
        do {
            store = try ResponseStore.open(at: storePath)
            found = try store.session(resumeCode: code)
        } catch {
            throw Refusal(error, language: strings.language)
        }
        guard let info = found else { throw Refusal(.unknownResumeCode(code), language: strings.language) }
        guard info.questionnaireID == questionnaireID else {
            throw Refusal(.resumeCodeOfAnotherQuestionnaire(found: info.questionnaireID, expected: questionnaireID), language: strings.language)
        }
        do { return try .resumed(info, store: store, now: now) } catch { throw Refusal(error, language: strings.language) }
    }
}

/// Writes the runner's transactions to the store, stamped by the clock.
package final class StorePersistence: SessionPersistence {
    package let store: ResponseStore
    private let now: WorkflowClock
    package init(store: ResponseStore, now: @escaping WorkflowClock = SystemClock.now) {
        self.store = store
        self.now = now
    }
    package func save(_ answers: [(AnswerKey, AnswerValue)], session id: String) throws {
        try store.save(answers, session: id, at: now())
    }
    package func complete(session id: String) throws {
        try store.complete(session: id, at: now())
    }
}
