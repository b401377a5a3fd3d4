import Foundation

/// Advice that names prst's command-line options and commands ("--store", "PRST_STORE",
/// "--force", "prst purge --session"…). It belongs to the command layer, not to the libraries:
/// a library reports a typed problem, and only these named pieces of wording know how the
/// command line lets a person act on it. The store's sentences splice them in because prst's
/// commands are their only readers today (and their output must stay as it is); a reader
/// without these options would word the same problems without them.
package enum CommandLineAdvice: Sendable, Hashable {
    /// Point prst at the right response file.
    case nameTheRightStore
    /// Point prst at another response file.
    case nameAnotherStore
    /// Check which response file the command used.
    case checkTheStoreInUse
    /// The response file, with the option that chooses it (after "check the receipt number and").
    case theStoreFile
    /// Replace an existing destination file.
    case forceToReplace
    /// Erase one respondent's answers.
    case purgeBySession
    /// Check a questionnaire file.
    case validate(file: String)

    package func text(in language: Language) -> String {
        switch language {
        case .fr: FrenchWording.advice(self)
        case .en: EnglishWording.advice(self)
        }
    }
}
