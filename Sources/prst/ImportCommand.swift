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
            Le CSV a les colonnes de prst export : partez d'un export, même vide, comme modèle. Le séparateur (« , » ou « ; »), l'indicateur d'ordre des octets et la virgule décimale sont reconnus.

            Chaque valeur est contrôlée comme dans prst run : codes, bornes, conditions, questions obligatoires. À la moindre erreur, toutes sont listées (fichier:ligne:colonne: message) et rien n'est importé. Les réponses importées sont marquées comme telles ; une session déjà présente n'est jamais importée deux fois. Détails : docs/export-import.md.

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
                    Console.error(
                        "Le questionnaire a changé depuis les réponses déjà enregistrées dans \(path) : donnez-lui un nouveau numéro de version (version:) avant d'importer."
                    )
                    for problem in problems { Console.error("  - \(problem)") }
                    throw ExitCode(1)
                }
            } catch let error as StoreError {
                Console.error(error.description)
                throw ExitCode(1)
            }
        }

        let importer = WideImporter(questionnaire: definition)
        if dryRun {
            var summary = try importer.read(data: data, file: file, newSessionID: Codes.random)
            if let existing, !summary.sessionRows.isEmpty {
                do {
                    for id in try existing.existingSessionIDs(summary.sessionRows.keys) {
                        summary.issues.append(.error(SourceLocation(file: file, line: summary.sessionRows[id] ?? 0), Self.alreadyStored(id, path)))
                    }
                    summary.issues.sort()
                } catch {
                    Console.error(error.description)
                    throw ExitCode(1)
                }
            }
            try report(summary, language: definition.language)
            Console.out("Vérification réussie : \(Self.counts(summary)) prête(s) à être importée(s) depuis \(file). Rien n'a été importé (--dry-run).\n")
            return
        }

        // One pass: every row checked, and stored in the same transaction as long as none has
        // failed; any issue rolls everything back, the definition included.
        let created = existing == nil
        var summary = ImportSummary()
        do {
            let target = try existing ?? ResponseStore.open(at: path)
            try target.importSessions(loaded) { writer in
                summary = try importer.read(data: data, file: file, newSessionID: Codes.random) { record, clean in
                    if clean {
                        do { try writer.add(record) } catch let error as StoreError where error.kind == .conflict {
                            return Self.alreadyStored(record.sessionID, path)
                        }
                    } else if try writer.contains(record.sessionID) {
                        return Self.alreadyStored(record.sessionID, path)
                    }
                    return nil
                }
                summary.issues.sort()
                if !summary.issues.isEmpty || summary.valid == 0 { throw Refused() }
            }
        } catch is Refused {
            if created { Self.remove(path) }
            try report(summary, language: definition.language)
            Console.out("Aucune réponse dans \(file) : rien à importer.\n")
            return
        } catch let error as StoreError {
            if created { Self.remove(path) }
            Console.error(error.description)
            Console.error("Rien n'a été importé.")
            throw ExitCode(1)
        }
        Console.out("\(Self.counts(summary)) importée(s) dans \(path), marquées « importées ».\n")
    }

    private struct Refused: Error {}

    /// Prints the issues and fails when there are any.
    private func report(_ summary: ImportSummary, language: Language) throws {
        guard !summary.issues.isEmpty else { return }
        // A shifted column can make every row wrong: the first errors show the cause.
        for issue in summary.issues.prefix(Self.maximumPrinted) { Console.error(issue.locatedMessage(in: language)) }
        if summary.issues.count > Self.maximumPrinted {
            Console.error("… et \(summary.issues.count - Self.maximumPrinted) autre(s) erreur(s) non affichée(s).")
        }
        Console.error(
            "Rien n'a été importé : \(summary.issues.count) erreur(s) dans \(file). Corrigez-les puis relancez (avec --dry-run pour seulement vérifier).")
        throw ExitCode(1)
    }

    static func counts(_ summary: ImportSummary) -> String {
        "\(summary.valid) réponse(s) (\(summary.completed) terminée(s), \(summary.inProgress) en cours)"
    }

    static func alreadyStored(_ id: String, _ path: String) -> ImportProblem {
        .sessionAlreadyStored(id, store: path)
    }

    /// A store this command created for an import that stored nothing.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func read(_ file: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            Console.error("Le fichier « \(file) » n'existe pas : vérifiez son nom et son dossier.")
            throw ExitCode(1)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            Console.error(
                "« \(file) » pèse \(size / 1_048_576) Mo, plus que les \(maximumBytes / 1_048_576) Mo admis : est-ce bien un CSV de réponses ? Découpez-le en plusieurs fichiers si c'est le cas."
            )
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            Console.error("Impossible de lire « \(file) » : vérifiez vos droits sur ce fichier.")
            throw ExitCode(1)
        }
        return data
    }
}
