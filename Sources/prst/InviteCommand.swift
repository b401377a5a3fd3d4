import ArgumentParser
import Foundation
import SurveyCore
import SurveyStore

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Crée, liste ou annule les codes d'invitation d'un questionnaire en accès sur invitation (access: token).",
        discussion: """
            Chaque code (par exemple K7F3-9QXM-2PAB-H4TR) ouvre le questionnaire une seule fois.
            Les codes complets ne sont écrits que dans le fichier CSV créé (colonnes token,
            questionnaire, version) : gardez-le en lieu sûr et ajoutez les noms dans votre propre
            fichier de publipostage. Le fichier de réponses ne garde qu'une empreinte de chaque
            code et ses quatre premiers caractères, jamais de nom ni d'adresse.

            Exemples :
              prst invite surveys/pilotes.yaml --count 40 --out invitations-pilotes.csv
              prst invite --list                  (état de chaque code, pour les relances)
              prst invite surveys/pilotes.yaml --list
              prst invite --revoke K7F3-9QXM-2PAB-H4TR
            """
    )

    @Argument(help: "Le questionnaire (fichier YAML avec « access: token ») pour lequel créer des codes.")
    var questionnaire: String?

    @Option(help: "Nombre de codes à créer (1 à 100 000).")
    var count: Int?

    @Option(help: "Fichier CSV à créer (par défaut : invitations-<questionnaire>-v<version>.csv).")
    var out: String?

    @Flag(help: "Affiche l'état de chaque code : non utilisé, en cours, terminé, révoqué.")
    var list = false

    @Option(help: "Annule ce code : il n'ouvre plus rien.")
    var revoke: String?

    @Option(help: "Le fichier de réponses (par défaut : $PRST_STORE, sinon prst.sqlite).")
    var store: String?

    static let maximumCount = 100_000

    func run() throws {
        // With --list, a questionnaire named as well only narrows the listing.
        let modes = [(questionnaire != nil && !list) || count != nil, list, revoke != nil].filter { $0 }.count
        guard modes == 1 else {
            Console.error(
                modes == 0
                    ? "Indiquez quoi faire : « prst invite questionnaire.yaml --count N » pour créer des codes, « --list » pour les lister, « --revoke CODE » pour en annuler un."
                    : "Une seule action à la fois : créer des codes (questionnaire.yaml --count N), --list, ou --revoke CODE.")
            throw ExitCode(1)
        }
        let path = StoreLocation.resolve(store)
        if list { return try listTokens(path) }
        if let revoke { return try revokeToken(revoke, path) }
        try create(path)
    }

    private func create(_ path: String) throws {
        guard let file = questionnaire else {
            Console.error("Indiquez le questionnaire : prst invite surveys/pilotes.yaml --count \(count ?? 40)")
            throw ExitCode(1)
        }
        guard let count else {
            Console.error("Indiquez combien de codes créer avec --count, par exemple : prst invite \(file) --count 40")
            throw ExitCode(1)
        }
        guard (1...Self.maximumCount).contains(count) else {
            Console.error("--count doit être compris entre 1 et \(Self.maximumCount) (reçu : \(count)).")
            throw ExitCode(1)
        }
        let loaded = QuestionnaireLoader.load(file)
        guard let definition = loaded.questionnaire else {
            Console.print(loaded.diagnostics)
            Console.error("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (prst validate \(file)). Aucun code n'a été créé.")
            throw ExitCode(1)
        }
        guard DefinitionValidator.access(of: definition, at: file) == .token else {
            Console.error(
                "« \(definition.id) » est en accès libre (access: open) : les codes d'invitation ne serviraient à rien. "
                    + "Ajoutez « access: token » dans \(file) si seules les personnes invitées doivent pouvoir répondre. Aucun code n'a été créé.")
            throw ExitCode(1)
        }
        let csvPath = out ?? "invitations-\(definition.id)-v\(definition.version).csv"
        // The CSV is created first (never over an existing file: it may hold earlier codes),
        // the codes are stored after; if storing fails the CSV is removed: nothing changes.
        let descriptor = open(csvPath, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST {
                Console.error(
                    "« \(csvPath) » existe déjà (il contient peut-être des codes déjà envoyés) : choisissez un autre nom avec --out. Aucun code n'a été créé.")
            } else {
                Console.error("Impossible de créer « \(csvPath) » : vérifiez que le dossier existe et que vous pouvez y écrire. Aucun code n'a été créé.")
            }
            throw ExitCode(1)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        func abandon(_ message: String) -> ExitCode {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: csvPath)
            Console.error(message)
            return ExitCode(1)
        }
        let responses: ResponseStore
        let tokens: [String]
        do {
            responses = try ResponseStore.open(at: path)
            if let warning = responses.permissionWarning() { Console.error(warning) }
            tokens = try responses.createTokens(count: count, questionnaireID: definition.id, version: definition.version)
        } catch {
            throw abandon(error.description + " Aucun code n'a été créé.")
        }
        var csv = "token,questionnaire,version\n"
        for token in tokens { csv += CSVStyle.rfc4180.row([token, definition.id, "\(definition.version)"]) }
        do {
            try handle.write(contentsOf: Data(csv.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            // The codes exist only in the store as hashes: revoke nothing, they cannot be used
            // by anyone; say so plainly.
            throw abandon(
                "Impossible d'écrire « \(csvPath) » (disque plein ?) : les \(count) codes créés sont perdus et ne pourront servir à personne. Libérez de la place puis relancez la commande."
            )
        }
        Console.out(
            "\(count) code\(count > 1 ? "s" : "") d'invitation pour « \(definition.id) » version \(definition.version) écrit\(count > 1 ? "s" : "") dans \(csvPath).\n"
                + "Ce fichier est le seul à contenir les codes complets : gardez-le en lieu sûr, ne le joignez pas au fichier de réponses.\n")
    }

    private func listTokens(_ path: String) throws {
        let responses = try ExistingStore.open(path)
        let tokens: [TokenSummary]
        do {
            var all = try responses.tokens()
            if let file = questionnaire {
                guard let definition = QuestionnaireLoader.load(file).questionnaire else {
                    Console.error("Le questionnaire \(file) n'est pas valide : vérifiez-le avec « prst validate \(file) ».")
                    throw ExitCode(1)
                }
                all = all.filter { $0.questionnaireID == definition.id }
            }
            tokens = all
        } catch let error as StoreError {
            Console.error(error.description)
            throw ExitCode(1)
        }
        if tokens.isEmpty {
            Console.out("Aucun code d'invitation dans \(path) : créez-en avec « prst invite questionnaire.yaml --count N ».\n")
            return
        }
        let width = max(13, tokens.map(\.questionnaireID.count).max() ?? 0)
        var text = "Code    " + "Questionnaire".padding(toLength: width, withPad: " ", startingAt: 0) + "  Version  État\n"
        for token in tokens {
            text +=
                "\(token.prefix)-…  " + token.questionnaireID.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, 7 - "\(token.version)".count)) + "\(token.version)  \(token.state.french)\n"
        }
        var counts: [String] = []
        for state in TokenState.allCases {
            let number = tokens.filter { $0.state == state }.count
            if number > 0 { counts.append("\(number) \(number > 1 && state != .inProgress ? state.french + "s" : state.french)") }
        }
        text += "\nTotal : \(tokens.count) code\(tokens.count > 1 ? "s" : "") (\(counts.joined(separator: ", ")))."
        text += "\nChaque code est montré par ses 4 premiers caractères : retrouvez-le dans le fichier CSV créé avec les invitations.\n"
        Console.out(text)
    }

    private func revokeToken(_ token: String, _ path: String) throws {
        let responses = try ExistingStore.open(path)
        do {
            let before = try responses.revoke(token: token)
            switch before {
            case .revoked:
                Console.out("Ce code était déjà annulé : rien n'a changé.\n")
            case .inProgress:
                Console.out(
                    "Code annulé : il ne permet plus de reprendre le questionnaire commencé. Les réponses déjà données restent dans le fichier ; "
                        + "« prst purge --incomplete --older-than 30d » efface les questionnaires jamais terminés.\n")
            default:
                Console.out("Code annulé : il n'ouvre plus le questionnaire.\n")
            }
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// Opening a store file that must already exist (commands that read or change it, never create it).
enum ExistingStore {
    static func open(_ path: String) throws -> ResponseStore {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.error("Le fichier de réponses « \(path) » n'existe pas : indiquez le bon fichier avec --store (ou PRST_STORE).")
            throw ExitCode(1)
        }
        do {
            let store = try ResponseStore.open(at: path)
            if let warning = store.permissionWarning() { Console.error(warning) }
            return store
        } catch {
            if error.kind == .notAStore {
                Console.error("« \(path) » n'est pas un fichier de réponses prst : vérifiez le nom du fichier indiqué. Rien n'a été modifié.")
            } else {
                Console.error(error.description)
            }
            throw ExitCode(1)
        }
    }
}
