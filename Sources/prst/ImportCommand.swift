import ArgumentParser
import Foundation
import SurveyCore
import SurveyExchange
import SurveyStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe des réponses recueillies ailleurs (saisie d'un questionnaire papier, autre outil) depuis un CSV.",
        discussion: """
            Le CSV a les colonnes de « prst export » (partez d'un export, même vide, comme modèle).
            Le séparateur (« , » ou « ; »), l'indicateur d'ordre des octets et la virgule décimale
            sont reconnus. Chaque valeur est contrôlée comme dans prst run : codes, bornes,
            conditions, questions obligatoires. S'il y a la moindre erreur, toutes sont listées
            (fichier:ligne:colonne: message) et rien n'est importé. Les réponses importées sont
            marquées comme telles ; une session déjà présente n'est jamais importée deux fois.

            Exemples :
              prst import surveys/pilotes.yaml saisie-papier.csv --dry-run
              prst import surveys/pilotes.yaml saisie-papier.csv --store prst.sqlite
            """
    )

    @Argument(help: "Le questionnaire auquel les réponses ont été données (fichier YAML).") var questionnaire: String
    @Argument(help: "Le fichier CSV des réponses.") var file: String
    @Option(help: "La base de réponses où importer (par défaut $PRST_STORE, sinon prst.sqlite).") var store: String?
    @Flag(name: .customLong("dry-run"), help: "Vérifie seulement : n'importe rien.") var dryRun = false

    /// Far above a real campaign (100,000 responses of the PRST questionnaires weigh about 40 MB).
    static let maximumBytes = 500 * 1024 * 1024
    static let maximumPrinted = 1_000

    func run() throws {
        let loaded = QuestionnaireLoader.load(questionnaire)
        guard let definition = loaded.questionnaire else {
            Console.print(loaded.diagnostics)
            Console.error("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (prst validate \(questionnaire)).")
            throw ExitCode(1)
        }
        let data = try Self.read(file)
        let path = StoreLocation.resolve(store)
        let existing: ResponseStore? = FileManager.default.fileExists(atPath: path) ? try ExistingStore.open(path) : nil
        if let existing {
            do {
                let problems = try existing.compatibilityProblems(with: loaded)
                if !problems.isEmpty {
                    Console.error("Le questionnaire a changé depuis les réponses déjà enregistrées dans \(path) : donnez-lui un nouveau numéro de version (version:) avant d'importer.")
                    for problem in problems { Console.error("  - \(problem)") }
                    throw ExitCode(1)
                }
            } catch let error as StoreError {
                Console.error(error.description)
                throw ExitCode(1)
            }
        }

        // First pass: every issue, nothing stored.
        let importer = WideImporter(questionnaire: definition)
        var summary = try importer.read(data: data, newSessionID: Codes.random)
        if let existing, !summary.sessionRows.isEmpty {
            do {
                for id in try existing.existingSessionIDs(summary.sessionRows.keys) {
                    let row = summary.sessionRows[id] ?? 0
                    summary.issues.append(ImportIssue(row: row, column: nil, message: "la session « \(id) » est déjà dans \(path) : ces réponses ont sans doute déjà été importées."))
                }
                summary.issues.sort()
            } catch {
                Console.error(error.description)
                throw ExitCode(1)
            }
        }
        let display = file
        guard summary.issues.isEmpty else {
            // A shifted column can make every row wrong: the first errors show the cause.
            for issue in summary.issues.prefix(Self.maximumPrinted) { Console.error(issue.rendered(file: display)) }
            if summary.issues.count > Self.maximumPrinted {
                Console.error("… et \(summary.issues.count - Self.maximumPrinted) autre(s) erreur(s) non affichée(s).")
            }
            Console.error("Rien n'a été importé : \(summary.issues.count) erreur(s) dans \(display). Corrigez-les puis relancez (avec --dry-run pour seulement vérifier).")
            throw ExitCode(1)
        }
        let counts = "\(summary.valid) réponse(s) (\(summary.completed) terminée(s), \(summary.inProgress) en cours)"
        if dryRun {
            Console.out("Vérification réussie : \(counts) prête(s) à être importée(s) depuis \(display). Rien n'a été importé (--dry-run).\n")
            return
        }
        guard summary.valid > 0 else {
            Console.out("Aucune réponse dans \(display) : rien à importer.\n")
            return
        }

        // Second pass: the same rows, into the store in one transaction.
        do {
            let target = try existing ?? ResponseStore.open(at: path)
            let definitionID = try target.register(loaded)
            var stored = 0
            try target.insertAll(definition: definitionID) { add in
                let again = try importer.read(data: data, newSessionID: Codes.random) { record, _ in
                    try add(record)
                    stored += 1
                }
                if !again.issues.isEmpty { throw StoreError(.other, "Le fichier \(display) a changé pendant l'import : rien n'a été importé, relancez la commande.") }
            }
            Console.out("\(stored) réponse(s) importée(s) dans \(path) (\(summary.completed) terminée(s), \(summary.inProgress) en cours), marquées « importées ».\n")
        } catch let error as StoreError {
            Console.error(error.description)
            Console.error("Rien n'a été importé.")
            throw ExitCode(1)
        }
    }

    static func read(_ file: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            Console.error("Le fichier « \(file) » n'existe pas : vérifiez son nom et son dossier.")
            throw ExitCode(1)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            Console.error("« \(file) » pèse \(size / 1_048_576) Mo, plus que les \(maximumBytes / 1_048_576) Mo admis : est-ce bien un CSV de réponses ? Découpez-le en plusieurs fichiers si c'est le cas.")
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.error("Impossible de lire « \(file) » : vérifiez vos droits sur ce fichier.")
            throw ExitCode(1)
        }
        return data
    }
}
