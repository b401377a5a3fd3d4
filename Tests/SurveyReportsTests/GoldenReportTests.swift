import Foundation
import Testing
import SurveyAnalysis
import SurveyCore
import SurveyReports
import SurveySimulation

/// The full report of the example campaign (seed 2020, PRST 3 sizes) against committed files.
/// Re-record with `PRST_RECORD_GOLDEN=1 swift test --filter SurveyReportsTests`.
enum Example {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let record = ProcessInfo.processInfo.environment["PRST_RECORD_GOLDEN"] == "1"

    static func files(csv: CSVStyle = .rfc4180) throws -> [String: String] {
        let loaded = CampaignLoader.load(root + "/surveys/campagne.yaml")
        guard let campaign = loaded.campaign, !loaded.hasErrors else { throw CocoaError(.fileReadCorruptFile) }
        let (profile, phrases) = try Simulator.load(campaign)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: 2020)
        let memory = MemoryResponses()
        let sizes = Dictionary(uniqueKeysWithValues: Simulator.defaultSizes)
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            try simulator.generate(questionnaire, count: sizes[questionnaire.population] ?? 0) { try memory.write($0, definition: questionnaire) }
        }
        let result = try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory)
        return SurveyReport(result, csv: csv).files()
    }

    /// Compares (or records) every file of `files` with the directory; extra committed files fail too.
    static func check(_ files: [String: String], against directory: String) throws {
        if record {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name != "README.md" && !name.hasPrefix(".") {
                try FileManager.default.removeItem(atPath: directory + "/" + name)
            }
            for (name, content) in files { try Data(content.utf8).write(to: URL(fileURLWithPath: directory + "/" + name)) }
            return
        }
        let committed = Set((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(committed == Set(files.keys), "fichiers différents dans \(directory) — relancer avec PRST_RECORD_GOLDEN=1")
        for (name, content) in files.sorted(by: { $0.key < $1.key }) {
            let stored = try? Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            #expect(stored == Data(content.utf8), "\(name) diffère de \(directory)/\(name) — relancer avec PRST_RECORD_GOLDEN=1 si le changement est voulu")
        }
    }
}

@Suite(.serialized) struct GoldenReportTests {
    @Test func goldenFiles() throws {
        try Example.check(try Example.files(), against: Example.root + "/Tests/SurveyReportsTests/Golden")
    }

    @Test func exampleDirectoryIsUpToDate() throws {
        try Example.check(try Example.files(), against: Example.root + "/reports/exemple")
    }

    @Test func deterministic() throws {
        #expect(try Example.files() == Example.files())
    }

    @Test func excelCSV() throws {
        let files = try Example.files(csv: .excel)
        let likert = try #require(files["likert.csv"])
        #expect(likert.hasPrefix("\u{FEFF}population;theme;item;"))
        #expect(likert.contains("\r\n") && !likert.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let row = try #require(likert.components(separatedBy: "\r\n").dropFirst().first)
        #expect(row.contains(",")) // decimal comma
    }

    @Test func markdownUsesCountsUnderThirty() throws {
        let md = try #require(try Example.files()["synthese.md"])
        #expect(md.contains("Pilotes : ") && md.contains(" / 16"))
        #expect(md.contains("Avertissement"))
        #expect(!md.contains("NaN") && !md.contains("nan %") && !md.contains("inf %"))
    }
}

@Suite struct ReportFormatTests {
    @Test func csvQuoting() {
        let text = CSVStyle.rfc4180.table(["a", "b"], [["x,y", "il a dit \"oui\""], ["1", "2"]])
        #expect(text == "a,b\n\"x,y\",\"il a dit \"\"oui\"\"\"\n1,2\n")
    }
    @Test func numbers() {
        #expect(Numbers.comma(47.058823) == "47,1")
        #expect(Numbers.point(-0.04) == "0.0")
        #expect(Numbers.compact(2.5, comma: true) == "2,5")
        #expect(Numbers.pValue(0.0004, comma: true) == "< 0,001")
        // Whole numbers beyond what an integer holds (a `max: 1e300` question) are still written.
        #expect(Numbers.compact(-1e300, comma: true).hasPrefix("-1000000000"))
        #expect(Numbers.compact(1e19, comma: false) == "10000000000000000000.0")
    }
}
