import Foundation

extension FrenchWording {
    static func wording(for problem: StoreProblem) -> Wording {
        switch problem {
        case .notAStore(let path):
            Wording(
                "\(path.map { "« \($0) »" } ?? "Ce fichier") n'est pas un fichier de réponses prst : indiquez le bon fichier avec --store (ou PRST_STORE), ou un nom de fichier nouveau pour en créer un."
            )
        case .cannotOpen(let path):
            Wording("Impossible d'ouvrir \(store(path)) : vérifiez que le dossier existe et que vous avez le droit d'y écrire.")
        case .readOnly(let path):
            Wording(
                "\(capitalized(store(path))) n'est accessible qu'en lecture : vérifiez les droits du fichier et de son dossier, ou indiquez un autre fichier avec --store."
            )
        case .diskFull(let path):
            Wording("Le disque est plein : la réponse n'a pas pu être enregistrée dans \(store(path)). Libérez de la place puis réessayez.")
        case .busy(let path):
            Wording("\(capitalized(store(path))) est occupé par un autre programme depuis trop longtemps : réessayez dans un instant.")
        case .corrupt(let path):
            Wording("\(capitalized(store(path))) est endommagé : restaurez la dernière sauvegarde et contactez l'équipe prst.")
        case .ioError(let path):
            Wording("Erreur d'entrée-sortie sur \(store(path)) (disque amovible retiré, partage réseau coupé ?) : vérifiez le support puis réessayez.")
        case .unexpected(let path, let sqliteCode, let details):
            Wording("Erreur SQLite \(sqliteCode) sur \(store(path)) : réessayez ; si elle persiste, signalez-la à l'équipe prst.", hint: details)
        case .unexpectedFailure(let path):
            Wording("Erreur inattendue en accédant à \(store(path)) : réessayez ; si elle persiste, signalez-la à l'équipe prst.")
        case .incompatibleChange(let change):
            Wording(
                change,
                hint: "des réponses existent déjà pour cette version : augmentez « version: » (ou changez d'« id ») pour une modification de structure")
        case .untyped(let message):
            Wording(message)
        }
    }

    /// The store file named in guillemets, or "la base de réponses" when its path is unknown.
    private static func store(_ path: String?) -> String {
        path.map { "« \($0) »" } ?? "la base de réponses"
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
