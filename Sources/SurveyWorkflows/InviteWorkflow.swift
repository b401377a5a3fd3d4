import Foundation
import SurveyCore
import SurveyStore

/// `prst invite`: invitation codes for a questionnaire by invitation (access: token).
package enum InviteWorkflow {
    package static let maximumCount = 100_000

    /// One action at a time, checked by the command before it runs.
    package enum Action: Sendable, Equatable {
        case create(questionnaire: String, count: Int, out: String?)
        /// Every code, or those of this questionnaire.
        case list(questionnaire: String?)
        case revoke(token: String)
    }

    package enum Outcome: Sendable, Equatable {
        case created(csv: String, tokens: [String])
        case listed([TokenSummary])
        case revoked(before: TokenState)
    }

    package static func run(_ action: Action, storePath: String, now: WorkflowClock = SystemClock.now, output: WorkflowOutput) throws(Refusal) -> Outcome {
        switch action {
        case .create(let file, let count, let out):
            return try create(questionnaire: file, count: count, out: out, storePath: storePath, now: now, output: output)
        case .list(let file): return try list(questionnaire: file, storePath: storePath, output: output)
        case .revoke(let token): return try revoke(token, storePath: storePath, output: output)
        }
    }

    private static func create(questionnaire file: String, count: Int, out: String?, storePath path: String, now: WorkflowClock, output: WorkflowOutput)
        throws(Refusal)
        -> Outcome
    {
        let definition = try DefinitionFiles.questionnaire(file, refusal: .invalidQuestionnaireNoCodeCreated(path: file)).questionnaire
        guard DefinitionValidator.access(of: definition, at: file) == .token else {
            throw Refusal(.openAccessQuestionnaire(id: definition.id, file: file))
        }
        let csvPath = out ?? "invitations-\(definition.id)-v\(definition.version).csv"
        // The CSV is created first (never over an existing file: it may hold earlier codes),
        // the codes are stored after; if storing fails the CSV is removed: nothing changes.
        let descriptor = open(csvPath, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST {
                throw Refusal(.invitationFileExists(path: csvPath))
            }
            throw Refusal(.cannotCreateInvitationFile(path: csvPath))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        func abandon(_ problem: CommandProblem) -> Refusal {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: csvPath)
            return Refusal(problem)
        }
        let tokens: [String]
        do {
            let responses = try ExistingStore.openCreatingIfMissing(path, output: output)
            tokens = try responses.createTokens(count: count, questionnaireID: definition.id, version: definition.version, at: now())
        } catch {
            throw abandon(.noCodeCreated(after: error.problem))
        }
        var csv = "token,questionnaire,version\n"
        for token in tokens { csv += CSVStyle.rfc4180.row([token, definition.id, "\(definition.version)"]) }
        do {
            try handle.write(contentsOf: Data(csv.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            // The codes exist only in the store as hashes: revoke nothing, they cannot be used
            // by anyone; say so plainly.
            throw abandon(.invitationCodesLost(path: csvPath, count: count))
        }
        output.out(.invitationsWritten(count: count, questionnaireID: definition.id, version: definition.version, file: csvPath))
        return .created(csv: csvPath, tokens: tokens)
    }

    private static func list(questionnaire file: String?, storePath path: String, output: WorkflowOutput) throws(Refusal) -> Outcome {
        let responses = try ExistingStore.open(path, output: output)
        var tokens: [TokenSummary]
        do { tokens = try responses.tokens() } catch { throw Refusal(error) }
        if let file {
            guard let definition = QuestionnaireLoader.load(file).questionnaire else {
                throw Refusal(.invalidQuestionnaireToFilter(path: file))
            }
            tokens = tokens.filter { $0.questionnaireID == definition.id }
        }
        output.out(render(tokens, storePath: path))
        return .listed(tokens)
    }

    /// The state of each code, for reminders; a code shows only its first four characters.
    package static func render(_ tokens: [TokenSummary], storePath path: String) -> String {
        if tokens.isEmpty {
            return CommandOutcome.noInvitationCode(store: path).text(in: .fr) + "\n"
        }
        let width = max(13, tokens.map(\.questionnaireID.count).max() ?? 0)
        var text = "Code    " + "Questionnaire".padding(toLength: width, withPad: " ", startingAt: 0) + "  Version  État\n"
        for token in tokens {
            text +=
                "\(token.prefix)-…  " + token.questionnaireID.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 7 - "\(token.version)".count)) + "\(token.version)  \(token.state.french)\n"
        }
        let byState = TokenState.allCases.map { state in CommandOutcome.TokenCount(state, tokens.filter { $0.state == state }.count) }
        text += "\n" + CommandOutcome.invitationCodesTotal(byState: byState).text(in: .fr) + "\n"
        return text
    }

    private static func revoke(_ token: String, storePath path: String, output: WorkflowOutput) throws(Refusal) -> Outcome {
        let responses = try ExistingStore.open(path, output: output)
        let before: TokenState
        do { before = try responses.revoke(token: token) } catch { throw Refusal(error) }
        switch before {
        case .revoked:
            output.out(.tokenAlreadyRevoked)
        case .inProgress:
            output.out(.tokenRevokedWhileInProgress)
        default:
            output.out(.tokenRevoked)
        }
        return .revoked(before: before)
    }
}
