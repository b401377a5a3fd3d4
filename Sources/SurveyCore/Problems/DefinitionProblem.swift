import Foundation

/// Why a definition file (questionnaire, campaign, library, codebook) cannot be used as written.
package enum DefinitionProblem: Sendable, Hashable {
    /// Words not yet typed: a transitional case while the loaders are converted; do not use it in new code.
    case untyped(message: String, hint: String?)
}
