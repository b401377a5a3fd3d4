import Foundation
import SurveyCore

/// `dictionnaire.csv`: every column of every exported file, with its question, type, codes and
/// the condition under which it was asked, so that a spreadsheet user never guesses.
package enum DataDictionary {
    package static let header = ["fichier", "colonne", "numero", "variable", "libelle", "type", "codes", "condition"]

    package static func rows(file: String, layout: ExchangeLayout) -> [[String]] {
        let questionnaire = layout.questionnaire
        let fr = questionnaire.language == .fr
        return layout.columns.map { column in
            switch column.content {
            case .session:
                return [
                    file, column.name, "", "",
                    fr ? "Identifiant non secret de la session (reçu du répondant)" : "Non-secret session id (the respondent's receipt)", "identifiant", "", "",
                ]
            case .unit:
                let referential = questionnaire.reportingUnits
                let kind = referential?.kind ?? (fr ? "unité" : "unit")
                return [
                    file, column.name, "", "",
                    fr ? "Unité (\(kind)) pour laquelle la réponse est donnée" : "Unit (\(kind)) the response is given for", "unite",
                    (referential?.units ?? []).map { "\($0.code) = \($0.label)" }.joined(separator: " | "), "",
                ]
            case .period:
                return [
                    file, column.name, "", "", fr ? "Période pour laquelle la réponse est donnée" : "Period the response is given for", "periode",
                    (questionnaire.reporting?.periods ?? []).map(\.code).joined(separator: " | "), "",
                ]
            case .status:
                return [
                    file, column.name, "", "", fr ? "État de la session" : "Session status", "statut",
                    "\(ExchangeLayout.completedStatus) = \(fr ? "terminée" : "completed") | \(ExchangeLayout.inProgressStatus) = \(fr ? "en cours" : "in progress")",
                    "",
                ]
            case .startedAt, .completedAt:
                let start = column.content == .startedAt
                let label = fr ? (start ? "Début de la session (UTC)" : "Fin de la session (UTC)") : (start ? "Session start (UTC)" : "Session end (UTC)")
                return [file, column.name, "", "", label, "date", "AAAA-MM-JJThh:mm:ssZ", ""]
            case .value, .option:
                return variableRow(file: file, column: column, questionnaire: questionnaire)
            }
        }
    }

    private static func variableRow(file: String, column: ExchangeColumn, questionnaire: Questionnaire) -> [String] {
        guard let step = column.step else { return [] }
        let fr = questionnaire.language == .fr
        let type: String
        let codes: String
        if column.option != nil {
            type = "0/1"
            codes = fr ? "1 = coché | 0 = non coché" : "1 = selected | 0 = not selected"
        } else {
            type = step.variable.valueType.rawValue
            codes = describeCodes(step.variable, questionnaire: questionnaire)
        }
        return [file, column.name, step.number, step.variable.id, column.label, type, codes, condition(step, questionnaire: questionnaire)]
    }

    static func describeCodes(_ variable: Variable, questionnaire: Questionnaire) -> String {
        let fr = questionnaire.language == .fr
        let question = variable.question
        switch variable.valueType {
        case .single, .yesno:
            return questionnaire.options(for: question).map { "\($0.code) = \($0.label)" }.joined(separator: " | ")
        case .scale:
            guard let scale = questionnaire.scale(for: question) else { return "" }
            let levels = scale.levels.map { "\($0.code) = \($0.label)" }
            let missing = scale.missing.map { "\($0.code) = \($0.label) (\(fr ? "hors échelle" : "outside the scale"))" }
            return (levels + missing).joined(separator: " | ")
        case .number:
            var parts: [String] = [question.decimal ? (fr ? "nombre décimal" : "decimal number") : (fr ? "nombre entier" : "whole number")]
            if let min = question.min { parts.append("minimum " + ExchangeNumber.format(min, style: .rfc4180)) }
            if let max = question.max { parts.append("maximum " + ExchangeNumber.format(max, style: .rfc4180)) }
            return parts.joined(separator: ", ")
        case .text:
            let limit = question.maxLength.map { fr ? ", \($0) caractères au plus" : ", at most \($0) characters" } ?? ""
            return (fr ? "texte libre" : "free text") + limit
        default:
            return ""
        }
    }

    /// When the column's question was asked, in words: the section's repetition and conditions,
    /// then the question's own.
    static func condition(_ step: Step, questionnaire: Questionnaire) -> String {
        let fr = questionnaire.language == .fr
        let variable = step.variable
        var parts: [String] = []
        if let repetition = step.repetition, let foreach = variable.section.foreach, let source = questionnaire.question(foreach) {
            parts.append(fr ? "« \(repetition.label) » cochée à la question \(source.number)" : "“\(repetition.label)” selected in question \(source.number)")
        }
        if let repetition = step.repetition, let openRepeat = variable.section.openRepeat, let number = Int(repetition.code), number > openRepeat.min {
            parts.append(
                fr
                    ? "\(repetition.label) ajouté (« \(openRepeat.add) » : oui)"
                    : "\(repetition.label) added (“\(openRepeat.add)”: yes)")
        }
        if let when = variable.section.when { parts.append(questionnaire.describe(when)) }
        if let when = variable.question.when { parts.append(questionnaire.describe(when)) }
        return parts.joined(separator: fr ? " et " : " and ")
    }
}

/// `import.R`: reads the exported CSV files into data frames with factor levels and labels
/// restored, as LimeSurvey's R export does. ASCII only (`\u` escapes), so that it runs the same
/// whatever the R session's locale.
package enum RImportScript {
    package struct Entry {
        package var file: String
        package var layout: ExchangeLayout
        package init(file: String, layout: ExchangeLayout) {
            self.file = file
            self.layout = layout
        }
    }

    package static func make(_ entries: [Entry], style: CSVStyle) -> String {
        let excel = style == .excel
        let names = entries.map { objectName($0.layout.questionnaire.id) }
        var out = """
            # import.R : ecrit par prst export. Lit les fichiers CSV de ce dossier dans R.
            # Usage : setwd("<ce dossier>") puis source("import.R")
            #         ou, dans un terminal : Rscript import.R
            # Donnees creees : \(names.joined(separator: ", "))
            # Cellules vides (sans reponse) et "#NP" (question non posee) deviennent NA.
            # Les echelles sont des facteurs ordonnes ; "Ne sait pas" (hors echelle) y vaut NA
            # et TRUE dans la colonne <variable>.nsp ajoutee a droite.

            prst_lire <- function(fichier) {
              utils::read.csv(fichier, sep = "\(excel ? ";" : ",")", colClasses = "character", na.strings = character(0),
                              check.names = FALSE, fileEncoding = "UTF-8-BOM", stringsAsFactors = FALSE)
            }
            prst_na <- function(x) { x[x %in% c("", "\(ExchangeLayout.notAskedMarker)")] <- NA; x }
            prst_nombre <- function(x) as.numeric(sub(",", ".", prst_na(x), fixed = TRUE))
            prst_texte <- function(x) \(excel ? "sub(\"^'(?=[-=+@'])\", \"\", prst_na(x), perl = TRUE)" : "prst_na(x)")
            prst_facteur <- function(x, codes, libelles, ordonne = FALSE) factor(prst_na(x), levels = codes, labels = libelles, ordered = ordonne)
            prst_date <- function(x) as.POSIXct(prst_na(x), format = "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
            prst_libelle <- function(x, libelle) { attr(x, "label") <- libelle; x }

            """
        for (entry, name) in zip(entries, names) {
            out += "\n\(name) <- prst_lire(\(literal(entry.file)))\n"
            for column in entry.layout.columns { out += statements(column, frame: name, layout: entry.layout) }
        }
        return out
    }

    private static func statements(_ column: ExchangeColumn, frame: String, layout: ExchangeLayout) -> String {
        let questionnaire = layout.questionnaire
        let cell = "\(frame)[[\(literal(column.name))]]"
        let fr = questionnaire.language == .fr
        switch column.content {
        case .session:
            return ""
        case .unit:
            let units = questionnaire.reportingUnits?.units ?? []
            return "\(cell) <- prst_facteur(\(cell), \(vector(units.map(\.code))), \(vector(units.map(\.label))))\n"
        case .period:
            let periods = questionnaire.reporting?.periods.map(\.code) ?? []
            return "\(cell) <- prst_facteur(\(cell), \(vector(periods)), \(vector(periods)))\n"
        case .status:
            return
                "\(cell) <- prst_facteur(\(cell), \(vector([ExchangeLayout.completedStatus, ExchangeLayout.inProgressStatus])), \(vector(fr ? ["terminée", "en cours"] : ["completed", "in progress"])))\n"
        case .startedAt, .completedAt:
            return "\(cell) <- prst_date(\(cell))\n"
        case .option:
            return "\(cell) <- prst_libelle(as.integer(prst_na(\(cell))), \(literal(label(column, questionnaire))))\n"
        case .value:
            guard let variable = column.variable else { return "" }
            let label = literal(label(column, questionnaire))
            switch variable.valueType {
            case .single, .yesno:
                let options = questionnaire.options(for: variable.question)
                return "\(cell) <- prst_libelle(prst_facteur(\(cell), \(vector(options.map(\.code))), \(vector(options.map(\.label)))), \(label))\n"
            case .scale:
                guard let scale = questionnaire.scale(for: variable.question) else { return "" }
                let levels = scale.ascendingLevels
                var text = ""
                if !scale.missing.isEmpty {
                    text += "\(frame)[[\(literal(column.name + ".nsp"))]] <- \(cell) %in% \(vector(scale.missing.map(\.code)))\n"
                }
                text +=
                    "\(cell) <- prst_libelle(prst_facteur(\(cell), \(vector(levels.map(\.code))), \(vector(levels.map(\.label))), ordonne = TRUE), \(label))\n"
                return text
            case .number:
                return "\(cell) <- prst_libelle(prst_nombre(\(cell)), \(label))\n"
            default:
                return "\(cell) <- prst_libelle(prst_texte(\(cell)), \(label))\n"
            }
        }
    }

    private static func label(_ column: ExchangeColumn, _ questionnaire: Questionnaire) -> String {
        column.step.map { "\($0.number). " + column.label } ?? column.name
    }

    /// An R identifier for a questionnaire id (`make.names` rules).
    static func objectName(_ id: String) -> String {
        var name = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") ? $0 : "_" })
        if let first = name.first, !first.isLetter { name = "q" + name }
        return name
    }

    static func vector(_ values: [String]) -> String { "c(" + values.map(literal).joined(separator: ", ") + ")" }

    /// An R string literal in ASCII: quotes and backslashes escaped, everything else as `\u`.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.isASCII, scalar.value >= 0x20 {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out += String(format: "\\U%08x", scalar.value)
                }
            }
        }
        return out + "\""
    }
}
