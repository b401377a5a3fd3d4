import ArgumentParser
import Foundation
import SurveyCore
import SurveyExchange
import SurveyStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte les réponses pour Excel ou R : un CSV large par questionnaire, dictionnaire.csv et import.R.",
        discussion: """
            Une ligne par réponse terminée, une colonne par question (une colonne 0/1 par choix d'une question à choix multiples, une colonne par production et par question dans une partie répétée). Cellule vide : sans réponse ; « #NP » : question non posée ; « nsp » (ou le code prévu) : « Ne sait pas ».

            Les heures de début et de fin ne figurent que pour un questionnaire « anonymous: false ». Un questionnaire sans réponse donne un fichier avec la seule ligne d'en-tête : c'est le modèle à remplir pour prst import. Détails : docs/export-import.md.

            Exemples :
              prst export surveys/campagne.yaml --out export --csv excel
              prst export surveys/pilotes.yaml --out export --include-incomplete
              cd export && Rscript import.R
            """
    )

    @Argument(help: "La campagne (campagne.yaml) ou un questionnaire.") var definition: String
    @Option(help: "La base de réponses à lire (par défaut $PRST_STORE, sinon prst.sqlite).") var store: String?
    @Option(help: "Dossier où écrire les fichiers (créé au besoin).") var out: String?
    @Option(help: "Format des CSV : rfc4180 (R, Python) ou excel (Excel français : « ; », virgule décimale).") var csv: String = "rfc4180"
    @Flag(name: .customLong("include-incomplete"), help: "Ajoute les réponses non terminées, avec une colonne statut.") var includeIncomplete = false

    func run() throws {
        guard let style = CSVStyle(rawValue: csv) else {
            Console.error("--csv : « \(csv) » inconnu ; valeurs possibles : rfc4180, excel")
            throw ExitCode(1)
        }
        guard let out, !out.isEmpty else {
            Console.error("Indiquez le dossier où écrire l'export : --out DOSSIER (par exemple --out export).")
            throw ExitCode(1)
        }
        let fromFiles = try Self.questionnaires(in: definition)
        let path = StoreLocation.resolve(store)
        var stored: [Questionnaire] = []
        var reader: ResponseStore?
        if FileManager.default.fileExists(atPath: path) {
            let opened = try ExistingStore.open(path)
            do { stored = try opened.definitions() } catch {
                Console.error(error.message)
                throw ExitCode(1)
            }
            reader = opened
        } else {
            Console.error("Aucune base de réponses « \(path) » : l'export ne contiendra que les lignes d'en-tête (modèles pour prst import).")
        }
        // What the responses were answered with, as stored; the file's own definition when the
        // store has none yet (an empty template).
        var exports: [(file: String, questionnaire: Questionnaire, stored: Bool)] = []
        for questionnaire in fromFiles {
            let versions = stored.filter { $0.id == questionnaire.id }
            if versions.isEmpty {
                exports.append(("\(questionnaire.id).csv", questionnaire, false))
            } else {
                for version in versions {
                    exports.append((versions.count == 1 ? "\(version.id).csv" : "\(version.id)-v\(version.version).csv", version, true))
                }
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            Console.error("Impossible de créer le dossier « \(out) » : vérifiez le chemin et vos droits d'écriture.")
            throw ExitCode(1)
        }
        var dictionary: [[String]] = []
        var scriptEntries: [RImportScript.Entry] = []
        for entry in exports {
            let layout = ExchangeLayout(entry.questionnaire, includeStatus: includeIncomplete)
            let exporter = WideExporter(layout: layout, style: style)
            let target = (out as NSString).appendingPathComponent(entry.file)
            let writer = try OutputFile(target)
            writer.write(exporter.header())
            var count = 0
            if entry.stored, let reader {
                do {
                    try reader.forEachResponse(questionnaireID: entry.questionnaire.id, version: entry.questionnaire.version) { record in
                        guard exporter.includes(record) else { return }
                        exporter.write(record, to: &writer.buffer)
                        writer.flushIfFull()
                        count += 1
                    }
                } catch let error as StoreError {
                    Console.error(error.message)
                    throw ExitCode(1)
                }
            }
            try writer.close()
            Console.error("\(target) : \(count) réponse(s), \(layout.columns.count) colonnes")
            dictionary += DataDictionary.rows(file: entry.file, layout: layout)
            scriptEntries.append(RImportScript.Entry(file: entry.file, layout: layout))
        }
        try Self.write(style.table(DataDictionary.header, dictionary), to: (out as NSString).appendingPathComponent("dictionnaire.csv"))
        try Self.write(RImportScript.make(scriptEntries, style: style), to: (out as NSString).appendingPathComponent("import.R"))
        Console.error("Dictionnaire des variables : \(out)/dictionnaire.csv ; lecture dans R : cd \(out) && Rscript import.R")
    }

    /// The questionnaires a campaign names, or the single questionnaire given.
    static func questionnaires(in path: String) throws -> [Questionnaire] {
        guard FileManager.default.fileExists(atPath: path) else {
            Console.error("Le fichier « \(path) » n'existe pas : indiquez la campagne (campagne.yaml) ou un questionnaire.")
            throw ExitCode(1)
        }
        switch DefinitionValidator.kind(of: path) {
        case .campaign:
            let loaded = CampaignLoader.load(path)
            guard !loaded.hasErrors else {
                Console.print(loaded.diagnostics)
                Console.error("La campagne n'est pas valide : corrigez les erreurs ci-dessus (prst validate).")
                throw ExitCode(1)
            }
            return loaded.questionnaires.compactMap(\.questionnaire)
        case .questionnaire:
            let loaded = QuestionnaireLoader.load(path)
            guard let questionnaire = loaded.questionnaire else {
                Console.print(loaded.diagnostics)
                Console.error("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (prst validate \(path)).")
                throw ExitCode(1)
            }
            return [questionnaire]
        default:
            Console.error("« \(path) » n'est ni une campagne ni un questionnaire : indiquez campagne.yaml ou un fichier de questionnaire.")
            throw ExitCode(1)
        }
    }

    static func write(_ text: String, to path: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            Console.error("Impossible d'écrire « \(path) » : vérifiez le dossier et vos droits d'écriture.")
            throw ExitCode(1)
        }
    }
}

/// A file written through a buffer, so that 100,000 rows do not mean 100,000 system calls.
final class OutputFile {
    private let handle: FileHandle
    private let path: String
    var buffer: [UInt8] = []

    init(_ path: String) throws {
        self.path = path
        // The answers leave the store: owner-only, like the store itself.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            Console.error("Impossible d'écrire « \(path) » : vérifiez le dossier et vos droits d'écriture.")
            throw ExitCode(1)
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    func flushIfFull() {
        if buffer.count >= 1 << 20 { flush() }
    }

    private var failed = false

    private func flush() {
        do { try handle.write(contentsOf: Data(buffer)) } catch { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        do {
            if failed { throw CocoaError(.fileWriteUnknown) }
            try handle.write(contentsOf: Data(buffer))
            buffer.removeAll()
            try handle.close()
        } catch {
            Console.error("Impossible d'écrire « \(path) » (disque plein ?) : libérez de la place puis relancez l'export.")
            throw ExitCode(1)
        }
    }
}
