import Foundation
import SurveyCore

/// A bad cell, row or header, located as a spreadsheet shows it (the header is row 1).
package struct ImportIssue: Sendable, Hashable, Comparable {
    package var row: Int
    /// 1-based; nil when the whole row (or file) is at fault.
    package var column: Int?
    package var message: String

    package init(row: Int, column: Int?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    package func rendered(file: String) -> String {
        column.map { "\(file):\(row):\($0): \(message)" } ?? "\(file):\(row): \(message)"
    }

    package static func < (lhs: ImportIssue, rhs: ImportIssue) -> Bool {
        (lhs.row, lhs.column ?? 0, lhs.message) < (rhs.row, rhs.column ?? 0, rhs.message)
    }
}

/// What a reading pass found.
package struct ImportSummary: Sendable {
    package var issues: [ImportIssue] = []
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
    private let fr: Bool

    package init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.layout = ExchangeLayout(questionnaire, includeStatus: true)
        self.columnsByName = Dictionary(layout.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.fr = questionnaire.language == .fr
    }

    private func t(_ french: String, _ english: String) -> String { fr ? french : english }

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

    /// Reads every row. `accept` receives each valid record, and whether no issue was found so
    /// far (the caller may stop storing once the import is bound to fail); it returns why the
    /// record cannot be kept (its session already stored), or nil. It may throw to stop.
    package func read(
        data: Data, now: Date = Date(), newSessionID: () -> String, accept: (ResponseRecord, _ clean: Bool) throws -> String? = { _, _ in nil }
    ) throws -> ImportSummary {
        var summary = ImportSummary()
        var reader: CSVReader
        do {
            reader = try CSVReader(data: data)
        } catch {
            summary.issues.append(Self.issue(error, fr: fr))
            return summary
        }
        let style: CSVStyle = reader.separator == UInt8(ascii: ";") ? .excel : .rfc4180
        do {
            guard let header = try reader.next() else { return summary }
            guard let mapping = headerMapping(header.fields, issues: &summary.issues) else {
                summary.issues.sort()
                return summary
            }
            while let record = try reader.next() {
                // Spreadsheets save emptied rows as a line of separators: not a response.
                if record.fields.allSatisfy({ $0.trimmedSpaces.isEmpty }) { continue }
                summary.rows += 1
                guard record.fields.count == header.fields.count else {
                    summary.issues.append(
                        ImportIssue(
                            row: record.row, column: nil,
                            message: t(
                                "la ligne a \(record.fields.count) valeur(s) alors que l'en-tête a \(header.fields.count) colonnes : un séparateur en trop ou en moins ?",
                                "the row has \(record.fields.count) value(s) but the header has \(header.fields.count) columns: a separator too many or missing?"
                            )))
                    continue
                }
                let before = summary.issues.count
                let built = build(record, mapping: mapping, style: style, now: now, newSessionID: newSessionID, summary: &summary)
                guard let built, summary.issues.count == before else { continue }
                if let refusal = try accept(built, summary.issues.isEmpty) {
                    summary.issues.append(ImportIssue(row: record.row, column: mapping.session.map { $0 + 1 }, message: refusal))
                    continue
                }
                summary.valid += 1
                if built.status == .completed { summary.completed += 1 } else { summary.inProgress += 1 }
            }
        } catch let problem as CSVProblem {
            summary.issues.append(Self.issue(problem, fr: fr))
        }
        summary.issues.sort()
        return summary
    }

    static func issue(_ problem: CSVProblem, fr: Bool) -> ImportIssue {
        let location = problem.location
        return ImportIssue(row: location.row, column: location.column, message: problem.text(language: fr ? .fr : .en))
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

    private func headerMapping(_ fields: [String], issues: inout [ImportIssue]) -> Mapping? {
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
                issues.append(
                    ImportIssue(
                        row: 1, column: index + 1,
                        message: t(
                            "la colonne « \(name) » apparaît deux fois (déjà en colonne \(first + 1)) : gardez-en une seule.",
                            "column “\(name)” appears twice (already column \(first + 1)): keep only one.")))
                continue
            }
            seen[name] = index
            guard let column = columnsByName[name] else {
                let hint = closestMatch(to: name, in: known).map { t(" Vouliez-vous dire « \($0) » ?", " Did you mean “\($0)”?") } ?? ""
                issues.append(
                    ImportIssue(
                        row: 1, column: index + 1,
                        message: t(
                            "colonne inconnue « \(name) » : elle ne correspond à aucune question de « \(questionnaire.id) ».\(hint) Partez d'un fichier produit par prst export pour avoir les bons noms.",
                            "unknown column “\(name)”: it matches no question of “\(questionnaire.id)”.\(hint) Start from a file written by prst export for the right names."
                        )))
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
        if !missing.isEmpty {
            let shown =
                missing.prefix(10).map { "« \($0) »" }.joined(separator: ", ")
                + (missing.count > 10 ? t(" et \(missing.count - 10) autre(s)", " and \(missing.count - 10) more") : "")
            issues.append(
                ImportIssue(
                    row: 1, column: nil,
                    message: t(
                        "colonne(s) absente(s) : \(shown). Chaque question doit avoir sa colonne, même vide : partez d'un fichier produit par prst export.",
                        "missing column(s): \(shown). Every question needs its column, even empty: start from a file written by prst export.")))
        }
        guard issues.isEmpty else { return nil }
        mapping.slots = slots
        return mapping
    }

    // MARK: Rows

    private func build(
        _ record: CSVRecord, mapping: Mapping, style: CSVStyle, now: Date, newSessionID: () -> String, summary: inout ImportSummary
    ) -> ResponseRecord? {
        let row = record.row
        let fields = record.fields
        func issue(_ column: Int?, _ message: String) {
            let prefix = column.map { t("colonne « \(mapping.names[$0]) » : ", "column “\(mapping.names[$0])”: ") } ?? ""
            summary.issues.append(ImportIssue(row: row, column: column.map { $0 + 1 }, message: prefix + message))
        }

        for index in mapping.unnamed where !fields[index].trimmedSpaces.isEmpty {
            summary.issues.append(
                ImportIssue(
                    row: row, column: index + 1,
                    message: t(
                        "« \(fields[index]) » est dans une colonne sans nom d'en-tête : rattachez-la à une question ou videz-la.",
                        "“\(fields[index])” is in a column without a header name: give it one or empty it.")))
        }

        // Session id, status and times.
        var sessionID = mapping.session.map { fields[$0].trimmedSpaces } ?? ""
        if sessionID.isEmpty {
            sessionID = newSessionID()
        } else if !Self.isValidSessionID(sessionID) {
            issue(
                mapping.session,
                t(
                    "« \(sessionID) » ne peut pas être un identifiant de session : lettres, chiffres, - et _ seulement, 64 caractères au plus. Laissez la cellule vide pour qu'un identifiant soit créé.",
                    "“\(sessionID)” cannot be a session id: letters, digits, - and _ only, at most 64 characters. Leave the cell empty to get a new id."))
        } else if let first = summary.sessionRows[sessionID] {
            issue(
                mapping.session,
                t(
                    "la session « \(sessionID) » figure déjà à la ligne \(first) : une session ne peut être importée qu'une fois.",
                    "session “\(sessionID)” is already on row \(first): a session can be imported once only."))
        } else {
            summary.sessionRows[sessionID] = row
        }
        var status = SessionStatus.completed
        if let index = mapping.status {
            switch fields[index].trimmedSpaces {
            case "", ExchangeLayout.completedStatus, "completed": status = .completed
            case ExchangeLayout.inProgressStatus, "in_progress": status = .inProgress
            case let other:
                issue(
                    index,
                    t(
                        "« \(other) » n'est pas un état : « \(ExchangeLayout.completedStatus) » ou « \(ExchangeLayout.inProgressStatus) ».",
                        "“\(other)” is not a status: “\(ExchangeLayout.completedStatus)” or “\(ExchangeLayout.inProgressStatus)”."))
            }
        }
        var startedAt = now
        var completedAt: Date? = status == .completed ? now : nil
        if let index = mapping.startedAt, !fields[index].trimmedSpaces.isEmpty {
            if let date = ExchangeTime.parse(fields[index]) {
                startedAt = date
                if status == .completed { completedAt = date }
            } else {
                issue(
                    index,
                    t(
                        "« \(fields[index]) » n'est pas une date de la forme 2026-03-31T14:05:00Z.",
                        "“\(fields[index])” is not a date like 2026-03-31T14:05:00Z."))
            }
        }
        if let index = mapping.completedAt, status == .completed, !fields[index].trimmedSpaces.isEmpty {
            if let date = ExchangeTime.parse(fields[index]) {
                if date < startedAt {
                    issue(index, t("la fin précède le début de la session.", "the end is before the session's start."))
                }
                completedAt = date
            } else {
                issue(
                    index,
                    t(
                        "« \(fields[index]) » n'est pas une date de la forme 2026-03-31T14:05:00Z.",
                        "“\(fields[index])” is not a date like 2026-03-31T14:05:00Z."))
            }
        }

        // Every cell read on its own.
        var cells: [(cell: Cell, column: Int)?] = Array(repeating: nil, count: mapping.slots.count)
        var given: [AnswerKey: AnswerValue] = [:]
        given.reserveCapacity(mapping.slots.count)
        // An unreadable cell may be what a condition or a repetition depends on: then only the
        // values themselves are checked, so that no cell is blamed for another one's mistake.
        var unreadable = Set<String>()
        for (index, slot) in mapping.slots.enumerated() {
            let (cell, column) = read(slot, fields: fields, style: style, issue: issue)
            guard let cell else {
                unreadable.insert(slot.step.key.variable)
                unreadable.insert(slot.step.variable.question.id)
                continue
            }
            cells[index] = (cell, column)
            if case .value(let value) = cell { given[slot.step.key] = value }
        }

        // Then checked together, under the conditions the runner would use: the same rules as
        // `Questionnaire.plan(given:)`, without rebuilding the plan for every row.
        var answers: [AnswerKey: AnswerValue] = [:]
        answers.reserveCapacity(mapping.slots.count)
        let plainLookup: (String) -> ConditionValue = { given[AnswerKey($0)]?.conditionValue ?? .missing }
        for (index, slot) in mapping.slots.enumerated() {
            guard let (cell, column) = cells[index] else { continue }
            if let foreach = slot.foreach, let repetition = slot.step.key.repetition {
                var opened = false
                if case .choices(let codes) = given[AnswerKey(foreach)] { opened = codes.contains(repetition) }
                guard opened else {
                    // A repetition this respondent never opened.
                    if case .value = cell, !unreadable.contains(foreach) {
                        let number = questionnaire.question(foreach)?.number ?? "?"
                        issue(
                            column,
                            t(
                                "réponse sur « \(repetition) » alors que ce choix n'est pas coché à la question \(number) : la cellule doit être vide ou « \(ExchangeLayout.notAskedMarker) ».",
                                "answer about “\(repetition)” although that choice is not selected in question \(number): the cell must be empty or “\(ExchangeLayout.notAskedMarker)”."
                            ))
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
            switch (asked, cell) {
            case (true, .value(let value)):
                if let problem = questionnaire.problem(with: value, for: slot.step, answers: given) {
                    issue(column, t("question \(slot.step.number) : ", "question \(slot.step.number): ") + Problem.answer(problem).message(in: questionnaire.language))
                } else {
                    answers[slot.step.key] = value
                }
            case (true, .empty):
                guard status == .completed, !uncertain else { continue }
                if questionnaire.problem(with: .skipped, for: slot.step, answers: given) != nil {
                    issue(
                        column,
                        t(
                            "la question \(slot.step.number) est obligatoire et elle est posée à ce répondant : la cellule ne peut pas rester vide (pour un questionnaire laissé inachevé, mettez « \(ExchangeLayout.inProgressStatus) » dans une colonne statut).",
                            "question \(slot.step.number) is required and asked of this respondent: the cell cannot stay empty (for a questionnaire left unfinished, put “\(ExchangeLayout.inProgressStatus)” in a statut column)."
                        ))
                } else {
                    answers[slot.step.key] = .skipped
                }
            case (true, .notAsked):
                guard !uncertain else { continue }
                issue(
                    column,
                    t(
                        "« \(ExchangeLayout.notAskedMarker) » (non posée) alors que la question \(slot.step.number) est posée à ce répondant\(conditionText(slot.step)) : donnez la réponse, ou laissez vide si elle est facultative.",
                        "“\(ExchangeLayout.notAskedMarker)” (not asked) but question \(slot.step.number) is asked of this respondent\(conditionText(slot.step)): give the answer, or leave it empty if optional."
                    ))
            case (false, .value(let value)):
                if uncertain {
                    if let problem = questionnaire.problem(with: value, for: slot.step, answers: given) {
                        issue(column, t("question \(slot.step.number) : ", "question \(slot.step.number): ") + Problem.answer(problem).message(in: questionnaire.language))
                    }
                    continue
                }
                issue(
                    column,
                    t(
                        "la question \(slot.step.number) n'est pas posée à ce répondant\(conditionText(slot.step)) : la cellule doit être vide ou « \(ExchangeLayout.notAskedMarker) ».",
                        "question \(slot.step.number) is not asked of this respondent\(conditionText(slot.step)): the cell must be empty or “\(ExchangeLayout.notAskedMarker)”."
                    ))
            case (false, .empty):
                if status == .completed { answers[slot.step.key] = .notAsked }
            case (false, .notAsked):
                answers[slot.step.key] = .notAsked
            }
        }
        return ResponseRecord(
            sessionID: sessionID, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version, population: questionnaire.population,
            status: status, origin: .imported, startedAt: startedAt, completedAt: completedAt, answers: answers)
    }

    /// Whether the step's conditions, repetition or constraint read one of these variables.
    private func dependsOn(_ unreadable: Set<String>, _ step: Step) -> Bool {
        let section = questionnaire.sections[step.sectionIndex]
        if let foreach = section.foreach, unreadable.contains(foreach) { return true }
        let conditions = [section.when, step.question.when, step.question.constraint].compactMap { $0 }
        return conditions.contains { $0.expression.variables.contains { unreadable.contains($0.id) } }
    }

    private func conditionText(_ step: Step) -> String {
        let section = questionnaire.sections[step.sectionIndex]
        let conditions = [section.when, step.question.when].compactMap { $0 }.map { questionnaire.describe($0) }
        guard !conditions.isEmpty else { return "" }
        return t(" (condition : ", " (condition: ") + conditions.joined(separator: t(" et ", " and ")) + ")"
    }

    /// One variable's cell(s), parsed; nil (with an issue) when a value is unreadable.
    private func read(_ slot: Slot, fields: [String], style: CSVStyle, issue: (Int?, String) -> Void) -> (Cell?, Int) {
        if let index = slot.column {
            let raw = fields[index]
            let trimmed = raw.trimmedSpaces
            if trimmed.isEmpty { return (.empty, index) }
            if trimmed == ExchangeLayout.notAskedMarker { return (.notAsked, index) }
            switch slot.step.variable.valueType {
            case .single, .yesno:
                if let choice = match(trimmed, in: slot.choices) { return (.value(.choice(choice.code)), index) }
                issue(index, notACode(trimmed, slot.choices))
            case .scale:
                guard let scale = slot.scale else { return (nil, index) }
                if let level = match(trimmed, in: scale.levels) { return (.value(.choice(level.code)), index) }
                if let missing = match(trimmed, in: scale.missing) { return (.value(.nonSubstantive(missing.code)), index) }
                issue(index, notACode(trimmed, scale.allOptions))
            case .number:
                if let number = ExchangeNumber.parse(trimmed) { return (.value(.number(number)), index) }
                issue(index, t("« \(trimmed) » n'est pas un nombre (exemples : 12, 3,5 ou 3.5).", "“\(trimmed)” is not a number (e.g. 12, 3.5)."))
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
                issue(
                    option.column,
                    t(
                        "« \(ExchangeLayout.notAskedMarker) » dans une seule colonne de la question : une question non posée l'est pour tous ses choix.",
                        "“\(ExchangeLayout.notAskedMarker)” in one column only: a question that is not asked is so for all its choices."))
                readable = false
            default:
                issue(option.column, t("« \(value) » : attendu 1 (coché) ou 0 (non coché).", "“\(value)”: expected 1 (selected) or 0 (not selected)."))
                readable = false
            }
        }
        return (readable ? .value(.choices(selected)) : nil, first)
    }

    /// A code, or the exact label as a typist may have entered it from a paper form.
    private func match(_ text: String, in choices: [Choice]) -> Choice? {
        choices.first { $0.code == text } ?? choices.first { $0.label.compare(text, options: [.caseInsensitive]) == .orderedSame }
    }

    private func notACode(_ text: String, _ choices: [Choice]) -> String {
        let codes = choices.prefix(12).map(\.code).joined(separator: ", ") + (choices.count > 12 ? ", …" : "")
        let hint = closestMatch(to: text, in: choices.map(\.code)).map { t(" Vouliez-vous dire « \($0) » ?", " Did you mean “\($0)”?") } ?? ""
        return t("« \(text) » n'est pas un code prévu (codes : \(codes)).\(hint)", "“\(text)” is not an expected code (codes: \(codes)).\(hint)")
    }

    static func isValidSessionID(_ id: String) -> Bool {
        id.utf8.count <= 64
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            }
    }
}
