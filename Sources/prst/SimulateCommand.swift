import ArgumentParser
import Foundation
import SurveyCore
import SurveySimulation
import SurveyStore

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Génère des réponses simulées réalistes (origine « simulated ») pour tester le rapport.",
        discussion: """
        Les tendances viennent du bloc « simulation: » de la campagne. Les sessions simulées sont
        marquées comme telles ; la commande refuse d'écrire dans une base qui contient de vraies
        réponses. Exemple :
          prst simulate surveys/campagne.yaml --seed 2020 --store essai.sqlite
          prst report surveys/campagne.yaml --store essai.sqlite --out /tmp/rapport
        """
    )

    @Argument(help: "Le fichier de campagne (campagne.yaml).") var campaign: String
    @Option(help: "La base de réponses où écrire (par défaut $PRST_STORE, sinon prst.sqlite).") var store: String?
    @Option(help: "Graine du générateur (même graine, mêmes réponses).") var seed: UInt64 = 2020
    @Option(help: "Effectifs par population, ex. pilotes=17,contributeurs=84,destinataires=249.") var respondents: String?

    func run() throws {
        let loaded = CampaignLoader.load(campaign)
        guard let campaignValue = loaded.campaign, !loaded.hasErrors else {
            Console.print(loaded.diagnostics)
            Console.error("La campagne n'est pas valide : corrigez les erreurs ci-dessus (prst validate).")
            throw ExitCode(1)
        }
        var sizes = Dictionary(uniqueKeysWithValues: Simulator.defaultSizes)
        if let respondents {
            for part in respondents.split(separator: ",") {
                let pair = part.split(separator: "=")
                guard pair.count == 2, let n = Int(pair[1]), n >= 0 else {
                    Console.error("--respondents : « \(part) » n'est pas de la forme population=nombre")
                    throw ExitCode(1)
                }
                sizes[String(pair[0])] = n
            }
        }
        let path = StoreLocation.resolve(store)
        let (profile, phrases) = try Simulator.load(campaignValue)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: seed)
        let opened: ResponseStore
        do {
            opened = try ResponseStore.open(at: path)
            if try opened.hasRealResponses() {
                Console.error("La base \(path) contient de vraies réponses : la simulation n'y écrit pas. Choisissez un autre fichier (--store essai.sqlite).")
                throw ExitCode(1)
            }
        } catch let error as StoreError {
            Console.error(error.message)
            throw ExitCode(1)
        }
        let sink = StoreSimulationSink(store: opened, questionnaires: loaded.questionnaires)
        let progress = Console.isTerminal(STDERR_FILENO)
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            let count = sizes[questionnaire.population] ?? 0
            var done = 0
            try simulator.generate(questionnaire, count: count) { record in
                try sink.write(record, definition: questionnaire)
                done += 1
                if progress, done % 500 == 0 || done == count { Console.progress("\(questionnaire.population) : \(done) / \(count)") }
            }
            do { try sink.flush() } catch let error as StoreError {
                Console.error(error.message)
                throw ExitCode(1)
            }
            if progress { Console.error("") }
            Console.error("\(questionnaire.population) : \(count) sessions simulées")
        }
        Console.error("Réponses simulées écrites dans \(path).")
    }
}
