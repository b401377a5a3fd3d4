import GRDB
import SurveyCore

/// A state kept as text in the store. The raw values are exactly the words the schema's CHECK
/// constraints allow (migrations v1 and v2, never edited): existing files open unchanged, and
/// queries bind the enum instead of spelling the word.
///
/// GRDB's `DatabaseValueConvertible` comes for free from the String raw value. A column holding
/// another word (the file edited by hand with the constraints off) must not crash prst: read
/// states with `Row.state(_:at:of:)`, which turns it into a `StoreError`.
package protocol StoredState: RawRepresentable<String>, DatabaseValueConvertible, CaseIterable, Sendable {}

extension SessionStatus: StoredState {}
extension SessionOrigin: StoredState {}
extension TokenState: StoredState {}

extension TokenState {
    /// "non utilisé", "en cours", "terminé", "révoqué" (from the French wording), as
    /// `prst invite --list` shows them.
    package var french: String { FrenchWording.wording(for: self) }
}

extension Row {
    /// The state in column `index`; a word no version of prst writes is a clear `StoreError`.
    func state<State: StoredState>(_ type: State.Type, at index: Int, of owner: @autoclosure () -> StoreProblem.StateOwner) throws(StoreError) -> State {
        // Read as a DatabaseValue: asking GRDB for a String would stop prst on a number or a blob.
        let value: DatabaseValue = self[index]
        guard case .string(let raw) = value.storage, let state = State(rawValue: raw) else {
            throw StoreError(.unknownState(stored: value.storage.text, of: owner()))
        }
        return state
    }
}

extension DatabaseValue.Storage {
    /// The stored value as SQL would write it (NULL, 7, x'0102'; text as it is), for messages
    /// about damaged rows.
    var text: String {
        switch self {
        case .null: "NULL"
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let string): string
        case .blob(let data): "x'" + data.map { String($0, radix: 16).uppercased().leftPadded(to: 2) }.joined() + "'"
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
