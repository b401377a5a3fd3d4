import Foundation

extension FrenchWording {
    static func wording(for problem: MonitoringProblem) -> Wording {
        switch problem {
        case .unitsNotAMapping:
            return Wording(
                "« units » doit associer un identifiant à chaque référentiel d'unités",
                hint: "par exemple : units: {fiches_prst3: {kind: fiche-action, items: [...]}}")
        case .unitReferentialDefinedTwice(let id, let previous):
            return Wording(
                "référentiel d'unités « \(id) » déjà défini en \(previous)",
                hint: "un identifiant de référentiel ne peut être défini qu'une fois, inclusions comprises")
        case .emptyUnitReferential(let id):
            return Wording(
                "le référentiel d'unités « \(id) » n'a aucune unité",
                hint: "listez les unités sous « items: », une par ligne : - {code: fa_1_1, label: \"1.1 – …\"}")
        case .emptyUnitCode:
            return Wording("le code d'une unité ne doit pas être vide", hint: identifierRule)
        case .duplicateUnitCode(let code, let line):
            return Wording(
                "code d'unité « \(code) » en double (déjà utilisé ligne \(line))", hint: "chaque unité a son propre code : il identifie ses réponses")
        case .unknownUnitReferential(let id, let suggestion, let known):
            let hint =
                suggestion.map { "vouliez-vous dire « \($0) » ?" }
                ?? (known.isEmpty
                    ? "définissez-le sous « units: » dans un référentiel inclus (include)"
                    : "référentiels d'unités définis : \(known.joined(separator: ", "))")
            return Wording("référentiel d'unités « \(id) » non défini", hint: hint)
        case .noPeriods:
            return Wording("« periods » ne contient aucune période", hint: "par exemple : periods: [PRST3] ou periods: {from: 2019, to: 2021}")
        case .invalidPeriodCode(let text):
            return Wording(
                "période invalide « \(text) »", hint: "une période est une année (2021) ou un nom court sans espace ni accent (PRST3), 32 caractères au plus")
        case .yearOutOfRange(let year):
            return Wording("année \(year) hors des années acceptées (1900 à 2200)")
        case .periodRangeReversed(let from, let to):
            return Wording("« from » (\(from)) est après « to » (\(to))", hint: "écrivez la première année dans « from » et la dernière dans « to »")
        case .duplicatePeriod(let code, let line):
            return Wording("période « \(code) » en double (déjà citée ligne \(line))")
        case .repeatWithForeach:
            return Wording(
                "une section ne peut pas avoir à la fois « repeat » et « foreach »",
                hint:
                    "« foreach » répète la section pour chaque choix coché ; « repeat » la répète autant de fois que le répondant le souhaite : gardez l'un des deux"
            )
        case .repeatMinNegative(let min):
            return Wording("« min » (\(min)) ne peut pas être négatif", hint: "0 : le répondant peut ne remplir aucune répétition")
        case .repeatMaxBelowOne(let max):
            return Wording("« max » (\(max)) doit être au moins 1")
        case .repeatMinAboveMax(let min, let max):
            return Wording("min (\(min)) est supérieur à max (\(max))")
        case .repetitionNumberOutsideRepeat(let section):
            return Wording(
                "« {n} » n'a de sens que dans une section répétée avec « repeat » ; la section « \(section) » ne l'est pas",
                hint: "dans une section « foreach », utilisez « {label} » ou « {code} »")
        case .repeatedQuestionOutsideItsSection(let id, let section):
            return Wording("« \(id) » est posée à chaque répétition de la section « \(section) » : elle n'est utilisable que dans cette section")
        case .foreachOverRepeatedQuestion(let id, let section):
            return Wording("« foreach » ne peut pas désigner « \(id) », posée à chaque répétition de la section « \(section) »")
        case .partOfSelf(let id):
            return Wording("« part_of » de « \(id) » la désigne elle-même", hint: "« part_of » nomme le total dont cette question est un « dont »")
        case .partOfUnknown(let id, let suggestion):
            return Wording(
                "« part_of » désigne « \(id) », qui n'est pas une question de ce questionnaire",
                hint: suggestion.map { "vouliez-vous dire « \($0) » ?" } ?? "« part_of » nomme une question de type number posée avant, dans la même section")
        case .partOfLater(let id):
            return Wording(
                "« part_of » désigne « \(id) », posée plus loin : le total doit être demandé avant son « dont »",
                hint: "déplacez « \(id) » avant cette question")
        case .partOfOtherSection(let id, let section):
            return Wording("« part_of » désigne « \(id) », de la section « \(section) » : le total et son « dont » doivent être dans la même section")
        case .partOfNotNumber(let id, let type):
            return Wording("« part_of » désigne « \(id) », de type \(type.rawValue) : le total doit être une question de type number")
        }
    }
}
