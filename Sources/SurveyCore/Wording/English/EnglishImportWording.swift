import Foundation

extension EnglishWording {
    static func wording(for problem: ImportProblem) -> Wording {
        switch problem {
        case .csvNotUTF8(let byte):
            Wording(
                "the file is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))), probably a Latin-1 or Windows export. Save it again as “CSV UTF-8”."
            )
        case .csvUnclosedQuote(let line): Wording("a quote opened on line \(line) of the file is never closed: check the quotes on that line.")
        case .csvStrayQuote: Wording("misplaced quote: a value holding quotes must be quoted, with its quotes doubled (\"\").")
        case .csvEmpty: Wording("the file is empty: it needs at least the header line.")
        case .duplicateColumn(let name, let firstColumn): Wording("column “\(name)” appears twice (already column \(firstColumn)): keep only one.")
        case .unknownColumn(let name, let questionnaire, let suggestion):
            Wording(
                "unknown column “\(name)”: it matches no question of “\(questionnaire)”.\(didYouMeanSentence(suggestion)) Start from a file written by prst export for the right names."
            )
        case .missingColumns(let names):
            Wording(
                "missing column(s): \(names.prefix(10).map { "« \($0) »" }.joined(separator: ", "))\(names.count > 10 ? " and \(names.count - 10) more" : ""). Every question needs its column, even empty: start from a file written by prst export."
            )
        case .repetitionAboveMaximum(let name, let item, let maximum):
            Wording(
                "column “\(name)”: the questionnaire allows at most \(maximum) repetition(s) “\(item)” (columns __1 to __\(maximum)): remove this column, or move its answers to a repetition still free."
            )
        case .fieldCountMismatch(let values, let columns):
            Wording("the row has \(values) value(s) but the header has \(columns) columns: a separator too many or missing?")
        case .valueInUnnamedColumn(let value): Wording("“\(value)” is in a column without a header name: give it one or empty it.")
        case .sessionAlreadyStored(let id, let store): Wording("session “\(id)” is already in \(store): these answers were probably imported already.")
        case .reportingKeyAlreadyStored(let unit, let period, let session, let store):
            Wording(
                "\(store) already holds a response (session “\(session)”) for unit “\(unit)” and period \(period): one response per unit and period; "
                    + "remove this row, or first delete the old response (prst purge).")
        case .cell(let column, let problem): Wording((column.map { "column “\($0)”: " } ?? "") + text(of: problem))
        }
    }

    private static func didYouMeanSentence(_ suggestion: String?) -> String {
        suggestion.map { " Did you mean “\($0)”?" } ?? ""
    }

    private static func conditionText(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : " (condition: " + conditions.joined(separator: " and ") + ")"
    }

    private static func text(of problem: ImportCellProblem) -> String {
        let notAsked = ExchangeTokens.notAsked
        switch problem {
        case .invalidSessionID(let id):
            return "“\(id)” cannot be a session id: letters, digits, - and _ only, at most 64 characters. Leave the cell empty to get a new id."
        case .sessionRepeated(let id, let firstRow): return "session “\(id)” is already on row \(firstRow): a session can be imported once only."
        case .unknownStatus(let value): return "“\(value)” is not a status: “\(ExchangeTokens.completed)” or “\(ExchangeTokens.inProgress)”."
        case .notADate(let value): return "“\(value)” is not a date like 2026-03-31T14:05:00Z."
        case .endBeforeStart: return "the end is before the session's start."
        case .repetitionNotOpened(let choice, let foreachNumber):
            return "answer about “\(choice)” although that choice is not selected in question \(foreachNumber): the cell must be empty or “\(notAsked)”."
        case .answer(let number, let problem): return "question \(number): " + wording(for: problem).message
        case .requiredCellEmpty(let number):
            return
                "question \(number) is required and asked of this respondent: the cell cannot stay empty (for a questionnaire left unfinished, put “\(ExchangeTokens.inProgress)” in a statut column)."
        case .notAskedButAsked(let number, let conditions):
            return
                "“\(notAsked)” (not asked) but question \(number) is asked of this respondent\(conditionText(conditions)): give the answer, or leave it empty if optional."
        case .answeredButNotAsked(let number, let conditions):
            return "question \(number) is not asked of this respondent\(conditionText(conditions)): the cell must be empty or “\(notAsked)”."
        case .notACode(let value, let codes, let more, let suggestion):
            return "“\(value)” is not an expected code (codes: \(codes.joined(separator: ", "))\(more ? ", …" : "")).\(didYouMeanSentence(suggestion))"
        case .notANumber(let value): return "“\(value)” is not a number (e.g. 12, 3.5)."
        case .notAskedInOneColumn: return "“\(notAsked)” in one column only: a question that is not asked is so for all its choices."
        case .notZeroOrOne(let value): return "“\(value)”: expected 1 (selected) or 0 (not selected)."
        case .unitMissing(let kind): return "empty cell: give the unit (\(kind)) this response is for, by its code (see dictionnaire.csv)."
        case .unknownUnit(let value, let kind, let referential, let codes, let more, let suggestion):
            return
                "“\(value)” is not a unit (\(kind)) of referential “\(referential)” (codes: \(codes.joined(separator: ", "))\(more ? ", …" : "")).\(didYouMeanSentence(suggestion))"
        case .periodMissing(let periods): return "empty cell: give the period of this response (periods: \(periods.joined(separator: ", ")))."
        case .unknownPeriod(let value, let periods, let suggestion):
            return "“\(value)” is not a period of this questionnaire (periods: \(periods.joined(separator: ", "))).\(didYouMeanSentence(suggestion))"
        case .reportingRepeated(let unit, let period, let firstRow):
            return
                "unit “\(unit)” already has a response for period “\(period)” on row \(firstRow): one response per unit and period; keep one of the two rows."
        case .repetitionGap(let item, let number, let missing):
            return
                "“\(item) \(number)” has answers but “\(item) \(missing)” has none: repetitions are filled in order, without gaps; move these answers to the __\(missing) columns."
        case .repetitionBelowMinimum(let item, let minimum, let number):
            return
                "the questionnaire asks for at least \(minimum) repetition(s) “\(item)” and “\(item) \(number)” has no answer: fill it in (for a questionnaire left unfinished, put “\(ExchangeTokens.inProgress)” in a statut column)."
        }
    }
}
