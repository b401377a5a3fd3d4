import SurveyCore
import Testing

/// One value of every command problem: French and English words, and the French sentences the
/// commands printed before they were typed (the end-to-end tests read several of them).
private let change = DefinitionChange.choiceRemoved(code: "vert", of: .init(id: "couleurs", number: "Q2"))

private let commandProblems: [CommandProblem] = [
    .storeMissing(path: "a.sqlite"), .notAStoreFile(path: "notes.txt"), .noStoreToCompare(path: "a.sqlite"), .noStoreToReport(path: "a.sqlite"),
    .noStoreYet(path: "a.sqlite"), .storeHoldsRealResponses(path: "a.sqlite"), .invalidQuestionnaire(path: "q.yaml"),
    .invalidQuestionnaireNoCodeCreated(path: "q.yaml"), .invalidQuestionnaireToFilter(path: "q.yaml"), .invalidCampaign,
    .definitionFileMissing(path: "c.yaml"), .notADefinition(path: "x.yaml"), .questionnaireNotInCampaign(id: "pilotes"),
    .questionnaireChangedSinceStored(store: "a.sqlite", problems: [.incompatibleChange(change)]), .fileMissing(path: "r.csv"),
    .fileTooLarge(path: "r.csv", megabytes: 600, limitMegabytes: 500), .fileUnreadable(path: "r.csv"), .manualCodingUnreadable(path: "codage.csv"),
    .cannotCreateFolder(path: "out"), .cannotWrite(path: "out/a.csv"), .cannotWritePreview(path: "p.md"), .diskFullWhileExporting(path: "out/a.csv"),
    .respondentsNotPopulationCounts(part: "pilotes"), .definitionsHaveProblems(errors: 2, warnings: 1), .nothingImported,
    .moreImportErrorsNotShown(count: 3), .importHasErrors(count: 4, file: "r.csv"), .invitationRequired, .unknownResumeCode("ZZZZ-ZZZZ"),
    .resumeCodeOfAnotherQuestionnaire(found: "autre", expected: "court"), .openAccessQuestionnaire(id: "court", file: "q.yaml"),
    .invitationFileExists(path: "i.csv"), .cannotCreateInvitationFile(path: "i.csv"), .noCodeCreated(after: .diskFull(path: "a.sqlite")),
    .invitationCodesLost(path: "i.csv", count: 5), .purgeNotConfirmed,
]

@Suite("Command problems are worded in French and in English")
struct CommandWordingTests {
    @Test(arguments: commandProblems)
    func everyCommandProblemHasWordsInBothLanguages(_ problem: CommandProblem) {
        let french = Problem.command(problem).message(in: .fr), english = Problem.command(problem).message(in: .en)
        #expect(!french.isEmpty && !english.isEmpty)
        #expect(french != english, "not translated: \(french)")
        for frenchWord in [" doit ", " une ", " est ", "vérifiez", "n'existe", "Rien n'a"] {
            #expect(!english.contains(frenchWord), "\(english)")
        }
        for englishWord in [" must ", " the ", " does not ", "check ", "Nothing "] {
            #expect(!french.contains(englishWord), "\(french)")
        }
    }

    /// The sentences exactly as the commands printed them when they were built inline.
    @Test func frenchSentencesAreTheCommandsOwn() {
        func french(_ problem: CommandProblem) -> String { Problem.command(problem).message(in: .fr) }
        #expect(
            french(.invalidQuestionnaire(path: "q.yaml")) == "Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (prst validate q.yaml).")
        #expect(french(.definitionsHaveProblems(errors: 2, warnings: 1)) == "2 erreurs, 1 avertissement : corrigez puis relancez « prst validate ».")
        #expect(french(.definitionsHaveProblems(errors: 1, warnings: 0)) == "1 erreur, 0 avertissement : corrigez puis relancez « prst validate ».")
        #expect(
            french(.storeMissing(path: "a.sqlite"))
                == "Le fichier de réponses « a.sqlite » n'existe pas : indiquez le bon fichier avec --store (ou PRST_STORE).")
        #expect(
            french(.unknownResumeCode("ZZZZ-ZZZZ"))
                == "Code de reprise inconnu : « ZZZZ-ZZZZ ». Vérifiez le code (par exemple K7F3-9QXM) et le fichier de réponses (--store).")
        #expect(french(.respondentsNotPopulationCounts(part: "x")) == "--respondents : « x » n'est pas de la forme population=nombre")
    }

    /// A refusal prints the message, then each detail on an indented line.
    @Test func detailsAreListedUnderTheMessage() {
        let changed = Problem.command(.questionnaireChangedSinceStored(store: "a.sqlite", problems: [.incompatibleChange(change)]))
        #expect(
            changed.lines(in: .fr) == [
                "Le questionnaire a changé depuis les réponses déjà enregistrées dans a.sqlite : donnez-lui un nouveau numéro de version (version:) avant d'importer.",
                "  - le choix « vert » de la question « couleurs » (Q2) a été retiré",
            ])
        #expect(changed.lines(in: .en).last == "  - the choice “vert” of the question “couleurs” (Q2) was removed")
        let incompatible = Problem.store(.incompatibleDefinition(questionnaireID: "court", version: 1, changes: [change]))
        #expect(incompatible.lines(in: .fr).count == 2)
        // The consequence stays on the store's last line, as before.
        let lostCodes = Problem.command(.noCodeCreated(after: .incompatibleDefinition(questionnaireID: "court", version: 1, changes: [change])))
        #expect(lostCodes.lines(in: .fr).count == 1)
        #expect(lostCodes.message(in: .fr).hasSuffix("a été retiré Aucun code n'a été créé."))
    }
}
