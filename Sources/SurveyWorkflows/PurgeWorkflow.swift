import Foundation
import SurveyCore
import SurveyStore

/// `prst purge`: erases for good the sessions of a respondent who asks, or the questionnaires
/// never finished; shows what would go first and erases only when confirmed.
package enum PurgeWorkflow {
    /// What to erase, checked by the command before it runs.
    package enum Selection: Sendable, Equatable {
        /// The session of this receipt number.
        case session(String)
        /// Unfinished sessions started more than `seconds` ago (`text` as typed, for messages).
        case incomplete(olderThan: Double, text: String)
    }

    package enum Outcome: Sendable, Equatable {
        case nothingToErase
        /// Shown, not erased: the command asks for --yes.
        case unconfirmed(PurgePlan)
        case erased(PurgePlan, deleted: [String])
    }

    package static func run(_ selection: Selection, confirmed: Bool, storePath: String, now: WorkflowClock = SystemClock.now, output: WorkflowOutput)
        throws(Refusal) -> Outcome
    {
        let responses = try ExistingStore.open(storePath, output: output)
        let plan: PurgePlan
        let olderThan: String
        do {
            switch selection {
            case .session(let id):
                plan = try responses.purgePlan(session: id)
                olderThan = ""
            case .incomplete(let seconds, let text):
                plan = try responses.purgePlan(incompleteStartedBefore: now().addingTimeInterval(-seconds))
                olderThan = text
            }
        } catch {
            throw Refusal(error)
        }
        if plan.sessionIDs.isEmpty {
            output.out(.nothingToPurge(olderThan: olderThan))
            return .nothingToErase
        }
        output.out(describe(plan))
        guard confirmed else {
            throw Refusal(.purgeNotConfirmed)
        }
        let deleted: [String]
        do { deleted = try responses.purge(plan) } catch { throw Refusal(error) }
        if deleted.count != plan.sessionIDs.count {
            output.error(.finishedMeanwhile(count: plan.sessionIDs.count - deleted.count))
        }
        output.out(.purged(sessions: deleted.count))
        return .erased(plan, deleted: deleted)
    }

    package static func describe(_ plan: PurgePlan) -> String {
        CommandOutcome.purgePlan(
            sessionIDs: plan.sessionIDs, completed: plan.completedCount, inProgress: plan.inProgressCount, answers: plan.answerCount,
            tokensFreed: plan.tokensFreed
        ).text(in: .fr) + "\n"
    }

    /// "12h", "30d", "30j", "2w" (also "2sem") in seconds; nil otherwise.
    package static func duration(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits), number > 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch unit {
        case "h": return Double(number) * 3600
        case "d", "j": return Double(number) * 86_400
        case "w", "sem": return Double(number) * 7 * 86_400
        default: return nil
        }
    }
}
