import Foundation

extension FrenchWording {
    static func wording(for problem: DefinitionProblem) -> Wording {
        switch problem {
        // Reading the file
        case .fileUnreadable(let path):
            Wording("fichier introuvable ou illisible : \(path)", hint: "vérifiez le chemin (il est relatif au fichier qui le cite)")
        case .emptyFile: Wording("le fichier est vide", hint: "un questionnaire commence par « format: 1 »")
        case .binaryFile: Wording("le fichier est binaire, pas un texte YAML", hint: "enregistrez-le en texte brut UTF-8")
        case .notUTF8: Wording("le fichier n'est pas encodé en UTF-8", hint: "réenregistrez-le en UTF-8 (souvent il est en Latin-1/Windows-1252)")
        case .pathNotFound: Wording("fichier ou dossier introuvable")
        case .noDefinitionFiles: Wording("aucun fichier .yaml à valider ici")

        // YAML
        case .noYAMLData: Wording("le fichier ne contient aucune donnée YAML")
        case .unreadableYAML(let details): Wording("YAML illisible : \(details)")
        case .yamlSyntax(let error, let advice):
            Wording("erreur de syntaxe YAML : \(text(of: error))", hint: text(of: advice))

        // Keys and values
        case .notAMapping(let part): Wording("\(name(of: part)) doit être un dictionnaire de clés (clé: valeur)")
        case .invalidKey(let part): Wording("clé invalide dans \(name(of: part))")
        case .unknownKey(let key, let part, let suggestion, let allowed):
            Wording("clé inconnue « \(key) » dans \(name(of: part))", hint: didYouMean(suggestion) ?? "clés possibles : \(allowed.joined(separator: ", "))")
        case .missingKey(let key, let part): Wording("clé obligatoire « \(key) » manquante dans \(name(of: part))")
        case .notText(let key): Wording("« \(name(of: key)) » doit être un texte")
        case .emptyText(let key): Wording("« \(name(of: key)) » ne doit pas être vide")
        case .invalidIdentifier(let value, let suggestion):
            Wording("identifiant invalide « \(value) »", hint: identifierRule + (suggestion.map { " ; par exemple « \($0) »" } ?? ""))
        case .notInteger(let key): Wording("« \(name(of: key)) » doit être un nombre entier")
        case .notNumber(let key): Wording("« \(name(of: key)) » doit être un nombre")
        case .notBoolean(let key): Wording("« \(name(of: key)) » doit valoir true ou false")
        case .notBooleanWord(let key, let value): Wording("« \(name(of: key)) » doit valoir true ou false (lu : « \(value) »)")
        case .unknownWord(let value, let key, let suggestion, let allowed):
            Wording(
                "valeur inconnue « \(value) » pour « \(name(of: key)) »",
                hint: didYouMean(suggestion) ?? "valeurs possibles : \(allowed.joined(separator: ", "))")
        case .notList(let key): Wording("« \(name(of: key)) » doit être une liste (éléments précédés de « - » ou entre crochets)")

        // Questionnaire and library files
        case .missingFormat: Wording("clé « format » manquante", hint: "ajoutez « format: 1 » en première ligne")
        case .unsupportedFormat(let version):
            Wording("format \(version) non pris en charge par cette version de prst (format pris en charge : 1)")
        case .questionnaireNotMapping: Wording("un questionnaire doit être un dictionnaire de clés", hint: "commencez par « format: 1 »")
        case .versionNotPositive: Wording("« version » doit être un entier positif")
        case .noSections: Wording("le questionnaire n'a aucune section")
        case .circularInclude(let cycle): Wording("inclusion circulaire : \(cycle.joined(separator: " → "))", hint: "retirez l'une des inclusions")
        case .duplicateScale(let id, let previous): Wording("échelle « \(id) » déjà définie en \(previous)")
        case .duplicateList(let id, let previous): Wording("liste « \(id) » déjà définie en \(previous)")
        case .scalesNotMapping: Wording("« scales » doit associer un identifiant à chaque échelle")
        case .listsNotMapping: Wording("« lists » doit associer un identifiant à chaque liste")
        case .emptyList(let id): Wording("la liste « \(id) » est vide")
        case .tooFewLevels(let scale): Wording("l'échelle « \(scale) » doit avoir au moins deux niveaux")
        case .unknownFavourableLevel(let code, let scale, let levels):
            Wording("niveau favorable « \(code) » absent de l'échelle « \(scale) »", hint: "niveaux : \(levels.joined(separator: ", "))")
        case .codeIsLevelAndMissing(let code): Wording("le code « \(code) » est à la fois un niveau et une réponse hors échelle")
        case .levelCodeNotInteger(let code):
            Wording(
                "le code d'un niveau d'échelle doit être un entier (lu : « \(code) »)", hint: "les réponses hors échelle comme « nsp » vont sous « missing »")
        case .invalidChoiceCode(let code): Wording("code de choix invalide « \(code) »", hint: identifierRule + " (ou un entier)")
        case .duplicateCode(let code, let previousLine): Wording("code « \(code) » en double (déjà utilisé ligne \(previousLine))")
        case .invalidCondition(let syntax):
            Wording(
                "condition invalide : \(text(of: syntax))",
                hint: "syntaxe : q == \"code\", n >= 3, selected(q, \"code\"), count(q) > 1, answered(q), and, or, not, in [\"a\", \"b\"]")
        case .emptySection(let id): Wording("la section « \(id) » n'a aucune question")
        case .keyNotForType(let key, let type, let usedWith):
            Wording(
                "« \(key) » ne s'applique pas à une question de type \(type.rawValue)",
                hint: "« \(key) » s'emploie avec : \(usedWith.map(\.rawValue).joined(separator: ", "))")
        case .keyOnNote(let key): Wording("une note ne reçoit pas de réponse : « \(key) » n'a pas de sens ici")
        case .minAboveMax(let min, let max): Wording("min (\(format(min))) est supérieur à max (\(format(max)))")
        case .maxLengthBelowOne: Wording("« max_length » doit être au moins 1")
        case .messageWithoutConstraint: Wording("« message » accompagne une « constraint », absente ici")
        case .matrixWithoutItems: Wording("une question matrix doit avoir des « items »")
        case .missingChoices(let type): Wording("une question \(type.rawValue) doit nommer sa liste de choix (« choices »)")
        case .missingScale(let type): Wording("une question \(type.rawValue) doit nommer son échelle (« scale »)")

        // Whole questionnaire
        case .duplicateIdentifier(let id, let existing, let existingAt, let createdByOther):
            Wording(
                existing == id ? "identifiant « \(id) » en double" : "identifiant « \(id) » trop proche de « \(existing) » (seule la casse diffère)",
                hint: createdByOther
                    ? "« other: true » crée la variable « \(id) » ; renommez l'autre question"
                    : "déjà utilisé en \(existingAt.line):\(existingAt.column) ; chaque section, question et item doit avoir son propre identifiant")
        case .undeclaredTheme(let theme, let suggestion): Wording("thème « \(theme) » non déclaré dans la campagne", hint: didYouMean(suggestion))
        case .foreachNotMultiple(let id, let type):
            Wording("« foreach » doit désigner une question à choix multiple ; « \(id) » est de type \(type.rawValue)")
        case .foreachNotEarlier(let id, let suggestion):
            Wording("« foreach » désigne « \(id) », qui n'est pas une question posée avant cette section", hint: didYouMean(suggestion))
        case .listHasOtherCode(let list):
            Wording("la liste « \(list) » a déjà un choix « \(Questionnaire.otherCode) », réservé à « other: true »")
        case .exclusiveOutsideMultiple: Wording("« exclusive » n'a d'effet que dans une question multiple")
        case .minAboveChoiceCount(let min, let list, let count): Wording("min (\(format(min))) dépasse le nombre de choix de « \(list) » (\(count))")
        case .undefinedList(let id, let suggestion):
            Wording(
                "liste de choix « \(id) » non définie",
                hint: didYouMean(suggestion) ?? "définissez-la sous « lists: » ou incluez le référentiel qui la contient")
        case .undefinedScale(let id, let suggestion):
            Wording(
                "échelle « \(id) » non définie", hint: didYouMean(suggestion) ?? "définissez-la sous « scales: » ou incluez le référentiel qui la contient")
        case .polarityNotText(let type):
            Wording("« polarity » ne s'applique qu'aux questions ouvertes (type text), pas à une question \(type.rawValue)")
        case .diffusionRoleType(let role, let expected, let actual):
            Wording(
                "le rôle de diffusion « \(role.rawValue) » attend une question \(expected.map(\.rawValue).sorted().joined(separator: " ou ")), pas \(actual.rawValue)"
            )
        case .diffusionRoleOutsideDeliverableSection(let role, let awareness):
            Wording(
                "le rôle de diffusion « \(role.rawValue) » n'est lu que dans une section répétée par production connue (« foreach » sur la question « diffusion: awareness »)",
                hint: awareness.map { "placez la question dans une section « foreach: \($0) », ou retirez « diffusion »" }
                    ?? "ajoutez la question de connaissance (type multiple, « diffusion: awareness ») et une section « foreach » sur elle, ou retirez « diffusion »"
            )
        case .descriptiveScaleWithFavourable(let scale):
            Wording(
                "l'échelle « \(scale) » est déclarée descriptive : elle ne peut pas avoir de niveaux favorables",
                hint: "retirez « favourable » ou « descriptive: true »")
        case .scaleWithoutFavourableIsDescriptive(let scale):
            Wording(
                "l'échelle « \(scale) » n'a pas de niveaux favorables : elle est traitée comme descriptive (répartition, jamais classée en force ou difficulté)",
                hint: "écrivez « descriptive: true » pour le dire, ou listez ses niveaux favorables sous « favourable »")
        case .reservedOtherSuffix:
            Wording("un identifiant ne peut pas finir par « \(Questionnaire.otherSuffix) » : ce suffixe est réservé aux précisions de « other: true »")

        // Conditions
        case .repeatedQuestionOutsideItsSection(let id):
            Wording("« \(id) » est posée une fois par élément (foreach) : elle n'est utilisable que dans sa propre section")
        case .questionAskedLater(let id): Wording("« \(id) » est posée plus loin : une condition ne peut porter que sur une question déjà posée")
        case .unknownQuestionInCondition(let id, let suggestion): Wording("question inconnue « \(id) » dans la condition", hint: didYouMean(suggestion))
        case .currentAnswerOutsideConstraint: Wording("« . » (la réponse en cours) n'a de sens que dans une « constraint »")
        case .numberComparedToText(let id, let text):
            Wording("« \(id) » est un nombre : elle ne peut pas être comparée au texte \"\(text)\"", hint: "écrivez le nombre sans guillemets")
        case .textComparedToNumber(let id, let number):
            Wording("« \(id) » est un texte : elle ne peut pas être comparée au nombre \(format(number))", hint: "mettez la valeur entre guillemets")
        case .multipleComparedDirectly(let id): Wording("« \(id) » est à choix multiple : utilisez selected(\(id), \"code\") ou count(\(id))")
        case .notACode(let text, let id, let codes):
            Wording("« \(text) » n'est pas un code de « \(id) »", hint: "codes possibles : \(codes.joined(separator: ", "))")
        case .selectedOnNonChoice(let id, let type): Wording("selected() s'applique à une question à choix, pas à « \(id) » (\(type.rawValue))")

        // Campaign and codebook
        case .unsupportedCampaignFormat(let version): Wording("format \(version) non pris en charge (format pris en charge : 1)")
        case .populationMismatch(let declared, let assigned):
            Wording("le questionnaire déclare la population « \(declared) » mais la campagne l'attribue à « \(assigned) »")
        case .duplicateQuestionnaireID(let id, let usedBy): Wording("identifiant de questionnaire « \(id) » déjà utilisé par \(usedBy)")
        case .sharedItemScaleDiffers(let id, let scale, let firstScale, let firstSeen):
            Wording(
                "l'item « \(id) » utilise l'échelle « \(scale ?? "?") » mais « \(firstScale ?? "?") » dans \(firstSeen)",
                hint:
                    "un même identifiant dans plusieurs questionnaires désigne un item comparé entre populations : il doit garder la même échelle (ou changez d'identifiant)"
            )
        case .minGroupBelowOne: Wording("« min_group » doit être au moins 1")
        case .duplicatePopulation(let population): Wording("population « \(population) » déjà déclarée")
        case .targetNotPositive: Wording("« target » doit être un effectif positif")
        case .questionnaireFileNotFound(let file): Wording("fichier introuvable : \(file)", hint: "le chemin est relatif au fichier de campagne")
        case .duplicateTheme(let id, let previousLine): Wording("thème « \(id) » déjà déclaré ligne \(previousLine)")
        case .difficultyAboveForce(let difficulty, let force):
            Wording("le seuil « difficulte » (\(format(difficulty))) dépasse le seuil « force » (\(format(force)))")
        case .thresholdOutOfRange: Wording("un seuil est un pourcentage entre 0 et 100")
        case .themeWithoutPatterns(let id): Wording("le thème « \(id) » n'a aucun motif")

        // prst validate
        case .codebookNotCited: Wording("codebook cité par aucune campagne de ce dossier : ses thèmes ne sont pas vérifiés")
        case .questionnaireNotCited: Wording("aucune campagne de ce dossier ne cite ce questionnaire : ses thèmes ne sont pas vérifiés")

        // Plan monitoring
        case .monitoring(let problem): wording(for: problem)
        }
    }

    static let identifierRule =
        "un identifiant commence par une lettre minuscule, suivie de lettres minuscules sans accent, de chiffres ou de « _ », 32 caractères au plus"

    static func didYouMean(_ suggestion: String?) -> String? {
        suggestion.map { "vouliez-vous dire « \($0) » ?" }
    }

    static func name(of key: DefinitionKey) -> String {
        switch key {
        case .named(let name): name
        case .scaleIdentifier: "identifiant d'échelle"
        case .listIdentifier: "identifiant de liste"
        case .unitsIdentifier: "identifiant de référentiel d'unités"
        }
    }

    static func name(of part: DefinitionPart) -> String {
        switch part {
        case .questionnaire: "le questionnaire"
        case .includedFile: "le fichier inclus"
        case .library: "un fichier inclus (référentiel)"
        case .scale(let id): "l'échelle « \(id) »"
        case .choice: "un choix"
        case .section: "une section"
        case .question: "une question"
        case .matrixItem: "un item de matrice"
        case .campaign: "la campagne"
        case .populationEntry: "une entrée de « questionnaires »"
        case .theme: "un thème"
        case .thresholds: "« thresholds »"
        case .codebook: "le codebook"
        case .codebookTheme: "un thème du codebook"
        case .unitReferential(let id): "le référentiel d'unités « \(id) »"
        case .unit: "une unité"
        case .reporting: "le bloc « reporting »"
        case .periodRange: "l'intervalle d'années « periods »"
        case .repeatBlock: "le bloc « repeat »"
        }
    }

    /// libyaml's own words are English; only prst's are translated.
    static func text(of error: YAMLSyntaxError) -> String {
        switch error {
        case .parser(let message): message
        case .duplicatedKeys(let keys): "clé en double : \(keys.joined(separator: ", "))"
        }
    }

    static func text(of advice: YAMLAdvice) -> String {
        switch advice {
        case .indentationAndQuotes:
            "vérifiez l'indentation (des espaces, pas de tabulations) et les guillemets autour des textes contenant « : » ou « # »"
        case .quoteConditionInBraces:
            "dans un dictionnaire entre accolades { … }, une condition qui contient « , », « [ » ou « ] » doit être entre guillemets simples, par exemple when: 'selected(q, \"a\")'"
        case .noTabs: "YAML n'accepte pas les tabulations pour indenter : remplacez-les par des espaces"
        }
    }

    static func text(of syntax: ConditionSyntaxProblem) -> String {
        switch syntax {
        case .empty: "condition vide"
        case .incomplete: "condition incomplète"
        case .unexpectedElement(let element): "élément inattendu « \(element) »"
        case .inNeedsList: "« in » doit être suivi d'une liste entre crochets, par exemple in [\"a\", \"b\"]"
        case .listSeparatorExpected: "« , » ou « ] » attendu dans la liste"
        case .closingParenthesisExpected: "parenthèse fermante « ) » attendue"
        case .unknownFunction(let name): "fonction inconnue « \(name) » (fonctions : selected, count, answered)"
        case .argumentSeparatorExpected(let function): "« , » ou « ) » attendu dans l'appel de \(function)"
        case .wrongArgumentCount(let function, let expected): "\(function)() attend \(expected) argument\(expected > 1 ? "s" : "")"
        case .firstArgumentNotQuestion(let function):
            "le premier argument de \(function)() doit être l'identifiant d'une question (ou « . » dans une constraint)"
        case .unclosedQuote: "guillemet fermant manquant"
        case .invalidNumber(let text): "nombre invalide « \(text) »"
        case .singleEquals: "« = » seul n'est pas un opérateur : écrivez « == » pour tester une égalité"
        case .unsupportedOperator(let character): "« \(character) » n'est pas reconnu : écrivez and, or, not ou !="
        case .unexpectedCharacter(let character): "caractère inattendu « \(character) »"
        }
    }
}
