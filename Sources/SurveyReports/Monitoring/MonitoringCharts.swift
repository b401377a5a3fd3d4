import Foundation
import SurveyAnalysis
import SurveyCore

extension MonitoringReport {
    /// `typologie-livrable_type.svg`, with the period when the questionnaire has several.
    static func typologyChartName(_ q: MonitoringQuestionnaire, _ typology: Typology, period: String) -> String {
        "typologie-\(q.id)-\(typology.question)" + (q.periods.count > 1 ? "-\(period)" : "") + ".svg"
    }

    func typologyCharts() -> [String: String] {
        var files: [String: String] = [:]
        for q in result.questionnaires {
            for typology in q.typologies {
                for period in typology.periods {
                    let title = "Répartition des \(MonitoringWords.plural(typology.item)) par type" + (q.periods.count > 1 ? " (\(period.period))" : "")
                    if let svg = Self.typologyChart(
                        title: title, period: period, items: MonitoringWords.plural(typology.item), kinds: MonitoringWords.plural(q.kind))
                    {
                        files[Self.typologyChartName(q, typology, period: period.period)] = svg
                    }
                }
            }
        }
        return files
    }

    /// Horizontal bars of a typology, most frequent first (« Répartition des livrables par
    /// type » of the seed 001 slide): the share of all items, and the units concerned.
    static func typologyChart(title: String, period: TypologyPeriod, items: String, kinds: String) -> String? {
        let rows = period.rows.enumerated().sorted { ($0.element.items, -$0.offset) > ($1.element.items, -$1.offset) }.map(\.element).filter { $0.items > 0 }
        guard !rows.isEmpty, period.items > 0 else { return nil }
        let labelWidth = 330.0, chartWidth = 360.0, rowHeight = 30.0, top = 50.0
        let width = labelWidth + chartWidth + 150, height = top + Double(rows.count) * rowHeight + 30
        let largest = Double(rows.map(\.items).max() ?? 1) / Double(period.items)
        var svg = Charts.opening(title: title, width: width, height: height)
        svg.append(
            "<text x=\"10\" y=\"40\" fill=\"#555555\">Part des \(period.items) \(XML.escape(items)) ; entre parenthèses, nombre de \(XML.escape(kinds)) qui en ont au moins un</text>"
        )
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let share = Double(row.items) / Double(period.items)
            let barWidth = max(1, chartWidth * share / max(largest, 0.01))
            for (line, text) in Charts.wrap(row.label, width: 48, lines: 2).enumerated() {
                svg.append("<text x=\"\(Int(labelWidth - 8))\" y=\"\(Charts.fmt(y + 12 + Double(line) * 13))\" text-anchor=\"end\">\(XML.escape(text))</text>")
            }
            svg.append(
                "<rect x=\"\(Int(labelWidth))\" y=\"\(Charts.fmt(y + 3))\" width=\"\(Charts.fmt(barWidth))\" height=\"\(Charts.fmt(rowHeight - 8))\" fill=\"#67a9cf\"/>"
            )
            svg.append("<text x=\"\(Charts.fmt(labelWidth + barWidth + 6))\" y=\"\(Charts.fmt(y + 18))\">\(Numbers.comma(100 * share)) % (\(row.units))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }
}
