import Foundation
import SurveyAnalysis
import SurveyCore

/// The monitoring part of the report (docs/monitoring.md): `suivi.md` for the committee, CSV
/// files, and `unites/<code>.md`, one per unit, which only that unit should receive (it holds
/// the unit's own values). Deterministic: the same result gives the same bytes.
package struct MonitoringReport: Sendable {
    package var result: MonitoringResult
    package var campaign: Campaign
    package var csv: CSVStyle

    package init(_ result: MonitoringResult, campaign: Campaign, csv: CSVStyle = .rfc4180) {
        self.result = result
        self.campaign = campaign
        self.csv = csv
    }

    package func files() -> [String: String] {
        var files: [String: String] = [:]
        files["suivi.md"] = markdown()
        files["couverture.csv"] = coverageCSV()
        files["consolidation.csv"] = consolidationCSV()
        files["statuts.csv"] = statusesCSV()
        files["typologie.csv"] = typologyCSV()
        files["evolution.csv"] = evolutionCSV()
        files["forces-difficultes-unites.csv"] = mentionsCSV()
        for (code, text) in unitFiles() { files["unites/\(code).md"] = text }
        files.merge(typologyCharts()) { own, _ in own }
        return files
    }

    func themeTitle(_ id: String) -> String { campaign.theme(id)?.title ?? id }

    // MARK: CSV

    func pct(_ count: Int, _ base: Int) -> String { base > 0 ? csv.number(100 * Double(count) / Double(base)) : "" }

    func coverageCSV() -> String {
        var rows: [[String]] = []
        for q in result.questionnaires {
            for c in q.coverage {
                rows.append([
                    q.id, c.period, "\(c.expected)", "\(c.reported.count)", pct(c.reported.count, c.expected), c.missing.map(\.code).joined(separator: "|"),
                    c.started.joined(separator: "|"),
                ])
            }
        }
        return csv.table(["questionnaire", "period", "expected", "reported", "reported_pct", "missing", "started_not_completed"], rows)
    }

    func consolidationCSV() -> String {
        var rows: [[String]] = []
        for q in result.questionnaires {
            for indicator in q.indicators {
                for period in indicator.periods {
                    let s = period.summary
                    rows.append([
                        q.id, indicator.id, indicator.number, indicator.label, indicator.unit ?? "", indicator.provider ?? "", indicator.partOf ?? "",
                        period.period, "\(s?.n ?? 0)", csv.compact(s?.sum), csv.compact(s?.min), csv.compact(s?.q1), csv.compact(s?.median),
                        csv.compact(s?.q3), csv.compact(s?.max),
                    ])
                }
            }
        }
        return csv.table(
            ["questionnaire", "indicator", "number", "label", "unit", "provider", "part_of", "period", "n_units", "sum", "min", "q1", "median", "q3", "max"],
            rows)
    }

    func statusesCSV() -> String {
        var rows: [[String]] = []
        for q in result.questionnaires {
            for status in q.statuses {
                for period in status.periods {
                    for option in status.options {
                        let count = period.counts[option.code] ?? 0
                        rows.append([
                            q.id, status.id, status.number, period.period, option.code, option.label, "\(count)", "\(period.base)", pct(count, period.base),
                        ])
                    }
                }
            }
        }
        return csv.table(["questionnaire", "question", "number", "period", "code", "code_label", "units", "base", "pct"], rows)
    }

    func typologyCSV() -> String {
        var rows: [[String]] = []
        for q in result.questionnaires {
            for typology in q.typologies {
                for period in typology.periods {
                    for row in period.rows {
                        rows.append([
                            q.id, typology.question, period.period, row.code, row.label, "\(row.items)", "\(period.items)", pct(row.items, period.items),
                            "\(row.units)", "\(period.reportingUnits)",
                        ])
                    }
                }
            }
        }
        return csv.table(["questionnaire", "question", "period", "code", "code_label", "items", "items_total", "items_pct", "units", "units_reporting"], rows)
    }

    /// One row per indicator, statistic and period, with the change from the previous period.
    func evolutionCSV() -> String {
        var rows: [[String]] = []
        for q in result.questionnaires where q.periods.count > 1 {
            for indicator in q.indicators {
                let statistics: [(String, (UnitDistribution) -> Double)] = [("sum", { $0.sum }), ("median", { $0.median }), ("n_units", { Double($0.n) })]
                for (statistic, value) in statistics {
                    var previous: Double?
                    for period in indicator.periods {
                        let current = period.summary.map(value)
                        let change = difference(current, previous)
                        rows.append([q.id, indicator.id, "", statistic, period.period, csv.compact(current), csv.compact(change)])
                        previous = current
                    }
                }
            }
            for status in q.statuses {
                for option in status.options {
                    var previous: Double?
                    for period in status.periods {
                        let current = period.base > 0 ? 100 * Double(period.counts[option.code] ?? 0) / Double(period.base) : nil
                        let change = difference(current, previous)
                        rows.append([q.id, status.id, option.code, "pct", period.period, csv.number(current), csv.number(change)])
                        previous = current
                    }
                }
            }
        }
        return csv.table(["questionnaire", "indicator", "code", "statistic", "period", "value", "change"], rows)
    }

    func mentionsCSV() -> String {
        csv.table(
            ["questionnaire", "period", "theme", "polarity", "units", "base", "pct"],
            result.questionnaires.flatMap { q in
                q.mentions.map { [q.id, $0.period, $0.theme, $0.polarity.rawValue, "\($0.units)", "\($0.base)", pct($0.units, $0.base)] }
            })
    }
}

/// `current − previous`, when both exist.
func difference(_ current: Double?, _ previous: Double?) -> Double? {
    guard let current, let previous else { return nil }
    return current - previous
}
