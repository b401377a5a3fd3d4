import Foundation
import SurveyAnalysis
import SurveyCore
import SurveyReports
import SurveySimulation

/// `prst-bench --monitoring UNITS PERIODS INDICATORS`: simulates a monitoring questionnaire in
/// memory, then times the monitoring analysis and the writing of its report files (in memory:
/// the disk is not measured). The budget (docs/performance.md) is under 2 s for 5,000 units ×
/// 5 periods × 50 indicators in a release build.
enum MonitoringBench {
    /// A questionnaire with its own units referential: numbers with « dont » every fifth one,
    /// and a status every tenth.
    static func definition(units: Int, periods: Int, indicators: Int) -> String {
        var yaml = """
            format: 1
            id: bench_suivi
            version: 1
            title: "Banc d'essai du suivi"
            population: services
            reporting:
              units: services
              periods: {from: 2021, to: \(2020 + periods)}
            lists:
              etats:
                - {code: realise, label: "Réalisé"}
                - {code: partiel, label: "Partiellement réalisé"}
                - {code: non_realise, label: "Non réalisé"}
            units:
              services:
                kind: service
                label: "Services"
                items:

            """
        for unit in 1...units { yaml += "      - {code: u\(unit), label: \"Service \(unit)\"}\n" }
        yaml += "sections:\n  - id: indicateurs\n    title: \"Indicateurs\"\n    questions:\n"
        for index in 1...indicators {
            if index % 10 == 0 {
                yaml += "      - {id: etat_\(index), type: single, choices: etats, label: \"État \(index)\"}\n"
            } else if index % 5 == 0 {
                yaml += "      - {id: ind_\(index), type: number, min: 0, unit: \"salariés\", part_of: ind_\(index - 1), label: \"dont \(index)\"}\n"
            } else {
                yaml += "      - {id: ind_\(index), type: number, min: 0, unit: \"salariés\", provider: \"SPSTI\", label: \"Indicateur \(index)\"}\n"
            }
        }
        return yaml
    }

    static func run(units: Int, periods: Int, indicators: Int, runs: Int) throws {
        let directory = NSTemporaryDirectory() + "prst-bench-monitoring-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bench.yaml"
        try definition(units: units, periods: periods, indicators: indicators).write(toFile: path, atomically: true, encoding: .utf8)
        let campaignPath = directory + "/campagne.yaml"
        try """
        format: 1
        id: bench
        title: "Banc d'essai du suivi"
        questionnaires:
          - {population: services, label: "Services", file: bench.yaml}
        themes:
          - {id: suivi, title: "Suivi"}
        """.write(toFile: campaignPath, atomically: true, encoding: .utf8)
        let loaded = CampaignLoader.load(campaignPath)
        guard let campaign = loaded.campaign, let questionnaire = loaded.questionnaires.first?.questionnaire, !loaded.hasErrors else {
            for diagnostic in loaded.diagnostics.prefix(5) { print(diagnostic) }
            throw CocoaError(.fileReadCorruptFile)
        }
        let generation = Date()
        let memory = MemoryResponses()
        var profile = ReportingProfile()
        profile.reporting["default"] = 0.9
        try Simulator(profile: SimulationProfile(), phrases: PhraseBank(), seed: 1).generateReporting(questionnaire, reporting: profile) {
            try memory.write($0, definition: questionnaire)
        }
        let records = memory.records.values.reduce(0) { $0 + $1.count }
        print("généré : \(records) réponses (\(units) unités × \(periods) périodes × \(indicators) questions) en \(seconds(since: generation)) s")
        var times: [Double] = []
        var bytes = 0
        for _ in 0..<runs {
            let start = Date()
            guard let result = try MonitoringAnalyzer.analyse(campaign: campaign, codebook: nil, reader: memory) else { throw CocoaError(.fileReadCorruptFile) }
            let analysed = Date().timeIntervalSince(start)
            let files = MonitoringReport(result, campaign: campaign).files()
            bytes = files.values.reduce(0) { $0 + $1.utf8.count }
            let total = Date().timeIntervalSince(start)
            print("analyse \(format(analysed)) s, analyse + rapport \(format(total)) s (\(files.count) fichiers, \(bytes / 1_048_576) Mio)")
            times.append(total)
        }
        times.sort()
        print("analyse + rapport : min \(format(times[0])) s, médiane \(format(times[times.count / 2])) s, max \(format(times[times.count - 1])) s")
    }

    static func seconds(since date: Date) -> String { format(Date().timeIntervalSince(date)) }
    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
