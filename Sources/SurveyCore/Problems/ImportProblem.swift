import Foundation

/// Why a file given to `prst import` is refused: its bytes, its header, a row or a cell. The
/// diagnostic's location is `file:row:column` as a spreadsheet shows it (the header is row 1).
package enum ImportProblem: Sendable, Hashable {
    // MARK: The file's bytes
    case csvNotUTF8(byte: UInt8)
    /// A quoted field opened at this line of the file is never closed.
    case csvUnclosedQuote(line: Int)
    case csvStrayQuote
    case csvEmpty

    // MARK: The header
    /// `firstColumn` is 1-based.
    case duplicateColumn(String, firstColumn: Int)
    case unknownColumn(String, questionnaire: String, suggestion: String?)
    case missingColumns([String])
    /// A column of an open repeat's repetition beyond its `max` (`livrable_titre__41`).
    case repetitionAboveMaximum(String, item: String, maximum: Int)

    // MARK: A row
    case fieldCountMismatch(values: Int, columns: Int)
    case valueInUnnamedColumn(String)
    /// The store already holds this session.
    case sessionAlreadyStored(String, store: String)
    /// The store (or an earlier row) already holds a response of session `session` for this
    /// unit × period of the questionnaire version.
    case reportingKeyAlreadyStored(unit: String, period: String, session: String, store: String)

    /// A cell of the named column (nil when the column has no name to give).
    case cell(column: String?, ImportCellProblem)
}

/// What is wrong with one cell's value.
package enum ImportCellProblem: Sendable, Hashable {
    case invalidSessionID(String)
    case sessionRepeated(String, firstRow: Int)
    case unknownStatus(String)
    case notADate(String)
    case endBeforeStart
    /// The cell answers a repetition whose choice is not selected at question `foreachNumber`.
    case repetitionNotOpened(choice: String, foreachNumber: String)
    /// The value is refused as the runner would refuse it.
    case answer(questionNumber: String, AnswerProblem)
    case requiredCellEmpty(questionNumber: String)
    /// `conditions` are the question's conditions, described in the questionnaire's language.
    case notAskedButAsked(questionNumber: String, conditions: [String])
    case answeredButNotAsked(questionNumber: String, conditions: [String])
    /// `codes` are the first expected codes; `more` when there are others.
    case notACode(String, codes: [String], more: Bool, suggestion: String?)
    case notANumber(String)
    case notAskedInOneColumn
    case notZeroOrOne(String)
    /// The `unite` cell of a questionnaire with a `reporting:` block is empty; `kind` is the
    /// referential's word for one unit (« fiche-action »).
    case unitMissing(kind: String)
    /// `codes` are the first codes of the referential; `more` when there are others.
    case unknownUnit(String, kind: String, referential: String, codes: [String], more: Bool, suggestion: String?)
    case periodMissing(periods: [String])
    case unknownPeriod(String, periods: [String], suggestion: String?)
    /// Another row of the file answers for the same unit and period.
    case reportingRepeated(unit: String, period: String, firstRow: Int)
    /// Repetition `number` of an open repeat holds answers while the earlier `missing` holds none.
    case repetitionGap(item: String, number: Int, missing: Int)
    /// Repetition `number` (≤ the repeat's `minimum`) of a completed response holds no answer.
    case repetitionBelowMinimum(item: String, minimum: Int, number: Int)
}
