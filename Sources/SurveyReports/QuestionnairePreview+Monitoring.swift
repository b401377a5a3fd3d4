import Foundation
import SurveyCore

/// The monitoring parts of the preview: for whom and when the questionnaire is filled in, how a
/// section repeats, what a number counts and who supplies it.
extension QuestionnairePreview {
    /// « Questionnaire rempli une fois par fiche-action et par période (PRST3). », then the
    /// table of the units expected, for the committee to check the list.
    func reportingLines() -> [String] {
        guard let reporting = questionnaire.reporting, let referential = questionnaire.reportingUnits else { return [] }
        let kind = Markdown.inline(referential.kind)
        var lines = [""]
        lines.append(
            t(
                "Questionnaire rempli **une fois par \(kind) et \(periodsInWords(reporting.periods))**.",
                "Filled in **once per \(kind) and \(periodsInWords(reporting.periods))**."))
        lines.append("")
        let name = referential.label.map { "« \(Markdown.inline($0)) » (`\(referential.id)`)" } ?? "`\(referential.id)`"
        lines.append(
            t(
                "Unités attendues, du référentiel \(name) : \(referential.units.count).",
                "Units expected, from referential \(name.replacingOccurrences(of: "« ", with: "“").replacingOccurrences(of: " »", with: "”")): \(referential.units.count)."
            ))
        lines.append("")
        let hasGroups = referential.units.contains { $0.group != nil }
        lines.append(hasGroups ? t("| Code | Unité | Groupe |", "| Code | Unit | Group |") : t("| Code | Unité |", "| Code | Unit |"))
        lines.append(hasGroups ? "| --- | --- | --- |" : "| --- | --- |")
        for unit in referential.units {
            var row = "| `\(unit.code)` | \(Markdown.cell(unit.label)) |"
            if hasGroups { row += " \(Markdown.cell(unit.group ?? "")) |" }
            lines.append(row)
        }
        return lines
    }

    /// « par période (PRST3) », « par année (2019 à 2021) », « par période (2019, 2021) ».
    func periodsInWords(_ periods: [ReportingPeriod]) -> String {
        let years = periods.compactMap(\.year)
        if years.count == periods.count, years.count > 1, years == Array((years.first ?? 0)...(years.last ?? 0)) {
            return t("par année (\(years.first ?? 0) à \(years.last ?? 0))", "per year (\(years.first ?? 0) to \(years.last ?? 0))")
        }
        let codes = periods.map(\.code).joined(separator: ", ")
        if years.count == periods.count, years.count == 1 { return t("par année (\(codes))", "per year (\(codes))") }
        return t("par période (\(Markdown.inline(codes)))", "per period (\(Markdown.inline(codes)))")
    }

    /// « **Partie répétée** autant de fois que nécessaire (au plus 40), une fois par livrable. … ».
    func repeatLine(_ section: Section, _ openRepeat: OpenRepeat) -> String {
        let bounds =
            openRepeat.min > 0
            ? t("au moins \(openRepeat.min), au plus \(openRepeat.max)", "at least \(openRepeat.min), at most \(openRepeat.max)")
            : t("au plus \(openRepeat.max)", "at most \(openRepeat.max)")
        let item = Markdown.inline(openRepeat.item)
        let add = Markdown.inline(openRepeat.add)
        let first = section.questions.first { $0.isAnswerable }?.number ?? "1"
        let frenchStart: String
        let englishStart: String
        switch openRepeat.min {
        case 0:
            frenchStart = "Avant chaque répétition"
            englishStart = "Before each repetition"
        case 1:
            frenchStart = "La première répétition est demandée d'office ; ensuite, avant chaque nouvelle répétition"
            englishStart = "The first repetition is always asked; then, before each new one"
        default:
            frenchStart = "Les \(openRepeat.min) premières répétitions sont demandées d'office ; ensuite, avant chaque nouvelle répétition"
            englishStart = "The first \(openRepeat.min) repetitions are always asked; then, before each new one"
        }
        return t(
            "> **Partie répétée** autant de fois que nécessaire (\(bounds)), une fois par \(item). \(frenchStart), le répondant répond à « \(add) » "
                + "(`\(section.id)[n]`, oui / non). « {n} » y est remplacé par le numéro de la répétition ; ses variables sont numérotées `N[n]`, par exemple `\(first)[1]`.",
            "> **Repeated part** as often as needed (\(bounds)), once per \(item). \(englishStart), the respondent answers “\(add)” "
                + "(`\(section.id)[n]`, yes / no). “{n}” is replaced by the repetition's number; its variables are numbered `N[n]`, e.g. `\(first)[1]`.")
    }

    /// What a number counts, who supplies it, and the total it is a "dont" of.
    func indicatorDetails(_ question: Question) -> [String] {
        guard question.type == .number else { return [] }
        var details: [String] = []
        if let unit = question.unit { details.append(t("unité : ", "unit: ") + Markdown.inline(unit)) }
        if let provider = question.provider { details.append(t("chiffre fourni par : ", "figure supplied by: ") + Markdown.inline(provider)) }
        if let partOf = question.partOf, let total = questionnaire.question(partOf) {
            details.append(
                t(
                    "« dont » de la question \(total.number) (`\(partOf)`), jamais supérieur à ce total",
                    "part of question \(total.number) (`\(partOf)`), never above that total"))
        }
        return details
    }
}
