import Foundation

/// What can be wrong in the monitoring parts of a definition: units referentials, the
/// `reporting:` block, open repeats and number indicators.
package enum MonitoringProblem: Sendable, Hashable {
    case unitsNotAMapping
    case unitReferentialDefinedTwice(id: String, previous: SourceLocation)
    case emptyUnitReferential(id: String)
    case emptyUnitCode
    case duplicateUnitCode(code: String, previousLine: Int)
    case unknownUnitReferential(id: String, suggestion: String?, known: [String])
    case noPeriods
    case invalidPeriodCode(String)
    case yearOutOfRange(Int)
    case periodRangeReversed(from: Int, to: Int)
    case duplicatePeriod(code: String, previousLine: Int)
    case repeatWithForeach
    case repeatMinNegative(Int)
    case repeatMaxBelowOne(Int)
    case repeatMinAboveMax(min: Int, max: Int)
    /// `{n}` in a section that is not an open repeat: it would be shown as written.
    case repetitionNumberOutsideRepeat(section: String)
    /// A condition outside an open repeat naming one of its questions.
    case repeatedQuestionOutsideItsSection(id: String, section: String)
    /// `foreach` naming a question asked in each repetition of an open repeat.
    case foreachOverRepeatedQuestion(id: String, section: String)
    case partOfSelf(id: String)
    case partOfUnknown(id: String, suggestion: String?)
    case partOfLater(id: String)
    case partOfOtherSection(id: String, section: String)
    case partOfNotNumber(id: String, type: QuestionType)
}

/// A "dont" answer that does not fit its total, at answer time.
package enum PartOfAnswerProblem: Sendable, Hashable {
    /// The part typed is above the total given at question `totalNumber`.
    case partAboveTotal(total: Double, totalNumber: String)
    /// The total typed is below the part given at question `partNumber`.
    case totalBelowPart(part: Double, partNumber: String)
}

package extension MonitoringProblem {
    /// The message and its hint in `language`.
    func wording(in language: Language) -> (message: String, hint: String?) {
        language == .fr ? french : english
    }

    private var french: (message: String, hint: String?) {
        switch self {
        case .unitsNotAMapping:
            return ("« units » doit associer un identifiant à chaque référentiel d'unités", "par exemple : units: {fiches_prst3: {kind: fiche-action, items: [...]}}")
        case .unitReferentialDefinedTwice(let id, let previous):
            return ("référentiel d'unités « \(id) » déjà défini en \(previous)", "un identifiant de référentiel ne peut être défini qu'une fois, inclusions comprises")
        case .emptyUnitReferential(let id):
            return ("le référentiel d'unités « \(id) » n'a aucune unité", "listez les unités sous « items: », une par ligne : - {code: fa_1_1, label: \"1.1 – …\"}")
        case .emptyUnitCode:
            return ("le code d'une unité ne doit pas être vide", Identifier.rule)
        case .duplicateUnitCode(let code, let line):
            return ("code d'unité « \(code) » en double (déjà utilisé ligne \(line))", "chaque unité a son propre code : il identifie ses réponses")
        case .unknownUnitReferential(let id, let suggestion, let known):
            let hint = suggestion.map { "vouliez-vous dire « \($0) » ?" }
                ?? (known.isEmpty
                    ? "définissez-le sous « units: » dans un référentiel inclus (include)"
                    : "référentiels d'unités définis : \(known.joined(separator: ", "))")
            return ("référentiel d'unités « \(id) » non défini", hint)
        case .noPeriods:
            return ("« periods » ne contient aucune période", "par exemple : periods: [PRST3] ou periods: {from: 2019, to: 2021}")
        case .invalidPeriodCode(let text):
            return ("période invalide « \(text) »", "une période est une année (2021) ou un nom court sans espace ni accent (PRST3), 32 caractères au plus")
        case .yearOutOfRange(let year):
            return ("année \(year) hors des années acceptées (1900 à 2200)", nil)
        case .periodRangeReversed(let from, let to):
            return ("« from » (\(from)) est après « to » (\(to))", "écrivez la première année dans « from » et la dernière dans « to »")
        case .duplicatePeriod(let code, let line):
            return ("période « \(code) » en double (déjà citée ligne \(line))", nil)
        case .repeatWithForeach:
            return ("une section ne peut pas avoir à la fois « repeat » et « foreach »",
                    "« foreach » répète la section pour chaque choix coché ; « repeat » la répète autant de fois que le répondant le souhaite : gardez l'un des deux")
        case .repeatMinNegative(let min):
            return ("« min » (\(min)) ne peut pas être négatif", "0 : le répondant peut ne remplir aucune répétition")
        case .repeatMaxBelowOne(let max):
            return ("« max » (\(max)) doit être au moins 1", nil)
        case .repeatMinAboveMax(let min, let max):
            return ("min (\(min)) est supérieur à max (\(max))", nil)
        case .repetitionNumberOutsideRepeat(let section):
            return ("« {n} » n'a de sens que dans une section répétée avec « repeat » ; la section « \(section) » ne l'est pas",
                    "dans une section « foreach », utilisez « {label} » ou « {code} »")
        case .repeatedQuestionOutsideItsSection(let id, let section):
            return ("« \(id) » est posée à chaque répétition de la section « \(section) » : elle n'est utilisable que dans cette section", nil)
        case .foreachOverRepeatedQuestion(let id, let section):
            return ("« foreach » ne peut pas désigner « \(id) », posée à chaque répétition de la section « \(section) »", nil)
        case .partOfSelf(let id):
            return ("« part_of » de « \(id) » la désigne elle-même", "« part_of » nomme le total dont cette question est un « dont »")
        case .partOfUnknown(let id, let suggestion):
            return ("« part_of » désigne « \(id) », qui n'est pas une question de ce questionnaire",
                    suggestion.map { "vouliez-vous dire « \($0) » ?" } ?? "« part_of » nomme une question de type number posée avant, dans la même section")
        case .partOfLater(let id):
            return ("« part_of » désigne « \(id) », posée plus loin : le total doit être demandé avant son « dont »", "déplacez « \(id) » avant cette question")
        case .partOfOtherSection(let id, let section):
            return ("« part_of » désigne « \(id) », de la section « \(section) » : le total et son « dont » doivent être dans la même section", nil)
        case .partOfNotNumber(let id, let type):
            return ("« part_of » désigne « \(id) », de type \(type.rawValue) : le total doit être une question de type number", nil)
        }
    }

    private var english: (message: String, hint: String?) {
        switch self {
        case .unitsNotAMapping:
            return ("“units” must map an identifier to each units referential", "for example: units: {fiches_prst3: {kind: fiche-action, items: [...]}}")
        case .unitReferentialDefinedTwice(let id, let previous):
            return ("units referential “\(id)” already defined at \(previous)", "a referential id may be defined only once, includes included")
        case .emptyUnitReferential(let id):
            return ("units referential “\(id)” has no unit", "list the units under “items:”, one per line: - {code: fa_1_1, label: \"1.1 – …\"}")
        case .emptyUnitCode:
            return ("a unit's code must not be empty", "an identifier starts with a lowercase letter, followed by lowercase letters, digits or “_”, 32 characters at most")
        case .duplicateUnitCode(let code, let line):
            return ("duplicate unit code “\(code)” (already used on line \(line))", "each unit has its own code: it identifies its responses")
        case .unknownUnitReferential(let id, let suggestion, let known):
            let hint = suggestion.map { "did you mean “\($0)”?" }
                ?? (known.isEmpty ? "define it under “units:” in an included referential" : "units referentials defined: \(known.joined(separator: ", "))")
            return ("units referential “\(id)” is not defined", hint)
        case .noPeriods:
            return ("“periods” holds no period", "for example: periods: [PRST3] or periods: {from: 2019, to: 2021}")
        case .invalidPeriodCode(let text):
            return ("invalid period “\(text)”", "a period is a year (2021) or a short name without spaces or accents (PRST3), 32 characters at most")
        case .yearOutOfRange(let year):
            return ("year \(year) outside the accepted years (1900 to 2200)", nil)
        case .periodRangeReversed(let from, let to):
            return ("“from” (\(from)) is after “to” (\(to))", "write the first year in “from” and the last one in “to”")
        case .duplicatePeriod(let code, let line):
            return ("duplicate period “\(code)” (already listed on line \(line))", nil)
        case .repeatWithForeach:
            return ("a section cannot have both “repeat” and “foreach”",
                    "“foreach” repeats the section for each selected choice; “repeat” repeats it as often as the respondent wishes: keep one of them")
        case .repeatMinNegative(let min):
            return ("“min” (\(min)) cannot be negative", "0: the respondent may fill no repetition")
        case .repeatMaxBelowOne(let max):
            return ("“max” (\(max)) must be at least 1", nil)
        case .repeatMinAboveMax(let min, let max):
            return ("min (\(min)) is greater than max (\(max))", nil)
        case .repetitionNumberOutsideRepeat(let section):
            return ("“{n}” only makes sense in a section repeated with “repeat”; section “\(section)” is not", "in a “foreach” section, use “{label}” or “{code}”")
        case .repeatedQuestionOutsideItsSection(let id, let section):
            return ("“\(id)” is asked in each repetition of section “\(section)”: it can only be used inside that section", nil)
        case .foreachOverRepeatedQuestion(let id, let section):
            return ("“foreach” cannot name “\(id)”, asked in each repetition of section “\(section)”", nil)
        case .partOfSelf(let id):
            return ("“part_of” of “\(id)” names the question itself", "“part_of” names the total this question is a part of")
        case .partOfUnknown(let id, let suggestion):
            return ("“part_of” names “\(id)”, which is not a question of this questionnaire",
                    suggestion.map { "did you mean “\($0)”?" } ?? "“part_of” names a number question asked earlier in the same section")
        case .partOfLater(let id):
            return ("“part_of” names “\(id)”, asked later: the total must be asked before its part", "move “\(id)” before this question")
        case .partOfOtherSection(let id, let section):
            return ("“part_of” names “\(id)”, of section “\(section)”: a total and its part must be in the same section", nil)
        case .partOfNotNumber(let id, let type):
            return ("“part_of” names “\(id)”, of type \(type.rawValue): the total must be a number question", nil)
        }
    }
}

package extension PartOfAnswerProblem {
    func message(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case .partAboveTotal(let total, let number):
            return fr
                ? "Ce nombre ne peut pas dépasser le total donné à la question \(number) (\(frenchNumber(total)))."
                : "This number cannot be above the total given in question \(number) (\(format(total)))."
        case .totalBelowPart(let part, let number):
            return fr
                ? "Ce total ne peut pas être inférieur au « dont » donné à la question \(number) (\(frenchNumber(part)))."
                : "This total cannot be below the part given in question \(number) (\(format(part)))."
        }
    }

    private func frenchNumber(_ value: Double) -> String { format(value).replacingOccurrences(of: ".", with: ",") }
}

extension DiagnosticCollector {
    /// Until the typed `Problem` model is merged, a monitoring problem is recorded with its French words.
    mutating func error(_ location: SourceLocation, _ problem: MonitoringProblem) {
        let wording = problem.wording(in: .fr)
        error(location, wording.message, hint: wording.hint)
    }

    mutating func warning(_ location: SourceLocation, _ problem: MonitoringProblem) {
        let wording = problem.wording(in: .fr)
        warning(location, wording.message, hint: wording.hint)
    }
}
