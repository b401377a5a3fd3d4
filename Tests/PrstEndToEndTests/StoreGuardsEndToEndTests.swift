import Foundation
import SurveyTestSupport
import Testing

/// Once real responses exist, structural changes and simulated data are refused.
@Suite("Guards on a store holding real responses")
struct StoreGuardsEndToEndTests {
    @Test func structuralChangesNeedANewVersionButWordingChangesPass() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("durable.yaml", RunDurabilityTests.questionnaire)
        let store = directory.path + "/prst.sqlite"
        let answered = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "o\n3\ntexte\no\n")
        #expect(answered.status == 0, "\(answered.stdout)\(answered.stderr)")

        try directory.write("durable.yaml", RunDurabilityTests.questionnaire.replacingOccurrences(of: "Premier ?", with: "Première question ?"))
        let reworded = try PrstBinary.run(["validate", "--store", store, file])
        #expect(reworded.status == 0, "\(reworded.stderr)")

        try directory.write("durable.yaml", RunDurabilityTests.questionnaire.replacingOccurrences(of: "type: number, min: 0, max: 100", with: "type: text"))
        let retyped = try PrstBinary.run(["validate", "--store", store, file])
        #expect(retyped.status == 1)
        #expect(retyped.stderr.contains("version"), "\(retyped.stderr)")
        let run = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "")
        #expect(run.status == 1)
        #expect(run.stderr.contains("version"), "\(run.stderr)")

        try directory.write(
            "durable.yaml", RunDurabilityTests.questionnaire.replacingOccurrences(of: "type: number, min: 0, max: 100", with: "type: text") + "\nversion: 2\n")
        #expect(try PrstBinary.run(["validate", "--store", store, file]).status == 0)
    }

    @Test func simulateRefusesAStoreWithRealResponses() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("durable.yaml", RunDurabilityTests.questionnaire)
        let store = directory.path + "/prst.sqlite"
        _ = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "o\n3\ntexte\no\n")
        let simulate = try PrstBinary.run(["simulate", "surveys/campagne.yaml", "--store", store])
        #expect(simulate.status == 1)
        #expect(simulate.stderr.contains("vraies réponses"))
    }

    @Test func aFileThatIsNotAStoreIsRefusedClearly() throws {
        let directory = try TemporaryDirectory()
        let notAStore = try directory.write("notes.sqlite", "ceci n'est pas une base\n")
        let status = try PrstBinary.run(["status", "--store", notAStore])
        #expect(status.status == 1)
        #expect(!status.stderr.contains("Fatal error"))
        #expect(try String(contentsOfFile: notAStore, encoding: .utf8) == "ceci n'est pas une base\n")
    }
}

@Suite("prst status, end to end")
struct StatusEndToEndTests {
    @Test func statusCountsStartedAndCompletedSessions() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("durable.yaml", RunDurabilityTests.questionnaire)
        let store = directory.path + "/prst.sqlite"
        _ = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "o\n3\ntexte\no\n")
        _ = try PrstBinary.run(["run", file, "--plain", "--store", store], stdin: "o\n")
        let status = try PrstBinary.run(["status", "--store", store])
        #expect(status.status == 0, "\(status.stderr)")
        let row = try #require(status.stdout.components(separatedBy: "\n").first { $0.hasPrefix("durable") })
        let cells = row.split(separator: " ").map(String.init)
        #expect(Array(cells.prefix(6)) == ["durable", "1", "pilotes", "2", "1", "1"], "\(row)")
        let missing = try PrstBinary.run(["status", "--store", directory.path + "/absent.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("n'existe pas encore"))
    }
}
