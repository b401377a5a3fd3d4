import SurveyCore
import Testing

/// One value of every problem case. The wording's switches are exhaustive, so a new case cannot
/// compile without French and English words; this list checks those words read as meant.
private let here = SourceLocation(file: "q.yaml", line: 3, column: 5)

private let definitionProblems: [DefinitionProblem] = [
    .fileUnreadable(path: "lib.yaml"), .emptyFile, .binaryFile, .notUTF8, .pathNotFound, .noDefinitionFiles,
    .noYAMLData, .unreadableYAML(details: "boom"), .yamlSyntax(.parser("mapping values are not allowed here"), advice: .indentationAndQuotes),
    .yamlSyntax(.duplicatedKeys(["id"]), advice: .quoteConditionInBraces), .yamlSyntax(.parser("x"), advice: .noTabs),
    .notAMapping(.scale("accord4")), .invalidKey(in: .section), .unknownKey("titel", in: .question, suggestion: "title", allowed: ["title"]),
    .unknownKey("zzz", in: .questionnaire, suggestion: nil, allowed: ["id", "title"]), .missingKey("id", in: .choice),
    .notText(key: "label"), .notText(key: .scaleIdentifier), .emptyText(key: .listIdentifier), .invalidIdentifier("Q1", suggestion: "q1"),
    .invalidIdentifier("1", suggestion: nil),
    .notInteger(key: "version"), .notNumber(key: "min"), .notBoolean(key: "other"), .notBooleanWord(key: "other", value: "peut-être"),
    .unknownWord("singel", key: "type", suggestion: "single", allowed: ["single"]), .notList(key: "sections"),
    .missingFormat, .unsupportedFormat(2), .questionnaireNotMapping, .versionNotPositive, .noSections,
    .circularInclude(cycle: ["a.yaml", "b.yaml", "a.yaml"]), .duplicateScale("accord4", previous: here), .duplicateList("cibles", previous: here),
    .scalesNotMapping, .listsNotMapping, .emptyList("cibles"), .tooFewLevels(scale: "accord4"),
    .unknownFavourableLevel("5", scale: "accord4", levels: ["1", "2"]), .codeIsLevelAndMissing("9"), .levelCodeNotInteger("nsp"),
    .invalidChoiceCode("É"), .duplicateCode("oui", previousLine: 4), .invalidCondition(.empty), .emptySection("s1"),
    .keyNotForType("scale", type: .text, usedWith: [.matrix, .scale]), .keyOnNote("required"), .minAboveMax(min: 3, max: 1),
    .maxLengthBelowOne, .messageWithoutConstraint, .matrixWithoutItems, .missingChoices(.single), .missingScale(.matrix),
    .duplicateIdentifier("q1", existing: "q1", existingAt: here, createdByOther: false),
    .duplicateIdentifier("Q1", existing: "q1", existingAt: here, createdByOther: true), .undeclaredTheme("sante", suggestion: "santé"),
    .foreachNotMultiple("q1", type: .single), .foreachNotEarlier("q9", suggestion: nil), .listHasOtherCode(list: "cibles"),
    .exclusiveOutsideMultiple, .minAboveChoiceCount(min: 5, list: "cibles", count: 2), .undefinedList("cible", suggestion: "cibles"),
    .undefinedScale("accord", suggestion: nil), .polarityNotText(.scale), .diffusionRoleType(.usefulness, expected: [.scale], actual: .text),
    .diffusionRoleOutsideDeliverableSection(.relay, awareness: "connait"), .diffusionRoleOutsideDeliverableSection(.use, awareness: nil),
    .descriptiveScaleWithFavourable(scale: "frequence4"), .scaleWithoutFavourableIsDescriptive(scale: "frequence4"),
    .reservedOtherSuffix, .repeatedQuestionOutsideItsSection("utilise"), .questionAskedLater("q9"),
    .unknownQuestionInCondition("q0", suggestion: "q1"), .currentAnswerOutsideConstraint, .numberComparedToText("nb", text: "3"),
    .textComparedToNumber("remarques", number: 2), .multipleComparedDirectly("connus"), .notACode("peut", of: "q1", codes: ["oui", "non"]),
    .selectedOnNonChoice("nb", type: .number), .unsupportedCampaignFormat(3), .populationMismatch(declared: "pilotes", assigned: "relais"),
    .duplicateQuestionnaireID("pilotes", usedBy: "a.yaml"), .sharedItemScaleDiffers("a1", scale: "accord4", firstScale: nil, firstSeen: "a.yaml:3:5"),
    .minGroupBelowOne, .duplicatePopulation("pilotes"), .targetNotPositive, .questionnaireFileNotFound("p.yaml"),
    .duplicateTheme("sante", previousLine: 4), .difficultyAboveForce(difficulty: 80, force: 70), .thresholdOutOfRange,
    .themeWithoutPatterns("sante"), .codebookNotCited, .questionnaireNotCited,
]

private let conditionSyntaxProblems: [ConditionSyntaxProblem] = [
    .empty, .incomplete, .unexpectedElement(")"), .inNeedsList, .listSeparatorExpected, .closingParenthesisExpected, .unknownFunction("frob"),
    .argumentSeparatorExpected(function: "count"), .wrongArgumentCount(function: "selected", expected: 2),
    .firstArgumentNotQuestion(function: "count"), .unclosedQuote, .invalidNumber("1.2.3"), .singleEquals, .unsupportedOperator("&"),
    .unexpectedCharacter("@"),
]

private let answerProblems: [AnswerProblem] = [
    .answerRequired, .unknownChoice, .unknownLevel, .answerNotOffered, .noChoiceSelected, .choiceSelectedTwice, .unknownChoiceCode("x"),
    .exclusiveCombined(label: "Aucun"), .tooFewChoices(minimum: 2), .tooManyChoices(maximum: 3), .notWholeNumber,
    .numberBelowMinimum(0.5), .numberAboveMaximum(60), .textTooLong(maximum: 10, typed: 12), .typeMismatch, .constraintBroken(authorMessage: nil),
    .partAboveTotal(total: 10.5, totalNumber: "5[2]"), .totalBelowPart(part: 8, partNumber: "6"),
]

private let monitoringProblems: [MonitoringProblem] = [
    .unitsNotAMapping, .unitReferentialDefinedTwice(id: "fiches", previous: here), .emptyUnitReferential(id: "fiches"), .emptyUnitCode,
    .duplicateUnitCode(code: "fa_1_1", previousLine: 4), .unknownUnitReferential(id: "fiche", suggestion: "fiches", known: ["fiches"]),
    .unknownUnitReferential(id: "spsti", suggestion: nil, known: []), .unknownUnitReferential(id: "spsti", suggestion: nil, known: ["fiches"]),
    .noPeriods, .invalidPeriodCode("PRST 3"), .yearOutOfRange(20202), .periodRangeReversed(from: 2021, to: 2019),
    .duplicatePeriod(code: "PRST3", previousLine: 2), .repeatWithForeach, .repeatMinNegative(-1), .repeatMaxBelowOne(0),
    .repeatMinAboveMax(min: 5, max: 3), .repetitionNumberOutsideRepeat(section: "s1"),
    .repeatedQuestionOutsideItsSection(id: "livrable_titre", section: "livrables"), .foreachOverRepeatedQuestion(id: "connus", section: "livrables"),
    .partOfSelf(id: "nb_tpe"), .partOfUnknown(id: "nb", suggestion: "nb_total"), .partOfUnknown(id: "nb", suggestion: nil),
    .partOfLater(id: "nb_total"), .partOfOtherSection(id: "nb_total", section: "s1"), .partOfNotNumber(id: "entreprises", type: .text),
]

private let importProblems: [ImportProblem] = [
    .csvNotUTF8(byte: 0xE9), .csvUnclosedQuote(line: 2), .csvStrayQuote, .csvEmpty, .duplicateColumn("nb", firstColumn: 5),
    .unknownColumn("remarque", questionnaire: "essai", suggestion: "remarques"), .missingColumns(["a", "b"]),
    .fieldCountMismatch(values: 5, columns: 13), .valueInUnnamedColumn("oups"), .sessionAlreadyStored("S1", store: "prst.sqlite"),
    .cell(column: "session", .invalidSessionID("S 7")), .cell(column: "session", .sessionRepeated("S1", firstRow: 2)),
    .cell(column: "statut", .unknownStatus("fini")), .cell(column: "debut", .notADate("hier")), .cell(column: "fin", .endBeforeStart),
    .cell(column: "utile__plaquette", .repetitionNotOpened(choice: "plaquette", foreachNumber: "5")),
    .cell(column: "nb", .answer(questionNumber: "3", .numberAboveMaximum(10))), .cell(column: "a1", .requiredCellEmpty(questionNumber: "2a")),
    .cell(column: "a1", .notAskedButAsked(questionNumber: "2a", conditions: ["x"])),
    .cell(column: nil, .answeredButNotAsked(questionNumber: "2a", conditions: [])),
    .cell(column: "participe", .notACode("maybe", codes: ["oui", "non"], more: true, suggestion: nil)), .cell(column: "nb", .notANumber("abc")),
    .cell(column: "connus__guide", .notAskedInOneColumn), .cell(column: "connus__aucun", .notZeroOrOne("2")),
    .repetitionAboveMaximum("livrable_titre__41", item: "livrable", maximum: 40), .cell(column: "unite", .unitMissing(kind: "fiche-action")),
    .cell(column: "unite", .unknownUnit("fa_9", kind: "fiche-action", referential: "fiches_prst3", codes: ["fa_1_1"], more: true, suggestion: "fa_1_1")),
    .cell(column: "periode", .periodMissing(periods: ["PRST3"])), .cell(column: "periode", .unknownPeriod("PRST2", periods: ["PRST3"], suggestion: nil)),
    .cell(column: "unite", .reportingRepeated(unit: "fa_1_1", period: "PRST3", firstRow: 2)),
    .cell(column: "livrable_titre__3", .repetitionGap(item: "livrable", number: 3, missing: 2)),
    .cell(column: "intitule__2", .repetitionBelowMinimum(item: "action", minimum: 2, number: 2)),
    .reportingKeyAlreadyStored(unit: "fa_1_1", period: "PRST3", session: "S1", store: "prst.sqlite"),
]

private let storeProblems: [StoreProblem] = [
    .notAStore(path: "a.sqlite"), .notAStore(path: nil), .cannotOpen(path: "a.sqlite"), .readOnly(path: nil), .diskFull(path: "a.sqlite"),
    .busy(path: nil), .corrupt(path: "a.sqlite"), .ioError(path: nil), .unexpected(path: "a.sqlite", sqliteCode: 21, details: nil),
    .unexpectedFailure(path: nil),
    .reportingResponseAlreadySent(questionnaireID: "bilan", version: 1, unit: "fa_1_1", unitLabel: "1.1 – Culture de prévention", period: "PRST3"),
    .reportingResponseAlreadySent(questionnaireID: "bilan", version: 1, unit: "fa_1_1", unitLabel: nil, period: "PRST3"),
    .reportingResponseInProgress(questionnaireID: "bilan", version: 1, unit: "fa_1_1", unitLabel: "1.1 – Culture de prévention", period: "PRST3"),
    .reportingKeyAlreadyStored(questionnaireID: "bilan", version: 1, unit: "fa_1_1", period: "PRST3", session: "S1"),
    .mergeReportingConflicts(count: 2, shown: ["fa_1_1 × PRST3 (bilan)"], source: "b.sqlite", target: nil),
]

private let reportingProblems: [ReportingProblem] = [
    .unknownUnit(typed: "fa_11", kind: "fiche-action", suggestion: "fa_1_1", valid: ["fa_1_1", "fa_2_6"]),
    .unknownUnit(typed: "zz", kind: "SPSTI", suggestion: nil, valid: ["s_ain"]),
    .unknownPeriod(typed: "PRST2", suggestion: "PRST3", valid: ["PRST3"]), .unknownPeriod(typed: "1999", suggestion: nil, valid: ["2020", "2021"]),
    .notAReportingQuestionnaire(questionnaireID: "pilotes", option: "--unit"), .noChoiceMade(kind: "commission"),
]

private let everyProblem: [Problem] =
    definitionProblems.map(Problem.definition) + conditionSyntaxProblems.map { .definition(.invalidCondition($0)) }
    + monitoringProblems.map { .definition(.monitoring($0)) }
    + answerProblems.map(Problem.answer) + importProblems.map(Problem.importCell) + storeProblems.map(Problem.store)
    + reportingProblems.map(Problem.reporting)

@Suite("Problems are worded in French and in English")
struct ProblemWordingTests {
    @Test(arguments: everyProblem)
    func everyProblemHasWordsInBothLanguages(_ problem: Problem) {
        let french = problem.wording(in: .fr), english = problem.wording(in: .en)
        #expect(!french.message.isEmpty && !english.message.isEmpty)
        #expect(french.message != english.message, "not translated: \(french.message)")
        #expect((french.hint == nil) == (english.hint == nil), "a hint in one language only")
        if let hint = english.hint { #expect(hint != french.hint) }
        // English words never slip into French, nor French into English.
        for frenchWord in [" doit ", " une ", " est ", "vouliez", "vérifiez", "identifiant "] {
            #expect(!(english.message + (english.hint ?? "")).contains(frenchWord), "\(english.message)")
        }
        for englishWord in [" must ", " the ", "did you mean", "check "] {
            #expect(!(french.message + (french.hint ?? "")).contains(englishWord), "\(french.message)")
        }
    }

    @Test func aFewEnglishMessagesExactly() {
        let unknown = Diagnostic.error(here, DefinitionProblem.unknownKey("titel", in: .question, suggestion: "title", allowed: ["title"]))
        #expect(unknown.description(in: .en) == "q.yaml:3:5: error: unknown key “titel” in a question\n    note: did you mean “title”?")
        #expect(unknown.description == "q.yaml:3:5: error: clé inconnue « titel » dans une question\n    note: vouliez-vous dire « title » ?")
        #expect(
            Problem.definition(.invalidCondition(.singleEquals)).message(in: .en)
                == "invalid condition: “=” alone is not an operator: write “==” to test equality")
        #expect(Problem.answer(.numberBelowMinimum(0.5)).message(in: .en) == "The number must be at least 0.5.")
        #expect(Problem.answer(.numberBelowMinimum(0.5)).message(in: .fr) == "Le nombre doit être au moins 0,5.")
        #expect(
            Problem.importCell(.cell(column: "nb", .answer(questionNumber: "3", .numberAboveMaximum(10)))).message(in: .en)
                == "column “nb”: question 3: The number must be at most 10.")
        #expect(
            Problem.store(.diskFull(path: nil)).message(in: .en)
                == "The disk is full: the answer could not be saved in the response store. Free some space and try again.")
    }

    @Test func theAuthorsConstraintMessageIsShownAsWritten() {
        let broken = Problem.answer(.constraintBroken(authorMessage: "Deux cibles au plus."))
        #expect(broken.message(in: .fr) == "Deux cibles au plus.")
        #expect(broken.message(in: .en) == "Deux cibles au plus.")
    }

    @Test func locationsPrintFileRowAndColumnWhenKnown() {
        #expect(SourceLocation(file: "f.csv", line: 2, column: 5).description == "f.csv:2:5")
        #expect(SourceLocation(file: "f.csv", line: 7).description == "f.csv:7")
        #expect(SourceLocation(file: "f.csv").description == "f.csv")
        let diagnostic = Diagnostic.error(SourceLocation(file: "f.csv", line: 7), ImportProblem.fieldCountMismatch(values: 5, columns: 13))
        #expect(diagnostic.locatedMessage(in: .fr) == "f.csv:7: la ligne a 5 valeur(s) alors que l'en-tête a 13 colonnes : un séparateur en trop ou en moins ?")
    }

    @Test func oneCollectorGathersEveryFamily() {
        var collector = DiagnosticCollector()
        collector.error(here, .emptyFile)
        collector.warning(here, .exclusiveOutsideMultiple)
        collector.error(SourceLocation(file: "f.csv", line: 2), ImportProblem.csvStrayQuote)
        collector.error(SourceLocation(file: "prst.sqlite"), StoreProblem.busy(path: "prst.sqlite"))
        collector.error(here, Problem.answer(.typeMismatch))
        collector.error(here, .emptyFile)
        #expect(collector.errors.count == 5 && collector.warnings.count == 1)
        #expect(collector.sorted.count == 5, "repeats are dropped")
        #expect(collector.sorted.first?.location.file == "f.csv")
    }
}
