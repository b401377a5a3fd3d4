import Foundation
import SurveyCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a front end needs: the engine, where answers go, and what to tell the respondent.
package final class RunSession {
    package let engine: SessionEngine
    package let persistence: SessionPersistence
    package let sessionID: String
    /// Shown at the start and on interruption; nil in a rehearsal.
    package let resumeCode: String?
    package let isRehearsal: Bool
    package let isResumed: Bool
    /// The unit and period a monitoring questionnaire is answered for, shown under the title
    /// (`Strings.reportingHeading`); nil for the surveys of people.
    package var reportingHeading: String?
    package var strings: Strings { engine.strings }
    package var questionnaire: Questionnaire { engine.questionnaire }

    package init(
        engine: SessionEngine, persistence: SessionPersistence, sessionID: String, resumeCode: String?,
        isRehearsal: Bool, isResumed: Bool = false
    ) {
        self.engine = engine
        self.persistence = persistence
        self.sessionID = sessionID
        self.resumeCode = resumeCode
        self.isRehearsal = isRehearsal
        self.isResumed = isResumed
    }

    /// Submits through the engine and saves the writes in one transaction, with termination
    /// signals held back while the transaction runs. A storage error leaves the engine unchanged.
    package func submit(_ value: AnswerValue) -> Outcome {
        do {
            return try engine.submit(value) { writes in
                try SignalGuard.holdingSignals { try persistence.save(writes, session: sessionID) }
            }
        } catch {
            return .rejected(strings.saveFailed(String(describing: error)))
        }
    }

    package func complete() throws {
        try SignalGuard.holdingSignals { try persistence.complete(session: sessionID) }
    }

    /// The lines printed when the session stops before the end.
    package var interruptionText: String {
        var text = isRehearsal ? strings.interruptedRehearsal : strings.interrupted
        if let resumeCode { text += "\n" + strings.resumeCode(resumeCode) }
        return text + "\n"
    }
}

/// How a front end ended.
package enum RunResult: Equatable {
    case completed
    /// Stopped (end of input, Ctrl-C…): every validated answer is saved.
    case interrupted
}

/// Termination signals: SIGINT, SIGTERM and SIGHUP print the resume code, restore the terminal
/// and exit with status 3. Answers are saved synchronously as they are validated, so there is
/// nothing left to flush; signals are held back while a save runs.
package enum SignalGuard {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0
    nonisolated(unsafe) static var savedTerminal = termios()
    nonisolated(unsafe) static var hasSavedTerminal = false
    nonisolated(unsafe) static var terminalSuffix: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var terminalSuffixLength = 0

    package static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers; `message` is printed on stdout before exiting with 3.
    package static func install(message text: String) {
        let bytes = Array(text.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        message = buffer
        messageLength = bytes.count - 1
        for signal in terminationSignals {
            var action = sigaction()
            #if canImport(Glibc)
                action.__sigaction_handler.sa_handler = signalHandler
            #else
                action.__sigaction_u.__sa_handler = signalHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
        // A parent may have started us with these signals blocked: they must reach the handler.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in terminationSignals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Remembers the terminal settings to restore, and what to write to leave full screen.
    static func rememberTerminal(_ settings: termios, suffix: String) {
        savedTerminal = settings
        hasSavedTerminal = true
        let bytes = Array(suffix.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        terminalSuffix = buffer
        terminalSuffixLength = bytes.count - 1
    }

    static func forgetTerminal() { hasSavedTerminal = false }

    /// Runs `body` with the termination signals blocked, so that a save is never cut in half.
    package static func holdingSignals<T>(_ body: () throws -> T) rethrows -> T {
        var set = sigset_t()
        var previous = sigset_t()
        sigemptyset(&set)
        for signal in terminationSignals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Async-signal-safe: tcsetattr, write and _exit only.
    static let signalHandler: @convention(c) (Int32) -> Void = { _ in
        if SignalGuard.hasSavedTerminal {
            var settings = SignalGuard.savedTerminal
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings)
            if let suffix = SignalGuard.terminalSuffix { _ = write(STDOUT_FILENO, suffix, SignalGuard.terminalSuffixLength) }
        }
        if let message = SignalGuard.message { _ = write(STDOUT_FILENO, message, SignalGuard.messageLength) }
        _exit(3)
    }
}

extension Step {
    /// The question as the respondent reads it: "12. Label". The « Ajouter un livrable ? » step of
    /// an open repeat keeps its number for review and jumps, but shows none: its number
    /// (`livrables[2]`) names a section, which means nothing to a respondent.
    var numberedLabel: String { isRepeatContinuation ? label : "\(number). \(label)" }
}
