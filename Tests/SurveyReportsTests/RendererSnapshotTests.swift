import Foundation
import SurveyCore
import SurveyTestSupport
import Testing

@testable import SurveyAnalysis
@testable import SurveyReports

/// Each renderer on a small hand-made input, against a committed snapshot: a failure points at
/// one chart or one Markdown section instead of a whole report. Re-record on purpose with
/// `PRST_RECORD_GOLDEN=1 swift test --filter RendererSnapshotTests`.
@Suite struct RendererSnapshotTests {
    static let directory = Example.root + "/Tests/SurveyReportsTests/Snapshots"

    static func check(_ name: String, _ content: String) throws {
        if GoldenFiles.isRecording {
            try Data(content.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
            return
        }
        let committed = (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
        if committed != content {
            Issue.record("\(name) differs (- committed, + produced):\n\(GoldenFiles.lineDiff(committed, content))")
        }
    }

    static func item(_ label: String, population: String, counts: [Int], dontKnow: Int) -> ItemStats {
        let levels = counts.enumerated().map { index, count in LevelCount(code: "\(index + 1)", label: "Niveau \(index + 1)", count: count) }
        let valid = counts.reduce(0, +)
        return ItemStats(
            item: "i", label: label, number: "1", theme: "moyens", population: population, scaleID: "accord4", levels: levels,
            nonSubstantive: [LevelCount(code: "nsp", label: "Ne sait pas", count: dontKnow)], favourableCodes: ["3", "4"], nValid: valid,
            nNonSubstantive: dontKnow, nNotAsked: 0, nSkipped: 0, favourable: counts[2] + counts[3], unfavourable: counts[0] + counts[1], shown: true)
    }

    /// Percentages from 30 valid answers, counts below; a long label is cut but its population
    /// and N stay visible.
    @Test func likertChart() throws {
        let rows = [
            Self.item("Les moyens étaient suffisants", population: "contributeurs", counts: [6, 10, 20, 4], dontKnow: 3),
            Self.item("Les moyens étaient suffisants", population: "pilotes", counts: [1, 2, 5, 4], dontKnow: 0),
            Self.item(
                String(repeating: "Un intitulé très long qui ne tient pas sur trois lignes du graphique, ", count: 3), population: "destinataires",
                counts: [2, 3, 1, 0], dontKnow: 1),
        ]
        try Self.check("likert.svg", Charts.likert(title: "Moyens", rows: rows, populationLabel: { $0.capitalized }))
    }

    @Test func funnelChart() throws {
        func funnel(_ key: String, _ label: String, _ counts: [Int], base: Int) -> Funnel {
            let kinds: [FunnelStepKind] = [.aware, .used, .relayed, .relayedFinal]
            let steps = zip(kinds, counts).map { kind, count in FunnelStep(kind: kind, count: count, baseAll: base, basePrevious: base, shown: true) }
            return Funnel(scope: .deliverable, key: key, label: label, type: "guide", population: "destinataires", steps: steps)
        }
        let funnels = [funnel("guide_a", "Guide A", [40, 20, 12, 3], base: 120), funnel("guide_b", "Guide B", [9, 4, 2, 0], base: 20)]
        try Self.check("entonnoir.svg", Charts.funnel(title: "Diffusion", funnels: funnels))
    }

    /// Section 4 of the example's synthesis on its own (diffusion of the deliverables).
    @Test func diffusionSection() throws {
        let report = SurveyReport(try Example.result())
        try Self.check("section-diffusion.md", report.diffusionSection(charts: []).joined(separator: "\n") + "\n")
    }
}
