import Foundation

/// Every problem prst reports, as a typed case: what went wrong and the values that say where
/// and why, never words. The words live in `Wording/` (one folder per language), so that the
/// libraries decide what is wrong and the wording decides how a person is told.
package enum Problem: Sendable, Hashable {
    /// A questionnaire, campaign, library or codebook that cannot be used as written.
    case definition(DefinitionProblem)
    /// An answer that cannot be stored for a question (typed in the runner, simulated or imported).
    case answer(AnswerProblem)
    /// A bad cell, row or header of an imported file.
    case importCell(ImportProblem)
    /// The response store refused or failed.
    case store(StoreProblem)
    /// The unit or period a monitoring questionnaire was to be answered for.
    case reporting(ReportingProblem)
    /// A command cannot do what was asked with the files and options it was given.
    case command(CommandProblem)
}

/// What a person reads about a problem: a sentence, and what to do when one helps.
package struct Wording: Sendable, Hashable {
    package var message: String
    package var hint: String?

    package init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

package extension Problem {
    /// The words for this problem in `language`.
    func wording(in language: Language) -> Wording {
        switch language {
        case .fr: FrenchWording.wording(for: self)
        case .en: EnglishWording.wording(for: self)
        }
    }

    func message(in language: Language) -> String { wording(in: language).message }
    func hint(in language: Language) -> String? { wording(in: language).hint }

    /// Lines told under the message: the structural changes of an incompatible definition, or
    /// SQLite's own text of an unexpected error.
    func details(in language: Language) -> [String] {
        switch self {
        case .store(let problem): problem.details(in: language)
        case .command(.questionnaireChangedSinceStored(_, let problems)): problems.map { Problem.store($0).message(in: language) }
        default: []
        }
    }

    /// The message, then each detail on an indented line: how a refusal is printed.
    func lines(in language: Language) -> [String] {
        var lines = [message(in: language)] + details(in: language).map { "  - \($0)" }
        // A unit or period refused on the command line says on its own line how to relaunch.
        if case .reporting = self, let hint = hint(in: language) { lines.append(hint) }
        return lines
    }
}

package extension StoreProblem {
    /// See `Problem.details(in:)`.
    func details(in language: Language) -> [String] {
        switch self {
        case .incompatibleDefinition(_, _, let changes), .mergeIncompatibleDefinition(_, _, _, let changes): changes.map { $0.words(in: language) }
        case .unexpected(_, _, let details?): [details]
        default: []
        }
    }
}
