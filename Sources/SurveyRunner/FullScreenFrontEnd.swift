import Foundation
import SurveyCore

/// The full-screen mode: one question per screen with a header, progress bar, arrow-key
/// navigation, a welcome screen and a review screen. Every validated answer is saved at once.
package final class FullScreenFrontEnd {
    private let session: RunSession
    private let terminal: TerminalIO
    private var strings: Strings { session.strings }
    private var engine: SessionEngine { session.engine }
    private var questionnaire: Questionnaire { session.questionnaire }

    package init(session: RunSession, terminal: TerminalIO) {
        self.session = session
        self.terminal = terminal
    }

    /// What one screen shows, and where the terminal cursor goes (screen readers follow it).
    struct Screen {
        var lines: [String] = []
        var cursor: (row: Int, column: Int)?
    }

    enum Flow { case next, interrupted }

    package func run() -> RunResult {
        guard terminal.enter() else {
            // No usable terminal after all: the plain mode on the same terminal.
            return PlainFrontEnd(session: session, input: StandardInputLines(), output: terminal.write).run()
        }
        var result = RunResult.interrupted
        defer {
            terminal.leave()
            if result == .completed {
                var text = (session.isRehearsal ? strings.thanksRehearsal : strings.thanks) + "\n"
                if let outro = questionnaire.outro {
                    text += TextLayout.wrap(outro.trimmingCharacters(in: .whitespacesAndNewlines), width: width - 1).joined(separator: "\n") + "\n"
                }
                terminal.write(text)
            }
        }
        guard welcome() == .next else { return result }
        while true {
            if let step = engine.current {
                let flow = step.isNote ? note(step) : ask(step)
                if flow == .interrupted { return result }
            } else {
                switch reviewScreen() {
                case .some(let final):
                    result = final
                    return result
                case .none:
                    continue
                }
            }
        }
    }

    // MARK: Drawing

    private var width: Int { max(terminal.size.columns, 20) }

    private func bold(_ text: String) -> String { terminal.colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { terminal.colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    private func inverse(_ text: String) -> String { terminal.colour ? "\u{1B}[7m\(text)\u{1B}[0m" : text }
    private func red(_ text: String) -> String { terminal.colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
    private func yellow(_ text: String) -> String { terminal.colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }

    private func wrap(_ text: String, indent: String = "") -> [String] {
        TextLayout.wrap(text, width: width - indent.count - 1).map { indent + $0 }
    }

    private func draw(_ screen: Screen) {
        let rows = terminal.size.rows
        var output = "\u{1B}[H\u{1B}[2J"
        output += screen.lines.prefix(rows).joined(separator: "\r\n")
        if let cursor = screen.cursor {
            output += "\u{1B}[\(min(cursor.row, rows - 1) + 1);\(cursor.column + 1)H"
        }
        terminal.write(output)
    }

    private func header(_ step: Step?) -> [String] {
        var lines = wrap(questionnaire.title).map(bold)
        if session.isRehearsal { lines += wrap(strings.rehearsal).map(yellow) }
        if let step {
            let section = questionnaire.sections[step.sectionIndex]
            let progress = engine.progress
            let title = substitute(section.title, repetition: step.repetition)
            lines += wrap("\(title)  ·  \(strings.questionCounter(progress.index, progress.total))")
            lines.append(progressBar(progress.fraction))
        } else {
            lines.append(strings.review)
            lines.append(progressBar(1))
        }
        lines.append("")
        return lines
    }

    private func progressBar(_ fraction: Double) -> String {
        let size = max(10, min(40, width - 10))
        let filled = Int((fraction * Double(size)).rounded())
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: size - filled) + "] \(Int((fraction * 100).rounded())) %"
    }

    /// Fits a list into the rows left, around the highlighted line.
    private func window(_ count: Int, around index: Int, rows: Int) -> Range<Int> {
        guard count > rows, rows > 0 else { return 0..<count }
        let start = max(0, min(index - rows / 2, count - rows))
        return start..<(start + rows)
    }

    // MARK: Welcome and notes

    private func welcome() -> Flow {
        var lines = [bold(questionnaire.title), ""]
        if let heading = session.reportingHeading { lines.insert(contentsOf: wrap(heading), at: 1) }
        if session.isRehearsal { lines += wrap(strings.rehearsal).map(yellow); lines.append("") }
        if session.isResumed {
            lines += wrap(strings.resumed)
        } else if let intro = questionnaire.intro {
            lines += wrap(intro.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let code = session.resumeCode {
            lines += ["", bold(strings.resumeCode(code))] + wrap(strings.resumeCodeExplanation)
        }
        return waitForEnter(lines, footer: strings.welcomeContinue)
    }

    private func note(_ step: Step) -> Flow {
        let flow = waitForEnter(header(step) + wrap(step.label), footer: strings.noteContinue, allowBack: true)
        if flow == .next, engine.current?.key == step.key { engine.advance() }
        return flow
    }

    /// Shows text (scrollable with ↑/↓) until Enter.
    private func waitForEnter(_ lines: [String], footer: String, allowBack: Bool = false) -> Flow {
        var offset = 0
        while true {
            let rows = terminal.size.rows - 2
            let shown = Array(lines.dropFirst(offset).prefix(rows))
            draw(Screen(lines: shown + ["", dim(footer)], cursor: (shown.count + 1, 0)))
            switch terminal.readKey() {
            case .enter, .space: return .next
            case .interrupt, .closed: return .interrupted
            case .down, .character("j"): if offset + rows < lines.count { offset += 1 }
            case .up, .character("k"): offset = max(0, offset - 1)
            case .left where allowBack, .backspace where allowBack: if engine.back() { return .next }
            default: continue
            }
        }
    }

    // MARK: Questions

    /// Editing state of the step on screen.
    struct Editor {
        var highlighted = 0
        var selected: Set<String> = []
        var text: [Character] = []
        var cursor = 0
        var message: String?
        var isWarning = false
        var showHelp = false

        var string: String { String(text) }

        mutating func insert(_ character: Character) {
            if cursor > 0, character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                text[cursor - 1] = Character(String(text[cursor - 1]) + String(character))
                return
            }
            text.insert(character, at: cursor)
            cursor += 1
        }
    }

    private func editor(for step: Step, options: [DisplayedOption]) -> Editor {
        var editor = Editor()
        switch engine.suggestion(for: step.key) {
        case .choice(let code)?, .nonSubstantive(let code)?:
            editor.highlighted = options.firstIndex { $0.choice.code == code } ?? 0
        case .choices(let codes)?:
            editor.selected = Set(codes)
        case .number(let number)?:
            editor.text = Array(strings.number(number))
        case .text(let text)?:
            editor.text = Array(text)
        default:
            break
        }
        editor.cursor = editor.text.count
        return editor
    }

    private func isTextual(_ step: Step) -> Bool { step.question.type == .text || step.question.type == .number }

    /// Non-required single questions get a "skip" row after the options.
    private func rows(_ step: Step, _ options: [DisplayedOption]) -> Int {
        options.count + (step.question.requirement != .required && step.question.type != .multiple ? 1 : 0)
    }

    private func ask(_ step: Step) -> Flow {
        let options = InputParser.options(for: step, in: questionnaire)
        var editor = editor(for: step, options: options)
        var digits = ""
        while true {
            draw(questionScreen(step, options: options, editor: editor))
            let key = terminal.readKey()
            if key != .resize { editor.showHelp = false }
            if case .character(let c) = key, c.isNumber {} else { digits = "" }
            switch key {
            case .interrupt, .closed:
                return .interrupted
            case .resize:
                continue
            case .character("?") where !isTextual(step):
                editor.showHelp = true
                continue
            default:
                break
            }
            if isTextual(step) {
                switch key {
                case .left where editor.cursor > 0: editor.cursor -= 1
                case .right where editor.cursor < editor.text.count: editor.cursor += 1
                case .home: editor.cursor = 0
                case .end: editor.cursor = editor.text.count
                case .left where editor.text.isEmpty, .backspace where editor.text.isEmpty:
                    if engine.back() { return .next }
                    editor.message = strings.cannotGoBack
                case .backspace where editor.cursor > 0:
                    editor.text.remove(at: editor.cursor - 1)
                    editor.cursor -= 1
                case .delete where editor.cursor < editor.text.count:
                    editor.text.remove(at: editor.cursor)
                case .character(let c): editor.insert(c)
                case .space: editor.insert(" ")
                case .enter where step.question.long && !editor.text.isEmpty && !onBlankLine(editor):
                    editor.insert("\n")
                case .enter, .endOfText:
                    if onBlankLine(editor), editor.cursor > 0 {
                        editor.text.remove(at: editor.cursor - 1)
                        editor.cursor -= 1
                    }
                    while editor.text.last == "\n" { editor.text.removeLast() }
                    editor.cursor = min(editor.cursor, editor.text.count)
                    let line = editor.string
                    let value: AnswerValue
                    switch InputParser.parse(line, for: step, in: questionnaire) {
                    case .invalid(let message): editor.message = message; editor.isWarning = false; continue
                    case .empty: value = .skipped
                    case .value(let parsed): value = parsed
                    }
                    if submit(value, &editor) { return .next }
                default: continue
                }
                continue
            }
            let count = rows(step, options)
            switch key {
            case .up, .character("k"): editor.highlighted = (editor.highlighted + count - 1) % count
            case .down, .character("j"), .tab: editor.highlighted = (editor.highlighted + 1) % count
            case .home: editor.highlighted = 0
            case .end: editor.highlighted = count - 1
            case .left, .backspace:
                if engine.back() { return .next }
                editor.message = strings.cannotGoBack
            case .character(let c) where step.question.type == .yesno && "oOyYnN".contains(c):
                editor.highlighted = "nN".contains(c) ? 1 : 0
            case .character(let c) where c.isNumber:
                digits.append(c)
                if digits.count == 2, let number = Int(digits), number >= 1, number <= options.count {
                    // Two digits typed in a row on a long list: "1" then "5" picks 15, not 1 and 5.
                    if step.question.type == .multiple, let first = digits.first.flatMap({ Int(String($0)) }), first >= 1 {
                        toggle(options[first - 1], &editor, options)
                    }
                    editor.highlighted = number - 1
                    if step.question.type == .multiple { toggle(options[number - 1], &editor, options) }
                    digits = ""
                } else if let single = Int(String(c)), single >= 1, single <= options.count {
                    digits = options.count >= 10 ? String(c) : ""
                    editor.highlighted = single - 1
                    if step.question.type == .multiple { toggle(options[single - 1], &editor, options) }
                } else {
                    digits = ""
                    editor.message = strings.noSuchNumber(String(c), count: options.count)
                }
            case .space where step.question.type == .multiple:
                if editor.highlighted < options.count { toggle(options[editor.highlighted], &editor, options) }
            case .enter:
                let value: AnswerValue
                if step.question.type == .multiple {
                    value = .choices(options.map(\.choice.code).filter(editor.selected.contains))
                } else if editor.highlighted >= options.count {
                    value = .skipped
                } else {
                    value = options[editor.highlighted].value
                }
                if submit(value, &editor) { return .next }
            default:
                continue
            }
        }
    }

    /// The cursor is on an empty line of a non-empty text: Enter there validates.
    private func onBlankLine(_ editor: Editor) -> Bool {
        let before = editor.cursor == 0 || editor.text[editor.cursor - 1] == "\n"
        let after = editor.cursor == editor.text.count || editor.text[editor.cursor] == "\n"
        return !editor.text.isEmpty && before && after
    }

    private func toggle(_ option: DisplayedOption, _ editor: inout Editor, _ options: [DisplayedOption]) {
        let code = option.choice.code
        if editor.selected.contains(code) {
            editor.selected.remove(code)
        } else if option.choice.exclusive {
            editor.selected = [code]
        } else {
            let exclusive = Set(options.filter(\.choice.exclusive).map(\.choice.code))
            editor.selected.subtract(exclusive)
            editor.selected.insert(code)
        }
    }

    /// True when accepted; otherwise the message goes under the question.
    private func submit(_ value: AnswerValue, _ editor: inout Editor) -> Bool {
        let outcome = session.submit(value)
        switch outcome {
        case .accepted: return true
        case .rejected(let message): editor.message = message; editor.isWarning = false
        case .softWarning(let message): editor.message = message; editor.isWarning = true
        }
        return false
    }

    private func questionScreen(_ step: Step, options: [DisplayedOption], editor: Editor) -> Screen {
        let question = step.question
        var lines = header(step)
        // The section's introduction, above its first question.
        let section = questionnaire.sections[step.sectionIndex]
        if let intro = section.intro,
            engine.plan.first(where: { $0.asked && $0.step.sectionIndex == step.sectionIndex && $0.step.repetition == step.repetition })?.step.key == step.key
        {
            lines += wrap(substitute(intro, repetition: step.repetition)).map(dim) + [""]
        }
        if question.type == .matrix, let position = question.items.firstIndex(where: { $0.id == step.variable.id }) {
            lines += wrap("\(step.number). \(step.questionLabel)").map(bold)
            lines += wrap(strings.itemCounter(position + 1, question.items.count) + " : " + step.label, indent: "   ")
        } else {
            lines += wrap(step.numberedLabel).map(bold)
        }
        if question.requirement == .optional { lines.append(dim("   " + strings.optional)) }
        if let hint = question.hint { lines += wrap(substitute(hint, repetition: step.repetition), indent: "   ").map(dim) }
        lines.append("")

        var footer: [String] = [""]
        if editor.showHelp {
            footer += wrap(strings.fullHelp)
        } else if let message = editor.message {
            footer += wrap(message).map { editor.isWarning ? yellow("! " + $0) : red("✗ " + $0) }
        }
        footer.append("")
        footer += wrap(hintLine(step)).map(dim)

        var cursor: (Int, Int)?
        if isTextual(step) {
            let fieldWidth = max(width - 6, 10)
            var fieldLines: [String] = []
            var row = 0, column = 0, index = 0
            for logical in String(editor.text).split(separator: "\n", omittingEmptySubsequences: false) {
                let characters = Array(logical)
                var chunks = stride(from: 0, to: max(characters.count, 1), by: fieldWidth).map {
                    String(characters[$0..<min($0 + fieldWidth, characters.count)])
                }
                if chunks.isEmpty { chunks = [""] }
                for (n, chunk) in chunks.enumerated() {
                    let start = index + n * fieldWidth
                    let end = start + chunk.count
                    if editor.cursor >= start && (editor.cursor < end || (editor.cursor == end && n == chunks.count - 1)) {
                        row = fieldLines.count
                        column = editor.cursor - start
                    }
                    fieldLines.append(chunk)
                }
                index += characters.count + 1
            }
            let prefix = lines.count
            lines += fieldLines.enumerated().map { ($0.offset == 0 ? "  > " : "    ") + $0.element }
            if question.type == .text {
                let counter = "    " + strings.characters(editor.text.count, max: question.maxLength)
                lines.append(editor.text.count > (question.maxLength ?? .max) ? red(counter + " ✗") : dim(counter))
            }
            cursor = (prefix + row, 4 + column)
        } else {
            var optionLines: [(String, Int?)] = []
            var apart = false
            for (index, option) in options.enumerated() {
                if option.isNonSubstantive, !apart {
                    optionLines.append(("", nil))
                    optionLines.append((dim("   " + strings.otherAnswers), nil))
                    apart = true
                }
                let mark: String
                if question.type == .multiple {
                    mark = editor.selected.contains(option.choice.code) ? "[x] " : "[ ] "
                } else {
                    mark = ""
                }
                for (n, line) in renderedOption(index == editor.highlighted, mark + "\(option.number). \(option.choice.label)").enumerated() {
                    optionLines.append((line, n == 0 ? index : nil))
                }
            }
            if rows(step, options) > options.count {
                optionLines.append(("", nil))
                optionLines.append((renderedOption(editor.highlighted == options.count, strings.skipRow)[0], options.count))
            }
            let available = terminal.size.rows - lines.count - footer.count
            let highlightedLine = optionLines.firstIndex { $0.1 == editor.highlighted } ?? 0
            let range = window(optionLines.count, around: highlightedLine, rows: available)
            for position in range {
                if optionLines[position].1 == editor.highlighted { cursor = (lines.count, 2) }
                lines.append(optionLines[position].0)
            }
        }
        return Screen(lines: lines + footer, cursor: cursor)
    }

    /// An option over as many lines as its label needs, highlighted with a marker and inverse video.
    private func renderedOption(_ highlighted: Bool, _ text: String) -> [String] {
        TextLayout.wrap(text, width: width - 9).enumerated().map { n, line in
            if n > 0 { return "        " + (highlighted ? inverse(line) : line) }
            return highlighted ? "  " + inverse("> " + line) : "    " + line
        }
    }

    private func hintLine(_ step: Step) -> String {
        switch step.question.type {
        case .multiple: return strings.hintMultiple
        case .text: return step.question.long ? strings.hintLongText : strings.hintText
        case .number: return strings.hintNumber
        default: return strings.hintSingle
        }
    }

    // MARK: Review

    /// The review: browse answers, Enter on one to change it, Enter on "send" to finish.
    /// nil to go back to the questions.
    private func reviewScreen() -> RunResult? {
        let lines = engine.review
        var highlighted = lines.count
        var confirming = false
        var message: String?
        while true {
            var screen = Screen(lines: header(nil))
            screen.lines.append(bold(strings.reviewTitle))
            screen.lines.append("")
            let footerHeight = 2 + wrap(strings.hintReview).count + (message.map { wrap($0).count } ?? 0) + (confirming ? 1 : 0)
            let available = max(terminal.size.rows - screen.lines.count - footerHeight, 1)
            // Two lines per answer: the question (clipped), then the answer (clipped).
            func clip(_ text: String, _ room: Int) -> String {
                let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
                return flat.count > room ? String(flat.prefix(room - 1)) + "…" : flat
            }
            var entries: [[String]] = lines.map { line in
                [clip("\(line.number). \(line.shortLabel)", width - 6), "   → " + clip(line.answer, width - 11)]
            }
            entries.append([strings.sendAnswers])
            for index in window(entries.count, around: highlighted, rows: max(available / 2, 1)) {
                if index == highlighted { screen.cursor = (screen.lines.count, 2) }
                for (n, text) in entries[index].enumerated() {
                    let shown = n == 1 && !lines[index].isAnswered ? red(text) : text
                    screen.lines.append(index == highlighted ? (n == 0 ? "  " + inverse("> " + shown) : "    " + inverse(shown)) : "    " + shown)
                }
            }
            screen.lines.append("")
            if confirming {
                screen.lines.append(bold(strings.confirmSend))
            } else if let message {
                screen.lines += wrap(message).map { red("✗ " + $0) }
            }
            screen.lines += wrap(strings.hintReview).map(dim)
            draw(screen)
            let key = terminal.readKey()
            if confirming {
                confirming = false
                switch key {
                case .character("o"), .character("O"), .character("y"), .character("Y"), .enter:
                    switch engine.finish() {
                    case .incomplete(let number):
                        message = strings.missingAnswer(number)
                        return nil
                    case .complete:
                        do {
                            try session.complete()
                            return .completed
                        } catch {
                            message = strings.saveFailed(String(describing: error))
                        }
                    }
                case .interrupt, .closed: return .interrupted
                default: continue
                }
                continue
            }
            message = nil
            switch key {
            case .interrupt, .closed: return .interrupted
            case .up, .character("k"): highlighted = max(0, highlighted - 1)
            case .down, .character("j"), .tab: highlighted = min(entries.count - 1, highlighted + 1)
            case .home: highlighted = 0
            case .end: highlighted = entries.count - 1
            case .left, .backspace:
                if engine.back() { return nil }
            case .enter:
                if highlighted == lines.count {
                    confirming = true
                } else if engine.jump(to: lines[highlighted].number) {
                    return nil
                }
            default: continue
            }
        }
    }
}
