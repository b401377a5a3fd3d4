import Foundation

extension FrenchWording {
    static func wording(for problem: ImportProblem) -> Wording {
        switch problem {
        case .csvNotUTF8(let byte):
            Wording(
                "le fichier n'est pas encodé en UTF-8 (octet 0x\(String(byte, radix: 16, uppercase: true))) : il vient sans doute d'un export Latin-1 ou Windows. Dans Excel, « Enregistrer sous » puis « CSV UTF-8 » ; dans LibreOffice, jeu de caractères « Unicode (UTF-8) »."
            )
        case .csvUnclosedQuote(let line):
            Wording("un guillemet ouvert à la ligne \(line) du fichier n'est jamais refermé : vérifiez les guillemets de cette ligne.")
        case .csvStrayQuote:
            Wording("guillemet mal placé : une valeur qui contient des guillemets doit être entourée de guillemets, et ses guillemets doublés (\"\").")
        case .csvEmpty: Wording("le fichier est vide : il doit au moins contenir la ligne d'en-tête.")
        case .duplicateColumn(let name, let firstColumn):
            Wording("la colonne « \(name) » apparaît deux fois (déjà en colonne \(firstColumn)) : gardez-en une seule.")
        case .unknownColumn(let name, let questionnaire, let suggestion):
            Wording(
                "colonne inconnue « \(name) » : elle ne correspond à aucune question de « \(questionnaire) ».\(didYouMeanSentence(suggestion)) Partez d'un fichier produit par prst export pour avoir les bons noms."
            )
        case .missingColumns(let names):
            Wording(
                "colonne(s) absente(s) : \(names.prefix(10).map { "« \($0) »" }.joined(separator: ", "))\(names.count > 10 ? " et \(names.count - 10) autre(s)" : ""). Chaque question doit avoir sa colonne, même vide : partez d'un fichier produit par prst export."
            )
        case .repetitionAboveMaximum(let name, let item, let maximum):
            Wording(
                "colonne « \(name) » : le questionnaire prévoit au plus \(maximum) répétition(s) « \(item) » (colonnes __1 à __\(maximum)) : retirez cette colonne, ou reportez ses réponses dans une répétition encore libre."
            )
        case .fieldCountMismatch(let values, let columns):
            Wording("la ligne a \(values) valeur(s) alors que l'en-tête a \(columns) colonnes : un séparateur en trop ou en moins ?")
        case .valueInUnnamedColumn(let value):
            Wording("« \(value) » est dans une colonne sans nom d'en-tête : rattachez-la à une question ou videz-la.")
        case .sessionAlreadyStored(let id, let store):
            Wording("la session « \(id) » est déjà dans \(store) : ces réponses ont sans doute déjà été importées.")
        case .reportingKeyAlreadyStored(let unit, let period, let session, let store):
            Wording(
                "\(store) a déjà une réponse (session « \(session) ») pour l'unité « \(unit) » et la période \(period) : une seule réponse par unité et par période ; "
                    + "retirez cette ligne, ou supprimez d'abord l'ancienne réponse (prst purge).")
        case .cell(let column, let problem):
            Wording((column.map { "colonne « \($0) » : " } ?? "") + text(of: problem))
        }
    }

    private static func didYouMeanSentence(_ suggestion: String?) -> String {
        suggestion.map { " Vouliez-vous dire « \($0) » ?" } ?? ""
    }

    private static func conditionText(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : " (condition : " + conditions.joined(separator: " et ") + ")"
    }

    private static func text(of problem: ImportCellProblem) -> String {
        let notAsked = ExchangeTokens.notAsked
        switch problem {
        case .invalidSessionID(let id):
            return
                "« \(id) » ne peut pas être un identifiant de session : lettres, chiffres, - et _ seulement, 64 caractères au plus. Laissez la cellule vide pour qu'un identifiant soit créé."
        case .sessionRepeated(let id, let firstRow):
            return "la session « \(id) » figure déjà à la ligne \(firstRow) : une session ne peut être importée qu'une fois."
        case .unknownStatus(let value):
            return "« \(value) » n'est pas un état : « \(ExchangeTokens.completed) » ou « \(ExchangeTokens.inProgress) »."
        case .notADate(let value): return "« \(value) » n'est pas une date de la forme 2026-03-31T14:05:00Z."
        case .endBeforeStart: return "la fin précède le début de la session."
        case .repetitionNotOpened(let choice, let foreachNumber):
            return "réponse sur « \(choice) » alors que ce choix n'est pas coché à la question \(foreachNumber) : la cellule doit être vide ou « \(notAsked) »."
        case .answer(let number, let problem): return "question \(number) : " + wording(for: problem).message
        case .requiredCellEmpty(let number):
            return
                "la question \(number) est obligatoire et elle est posée à ce répondant : la cellule ne peut pas rester vide (pour un questionnaire laissé inachevé, mettez « \(ExchangeTokens.inProgress) » dans une colonne statut)."
        case .notAskedButAsked(let number, let conditions):
            return
                "« \(notAsked) » (non posée) alors que la question \(number) est posée à ce répondant\(conditionText(conditions)) : donnez la réponse, ou laissez vide si elle est facultative."
        case .answeredButNotAsked(let number, let conditions):
            return "la question \(number) n'est pas posée à ce répondant\(conditionText(conditions)) : la cellule doit être vide ou « \(notAsked) »."
        case .notACode(let value, let codes, let more, let suggestion):
            return "« \(value) » n'est pas un code prévu (codes : \(codes.joined(separator: ", "))\(more ? ", …" : "")).\(didYouMeanSentence(suggestion))"
        case .notANumber(let value): return "« \(value) » n'est pas un nombre (exemples : 12, 3,5 ou 3.5)."
        case .notAskedInOneColumn:
            return "« \(notAsked) » dans une seule colonne de la question : une question non posée l'est pour tous ses choix."
        case .notZeroOrOne(let value): return "« \(value) » : attendu 1 (coché) ou 0 (non coché)."
        case .unitMissing(let kind):
            return "cellule vide : indiquez pour quelle unité (\(kind)) cette réponse est donnée, par son code (voir dictionnaire.csv)."
        case .unknownUnit(let value, let kind, let referential, let codes, let more, let suggestion):
            return
                "« \(value) » n'est pas une unité (\(kind)) du référentiel « \(referential) » (codes : \(codes.joined(separator: ", "))\(more ? ", …" : "")).\(didYouMeanSentence(suggestion))"
        case .periodMissing(let periods):
            return "cellule vide : indiquez la période de cette réponse (périodes : \(periods.joined(separator: ", ")))."
        case .unknownPeriod(let value, let periods, let suggestion):
            return "« \(value) » n'est pas une période de ce questionnaire (périodes : \(periods.joined(separator: ", "))).\(didYouMeanSentence(suggestion))"
        case .reportingRepeated(let unit, let period, let firstRow):
            return
                "l'unité « \(unit) » a déjà une réponse pour la période « \(period) » à la ligne \(firstRow) : une seule réponse par unité et par période ; gardez l'une des deux lignes."
        case .repetitionGap(let item, let number, let missing):
            return
                "« \(item) \(number) » a des réponses alors que « \(item) \(missing) » n'en a aucune : les répétitions se remplissent dans l'ordre, sans en sauter ; reportez ces réponses dans les colonnes __\(missing)."
        case .repetitionBelowMinimum(let item, let minimum, let number):
            return
                "le questionnaire demande au moins \(minimum) répétition(s) « \(item) » et « \(item) \(number) » n'a aucune réponse : remplissez-la (pour un questionnaire laissé inachevé, mettez « \(ExchangeTokens.inProgress) » dans une colonne statut)."
        }
    }
}
