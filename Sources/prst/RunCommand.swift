import ArgumentParser
import Foundation
import SurveyCore
import SurveyRunner

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fait passer un questionnaire dans le terminal (plein écran, ou ligne à ligne).",
        discussion: """
        Chaque réponse validée est enregistrée aussitôt. En cas d'interruption (Ctrl-C, fin de l'entrée), un code de reprise est affiché : relancez avec --resume CODE pour continuer.

        Le mode ligne à ligne (--plain) est automatique quand l'entrée n'est pas un terminal ou que TERM=dumb ; il convient aussi aux lecteurs d'écran.

        Codes de sortie : 0 questionnaire envoyé, 1 refusé ou invalide, 3 interrompu (réponses conservées).

        Exemples :
          prst run surveys/pilotes.yaml --essai
          prst run surveys/pilotes.yaml --store reponses.sqlite
          prst run surveys/pilotes.yaml --resume K7F3-9QXM
          prst run surveys/pilotes.yaml --token K7F3-9QXM-2PAB-H4TR   (accès sur invitation)
        """
    )

    @Argument(help: "Le questionnaire (fichier YAML).")
    var questionnaire: String

    @Option(help: "Fichier de réponses (par défaut : $PRST_STORE, sinon ./prst.sqlite).")
    var store: String?

    @Flag(help: "Mode ligne à ligne, sans redessiner l'écran (accessible, scriptable).")
    var plain = false

    @Option(help: "Reprendre une passation interrompue avec son code de reprise (par exemple K7F3-9QXM).")
    var resume: String?

    @Flag(help: "Essai : parcourir le questionnaire sans rien enregistrer.")
    var essai = false

    @Option(help: "Code d'invitation, pour un questionnaire en accès sur invitation (sinon il est demandé).")
    var token: String?

    func run() throws {
        if essai, resume != nil {
            Console.error("--essai et --resume ne peuvent pas être utilisés ensemble : un essai n'enregistre rien.")
            throw ExitCode(1)
        }
        let loaded = QuestionnaireLoader.load(questionnaire)
        guard let definition = loaded.questionnaire else {
            Console.print(loaded.diagnostics)
            Console.error("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (prst validate \(questionnaire)).")
            throw ExitCode(1)
        }
        let strings = Strings(definition.language)
        let session: RunSession
        if essai {
            session = RunSession(engine: SessionEngine(questionnaire: definition), persistence: InMemoryPersistence(),
                                 sessionID: "essai", resumeCode: nil, isRehearsal: true)
        } else {
            let storePath = store ?? RunStoreWiring.defaultStorePath()
            let opened: RunStoreWiring.Opened
            do {
                if let resume {
                    opened = try RunStoreWiring.resume(code: resume, questionnaireID: definition.id, storePath: storePath, strings: strings)
                } else if DefinitionValidator.access(of: definition, at: questionnaire) == .token {
                    guard let typed = token ?? Self.askForToken(strings) else {
                        Console.error(strings.fr
                            ? "Ce questionnaire est réservé aux personnes invitées : relancez avec votre code d'invitation (--token CODE)."
                            : "This questionnaire is by invitation only: run it again with your invitation code (--token CODE).")
                        throw ExitCode(1)
                    }
                    opened = try RunStoreWiring.enter(token: typed, loaded, questionnaire: definition, storePath: storePath)
                } else {
                    opened = try RunStoreWiring.start(loaded, questionnaire: definition, storePath: storePath)
                }
            } catch let refusal as RunStoreWiring.Refusal {
                Console.error(refusal.message)
                throw ExitCode(1)
            }
            session = RunSession(engine: SessionEngine(questionnaire: opened.questionnaire, answers: opened.answers),
                                 persistence: opened.persistence, sessionID: opened.sessionID, resumeCode: opened.resumeCode,
                                 isRehearsal: false, isResumed: opened.isResumed)
        }

        let environment = ProcessInfo.processInfo.environment
        let dumb = environment["TERM"] == "dumb" || environment["TERM"] == nil
        let fullScreen = !plain && !dumb && Console.isTerminal(STDIN_FILENO) && Console.isTerminal(STDOUT_FILENO)
        SignalGuard.install(message: "\n" + session.interruptionText)

        let result: RunResult
        if fullScreen {
            let colour = environment["NO_COLOR"] == nil
            result = FullScreenFrontEnd(session: session, terminal: Terminal(colour: colour)).run()
        } else {
            result = PlainFrontEnd(session: session, input: StandardInputLines(), output: Console.out).run()
        }
        if result == .interrupted {
            Console.out("\n" + session.interruptionText)
            throw ExitCode(3)
        }
        if !essai {
            // A receipt: the only way to point at one's own answers later (erasure request).
            Console.out(strings.fr
                ? "Référence de vos réponses : \(session.sessionID). Conservez-la si vous souhaitez un jour en demander la suppression.\n"
                : "Reference of your answers: \(session.sessionID). Keep it if you ever want them erased.\n")
        }
    }

    /// Asks for the invitation code on the terminal (or reads it as the first line of input).
    private static func askForToken(_ strings: Strings) -> String? {
        Console.out(strings.fr
            ? "Ce questionnaire est réservé aux personnes invitées.\nCode d'invitation (par exemple K7F3-9QXM-2PAB-H4TR) : "
            : "This questionnaire is by invitation only.\nInvitation code (for example K7F3-9QXM-2PAB-H4TR): ")
        guard let line = readLine(strippingNewline: true), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return line
    }
}
