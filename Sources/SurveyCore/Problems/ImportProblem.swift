import Foundation

/// Why a cell, row or header of an imported file is refused.
package enum ImportProblem: Sendable, Hashable {
    /// Words not yet typed: a transitional case while the importer is converted; do not use it in new code.
    case untyped(message: String)
}
