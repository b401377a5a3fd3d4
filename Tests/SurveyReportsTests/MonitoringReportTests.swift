import Foundation
import Testing
import SurveyAnalysis
import SurveyCore
@testable import SurveyReports
import SurveySimulation
import SurveyTestSupport

/// The monitoring reports of the shipped monitoring campaigns (simulated, seed 2020) against
/// `reports/exemple-suivi/` (bilans of the PRST 3 fiches-actions) and `reports/exemple-cpom/`
/// (CPOM indicators of the SPSTI, 2025–2027). Only the monitoring files are committed there:
/// `prst report` also writes the survey files (synthese.md…), whose golden tree is reports/exemple.
/// Re-record with `PRST_RECORD_GOLDEN=1 swift test --filter MonitoringGoldenTests`.
enum MonitoringExample {
    static func loaded(_ file: String) throws -> (LoadedCampaign, Campaign) {
        let loaded = CampaignLoader.load(Example.root + "/surveys/" + file)
        guard let campaign = loaded.campaign, !loaded.hasErrors else { throw CocoaError(.fileReadCorruptFile) }
        return (loaded, campaign)
    }

    /// The simulated responses of a campaign's monitoring questionnaires.
    static func responses(_ file: String, seed: UInt64 = 2020) throws -> (LoadedCampaign, Campaign, MemoryResponses) {
        let (loaded, campaign) = try loaded(file)
        let (profile, phrases) = try Simulator.load(campaign)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: seed)
        let reporting = ReportingProfile(campaign.simulation?["suivi"])
        let memory = MemoryResponses()
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            try simulator.generateReporting(questionnaire, reporting: reporting) { try memory.write($0, definition: questionnaire) }
        }
        return (loaded, campaign, memory)
    }

    /// The report files as `prst report` writes them, restricted to the monitoring ones.
    static func files(_ file: String, csv: CSVStyle = .rfc4180) throws -> [String: String] {
        let (loaded, campaign, memory) = try responses(file)
        let result = try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory)
        let monitoring = try #require(result.monitoring)
        let names = Set(MonitoringReport(monitoring, campaign: campaign, csv: csv).files().keys)
        return SurveyReport(result, csv: csv).files().filter { names.contains($0.key) }
    }

    static func check(_ files: [String: String], against directory: String) throws {
        let top = files.filter { !$0.key.hasPrefix("unites/") }
        let units = Dictionary(uniqueKeysWithValues: files.filter { $0.key.hasPrefix("unites/") }.map { (String($0.key.dropFirst("unites/".count)), $0.value) })
        if GoldenFiles.isRecording {
            try GoldenFiles.record(top, into: directory, keeping: ["README.md", "unites"])
            try? FileManager.default.removeItem(atPath: directory + "/unites")
            try GoldenFiles.record(units, into: directory + "/unites")
            return
        }
        for difference in GoldenFiles.differences(top, against: directory, ignoring: ["README.md", "unites"])
            + GoldenFiles.differences(units, against: directory + "/unites")
        {
            Issue.record("\(difference)\nRe-record with PRST_RECORD_GOLDEN=1 if the change is intended.")
        }
    }
}

@Suite(.serialized) struct MonitoringGoldenTests {
    @Test func bilanExampleIsUpToDate() throws {
        try MonitoringExample.check(try MonitoringExample.files("suivi.yaml"), against: Example.root + "/reports/exemple-suivi")
    }

    @Test func cpomExampleIsUpToDate() throws {
        try MonitoringExample.check(try MonitoringExample.files("suivi-cpom.yaml"), against: Example.root + "/reports/exemple-cpom")
    }

    @Test func deterministic() throws {
        #expect(try MonitoringExample.files("suivi-cpom.yaml") == MonitoringExample.files("suivi-cpom.yaml"))
    }

    @Test func theReportShowsCoverageConsolidationTypologyAndProgress() throws {
        let bilan = try #require(try MonitoringExample.files("suivi.yaml")["suivi.md"])
        #expect(bilan.contains("### Couverture") && bilan.contains("### Typologie des livrables") && bilan.contains("### Forces et difficultés"))
        #expect(bilan.contains("fiches-actions sur 19 ont remis une réponse complète"))
        let cpom = try #require(try MonitoringExample.files("suivi-cpom.yaml")["suivi.md"])
        #expect(cpom.contains("### Consolidation des indicateurs") && cpom.contains("### Évolution de 2025 à 2027"))
        #expect(cpom.contains("#### 2026"))
        #expect(!cpom.contains("nan") && !cpom.contains("inf %"))
    }

    /// The people-survey example has no `reporting:` questionnaire: its report is unchanged.
    @Test func surveyCampaignsHaveNoMonitoringSection() throws {
        let files = try Example.files()
        #expect(files["suivi.md"] == nil && files["couverture.csv"] == nil)
    }
}

/// Hand-made responses to the shipped bilan, whose figures are known.
@Suite struct MonitoringAnalysisTests {
    static func bilan() throws -> (Campaign, Codebook?, Questionnaire) {
        let (loaded, campaign) = try MonitoringExample.loaded("suivi.yaml")
        let bilan = try #require(loaded.questionnaires.compactMap(\.questionnaire).first { $0.id == "bilan" })
        return (campaign, loaded.codebook, bilan)
    }

    static func record(
        _ unit: String, _ answers: [AnswerKey: AnswerValue], status: SessionStatus = .completed, origin: SessionOrigin = .respondent, period: String = "PRST3"
    ) -> ResponseRecord {
        ResponseRecord(
            sessionID: "s-\(unit)-\(status)", questionnaireID: "bilan", questionnaireVersion: 1, population: "pilotes", status: status, origin: origin,
            startedAt: Date(timeIntervalSince1970: 0), completedAt: nil, answers: answers, reporting: ReportingKey(unit: unit, period: period))
    }

    /// Livrables of the given types: the « add » answers open each repetition.
    static func deliverables(_ types: [String], structures: Double? = nil) -> [AnswerKey: AnswerValue] {
        var answers: [AnswerKey: AnswerValue] = [:]
        for (index, type) in types.enumerated() {
            answers[AnswerKey("livrables", repetition: String(index + 1))] = .choice("oui")
            answers[AnswerKey("livrable_type", repetition: String(index + 1))] = .choice(type)
            answers[AnswerKey("livrable_personnes_touchees", repetition: String(index + 1))] = .number(10)
        }
        answers[AnswerKey("livrables", repetition: String(types.count + 1))] = .choice("non")
        if let structures { answers[AnswerKey("nb_structures")] = .number(structures) }
        return answers
    }

    static func analyse(_ records: [ResponseRecord]) throws -> MonitoringQuestionnaire {
        let (campaign, codebook, bilan) = try bilan()
        let memory = MemoryResponses()
        for record in records { try memory.write(record, definition: bilan) }
        let result = try #require(try MonitoringAnalyzer.analyse(campaign: campaign, codebook: codebook, reader: memory))
        return try #require(result.questionnaires.first)
    }

    @Test func coverageCountsCompletedResponsesOfReferentialUnits() throws {
        let q = try Self.analyse([
            Self.record("fa_1_1", [:]), Self.record("fa_1_2_1", [:]), Self.record("fa_1_2_2", [:], status: .inProgress),
            Self.record("fa_9_9", [:]), Self.record("fa_1_3_1", [:], period: "PRST4"),
        ])
        let coverage = try #require(q.coverage.first)
        #expect(coverage.expected == 19)
        #expect(coverage.reported == ["fa_1_1", "fa_1_2_1"])
        #expect(coverage.started == ["fa_1_2_2"])
        #expect(coverage.missing.count == 17 && coverage.missing.first?.code == "fa_1_2_2")
        #expect(q.outsideReferential == 2)
        let (campaign, _, _) = try Self.bilan()
        let md = MonitoringReport(MonitoringResult(questionnaires: [q]), campaign: campaign).files()["suivi.md"] ?? ""
        #expect(md.contains("2 réponses complètes portent sur une unité absente du référentiel"))
        #expect(md.contains("2.6 – Prévention des addictions en milieu professionnel (PME-TPE)"))
    }

    /// A bilan imported from a spreadsheet counts only when it was complete (issue 9, item 4).
    @Test func anUnfinishedImportedBilanIsNotCoverage() throws {
        let q = try Self.analyse([
            Self.record("fa_1_1", [:], origin: .imported), Self.record("fa_1_2_1", [:], status: .inProgress, origin: .imported),
        ])
        let coverage = try #require(q.coverage.first)
        #expect(coverage.reported == ["fa_1_1"])
        #expect(coverage.started == ["fa_1_2_1"])
    }

    /// A completed response without unit and period is counted nowhere, and said so.
    @Test func responsesWithoutUnitAndPeriodAreCountedApart() throws {
        var anonymous = Self.record("fa_1_1", [:])
        anonymous.reporting = nil
        let q = try Self.analyse([anonymous, Self.record("fa_1_2_1", [:])])
        #expect(q.withoutReportingKey == 1 && q.coverage.first?.reported == ["fa_1_2_1"])
        let (campaign, _, _) = try Self.bilan()
        let md = MonitoringReport(MonitoringResult(questionnaires: [q]), campaign: campaign).files()["suivi.md"] ?? ""
        #expect(md.contains("1 fiche-action sur 19 a remis une réponse complète"))
        #expect(md.contains("1 réponse complète ne dit pas à quelle unité ni à quelle période elle se rapporte"))
    }

    @Test func typologyCountsItemsAndUnits() throws {
        let q = try Self.analyse([
            Self.record("fa_1_1", Self.deliverables(["rencontre", "rencontre", "outil"])),
            Self.record("fa_1_2_1", Self.deliverables(["guide", "rencontre"])),
            Self.record("fa_1_2_2", Self.deliverables([])),
            // Not completed: its livrables are not counted.
            Self.record("fa_1_3_1", Self.deliverables(["outil"]), status: .inProgress),
        ])
        let period = try #require(q.typologies.first { $0.question == "livrable_type" }?.periods.first)
        #expect(period.items == 5 && period.unitsWithItems == 2 && period.reportingUnits == 3)
        let rows = Dictionary(uniqueKeysWithValues: period.rows.map { ($0.code, $0) })
        #expect(rows["rencontre"]?.items == 3 && rows["rencontre"]?.units == 2)
        #expect(rows["outil"]?.items == 1 && rows["guide"]?.units == 1 && rows["plaquette"]?.items == 0)
        // A repeated number is summed per unit.
        let reached = try #require(q.indicators.first { $0.id == "livrable_personnes_touchees" }?.periods.first)
        let values = Dictionary(uniqueKeysWithValues: zip(q.units.map(\.code), reached.values).compactMap { code, value in value.map { (code, $0) } })
        #expect(values == ["fa_1_1": 30, "fa_1_2_1": 20])
        #expect(reached.summary?.sum == 50)
    }

    /// Sum, quartiles and extremes against numpy (`np.quantile`, default `linear`, R type 7).
    @Test func consolidationMatchesNumpy() throws {
        let values: [Double] = [0, 250, 31, 12, 8, 1000, 45]
        let units = ["fa_1_1", "fa_1_2_1", "fa_1_2_2", "fa_1_2_3", "fa_1_3_1", "fa_1_3_2", "fa_1_3_3"]
        let q = try Self.analyse(zip(units, values).map { Self.record($0, [AnswerKey("nb_structures"): .number($1)]) })
        let summary = try #require(q.indicators.first { $0.id == "nb_structures" }?.periods.first?.summary)
        // python3 -c "import numpy as np; a=np.array([0,250,31,12,8,1000,45.]); print(np.quantile(a,[.25,.5,.75]), a.sum())"
        #expect(summary.n == 7 && summary.sum == 1346 && summary.min == 0 && summary.max == 1000)
        #expect(summary.q1 == 10 && summary.median == 31 && summary.q3 == 147.5)
        #expect(summary.quartile(of: 8) == 1 && summary.quartile(of: 10) == 1 && summary.quartile(of: 12) == 2 && summary.quartile(of: 250) == 4)
    }

    @Test func quantilesMatchNumpy() {
        // np.quantile([3,1,4,1,5,9,2,6], [.25,.5,.75]) = [1.75, 3.5, 5.25]; [7,7,7,2] → [5.75, 7, 7]
        let a = Statistics.unitDistribution([3, 1, 4, 1, 5, 9, 2, 6])
        #expect(a?.q1 == 1.75 && a?.median == 3.5 && a?.q3 == 5.25 && a?.sum == 31)
        let b = Statistics.unitDistribution([7, 7, 7, 2])
        #expect(b?.q1 == 5.75 && b?.median == 7 && b?.q3 == 7)
        let single = Statistics.unitDistribution([10])
        #expect(single?.q1 == 10 && single?.q3 == 10)
        #expect(Statistics.unitDistribution([]) == nil)
    }

    @Test func statusesAreCountedPerUnit() throws {
        let q = try Self.analyse([
            Self.record("fa_1_1", [AnswerKey("etat_realisation"): .choice("realisee")]),
            Self.record("fa_1_2_1", [AnswerKey("etat_realisation"): .choice("realisee")]),
            Self.record("fa_1_2_2", [AnswerKey("etat_realisation"): .choice("partielle")]),
            Self.record("fa_1_2_3", [:]),
        ])
        let period = try #require(q.statuses.first { $0.id == "etat_realisation" }?.periods.first)
        #expect(period.base == 3 && period.counts == ["realisee": 2, "partielle": 1])
    }

    /// Two answers of one bilan on the same theme count one unit (« 13 bilans sur 18 »).
    @Test func openAnswersAreCountedInUnits() throws {
        let q = try Self.analyse([
            Self.record("fa_1_1", [AnswerKey("forces"): .text("Un copilotage solide."), AnswerKey("difficultes"): .text("Le pilote était seul.")]),
            Self.record("fa_1_2_1", [AnswerKey("forces"): .text("Le groupe de travail très impliqué, avec un pilote présent.")]),
            Self.record("fa_1_2_2", [AnswerKey("forces"): .text("Rien de particulier.")]),
        ])
        func units(_ theme: String, _ polarity: Polarity) -> Int? { q.mentions.first { $0.theme == theme && $0.polarity == polarity }?.units }
        #expect(units("role_pilotes", .force) == 2)
        #expect(units("role_pilotes", .difficulte) == 1)
        #expect(units("dynamique_groupes", .force) == 1)
        #expect(q.mentions.first?.base == 3)
    }
}

@Suite struct MonitoringReportTests {
    /// A unit's own values are in its file only; the synthesis gives distributions.
    @Test func unitValuesStayInTheUnitFile() throws {
        let (loaded, campaign, memory) = try MonitoringExample.responses("suivi-cpom.yaml")
        let result = try #require(try MonitoringAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory))
        let files = MonitoringReport(result, campaign: campaign).files()
        let q = try #require(result.questionnaires.first)
        let reprise = try #require(q.indicators.first { $0.id == "visites_reprise" }?.periods.first)
        let summary = try #require(reprise.summary)
        // A value that is neither an extreme nor a quartile: only its unit's file shows it.
        let (code, value) = try #require(
            zip(q.units.map(\.code), reprise.values).compactMap { code, value in value.map { (code, $0) } }
                .first { ![summary.min, summary.max, summary.q1, summary.median, summary.q3].contains($0.1) })
        let shown = "| " + MonitoringWords.grouped(value) + " |"
        let own = try #require(files["unites/\(code).md"])
        #expect(own.contains(shown))
        let rows = (files["suivi.md"] ?? "").split(separator: "\n").filter { $0.contains("1.7 – ") }
        #expect(!rows.isEmpty && !rows.contains { $0.contains(shown) })
        let other = try #require(q.units.first { $0.code != code })
        #expect(!(files["unites/\(other.code).md"] ?? "").contains(q.units.first { $0.code == code }?.label ?? code))
    }

    @Test func frenchPlurals() {
        #expect(MonitoringWords.plural("fiche-action") == "fiches-actions")
        #expect(MonitoringWords.plural("SPSTI") == "SPSTI")
        #expect(MonitoringWords.plural("commission") == "commissions")
        #expect(MonitoringWords.plural("livrable") == "livrables")
        #expect(MonitoringWords.grouped(3212) == "3\u{00A0}212" && MonitoringWords.grouped(1_000_000) == "1\u{00A0}000\u{00A0}000")
        #expect(MonitoringWords.grouped(-1234) == "-1\u{00A0}234" && MonitoringWords.grouped(999) == "999")
        #expect(MonitoringWords.grouped(1325.5) == "1\u{00A0}325,5" && MonitoringWords.grouped(31.25) == "31,3")
    }
}

@Suite struct MonitoringEvolutionTests {
    static func record(_ unit: String, _ period: String, reprise: Double, status: String) -> ResponseRecord {
        ResponseRecord(
            sessionID: "s-\(unit)-\(period)", questionnaireID: "cpom_pdp", questionnaireVersion: 1, population: "spsti", status: .completed,
            origin: .respondent,
            startedAt: Date(timeIntervalSince1970: 0), completedAt: nil,
            answers: [AnswerKey("visites_reprise"): .number(reprise), AnswerKey("concertation_pluri_acteurs"): .choice(status)],
            reporting: ReportingKey(unit: unit, period: period))
    }

    /// The sum moves with the units that report; the change is read at constant units.
    @Test func changeIsComparedAtConstantUnits() throws {
        let (loaded, campaign) = try MonitoringExample.loaded("suivi-cpom.yaml")
        let cpom = try #require(loaded.questionnaires.compactMap(\.questionnaire).first)
        let memory = MemoryResponses()
        for record in [
            Self.record("spsti_01", "2025", reprise: 100, status: "non_realise"), Self.record("spsti_02", "2025", reprise: 300, status: "partiel"),
            Self.record("spsti_03", "2025", reprise: 1000, status: "non_realise"),
            Self.record("spsti_01", "2027", reprise: 150, status: "realise"), Self.record("spsti_02", "2027", reprise: 350, status: "realise"),
        ] {
            try memory.write(record, definition: cpom)
        }
        let result = try #require(try MonitoringAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory))
        let files = MonitoringReport(result, campaign: campaign).files()
        let md = try #require(files["suivi.md"])
        // 1,400 → 500 over all units, but 400 → 500 (+25 %) for the two that reported twice.
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| 1.7 – ") && $0.contains("Évolution") == false && $0.contains("(3)") })
        #expect(row.contains("1\u{00A0}400 (3) | – | 500 (2) | +25,0 % (2 unités) |"))
        #expect(md.contains("| 1.1 | Réalisé | 0,0 % | – | 100,0 % | +100,0 pt |"))
        let evolution = try #require(files["evolution.csv"])
        #expect(evolution.contains("cpom_pdp,visites_reprise,,sum,2027,500,"))
        #expect(evolution.contains("cpom_pdp,concertation_pluri_acteurs,non_realise,pct,2025,66.7,"))
    }

    /// Mid-plan, the last period has no response yet: the change is read up to the last one that has.
    @Test func aPeriodStillToComeIsNotCompared() throws {
        let (loaded, campaign) = try MonitoringExample.loaded("suivi-cpom.yaml")
        let cpom = try #require(loaded.questionnaires.compactMap(\.questionnaire).first)
        let memory = MemoryResponses()
        for record in [Self.record("spsti_01", "2025", reprise: 100, status: "partiel"), Self.record("spsti_01", "2026", reprise: 120, status: "realise")] {
            try memory.write(record, definition: cpom)
        }
        let result = try #require(try MonitoringAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory))
        let md = try #require(MonitoringReport(result, campaign: campaign).files()["suivi.md"])
        #expect(md.contains("### Évolution de 2025 à 2026"))
        #expect(md.contains("| 100 (1) | 120 (1) | – | +20,0 % (1 unité) |"))
    }

    /// A change from 0 has no relative value; the count of common units still agrees with its number.
    @Test func aChangeFromZeroNamesOneUnitInTheSingular() throws {
        let (loaded, campaign) = try MonitoringExample.loaded("suivi-cpom.yaml")
        let cpom = try #require(loaded.questionnaires.compactMap(\.questionnaire).first)
        let memory = MemoryResponses()
        for record in [Self.record("spsti_01", "2025", reprise: 0, status: "partiel"), Self.record("spsti_01", "2026", reprise: 120, status: "realise")] {
            try memory.write(record, definition: cpom)
        }
        let result = try #require(try MonitoringAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: memory))
        let md = try #require(MonitoringReport(result, campaign: campaign).files()["suivi.md"])
        #expect(md.contains("| 0 (1) | 120 (1) | – | – (1 unité) |"))
    }
}
