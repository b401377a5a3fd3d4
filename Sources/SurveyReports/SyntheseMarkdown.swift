import Foundation
import SurveyAnalysis
import SurveyCore

extension SurveyReport {
    func markdown(charts: Set<String>) -> String {
        var md: [String] = []
        let fr: (Double) -> String = { Numbers.comma($0) }
        md.append("# \(Markdown.inline(campaign.title)) — synthèse des résultats")
        md.append("")
        md.append("## 1. Participation et méthode")
        md.append("")
        md.append("| Population | Sessions commencées | Questionnaires complets | Population visée | Taux de réponse |")
        md.append("| --- | ---: | ---: | ---: | ---: |")
        for p in result.participation {
            let rate = p.responseRate.map { fr(100 * $0) + " %" } ?? "–"
            md.append("| \(Markdown.cell(p.label)) | \(p.started) | \(p.completed) | \(p.target.map(String.init) ?? "non renseignée") | \(rate) |")
        }
        md.append("")
        md.append("> **Avertissement.** Les résultats traduisent le point de vue des répondants, et de ceux-là seuls : ils ne mesurent ni l'activité réelle des groupes ni les effets du plan sur les entreprises. Les non-répondants peuvent avoir un regard différent.")
        md.append("")
        md.append("Méthode : seuls les questionnaires complets (ou importés) sont analysés ; les sessions inachevées ne comptent que dans la participation. Les pourcentages portent sur les réponses valides ; « Ne sait pas » est compté à part, hors base ; une question non posée (filtre) n'est jamais comptée comme non-réponse. Part favorable = réponses des niveaux favorables de l'échelle, avec un intervalle de confiance à 95 % de Wilson entre crochets. Sous 30 répondants, les résultats sont donnés en effectifs (« x / n ») et non en pourcentages. Aucun résultat n'est publié pour un groupe de moins de \(result.minGroup) répondants (secret statistique, voir annexe 5.3). Un item est classé en force si sa part favorable atteint \(Numbers.compact(campaign.forceThreshold, comma: true)) %, en difficulté si elle est inférieure à \(Numbers.compact(campaign.difficultyThreshold, comma: true)) %. Les réponses libres sont codées par thème à l'aide du codebook (annexe 5.2) ; on compte des répondants, non des mentions.")
        md.append("")
        md.append("## 2. Résultats par thème")
        md.append("")
        for (index, theme) in campaign.themes.enumerated() {
            md += themeSection(theme, number: "2.\(index + 1)", charts: charts)
        }
        md += comparisonSection()
        md += diffusionSection(charts: charts)
        md += annexes()
        return md.joined(separator: "\n") + "\n"
    }

    func itemLine(_ item: ItemStats) -> String {
        "\(Markdown.inline(pop(item.population))) : \(shareWithInterval(item.favourable, item.nValid)) favorables"
    }

    func themeSection(_ theme: Theme, number: String, charts: Set<String>) -> [String] {
        var md: [String] = ["### \(number) \(Markdown.inline(theme.title))", ""]
        let items = result.items.filter { $0.theme == theme.id && $0.shown }
        let itemIDs = orderedUniqueIDs(items.map(\.item))
        for polarity in [Polarity.force, .difficulte] {
            md.append(polarity == .force ? "**Forces et bonnes pratiques**" : "**Difficultés et marges de progrès**")
            md.append("")
            var any = false
            for id in itemIDs {
                let group = items.filter { $0.item == id }
                let qualifying = group.filter { item in
                    guard let share = item.favourableShare else { return false }
                    return polarity == .force ? 100 * share >= campaign.forceThreshold : 100 * share < campaign.difficultyThreshold
                }
                guard !qualifying.isEmpty else { continue }
                any = true
                md.append("- \(Markdown.inline(group[0].label)) — " + qualifying.map(itemLine).joined(separator: " ; ") + ".")
            }
            let mentions = result.mentions.filter { $0.theme == theme.id && $0.polarity == polarity && $0.shown && $0.respondents > 0 }
            if !mentions.isEmpty {
                any = true
                let parts = mentions.map { "\(Markdown.inline(pop($0.population))) \(share($0.respondents, $0.base))" }
                md.append("- Réponses libres citant ce thème (répondants) : " + parts.joined(separator: " ; ") + ".")
                // One quote per population first, so that each voice is heard.
                let candidates = result.quotes.filter { $0.theme == theme.id && $0.polarity == polarity }
                var quotes: [Quote] = []
                for round in 0..<2 {
                    for population in result.populations {
                        let own = candidates.filter { $0.population == population }
                        if round < own.count { quotes.append(own[round]) }
                    }
                }
                var used: Set<String> = []
                for quote in quotes where used.count < 2 && used.insert(quote.text).inserted {
                    md.append("  > « \(Markdown.inline(quote.text)) » (\(Markdown.inline(pop(quote.population))))")
                }
            }
            if !any { md.append("- Rien de saillant dans les réponses.") }
            md.append("")
        }
        if !items.isEmpty {
            md.append("| Item | Population | Réponses valides | Favorables [IC 95 %] | Score net | Médiane | Ne sait pas |")
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
            for item in items {
                let net = item.nValid >= 30 ? (item.netScore.map { ($0 > 0 ? "+" : "") + Numbers.comma($0) } ?? "–") : "–"
                md.append("| \(Markdown.cell(item.label)) | \(Markdown.cell(pop(item.population))) | \(item.nValid) | \(shareWithInterval(item.favourable, item.nValid)) | \(net) | \(item.median.map { Numbers.compact($0, comma: true) } ?? "–") | \(item.nNonSubstantive) |")
            }
            md.append("")
            if charts.contains("likert-\(theme.id).svg") {
                md.append("![Répartition des réponses — \(Markdown.inline(theme.title))](likert-\(theme.id).svg)")
                md.append("")
            }
        }
        return md
    }

    func comparisonSection() -> [String] {
        var md = ["## 3. Comparaisons entre populations", ""]
        guard !result.comparisons.isEmpty else { return md + ["Aucun item n'est commun à deux populations publiables.", ""] }
        md.append("Items posés à plusieurs populations : test de Mann-Whitney (deux populations) ou de Kruskal-Wallis (trois), approximation normale ou du khi-deux avec correction pour ex aequo ; p ajustées par la méthode de Holm sur les \(result.comparisons.count) comparaisons du rapport. Une différence n'est retenue que si la p ajustée est inférieure à 0,05.")
        md.append("")
        md.append("| Item | Part favorable par population | Test | Statistique | p | p ajustée (Holm) | Différence |")
        md.append("| --- | --- | --- | ---: | ---: | ---: | --- |")
        for c in result.comparisons {
            let shares = zip(c.populations, c.populations.map { p in result.items.first { $0.item == c.item && $0.population == p } }).map { population, item -> String in
                guard let item else { return pop(population) }
                return "\(Markdown.inline(pop(population))) \(share(item.favourable, item.nValid))"
            }.joined(separator: " ; ")
            let test = c.test == "mann-whitney" ? "Mann-Whitney (U)" : "Kruskal-Wallis (H)"
            md.append("| \(Markdown.cell(c.label)) | \(shares) | \(test) | \(Numbers.comma(c.statistic, decimals: 2)) | \(Numbers.pValue(c.pValue, comma: true)) | \(Numbers.pValue(c.pAdjusted, comma: true)) | \(c.pAdjusted < 0.05 ? "**significative**" : "non significative") |")
        }
        md.append("")
        return md
    }

    func diffusionSection(charts: Set<String>) -> [String] {
        var md = ["## 4. Diffusion des productions", ""]
        let overall = result.funnels.filter { $0.scope == .overall }
        guard !overall.isEmpty else { return md + ["Aucun questionnaire ne mesure la diffusion des productions.", ""] }
        for funnel in overall {
            let base = funnel.step(.aware)?.baseAll ?? 0
            func s(_ kind: FunnelStepKind) -> String {
                guard let step = funnel.step(kind), step.shown else { return "secret" }
                return shareWithInterval(step.count, step.baseAll)
            }
            md.append("Sur \(base) \(Markdown.inline(pop(funnel.population).lowercased())) : \(s(.aware)) connaissent au moins une production, \(s(.used)) en ont utilisé au moins une, \(s(.relayed)) en ont transmis au moins une — à des collègues de leur structure pour \(s(.relayedInternal)), à d'autres relais pour \(s(.relayedIntermediary)), et **aux entreprises ou aux salariés pour \(s(.relayedFinal)) seulement**.")
            md.append("")
        }
        md.append("Étapes : connue → utilisée → transmise (la transmission est demandée à toute personne qui connaît la production) → transmise en interne / à d'autres relais / aux entreprises ou salariés (cible finale). Chaque cellule donne la part de l'ensemble des destinataires ; entre parenthèses, la part de l'étape précédente (connue pour « utilisée » et « transmise », transmise pour les destinataires de la transmission).")
        md.append("")
        if charts.contains("diffusion.svg") {
            md.append("![Diffusion des productions : connue, utilisée, transmise, transmise aux entreprises ou salariés](diffusion.svg)")
            md.append("")
        }
        for scope in [FunnelScope.deliverable, .type] {
            md.append(scope == .deliverable ? "### 4.1 Par production" : "### 4.2 Par type de production")
            md.append("")
            md.append("| \(scope == .deliverable ? "Production" : "Type") | Connue | Utilisée | Transmise | en interne | à d'autres relais | aux entreprises ou salariés |")
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
            for funnel in result.funnels where funnel.scope == scope {
                let cells = FunnelStepKind.allCases.map { kind -> String in
                    guard let step = funnel.step(kind) else { return "–" }
                    guard step.shown else { return "secret" }
                    let all = share(step.count, step.baseAll)
                    return kind == .aware ? all : "\(all) (\(share(step.count, step.basePrevious)))"
                }
                let name = scope == .type ? typeLabel(funnel.label) : funnel.label
                md.append("| \(Markdown.cell(name)) | " + cells.joined(separator: " | ") + " |")
            }
            md.append("")
        }
        // Channels: the three most cited per deliverable.
        let shown = result.channels.filter { $0.shown && $0.count > 0 }
        if !shown.isEmpty {
            md.append("### 4.3 Comment les destinataires en ont eu connaissance")
            md.append("")
            md.append("| Production | Canaux les plus cités (part des personnes qui la connaissent) |")
            md.append("| --- | --- |")
            for funnel in result.funnels where funnel.scope == .deliverable {
                let top = shown.filter { $0.deliverable == funnel.key }.sorted { ($1.count, $0.channel) < ($0.count, $1.channel) }.prefix(3)
                guard !top.isEmpty else { continue }
                md.append("| \(Markdown.cell(funnel.label)) | " + top.map { "\(Markdown.inline($0.channelLabel)) \(share($0.count, $0.base))" }.joined(separator: " ; ") + " |")
            }
            md.append("")
        }
        return md
    }

    func annexes() -> [String] {
        var md = ["## 5. Annexes", "", "### 5.1 Tri à plat", ""]
        md.append("Effectifs de chaque question, par population (questionnaires complets). Pour une question répétée par production, les effectifs comptent des réponses (une par production connue), non des répondants.")
        md.append("")
        for population in result.populations {
            md.append("#### \(Markdown.inline(pop(population)))")
            md.append("")
            for f in result.frequencies where f.population == population {
                let title = "**\(Markdown.inline(f.number)). \(Markdown.inline(f.label))**"
                guard f.shown else {
                    md.append("\(title) — résultat non publié (base \(f.given) < \(result.minGroup)).")
                    md.append("")
                    continue
                }
                let extra = "non posée : \(f.notAsked) ; sans réponse : \(f.skipped)"
                if f.type == .text {
                    md.append("\(title) — \(f.given) réponse(s) libre(s) (voir verbatims.csv) ; \(extra).")
                    md.append("")
                } else if let s = f.numberSummary {
                    md.append("\(title) — n = \(s.n) ; minimum \(Numbers.compact(s.min, comma: true)) ; médiane \(Numbers.compact(s.median, comma: true)) ; moyenne \(Numbers.comma(s.mean)) ; maximum \(Numbers.compact(s.max, comma: true)) ; \(extra).")
                    md.append("")
                } else if !f.rows.isEmpty {
                    md.append("\(title) — base \(f.given) ; \(extra).")
                    md.append("")
                    md.append("| Modalité | Effectif | Part |")
                    md.append("| --- | ---: | ---: |")
                    for row in f.rows { md.append("| \(Markdown.cell(row.label)) | \(row.count) | \(share(row.count, f.given)) |") }
                    md.append("")
                } else {
                    md.append("\(title) — \(f.given) réponse(s) ; \(extra).")
                    md.append("")
                }
            }
        }
        md.append("### 5.2 Codebook des réponses libres")
        md.append("")
        md.append("Codage automatique : texte normalisé (Unicode NFD, sans accents ni majuscules), motifs cherchés en début de mot ; une négation dans les trois mots qui précèdent (« pas assez de moyens ») classe la mention en difficulté. \(result.manualCodes > 0 ? "\(result.manualCodes) code(s) manuel(s) remplacent le codage automatique des réponses qu'ils listent." : "Aucun codage manuel n'a été fourni (option --codage).")")
        md.append("")
        if let codebook = result.codebook {
            md.append("| Thème | Définition | Motifs |")
            md.append("| --- | --- | --- |")
            for theme in codebook.themes {
                md.append("| \(Markdown.cell(themeTitle(theme.id))) | \(Markdown.cell(theme.definition)) | \(Markdown.cell(theme.patterns.joined(separator: ", "))) |")
            }
            md.append("")
        }
        md.append("Réponses non codées : \(result.uncodedAnswers). Mots et paires de mots les plus fréquents (mots vides retirés, négations conservées) : " +
                  (result.uncodedWords.isEmpty ? "aucun." : result.uncodedWords.prefix(15).map { "\(Markdown.inline($0.term)) (\($0.count))" }.joined(separator: ", ") + "."))
        md.append("")
        md.append("### 5.3 Résultats non publiés (secret statistique)")
        md.append("")
        if result.suppressed.isEmpty {
            md.append("Aucun résultat n'a été retenu : tous les groupes atteignent \(result.minGroup) répondants.")
        } else {
            md.append("| Résultat | Groupe | Motif |")
            md.append("| --- | --- | --- |")
            for s in result.suppressed { md.append("| \(Markdown.cell(s.what)) | \(Markdown.cell(pop(s.group))) | \(Markdown.cell(s.reason)) |") }
            md.append("")
            md.append("Aucun total n'est publié qui permettrait de recalculer ces résultats à partir des autres.")
        }
        md.append("")
        md.append("Fichiers : participation.csv, likert.csv, likert-niveaux.csv, comparaisons.csv, forces-difficultes.csv, diffusion.csv, canaux.csv, verbatims.csv (anonymisés), tri-a-plat.csv — \(csv == .excel ? "format Excel français (séparateur « ; », virgule décimale, BOM UTF-8)" : "format RFC 4180 (séparateur « , », point décimal, UTF-8) pour R et Python ; `--csv excel` pour Excel").")
        return md
    }

    func typeLabel(_ type: String) -> String {
        let spaced = type.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    func orderedUniqueIDs(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
