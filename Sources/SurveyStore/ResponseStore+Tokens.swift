import Foundation
import GRDB
import SurveyCore

/// Invitation tokens: single-use codes handed to respondents of a questionnaire in
/// `access: token` mode.
///
/// A token is 16 characters of `Codes.alphabet` (31 characters without look-alikes), shown in
/// groups of four: "K7F3-9QXM-2PAB-H4TR", 31^16 ≈ 7 × 10^23 (79 bits). The store keeps only
/// `SHA-256("prst-token-1:" + token)` and the first group (the prefix, shown by `prst invite
/// --list` so that the evaluator finds the row in the CSV written at creation). A stolen store
/// file therefore gives no usable token: 12 unknown characters (59 bits) remain per token.
/// No name or address is ever stored; the token → session link exists only while the session
/// is in progress (to resume it) and is dropped when it is completed (trigger of migration v2).
package enum Tokens {
    package static let length = 16
    package static let groupLength = 4

    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in Codes.alphabet[Int.random(in: 0..<Codes.alphabet.count, using: &generator)] })
    }

    /// "K7F39QXM2PABH4TR" → "K7F3-9QXM-2PAB-H4TR".
    package static func format(_ token: String) -> String {
        var groups: [String] = []
        var rest = Substring(token)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(groupLength)))
            rest = rest.dropFirst(groupLength)
        }
        return groups.joined(separator: "-")
    }

    /// What a person typed ("k7f3 9qxm 2pab h4tr", "K7F3-9QXM-2PAB-H4TR") as stored, or nil
    /// when it cannot be a token.
    package static func normalize(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "–" && $0 != "_" && $0 != "." }
        guard kept.count == length, kept.allSatisfy({ Codes.alphabet.contains($0) }) else { return nil }
        return kept
    }

    /// The stored hash of a normalised token.
    package static func hash(_ normalized: String) -> String {
        SHA256.hex("prst-token-1:" + normalized)
    }

    /// The first group, shown in lists: "K7F3".
    package static func prefix(_ normalized: String) -> String {
        String(normalized.prefix(groupLength))
    }

    static func invalid(_ typed: String) -> StoreError {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "–" && $0 != "_" && $0 != "." }
        let odd = kept.filter { !Codes.alphabet.contains($0) }
        if !odd.isEmpty { return StoreError(.tokenHasOddCharacters(Set(odd).sorted())) }
        return StoreError(.tokenHasWrongLength(count: kept.count, expected: length))
    }
}

/// What `claim` found.
package enum TokenClaim: Sendable, Hashable {
    /// Unused token: start a session (`startSession(token:definition:)`, which links it atomically).
    case start
    /// The token's session is in progress: resume it.
    case resume(SessionInfo)
}

/// One token as `prst invite --list` shows it: never the whole token.
package struct TokenSummary: Sendable, Hashable {
    /// The first group, "K7F3".
    package var prefix: String
    package var questionnaireID: String
    package var version: Int
    package var state: TokenState
    package var createdAt: Date
}

extension ResponseStore {
    // MARK: - Creating and revoking

    /// Draws `count` new tokens for a questionnaire and stores their hashes in ONE transaction.
    /// Returns the tokens formatted for reading aloud ("K7F3-9QXM-2PAB-H4TR"): the caller writes
    /// them to the evaluator's file, the only place they exist in full.
    package func createTokens(count: Int, questionnaireID: String, version: Int, at date: Date = Date()) throws(StoreError) -> [String] {
        guard count > 0 else { return [] }
        var tokens: [String] = []
        var seen = Set<String>()
        while tokens.count < count {
            let token = Tokens.random()
            if seen.insert(token).inserted { tokens.append(token) }
        }
        try storeCall(path) {
            try writer.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO tokens (token_hash, prefix, questionnaire_id, version, state, session_id, created_at)
                        VALUES (?, ?, ?, ?, ?, NULL, ?)
                        """)
                for token in tokens {
                    // 79 bits: a collision with a stored token is practically impossible; the
                    // primary key would refuse it and roll the whole batch back.
                    try statement.execute(
                        arguments: [Tokens.hash(token), Tokens.prefix(token), questionnaireID, version, TokenState.unused, date.timeIntervalSince1970])
                }
            }
        }
        return tokens.map(Tokens.format)
    }

    /// Revokes an unused or in-progress token: it no longer opens nor resumes anything. An
    /// unfinished session keeps its answers (see `prst purge --incomplete`). Returns the state
    /// the token had (`.revoked` when it already was).
    @discardableResult
    package func revoke(token typed: String) throws(StoreError) -> TokenState {
        guard let token = Tokens.normalize(typed) else { throw Tokens.invalid(typed) }
        return try storeCall(path) {
            try writer.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT state FROM tokens WHERE token_hash = ?", arguments: [Tokens.hash(token)]) else {
                    throw Self.unknownToken()
                }
                let state = try row.state(TokenState.self, at: 0, of: .token(prefix: Tokens.prefix(token)))
                switch state {
                case .revoked:
                    return .revoked
                case .completed:
                    throw StoreError(.completedTokenNotRevocable(prefix: Tokens.prefix(token)))
                case .unused, .inProgress:
                    try db.execute(
                        sql: "UPDATE tokens SET state = ?, session_id = NULL WHERE token_hash = ?", arguments: [TokenState.revoked, Tokens.hash(token)])
                    return state
                }
            }
        }
    }

    /// Every token, sorted by questionnaire, version, prefix; optionally of one questionnaire.
    package func tokens(questionnaireID: String? = nil) throws(StoreError) -> [TokenSummary] {
        try storeCall(path) {
            try writer.read { db in
                var sql = "SELECT prefix, questionnaire_id, version, state, created_at FROM tokens"
                var arguments: StatementArguments = []
                if let questionnaireID {
                    sql += " WHERE questionnaire_id = ?"
                    arguments = [questionnaireID]
                }
                sql += " ORDER BY questionnaire_id, version, prefix, token_hash"
                return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    let prefix: String = row[0]
                    return TokenSummary(
                        prefix: prefix, questionnaireID: row[1], version: row[2], state: try row.state(TokenState.self, at: 3, of: .token(prefix: prefix)),
                        createdAt: Date(timeIntervalSince1970: row[4]))
                }
            }
        }
    }

    // MARK: - Using a token (prst run)

    /// What a typed token opens for this questionnaire, without writing anything.
    ///
    /// - `.start`: unused; call `startSession(token:definition:)`.
    /// - `.resume(info)`: its session is in progress.
    /// - throws `.invalidToken` (cannot be a token), `.unknownToken`, `.revokedToken`,
    ///   `.tokenAlreadyUsed` (completed), `.tokenOfAnotherQuestionnaire`: French messages meant
    ///   for the respondent, which never say more about the token than its state.
    ///
    /// A token of another `version` of the same questionnaire id is accepted: it invites a
    /// person to the questionnaire, and the evaluator may publish a new version meanwhile.
    package func claim(token typed: String, questionnaireID: String, version: Int) throws(StoreError) -> TokenClaim {
        guard let token = Tokens.normalize(typed) else { throw Tokens.invalid(typed) }
        return try storeCall(path) {
            try writer.read { db in
                let row = try Self.tokenRow(db, token, questionnaireID: questionnaireID)
                switch row.state {
                case .unused:
                    return .start
                case .inProgress:
                    guard let sessionID = row.sessionID, let info = try Self.sessionInfo(db, where: "s.id = ?", sessionID) else {
                        throw StoreError(.tokenSessionMissing)
                    }
                    return .resume(info)
                case .completed, .revoked:
                    throw Self.refusal(row.state)
                }
            }
        }
    }

    /// Starts a session for an unused token and links them, in ONE transaction: two terminals
    /// using the same token at the same moment cannot both start (the second gets the
    /// `.resume` case's session through `claim`, or an error here).
    /// With `reporting`, the session is for that unit × period: a key another session already
    /// holds is refused (sent: `reportingResponseAlreadySent`; unfinished, started without this
    /// token: `reportingResponseInProgress`), and the token stays unused.
    package func startSession(
        token typed: String, definition: DefinitionID, reporting: ReportingKey? = nil, origin: SessionOrigin = .respondent, at date: Date = Date()
    ) throws(StoreError) -> SessionInfo {
        guard let token = Tokens.normalize(typed) else { throw Tokens.invalid(typed) }
        let start = try insertNewSession(definition: definition, reporting: reporting, resumesUnfinished: false, origin: origin, at: date) { db, stored in
            let row = try Self.tokenRow(db, token, questionnaireID: stored.questionnaireID)
            guard row.state == .unused else {
                if row.state == .inProgress {
                    throw StoreError(.tokenJustStarted)
                }
                throw Self.refusal(row.state)
            }
        } linking: { db, record in
            try db.execute(
                sql: "UPDATE tokens SET state = ?, session_id = ? WHERE token_hash = ? AND state = ?",
                arguments: [TokenState.inProgress, record.id, Tokens.hash(token), TokenState.unused])
        }
        switch start {
        case .started(let info), .resumable(let info): return info
        }
    }

    // MARK: - Helpers

    struct TokenRow {
        var state: TokenState
        var sessionID: String?
    }

    /// The token's row, checked against the questionnaire.
    static func tokenRow(_ db: Database, _ token: String, questionnaireID: String) throws -> TokenRow {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT questionnaire_id, state, session_id FROM tokens WHERE token_hash = ?", arguments: [Tokens.hash(token)])
        else { throw unknownToken() }
        let questionnaire: String = row[0]
        if questionnaire != questionnaireID {
            throw StoreError(.tokenOfAnotherQuestionnaire(questionnaireID: questionnaire))
        }
        return TokenRow(state: try row.state(TokenState.self, at: 1, of: .token(prefix: Tokens.prefix(token))), sessionID: row[2])
    }

    static func unknownToken() -> StoreError {
        StoreError(.unknownToken)
    }

    static func refusal(_ state: TokenState) -> StoreError {
        StoreError(state == .revoked ? .revokedToken : .tokenAlreadyUsed)
    }
}
