import Foundation
import SurveyCore

/// Every text the runner shows a respondent, in the questionnaire's language (French by default).
/// The questions themselves are the author's; validation messages are the wording of `Questionnaire.problem`'s `AnswerProblem`.
package struct Strings: Sendable {
    package let language: Language
    package var fr: Bool { language == .fr }

    package init(_ language: Language) { self.language = language }

    // MARK: Session
    package var rehearsal: String {
        fr
            ? "MODE ESSAI : rien n'est enregistré, vos réponses seront perdues à la fin."
            : "REHEARSAL MODE: nothing is saved, your answers are lost at the end."
    }
    package func resumeCode(_ code: String) -> String { fr ? "Code de reprise : \(code)" : "Resume code: \(code)" }
    package var resumeCodeExplanation: String {
        fr
            ? "Notez ce code : il permet de reprendre plus tard là où vous vous êtes arrêté·e (prst run … --resume CODE)."
            : "Write this code down: it lets you continue later where you stopped (prst run … --resume CODE)."
    }
    package var resumed: String {
        fr
            ? "Reprise de votre questionnaire : vos réponses déjà validées sont conservées."
            : "Resuming your questionnaire: the answers you already validated are kept."
    }
    // MARK: Unit and period of a monitoring questionnaire

    /// « Fiche-action : 1.1 – Favoriser la culture de prévention (PRST3) », under the title.
    package func reportingHeading(kind: String, unitLabel: String, period: String) -> String {
        let capitalized = kind.prefix(1).uppercased() + kind.dropFirst()
        return fr ? "\(capitalized) : \(unitLabel) (\(period))" : "\(capitalized): \(unitLabel) (\(period))"
    }
    package func unitQuestion(kind: String) -> String {
        fr ? "Pour quelle unité (\(kind)) répondez-vous ?" : "Which unit (\(kind)) are you answering for?"
    }
    package var periodQuestion: String { fr ? "Pour quelle période répondez-vous ?" : "Which period are you answering for?" }
    package var numberOrCode: String { fr ? "Numéro ou code : " : "Number or code: " }
    package func notInTheList(_ typed: String, count: Int) -> String {
        fr
            ? "« \(typed) » n'est ni un numéro de 1 à \(count) ni un code de la liste : réessayez."
            : "“\(typed)” is neither a number from 1 to \(count) nor a code of the list: try again."
    }
    package var interrupted: String {
        fr
            ? "Questionnaire interrompu. Toutes vos réponses validées sont enregistrées."
            : "Questionnaire interrupted. Every answer you validated is saved."
    }
    package var interruptedRehearsal: String {
        fr ? "Essai interrompu (rien n'a été enregistré)." : "Rehearsal interrupted (nothing was saved)."
    }
    package var thanks: String { fr ? "Merci, vos réponses sont enregistrées." : "Thank you, your answers are saved." }
    package var thanksRehearsal: String {
        fr ? "Fin de l'essai : rien n'a été enregistré." : "End of the rehearsal: nothing was saved."
    }
    package func saveFailed(_ detail: String) -> String {
        fr
            ? "Impossible d'enregistrer la réponse : \(detail). Votre réponse précédente reste enregistrée ; réessayez."
            : "Could not save the answer: \(detail). Your previous answers are still saved; try again."
    }

    // MARK: Questions
    package func questionCounter(_ index: Int, _ total: Int) -> String { fr ? "Question \(index) / \(total)" : "Question \(index) / \(total)" }
    package func itemCounter(_ index: Int, _ total: Int) -> String { fr ? "Affirmation \(index) / \(total)" : "Statement \(index) / \(total)" }
    package var optional: String { fr ? "(facultatif)" : "(optional)" }
    package var notAnswered: String { fr ? "(sans réponse)" : "(no answer)" }
    package var toAnswer: String { fr ? "(à répondre)" : "(to answer)" }
    package var otherAnswers: String { fr ? "Autres réponses :" : "Other answers:" }
    package func currentAnswer(_ text: String) -> String {
        fr ? "Réponse actuelle : \(text) (Entrée pour la garder)" : "Current answer: \(text) (Enter keeps it)"
    }
    package var softRequired: String {
        fr
            ? "Cette question est importante pour l'évaluation. Répondez si vous le pouvez, ou validez à nouveau sans réponse pour passer."
            : "This question matters for the evaluation. Answer it if you can, or validate again without an answer to skip it."
    }
    package var cannotGoBack: String { fr ? "Vous êtes à la première question." : "This is the first question." }
    package var noteContinue: String { fr ? "Entrée pour continuer" : "Enter to continue" }

    // MARK: Parsing
    package func noSuchNumber(_ n: String, count: Int) -> String {
        fr
            ? "« \(n) » ne correspond à aucun choix : tapez un numéro entre 1 et \(count)."
            : "“\(n)” matches no choice: type a number between 1 and \(count)."
    }
    package var yesNoExpected: String { fr ? "Répondez par o (oui) ou n (non)." : "Answer y (yes) or n (no)." }
    package var numberExpected: String {
        fr ? "Saisissez un nombre, par exemple 12 ou 3,5." : "Enter a number, for example 12 or 3.5."
    }
    package var oneChoiceOnly: String { fr ? "Un seul choix est possible ici." : "Only one choice is possible here." }

    // MARK: Plain mode
    package var plainPrompt: String { "> " }
    package var plainHelpShort: String {
        fr ? "(tapez ? pour l'aide, < pour revenir en arrière)" : "(type ? for help, < to go back)"
    }
    package var plainHelp: String {
        fr
            ? """
            Aide :
              - tapez le numéro d'un choix puis Entrée (par exemple 2) ;
              - plusieurs choix : séparez les numéros par des virgules ou des espaces (1, 3, 4) ;
              - oui / non : o ou n ;
              - nombre : 12 ou 3,5 ;
              - ligne vide : passer une question facultative (ou garder la réponse actuelle) ;
              - < : revenir à la question précédente ;
              - Ctrl-D ou Ctrl-C : interrompre ; vos réponses validées sont conservées.
            """
            : """
            Help:
              - type a choice's number then Enter (for example 2);
              - several choices: separate the numbers with commas or spaces (1, 3, 4);
              - yes / no: y or n;
              - number: 12 or 3.5;
              - empty line: skip an optional question (or keep the current answer);
              - <: go back to the previous question;
              - Ctrl-D or Ctrl-C: stop; your validated answers are kept.
            """
    }
    package var plainSingle: String { fr ? "(un numéro)" : "(one number)" }
    package var plainMultiple: String {
        fr
            ? "(plusieurs choix possibles : numéros séparés par des virgules, par exemple 1, 3)"
            : "(several choices possible: numbers separated by commas, for example 1, 3)"
    }
    package var plainYesNo: String { fr ? "(o = oui, n = non)" : "(y = yes, n = no)" }
    package var plainNumber: String { fr ? "(un nombre)" : "(a number)" }
    package func plainRange(_ min: String?, _ max: String?) -> String {
        switch (min, max) {
        case let (min?, max?): return fr ? "(un nombre entre \(min) et \(max))" : "(a number between \(min) and \(max))"
        case let (min?, nil): return fr ? "(un nombre, au moins \(min))" : "(a number, at least \(min))"
        case let (nil, max?): return fr ? "(un nombre, au plus \(max))" : "(a number, at most \(max))"
        default: return plainNumber
        }
    }
    package var plainText: String { fr ? "(votre réponse sur une ligne)" : "(your answer on one line)" }
    package func plainMaxLength(_ n: Int) -> String { fr ? "(\(n) caractères au plus)" : "(\(n) characters at most)" }
    package var reviewTitle: String { fr ? "Récapitulatif de vos réponses" : "Summary of your answers" }
    package var confirmQuestion: String { fr ? "Valider vos réponses ? (o/n)" : "Submit your answers? (y/n)" }
    package var whichQuestion: String {
        fr
            ? "Numéro de la question à modifier (Entrée pour revenir au récapitulatif) :"
            : "Number of the question to change (Enter to go back to the summary):"
    }
    package func unknownQuestion(_ n: String) -> String {
        fr ? "Il n'y a pas de question « \(n) » dans vos réponses." : "There is no question “\(n)” in your answers."
    }
    /// Why an answer is refused, in the questionnaire's language.
    package func problem(_ problem: AnswerProblem) -> String { Problem.answer(problem).message(in: language) }

    package func missingAnswer(_ n: String) -> String {
        fr ? "La question \(n) attend encore une réponse." : "Question \(n) still needs an answer."
    }

    // MARK: Full-screen mode
    package var welcomeContinue: String { fr ? "Appuyez sur Entrée pour commencer." : "Press Enter to start." }
    package var hintSingle: String {
        fr
            ? "↑/↓ ou j/k : choisir · Entrée : valider · chiffre : choix direct · ← : retour · ? : aide"
            : "↑/↓ or j/k: move · Enter: validate · digit: pick · ←: back · ?: help"
    }
    package var hintMultiple: String {
        fr
            ? "↑/↓ : se déplacer · Espace : cocher/décocher · chiffre : cocher · Entrée : valider · ← : retour"
            : "↑/↓: move · Space: check/uncheck · digit: check · Enter: validate · ←: back"
    }
    package var hintText: String {
        fr
            ? "Entrée : valider · ←/→ : déplacer le curseur · Retour arrière sur champ vide : question précédente"
            : "Enter: validate · ←/→: move the cursor · Backspace on an empty field: previous question"
    }
    package var hintLongText: String {
        fr
            ? "Entrée : nouvelle ligne · Entrée sur une ligne vide ou Ctrl-D : valider · ←/→ : curseur"
            : "Enter: new line · Enter on an empty line or Ctrl-D: validate · ←/→: cursor"
    }
    package var hintNumber: String {
        fr
            ? "Tapez un nombre (12 ou 3,5) puis Entrée · Retour arrière sur champ vide : question précédente"
            : "Type a number (12 or 3.5) then Enter · Backspace on an empty field: previous question"
    }
    package var hintReview: String {
        fr
            ? "↑/↓ : parcourir · Entrée : modifier la réponse choisie, ou valider sur « Envoyer mes réponses »"
            : "↑/↓: browse · Enter: change the chosen answer, or submit on “Send my answers”"
    }
    package var skipRow: String { fr ? "Passer cette question" : "Skip this question" }
    package var sendAnswers: String { fr ? "✔ Envoyer mes réponses" : "✔ Send my answers" }
    package var confirmSend: String {
        fr
            ? "Confirmer l'envoi ? Vous ne pourrez plus modifier vos réponses. (o/n)"
            : "Confirm? You will not be able to change your answers afterwards. (y/n)"
    }
    package var fullHelp: String {
        fr
            ? "Aide : ↑/↓ ou j/k déplacent, Entrée valide, Espace coche (choix multiples), un chiffre choisit directement, ← ou Retour arrière (champ vide) revient en arrière, Ctrl-C interrompt en conservant vos réponses validées. Appuyez sur une touche."
            : "Help: ↑/↓ or j/k move, Enter validates, Space checks (multiple choice), a digit picks directly, ← or Backspace (empty field) goes back, Ctrl-C stops and keeps your validated answers. Press a key."
    }
    package func characters(_ count: Int, max: Int?) -> String {
        if let max { return fr ? "\(count) / \(max) caractères" : "\(count) / \(max) characters" }
        return fr ? "\(count) caractère\(count > 1 ? "s" : "")" : "\(count) character\(count == 1 ? "" : "s")"
    }
    package var section: String { fr ? "Section" : "Section" }
    package var review: String { fr ? "Récapitulatif" : "Review" }

    /// A number as the respondent reads it: a decimal comma in French.
    package func number(_ value: Double) -> String {
        let text = value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        return fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
