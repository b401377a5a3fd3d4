import Testing
import SurveyCore
@testable import SurveyRunner

@Suite struct PlainFrontEndTests {
    final class Run {
        let persistence = InMemoryPersistence()
        let session: RunSession
        var output = ""
        let lines: ScriptedLines
        init(_ lines: [String], answers: [AnswerKey: AnswerValue] = [:], questionnaire: Questionnaire = Fixtures.questionnaire()) {
            session = RunSession(
                engine: SessionEngine(questionnaire: questionnaire, answers: answers), persistence: persistence,
                sessionID: "s1", resumeCode: "K7F3-9QXM", isRehearsal: false, isResumed: !answers.isEmpty)
            self.lines = ScriptedLines(lines)
        }
        func go() -> RunResult {
            PlainFrontEnd(session: session, input: lines, output: { self.output += $0 }).run()
        }
        var saved: [AnswerKey: AnswerValue] { persistence.answers["s1"] ?? [:] }
    }

    @Test func completeSessionWithReviewAndConfirmation() {
        let run = Run(["o", "1", "5", "3,5", "2", "1 2", "1", "nsp", "Très bien é", "o"])
        #expect(run.go() == .completed)
        #expect(run.persistence.completed == ["s1"])
        #expect(run.saved[AnswerKey("a2")] == .nonSubstantive("nsp"))
        #expect(run.saved[AnswerKey("nb")] == .number(3.5))
        #expect(run.saved[AnswerKey("utile", repetition: "plaquette")] == .nonSubstantive("nsp"))
        #expect(run.saved[AnswerKey("remarques")] == .text("Très bien é"))
        let out = run.output
        // The intro and the resume code come first, without waiting for input.
        #expect(out.hasPrefix("Questionnaire d'essai\n"))
        #expect(out.contains("Vos réponses sont anonymes"))
        #expect(out.contains("Code de reprise : K7F3-9QXM"))
        #expect(out.contains("[Question 1 / 5]\n1. Avez-vous participé ?"))
        #expect(out.contains("Affirmation 2 / 2 : Second item"))
        #expect(out.contains("Autres réponses :\n  5) Ne sait pas"))
        #expect(out.contains("   Un ordre de grandeur suffit."))
        #expect(out.contains("Une note d'information."))
        #expect(out.contains("── À propos de : Plaquette ──\nQuelques questions sur Plaquette.\n"))
        #expect(out.contains("6[plaquette]. Utilité de « Plaquette » ?"))
        #expect(out.contains("Récapitulatif de vos réponses"))
        #expect(out.contains("3. Combien ? : 3,5"))
        #expect(out.contains("Valider vos réponses ? (o/n)"))
        #expect(out.hasSuffix("Merci, vos réponses sont enregistrées.\nMerci pour votre participation.\n"))
    }

    @Test func badLinesExplainAndAskAgain() {
        let run = Run(["peut-être", "n", "douze", "11", "2"])
        #expect(run.go() == .interrupted)
        #expect(run.output.contains("Répondez par o (oui) ou n (non).\n> "))
        #expect(run.output.contains("Saisissez un nombre, par exemple 12 ou 3,5.\n> "))
        #expect(run.output.contains("Le nombre doit être au plus 10.\n> "))
        #expect(run.saved[AnswerKey("nb")] == .number(2))
    }

    @Test func endOfInputMidwayKeepsValidatedAnswers() {
        let run = Run(["o", "1"])
        #expect(run.go() == .interrupted)
        #expect(run.saved == [AnswerKey("participe"): .choice("oui"), AnswerKey("a1"): .choice("4")])
        #expect(run.session.interruptionText.contains("Code de reprise : K7F3-9QXM"))
        #expect(run.persistence.completed.isEmpty)
    }

    @Test func backHelpSoftWarningAndKeepingTheCurrentAnswer() {
        let run = Run(
            ["n", "4", "<", "", "?", "", "", "3", "", "o"],
            answers: [AnswerKey("participe"): .choice("non")])
        // Resumed at nb: answer 4, back to nb (shows the current answer), Enter keeps it, help,
        // couleur empty twice (soft), connus 3 (aucun), remarques empty (optional), confirm.
        #expect(run.go() == .completed)
        let out = run.output
        #expect(out.contains("Reprise de votre questionnaire"))
        #expect(out.contains("Réponse actuelle : 4 (Entrée pour la garder)"))
        #expect(out.contains("Aide :"))
        #expect(out.contains("Cette question est importante pour l'évaluation."))
        #expect(run.saved[AnswerKey("nb")] == .number(4))
        #expect(run.saved[AnswerKey("couleur")] == .skipped)
        #expect(run.saved[AnswerKey("remarques")] == .skipped)
    }

    @Test func reviewNoLetsTheRespondentChangeAnAnswer() {
        let run = Run(
            ["n", "42", "3", "7", "o"],
            answers: [
                AnswerKey("participe"): .choice("non"), AnswerKey("nb"): .number(2), AnswerKey("couleur"): .choice("rouge"),
                AnswerKey("connus"): .choices(["aucun"]), AnswerKey("remarques"): .skipped,
            ])
        #expect(run.go() == .completed)
        #expect(run.output.contains("Il n'y a pas de question « 42 » dans vos réponses."))
        #expect(run.saved[AnswerKey("nb")] == .number(7))
    }

    @Test func englishQuestionnaireSpeaksEnglish() {
        let run = Run(["maybe"], questionnaire: Fixtures.english)
        #expect(run.go() == .interrupted)
        #expect(run.output.contains("Resume code: K7F3-9QXM"))
        #expect(run.output.contains("Answer y (yes) or n (no)."))
    }
}
