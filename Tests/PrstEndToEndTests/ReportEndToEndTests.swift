import Foundation
import SurveyTestSupport
import Testing

/// The documented commands regenerate the committed example byte for byte, through the
/// SQLite store.
@Suite("prst simulate and prst report, end to end")
struct ReportEndToEndTests {
    @Test func documentedCommandsRegenerateTheExample() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/exemple.sqlite"
        let simulate = try PrstBinary.run(["simulate", "surveys/campagne.yaml", "--seed", "2020", "--store", store])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let out = directory.path + "/rapport"
        let report = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", store, "--out", out])
        #expect(report.status == 0, "\(report.stderr)")
        let produced = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        var files: [String: String] = [:]
        for name in produced { files[name] = try String(contentsOfFile: out + "/" + name, encoding: .utf8) }
        for difference in GoldenFiles.differences(files, against: packageRoot() + "/reports/exemple") {
            Issue.record("\(difference)")
        }
        // The same store gives the same bytes.
        let again = directory.path + "/encore"
        _ = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", store, "--out", again])
        for name in produced {
            #expect(FileManager.default.contentsEqual(atPath: out + "/" + name, andPath: again + "/" + name))
        }
    }

    /// Unfinished sessions exported with --include-incomplete and imported elsewhere stay
    /// unfinished: the report of the copy is the report of the original, file for file.
    @Test func importedUnfinishedSessionsChangeNoFigure() throws {
        let directory = try TemporaryDirectory()
        let original = directory.path + "/original.sqlite", copy = directory.path + "/copie.sqlite"
        let simulate = try PrstBinary.run([
            "simulate", "surveys/campagne.yaml", "--seed", "5", "--respondents", "pilotes=17,contributeurs=30,destinataires=40",
            "--store", original,
        ])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let export = try PrstBinary.run(["export", "surveys/campagne.yaml", "--store", original, "--out", directory.path + "/export", "--include-incomplete"])
        #expect(export.status == 0, "\(export.stderr)")
        var unfinished = 0
        for questionnaire in ["pilotes", "contributeurs", "destinataires"] {
            let imported = try PrstBinary.run(["import", "surveys/\(questionnaire).yaml", directory.path + "/export/\(questionnaire).csv", "--store", copy])
            #expect(imported.status == 0, "\(imported.stderr)")
            let count = imported.stdout.components(separatedBy: " en cours").first?.split(separator: " ").last.flatMap { Int($0) }
            unfinished += count ?? 0
        }
        #expect(unfinished > 0, "the simulation must leave unfinished sessions for this test to mean anything")
        for (store, out) in [(original, "/a"), (copy, "/b")] {
            let report = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", store, "--out", directory.path + out])
            #expect(report.status == 0, "\(report.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/a").sorted()
        #expect(names.contains("participation.csv"))
        for name in names {
            #expect(FileManager.default.contentsEqual(atPath: directory.path + "/a/" + name, andPath: directory.path + "/b/" + name), "\(name)")
        }
    }

    /// The monitoring example too: `prst simulate` gives one bilan per reporting fiche-action,
    /// stored with its unit × period, and the report over that store is the committed one.
    @Test func monitoringCommandsRegenerateTheMonitoringExample() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/suivi.sqlite"
        let simulate = try PrstBinary.run(["simulate", "surveys/suivi.yaml", "--seed", "2020", "--store", store])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let out = directory.path + "/rapport"
        let report = try PrstBinary.run(["report", "surveys/suivi.yaml", "--store", store, "--out", out])
        #expect(report.status == 0, "\(report.stderr)")
        let example = packageRoot() + "/reports/exemple-suivi"
        for name in ["suivi.md", "couverture.csv", "consolidation.csv", "typologie.csv", "evolution.csv", "statuts.csv"] {
            #expect(
                FileManager.default.contentsEqual(atPath: out + "/" + name, andPath: example + "/" + name),
                "\(name) differs from reports/exemple-suivi")
        }
        let units = try FileManager.default.contentsOfDirectory(atPath: example + "/unites").sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/unites").sorted() == units)
        let status = try PrstBinary.run(["status", "--store", store])
        #expect(status.stdout.contains("fiches-actions sur 19"), "\(status.stdout)")
    }

    @Test func reportWithoutAStoreSaysWhatToDo() throws {
        let directory = try TemporaryDirectory()
        let result = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", directory.path + "/absent.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("n'existe pas"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/absent.sqlite"))
    }

    /// Flags are English words; the French `--codage` stays as a hidden alias of `--coding`.
    @Test func manualCodingIsGivenWithCodingOrItsFrenchAlias() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/absent.csv"
        for flag in ["--coding", "--codage"] {
            let result = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", directory.path + "/prst.sqlite", flag, missing])
            #expect(result.status == 1)
            #expect(result.stderr == "Impossible de lire le codage manuel \(missing).\n", "\(flag): \(result.stderr)")
        }
        let both = try PrstBinary.run(["report", "surveys/campagne.yaml", "--coding", missing, "--codage", missing])
        #expect(both.status != 0)
        let help = try PrstBinary.run(["report", "--help"])
        #expect(help.stdout.contains("--coding") && !help.stdout.contains("--codage"), "\(help.stdout)")
    }

    @Test func renderedReportIsReadable() throws {
        let example = packageRoot() + "/reports/exemple"
        let html = try Renderers.run("cmark-gfm", ["-e", "table", example + "/synthese.md"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<table>"))
        #expect(html.stdout.contains("Forces et bonnes pratiques"))
        #expect(html.stdout.contains("Difficultés et marges de progrès"))
        for svg in try FileManager.default.contentsOfDirectory(atPath: example) where svg.hasSuffix(".svg") {
            let directory = try TemporaryDirectory()
            let png = try Renderers.run("rsvg-convert", ["-o", directory.path + "/x.png", example + "/" + svg])
            #expect(png.status == 0, "\(svg): \(png.stderr)")
        }
    }
}

/// `prst report --previous`: two simulated waves through their SQLite stores.
@Suite("prst report --previous, end to end")
struct WaveReportEndToEndTests {
    @Test func twoWavesGiveTheEvolutionSectionAndCSV() throws {
        let directory = try TemporaryDirectory()
        let first = directory.path + "/a.sqlite", second = directory.path + "/b.sqlite"
        for (seed, store) in [("2020", first), ("2021", second)] {
            let simulate = try PrstBinary.run(["simulate", "surveys/campagne.yaml", "--seed", seed, "--store", store])
            #expect(simulate.status == 0, "\(simulate.stderr)")
        }
        let out = directory.path + "/rapport"
        let report = try PrstBinary.run([
            "report", "surveys/campagne.yaml", "--store", second, "--previous", first, "--previous-label", "PRST 3", "--label", "PRST 4", "--out", out,
        ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.contains("Évolution depuis PRST 3 : "))
        let md = try String(contentsOfFile: out + "/synthese.md", encoding: .utf8)
        #expect(md.contains("## 3 bis. Évolution depuis PRST 3"))
        #expect(md.contains("| Item | Population | PRST 3 | PRST 4 |"))
        #expect(md.contains("evolution-vagues.csv"))
        let csv = try String(contentsOfFile: out + "/evolution-vagues.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.count > 10)
        #expect(
            rows.dropFirst().allSatisfy { ["hausse", "baisse", "stable_ou_incertain", "descriptive"].contains(String($0.split(separator: ",").last ?? "")) })
        // Without --previous the report is the example's, byte for byte (checked above); here
        // the same stores give the same bytes again.
        let again = directory.path + "/encore"
        _ = try PrstBinary.run([
            "report", "surveys/campagne.yaml", "--store", second, "--previous", first, "--previous-label", "PRST 3", "--label", "PRST 4", "--out", again,
        ])
        #expect(FileManager.default.contentsEqual(atPath: out + "/evolution-vagues.csv", andPath: again + "/evolution-vagues.csv"))
        #expect(FileManager.default.contentsEqual(atPath: out + "/synthese.md", andPath: again + "/synthese.md"))
    }

    @Test func aMissingPreviousStoreIsRefusedInFrenchAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/b.sqlite"
        let simulate = try PrstBinary.run([
            "simulate", "surveys/campagne.yaml", "--seed", "2021", "--respondents", "pilotes=6,contributeurs=6,destinataires=6", "--store", store,
        ])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let out = directory.path + "/rapport"
        let report = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", store, "--previous", directory.path + "/prst3.sqlite", "--out", out])
        #expect(report.status == 1)
        #expect(report.stderr.contains("Le fichier de réponses de la vague précédente"))
        #expect(report.stderr.contains("--previous"))
        #expect(!report.stderr.contains("Error") && !report.stderr.contains("Fatal"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // A file that is not a store: the usual words, naming the file, and no report either.
        let notes = directory.path + "/notes.txt"
        try Data("PRST 3".utf8).write(to: URL(fileURLWithPath: notes))
        let notAStore = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", store, "--previous", notes, "--out", out])
        #expect(notAStore.status == 1)
        #expect(notAStore.stderr.contains("notes.txt") && notAStore.stderr.contains("n'est pas un fichier de réponses prst"), "\(notAStore.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let labelAlone = try PrstBinary.run(["report", "surveys/campagne.yaml", "--store", store, "--label", "PRST 4", "--out", out])
        #expect(labelAlone.status != 0)
        #expect(labelAlone.stderr.contains("indiquez aussi --previous"))
    }
}
