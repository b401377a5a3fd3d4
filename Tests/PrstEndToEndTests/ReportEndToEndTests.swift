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
