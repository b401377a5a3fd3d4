import Testing
import SurveyCore
@testable import SurveyRunner

/// The full-screen mode driven in-process by a scripted terminal.
final class ScriptedTerminal: TerminalIO {
    var keys: [Key]
    var output = ""
    var entered = false, left = false
    let colour: Bool
    var size: (rows: Int, columns: Int) = (30, 90)
    /// The last screen drawn (after the last clear).
    var lastScreen: String { output.components(separatedBy: "\u{1B}[H\u{1B}[2J").last ?? "" }

    init(_ keys: [Key], colour: Bool = false) { self.keys = keys; self.colour = colour }
    func enter() -> Bool { entered = true; return true }
    func leave() { left = true }
    func write(_ text: String) { output += text }
    func readKey() -> Key { keys.isEmpty ? .closed : keys.removeFirst() }
}

func typing(_ text: String) -> [Key] { text.map { $0 == " " ? .space : .character($0) } }

@Suite struct FullScreenFrontEndTests {
    func run(_ keys: [Key], answers: [AnswerKey: AnswerValue] = [:]) -> (RunResult, ScriptedTerminal, InMemoryPersistence) {
        let persistence = InMemoryPersistence()
        let session = RunSession(
            engine: SessionEngine(questionnaire: Fixtures.questionnaire(), answers: answers),
            persistence: persistence, sessionID: "s", resumeCode: "K7F3-9QXM", isRehearsal: false)
        let terminal = ScriptedTerminal(keys)
        let result = FullScreenFrontEnd(session: session, terminal: terminal).run()
        return (result, terminal, persistence)
    }

    @Test func wholeSessionWithArrowsSpaceDigitsAndText() {
        var keys: [Key] = [.enter]  // welcome
        keys += [.character("o"), .enter]  // oui
        keys += [.down, .enter]  // a1 = 3
        keys += [.character("5"), .enter]  // a2 = nsp
        keys += [.enter]  // note
        keys += typing("3,5") + [.enter]
        keys += [.enter]  // couleur: Enter on the highlighted « Rouge »
        keys += [.enter]  // connus: nothing checked, refused (required)
        keys += [.space, .down, .space, .enter]  // guide + plaquette
        keys += [.character("1"), .enter, .character("2"), .enter]
        keys += typing("Très bien é") + [.left, .backspace, .end, .enter] + typing("ligne 2") + [.enter, .enter]
        keys += [.enter, .character("o")]  // review: send, confirm
        let (result, terminal, persistence) = run(keys)
        #expect(result == .completed)
        let saved = persistence.answers["s"] ?? [:]
        #expect(saved[AnswerKey("participe")] == .choice("oui"))
        #expect(saved[AnswerKey("a1")] == .choice("3"))
        #expect(saved[AnswerKey("a2")] == .nonSubstantive("nsp"))
        #expect(saved[AnswerKey("nb")] == .number(3.5))
        #expect(saved[AnswerKey("couleur")] == .choice("rouge"))
        #expect(saved[AnswerKey("connus")] == .choices(["guide", "plaquette"]))
        #expect(saved[AnswerKey("utile", repetition: "plaquette")] == .choice("3"))
        #expect(saved[AnswerKey("remarques")] == .text("Très biené\nligne 2"))
        #expect(persistence.completed == ["s"])
        #expect(terminal.entered && terminal.left)
        #expect(terminal.output.contains("Code de reprise : K7F3-9QXM"))
        #expect(terminal.output.contains("Affirmation 2 / 2 : Second item"))
        #expect(terminal.output.contains("Question 1 / 5"))
        #expect(terminal.output.contains("Merci, vos réponses sont enregistrées."))
        #expect(terminal.output.contains("✗ Cochez au moins un choix."))
        #expect(terminal.output.contains("Quelques questions sur Plaquette."))
        #expect(!terminal.output.contains("\u{1B}[7m"), "no colour when colour is off")
    }

    @Test func invalidInputShowsAFrenchMessageUnderTheQuestion() {
        let (_, terminal, _) = run(
            [.enter, .character("n"), .enter, .enter] + typing("12") + [.enter],
            answers: [:])
        #expect(terminal.lastScreen.contains("3. Combien ?"))
        #expect(terminal.lastScreen.contains("✗ Le nombre doit être au plus 10."))
    }

    @Test func backspaceOnAnEmptyFieldGoesBackAndCtrlCInterrupts() {
        let (result, terminal, persistence) = run([.enter, .character("n"), .enter, .backspace, .interrupt])
        #expect(result == .interrupted)
        #expect(terminal.lastScreen.contains("1. Avez-vous participé ?"))
        #expect(persistence.answers["s"]?[AnswerKey("participe")] == .choice("non"))
        #expect(terminal.left, "the terminal is restored on interruption")
    }

    @Test func reviewJumpChangesAnAnswerAndReturnsToTheReview() {
        let answers: [AnswerKey: AnswerValue] = [
            AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(2), AnswerKey("couleur"): .choice("rouge"),
            AnswerKey("connus"): .choices(["aucun"]), AnswerKey("remarques"): .skipped,
        ]
        // Welcome, then the review: ↑ ×4 to « 3. Combien ? », Enter, retype, Enter, send, confirm.
        let keys: [Key] = [.enter, .up, .up, .up, .up, .enter, .backspace] + typing("7") + [.enter, .enter, .character("o")]
        let (result, terminal, persistence) = run(keys, answers: answers)
        #expect(result == .completed)
        #expect(persistence.answers["s"]?[AnswerKey("nb")] == .number(7))
        #expect(terminal.output.contains("Confirmer l'envoi ?"))
    }

    @Test func multipleChoiceExclusiveUnchecksTheOthersAndHelpIsShown() {
        let answers: [AnswerKey: AnswerValue] = [AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(2), AnswerKey("couleur"): .choice("rouge")]
        let (_, terminal, _) = run([.enter, .character("1"), .character("2"), .character("3"), .character("?")], answers: answers)
        #expect(terminal.lastScreen.contains("[ ] 1. Guide"))
        #expect(terminal.lastScreen.contains("[x] 3. Aucun"))
        #expect(terminal.lastScreen.contains("Aide :"))
    }
}
