import Foundation
import Testing
import SurveyAnalysis
import SurveyCore
import SurveyReports
import SurveySimulation
import SurveyTestSupport

/// The full report of the example campaign (seed 2020, PRST 3 sizes) against `reports/exemple/`,
/// the one committed golden tree (the README links it as the example report).
/// Re-record with `PRST_RECORD_GOLDEN=1 swift test --filter SurveyReportsTests`.
enum Example {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let directory = root + "/reports/exemple"

    static func files(csv: CSVStyle = .rfc4180) throws -> [String: String] {
        SurveyReport(try result(), csv: csv).files()
    }

    /// The analyses of the example with several thresholds (one simulation).
    static func results(minGroups: [Int]) throws -> [AnalysisResult] {
        let (loaded, campaign, memory) = try responses()
        return try minGroups.map {
            try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory, options: AnalysisOptions(minGroup: $0))
        }
    }

    static func result() throws -> AnalysisResult {
        let (loaded, campaign, memory) = try responses()
        return try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory)
    }

    static func responses() throws -> (LoadedCampaign, Campaign, MemoryResponses) {
        let loaded = CampaignLoader.load(root + "/surveys/campagne.yaml")
        guard let campaign = loaded.campaign, !loaded.hasErrors else { throw CocoaError(.fileReadCorruptFile) }
        let (profile, phrases) = try Simulator.load(campaign)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: 2020)
        let memory = MemoryResponses()
        let sizes = Dictionary(uniqueKeysWithValues: Simulator.defaultSizes)
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            try simulator.generate(questionnaire, count: sizes[questionnaire.population] ?? 0) { try memory.write($0, definition: questionnaire) }
        }
        return (loaded, campaign, memory)
    }
}

@Suite(.serialized) struct GoldenReportTests {
    @Test func exampleDirectoryIsUpToDate() throws {
        let files = try Example.files()
        if GoldenFiles.isRecording {
            try GoldenFiles.record(files, into: Example.directory)
            return
        }
        for difference in GoldenFiles.differences(files, against: Example.directory) {
            Issue.record("\(difference)\nRe-record with PRST_RECORD_GOLDEN=1 if the change is intended.")
        }
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
        #expect(row.contains(","))  // decimal comma
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

@Suite struct GoldenDiffTests {
    @Test func aDifferencePointsAtTheChangedLine() throws {
        let diff = GoldenFiles.lineDiff("a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n")
        #expect(diff == "@@ line 3 @@\n  a\n  b\n- c\n+ C\n")
    }

    @Test func missingAndExtraFilesAreNamed() throws {
        let directory = NSTemporaryDirectory() + "prst-golden-" + UUID().uuidString
        try GoldenFiles.record(["a.csv": "x\n", "b.csv": "y\n"], into: directory)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(GoldenFiles.differences(["a.csv": "x\n", "b.csv": "y\n"], against: directory).isEmpty)
        let problems = GoldenFiles.differences(["a.csv": "x\n", "c.csv": "z\n"], against: directory)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasSuffix("/b.csv is committed but no longer produced") })
        #expect(problems.contains { $0.hasPrefix("c.csv is produced but not committed") })
    }
}
