import Foundation
import GRDB

/// A store failure, told in French with what to do. Never contains an answer value: SQLite's own
/// text is only kept for unexpected errors, and GRDB never puts statement arguments in it.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable {
        case notAStore, newerSchema, cannotOpen, readOnly, diskFull, unknownResumeCode, sessionCompleted, incompatibleDefinition, unknownSession, other
        case invalidToken, unknownToken, revokedToken, tokenAlreadyUsed, tokenOfAnotherQuestionnaire, conflict
    }

    package var kind: Kind
    /// French, says what to do; never contains answer values.
    package var message: String
    /// For example the structural changes behind `incompatibleDefinition`.
    package var details: [String]

    package init(_ kind: Kind, _ message: String, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    package var description: String {
        ([message] + details.map { "  - \($0)" }).joined(separator: "\n")
    }

    /// Turns whatever a GRDB call threw into a store error, naming the file when it is known.
    static func wrap(_ error: any Error, path: String?) -> StoreError {
        if let error = error as? StoreError { return error }
        let file = path.map { "« \($0) »" } ?? "la base de réponses"
        if error is RowDecodingError {
            // A record (SessionRecord…) met a column value no version of prst writes.
            return StoreError(
                .other,
                "\(file.prefix(1).uppercased() + file.dropFirst()) contient une valeur que prst ne connaît pas : la base a peut-être été modifiée à la main.")
        }
        guard let error = error as? DatabaseError else {
            return StoreError(.other, "Erreur inattendue en accédant à \(file) : réessayez ; si elle persiste, signalez-la à l'équipe prst.")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return notAStore(path)
        case .SQLITE_FULL:
            return StoreError(.diskFull, "Le disque est plein : la réponse n'a pas pu être enregistrée dans \(file). Libérez de la place puis réessayez.")
        case .SQLITE_READONLY, .SQLITE_PERM:
            return StoreError(
                .readOnly,
                "\(file.prefix(1).uppercased() + file.dropFirst()) n'est accessible qu'en lecture : vérifiez les droits du fichier et de son dossier, ou indiquez un autre fichier avec --store."
            )
        case .SQLITE_CANTOPEN:
            return StoreError(.cannotOpen, "Impossible d'ouvrir \(file) : vérifiez que le dossier existe et que vous avez le droit d'y écrire.")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .other, "\(file.prefix(1).uppercased() + file.dropFirst()) est occupé par un autre programme depuis trop longtemps : réessayez dans un instant."
            )
        case .SQLITE_CORRUPT:
            return StoreError(
                .other, "\(file.prefix(1).uppercased() + file.dropFirst()) est endommagé : restaurez la dernière sauvegarde et contactez l'équipe prst.")
        case .SQLITE_IOERR:
            return StoreError(
                .other, "Erreur d'entrée-sortie sur \(file) (disque amovible retiré, partage réseau coupé ?) : vérifiez le support puis réessayez.")
        default:
            return StoreError(
                .other, "Erreur SQLite \(error.resultCode.rawValue) sur \(file) : réessayez ; si elle persiste, signalez-la à l'équipe prst.",
                details: error.message.map { [$0] } ?? [])
        }
    }

    /// A state column holds a word no version of prst writes: the file was edited by hand.
    static func unknownState(_ stored: String, owner: StateOwner) -> StoreError {
        let subject =
            switch owner {
            case .session(let id): "La session « \(id) »"
            case .sessionsOf(let questionnaireID, let version): "Une session du questionnaire « \(questionnaireID) » version \(version)"
            case .token(let prefix): "Le code d'invitation \(prefix)-…"
            }
        return StoreError(.other, "\(subject) a un état inconnu (« \(stored) ») : la base a peut-être été modifiée à la main.")
    }

    static func notAStore(_ path: String?) -> StoreError {
        let file = path.map { "« \($0) »" } ?? "Ce fichier"
        return StoreError(
            .notAStore,
            "\(file) n'est pas un fichier de réponses prst : indiquez le bon fichier avec --store (ou PRST_STORE), ou un nom de fichier nouveau pour en créer un."
        )
    }
}

/// Runs a GRDB call and turns its errors into `StoreError`.
@inline(__always)
func storeCall<T>(_ path: String?, _ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch {
        throw StoreError.wrap(error, path: path)
    }
}
