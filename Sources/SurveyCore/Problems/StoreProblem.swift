import Foundation

/// Why the response store refused or failed. `path` is the store file when it is known; the
/// wording then names it, otherwise it says "the response store". Never carries an answer value.
package enum StoreProblem: Sendable, Hashable {
    case notAStore(path: String?)
    case cannotOpen(path: String?)
    case readOnly(path: String?)
    case diskFull(path: String?)
    case busy(path: String?)
    case corrupt(path: String?)
    case ioError(path: String?)
    /// An SQLite result code prst does not expect; SQLite's own text when it gave one.
    case unexpected(path: String?, sqliteCode: Int32, details: String?)
    /// Not an SQLite error at all.
    case unexpectedFailure(path: String?)
    /// A structural change of the definition that the stored responses would not survive
    /// (the change as the store describes it).
    case incompatibleChange(String)
    /// Words still built by the store (branch arch-store types them); do not use it in new code.
    case untyped(message: String)
}
