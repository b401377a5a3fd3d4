import Foundation

/// What a command did, said once it is done: typed like the problems (values, no words), worded
/// in `Wording/`. The commands say them in French today; English is there for the day an
/// outcome is told to a respondent or an English-speaking evaluator.
package enum CommandOutcome: Sendable, Hashable {
    // validate
    case definitionsValid(paths: [String], warnings: Int)

    // import
    /// `--dry-run`: every row is valid.
    case importChecked(ResponseCounts, file: String)
    case importEmpty(file: String)
    case imported(ResponseCounts, store: String)

    // export
    case exportWithoutStore(path: String)
    case exportFileWritten(path: String, responses: Int, columns: Int)
    case exportDictionaryWritten(directory: String)

    // simulate
    case populationSimulated(population: String, sessions: Int)
    case simulationWritten(store: String)

    // backup, status, purge
    case backupWritten(store: String, destination: String)
    case noSessionYet(store: String)
    case nothingToPurge(olderThan: String)
    case finishedMeanwhile(count: Int)
    case purged(sessions: Int)
    /// What a purge would erase, shown before it is confirmed (the first 50 session ids).
    case purgePlan(sessionIDs: [String], completed: Int, inProgress: Int, answers: Int, tokensFreed: Int)

    // merge
    case merged(into: String, MergeCounts)

    // run (told to the respondent, in the questionnaire's language)
    /// The reference of a stored session, the only way to ask for its erasure later.
    case answersReceipt(sessionID: String)
    /// The question asked when an invitation code is needed and none was given.
    case invitationCodeAsked

    // invite
    case noInvitationCode(store: String)
    /// Under the list of codes: how many, by state (in the order of `TokenState.allCases`).
    case invitationCodesTotal(byState: [TokenCount])
    case invitationsWritten(count: Int, questionnaireID: String, version: Int, file: String)
    case tokenAlreadyRevoked
    case tokenRevokedWhileInProgress
    case tokenRevoked

    /// How many invitation codes are in a state.
    package struct TokenCount: Sendable, Hashable {
        package var state: TokenState
        package var count: Int

        package init(_ state: TokenState, _ count: Int) {
            self.state = state
            self.count = count
        }
    }

    /// What a merge added, found already there, or left unchanged.
    package struct MergeCounts: Sendable, Hashable {
        package var sessionsAdded = 0, answersAdded = 0, sessionsSkipped = 0
        package var definitionsAdded = 0, definitionsKnown = 0
        package var tokensAdded = 0, tokensUpdated = 0, tokensSkipped = 0

        package init() {}
    }

    /// Responses of an import, by state.
    package struct ResponseCounts: Sendable, Hashable {
        package var valid: Int
        package var completed: Int
        package var inProgress: Int

        package init(valid: Int, completed: Int, inProgress: Int) {
            self.valid = valid
            self.completed = completed
            self.inProgress = inProgress
        }
    }

    package func text(in language: Language) -> String {
        switch language {
        case .fr: FrenchWording.wording(for: self)
        case .en: EnglishWording.wording(for: self)
        }
    }
}
