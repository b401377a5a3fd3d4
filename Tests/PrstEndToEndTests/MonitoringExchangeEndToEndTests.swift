import Foundation
import SurveyExchange
import SurveyCore
import SurveyTestSupport
import Testing

/// `prst export` and `prst import` of the bilan évaluatif, without a store: the template a typist
/// fills from paper bilans, and the messages the import gives for a wrong unit or a gap.
@Suite("Export et import des bilans, end to end")
struct MonitoringExchangeEndToEndTests {
    /// The template's header, from `prst export surveys/bilan.yaml` without a store.
    static func template(in directory: TemporaryDirectory) throws -> [String] {
        let out = directory.path + "/modele"
        let result = try PrstBinary.run(["export", "surveys/bilan.yaml", "--store", directory.path + "/absent.sqlite", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        var reader = try CSVReader(data: try Data(contentsOf: URL(fileURLWithPath: out + "/bilan.csv")))
        return try #require(try reader.next()).fields
    }

    /// A paper bilan typed into the template: two deliverables, the later repetitions left empty.
    static func typedRow(_ header: [String], _ changes: [String: String] = [:]) -> String {
        var cells: [String: String] = [
            "unite": "fa_1_1", "periode": "PRST3", "etat_realisation": "Réalisée", "copilotage": "oui", "pilote_continu": "oui", "nb_reunions": "12",
            "nb_structures": "9", "nb_structures_syndicales": "3", "fiche_cadre_utile": "oui", "indicateurs_suivis": "tous", "forces": "Un groupe soudé",
            "difficultes": "Le temps", "suite_prst4": "poursuivre", "nb_entreprises_sensibilisees": "40",
        ]
        for n in ["1", "2"] {
            cells["livrable_titre__\(n)"] = "Guide \(n)"
            cells["livrable_type__\(n)"] = "guide"
            cells["livrable_annee__\(n)"] = "2019"
            for code in ["entreprises", "salaries", "spsti", "preventeurs", "partenaires_sociaux", "acteurs_prst", "autre"] {
                cells["livrable_cibles__\(n)__\(code)"] = code == "spsti" ? "1" : "0"
            }
            cells["livrable_personnes_touchees__\(n)"] = "120"
        }
        cells.merge(changes) { _, new in new }
        return CSVStyle.rfc4180.row(header.map { cells[$0] ?? "" })
    }

    @Test func theTemplateHasTheUnitThePeriodAndEveryDeliverable() throws {
        let directory = try TemporaryDirectory()
        let header = try Self.template(in: directory)
        #expect(header.prefix(4) == ["session", "unite", "periode", "etat_realisation"])
        #expect(header.contains("livrable_titre__40") && header.contains("livrable_cibles__40__spsti") && !header.contains("livrable_titre__41"))
        let dictionary = try String(contentsOfFile: directory.path + "/modele/dictionnaire.csv", encoding: .utf8)
        #expect(dictionary.contains("bilan.csv,livrable_titre__2,8[2],livrable_titre,livrable 2 : Intitulé du livrable 2,text"))
    }

    @Test func aTypedBilanIsCheckedAndAWrongUnitOrAGapIsRefused() throws {
        let directory = try TemporaryDirectory()
        let header = try Self.template(in: directory)
        let store = directory.path + "/bilans.sqlite"
        let good = try directory.write("bilans.csv", CSVStyle.rfc4180.row(header) + Self.typedRow(header))
        let dry = try PrstBinary.run(["import", "surveys/bilan.yaml", good, "--store", store, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Vérification réussie"), "\(dry.stdout)")
        let gapColumn = (header.firstIndex(of: "livrable_titre__3") ?? 0) + 1
        let bad = try directory.write(
            "bilans.csv",
            CSVStyle.rfc4180.row(header) + Self.typedRow(header, ["unite": "fa_1_1_"])
                + Self.typedRow(
                    header,
                    [
                        "unite": "fa_1_2_1", "livrable_titre__2": "", "livrable_type__2": "", "livrable_annee__2": "", "livrable_cibles__2__spsti": "0",
                        "livrable_personnes_touchees__2": "", "livrable_titre__3": "Guide 3", "livrable_type__3": "guide", "livrable_annee__3": "2019",
                        "livrable_cibles__3__spsti": "1",
                    ]))
        let refused = try PrstBinary.run(["import", "surveys/bilan.yaml", bad, "--store", store])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "bilans.csv:2:2: colonne « unite » : « fa_1_1_ » n'est pas une unité (fiche-action) du référentiel « fiches_prst3 »"), "\(refused.stderr)")
        #expect(
            refused.stderr.contains(
                "bilans.csv:3:\(gapColumn): colonne « livrable_titre__3 » : « livrable 3 » a des réponses alors que « livrable 2 » n'en a aucune"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("Rien n'a été importé"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// The other bad inputs of a typed bilan, each refused with its place and nothing stored: a
    /// « dont » above its total, a repetition beyond the repeat's maximum, and a unit × period
    /// already in the store.
    @Test func aDontAboveItsTotalARepeatBeyondItsMaximumAndAUnitAlreadyStoredAreRefused() throws {
        let directory = try TemporaryDirectory()
        let header = try Self.template(in: directory)
        let store = directory.path + "/bilans.sqlite"

        let dont = try directory.write("dont.csv", CSVStyle.rfc4180.row(header) + Self.typedRow(header, ["nb_structures_syndicales": "30"]))
        let overTotal = try PrstBinary.run(["import", "surveys/bilan.yaml", dont, "--store", store])
        #expect(overTotal.status == 1)
        let dontColumn = (header.firstIndex(of: "nb_structures_syndicales") ?? 0) + 1
        #expect(overTotal.stderr.contains("dont.csv:2:\(dontColumn): colonne « nb_structures_syndicales »"), "\(overTotal.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))

        let wide = header + ["livrable_titre__41"]
        let beyond = try directory.write("au-dela.csv", CSVStyle.rfc4180.row(wide) + Self.typedRow(wide))
        let overMaximum = try PrstBinary.run(["import", "surveys/bilan.yaml", beyond, "--store", store])
        #expect(overMaximum.status == 1)
        #expect(overMaximum.stderr.contains("livrable_titre__41") && overMaximum.stderr.contains("40"), "\(overMaximum.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))

        let good = try directory.write("bilans.csv", CSVStyle.rfc4180.row(header) + Self.typedRow(header))
        let first = try PrstBinary.run(["import", "surveys/bilan.yaml", good, "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try directory.write("encore.csv", CSVStyle.rfc4180.row(header) + Self.typedRow(header))
        let second = try PrstBinary.run(["import", "surveys/bilan.yaml", again, "--store", store])
        #expect(second.status == 1)
        #expect(second.stderr.contains("pour l'unité « fa_1_1 » et la période PRST3 : une seule réponse par unité et par période"), "\(second.stderr)")
        let status = try PrstBinary.run(["status", "--store", store])
        #expect(status.stdout.contains("1 fiche-action sur 19") || status.stdout.contains("1 fiches-actions sur 19"), "\(status.stdout)")
    }
}
