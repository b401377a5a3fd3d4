import Foundation
import SurveyAnalysis
import SurveyCore

/// The committee's report: `synthese.md`, CSV exports and SVG charts, as file name → bytes.
/// Deterministic: the same analysis gives the same bytes.
package struct SurveyReport {
    package var result: AnalysisResult
    package var csv: CSVStyle

    package init(_ result: AnalysisResult, csv: CSVStyle = .rfc4180) {
        self.result = result
        self.csv = csv
    }

    var campaign: Campaign { result.campaign }
    func pop(_ id: String) -> String { campaign.label(ofPopulation: id) }
    func themeTitle(_ id: String?) -> String { id.flatMap { campaign.theme($0)?.title } ?? "Sans thème" }

    /// "x / n" under 30, otherwise a percentage with a decimal comma.
    func share(_ count: Int, _ base: Int) -> String {
        guard base > 0 else { return "–" }
        if base < 30 { return "\(count) / \(base)" }
        return Numbers.comma(100 * Double(count) / Double(base)) + " %"
    }

    func shareWithInterval(_ count: Int, _ base: Int) -> String {
        guard base >= 30, let ci = Statistics.wilson(count, base) else { return share(count, base) }
        return share(count, base) + " [\(Numbers.comma(100 * ci.low))–\(Numbers.comma(100 * ci.high))]"
    }

    package func files() -> [String: String] {
        var files: [String: String] = [:]
        for theme in campaign.themes {
            let rows = result.items.filter { $0.theme == theme.id && $0.shown }
            if !rows.isEmpty { files["likert-\(theme.id).svg"] = Charts.likert(title: theme.title, rows: rows, populationLabel: pop) }
        }
        let deliverableFunnels = result.funnels.filter { $0.scope == .deliverable } + result.funnels.filter { $0.scope == .overall }
        if !deliverableFunnels.isEmpty { files["diffusion.svg"] = Charts.funnel(title: "Jusqu'où les productions ont-elles circulé ?", funnels: deliverableFunnels) }
        files["synthese.md"] = markdown(charts: Set(files.keys))
        files["likert.csv"] = likertCSV()
        files["likert-niveaux.csv"] = levelsCSV()
        files["comparaisons.csv"] = comparisonsCSV()
        files["forces-difficultes.csv"] = mentionsCSV()
        files["diffusion.csv"] = diffusionCSV()
        files["canaux.csv"] = channelsCSV()
        files["verbatims.csv"] = verbatimsCSV()
        files["participation.csv"] = participationCSV()
        files["tri-a-plat.csv"] = flatCSV()
        if let monitoring = result.monitoring { files.merge(MonitoringReport(monitoring, campaign: campaign, csv: csv).files()) { own, _ in own } }
        return files
    }

    /// Writes every file into `directory` (created if needed); `except` names files written elsewhere.
    package func write(to directory: String, except: Set<String> = []) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, content) in files().sorted(by: { $0.key < $1.key }) where !except.contains(name) {
            // Per-unit files go in `unites/`.
            if name.contains("/") {
                try FileManager.default.createDirectory(atPath: directory + "/" + (name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            }
            try Data(content.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
    }

    // MARK: CSV

    func pct(_ count: Int, _ base: Int) -> String { base > 0 ? csv.number(100 * Double(count) / Double(base)) : "" }

    func likertCSV() -> String {
        let rows: [[String]] = result.items.filter(\.shown).map { item in
            let ci = item.interval
            return [item.population, item.theme ?? "", item.item, item.label, "\(item.nValid)", "\(item.nNonSubstantive)", "\(item.nNotAsked)",
                    "\(item.favourable)", pct(item.favourable, item.nValid), csv.number(ci.map { 100 * $0.low }), csv.number(ci.map { 100 * $0.high }),
                    csv.compact(item.median), csv.number(item.netScore)]
        }
        return csv.table(["population", "theme", "item", "label", "n_valid", "n_non_substantive", "n_not_asked", "favourable", "favourable_pct", "ci_low", "ci_high", "median", "net_score"], rows)
    }

    func levelsCSV() -> String {
        var rows: [[String]] = []
        for item in result.items where item.shown {
            for level in item.levels { rows.append([item.population, item.item, level.code, level.label, "\(level.count)", pct(level.count, item.nValid)]) }
            for level in item.nonSubstantive { rows.append([item.population, item.item, level.code, level.label, "\(level.count)", ""]) }
        }
        return csv.table(["population", "item", "level_code", "level_label", "count", "pct"], rows)
    }

    func comparisonsCSV() -> String {
        csv.table(["item", "populations", "test", "statistic", "p_value", "p_adjusted"], result.comparisons.map {
            [$0.item, $0.populations.joined(separator: "|"), $0.test, csv.number($0.statistic, decimals: 3), csv.number($0.pValue, decimals: 4), csv.number($0.pAdjusted, decimals: 4)]
        })
    }

    func mentionsCSV() -> String {
        csv.table(["theme", "population", "polarity", "respondents", "base", "pct"], result.mentions.filter(\.shown).map {
            [$0.theme, $0.population, $0.polarity.rawValue, "\($0.respondents)", "\($0.base)", pct($0.respondents, $0.base)]
        })
    }

    func diffusionCSV() -> String {
        var rows: [[String]] = []
        for funnel in result.funnels where funnel.scope != .deliverable || true {
            for step in funnel.steps where step.shown {
                let ci = step.interval
                let name = funnel.scope == .deliverable ? funnel.key : (funnel.scope == .type ? "type:" + funnel.key : "ensemble")
                rows.append([name, funnel.type, step.kind.rawValue, "\(step.count)", "\(step.baseAll)", pct(step.count, step.baseAll), "\(step.basePrevious)",
                             pct(step.count, step.basePrevious), csv.number(ci.map { 100 * $0.low }), csv.number(ci.map { 100 * $0.high })])
            }
        }
        return csv.table(["deliverable", "type", "step", "count", "base_all", "pct_all", "base_previous", "pct_previous", "ci_low", "ci_high"], rows)
    }

    func channelsCSV() -> String {
        csv.table(["deliverable", "channel", "label", "count", "base", "pct"], result.channels.filter(\.shown).map {
            [$0.deliverable, $0.channel, $0.channelLabel, "\($0.count)", "\($0.base)", pct($0.count, $0.base)]
        })
    }

    static let verbatimHeader = ["session", "population", "question", "repetition", "polarity", "themes", "manual", "text"]
    static func verbatimFields(_ v: Verbatim) -> [String] {
        [v.session, v.population, v.question, v.repetition ?? "", v.polarity?.rawValue ?? "", v.themes.joined(separator: "|"), v.manual ? "1" : "0", v.text]
    }

    func verbatimsCSV() -> String {
        csv.table(Self.verbatimHeader, result.verbatims.map(Self.verbatimFields))
    }

    /// verbatims.csv written while the analysis streams: `begin` the file, `add` rows (kept in one
    /// spool file per population), `finish` with the published populations.
    package final class VerbatimSpool {
        let directory: String
        let style: CSVStyle
        var handles: [String: FileHandle] = [:]
        var buffers: [String: String] = [:]
        var order: [String] = []

        package init(directory: String, style: CSVStyle) throws {
            self.directory = directory
            self.style = style
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        func path(_ population: String) -> String { directory + "/.verbatims-\(population).part" }

        package func add(_ verbatim: Verbatim) {
            let population = verbatim.population
            if handles[population] == nil {
                FileManager.default.createFile(atPath: path(population), contents: nil)
                handles[population] = FileHandle(forWritingAtPath: path(population))
                order.append(population)
            }
            buffers[population, default: ""] += style.row(SurveyReport.verbatimFields(verbatim))
            if (buffers[population]?.utf8.count ?? 0) > 1 << 20 { flush(population) }
        }

        func flush(_ population: String) {
            if let text = buffers[population], !text.isEmpty { handles[population]?.write(Data(text.utf8)) }
            buffers[population] = ""
        }

        /// Writes verbatims.csv with the published populations, in `populations` order.
        package func finish(published populations: [String]) throws {
            for population in order { flush(population); try? handles[population]?.close() }
            let target = directory + "/verbatims.csv"
            FileManager.default.createFile(atPath: target, contents: Data(style.table(SurveyReport.verbatimHeader, []).utf8))
            let out = FileHandle(forWritingAtPath: target)
            out?.seekToEndOfFile()
            // Copied in slices: the parts grow with the number of respondents.
            for population in populations where order.contains(population) {
                guard let part = FileHandle(forReadingAtPath: path(population)) else { continue }
                while let slice = try? part.read(upToCount: 1 << 20), !slice.isEmpty { out?.write(slice) }
                try? part.close()
            }
            try? out?.close()
            for population in order { try? FileManager.default.removeItem(atPath: path(population)) }
        }
    }

    func participationCSV() -> String {
        csv.table(["population", "label", "target", "started", "completed", "response_rate_pct"], result.participation.map {
            [$0.population, $0.label, $0.target.map(String.init) ?? "", "\($0.started)", "\($0.completed)", csv.number($0.responseRate.map { 100 * $0 })]
        })
    }

    func flatCSV() -> String {
        var rows: [[String]] = []
        for f in result.frequencies where f.shown {
            let base = f.given
            if f.rows.isEmpty {
                if let s = f.numberSummary {
                    rows.append([f.population, f.variable, f.number, f.label, "n", "", "\(s.n)", ""])
                    rows.append([f.population, f.variable, f.number, f.label, "min", "", csv.compact(s.min), ""])
                    rows.append([f.population, f.variable, f.number, f.label, "median", "", csv.compact(s.median), ""])
                    rows.append([f.population, f.variable, f.number, f.label, "mean", "", csv.number(s.mean), ""])
                    rows.append([f.population, f.variable, f.number, f.label, "max", "", csv.compact(s.max), ""])
                } else {
                    rows.append([f.population, f.variable, f.number, f.label, "answered", "", "\(f.given)", ""])
                }
            }
            for row in f.rows { rows.append([f.population, f.variable, f.number, f.label, row.code, row.label, "\(row.count)", pct(row.count, base)]) }
            rows.append([f.population, f.variable, f.number, f.label, "skipped", "", "\(f.skipped)", ""])
            rows.append([f.population, f.variable, f.number, f.label, "not_asked", "", "\(f.notAsked)", ""])
        }
        return csv.table(["population", "variable", "number", "label", "code", "code_label", "count", "pct"], rows)
    }
}
