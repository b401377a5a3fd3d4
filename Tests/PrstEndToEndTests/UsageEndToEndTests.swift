import Foundation
import SurveyTestSupport
import Testing

/// Options that cannot work together or a value that cannot be read are usage errors: exit
/// status 64 (as the README says), the French message, and nothing read or written.
@Suite struct UsageEndToEndTests {
    @Test func badOptionValuesExitWith64AndWriteNothing() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/jamais.sqlite"
        let out = directory.path + "/rapport"
        for (arguments, message) in [
            (["report", "surveys/campagne.yaml", "--store", store, "--out", out, "--min-group", "0"], "--min-group doit être au moins 1"),
            (
                ["report", "surveys/campagne.yaml", "--store", store, "--out", out, "--csv", "tableur"],
                "--csv : « tableur » inconnu ; valeurs possibles : rfc4180, excel."
            ),
            (["simulate", "surveys/campagne.yaml", "--store", store, "--respondents", "pilotes"], "« pilotes » n'est pas de la forme population=nombre"),
            (
                ["export", "surveys/campagne.yaml", "--store", store, "--out", out, "--csv", "tableur"],
                "--csv : « tableur » inconnu ; valeurs possibles : rfc4180, excel."
            ),
        ] {
            let result = try PrstBinary.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: store) && !FileManager.default.fileExists(atPath: out), "\(arguments)")
        }
    }

    @Test func theStoreOptionResolvesTheSameWayForEveryCommand() throws {
        let directory = try TemporaryDirectory()
        let store = directory.path + "/depuis-env.sqlite"
        let simulated = try PrstBinary.run(
            ["simulate", "surveys/campagne.yaml", "--respondents", "pilotes=3,contributeurs=0,destinataires=0"], environment: ["PRST_STORE": store])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(FileManager.default.fileExists(atPath: store))
        let status = try PrstBinary.run(["status"], environment: ["PRST_STORE": store])
        #expect(status.status == 0 && status.stdout.contains("pilotes"), "\(status.stderr)")
        // Without --store nor PRST_STORE: prst.sqlite in the current directory.
        let none = try PrstBinary.run(["status"], environment: ["PRST_STORE": ""], directory: directory.path)
        #expect(none.status == 1 && none.stderr.contains("le fichier prst.sqlite n'existe pas encore"), "\(none.stderr)")
    }
}
