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
            let shared = SharedCells(q, report: self)
            // Units are independent: their sections are written in parallel, each into its own
            // slot, so the bytes do not depend on the scheduling.
            let texts = Self.parallelMap(q.units.indices) { index in unitSection(q.units[index], at: index, q, reported: reported, shared: shared) }
            for (index, unit) in q.units.enumerated() {
                if labels[unit.code] == nil {
                    order.append(unit.code)
                    labels[unit.code] = unit.label
                }
                sections[unit.code, default: []].append(texts[index])
            }
        }
        var files: [String: String] = [:]
        for code in order {
            var md = "# \(labels[code] ?? code) : positionnement\n\n"
            md += "Document destiné à « \(labels[code] ?? code) » seulement : il donne ses propres valeurs, que la synthèse régionale ne publie pas, "
            md += "et les situe parmi celles des autres unités (médiane, quartiles). Les autres unités ne sont pas nommées.\n\n"
            md += "Position : « 1er quartile » veut dire parmi le quart des valeurs les plus basses, « 4e quartile » parmi le quart des plus hautes ; "
            md +=
                "une valeur égale à une limite compte dans le quartile du dessous. La position n'est pas donnée quand moins de \(Self.minimumUnitsForPosition) unités ont renseigné l'indicateur.\n"
            for section in sections[code] ?? [] { md += "\n" + section }
            files[code] = md
        }
        return files
    }

    /// Result slots written from several threads: each index by exactly one iteration, read
    /// only after `concurrentPerform` returns, hence no data race.
    final class Slots: @unchecked Sendable {
        var values: [String]
        init(_ count: Int) { values = Array(repeating: "", count: count) }

        struct Pointer: @unchecked Sendable {
            let address: UnsafeMutablePointer<String>?
            init(_ address: UnsafeMutablePointer<String>?) { self.address = address }
        }
    }

    /// `transform` of each index, computed on every core, in index order.
    static func parallelMap(_ indices: Range<Int>, _ transform: @Sendable @escaping (Int) -> String) -> [String] {
        let count = indices.count
        guard count > 64 else { return indices.map(transform) }
        let chunks = min(count, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        let slots = Slots(count)
        let lower = indices.lowerBound
        slots.values.withUnsafeMutableBufferPointer { buffer in
            let base = Slots.Pointer(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = count * chunk / chunks, end = count * (chunk + 1) / chunks
                for offset in start..<end { base.address?[offset] = transform(lower + offset) }
            }
        }
        return slots.values
    }

    /// What every unit's file repeats, formatted once: labels, and per indicator and period
    /// the median, quartiles and number of units (a region may have thousands of units).
    struct SharedCells {
        var labels: [String]
        /// Per indicator, per period: « | median | Q1 – Q3 | n » cells.
        var distributions: [[String]]
        var statusLabels: [String]
        /// Per status: option code → label, escaped for a table.
        var optionLabels: [[String: String]]

        init(_ q: MonitoringQuestionnaire, report: MonitoringReport) {
            labels = q.indicators.map { report.indicatorLabel($0, in: q) }
            distributions = q.indicators.map { indicator in
                indicator.periods.map { p in
                    guard let s = p.summary else { return " | – | – | 0" }
                    return " | \(W.grouped(s.median)) | \(W.grouped(s.q1)) – \(W.grouped(s.q3)) | \(s.n)"
                }
            }
            statusLabels = q.statuses.map { W.cell($0.label) + MonitoringReport.answerSeparator($0.label) }
            optionLabels = q.statuses.map { status in
                Dictionary(status.options.map { ($0.code, W.cell($0.label)) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// « … est : **Réalisée** », « … copilotée ? **Oui** », « 1.1 – Mise en œuvre… : **Réalisé** ».
    static func answerSeparator(_ label: String) -> String {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix(":") || trimmed.hasSuffix("?") ? " " : " : "
    }

    static let quartileNames = ["1er quartile", "2e quartile", "3e quartile", "4e quartile"]

    /// `reported`: per period, the units with a completed response (sets: thousands of units).
    func unitSection(_ unit: ReportingUnit, at unitIndex: Int, _ q: MonitoringQuestionnaire, reported: [Set<String>], shared: SharedCells) -> String {
        var md = "## \(q.title)\n\n"
        let received = q.periods.indices.filter { reported[$0].contains(unit.code) }.map { q.periods[$0] }
        let missing = q.periods.indices.filter { !reported[$0].contains(unit.code) }.map { q.periods[$0] }
        if received.isEmpty {
            md += "Aucune réponse complète pour \(missing.count > 1 ? "les périodes" : "la période") \(missing.joined(separator: ", ")) : rien à situer.\n"
            return md
        }
        md += "Réponse complète : " + received.joined(separator: ", ")
        md += missing.isEmpty ? ".\n\n" : " ; manquante : " + missing.joined(separator: ", ") + ".\n\n"
        let kinds = W.plural(q.kind)
        for (index, period) in q.periods.enumerated() where reported[index].contains(unit.code) {
            if q.periods.count > 1 { md += "### \(period)\n\n" }
            if !q.indicators.isEmpty {
                md +=
                    "| Indicateur | Votre valeur | Médiane | Q1 – Q3 | \(kinds.capitalizedFirst) | Votre position |\n| --- | ---: | ---: | ---: | ---: | --- |\n"
                for (position, indicator) in q.indicators.enumerated() {
                    let p = indicator.periods[index]
                    let own = p.values[unitIndex]
                    md.append("| ")
                    md.append(shared.labels[position])
                    md.append(" | ")
                    md.append(own.map(W.grouped) ?? "non renseigné")
                    md.append(shared.distributions[position][index])
                    md.append(" | ")
                    if let own, let s = p.summary, s.n >= Self.minimumUnitsForPosition {
                        md.append(Self.quartileNames[s.quartile(of: own) - 1])
                    } else {
                        md.append("–")
                    }
                    md.append(" |\n")
                }
                md += "\n"
            }
            var anyStatus = false
            for (position, status) in q.statuses.enumerated() {
                let p = status.periods[index]
                guard let code = p.answers[unitIndex] else { continue }
                anyStatus = true
                let label = shared.optionLabels[position][code] ?? W.cell(code)
                let same = p.counts[code] ?? 0
                md += "- \(shared.statusLabels[position])**\(label)** (réponse de \(same) \(same > 1 ? kinds : q.kind) sur \(p.base)).\n"
            }
            if anyStatus { md += "\n" }
        }
        return md
    }
}
