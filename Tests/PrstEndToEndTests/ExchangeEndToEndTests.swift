import Foundation
import SurveyCore
import SurveyExchange
import SurveyTestSupport
import Testing

/// prst export and prst import, run as an evaluator would: files, exit codes, French messages.
@Suite("Export et import, end to end")
struct ExchangeEndToEndTests {
    static let sizes = "pilotes=17,contributeurs=30,destinataires=40"
    static let files = ["pilotes.csv", "contributeurs.csv", "destinataires.csv", "dictionnaire.csv", "import.R"]

    static func simulatedStore(_ path: String) throws {
        let result = try PrstBinary.run(["simulate", "surveys/campagne.yaml", "--seed", "5", "--respondents", sizes, "--store", path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    static func export(_ store: String, to out: String, _ extra: [String] = []) throws -> CommandResult {
        let result = try PrstBinary.run(["export", "surveys/campagne.yaml", "--store", store, "--out", out] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    static func importFile(_ questionnaire: String, _ file: String, store: String, _ extra: [String] = []) throws -> CommandResult {
        try PrstBinary.run(["import", "surveys/\(questionnaire).yaml", file, "--store", store] + extra)
    }

    static func status(_ store: String) throws -> String {
        try PrstBinary.run(["status", "--store", store]).stdout
    }

    static func dataRows(_ path: String) throws -> Int {
        var reader = try CSVReader(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        var rows = 0
        while try reader.next() != nil { rows += 1 }
        return rows - 1
    }

    @Test(arguments: [[], ["--csv", "excel"]])
    func exportImportExportIsByteIdentical(dialect: [String]) throws {
        let directory = try TemporaryDirectory()
        let first = directory.path + "/a.sqlite", second = directory.path + "/b.sqlite"
        try Self.simulatedStore(first)
        let exported = try Self.export(first, to: directory.path + "/un", dialect + ["--include-incomplete"])
        #expect(exported.stderr.contains("pilotes.csv : 17 réponse(s)"))
        for questionnaire in ["pilotes", "contributeurs", "destinataires"] {
            let result = try Self.importFile(questionnaire, directory.path + "/un/\(questionnaire).csv", store: second)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("importée(s) dans"))
        }
        _ = try Self.export(second, to: directory.path + "/deux", dialect + ["--include-incomplete"])
        for file in Self.files {
            let one = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/un/" + file))
            let two = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/deux/" + file))
            #expect(one == two, "\(file)")
        }
        #expect(AccessEndToEndTests.permissions(directory.path + "/un/pilotes.csv") == 0o600)
        #expect(try Self.dataRows(directory.path + "/un/pilotes.csv") == 17)
    }

    @Test func completedOnlyByDefaultAndNoTimesForAnonymousQuestionnaires() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/a.sqlite"
        try Self.simulatedStore(store)
        _ = try Self.export(store, to: directory.path + "/x")
        let text = try String(contentsOfFile: directory.path + "/x/destinataires.csv", encoding: .utf8)
        let header = try #require(text.split(separator: "\n").first)
        #expect(header.hasPrefix("session,profil_pro,"))
        #expect(!header.contains("statut") && !header.contains("debut"))
        #expect(text.contains("#NP"))
        // One row per completed session, as `prst status` counts them.
        let status = try Self.status(store).split(separator: "\n").first { $0.hasPrefix("destinataires") }
        let completed = try #require(status.map { $0.split(separator: " ")[5] }.flatMap { Int($0) })
        #expect(completed < 40)
        #expect(try Self.dataRows(directory.path + "/x/destinataires.csv") == completed)
    }

    @Test func aSecondImportOfTheSameFileIsRefusedAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let source = directory.path + "/a.sqlite", target = directory.path + "/b.sqlite"
        try Self.simulatedStore(source)
        _ = try Self.export(source, to: directory.path + "/x")
        let file = directory.path + "/x/pilotes.csv"
        let dry = try Self.importFile("pilotes", file, store: target, ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Vérification réussie") && dry.stdout.contains("Rien n'a été importé (--dry-run)"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try Self.importFile("pilotes", file, store: target).status == 0)
        let before = try Self.status(target)
        #expect(before.contains("dont importées") && before.contains("une réponse importée n'a pas de durée"))
        #expect(before.contains("—"), "imported sessions have no duration: \(before)")
        let again = try Self.importFile("pilotes", file, store: target)
        #expect(again.status == 1)
        #expect(again.stderr.contains("pilotes.csv:2:1: la session « sim-pilotes-"))
        #expect(again.stderr.contains("est déjà dans"))
        #expect(again.stderr.contains("Rien n'a été importé"))
        #expect(try Self.status(target) == before)
    }

    @Test func badCellsAreListedWithTheirLocationAndNothingIsImported() throws {
        let directory = try TemporaryDirectory()
        // A store-less export is the empty template to fill in.
        _ = try PrstBinary.run(["export", "surveys/pilotes.yaml", "--store", directory.path + "/absent.sqlite", "--out", directory.path + "/modele"])
        let template = try String(contentsOfFile: directory.path + "/modele/pilotes.csv", encoding: .utf8)
        #expect(template.hasPrefix("session,institution,") && template.split(separator: "\n").count == 1)
        // A real row with two typing mistakes.
        try Self.simulatedStore(directory.path + "/a.sqlite")
        _ = try Self.export(directory.path + "/a.sqlite", to: directory.path + "/x")
        var reader = try CSVReader(data: try Data(contentsOf: URL(fileURLWithPath: directory.path + "/x/pilotes.csv")))
        let columns = try #require(try reader.next()).fields
        var row = try #require(try reader.next()).fields
        row[columns.firstIndex(of: "institution")!] = "dret"
        row[columns.firstIndex(of: "nb_reunions")!] = "beaucoup"
        let file = try directory.write("saisie.csv", CSVStyle.rfc4180.row(columns) + CSVStyle.rfc4180.row(row))
        let store = directory.path + "/b.sqlite"
        let result = try Self.importFile("pilotes", file, store: store)
        #expect(result.status == 1)
        let institution = columns.firstIndex(of: "institution")! + 1
        #expect(result.stderr.contains("saisie.csv:2:\(institution): colonne « institution » : « dret » n'est pas un code prévu"))
        #expect(result.stderr.contains("Vouliez-vous dire « dreets » ?"))
        #expect(result.stderr.contains("colonne « nb_reunions » : « beaucoup » n'est pas un nombre"))
        #expect(result.stderr.contains("Rien n'a été importé : 2 erreur(s)"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func malformedFilesGetAClearMessage() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/b.sqlite"
        var latin1 = Data("session,institution\n".utf8)
        latin1.append(contentsOf: [0x53, 0x31, 0x2C, 0x63, 0x61, 0x66, 0xE9, 0x0A])
        let latin = try directory.writeData("latin1.csv", latin1)
        let result = try Self.importFile("pilotes", latin, store: store)
        #expect(result.status == 1)
        #expect(result.stderr.contains("latin1.csv:2: le fichier n'est pas encodé en UTF-8"))
        let missing = try Self.importFile("pilotes", directory.path + "/absent.csv", store: store)
        #expect(missing.status == 1 && missing.stderr.contains("n'existe pas"))
        // 50 MB with a header from another tool: one message, immediately.
        var big = Data("Horodateur,Nom,Réponse\n".utf8)
        let line = Data("2024-01-01 10:00,Dupont,\"Une réponse assez longue pour remplir le fichier\"\n".utf8)
        while big.count < 50 * 1024 * 1024 { big.append(line) }
        let large = try directory.writeData("gros.csv", big)
        let refused = try Self.importFile("pilotes", large, store: store)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("gros.csv:1:1: colonne inconnue « Horodateur »"))
        #expect(!FileManager.default.fileExists(atPath: store))
        let bad = try PrstBinary.run(["export", "surveys/campagne.yaml", "--out", directory.path, "--csv", "tableur"])
        #expect(bad.status == 64 && bad.stderr.contains("--csv : « tableur » inconnu ; valeurs possibles : rfc4180, excel."), "\(bad.stderr)")
        let noOut = try PrstBinary.run(["export", "surveys/campagne.yaml"])
        #expect(noOut.status == 64 && noOut.stderr.contains("--out DOSSIER"))
    }

    @Test(.enabled(if: Renderers.path(of: "Rscript") != nil, "R is not installed (apt-get install r-base-core)"))
    func importRRestoresFactorsAndRowCounts() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/a.sqlite"
        try Self.simulatedStore(store)
        for dialect in ["rfc4180", "excel"] {
            let out = directory.path + "/" + dialect
            _ = try Self.export(store, to: out, ["--csv", dialect, "--include-incomplete"])
            let script = """
                source("import.R")
                stopifnot(nrow(pilotes) == 17, nrow(contributeurs) == 30, nrow(destinataires) == 40)
                stopifnot(is.factor(pilotes$institution), is.ordered(pilotes$objectifs_clairs))
                stopifnot(identical(levels(pilotes$objectifs_clairs), c("Pas du tout d'accord", "Plut\\u00f4t pas d'accord", "Plut\\u00f4t d'accord", "Tout \\u00e0 fait d'accord")))
                stopifnot(is.logical(pilotes[["objectifs_clairs.nsp"]]), is.integer(pilotes$fiches__fa_1_1), is.numeric(pilotes$nb_reunions))
                stopifnot(identical(levels(pilotes$statut), c("termin\\u00e9e", "en cours")))
                stopifnot(attr(pilotes$institution, "label") == "1. \\u00c0 quelle institution ou organisation appartenez-vous ?")
                cat("ok", sum(!is.na(destinataires$utilise__plaquette_qvt)), "\\n")
                """
            let result = try Renderers.run("Rscript", ["-e", "setwd('\(out)'); " + script.replacingOccurrences(of: "\n", with: "; ")])
            #expect(result.status == 0, "\(dialect): \(result.stderr)")
            #expect(result.stdout.hasPrefix("ok"), "\(dialect): \(result.stdout)")
        }
    }

    @Test(.enabled(if: Renderers.path(of: "soffice") != nil, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"))
    func frenchExcelExportOpensInLibreOfficeWithOneValuePerCell() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/a.sqlite"
        try Self.simulatedStore(store)
        let out = directory.path + "/x"
        _ = try Self.export(store, to: out, ["--csv", "excel"])
        // Opened as French Excel users open it: « ; », UTF-8, French locale; saved back as plain CSV.
        let converted = try Renderers.run(
            "soffice",
            [
                "-env:UserInstallation=file://\(directory.path)/lo-profile", "--headless", "--infilter=CSV:59,34,76,1,,1036",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true", "--outdir", directory.path + "/lo", out + "/destinataires.csv",
            ])
        #expect(converted.status == 0, "\(converted.stderr)")
        func cells(_ path: String) throws -> [[String]] {
            var reader = try CSVReader(data: try Data(contentsOf: URL(fileURLWithPath: path)))
            var rows: [[String]] = []
            while let record = try reader.next() { rows.append(record.fields) }
            return rows
        }
        let original = try cells(out + "/destinataires.csv")
        let reopened = try cells(directory.path + "/lo/destinataires.csv")
        #expect(original.count > 1)
        #expect(reopened.count == original.count)
        #expect(reopened.allSatisfy { $0.count == original[0].count })
        #expect(reopened == original)
        #expect(reopened.joined().joined().contains("é"))
    }
}
