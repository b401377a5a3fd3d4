import Foundation

extension FrenchWording {
    /// The command line's advice, spliced into sentences (see `CommandLineAdvice`).
    static func advice(_ advice: CommandLineAdvice) -> String {
        switch advice {
        case .nameTheRightStore: "indiquez le bon fichier avec --store (ou PRST_STORE)"
        case .nameAnotherStore: "indiquez un autre fichier avec --store"
        case .checkTheStoreInUse: "vérifiez le fichier de réponses utilisé (--store)"
        case .theStoreFile: "le fichier de réponses (--store)"
        case .forceToReplace: "ajoutez --force pour le remplacer"
        case .purgeBySession: "utilisez « prst purge --session »"
        case .validate(let file): "prst validate \(file)"
        }
    }
}
