import Foundation

extension EnglishWording {
    static func wording(for problem: DefinitionProblem) -> Wording {
        switch problem {
        // Reading the file
        case .fileUnreadable(let path):
            Wording("file not found or unreadable: \(path)", hint: "check the path (it is relative to the file that cites it)")
        case .emptyFile: Wording("the file is empty", hint: "a questionnaire starts with “format: 1”")
        case .binaryFile: Wording("the file is binary, not YAML text", hint: "save it as plain UTF-8 text")
        case .notUTF8: Wording("the file is not encoded in UTF-8", hint: "save it again as UTF-8 (it is often Latin-1/Windows-1252)")
        case .pathNotFound: Wording("file or folder not found")
        case .noDefinitionFiles: Wording("no .yaml file to validate here")

        // YAML
        case .noYAMLData: Wording("the file contains no YAML data")
        case .unreadableYAML(let details): Wording("unreadable YAML: \(details)")
        case .yamlSyntax(let error, let advice): Wording("YAML syntax error: \(text(of: error))", hint: text(of: advice))

        // Keys and values
        case .notAMapping(let part): Wording("\(name(of: part)) must be a mapping of keys (key: value)")
        case .invalidKey(let part): Wording("invalid key in \(name(of: part))")
        case .unknownKey(let key, let part, let suggestion, let allowed):
            Wording("unknown key “\(key)” in \(name(of: part))", hint: didYouMean(suggestion) ?? "possible keys: \(allowed.joined(separator: ", "))")
        case .missingKey(let key, let part): Wording("required key “\(key)” missing in \(name(of: part))")
        case .notText(let key): Wording("“\(name(of: key))” must be a text")
        case .emptyText(let key): Wording("“\(name(of: key))” must not be empty")
        case .invalidIdentifier(let value, let suggestion):
            Wording("invalid identifier “\(value)”", hint: identifierRule + (suggestion.map { "; for example “\($0)”" } ?? ""))
        case .notInteger(let key): Wording("“\(name(of: key))” must be a whole number")
        case .notNumber(let key): Wording("“\(name(of: key))” must be a number")
        case .notBoolean(let key): Wording("“\(name(of: key))” must be true or false")
        case .notBooleanWord(let key, let value): Wording("“\(name(of: key))” must be true or false (read: “\(value)”)")
        case .unknownWord(let value, let key, let suggestion, let allowed):
            Wording("unknown value “\(value)” for “\(name(of: key))”", hint: didYouMean(suggestion) ?? "possible values: \(allowed.joined(separator: ", "))")
        case .notList(let key): Wording("“\(name(of: key))” must be a list (items preceded by “-” or between brackets)")

        // Questionnaire and library files
        case .missingFormat: Wording("key “format” missing", hint: "add “format: 1” as the first line")
        case .unsupportedFormat(let version): Wording("format \(version) is not supported by this version of prst (supported format: 1)")
        case .questionnaireNotMapping: Wording("a questionnaire must be a mapping of keys", hint: "start with “format: 1”")
        case .versionNotPositive: Wording("“version” must be a positive whole number")
        case .noSections: Wording("the questionnaire has no section")
        case .circularInclude(let cycle): Wording("circular include: \(cycle.joined(separator: " → "))", hint: "remove one of the includes")
        case .duplicateScale(let id, let previous): Wording("scale “\(id)” already defined at \(previous)")
        case .duplicateList(let id, let previous): Wording("list “\(id)” already defined at \(previous)")
        case .scalesNotMapping: Wording("“scales” must map an identifier to each scale")
        case .listsNotMapping: Wording("“lists” must map an identifier to each list")
        case .emptyList(let id): Wording("the list “\(id)” is empty")
        case .tooFewLevels(let scale): Wording("the scale “\(scale)” must have at least two levels")
        case .unknownFavourableLevel(let code, let scale, let levels):
            Wording("favourable level “\(code)” is not on the scale “\(scale)”", hint: "levels: \(levels.joined(separator: ", "))")
        case .codeIsLevelAndMissing(let code): Wording("the code “\(code)” is both a level and an off-scale answer")
        case .levelCodeNotInteger(let code):
            Wording("the code of a scale level must be a whole number (read: “\(code)”)", hint: "off-scale answers such as “nsp” go under “missing”")
        case .invalidChoiceCode(let code): Wording("invalid choice code “\(code)”", hint: identifierRule + " (or a whole number)")
        case .duplicateCode(let code, let previousLine): Wording("code “\(code)” repeated (already used on line \(previousLine))")
        case .invalidCondition(let syntax):
            Wording(
                "invalid condition: \(text(of: syntax))",
                hint: "syntax: q == \"code\", n >= 3, selected(q, \"code\"), count(q) > 1, answered(q), and, or, not, in [\"a\", \"b\"]")
        case .emptySection(let id): Wording("the section “\(id)” has no question")
        case .keyNotForType(let key, let type, let usedWith):
            Wording(
                "“\(key)” does not apply to a question of type \(type.rawValue)",
                hint: "“\(key)” is used with: \(usedWith.map(\.rawValue).joined(separator: ", "))")
        case .keyOnNote(let key): Wording("a note takes no answer: “\(key)” makes no sense here")
        case .minAboveMax(let min, let max): Wording("min (\(format(min))) is greater than max (\(format(max)))")
        case .maxLengthBelowOne: Wording("“max_length” must be at least 1")
        case .messageWithoutConstraint: Wording("“message” goes with a “constraint”, missing here")
        case .matrixWithoutItems: Wording("a matrix question must have “items”")
        case .missingChoices(let type): Wording("a \(type.rawValue) question must name its list of choices (“choices”)")
        case .missingScale(let type): Wording("a \(type.rawValue) question must name its scale (“scale”)")

        // Whole questionnaire
        case .duplicateIdentifier(let id, let existing, let existingAt, let createdByOther):
            Wording(
                existing == id ? "identifier “\(id)” repeated" : "identifier “\(id)” too close to “\(existing)” (only the case differs)",
                hint: createdByOther
                    ? "“other: true” creates the variable “\(id)”; rename the other question"
                    : "already used at \(existingAt.line):\(existingAt.column); every section, question and item needs its own identifier")
        case .undeclaredTheme(let theme, let suggestion): Wording("theme “\(theme)” is not declared in the campaign", hint: didYouMean(suggestion))
        case .foreachNotMultiple(let id, let type): Wording("“foreach” must name a multiple-choice question; “\(id)” is of type \(type.rawValue)")
        case .foreachNotEarlier(let id, let suggestion):
            Wording("“foreach” names “\(id)”, which is not a question asked before this section", hint: didYouMean(suggestion))
        case .listHasOtherCode(let list): Wording("the list “\(list)” already has a choice “\(Questionnaire.otherCode)”, reserved for “other: true”")
        case .exclusiveOutsideMultiple: Wording("“exclusive” only has an effect in a multiple question")
        case .minAboveChoiceCount(let min, let list, let count): Wording("min (\(format(min))) exceeds the number of choices of “\(list)” (\(count))")
        case .undefinedList(let id, let suggestion):
            Wording("list of choices “\(id)” is not defined", hint: didYouMean(suggestion) ?? "define it under “lists:” or include the library that holds it")
        case .undefinedScale(let id, let suggestion):
            Wording("scale “\(id)” is not defined", hint: didYouMean(suggestion) ?? "define it under “scales:” or include the library that holds it")
        case .polarityNotText(let type): Wording("“polarity” only applies to open questions (type text), not to a \(type.rawValue) question")
        case .diffusionRoleType(let role, let expected, let actual):
            Wording(
                "the diffusion role “\(role.rawValue)” expects a \(expected.map(\.rawValue).sorted().joined(separator: " or ")) question, not \(actual.rawValue)"
            )
        case .diffusionRoleOutsideDeliverableSection(let role, let awareness):
            Wording(
                "the diffusion role “\(role.rawValue)” is only read in a section repeated per known deliverable (“foreach” over the “diffusion: awareness” question)",
                hint: awareness.map { "move the question into a section with “foreach: \($0)”, or remove “diffusion”" }
                    ?? "add the awareness question (type multiple, “diffusion: awareness”) and a “foreach” section over it, or remove “diffusion”")
        case .descriptiveScaleWithFavourable(let scale):
            Wording("the scale “\(scale)” is declared descriptive: it cannot have favourable levels", hint: "remove “favourable” or “descriptive: true”")
        case .scaleWithoutFavourableIsDescriptive(let scale):
            Wording(
                "the scale “\(scale)” has no favourable levels: it is treated as descriptive (a distribution, never classified as a strength or a difficulty)",
                hint: "write “descriptive: true” to say so, or list its favourable levels under “favourable”")
        case .reservedOtherSuffix:
            Wording("an identifier cannot end with “\(Questionnaire.otherSuffix)”: this suffix is reserved for the follow-ups of “other: true”")

        // Conditions
        case .repeatedQuestionOutsideItsSection(let id):
            Wording("“\(id)” is asked once per item (foreach): it can only be used in its own section")
        case .questionAskedLater(let id): Wording("“\(id)” is asked later: a condition can only use a question already asked")
        case .unknownQuestionInCondition(let id, let suggestion): Wording("unknown question “\(id)” in the condition", hint: didYouMean(suggestion))
        case .currentAnswerOutsideConstraint: Wording("“.” (the current answer) only makes sense in a “constraint”")
        case .numberComparedToText(let id, let text):
            Wording("“\(id)” is a number: it cannot be compared to the text \"\(text)\"", hint: "write the number without quotes")
        case .textComparedToNumber(let id, let number):
            Wording("“\(id)” is a text: it cannot be compared to the number \(format(number))", hint: "put the value between quotes")
        case .multipleComparedDirectly(let id): Wording("“\(id)” is multiple-choice: use selected(\(id), \"code\") or count(\(id))")
        case .notACode(let text, let id, let codes): Wording("“\(text)” is not a code of “\(id)”", hint: "possible codes: \(codes.joined(separator: ", "))")
        case .selectedOnNonChoice(let id, let type): Wording("selected() applies to a choice question, not to “\(id)” (\(type.rawValue))")

        // Campaign and codebook
        case .unsupportedCampaignFormat(let version): Wording("format \(version) is not supported (supported format: 1)")
        case .populationMismatch(let declared, let assigned):
            Wording("the questionnaire declares the population “\(declared)” but the campaign assigns it to “\(assigned)”")
        case .duplicateQuestionnaireID(let id, let usedBy): Wording("questionnaire identifier “\(id)” already used by \(usedBy)")
        case .sharedItemScaleDiffers(let id, let scale, let firstScale, let firstSeen):
            Wording(
                "the item “\(id)” uses the scale “\(scale ?? "?")” but “\(firstScale ?? "?")” in \(firstSeen)",
                hint:
                    "the same identifier in several questionnaires is one item compared across populations: it must keep the same scale (or change its identifier)"
            )
        case .minGroupBelowOne: Wording("“min_group” must be at least 1")
        case .duplicatePopulation(let population): Wording("population “\(population)” already declared")
        case .targetNotPositive: Wording("“target” must be a positive head count")
        case .questionnaireFileNotFound(let file): Wording("file not found: \(file)", hint: "the path is relative to the campaign file")
        case .duplicateTheme(let id, let previousLine): Wording("theme “\(id)” already declared on line \(previousLine)")
        case .difficultyAboveForce(let difficulty, let force):
            Wording("the “difficulte” threshold (\(format(difficulty))) exceeds the “force” threshold (\(format(force)))")
        case .thresholdOutOfRange: Wording("a threshold is a percentage between 0 and 100")
        case .themeWithoutPatterns(let id): Wording("the theme “\(id)” has no pattern")

        // prst validate
        case .codebookNotCited: Wording("codebook cited by no campaign of this folder: its themes are not checked")
        case .questionnaireNotCited: Wording("no campaign of this folder cites this questionnaire: its themes are not checked")

        // Plan monitoring
        case .monitoring(let problem): wording(for: problem)
        }
    }

    static let identifierRule =
        "an identifier starts with a lowercase letter, followed by lowercase letters without accents, digits or “_”, 32 characters at most"

    static func didYouMean(_ suggestion: String?) -> String? {
        suggestion.map { "did you mean “\($0)”?" }
    }

    static func name(of key: DefinitionKey) -> String {
        switch key {
        case .named(let name): name
        case .scaleIdentifier: "scale identifier"
        case .listIdentifier: "list identifier"
        case .unitsIdentifier: "units referential identifier"
        }
    }

    static func name(of part: DefinitionPart) -> String {
        switch part {
        case .questionnaire: "the questionnaire"
        case .includedFile: "the included file"
        case .library: "an included file (library)"
        case .scale(let id): "the scale “\(id)”"
        case .choice: "a choice"
        case .section: "a section"
        case .question: "a question"
        case .matrixItem: "a matrix item"
        case .campaign: "the campaign"
        case .populationEntry: "an entry of “questionnaires”"
        case .theme: "a theme"
        case .thresholds: "“thresholds”"
        case .codebook: "the codebook"
        case .codebookTheme: "a codebook theme"
        case .unitReferential(let id): "units referential “\(id)”"
        case .unit: "a unit"
        case .reporting: "the “reporting” block"
        case .periodRange: "the year range “periods”"
        case .repeatBlock: "the “repeat” block"
        }
    }

    static func text(of error: YAMLSyntaxError) -> String {
        switch error {
        case .parser(let message): message
        case .duplicatedKeys(let keys): "duplicated key: \(keys.joined(separator: ", "))"
        }
    }

    static func text(of advice: YAMLAdvice) -> String {
        switch advice {
        case .indentationAndQuotes: "check the indentation (spaces, not tabs) and the quotes around texts containing “:” or “#”"
        case .quoteConditionInBraces:
            "in a mapping between braces { … }, a condition containing “,”, “[” or “]” must be between single quotes, for example when: 'selected(q, \"a\")'"
        case .noTabs: "YAML does not accept tabs for indentation: replace them with spaces"
        }
    }

    static func text(of syntax: ConditionSyntaxProblem) -> String {
        switch syntax {
        case .empty: "empty condition"
        case .incomplete: "incomplete condition"
        case .unexpectedElement(let element): "unexpected element “\(element)”"
        case .inNeedsList: "“in” must be followed by a list between brackets, for example in [\"a\", \"b\"]"
        case .listSeparatorExpected: "“,” or “]” expected in the list"
        case .closingParenthesisExpected: "closing parenthesis “)” expected"
        case .unknownFunction(let name): "unknown function “\(name)” (functions: selected, count, answered)"
        case .argumentSeparatorExpected(let function): "“,” or “)” expected in the call of \(function)"
        case .wrongArgumentCount(let function, let expected): "\(function)() takes \(expected) argument\(expected > 1 ? "s" : "")"
        case .firstArgumentNotQuestion(let function): "the first argument of \(function)() must be a question's identifier (or “.” in a constraint)"
        case .unclosedQuote: "closing quote missing"
        case .invalidNumber(let text): "invalid number “\(text)”"
        case .singleEquals: "“=” alone is not an operator: write “==” to test equality"
        case .unsupportedOperator(let character): "“\(character)” is not recognised: write and, or, not or !="
        case .unexpectedCharacter(let character): "unexpected character “\(character)”"
        }
    }
}
