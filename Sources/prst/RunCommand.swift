import ArgumentParser
import Foundation
import SurveyRunner
import SurveyWorkflows

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fait passer un questionnaire dans le terminal (plein écran, ou ligne à ligne).",
        discussion: """
            Chaque réponse validée est enregistrée aussitôt. En cas d'interruption (Ctrl-C, fin de l'entrée), un code de reprise est affiché : relancez avec --resume CODE pour continuer.

            Le mode ligne à ligne (--plain) est automatique quand l'entrée n'est pas un terminal ou que TERM=dumb ; il convient aussi aux lecteurs d'écran.

            Codes de sortie : 0 questionnaire envoyé, 1 refusé ou invalide, 3 interrompu (réponses conservées), 64 options incompatibles.

            Exemples :
              prst run surveys/pilotes.yaml --dry-run
              prst run surveys/pilotes.yaml --store reponses.sqlite
              prst run surveys/pilotes.yaml --resume K7F3-9QXM
              prst run surveys/pilotes.yaml --token K7F3-9QXM-2PAB-H4TR   (accès sur invitation)
              prst run surveys/bilan.yaml --unit fa_1_1 --period PRST3    (suivi du plan : une réponse par unité et par période)
            """
    )

    @Argument(help: "Le questionnaire (fichier YAML).")
    var questionnaire: String

    @OptionGroup var store: StoreOptions

    @Flag(help: "Mode ligne à ligne, sans redessiner l'écran (accessible, scriptable).")
    var plain = false

    @Option(help: "Reprendre une passation interrompue avec son code de reprise (par exemple K7F3-9QXM).")
    var resume: String?

    @Flag(name: .customLong("dry-run"), help: "Essai : parcourir le questionnaire sans rien enregistrer.")
    var dryRun = false

    // The flag's first, French name, kept so that scripts and habits written with it still work.
    @Flag(name: .customLong("essai"), help: ArgumentHelp("Ancien nom de --dry-run.", visibility: .hidden))
    var essai = false

    @Option(help: "Code d'invitation, pour un questionnaire en accès sur invitation (sinon il est demandé).")
    var token: String?

    @Option(help: "Suivi du plan : le code de l'unité (fiche-action, SPSTI…) pour laquelle on répond (sinon elle est demandée).")
    var unit: String?

    @Option(help: "Suivi du plan : la période pour laquelle on répond (PRST3, 2021… ; demandée s'il y en a plusieurs).")
    var period: String?

    private var entry: RunWorkflow.Entry {
        if dryRun || essai { return .rehearsal }
        if let resume { return .resume(code: resume) }
        return .start(token: token)
    }

    func validate() throws {
        if dryRun || essai, resume != nil {
            throw ValidationError("--\(essai ? "essai" : "dry-run") et --resume ne peuvent pas être utilisés ensemble : un essai n'enregistre rien.")
        }
        if resume != nil, unit != nil || period != nil {
            throw ValidationError(
                "--resume et --\(unit != nil ? "unit" : "period") ne peuvent pas être utilisés ensemble : une passation reprise garde son unité et sa période.")
        }
    }

    func run() throws {
        let prepared = try Console.perform { _ in
            try RunWorkflow.prepare(
                questionnaire: questionnaire, entry: entry, storePath: store.path, unit: unit, period: period,
                prompter: LinePrompter(read: { readLine(strippingNewline: true) }, write: { Console.shared.out($0) }), askForToken: Self.askForToken)
        }
        let session = prepared.session
        let environment = ProcessInfo.processInfo.environment
        SignalGuard.install(message: "\n" + session.interruptionText)
        let result: RunResult
        if RunWorkflow.usesFullScreen(
            plain: plain, environment: environment, inputIsTerminal: Console.isTerminal(STDIN_FILENO), outputIsTerminal: Console.isTerminal(STDOUT_FILENO))
        {
            result = FullScreenFrontEnd(session: session, terminal: Terminal(colour: environment["NO_COLOR"] == nil)).run()
        } else {
            result = PlainFrontEnd(session: session, input: StandardInputLines(), output: Console.shared.out).run()
        }
        if result == .interrupted {
            Console.shared.out("\n" + session.interruptionText)
            throw ExitCode(3)
        }
        if let receipt = RunWorkflow.receipt(prepared) { Console.shared.out(receipt) }
    }

    /// Asks for the invitation code on the terminal (or reads it as the first line of input).
    private static func askForToken(_ strings: Strings) -> String? {
        Console.shared.out(RunWorkflow.tokenPrompt(strings))
        guard let line = readLine(strippingNewline: true), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return line
    }
}
