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
        md.append(
            "> **Avertissement.** Les résultats traduisent le point de vue des répondants, et de ceux-là seuls : ils ne mesurent ni l'activité réelle des groupes ni les effets du plan sur les entreprises. Les non-répondants peuvent avoir un regard différent."
        )
        md.append("")
        md.append(
            "Méthode : seuls les questionnaires complets sont analysés, qu'ils aient été remplis en ligne ou importés ; les sessions inachevées ne comptent que dans la participation. Les pourcentages portent sur les réponses valides, dans les tableaux comme dans le tri à plat ; « Ne sait pas » est compté à part, hors base ; une question non posée (filtre) n'est jamais comptée comme non-réponse. Part favorable = réponses des niveaux favorables de l'échelle, avec un intervalle de confiance à 95 % de Wilson entre crochets. Sous 30 répondants, les résultats sont donnés en effectifs (« x / n ») et non en pourcentages. Aucun résultat n'est publié pour un groupe de moins de \(result.minGroup) répondants (secret statistique, voir annexe 5.3). \(classificationRule) Les échelles descriptives (une fréquence, sans côté favorable) ne sont jamais classées : leur répartition est donnée telle quelle. Les réponses libres sont codées par thème à l'aide du codebook (annexe 5.2) ; on compte des répondants, non des mentions ; seules les questions de forces ou de difficultés donnent des forces ou des difficultés ; les réponses aux autres questions ouvertes alimentent les « propositions et attentes » des thèmes qu'elles citent, et les questions à choix d'un thème sont résumées dans sa section."
        )
        md.append("")
        md.append("## 2. Résultats par thème")
        md.append("")
        for (index, theme) in campaign.themes.enumerated() {
            md += themeSection(theme, number: "2.\(index + 1)", charts: charts)
        }
        md += comparisonSection()
        if let waves = result.waves { md += evolutionSection(waves) }
        md += diffusionSection(charts: charts)
        md += annexes()
        return md.joined(separator: "\n") + "\n"
    }

    func itemLine(_ item: ItemStats) -> String {
        "\(Markdown.inline(pop(item.population))) : \(shareWithInterval(item.favourable, item.nValid)) favorables"
    }

    /// The classification rule in words, with the campaign's thresholds.
    var classificationRule: String {
        let force = Numbers.compact(campaign.forceThreshold, comma: true), difficulty = Numbers.compact(campaign.difficultyThreshold, comma: true)
        return
            "Un item n'est classé en force que si la borne basse de son intervalle de confiance à 95 % atteint \(force) %, en difficulté que si la borne haute reste inférieure à \(difficulty) % ; quand la part favorable franchit l'un de ces seuils mais que l'intervalle le chevauche encore (souvent faute d'effectifs), l'item est rangé « à confirmer »."
    }

    func classification(_ item: ItemStats) -> ItemClassification? {
        item.classification(force: campaign.forceThreshold, difficulty: campaign.difficultyThreshold)
    }

    /// "7 / 8 favorables (IC 95 % : 52,9–97,8 %)": the interval is what keeps the item to confirm, so
    /// it is given whatever the base.
    func toConfirmLine(_ item: ItemStats) -> String {
        let direction = classification(item) == .forceToConfirm ? "force à confirmer" : "difficulté à confirmer"
        guard let ci = item.interval else {
            return "\(Markdown.inline(pop(item.population))) : \(share(item.favourable, item.nValid)) favorables, \(direction)"
        }
        return
            "\(Markdown.inline(pop(item.population))) : \(share(item.favourable, item.nValid)) favorables (IC 95 % : \(Numbers.comma(100 * ci.low))–\(Numbers.comma(100 * ci.high)) %), \(direction)"
    }

    func themeSection(_ theme: Theme, number: String, charts: Set<String>) -> [String] {
        var md: [String] = ["### \(number) \(Markdown.inline(theme.title))", ""]
        // Descriptive items (a frequency) are distributions, reported after the opinions.
        let items = result.items.filter { $0.theme == theme.id && $0.shown && !$0.descriptive }
        let itemIDs = orderedUniqueIDs(items.map(\.item))
        for polarity in [Polarity.force, .difficulte] {
            md.append(polarity == .force ? "**Forces et bonnes pratiques**" : "**Difficultés et marges de progrès**")
            md.append("")
            var any = false
            for id in itemIDs {
                let group = items.filter { $0.item == id }
                let qualifying = group.filter { classification($0) == (polarity == .force ? .force : .difficulty) }
                guard !qualifying.isEmpty else { continue }
                any = true
                md.append("- \(Markdown.inline(group[0].label)) — " + qualifying.map(itemLine).joined(separator: " ; ") + ".")
            }
            let mentions = mentionLines(theme, polarity)
            any = any || !mentions.isEmpty
            md += mentions
            if !any { md.append("- Rien de saillant dans les réponses.") }
            md.append("")
        }
        let toConfirm = itemIDs.compactMap { id -> String? in
            let group = items.filter { $0.item == id && [.forceToConfirm, .difficultyToConfirm].contains(classification($0)) }
            guard let first = group.first else { return nil }
            return "- \(Markdown.inline(first.label)) — " + group.map(toConfirmLine).joined(separator: " ; ") + "."
        }
        if !toConfirm.isEmpty {
            md.append("**À confirmer** (la part favorable franchit un seuil, mais son intervalle de confiance le chevauche encore)")
            md.append("")
            md += toConfirm + [""]
        }
        if !items.isEmpty {
            md.append("| Item | Population | Réponses valides | Favorables [IC 95 %] | Score net | Médiane | Ne sait pas |")
            md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
            for item in items {
                let net = item.nValid >= 30 ? (item.netScore.map { ($0 > 0 ? "+" : "") + Numbers.comma($0) } ?? "–") : "–"
                md.append(
                    "| \(Markdown.cell(item.label)) | \(Markdown.cell(pop(item.population))) | \(item.nValid) | \(shareWithInterval(item.favourable, item.nValid)) | \(net) | \(item.median.map { Numbers.compact($0, comma: true) } ?? "–") | \(item.nNonSubstantive) |"
                )
            }
            md.append("")
            if charts.contains("likert-\(theme.id).svg") {
                md.append("![Répartition des réponses — \(Markdown.inline(theme.title))](likert-\(theme.id).svg)")
                md.append("")
            }
        }
        md += descriptiveBlock(theme) + choiceBlock(theme) + proposalBlock(theme)
        return md
    }

    /// The open answers that mention the theme under one polarity (nil: propositions), with up to
    /// two quotes, one per population first so that each voice is heard.
    func mentionLines(_ theme: Theme, _ polarity: Polarity?) -> [String] {
        let mentions = result.mentions.filter { $0.theme == theme.id && $0.polarity == polarity && $0.shown && $0.respondents > 0 }
        guard !mentions.isEmpty else { return [] }
        let parts = mentions.map { "\(Markdown.inline(pop($0.population))) \(share($0.respondents, $0.base))" }
        var md = ["- Réponses libres citant ce thème (répondants) : " + parts.joined(separator: " ; ") + "."]
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
        return md
    }

    /// Descriptive scales (how often…): every level as the questionnaire lists it, never classified.
    func descriptiveBlock(_ theme: Theme) -> [String] {
        let items = result.items.filter { $0.theme == theme.id && $0.shown && $0.descriptive }
        guard !items.isEmpty else { return [] }
        var md = ["**Échelles descriptives** (une fréquence n'est pas une opinion : la répartition des réponses, ni force ni difficulté)", ""]
        for id in orderedUniqueIDs(items.map(\.item)) {
            let group = items.filter { $0.item == id }
            let parts = group.map { item -> String in
                // From the highest code to the lowest, as the shipped scales list them.
                let levels = item.levels.reversed().map { "\(Markdown.inline($0.label)) \(share($0.count, item.nValid))" }.joined(separator: " ; ")
                let missing =
                    item.nNonSubstantive > 0
                    ? " (hors base : \(item.nNonSubstantive) « \(Markdown.inline(item.nonSubstantive.first?.label ?? "Ne sait pas")) »)" : ""
                return "\(Markdown.inline(pop(item.population))) : \(levels)\(missing)"
            }
            md.append("- \(Markdown.inline(group[0].label)) — " + parts.joined(separator: " — ") + ".")
        }
        return md + [""]
    }

    /// Choice questions of the theme (wishes for the next plan, stage reached…): the three most
    /// chosen options per population. Questions repeated per deliverable and diffusion questions
    /// are reported in section 4.
    func choiceBlock(_ theme: Theme) -> [String] {
        let questions = result.frequencies.filter {
            $0.theme == theme.id && $0.shown && [.single, .multiple].contains($0.type) && !$0.repeated && $0.diffusion == nil && $0.given > 0
        }
        guard !questions.isEmpty else { return [] }
        var md = [
            "**Réponses aux questions à choix** (les trois choix les plus fréquents ; plusieurs réponses possibles pour une question à choix multiple)", "",
        ]
        for variable in orderedUniqueIDs(questions.map(\.variable)) {
            let group = questions.filter { $0.variable == variable }
            let parts = group.map { frequency -> String in
                let top = frequency.rows.enumerated().filter { $0.element.count > 0 }
                    .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.prefix(3)
                let choices = top.map { "\(Markdown.inline($0.element.label)) \(share($0.element.count, frequency.given))" }.joined(separator: " ; ")
                return "\(Markdown.inline(pop(frequency.population))) : \(choices)"
            }
            md.append("- \(Markdown.inline(group[0].label)) — " + parts.joined(separator: " — ") + ".")
        }
        return md + [""]
    }

    /// Answers to open questions without polarity (propositions, attentes) coded to the theme.
    func proposalBlock(_ theme: Theme) -> [String] {
        let lines = mentionLines(theme, nil)
        guard !lines.isEmpty else { return [] }
        return ["**Propositions et attentes** (questions ouvertes sans polarité)", ""] + lines + [""]
    }

    func comparisonSection() -> [String] {
        var md = ["## 3. Comparaisons entre populations", ""]
        guard !result.comparisons.isEmpty else { return md + ["Aucun item n'est commun à deux populations publiables.", ""] }
        md.append(
            "Items posés à plusieurs populations : test de Mann-Whitney (deux populations) ou de Kruskal-Wallis (trois), approximation normale ou du khi-deux avec correction pour ex aequo ; p ajustées par la méthode de Holm sur les \(result.comparisons.count) comparaisons du rapport. Une différence n'est retenue que si la p ajustée est inférieure à 0,05."
        )
        md.append("")
        md.append("| Item | Part favorable par population | Test | Statistique | p | p ajustée (Holm) | Taille d'effet | Différence |")
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
        for c in result.comparisons {
            let shares = zip(c.populations, c.populations.map { p in result.items.first { $0.item == c.item && $0.population == p } }).map {
                population, item -> String in
                guard let item else { return pop(population) }
                // A descriptive scale has no favourable share: its median says where answers lie.
                if item.descriptive { return "\(Markdown.inline(pop(population))) : médiane \(item.median.map { Numbers.compact($0, comma: true) } ?? "–")" }
                return "\(Markdown.inline(pop(population))) \(share(item.favourable, item.nValid))"
            }.joined(separator: " ; ")
            let test = c.test == "mann-whitney" ? "Mann-Whitney (U)" : "Kruskal-Wallis (H)"
            let effect = (c.effectMeasure == "rank_biserial" ? "r = " : "ε² = ") + Numbers.comma(c.effectSize, decimals: 2)
            md.append(
                "| \(Markdown.cell(c.label)) | \(shares) | \(test) | \(Numbers.comma(c.statistic, decimals: 2)) | \(Numbers.pValue(c.pValue, comma: true)) | \(Numbers.pValue(c.pAdjusted, comma: true)) | \(effect) | \(c.pAdjusted < 0.05 ? "**significative**" : "non significative") |"
            )
        }
        md.append("")
        let compared = result.comparisons.flatMap { c in c.populations.compactMap { p in result.items.first { $0.item == c.item && $0.population == p } } }
        let smallest = compared.map(\.nValid).min() ?? 0
        md.append(
            "Lecture : « non significative » ne veut pas dire « pas de différence ». Avec de petits groupes (le plus petit groupe comparé ici compte \(smallest) réponses valides), seul un écart important peut être établi ; un écart réel mais modéré reste alors « non significatif ». La taille d'effet mesure l'écart observé, quelle que soit la p : r (corrélation bisériale de rang, de −1 à +1, entre deux populations) est la probabilité qu'une réponse de la première population soit plus haute sur l'échelle qu'une réponse de la seconde, moins la probabilité inverse (0 : aucun écart ; r > 0 : la première répond plus haut) ; ε² (epsilon carré, de 0 à 1, entre trois populations) est la part de la dispersion des rangs qui tient à la population."
        )
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
            md.append(
                "Sur \(base) \(Markdown.inline(pop(funnel.population).lowercased())) : \(s(.aware)) connaissent au moins une production, \(s(.used)) en ont utilisé au moins une, \(s(.relayed)) en ont transmis au moins une — à des collègues de leur structure pour \(s(.relayedInternal)), à d'autres relais pour \(s(.relayedIntermediary)), et aux entreprises ou aux salariés pour \(s(.relayedFinal)).\(finalReach(funnel))"
            )
            md.append("")
        }
        md.append(
            "Étapes : connue → utilisée → transmise (la transmission est demandée à toute personne qui connaît la production) → transmise en interne / à d'autres relais / aux entreprises ou salariés (cible finale). Chaque cellule donne la part de l'ensemble des destinataires ; entre parenthèses, la part de l'étape précédente (connue pour « utilisée » et « transmise », transmise pour les destinataires de la transmission).\(result.funnels.contains { $0.usefulness != nil } ? " « Jugée utile » : part des réponses favorables parmi les personnes qui l'ont utilisée et ont donné un avis (« Ne sait pas » hors base)." : "")"
        )
        md.append("")
        if charts.contains("diffusion.svg") {
            md.append("![Diffusion des productions : connue, utilisée, transmise, transmise aux entreprises ou salariés](diffusion.svg)")
            md.append("")
        }
        let rated = result.funnels.contains { $0.usefulness != nil }
        for scope in [FunnelScope.deliverable, .type] {
            md.append(scope == .deliverable ? "### 4.1 Par production" : "### 4.2 Par type de production")
            md.append("")
            // Usefulness is asked per production: a column of the production table only.
            let useful = scope == .deliverable && rated
            let usefulHeader = useful ? " Jugée utile |" : ""
            md.append(
                "| \(scope == .deliverable ? "Production" : "Type") | Connue | Utilisée |\(usefulHeader) Transmise | en interne | à d'autres relais | "
                    + "aux entreprises ou salariés |")
            md.append("| --- | ---: | ---: |\(useful ? " ---: |" : "") ---: | ---: | ---: | ---: |")
            for funnel in result.funnels where funnel.scope == scope {
                var cells = FunnelStepKind.allCases.map { kind -> String in
                    guard let step = funnel.step(kind) else { return "–" }
                    guard step.shown else { return "secret" }
                    let all = share(step.count, step.baseAll)
                    return kind == .aware ? all : "\(all) (\(share(step.count, step.basePrevious)))"
                }
                if useful {
                    let cell = funnel.usefulness.map { $0.shown ? share($0.favourable, $0.nValid) : "secret" } ?? "–"
                    cells.insert(cell, at: 2)
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
                md.append(
                    "| \(Markdown.cell(funnel.label)) | "
                        + top.map { "\(Markdown.inline($0.channelLabel)) \(share($0.count, $0.base))" }.joined(separator: " ; ") + " |")
            }
            md.append("")
        }
        return md
    }

    /// Of those who relayed, how many reached companies or employees: the figure, without an
    /// adjective that the figure would have to earn.
    func finalReach(_ funnel: Funnel) -> String {
        guard let step = funnel.step(.relayedFinal), step.shown, step.basePrevious > 0 else { return "" }
        return
            " Parmi les \(step.basePrevious) personnes qui en ont transmis au moins une, \(shareWithInterval(step.count, step.basePrevious)) l'ont transmise jusqu'aux entreprises ou aux salariés."
    }

    func annexes() -> [String] {
        var md = ["## 5. Annexes", "", "### 5.1 Tri à plat", ""]
        md.append(
            "Effectifs de chaque question, par population (questionnaires complets). Pour une question répétée par production, les effectifs comptent des réponses (une par production connue), non des répondants."
        )
        md.append("")
        for population in result.populations {
            md.append("#### \(Markdown.inline(pop(population)))")
            md.append("")
            for f in result.frequencies where f.population == population {
                let title = "**\(Markdown.inline(f.number)). \(Markdown.inline(f.label))**"
                guard f.shown else {
                    let why = suppressionReason(for: f)
                    md.append("\(title) — résultat non publié (\(why)).")
                    md.append("")
                    continue
                }
                let extra = "non posée : \(f.notAsked) ; sans réponse : \(f.skipped)"
                if f.type == .text {
                    md.append("\(title) — \(f.given) réponse(s) libre(s) (voir verbatims.csv) ; \(extra).")
                    md.append("")
                } else if let s = f.numberSummary {
                    md.append(
                        "\(title) — n = \(s.n) ; minimum \(Numbers.compact(s.min, comma: true)) ; médiane \(Numbers.compact(s.median, comma: true)) ; moyenne \(Numbers.comma(s.mean)) ; maximum \(Numbers.compact(s.max, comma: true)) ; \(extra)."
                    )
                    md.append("")
                } else if !f.rows.isEmpty {
                    let apart = f.given - f.base
                    md.append("\(title) — base \(f.base)\(f.outOfBase.isEmpty ? "" : " (« Ne sait pas » à part : \(apart))") ; \(extra).")
                    md.append("")
                    md.append("| Modalité | Effectif | Part |")
                    md.append("| --- | ---: | ---: |")
                    for row in f.rows {
                        md.append("| \(Markdown.cell(row.label)) | \(row.count) | \(f.outOfBase.contains(row.code) ? "hors base" : share(row.count, f.base)) |")
                    }
                    md.append("")
                } else {
                    md.append("\(title) — \(f.given) réponse(s) ; \(extra).")
                    md.append("")
                }
            }
        }
        md.append("### 5.2 Codebook des réponses libres")
        md.append("")
        md.append(
            "Codage automatique : texte normalisé (Unicode NFD, sans accents ni majuscules), motifs cherchés en début de mot, phrase par phrase (une phrase se termine par . ! ? ; : … ou un retour à la ligne). La polarité vient de la question : une question de forces donne des forces, une question de difficultés des difficultés, une autre question ouverte des propositions ; seule exception, dans une question de forces, une mention précédée d'une négation parmi les trois mots qui la précèdent dans sa phrase (« pas assez de moyens ») compte en difficulté. \(result.manualCodes > 0 ? "\(result.manualCodes) code(s) manuel(s) remplacent le codage automatique des réponses qu'ils listent." : "Aucun codage manuel n'a été fourni (option --coding).")"
        )
        md.append("")
        if let codebook = result.codebook {
            md.append("| Thème | Définition | Motifs |")
            md.append("| --- | --- | --- |")
            for theme in codebook.themes {
                md.append(
                    "| \(Markdown.cell(themeTitle(theme.id))) | \(Markdown.cell(theme.definition)) | \(Markdown.cell(theme.patterns.joined(separator: ", "))) |"
                )
            }
            md.append("")
        }
        md.append(
            "Réponses non codées : \(result.uncodedAnswers). Mots et paires de mots les plus fréquents (mots vides retirés, négations conservées) : "
                + (result.uncodedWords.isEmpty
                    ? "aucun." : result.uncodedWords.prefix(15).map { "\(Markdown.inline($0.term)) (\($0.count))" }.joined(separator: ", ") + "."))
        md.append("")
        md.append("### 5.3 Résultats non publiés (secret statistique)")
        md.append("")
        if result.suppressed.isEmpty {
            md.append("Aucun résultat n'a été retenu : tous les groupes atteignent \(result.minGroup) répondants.")
        } else {
            md.append("| Résultat | Groupe | Motif |")
            md.append("| --- | --- | --- |")
            for s in result.suppressed {
                md.append("| \(Markdown.cell(figureName(s.what))) | \(Markdown.cell(pop(s.group))) | \(Markdown.cell(reasonText(s))) |")
            }
            md.append("")
            // True by construction (SurveyAnalysis/Disclosure.swift): every total that adds
            // productions has zero or at least two withheld parts.
            md.append(
                "Suppression secondaire : lorsqu'un total publié (ligne d'un type de production, ensemble des productions, tri à plat d'une question répétée par production) n'aurait qu'une seule part retenue, la plus petite autre part est retenue avec elle ; aucun de ces résultats ne se recalcule donc exactement par différence. Les réponses libres d'une question à laquelle moins de \(result.minGroup) personnes ont répondu ne figurent ni dans verbatims.csv ni dans les citations."
            )
        }
        md.append("")
        md.append(
            "Fichiers : participation.csv, likert.csv, likert-niveaux.csv, comparaisons.csv, forces-difficultes.csv, diffusion.csv, canaux.csv, verbatims.csv (anonymisés), tri-a-plat.csv\(result.waves == nil ? "" : ", evolution-vagues.csv") — \(csv == .excel ? "format Excel français (séparateur « ; », virgule décimale, BOM UTF-8)" : "format RFC 4180 (séparateur « , », point décimal, UTF-8) pour R et Python ; `--csv excel` pour Excel")."
        )
        return md
    }

    /// Why a flat count is withheld, from the suppression list (the population's, when it is all withheld).
    func suppressionReason(for f: Frequency) -> String {
        let own = result.suppressed.first { $0.group == f.population && ($0.what == .frequency(f.variable) || $0.what == .texts(f.variable)) }
        if let own { return reasonText(own) }
        if let whole = result.suppressed.first(where: { $0.group == f.population && $0.what == .population }) { return reasonText(whole) }
        return "secret statistique"
    }

    func stepName(_ kind: FunnelStepKind) -> String {
        switch kind {
        case .aware: return "connue"
        case .used: return "utilisée"
        case .relayed: return "transmise"
        case .relayedInternal: return "transmise en interne"
        case .relayedIntermediary: return "transmise à d'autres relais"
        case .relayedFinal: return "transmise aux entreprises ou salariés"
        }
    }

    func figureName(_ figure: WithheldFigure) -> String {
        switch figure {
        case .population: return "tous les résultats de la population"
        case .item(let id): return "item « \(id) »"
        case .frequency(let id): return "tri à plat de « \(id) »"
        case .texts(let id): return "réponses libres à « \(id) » (verbatims, citations)"
        case .channels(let deliverable): return "canaux de « \(deliverable) »"
        case .usefulness(let deliverable): return "utilité de « \(deliverable) »"
        case .funnelStep(let scope, let key, let step):
            let name = scope == .deliverable ? "« \(key) »" : scope == .type ? "type « \(key) »" : "ensemble des productions"
            return "diffusion \(name), étape « \(stepName(step)) »"
        case .previousWave(let id):
            let label = result.waves?.previousLabel ?? WaveComparison.defaultPreviousLabel
            return "évolution de l'item « \(id) » (base de la vague précédente\(label == WaveComparison.defaultPreviousLabel ? "" : ", " + label))"
        }
    }

    func reasonText(_ suppression: Suppression) -> String {
        switch suppression.reason {
        case .belowThreshold: return "base de \(suppression.base) répondant(s), inférieure au seuil de \(result.minGroup)"
        case .complementary(let protected):
            return "suppression secondaire, pour que ne se recalcule pas par différence avec un total publié : \(figureName(protected))"
        case .baseWithheld(let figure): return "sa base est un effectif non publié : \(figureName(figure))"
        }
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
