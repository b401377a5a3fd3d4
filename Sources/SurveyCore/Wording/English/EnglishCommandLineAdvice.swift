import Foundation

extension EnglishWording {
    /// The command line's advice, spliced into sentences (see `CommandLineAdvice`).
    static func advice(_ advice: CommandLineAdvice) -> String {
        switch advice {
        case .nameTheRightStore: "name the right file with --store (or PRST_STORE)"
        case .nameAnotherStore: "name another file with --store"
        case .checkTheStoreInUse: "check the response file in use (--store)"
        case .theStoreFile: "the response file (--store)"
        case .forceToReplace: "add --force to replace it"
        case .purgeBySession: "use “prst purge --session”"
        case .validate(let file): "prst validate \(file)"
        }
    }
}
