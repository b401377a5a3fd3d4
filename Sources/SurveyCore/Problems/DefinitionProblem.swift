import Foundation

/// Why a definition file (questionnaire, campaign, library, codebook) cannot be used as written.
/// Keys, codes and identifiers are the author's own words, kept verbatim; `suggestion` is the
/// closest known word ("did you mean …?") when there is one.
package enum DefinitionProblem: Sendable, Hashable {
    // MARK: Reading the file
    /// The file cannot be read at `path` (relative to the file that cites it).
    case fileUnreadable(path: String)
    case emptyFile
    case binaryFile
    case notUTF8
    /// A path given to `prst validate` that does not exist.
    case pathNotFound
    /// A directory given to `prst validate` with no `.yaml` file.
    case noDefinitionFiles

    // MARK: YAML
    case noYAMLData
    /// Yams failed in a way it does not locate; its own (English) text.
    case unreadableYAML(details: String)
    case yamlSyntax(YAMLSyntaxError, advice: YAMLAdvice)

    // MARK: Keys and values (any file)
    case notAMapping(DefinitionPart)
    case invalidKey(in: DefinitionPart)
    case unknownKey(String, in: DefinitionPart, suggestion: String?, allowed: [String])
    case missingKey(String, in: DefinitionPart)
    case notText(key: DefinitionKey)
    case emptyText(key: DefinitionKey)
    case invalidIdentifier(String, suggestion: String?)
    case notInteger(key: DefinitionKey)
    case notNumber(key: DefinitionKey)
    case notBoolean(key: DefinitionKey)
    /// A plain scalar that is neither true/false nor yes/no/oui/non.
    case notBooleanWord(key: DefinitionKey, value: String)
    case unknownWord(String, key: DefinitionKey, suggestion: String?, allowed: [String])
    case notList(key: DefinitionKey)

    // MARK: Questionnaire and library files
    case missingFormat
    case unsupportedFormat(Int)
    case questionnaireNotMapping
    case versionNotPositive
    case noSections
    /// Each file of the cycle by name, the repeated one last.
    case circularInclude(cycle: [String])
    case duplicateScale(String, previous: SourceLocation)
    case duplicateList(String, previous: SourceLocation)
    case scalesNotMapping
    case listsNotMapping
    case emptyList(String)
    case tooFewLevels(scale: String)
    case unknownFavourableLevel(String, scale: String, levels: [String])
    case codeIsLevelAndMissing(String)
    case levelCodeNotInteger(String)
    case invalidChoiceCode(String)
    case duplicateCode(String, previousLine: Int)
    case invalidCondition(ConditionSyntaxProblem)
    case emptySection(String)
    case keyNotForType(String, type: QuestionType, usedWith: [QuestionType])
    case keyOnNote(String)
    case minAboveMax(min: Double, max: Double)
    case maxLengthBelowOne
    case messageWithoutConstraint
    case matrixWithoutItems
    case missingChoices(QuestionType)
    case missingScale(QuestionType)

    // MARK: Whole questionnaire
    /// `existing` is the identifier first seen (same, or the same but for case) at `existingAt`;
    /// `createdByOther` when the repeated one is the follow-up variable of `other: true`.
    case duplicateIdentifier(String, existing: String, existingAt: SourceLocation, createdByOther: Bool)
    case undeclaredTheme(String, suggestion: String?)
    case foreachNotMultiple(String, type: QuestionType)
    case foreachNotEarlier(String, suggestion: String?)
    case listHasOtherCode(list: String)
    case exclusiveOutsideMultiple
    case minAboveChoiceCount(min: Double, list: String, count: Int)
    case undefinedList(String, suggestion: String?)
    case undefinedScale(String, suggestion: String?)
    case polarityNotText(QuestionType)
    case diffusionRoleType(DiffusionRole, expected: [QuestionType], actual: QuestionType)
    /// Use, relay and channel are read once per known deliverable; `awareness` names the
    /// awareness question when there is one, for the hint.
    case diffusionRoleOutsideDeliverableSection(DiffusionRole, awareness: String?)
    case descriptiveScaleWithFavourable(scale: String)
    case scaleWithoutFavourableIsDescriptive(scale: String)
    case reservedOtherSuffix

    // MARK: Conditions
    case repeatedQuestionOutsideItsSection(String)
    case questionAskedLater(String)
    case unknownQuestionInCondition(String, suggestion: String?)
    case currentAnswerOutsideConstraint
    case numberComparedToText(String, text: String)
    case textComparedToNumber(String, number: Double)
    case multipleComparedDirectly(String)
    case notACode(String, of: String, codes: [String])
    case selectedOnNonChoice(String, type: QuestionType)

    // MARK: Campaign and codebook
    case unsupportedCampaignFormat(Int)
    case populationMismatch(declared: String, assigned: String)
    case duplicateQuestionnaireID(String, usedBy: String)
    /// `firstSeen` is where the item was first met, printed as a location.
    case sharedItemScaleDiffers(String, scale: String?, firstScale: String?, firstSeen: String)
    case minGroupBelowOne
    case duplicatePopulation(String)
    case targetNotPositive
    case questionnaireFileNotFound(String)
    case duplicateTheme(String, previousLine: Int)
    case difficultyAboveForce(difficulty: Double, force: Double)
    case thresholdOutOfRange
    case themeWithoutPatterns(String)

    // MARK: prst validate
    case codebookNotCited
    case questionnaireNotCited

    // MARK: Plan monitoring
    /// Units referentials, the `reporting:` block, open repeats and number indicators.
    case monitoring(MonitoringProblem)
}

/// The key whose value is wrong: a YAML key as written (or a path such as `lists.cibles`), or
/// a mapping key that is itself an identifier.
package enum DefinitionKey: Sendable, Hashable, ExpressibleByStringLiteral {
    case named(String)
    /// A key of `scales:`, the scale's identifier.
    case scaleIdentifier
    /// A key of `lists:`, the list's identifier.
    case listIdentifier
    /// A key of `units:`, the units referential's identifier.
    case unitsIdentifier

    package init(stringLiteral value: String) { self = .named(value) }
}

/// What a key-value mapping is, named in messages about its keys.
package enum DefinitionPart: Sendable, Hashable {
    case questionnaire
    /// An included file, before its format is known.
    case includedFile
    /// An included file once read as a library of scales and lists.
    case library
    case scale(String)
    case choice
    case section
    case question
    case matrixItem
    case campaign
    case populationEntry
    case theme
    case thresholds
    case codebook
    case codebookTheme
    /// A units referential of `units:`, by its identifier.
    case unitReferential(String)
    /// One unit of a units referential.
    case unit
    /// A questionnaire's `reporting:` block.
    case reporting
    /// `periods: {from: …, to: …}`.
    case periodRange
    /// A section's `repeat:` block.
    case repeatBlock
}

/// What libyaml reported, in its own (English) words when it gave some.
package enum YAMLSyntaxError: Sendable, Hashable {
    /// libyaml's message, with its context when it gave one.
    case parser(String)
    case duplicatedKeys([String])
}

/// The advice that fits a YAML syntax error, judged from the lines just before it.
package enum YAMLAdvice: Sendable, Hashable {
    case indentationAndQuotes
    case quoteConditionInBraces
    case noTabs
}

/// Why a `when` or `constraint` expression does not parse.
package enum ConditionSyntaxProblem: Sendable, Hashable {
    case empty
    case incomplete
    case unexpectedElement(String)
    case inNeedsList
    case listSeparatorExpected
    case closingParenthesisExpected
    case unknownFunction(String)
    case argumentSeparatorExpected(function: String)
    case wrongArgumentCount(function: String, expected: Int)
    case firstArgumentNotQuestion(function: String)
    case unclosedQuote
    case invalidNumber(String)
    case singleEquals
    case unsupportedOperator(String)
    case unexpectedCharacter(String)
}

package extension DefinitionProblem {
    /// Whether the file could not be read as YAML at all, so that nothing else about it is known.
    var isUnreadableYAML: Bool {
        switch self {
        case .noYAMLData, .unreadableYAML, .yamlSyntax, .binaryFile: true
        default: false
        }
    }
}

package extension Diagnostic {
    /// Whether this reports a definition file that could not be read as YAML at all.
    var isUnreadableYAML: Bool {
        if case .definition(let problem) = problem { problem.isUnreadableYAML } else { false }
    }
}
