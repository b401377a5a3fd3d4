import Foundation
import SurveyAnalysis
import SurveyCore

/// French wording of the monitoring synthesis.
enum MonitoringWords {
    /// « fiche-action » → « fiches-actions », « commission » → « commissions », « SPSTI » stays.
    static func plural(_ word: String) -> String { FrenchPlural.of(word) }

    static func counted(_ count: Int, _ word: String) -> String { "\(grouped(Double(count))) \(count > 1 ? plural(word) : word)" }

    /// A count or a sum with French digit grouping (non-breaking space) and a decimal comma.
    static func grouped(_ value: Double) -> String {
        // Whole numbers, the common case, without going through text formatting.
        if value.rounded() == value, abs(value) < 1e15 {
            let whole = Int(value)
            var magnitude = whole.magnitude
            guard magnitude >= 1000 else { return String(whole) }
            var groups: [String] = []
            while magnitude >= 1000 {
                let group = String(magnitude % 1000)
                groups.append(String(repeating: "0", count: 3 - group.count) + group)
                magnitude /= 1000
            }
            groups.append(String(magnitude))
            return (whole < 0 ? "-" : "") + groups.reversed().joined(separator: "\u{00A0}")
        }
        let compact = Numbers.compact(value, comma: true)
        let negative = compact.hasPrefix("-")
        let body = negative ? String(compact.dropFirst()) : compact
        let parts = body.split(separator: ",", maxSplits: 1).map(String.init)
        var integer = parts[0]
        guard integer.count > 3 else { return compact }
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: "\u{00A0}") + (parts.count > 1 ? "," + parts[1] : "")
    }

    static func percent(_ count: Int, _ base: Int) -> String {
        base > 0 ? Numbers.comma(100 * Double(count) / Double(base)) + " %" : "–"
    }

    /// A relative change « +12,5 % », or nil when the earlier value is 0.
    static func relativeChange(from old: Double, to new: Double) -> String? {
        guard old != 0 else { return nil }
        let change = 100 * (new - old) / abs(old)
        return (change > 0 ? "+" : "") + Numbers.comma(change) + " %"
    }

    static func points(_ change: Double) -> String {
        (change > 0 ? "+" : "") + Numbers.comma(change) + " pt"
    }

    /// Table cells hold labels written by evaluators: a `|` would split the cell.
    static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
}

extension MonitoringReport {
    typealias W = MonitoringWords

    func markdown() -> String {
        var md = "# Suivi du plan : \(campaign.title)\n\n"
        md +=
            "Cette synthèse consolide les réponses des questionnaires de suivi : chacune décrit une unité (fiche-action, service, commission) pour une période, non une personne. "
        md +=
            "Les unités sont nommées ; les valeurs propres à chaque unité ne figurent que dans son fichier `unites/<code>.md`, à ne transmettre qu'à elle.\n\n"
        md +=
            "Méthode : une unité est comptée pour une période quand sa réponse est complète. Les quartiles (Q1, médiane, Q3) sont calculés sur les unités qui ont donné la valeur, "
        md += "par interpolation linéaire entre valeurs classées (type 7 de R, méthode par défaut de numpy et d'Excel). "
        md += "Les réponses libres sont codées avec le codebook de la campagne, comme dans le reste du rapport, et comptées en unités.\n"
        for q in result.questionnaires { md += "\n" + section(q) }
        return md
    }

    func section(_ q: MonitoringQuestionnaire) -> String {
        var md = "## \(q.title)\n\n"
        let kinds = W.plural(q.kind)
        md += "Référentiel : \(q.referentialLabel ?? q.referentialID) (\(W.counted(q.units.count, q.kind))) ; "
        md += q.periods.count > 1 ? "périodes : \(q.periods.joined(separator: ", ")).\n\n" : "période : \(q.periods.first ?? "–").\n\n"
        md += coverageSection(q, kinds: kinds)
        if !q.indicators.isEmpty { md += consolidationSection(q) }
        if !q.statuses.isEmpty { md += statusSection(q) }
        for typology in q.typologies { md += typologySection(q, typology) }
        if !q.mentions.isEmpty { md += mentionsSection(q) }
        if q.periods.count > 1 { md += evolutionSection(q) }
        return md
    }

    func coverageSection(_ q: MonitoringQuestionnaire, kinds: String) -> String {
        var md = "### Couverture\n\n"
        md += "| Période | Attendues | Réponses complètes | Part |\n| --- | ---: | ---: | ---: |\n"
        for c in q.coverage { md += "| \(c.period) | \(c.expected) | \(c.reported.count) | \(W.percent(c.reported.count, c.expected)) |\n" }
        md += "\n"
        for c in q.coverage {
            md +=
                "- **\(c.period)** : \(c.reported.count) \(c.reported.count > 1 ? kinds : q.kind) sur \(c.expected) \(c.reported.count > 1 ? "ont" : "a") remis une réponse complète (\(W.percent(c.reported.count, c.expected)))."
            if c.missing.isEmpty {
                md += " Aucune réponse ne manque.\n"
            } else {
                let started = Set(c.started)
                let names = c.missing.map { W.cell($0.label) + (started.contains($0.code) ? " (commencée, non terminée)" : "") }
                md += " Sans réponse complète : " + names.joined(separator: " ; ") + ".\n"
            }
        }
        if q.withoutReportingKey > 0 {
            let many = q.withoutReportingKey > 1
            md += "\n" + (many ? "\(q.withoutReportingKey) réponses complètes ne disent pas" : "1 réponse complète ne dit pas")
            md += " à quelle unité ni à quelle période \(many ? "elles se rapportent" : "elle se rapporte") : "
            md += "\(many ? "elles ne sont comptées" : "elle n'est comptée") nulle part ici (l'analyse par enquête, `synthese.md`, en tient compte).\n"
        }
        if q.outsideReferential > 0 {
            let many = q.outsideReferential > 1
            md += "\n" + (many ? "\(q.outsideReferential) réponses complètes portent" : "1 réponse complète porte")
            md += " sur une unité absente du référentiel ou une période absente du bloc `reporting:` : "
            md += "\(many ? "elles ne sont comptées" : "elle n'est comptée") nulle part ; vérifiez le référentiel.\n"
        }
        return md + "\n"
    }

    /// The label as written (the CPOM labels carry their indicator number), the source of the
    /// figure, and for a « dont » an arrow under its total. The counted unit is in the CSV.
    func indicatorLabel(_ indicator: Indicator, in q: MonitoringQuestionnaire) -> String {
        var label = W.cell(indicator.label)
        if indicator.partOf != nil {
            if !label.lowercased().contains("dont") { label = "dont " + label }
            label = "↳ " + label
        }
        var details: [String] = []
        if let provider = indicator.provider { details.append("source : \(provider)") }
        if indicator.repeated { details.append("somme par \(q.kind)") }
        return label + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    func consolidationSection(_ q: MonitoringQuestionnaire) -> String {
        var md = "### Consolidation des indicateurs\n\n"
        md += "Par indicateur : nombre d'unités qui l'ont renseigné, somme sur ces unités, médiane, quartiles et extrêmes. Les « dont » suivent leur total.\n\n"
        for (index, period) in q.periods.enumerated() {
            if q.periods.count > 1 { md += "#### \(period)\n\n" }
            md += "| Indicateur | Unités | Somme | Médiane | Q1 – Q3 | Min – max |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
            for indicator in q.indicators {
                let cells: String
                if let s = indicator.periods[index].summary {
                    cells =
                        "\(s.n) | \(W.grouped(s.sum)) | \(W.grouped(s.median)) | \(W.grouped(s.q1)) – \(W.grouped(s.q3)) | \(W.grouped(s.min)) – \(W.grouped(s.max))"
                } else {
                    cells = "0 | – | – | – | –"
                }
                md += "| \(indicatorLabel(indicator, in: q)) | \(cells) |\n"
            }
            md += "\n"
        }
        return md
    }

    func statusSection(_ q: MonitoringQuestionnaire) -> String {
        var md = "### États d'avancement et réponses fermées\n\n"
        md += "Nombre d'unités par réponse et part parmi celles qui ont répondu à la question.\n\n"
        for status in q.statuses {
            md += "**\(W.cell(status.label))**\n\n"
            md += "| Réponse | " + status.periods.map(\.period).joined(separator: " | ") + " |\n"
            md += "| --- |" + String(repeating: " ---: |", count: status.periods.count) + "\n"
            for option in status.options {
                let cells = status.periods.map { p -> String in
                    let count = p.counts[option.code] ?? 0
                    return p.base > 0 ? "\(count) (\(W.percent(count, p.base)))" : "–"
                }
                md += "| \(W.cell(option.label)) | " + cells.joined(separator: " | ") + " |\n"
            }
            md += "| *Unités ayant répondu* | " + status.periods.map { "\($0.base)" }.joined(separator: " | ") + " |\n\n"
        }
        return md
    }

    func typologySection(_ q: MonitoringQuestionnaire, _ typology: Typology) -> String {
        let items = W.plural(typology.item)
        var md = "### Typologie des \(items)\n\n"
        md +=
            "Répartition des \(items) décrits selon « \(W.cell(typology.label)) » : part de l'ensemble des \(items), et nombre de \(W.plural(q.kind)) qui en ont au moins un.\n\n"
        for period in typology.periods {
            if typology.periods.count > 1 { md += "#### \(period.period)\n\n" }
            guard period.items > 0 else {
                md += "Aucun \(typology.item) décrit.\n\n"
                continue
            }
            md +=
                "\(W.counted(period.items, typology.item)) décrits par \(period.unitsWithItems) \(period.unitsWithItems > 1 ? W.plural(q.kind) : q.kind) sur \(period.reportingUnits) ayant répondu.\n\n"
            md += "| Type | \(W.plural(typology.item).capitalizedFirst) | Part | \(W.plural(q.kind).capitalizedFirst) |\n| --- | ---: | ---: | ---: |\n"
            let rows = period.rows.enumerated().sorted { ($0.element.items, -$0.offset) > ($1.element.items, -$1.offset) }.map(\.element)
            for row in rows where row.items > 0 {
                md += "| \(W.cell(row.label)) | \(row.items) | \(W.percent(row.items, period.items)) | \(row.units) |\n"
            }
            md += "\n![Répartition des \(items) par type](\(Self.typologyChartName(q, typology, period: period.period)))\n\n"
            if let top = rows.first {
                md +=
                    "Le type le plus fréquent : « \(W.cell(top.label)) », \(W.percent(top.items, period.items)) des \(items), chez \(top.units) \(top.units > 1 ? W.plural(q.kind) : q.kind).\n\n"
            }
        }
        return md
    }

    func mentionsSection(_ q: MonitoringQuestionnaire) -> String {
        var md = "### Forces et difficultés (réponses libres)\n\n"
        md += "Nombre de \(W.plural(q.kind)) dont les réponses libres évoquent chaque thème du codebook, sur celles qui ont remis une réponse complète.\n\n"
        for period in q.periods {
            let rows = q.mentions.filter { $0.period == period }
            let base = rows.first?.base ?? 0
            if q.periods.count > 1 { md += "#### \(period)\n\n" }
            var themes: [String] = []
            for row in rows where row.units > 0 && !themes.contains(row.theme) { themes.append(row.theme) }
            guard !themes.isEmpty else {
                md += "Aucune réponse libre codée.\n\n"
                continue
            }
            md += "| Thème | Forces | Difficultés |\n| --- | ---: | ---: |\n"
            func count(_ theme: String, _ polarity: Polarity) -> Int { rows.first { $0.theme == theme && $0.polarity == polarity }?.units ?? 0 }
            let sorted = themes.sorted { (count($0, .force) + count($0, .difficulte), $1) > (count($1, .force) + count($1, .difficulte), $0) }
            for theme in sorted {
                md += "| \(W.cell(themeTitle(theme))) | \(count(theme, .force)) sur \(base) | \(count(theme, .difficulte)) sur \(base) |\n"
            }
            md += "\n"
        }
        return md
    }

    func evolutionSection(_ q: MonitoringQuestionnaire) -> String {
        // Compared: the first and the last period with responses (a period still to come has none).
        let withData = q.coverage.indices.filter { !q.coverage[$0].reported.isEmpty }
        let firstIndex = withData.first ?? 0, lastIndex = withData.last ?? (q.periods.count - 1)
        guard q.periods.indices.contains(firstIndex), q.periods.indices.contains(lastIndex) else { return "" }
        let first = q.periods[firstIndex], last = q.periods[lastIndex]
        var md = "### Évolution de \(first) à \(last)\n\n"
        if withData.count < 2 { md += "Une seule période a des réponses complètes : pas encore d'évolution à lire.\n\n" }
        if !q.indicators.isEmpty {
            md +=
                "Somme des unités qui ont répondu (nombre d'unités entre parenthèses). Quand les unités qui répondent changent d'une période à l'autre, la somme change aussi pour cette raison : "
            md += "la dernière colonne compare donc les seules unités présentes en \(first) et en \(last) (« à unités constantes »).\n\n"
            md += "| Indicateur | " + q.periods.joined(separator: " | ") + " | Évolution à unités constantes |\n"
            md += "| --- |" + String(repeating: " ---: |", count: q.periods.count + 1) + "\n"
            for indicator in q.indicators {
                let cells = indicator.periods.map { p in p.summary.map { "\(W.grouped($0.sum)) (\($0.n))" } ?? "–" }
                md +=
                    "| \(indicatorLabel(indicator, in: q)) | " + cells.joined(separator: " | ")
                    + " | \(constantUnitsChange(indicator, from: firstIndex, to: lastIndex)) |\n"
            }
            md += "\n"
        }
        if !q.statuses.isEmpty {
            md += "Réponses fermées : part des unités ayant répondu, et écart en points de \(first) à \(last).\n\n"
            md += "| Question | Réponse | " + q.periods.joined(separator: " | ") + " | Écart |\n"
            md += "| --- | --- |" + String(repeating: " ---: |", count: q.periods.count + 1) + "\n"
            for status in q.statuses {
                for option in status.options {
                    let shares = status.periods.map { p in p.base > 0 ? 100 * Double(p.counts[option.code] ?? 0) / Double(p.base) : nil }
                    let cells = shares.map { $0.map { Numbers.comma($0) + " %" } ?? "–" }
                    let change = firstIndex < lastIndex ? difference(shares[lastIndex], shares[firstIndex]).map(W.points) ?? "–" : "–"
                    md += "| \(W.cell(shortLabel(status.label))) | \(W.cell(option.label)) | " + cells.joined(separator: " | ") + " | \(change) |\n"
                }
            }
            md += "\n"
        }
        return md
    }

    /// The change of the sum between the first and the last period over the units that gave
    /// the indicator in both: « +8,2 % (12 unités) ».
    func constantUnitsChange(_ indicator: Indicator, from firstIndex: Int, to lastIndex: Int) -> String {
        guard firstIndex < lastIndex, indicator.periods.indices.contains(lastIndex) else { return "–" }
        let first = indicator.periods[firstIndex].values, last = indicator.periods[lastIndex].values
        var before = 0.0, after = 0.0, common = 0
        for (old, new) in zip(first, last) {
            guard let old, let new else { continue }
            before += old
            after += new
            common += 1
        }
        guard common > 0 else { return "aucune unité commune" }
        let units = W.counted(common, "unité")
        guard let change = W.relativeChange(from: before, to: after) else { return "– (\(units))" }
        return "\(change) (\(units))"
    }
}

extension MonitoringReport {
    /// A question's label cut at its first dash or 60 characters, for a table's first column.
    func shortLabel(_ label: String) -> String {
        if let dash = label.range(of: " – "), label.distance(from: label.startIndex, to: dash.lowerBound) <= 8 {
            return String(label[..<dash.lowerBound])
        }
        return label.count <= 60 ? label : String(label.prefix(59)) + "…"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
