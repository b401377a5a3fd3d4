import Foundation
import SurveyCore

/// The paper version of a questionnaire that the evaluation committee reads and approves:
/// GitHub-flavoured Markdown with numbered questions, choices, conditions in words and
/// variable names.
package struct QuestionnairePreview {
    package var questionnaire: Questionnaire
    /// Theme titles from the campaign, when one lists the questionnaire.
    package var themeTitles: [String: String]

    package init(_ questionnaire: Questionnaire, themeTitles: [String: String] = [:]) {
        self.questionnaire = questionnaire
        self.themeTitles = themeTitles
    }

    var fr: Bool { questionnaire.language == .fr }
    func t(_ french: String, _ english: String) -> String { fr ? french : english }

    package func render() -> String {
        var lines: [String] = []
        let q = questionnaire
        lines.append("# \(Markdown.inline(q.title))")
        lines.append("")
        lines.append(
            t(
                "Questionnaire `\(q.id)`, version \(q.version) — population : **\(q.population)** — \(countAnswerable()) variables.",
                "Questionnaire `\(q.id)`, version \(q.version) — population: **\(q.population)** — \(countAnswerable()) variables."))
        if q.access == .token {
            lines.append("")
            lines.append(t("Accès sur invitation (jeton personnel à usage unique).", "Access by invitation (single-use personal token)."))
        }
        lines += reportingLines()
        if let intro = q.intro?.trimmingCharacters(in: .whitespacesAndNewlines), !intro.isEmpty {
            lines.append("")
            lines += Markdown.blockquote(intro)
        }
        lines.append("")
        lines.append(
            t(
                "Légende : le nom de chaque variable figure en police de code (par exemple `institution`) ; une question est obligatoire sauf mention contraire.",
                "Legend: variable names are shown as `code`; a question is required unless stated otherwise."))
        for (index, section) in q.sections.enumerated() {
            lines.append("")
            lines.append("## \(t("Partie", "Part")) \(index + 1). \(Markdown.inline(section.title))")
            lines.append("")
            var facts = ["`\(section.id)`"]
            if let theme = section.theme {
                facts.append(t("thème : ", "theme: ") + (themeTitles[theme].map { "\(Markdown.inline($0)) (`\(theme)`)" } ?? "`\(theme)`"))
            }
            lines.append("*" + facts.joined(separator: " — ") + "*")
            if let foreach = section.foreach, let source = q.question(foreach) {
                lines.append("")
                lines.append(
                    t(
                        "> **Partie répétée** pour chaque choix coché à la question \(source.number) (`\(foreach)`) ; « {label} » y est remplacé par le libellé du choix. Ses variables sont numérotées `N[code]`, par exemple `\(section.questions.first?.number ?? "1")[code]`.",
                        "> **Repeated part** for each choice selected in question \(source.number) (`\(foreach)`); “{label}” is replaced by the choice's label. Its variables are numbered `N[code]`, e.g. `\(section.questions.first?.number ?? "1")[code]`."
                    ))
            }
            if let openRepeat = section.openRepeat {
                lines.append("")
                lines.append(repeatLine(section, openRepeat))
            }
            if let condition = section.when {
                lines.append("")
                lines.append("*" + t("Partie posée si ", "Part asked if ") + Markdown.inline(q.describe(condition)) + ".*")
            }
            if let intro = section.intro {
                lines.append("")
                lines += Markdown.blockquote(intro)
            }
            for question in section.questions {
                lines.append("")
                lines += render(question)
            }
        }
        if let outro = q.outro?.trimmingCharacters(in: .whitespacesAndNewlines), !outro.isEmpty {
            lines.append("")
            lines.append("---")
            lines.append("")
            lines += Markdown.blockquote(outro)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func countAnswerable() -> Int { questionnaire.variables.count }

    private func render(_ question: Question) -> [String] {
        var lines: [String] = []
        let q = questionnaire
        if question.type == .note {
            return Markdown.blockquote(question.label)
        }
        var heading = "**\(question.number). \(Markdown.inline(question.label))**"
        if question.otherOf != nil {
            heading = "**\(question.number).** " + Markdown.inline(question.label)
        }
        lines.append(heading + " `\(question.id)`")
        var details: [String] = [typeDescription(question)]
        switch question.requirement {
        case .optional: details.append(t("facultative", "optional"))
        case .soft:
            details.append(
                t("réponse vivement souhaitée (peut être passée après un avertissement)", "answer strongly encouraged (may be skipped after a warning)"))
        case .required: break
        }
        if let role = question.diffusion { details.append(t("diffusion : ", "diffusion: ") + role.rawValue) }
        if let polarity = question.polarity {
            details.append(polarity == .force ? t("forces et bonnes pratiques", "strengths") : t("difficultés et marges de progrès", "difficulties"))
        }
        details += indicatorDetails(question)
        lines.append("")
        lines.append("*" + details.joined(separator: " ; ") + "*")
        if let hint = question.hint {
            lines.append("")
            lines.append("_\(Markdown.inline(hint))_")
        }
        if let condition = question.when {
            lines.append("")
            if let parent = question.otherOf, let parentQuestion = q.question(parent) {
                lines.append(
                    "*"
                        + t(
                            "Posée si « Autre » est coché à la question \(parentQuestion.number).",
                            "Asked if “Other” is selected in question \(parentQuestion.number).") + "*")
            } else {
                lines.append("*" + t("Posée si ", "Asked if ") + Markdown.inline(q.describe(condition)) + ".*")
            }
        }
        if let constraint = question.constraint {
            lines.append("")
            lines.append("*" + t("Contrôle : ", "Check: ") + Markdown.inline(question.constraintMessage ?? q.describe(constraint)) + "*")
        }
        switch question.type {
        case .single, .multiple, .yesno:
            lines.append("")
            for choice in q.options(for: question) {
                var line = "- \(question.type == .multiple ? "☐" : "○") \(Markdown.inline(choice.label)) (`\(choice.code)`)"
                if choice.exclusive { line += t(" — exclut les autres choix", " — excludes the other choices") }
                lines.append(line)
            }
        case .scale:
            if let scale = q.scale(for: question) {
                lines.append("")
                lines += scaleList(scale)
            }
        case .matrix:
            if let scale = q.scale(for: question) {
                lines.append("")
                let options = scale.allOptions
                lines.append(
                    "| \(t("Affirmation", "Statement")) | " + options.map { "\(Markdown.cell($0.label)) (`\($0.code)`)" }.joined(separator: " | ") + " |")
                lines.append("| --- |" + String(repeating: " :---: |", count: options.count))
                for item in question.items {
                    lines.append("| \(item.number). \(Markdown.cell(item.label)) `\(item.id)` |" + String(repeating: " ○ |", count: options.count))
                }
            }
        default:
            break
        }
        return lines
    }

    private func scaleList(_ scale: Scale) -> [String] {
        var lines = scale.levels.map { "- ○ \(Markdown.inline($0.label)) (`\($0.code)`)" }
        lines += scale.missing.map { "- ○ \(Markdown.inline($0.label)) (`\($0.code)`, \(t("hors échelle", "not on the scale")))" }
        return lines
    }

    private func typeDescription(_ question: Question) -> String {
        switch question.type {
        case .single: return t("choix unique", "single choice")
        case .multiple:
            var text = t("choix multiple", "multiple choice")
            if let min = question.min, let max = question.max {
                text += t(", de \(fmt(min)) à \(fmt(max)) choix", ", \(fmt(min)) to \(fmt(max)) choices")
            } else if let min = question.min {
                text += t(", au moins \(fmt(min)) choix", ", at least \(fmt(min)) choices")
            } else if let max = question.max {
                text += t(", au plus \(fmt(max)) choix", ", at most \(fmt(max)) choices")
            }
            return text
        case .scale: return t("échelle", "scale") + " `\(question.scaleID ?? "")`"
        case .matrix:
            return t("grille de \(question.items.count) affirmations, échelle", "grid of \(question.items.count) statements, scale")
                + " `\(question.scaleID ?? "")`"
        case .number:
            var text = question.decimal ? t("nombre (décimales acceptées)", "number (decimals allowed)") : t("nombre entier", "whole number")
            if let min = question.min, let max = question.max {
                text += t(" entre \(fmt(min)) et \(fmt(max))", " between \(fmt(min)) and \(fmt(max))")
            } else if let min = question.min {
                text += t(" d'au moins \(fmt(min))", " of at least \(fmt(min))")
            } else if let max = question.max {
                text += t(" d'au plus \(fmt(max))", " of at most \(fmt(max))")
            }
            return text
        case .text:
            var text = question.long ? t("réponse libre (plusieurs lignes)", "free text (several lines)") : t("réponse libre courte", "short free text")
            if let maxLength = question.maxLength { text += t(", \(maxLength) caractères au plus", ", at most \(maxLength) characters") }
            return text
        case .yesno: return t("oui / non", "yes / no")
        case .note: return ""
        }
    }

    private func fmt(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: fr ? "," : ".")
    }
}

/// Escaping for GitHub-flavoured Markdown.
package enum Markdown {
    /// Escapes characters that would start emphasis, links or HTML inside running text.
    package static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "|", "#":
                result.append("\\")
                result.append(character)
            case "\n":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }

    package static func cell(_ text: String) -> String { inline(text) }

    package static func blockquote(_ text: String) -> [String] {
        text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n").map {
            $0.trimmingCharacters(in: .whitespaces).isEmpty ? ">" : "> " + inline($0)
        }
    }
}
