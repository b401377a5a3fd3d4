import Foundation
import SurveyAnalysis
import SurveyCore
import SurveyReports
import SurveyStore

/// `prst report`: the committee's synthesis, the CSV exports and the SVG charts of a campaign.
package enum ReportWorkflow {
    package struct Outcome: Sendable, Equatable {
        package var directory: String
        /// Results withheld for statistical secrecy.
        package var suppressed: Int
    }

    /// The previous wave of the same surveys (`--previous`), to compare the same items with.
    package struct PreviousWave: Sendable {
        package var storePath: String
        package var label: String?
        package var currentLabel: String?
        package init(storePath: String, label: String?, currentLabel: String?) {
            self.storePath = storePath
            self.label = label
            self.currentLabel = currentLabel
        }
    }

    package static func run(
        campaign path: String, storePath: String, directory: String?, minGroup: Int?, style: CSVStyle, manualCoding: String?,
        previous: PreviousWave? = nil, output: WorkflowOutput
    ) throws -> Outcome {
        let usable = try DefinitionFiles.campaign(path)
        let campaign = usable.campaign, loaded = usable.loaded
        var options = AnalysisOptions(minGroup: minGroup)
        if let manualCoding {
            guard let text = try? String(contentsOfFile: manualCoding, encoding: .utf8) else {
                throw Refusal(.manualCodingUnreadable(path: manualCoding))
            }
            options.manualCodes = ManualCoding.parse(text)
        }
        let showProgress = output.showsProgress
        if showProgress { options.progress = { output.progress("\($0) réponses lues") } }
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw Refusal(.noStoreToReport(path: storePath))
        }
        let reader: ResponseStore
        do {
            reader = try ResponseStore.open(at: storePath)
        } catch {
            throw Refusal(error)
        }
        // Checked before anything is written, so that a wrong --previous leaves no half report.
        var previousReader: ResponseStore?
        if let previous {
            guard FileManager.default.fileExists(atPath: previous.storePath) else { throw Refusal(.noPreviousWaveStore(path: previous.storePath)) }
            do {
                previousReader = try ResponseStore.open(at: previous.storePath)
            } catch {
                throw Refusal(error)
            }
        }
        let directory = directory ?? "reports/\(campaign.id)"
        // Open answers go to disk as they are read, so memory does not grow with the survey.
        let spool = try SurveyReport.VerbatimSpool(directory: directory, style: style)
        options.verbatimSink = { spool.add($0) }
        var result = try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: reader, options: options)
        if let previous, let previousReader {
            // The previous wave is read with its own stored definitions and the same campaign;
            // its open answers are not published, so none is kept, and the manual coding names
            // sessions of the current wave only.
            var previousOptions = options
            previousOptions.manualCodes = []
            previousOptions.progress = nil
            previousOptions.verbatimSink = { _ in }
            let earlier = try SurveyAnalyzer.analyse(campaign: campaign, codebook: loaded.codebook, reader: previousReader, options: previousOptions)
            result.waves = WaveComparison.compare(previous: earlier, current: &result, previousLabel: previous.label, currentLabel: previous.currentLabel)
        }
        if showProgress { output.error("") }
        try spool.finish(published: result.publishedTexts)
        try SurveyReport(result, csv: style).write(to: directory, except: ["verbatims.csv"])
        if result.monitoring != nil {
            output.error(
                "Synthèse du suivi du plan : \(directory)/suivi.md ; un fichier par unité dans \(directory)/unites/, à n'adresser qu'à l'unité concernée.")
        }
        if let waves = result.waves {
            let since = waves.previousLabel == WaveComparison.defaultPreviousLabel ? "la " + waves.previousLabel : waves.previousLabel
            output.error("Évolution depuis \(since) : \(waves.changes.count) item(s) × population comparés, dans \(directory)/evolution-vagues.csv.")
        }
        output.error("Rapport écrit dans \(directory)/synthese.md (\(result.suppressed.count) résultat(s) non publié(s) pour le secret statistique).")
        return Outcome(directory: directory, suppressed: result.suppressed.count)
    }
}
