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
    /// Each unit × period given in the file (questionnaires with `reporting:`), with its row, so
    /// that a second row for the same key is refused here and the store can refuse one it holds.
    package var reportingRows: [ReportingKey: Int] = [:]

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
    /// What the unit and period cells are read against, worked out once rather than for every row.
    private let reportingLookup: ReportingLookup?

    package init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.layout = ExchangeLayout(questionnaire, includeStatus: true)
        self.columnsByName = Dictionary(layout.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.reportingLookup = questionnaire.reporting.map { reporting in
            let referential = questionnaire.reportingUnits
            let units = referential?.units ?? []
            return ReportingLookup(
                referentialID: reporting.unitsID, kind: referential?.kind ?? reporting.unitsID, units: units, unitCodes: units.map(\.code),
                knownUnitCodes: Set(units.map(\.code)), periods: reporting.periods.map(\.code))
        }
    }

    /// A `reporting:` questionnaire's units and periods, as the import matches cells against them.
    private struct ReportingLookup {
        let referentialID: String
        let kind: String
        let units: [ReportingUnit]
        let unitCodes: [String]
        /// For the usual cell, an exact code, found without a scan of the referential.
        let knownUnitCodes: Set<String>
        let periods: [String]
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
        /// In an open repeat: the repetition's number, and the index of its section's group in
        /// `Mapping.repeats`.
        let repetitionNumber: Int?
        var repeatGroup: Int?

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
            repetitionNumber = variable.section.openRepeat == nil ? nil : key.repetition.flatMap { Int($0) }
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

    /// The slots of one open repeat section, repetition by repetition.
    private struct RepeatGroup {
        let section: Section
        let openRepeat: OpenRepeat
        /// Slot indices; element 0 holds repetition 1's.
        var slotsByRepetition: [[Int]]
    }

    private struct Mapping {
        var session: Int?
        var unit: Int?
        var period: Int?
        var status: Int?
        var startedAt: Int?
        var completedAt: Int?
        var slots: [Slot]
        var repeats: [RepeatGroup] = []
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
                if let repeated = repetitionBeyondMaximum(name) {
                    issues.append(
                        .error(
                            SourceLocation(file: file, line: 1, column: index + 1),
                            .repetitionAboveMaximum(name, item: repeated.item, maximum: repeated.max)))
                    continue
                }
                issues.append(
                    .error(
                        SourceLocation(file: file, line: 1, column: index + 1),
                        .unknownColumn(name, questionnaire: questionnaire.id, suggestion: closestMatch(to: name, in: known))))
                continue
            }
            switch column.content {
            case .session: mapping.session = index
            case .unit: mapping.unit = index
            case .period: mapping.period = index
            case .status: mapping.status = index
            case .startedAt: mapping.startedAt = index
            case .completedAt: mapping.completedAt = index
            case .value(let key): valueColumns[key] = index
            case .option(let key, let code): optionColumns[key, default: [:]][code] = index
            }
        }
        var missing: [String] = []
        // A monitoring response is nothing without the unit and the period it is given for.
        if questionnaire.reporting != nil {
            if mapping.unit == nil { missing.append(ExchangeLayout.unitColumn) }
            if mapping.period == nil { missing.append(ExchangeLayout.periodColumn) }
        }
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
        var groupOfSection: [String: Int] = [:]
        for (index, slot) in slots.enumerated() {
            guard let number = slot.repetitionNumber, let openRepeat = slot.step.variable.section.openRepeat, number >= 1, number <= openRepeat.max
            else { continue }
            let section = slot.step.variable.section
            let group =
                groupOfSection[section.id]
                ?? {
                    mapping.repeats.append(
                        RepeatGroup(section: section, openRepeat: openRepeat, slotsByRepetition: Array(repeating: [], count: openRepeat.max)))
                    groupOfSection[section.id] = mapping.repeats.count - 1
                    return mapping.repeats.count - 1
                }()
            mapping.repeats[group].slotsByRepetition[number - 1].append(index)
            slot.repeatGroup = group
        }
        return mapping
    }

    /// `livrable_titre__41` (or `livrable_cibles__41__spsti`) when the open repeat of
    /// `livrable_titre` stops at 40: the repeat, so that the message says why the column is unknown.
    private func repetitionBeyondMaximum(_ name: String) -> OpenRepeat? {
        let parts = name.components(separatedBy: "__")
        guard parts.count >= 2, let number = Int(parts[1]), parts[1].allSatisfy(\.isASCII),
            let openRepeat = questionnaire.variable(parts[0])?.section.openRepeat, number > openRepeat.max
        else { return nil }
        return openRepeat
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
        var reporting: ReportingKey?
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
        var session = readSession(record, mapping: mapping, now: now, newSessionID: newSessionID, sessionRows: &summary.sessionRows, issues: &issues)
        session.reporting = readReporting(record, mapping: mapping, reportingRows: &summary.reportingRows, issues: &issues)
        let read = readCells(record.fields, mapping: mapping, style: style, issues: &issues)
        let answers = checkTogether(read, mapping: mapping, status: session.status, issues: &issues)
        return ResponseRecord(
            sessionID: session.id, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, population: questionnaire.population,
            status: session.status, origin: .imported, startedAt: session.startedAt, completedAt: session.completedAt, answers: answers,
            reporting: session.reporting)
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

    /// The unit and period of a row, for a questionnaire with a `reporting:` block: both
    /// required, both from the definition (a code, or a unit's exact label). `reportingRows`
    /// records each key given, so that a second row for the same unit and period is refused.
    private func readReporting(_ record: CSVRecord, mapping: Mapping, reportingRows: inout [ReportingKey: Int], issues: inout RowIssues) -> ReportingKey? {
        guard let lookup = reportingLookup, let unitColumn = mapping.unit, let periodColumn = mapping.period else { return nil }
        func sameText(_ one: String, _ other: String) -> Bool { one.compare(other, options: [.caseInsensitive]) == .orderedSame }
        var unit: String?
        let unitText = record.fields[unitColumn].trimmedSpaces
        if unitText.isEmpty {
            issues.cell(unitColumn, .unitMissing(kind: lookup.kind))
        } else if lookup.knownUnitCodes.contains(unitText) {
            unit = unitText
        } else if let match = lookup.units.first(where: { sameText($0.code, unitText) || sameText($0.label, unitText) }) {
            unit = match.code
        } else {
            let codes = lookup.unitCodes
            issues.cell(
                unitColumn,
                .unknownUnit(
                    unitText, kind: lookup.kind, referential: lookup.referentialID, codes: Array(codes.prefix(12)), more: codes.count > 12,
                    suggestion: closestMatch(to: unitText, in: codes)))
        }
        var period: String?
        let periods = lookup.periods
        let periodText = record.fields[periodColumn].trimmedSpaces
        if periodText.isEmpty {
            issues.cell(periodColumn, .periodMissing(periods: periods))
        } else if let match = periods.first(where: { sameText($0, periodText) }) {
            // `prst3` for `PRST3`: the loader treats them as one wave, so does the import.
            period = match
        } else {
            issues.cell(periodColumn, .unknownPeriod(periodText, periods: periods, suggestion: closestMatch(to: periodText, in: periods)))
        }
        guard let unit, let period else { return nil }
        let key = ReportingKey(unit: unit, period: period)
        if let first = reportingRows[key] {
            issues.cell(unitColumn, .reportingRepeated(unit: unit, period: period, firstRow: first))
        } else {
            reportingRows[key] = record.row
        }
        return key
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
        let repeats = readRepeats(read, mapping: mapping, status: status, issues: &issues)
        answers.merge(repeats.continuations) { _, new in new }
        for (index, slot) in mapping.slots.enumerated() {
            guard let (cell, column) = read.cells[index] else { continue }
            if let group = slot.repeatGroup, let number = slot.repetitionNumber {
                // A repetition reported as a whole, or one the respondent never opened (nothing
                // stored, as for an unselected foreach choice).
                if repeats.unjudged.contains(index) || number > repeats.opened[group] { continue }
            }
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
            let asked = isAsked(slot, given: given)
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

    /// Whether the runner would ask the slot's question, given the row's values: its section's
    /// and its own `when` (inside a repetition, read in the same repetition).
    private func isAsked(_ slot: Slot, given: [AnswerKey: AnswerValue]) -> Bool {
        let plainLookup: (String) -> ConditionValue = { given[AnswerKey($0)]?.conditionValue ?? .missing }
        guard slot.sectionWhen.map({ $0.expression.isTrue(lookup: plainLookup) }) ?? true else { return false }
        guard let when = slot.questionWhen else { return true }
        guard let repetition = slot.step.key.repetition else { return when.expression.isTrue(lookup: plainLookup) }
        let repeatedIDs = slot.repeatedIDs
        return when.expression.isTrue(lookup: { id in
            (repeatedIDs.contains(id) ? given[AnswerKey(id, repetition: repetition)] : given[AnswerKey(id)])?.conditionValue ?? .missing
        })
    }

    /// What the open repeats of a row say, read repetition by repetition.
    private struct RepeatsRead {
        /// By group of `Mapping.repeats`: how many repetitions the row opens.
        var opened: [Int] = []
        /// The « add another? » answers that open them, as the runner stores them.
        var continuations: [AnswerKey: AnswerValue] = [:]
        /// Slots of repetitions already reported as a whole (a gap, a missing required one).
        var unjudged: Set<Int> = []
    }

    /// The repetitions a row opens: 1…`min` always, then up to the last one holding an answer.
    /// The « add another? » answers have no column, they follow from that: « oui » for each
    /// repetition opened after `min`, « non » for the next one in a completed response. A
    /// repetition left empty (or with only 0s in its 0/1 columns) before a filled one is a gap —
    /// unless every question it asks may stay unanswered, as an export writes a repetition
    /// opened and then skipped through.
    private func readRepeats(_ read: ReadCells, mapping: Mapping, status: SessionStatus, issues: inout RowIssues) -> RepeatsRead {
        var result = RepeatsRead()
        let given = read.given
        let plainLookup: (String) -> ConditionValue = { given[AnswerKey($0)]?.conditionValue ?? .missing }
        enum Filling { case filled, blank, notFilled }
        for group in mapping.repeats {
            let openRepeat = group.openRepeat, section = group.section
            let fillings: [Filling] = group.slotsByRepetition.map { indices in
                var allEmpty = true
                for index in indices {
                    // An unreadable cell was typed in: the repetition is meant to be filled.
                    guard let (cell, _) = read.cells[index] else { return .filled }
                    switch cell {
                    // Only 0s in a `multiple` question's columns: how a typist leaves unused
                    // repetitions of the template, not an answer that opens one.
                    case .value(.choices(let codes)) where codes.isEmpty: break
                    case .value: return .filled
                    case .notAsked: allEmpty = false
                    case .empty: break
                    }
                }
                return allEmpty ? .blank : .notFilled
            }
            let lastFilled = fillings.lastIndex(of: .filled).map { $0 + 1 } ?? 0
            let opened = max(openRepeat.min, lastFilled)
            result.opened.append(opened)
            // Most rows have no unreadable cell: then the condition need not be walked.
            let sectionUncertain =
                !read.unreadable.isEmpty && (section.when.map { $0.expression.variables.contains { read.unreadable.contains($0.id) } } ?? false)
            let sectionAsked = section.when.map { $0.expression.isTrue(lookup: plainLookup) } ?? true
            func mayStayBlank(_ number: Int) -> Bool {
                fillings[number - 1] == .blank
                    && group.slotsByRepetition[number - 1].allSatisfy { index in
                        let slot = mapping.slots[index]
                        return !isAsked(slot, given: given) || questionnaire.problem(with: .skipped, for: slot.step, answers: given) == nil
                    }
            }
            func firstColumn(of number: Int, filledOnly: Bool) -> Int? {
                for index in group.slotsByRepetition[number - 1] {
                    let slot = mapping.slots[index]
                    guard let entry = read.cells[index] else { return slot.column ?? slot.options.first?.column }
                    if !filledOnly { return entry.column }
                    if case .value = entry.cell { return entry.column }
                }
                return nil
            }
            if sectionAsked, !sectionUncertain {
                if status == .completed, openRepeat.min >= 1 {
                    for number in 1...openRepeat.min where fillings[number - 1] != .filled && !mayStayBlank(number) {
                        let problem = ImportCellProblem.repetitionBelowMinimum(item: openRepeat.item, minimum: openRepeat.min, number: number)
                        issues.cell(firstColumn(of: number, filledOnly: false), problem)
                        result.unjudged.formUnion(group.slotsByRepetition[number - 1])
                    }
                }
                var number = openRepeat.min + 1
                while number < lastFilled {
                    guard fillings[number - 1] != .filled else {
                        number += 1
                        continue
                    }
                    var next = number
                    while fillings[next - 1] != .filled { next += 1 }
                    if !(number..<next).allSatisfy(mayStayBlank) {
                        issues.cell(firstColumn(of: next, filledOnly: true), .repetitionGap(item: openRepeat.item, number: next, missing: number))
                        for gap in number..<next { result.unjudged.formUnion(group.slotsByRepetition[gap - 1]) }
                    }
                    number = next + 1
                }
            }
            guard openRepeat.max > openRepeat.min else { continue }
            if sectionAsked {
                if opened > openRepeat.min {
                    for number in (openRepeat.min + 1)...opened { result.continuations[AnswerKey(section.id, repetition: String(number))] = .choice("oui") }
                }
                if status == .completed, opened < openRepeat.max {
                    result.continuations[AnswerKey(section.id, repetition: String(opened + 1))] = .choice("non")
                }
            } else if status == .completed {
                result.continuations[AnswerKey(section.id, repetition: String(openRepeat.min + 1))] = .notAsked
            }
        }
        return result
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
