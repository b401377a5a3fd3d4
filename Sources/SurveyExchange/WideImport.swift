import Foundation
import SurveyCore

/// What a reading pass found.
package struct ImportSummary: Sendable {
    /// Every bad cell, row or header, located `file:row:column` (the header is row 1; no
    /// column when the whole row or file is at fault). Printed with `Diagnostic.locatedMessage(in:)`.
    package var issues: [Diagnostic] = []
    package var rows = 0
    package var valid = 0
    package var completed = 0
    package var inProgress = 0
    /// Each session id given in the file, with its row, so that the caller can refuse ids the
    /// store already holds.
    package var sessionRows: [String: Int] = [:]

    package init() {}
}

/// Reads a wide CSV written by `prst export` (or typed by hand with its column names) and turns
/// each row into a session, checking every value against the definition exactly as the runner
/// would: codes, ranges, constraints, required questions and `when` conditions.
///
/// The caller reads the file twice: a first pass collects every issue without storing
/// anything; only when it found none does a second pass hand the records to the store, in one
/// transaction. Memory stays bounded whatever the number of rows.
package final class WideImporter {
    package let questionnaire: Questionnaire
    let layout: ExchangeLayout
    private let columnsByName: [String: ExchangeColumn]

    package init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.layout = ExchangeLayout(questionnaire, includeStatus: true)
        self.columnsByName = Dictionary(layout.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One variable's cells in the file (one column, or one 0/1 column per choice), with
    /// everything about it that does not depend on the row, worked out once.
    private final class Slot {
        // Constants, so that reading them in the per-row loop borrows instead of copying.
        /// The variable, its key and repetition, as `problem(with:for:answers:)` takes them.
        let step: Step
        let column: Int?
        var options: [(code: String, column: Int)]
        /// The choices a single, yes/no or multiple cell may hold.
        let choices: [Choice]
        let scale: Scale?
        /// The `multiple` question whose selected choices open this repetition.
        let foreach: String?
        let sectionWhen: Condition?
        let questionWhen: Condition?
        /// Ids that, inside this repetition, read the same repetition's answers.
        let repeatedIDs: Set<String>

        init(step: Step, column: Int?, options: [(code: String, column: Int)], in questionnaire: Questionnaire) {
            self.step = step
            self.column = column
            self.options = options
            let variable = step.variable, key = step.key
            switch variable.valueType {
            case .single, .yesno, .multiple: choices = questionnaire.options(for: variable.question)
            default: choices = []
            }
            scale = variable.valueType == .scale ? questionnaire.scale(for: variable.question) : nil
            foreach = variable.section.foreach
            sectionWhen = variable.section.when
            questionWhen = variable.question.when
            repeatedIDs = key.repetition == nil ? [] : Set(variable.section.questions.flatMap { [$0.id] + $0.items.map(\.id) })
        }
    }

    private enum Cell {
        case empty
        case notAsked
        case value(AnswerValue)
    }

    /// Reads every row of `file`'s `data`. `accept` receives each valid record, and whether no
    /// issue was found so far (the caller may stop storing once the import is bound to fail); it
    /// returns why the record cannot be kept (its session already stored), or nil. It may throw to stop.
    package func read(
        data: Data, file: String, now: Date = Date(), newSessionID: () -> String,
        accept: (ResponseRecord, _ clean: Bool) throws -> ImportProblem? = { _, _ in nil }
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        var reader: CSVReader
        do {
            reader = try CSVReader(data: data)
        } catch {
            summary.issues.append(Self.issue(error, file: file))
            return summary
        }
        let style: CSVStyle = reader.separator == UInt8(ascii: ";") ? .excel : .rfc4180
        do {
            guard let header = try reader.next() else { return summary }
            guard let mapping = headerMapping(header.fields, file: file, issues: &summary.issues) else {
                summary.issues.sort()
                return summary
            }
            while let record = try reader.next() {
                // Spreadsheets save emptied rows as a line of separators: not a response.
                if record.fields.allSatisfy({ $0.trimmedSpaces.isEmpty }) { continue }
                summary.rows += 1
                guard record.fields.count == header.fields.count else {
                    summary.issues.append(
                        .error(SourceLocation(file: file, line: record.row), .fieldCountMismatch(values: record.fields.count, columns: header.fields.count)))
                    continue
                }
                let before = summary.issues.count
                let built = build(record, file: file, mapping: mapping, style: style, now: now, newSessionID: newSessionID, summary: &summary)
                guard let built, summary.issues.count == before else { continue }
                if let refusal = try accept(built, summary.issues.isEmpty) {
                    summary.issues.append(.error(SourceLocation(file: file, line: record.row, column: mapping.session.map { $0 + 1 } ?? 0), refusal))
                    continue
                }
                summary.valid += 1
                if built.status == .completed { summary.completed += 1 } else { summary.inProgress += 1 }
            }
        } catch let problem as CSVProblem {
            summary.issues.append(Self.issue(problem, file: file))
        }
        summary.issues.sort()
        return summary
    }

    static func issue(_ problem: CSVProblem, file: String) -> Diagnostic {
        let location = problem.location
        return .error(SourceLocation(file: file, line: location.row, column: location.column ?? 0), problem.importProblem)
    }

    // MARK: Header

    private struct Mapping {
        var session: Int?
        var status: Int?
        var startedAt: Int?
        var completedAt: Int?
        var slots: [Slot]
        var names: [String]
        var unnamed: [Int] = []
    }

    private func headerMapping(_ fields: [String], file: String, issues: inout [Diagnostic]) -> Mapping? {
        var seen: [String: Int] = [:]
        var mapping = Mapping(slots: [], names: fields.map { $0.trimmedSpaces })
        var optionColumns: [AnswerKey: [String: Int]] = [:]
        var valueColumns: [AnswerKey: Int] = [:]
        let known = layout.columns.map(\.name)
        for (index, name) in mapping.names.enumerated() {
            // A spreadsheet may save separators after the last column: nameless columns are
            // accepted as long as they stay empty (checked on each row).
            if name.isEmpty {
                mapping.unnamed.append(index)
                continue
            }
            if let first = seen[name] {
                issues.append(.error(SourceLocation(file: file, line: 1, column: index + 1), .duplicateColumn(name, firstColumn: first + 1)))
                continue
            }
            seen[name] = index
            guard let column = columnsByName[name] else {
                issues.append(
                    .error(
                        SourceLocation(file: file, line: 1, column: index + 1),
                        .unknownColumn(name, questionnaire: questionnaire.id, suggestion: closestMatch(to: name, in: known))))
                continue
            }
            switch column.content {
            case .session: mapping.session = index
            case .status: mapping.status = index
            case .startedAt: mapping.startedAt = index
            case .completedAt: mapping.completedAt = index
            case .value(let key): valueColumns[key] = index
            case .option(let key, let code): optionColumns[key, default: [:]][code] = index
            }
        }
        var missing: [String] = []
        var slots: [Slot] = []
        for column in layout.columns {
            guard let step = column.step else { continue }
            switch column.content {
            case .value(let key):
                if let index = valueColumns[key] {
                    slots.append(Slot(step: step, column: index, options: [], in: questionnaire))
                } else {
                    missing.append(column.name)
                }
            case .option(let key, let code):
                guard let index = optionColumns[key]?[code] else {
                    missing.append(column.name)
                    continue
                }
                if let last = slots.last, last.step.key == key {
                    last.options.append((code, index))
                } else {
                    slots.append(Slot(step: step, column: nil, options: [(code, index)], in: questionnaire))
                }
            default: continue
            }
        }
        if !missing.isEmpty { issues.append(.error(SourceLocation(file: file, line: 1), .missingColumns(missing))) }
        guard issues.isEmpty else { return nil }
        mapping.slots = slots
        return mapping
    }

    // MARK: Rows

    /// The problems found in one row, located in its file; a cell's problem names its column.
    private struct RowIssues {
        let file: String
        let row: Int
        /// The header's names, by 0-based column.
        let names: [String]
        var found: [Diagnostic] = []

        mutating func cell(_ column: Int?, _ problem: ImportCellProblem) {
            found.append(.error(location(column), .cell(column: column.map { names[$0] }, problem)))
        }

        mutating func row(at column: Int?, _ problem: ImportProblem) {
            found.append(.error(location(column), problem))
        }

        private func location(_ column: Int?) -> SourceLocation {
            SourceLocation(file: file, line: row, column: column.map { $0 + 1 } ?? 0)
        }
    }

    /// What a row says about its session rather than its answers.
    private struct SessionFields {
        var id: String
        var status: SessionStatus
        var startedAt: Date
        var completedAt: Date?
    }

    /// Each variable's cell(s) read on their own, before any condition is considered.
    private struct ReadCells {
        /// By slot; nil when the cell is unreadable (its problem already reported).
        var cells: [(cell: Cell, column: Int)?]
        /// The values given, as conditions and constraints read them.
        var given: [AnswerKey: AnswerValue]
        /// Variables and questions whose cell is unreadable.
        var unreadable: Set<String>
    }

    /// One row turned into a session, in stages: nameless columns, the session's own fields,
    /// each cell on its own, then the cells together under the runner's conditions.
    private func build(
        _ record: CSVRecord, file: String, mapping: Mapping, style: CSVStyle, now: Date, newSessionID: () -> String, summary: inout ImportSummary
    ) -> ResponseRecord? {
        var issues = RowIssues(file: file, row: record.row, names: mapping.names)
        defer { summary.issues.append(contentsOf: issues.found) }
        for index in mapping.unnamed where !record.fields[index].trimmedSpaces.isEmpty {
            issues.row(at: index, .valueInUnnamedColumn(record.fields[index]))
        }
        let session = readSession(record, mapping: mapping, now: now, newSessionID: newSessionID, sessionRows: &summary.sessionRows, issues: &issues)
        let read = readCells(record.fields, mapping: mapping, style: style, issues: &issues)
        let answers = checkTogether(read, mapping: mapping, status: session.status, issues: &issues)
        return ResponseRecord(
            sessionID: session.id, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, population: questionnaire.population,
            status: session.status, origin: .imported, startedAt: session.startedAt, completedAt: session.completedAt, answers: answers)
    }

    /// The session id (a new one when the cell is empty), status and times. `sessionRows`
    /// records each id given, so that a second row with the same id is refused.
    private func readSession(
        _ record: CSVRecord, mapping: Mapping, now: Date, newSessionID: () -> String, sessionRows: inout [String: Int], issues: inout RowIssues
    ) -> SessionFields {
        let fields = record.fields
        var sessionID = mapping.session.map { fields[$0].trimmedSpaces } ?? ""
        if sessionID.isEmpty {
            sessionID = newSessionID()
        } else if !Self.isValidSessionID(sessionID) {
            issues.cell(mapping.session, .invalidSessionID(sessionID))
        } else if let first = sessionRows[sessionID] {
            issues.cell(mapping.session, .sessionRepeated(sessionID, firstRow: first))
        } else {
            sessionRows[sessionID] = record.row
        }
        var status = SessionStatus.completed
        if let index = mapping.status {
            switch fields[index].trimmedSpaces {
            case "", ExchangeLayout.completedStatus, "completed": status = .completed
            case ExchangeLayout.inProgressStatus, "in_progress": status = .inProgress
            case let other: issues.cell(index, .unknownStatus(other))
            }
        }
        var startedAt = now
        var completedAt: Date? = status == .completed ? now : nil
        if let index = mapping.startedAt, !fields[index].trimmedSpaces.isEmpty {
            if let date = ExchangeTime.parse(fields[index]) {
                startedAt = date
                if status == .completed { completedAt = date }
            } else {
                issues.cell(index, .notADate(fields[index]))
            }
        }
        if let index = mapping.completedAt, status == .completed, !fields[index].trimmedSpaces.isEmpty {
            if let date = ExchangeTime.parse(fields[index]) {
                if date < startedAt { issues.cell(index, .endBeforeStart) }
                completedAt = date
            } else {
                issues.cell(index, .notADate(fields[index]))
            }
        }
        return SessionFields(id: sessionID, status: status, startedAt: startedAt, completedAt: completedAt)
    }

    /// Every cell parsed on its own. An unreadable cell may be what a condition or a repetition
    /// depends on: it is remembered so that no other cell is blamed for its mistake.
    private func readCells(_ fields: [String], mapping: Mapping, style: CSVStyle, issues: inout RowIssues) -> ReadCells {
        var read = ReadCells(cells: Array(repeating: nil, count: mapping.slots.count), given: [:], unreadable: [])
        read.given.reserveCapacity(mapping.slots.count)
        for (index, slot) in mapping.slots.enumerated() {
            let (cell, column) = self.read(slot, fields: fields, style: style, issues: &issues)
            guard let cell else {
                read.unreadable.insert(slot.step.key.variable)
                read.unreadable.insert(slot.step.variable.question.id)
                continue
            }
            read.cells[index] = (cell, column)
            if case .value(let value) = cell { read.given[slot.step.key] = value }
        }
        return read
    }

    /// The cells checked together, under the conditions the runner would use: the same rules as
    /// `Questionnaire.plan(given:)`, without rebuilding the plan for every row. Returns the answers to store.
    private func checkTogether(_ read: ReadCells, mapping: Mapping, status: SessionStatus, issues: inout RowIssues) -> [AnswerKey: AnswerValue] {
        let given = read.given, unreadable = read.unreadable
        var answers: [AnswerKey: AnswerValue] = [:]
        answers.reserveCapacity(mapping.slots.count)
        let plainLookup: (String) -> ConditionValue = { given[AnswerKey($0)]?.conditionValue ?? .missing }
        for (index, slot) in mapping.slots.enumerated() {
            guard let (cell, column) = read.cells[index] else { continue }
            if let foreach = slot.foreach, let repetition = slot.step.key.repetition {
                var opened = false
                if case .choices(let codes) = given[AnswerKey(foreach)] { opened = codes.contains(repetition) }
                guard opened else {
                    // A repetition this respondent never opened.
                    if case .value = cell, !unreadable.contains(foreach) {
                        issues.cell(column, .repetitionNotOpened(choice: repetition, foreachNumber: questionnaire.question(foreach)?.number ?? "?"))
                    }
                    continue
                }
            }
            var asked = slot.sectionWhen.map { $0.expression.isTrue(lookup: plainLookup) } ?? true
            if asked, let when = slot.questionWhen {
                if let repetition = slot.step.key.repetition {
                    let repeatedIDs = slot.repeatedIDs
                    asked = when.expression.isTrue(lookup: { id in
                        (repeatedIDs.contains(id) ? given[AnswerKey(id, repetition: repetition)] : given[AnswerKey(id)])?.conditionValue ?? .missing
                    })
                } else {
                    asked = when.expression.isTrue(lookup: plainLookup)
                }
            }
            let uncertain = !unreadable.isEmpty && dependsOn(unreadable, slot.step)
            let number = slot.step.number
            switch (asked, cell) {
            case (true, .value(let value)):
                if let problem = questionnaire.problem(with: value, for: slot.step, answers: given) {
                    issues.cell(column, .answer(questionNumber: number, problem))
                } else {
                    answers[slot.step.key] = value
                }
            case (true, .empty):
                guard status == .completed, !uncertain else { continue }
                if questionnaire.problem(with: .skipped, for: slot.step, answers: given) != nil {
                    issues.cell(column, .requiredCellEmpty(questionNumber: number))
                } else {
                    answers[slot.step.key] = .skipped
                }
            case (true, .notAsked):
                guard !uncertain else { continue }
                issues.cell(column, .notAskedButAsked(questionNumber: number, conditions: conditions(of: slot.step)))
            case (false, .value(let value)):
                if uncertain {
                    if let problem = questionnaire.problem(with: value, for: slot.step, answers: given) {
                        issues.cell(column, .answer(questionNumber: number, problem))
                    }
                    continue
                }
                issues.cell(column, .answeredButNotAsked(questionNumber: number, conditions: conditions(of: slot.step)))
            case (false, .empty):
                if status == .completed { answers[slot.step.key] = .notAsked }
            case (false, .notAsked):
                answers[slot.step.key] = .notAsked
            }
        }
        return answers
    }

    /// Whether the step's conditions, repetition or constraint read one of these variables.
    private func dependsOn(_ unreadable: Set<String>, _ step: Step) -> Bool {
        let section = questionnaire.sections[step.sectionIndex]
        if let foreach = section.foreach, unreadable.contains(foreach) { return true }
        let conditions = [section.when, step.question.when, step.question.constraint].compactMap { $0 }
        return conditions.contains { $0.expression.variables.contains { unreadable.contains($0.id) } }
    }

    /// The section's and question's conditions, described in the questionnaire's language.
    private func conditions(of step: Step) -> [String] {
        let section = questionnaire.sections[step.sectionIndex]
        return [section.when, step.question.when].compactMap { $0 }.map { questionnaire.describe($0) }
    }

    /// One variable's cell(s), parsed; nil (with an issue) when a value is unreadable.
    private func read(_ slot: Slot, fields: [String], style: CSVStyle, issues: inout RowIssues) -> (Cell?, Int) {
        if let index = slot.column {
            let raw = fields[index]
            let trimmed = raw.trimmedSpaces
            if trimmed.isEmpty { return (.empty, index) }
            if trimmed == ExchangeLayout.notAskedMarker { return (.notAsked, index) }
            switch slot.step.variable.valueType {
            case .single, .yesno:
                if let choice = match(trimmed, in: slot.choices) { return (.value(.choice(choice.code)), index) }
                issues.cell(index, notACode(trimmed, slot.choices))
            case .scale:
                guard let scale = slot.scale else { return (nil, index) }
                if let level = match(trimmed, in: scale.levels) { return (.value(.choice(level.code)), index) }
                if let missing = match(trimmed, in: scale.missing) { return (.value(.nonSubstantive(missing.code)), index) }
                issues.cell(index, notACode(trimmed, scale.allOptions))
            case .number:
                if let number = ExchangeNumber.parse(trimmed) { return (.value(.number(number)), index) }
                issues.cell(index, .notANumber(trimmed))
            default:
                return (.value(.text(ExchangeText.unprotect(raw, style: style))), index)
            }
            return (nil, index)
        }
        let first = slot.options.first?.column ?? 0
        let values = slot.options.map { fields[$0.column].trimmedSpaces }
        if values.allSatisfy(\.isEmpty) { return (.empty, first) }
        if values.allSatisfy({ $0 == ExchangeLayout.notAskedMarker }) { return (.notAsked, first) }
        var selected: [String] = []
        var readable = true
        for (option, value) in zip(slot.options, values) {
            switch value {
            case "1": selected.append(option.code)
            case "0", "": break
            case ExchangeLayout.notAskedMarker:
                issues.cell(option.column, .notAskedInOneColumn)
                readable = false
            default:
                issues.cell(option.column, .notZeroOrOne(value))
                readable = false
            }
        }
        return (readable ? .value(.choices(selected)) : nil, first)
    }

    /// A code, or the exact label as a typist may have entered it from a paper form.
    private func match(_ text: String, in choices: [Choice]) -> Choice? {
        choices.first { $0.code == text } ?? choices.first { $0.label.compare(text, options: [.caseInsensitive]) == .orderedSame }
    }

    private func notACode(_ text: String, _ choices: [Choice]) -> ImportCellProblem {
        .notACode(text, codes: choices.prefix(12).map(\.code), more: choices.count > 12, suggestion: closestMatch(to: text, in: choices.map(\.code)))
    }

    static func isValidSessionID(_ id: String) -> Bool {
        id.utf8.count <= 64
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            }
    }
}
