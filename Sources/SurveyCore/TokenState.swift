import Foundation

/// Where an invitation token is in its life (stored by SurveyStore under these raw values).
package enum TokenState: String, Sendable, Hashable, CaseIterable, Comparable {
    case unused, inProgress = "in_progress", completed, revoked

    /// How far along its life the token is: a merge keeps the most advanced state of the copies
    /// (a token completed or revoked on one machine stays so once the files are put together).
    package var advancement: Int {
        switch self {
        case .unused: 0
        case .inProgress: 1
        case .completed: 2
        case .revoked: 3
        }
    }

    package static func < (lhs: TokenState, rhs: TokenState) -> Bool { lhs.advancement < rhs.advancement }
}
