import Foundation
import SurveyAnalysis
import SurveyCore

extension MonitoringReport {
    /// Fewer units than this and a quartile says too little to be given.
    static let minimumUnitsForPosition = 5

    /// `unites/<code>.md` for every unit of every monitoring questionnaire: its own values and
    /// answers, set against the distribution over the units (figures about units, not people).
    func unitFiles() -> [String: String] {
        var order: [String] = []
        var labels: [String: String] = [:]
        var sections: [String: [String]] = [:]
        for q in result.questionnaires {
            let reported = q.coverage.map { Set($0.reported) }
            for unit in q.units {
                if labels[unit.code] == nil {
                    order.append(unit.code)
                    labels[unit.code] = unit.label
                }
                sections[unit.code, default: []].append(unitSection(unit, q, reported: reported))
            }
        }
        var files: [String: String] = [:]
        for code in order {
            var md = "# \(labels[code] ?? code) : positionnement\n\n"
            md += "Document destiné à « \(labels[code] ?? code) » seulement : il donne ses propres valeurs, que la synthèse régionale ne publie pas, "
            md += "et les situe parmi celles des autres unités (médiane, quartiles). Les autres unités ne sont pas nommées.\n\n"
            md += "Position : « 1er quartile » veut dire parmi le quart des valeurs les plus basses, « 4e quartile » parmi le quart des plus hautes ; "
            md += "une valeur égale à une limite compte dans le quartile du dessous. La position n'est pas donnée quand moins de \(Self.minimumUnitsForPosition) unités ont renseigné l'indicateur.\n"
            for section in sections[code] ?? [] { md += "\n" + section }
            files[code] = md
        }
        return files
    }

    func quartileName(_ quartile: Int) -> String { quartile == 1 ? "1er quartile" : "\(quartile)e quartile" }

    /// `reported`: per period, the units with a completed response (sets: thousands of units).
    func unitSection(_ unit: ReportingUnit, _ q: MonitoringQuestionnaire, reported: [Set<String>]) -> String {
        var md = "## \(q.title)\n\n"
        let received = q.periods.indices.filter { reported[$0].contains(unit.code) }.map { q.periods[$0] }
        let missing = q.periods.indices.filter { !reported[$0].contains(unit.code) }.map { q.periods[$0] }
        md += "Réponse complète : " + (received.isEmpty ? "aucune" : received.joined(separator: ", "))
        md += missing.isEmpty ? ".\n\n" : " ; manquante : " + missing.joined(separator: ", ") + ".\n\n"
        for (index, period) in q.periods.enumerated() where received.contains(period) {
            if q.periods.count > 1 { md += "### \(period)\n\n" }
            if !q.indicators.isEmpty {
                md += "| Indicateur | Votre valeur | Médiane | Q1 – Q3 | \(W.plural(q.kind).capitalizedFirst) | Votre position |\n| --- | ---: | ---: | ---: | ---: | --- |\n"
                for indicator in q.indicators {
                    let p = indicator.periods[index]
                    let own = p.values[unit.code]
                    var cells = [own.map(W.grouped) ?? "non renseigné"]
                    if let s = p.summary {
                        cells += [W.grouped(s.median), "\(W.grouped(s.q1)) – \(W.grouped(s.q3))", "\(s.n)"]
                        if let own {
                            cells.append(s.n >= Self.minimumUnitsForPosition ? quartileName(s.quartile(of: own)) : "–")
                        } else {
                            cells.append("–")
                        }
                    } else {
                        cells += ["–", "–", "0", "–"]
                    }
                    md += "| \(indicatorLabel(indicator, in: q)) | " + cells.joined(separator: " | ") + " |\n"
                }
                md += "\n"
            }
            for status in q.statuses {
                let p = status.periods[index]
                guard let code = p.answers[unit.code] else { continue }
                let label = status.options.first { $0.code == code }?.label ?? code
                let same = p.counts[code] ?? 0
                md += "- \(W.cell(status.label)) : **\(W.cell(label))** (réponse de \(same) \(same > 1 ? W.plural(q.kind) : q.kind) sur \(p.base)).\n"
            }
            if !q.statuses.isEmpty { md += "\n" }
        }
        return md
    }
}
