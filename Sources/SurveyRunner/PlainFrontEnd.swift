import Foundation
import SurveyCore

/// Where the plain mode reads lines: standard input, or a script in tests.
package protocol LineSource: AnyObject {
    /// One line without its newline; nil at the end of input.
    func readLine() -> String?
}

package final class StandardInputLines: LineSource {
    package init() {}
    package func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

package final class ScriptedLines: LineSource {
    private var lines: [String]
    package private(set) var consumed = 0
    package init(_ lines: [String]) { self.lines = lines }
    package func readLine() -> String? {
        guard consumed < lines.count else { return nil }
        defer { consumed += 1 }
        return lines[consumed]
    }
}

/// The accessible line mode: no redrawing, every question printed with numbered choices,
/// one line answers it. Used with `--plain` and whenever stdin is not a terminal.
package final class PlainFrontEnd {
    private let session: RunSession
    private let input: LineSource
    private let write: (String) -> Void
    private var lastSection: String?
    private var strings: Strings { session.strings }
    private var engine: SessionEngine { session.engine }

    package init(session: RunSession, input: LineSource, output: @escaping (String) -> Void) {
        self.session = session
        self.input = input
        self.write = output
    }

    private func say(_ text: String = "") { write(text + "\n") }

    package func run() -> RunResult {
        printIntro()
        while true {
            if let step = engine.current {
                if step.isNote {
                    printSection(step)
                    say(wrap(step.label, indent: ""))
                    say()
                    engine.advance()
                    continue
                }
                guard ask(step) else { return .interrupted }
            } else {
                switch reviewAndConfirm() {
                case .some(let result): return result
                case .none: continue
                }
            }
        }
    }

    private func printIntro() {
        let questionnaire = session.questionnaire
        say(questionnaire.title)
        say(String(repeating: "=", count: min(questionnaire.title.count, 72)))
        if let heading = session.reportingHeading { say(heading) }
        if session.isRehearsal { say(); say(strings.rehearsal) }
        if session.isResumed {
            say(); say(strings.resumed)
        } else if let intro = questionnaire.intro {
            say(); say(wrap(intro.trimmingCharacters(in: .whitespacesAndNewlines), indent: ""))
        }
        if let code = session.resumeCode {
            say(); say(strings.resumeCode(code)); say(strings.resumeCodeExplanation)
        }
        say(); say(strings.plainHelpShort); say()
    }

    private func printSection(_ step: Step) {
        let section = session.questionnaire.sections[step.sectionIndex]
        let title = substitute(section.title, repetition: step.repetition)
        let id = "\(section.id)/\(step.repetition?.code ?? "")"
        guard id != lastSection else { return }
        lastSection = id
        say("── \(title) ──")
        if let intro = section.intro { say(substitute(intro, repetition: step.repetition)) }
        say()
    }

    /// Asks one step until it is answered or the user goes back; false at the end of input.
    private func ask(_ step: Step) -> Bool {
        printSection(step)
        printQuestion(step)
        while true {
            write(strings.plainPrompt)
            guard let line = input.readLine() else { return false }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "<" {
                if engine.back() { say() } else { say(strings.cannotGoBack); continue }
                return true
            }
            if trimmed == "?" { say(strings.plainHelp); continue }
            let value: AnswerValue
            switch InputParser.parse(line, for: step, in: session.questionnaire) {
            case .invalid(let message): say(message); continue
            case .empty: value = engine.answer(for: step.key) ?? .skipped
            case .value(let parsed): value = parsed
            }
            let outcome = session.submit(value)
            switch outcome {
            case .accepted: say(); return true
            case .rejected(let message), .softWarning(let message): say(message)
            }
        }
    }

    private func printQuestion(_ step: Step) {
        let progress = engine.progress
        let question = step.question
        var header = "[\(strings.questionCounter(progress.index, progress.total))]"
        if question.requirement == .optional { header += " " + strings.optional }
        say(header)
        if question.type == .matrix, let position = question.items.firstIndex(where: { $0.id == step.variable.id }) {
            say(wrap("\(step.number). \(step.questionLabel)", indent: ""))
            say(wrap("\(strings.itemCounter(position + 1, question.items.count)) : \(step.label)", indent: "   "))
        } else {
            say(wrap(step.numberedLabel, indent: ""))
        }
        if let hint = question.hint { say(wrap("   " + substitute(hint, repetition: step.repetition), indent: "   ")) }
        let options = InputParser.options(for: step, in: session.questionnaire)
        switch question.type {
        case .single, .scale, .matrix:
            printOptions(options)
            say("   " + strings.plainSingle)
        case .multiple:
            printOptions(options)
            say("   " + strings.plainMultiple)
        case .yesno:
            say("   " + strings.plainYesNo)
        case .number:
            say("   " + strings.plainRange(question.min.map(strings.number), question.max.map(strings.number)))
        case .text:
            say("   " + strings.plainText + (question.maxLength.map { " " + strings.plainMaxLength($0) } ?? ""))
        case .note:
            break
        }
        if let current = engine.answer(for: step.key), current != .skipped {
            say("   " + strings.currentAnswer(engine.text(of: current, for: step)))
        }
    }

    private func printOptions(_ options: [DisplayedOption]) {
        var apart = false
        for option in options {
            if option.isNonSubstantive, !apart { say("   " + strings.otherAnswers); apart = true }
            say(wrap("  \(option.number)) \(option.choice.label)", indent: "      "))
        }
    }

    /// Prints every answer and asks for confirmation; nil to go on asking questions.
    private func reviewAndConfirm() -> RunResult? {
        say(strings.reviewTitle)
        say(String(repeating: "-", count: strings.reviewTitle.count))
        for line in engine.review {
            // A label that already ends with a colon (« … la fiche-action est : ») takes no second one.
            let label = line.label.hasSuffix(":") ? line.label : line.label + " :"
            say(wrap("\(line.number). \(label) \(line.answer)", indent: "    "))
        }
        say()
        while true {
            say(strings.confirmQuestion)
            write(strings.plainPrompt)
            guard let line = input.readLine() else { return .interrupted }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "o", "oui", "y", "yes":
                switch engine.finish() {
                case .incomplete(let number):
                    say(strings.missingAnswer(number)); say()
                    return nil
                case .complete:
                    do {
                        try session.complete()
                    } catch {
                        say(strings.saveFailed(String(describing: error)))
                        continue
                    }
                    say()
                    say(session.isRehearsal ? strings.thanksRehearsal : strings.thanks)
                    if let outro = session.questionnaire.outro { say(wrap(outro.trimmingCharacters(in: .whitespacesAndNewlines), indent: "")) }
                    return .completed
                }
            case "n", "non", "no":
                while true {
                    say(strings.whichQuestion)
                    write(strings.plainPrompt)
                    guard let number = input.readLine() else { return .interrupted }
                    let trimmed = number.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty { return nil }
                    if engine.jump(to: trimmed) { say(); return nil }
                    say(strings.unknownQuestion(trimmed))
                }
            default:
                say(strings.yesNoExpected)
            }
        }
    }

    /// Wraps at 80 columns, continuing lines with `indent`.
    private func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        TextLayout.wrap(text, width: width).enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }.joined(separator: "\n")
    }
}

/// Word wrapping by terminal columns.
package enum TextLayout {
    /// Splits at spaces so that each line fits `width` characters; keeps explicit newlines.
    package static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 10)
        var result: [String] = []
        for fullParagraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let leading = String(fullParagraph.prefix { $0 == " " })
            let paragraph = fullParagraph.dropFirst(leading.count)
            var line = leading
            for word in frenchWords(paragraph) {
                if line == leading {
                    line += String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = String(word)
                }
                while line.count > width {
                    result.append(String(line.prefix(width)))
                    line = String(line.dropFirst(width))
                }
            }
            result.append(line)
        }
        return result
    }

    /// Words to wrap, keeping French punctuation with its word: « ; », « : », « ? », « ! » and
    /// a closing guillemet stay after the preceding word, an opening guillemet before the next.
    static func frenchWords(_ paragraph: Substring) -> [String] {
        var words: [String] = []
        var glueNext = false
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if let last = words.last, !word.isEmpty, glueNext || [";", ":", "?", "!", "»"].contains(where: { word.hasPrefix($0) }) {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
            glueNext = word == "«"
        }
        return words
    }
}
