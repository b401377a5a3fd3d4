import Foundation
import SurveyAnalysis
import SurveyCore

/// « Évolution depuis <vague précédente> »: the same items between two waves, in synthese.md
/// and evolution-vagues.csv. Only when `prst report --previous` gave the previous wave.
extension SurveyReport {
    /// "+8,2", "−3,0", "0,0": the sign says the direction, a true minus sign as in the prose.
    func signedPoints(_ value: Double) -> String {
        let magnitude = Numbers.comma(abs(value))
        if magnitude == Numbers.comma(0) { return magnitude }
        return (value > 0 ? "+" : "−") + magnitude
    }

    /// A wave's name in a sentence: « depuis PRST 3 », but « depuis la vague précédente ».
    func waveInProse(_ label: String) -> String {
        let name = Markdown.inline(label)
        return label == WaveComparison.defaultPreviousLabel || label == WaveComparison.defaultCurrentLabel ? "la " + name : name
    }

    /// A wave's name as a column header: « PRST 3 », « Vague précédente ».
    func waveHeader(_ label: String) -> String { Markdown.cell(label.prefix(1).uppercased() + label.dropFirst()) }

    func directionWords(_ direction: WaveDirection) -> String {
        switch direction {
        case .rise: return "**hausse**"
        case .fall: return "**baisse**"
        case .stableOrUncertain: return "stable ou incertain"
        case .descriptive: return "échelle descriptive : médianes seules"
        }
    }

    func median(_ item: ItemStats) -> String { item.median.map { Numbers.compact($0, comma: true) } ?? "–" }

    func evolutionSection(_ waves: WaveComparison) -> [String] {
        let before = waveInProse(waves.previousLabel), now = waveInProse(waves.currentLabel)
        var md = ["## 3 bis. Évolution depuis \(before)", ""]
        md.append(
            "Mêmes items, même population, même échelle dans les deux vagues ; chaque vague est analysée à part, avec la même campagne (thèmes, seuils, effectif minimal de \(result.minGroup) répondants dans chacune). Évolution = part favorable de \(now) − part favorable de \(before), en points, avec entre crochets son intervalle de confiance à 95 % (méthode hybride du score de Newcombe, 1998, pour la différence de deux proportions indépendantes). L'évolution n'est dite « hausse » ou « baisse » que si cet intervalle exclut 0 ; sinon elle est « stable ou incertain » : l'écart observé peut tenir au hasard de qui a répondu. Sous 30 réponses valides dans une vague, sa part est donnée en effectifs (« x / n »). Les échelles descriptives ne sont comparées que par leur médiane, sans classement."
        )
        md.append("")
        md.append(
            "> **Prudence.** Les deux vagues n'interrogent pas forcément les mêmes personnes ni le même nombre de personnes : une évolution peut venir d'un changement de répondants autant que d'un changement d'opinion. Et chaque item est testé à part : sur \(waves.changes.count) évolutions, environ une sur vingt peut paraître en « hausse » ou en « baisse » par le seul hasard ; une évolution isolée est à rapprocher des autres résultats avant d'en tirer une conclusion."
        )
        md.append("")
        if waves.changes.isEmpty {
            md.append("Aucun item n'est publiable dans les deux vagues pour une même population.")
            md.append("")
        } else {
            func count(_ direction: WaveDirection) -> Int { waves.changes.filter { $0.direction == direction }.count }
            var parts = ["\(count(.rise)) en hausse", "\(count(.fall)) en baisse", "\(count(.stableOrUncertain)) stable(s) ou incertain(s)"]
            if count(.descriptive) > 0 { parts.append("\(count(.descriptive)) échelle(s) descriptive(s), non classée(s)") }
            md.append("En bref : \(waves.changes.count) item(s) × population comparés, " + parts.joined(separator: ", ") + ".")
            md.append("")
        }
        let themes: [String?] = campaign.themes.map { Optional($0.id) } + [nil]
        for theme in themes {
            let rows = waves.changes.filter { $0.current.theme == theme }
            guard !rows.isEmpty else { continue }
            md.append("**\(Markdown.inline(themeTitle(theme)))**")
            md.append("")
            md.append(
                "| Item | Population | \(waveHeader(waves.previousLabel)) | \(waveHeader(waves.currentLabel)) | Évolution (points) [IC 95 %] | Lecture |")
            md.append("| --- | --- | ---: | ---: | ---: | --- |")
            for change in rows {
                let previous = change.previous, current = change.current
                let cells: [String]
                if current.descriptive {
                    cells = ["médiane \(median(previous)) (n = \(previous.nValid))", "médiane \(median(current)) (n = \(current.nValid))", "–"]
                } else {
                    let points = change.changePoints.map(signedPoints) ?? "–"
                    let interval = change.differenceInterval.map { " [\(signedPoints($0.low)) ; \(signedPoints($0.high))]" } ?? ""
                    cells = [
                        shareWithInterval(previous.favourable, previous.nValid), shareWithInterval(current.favourable, current.nValid), points + interval,
                    ]
                }
                md.append(
                    "| \(Markdown.cell(current.label)) | \(Markdown.cell(pop(current.population))) | \(cells.joined(separator: " | ")) | \(directionWords(change.direction)) |"
                )
            }
            md.append("")
        }
        var notes: [String] = []
        let withheld = result.suppressed.filter { if case .previousWave = $0.what { return true } else { return false } }.count
        if withheld > 0 {
            notes.append(
                "\(withheld) évolution(s) non publiée(s) : trop peu de répondants dans \(before) (annexe 5.3)."
            )
        }
        if !waves.differentScales.isEmpty {
            let names = waves.differentScales.map { "« \(Markdown.inline($0.label)) » (\(Markdown.inline(pop($0.population))))" }
            notes.append("Non comparés, l'échelle ayant changé entre les deux vagues : " + names.joined(separator: ", ") + ".")
        }
        if waves.newItems > 0 { notes.append("\(waves.newItems) item(s) × population de \(now) n'existaient pas dans \(before) : pas d'évolution.") }
        if waves.droppedItems > 0 { notes.append("\(waves.droppedItems) item(s) × population de \(before) ne sont plus posés dans \(now) : pas d'évolution.") }
        for note in notes { md += [note, ""] }
        return md
    }

    func evolutionCSV(_ waves: WaveComparison) -> String {
        let rows: [[String]] = waves.changes.map { change in
            let previous = change.previous, current = change.current
            func wave(_ item: ItemStats) -> [String] {
                if item.descriptive { return ["\(item.nValid)", "", "", "", "", csv.compact(item.median)] }
                let ci = item.interval
                return [
                    "\(item.nValid)", "\(item.favourable)", pct(item.favourable, item.nValid), csv.number(ci.map { 100 * $0.low }),
                    csv.number(ci.map { 100 * $0.high }), csv.compact(item.median),
                ]
            }
            let difference = change.differenceInterval
            return [current.population, current.theme ?? "", current.item, current.label] + wave(previous) + wave(current) + [
                csv.number(change.changePoints), csv.number(difference?.low), csv.number(difference?.high), change.direction.rawValue,
            ]
        }
        let waveColumns = ["n_valid", "favourable", "favourable_pct", "ci_low", "ci_high", "median"]
        return csv.table(
            ["population", "theme", "item", "label"] + waveColumns.map { "previous_" + $0 } + waveColumns.map { "current_" + $0 } + [
                "change_points", "diff_ci_low", "diff_ci_high", "direction",
            ], rows)
    }
}
