import SurveyCore
import Testing

/// One value of every command problem: French and English words, and the French sentences the
/// commands printed before they were typed (the end-to-end tests read several of them).
private let change = DefinitionChange.choiceRemoved(code: "vert", of: .init(id: "couleurs", number: "Q2"))

private let commandProblems: [CommandProblem] = [
    .storeMissing(path: "a.sqlite"), .notAStoreFile(path: "notes.txt"), .noStoreToCompare(path: "a.sqlite"), .noStoreToReport(path: "a.sqlite"),
    .noPreviousWaveStore(path: "prst3.sqlite"),
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
        // The consequence on a line of its own, after the store's detail lines.
        let lostCodes = Problem.command(.noCodeCreated(after: .incompatibleDefinition(questionnaireID: "court", version: 1, changes: [change])))
        #expect(lostCodes.lines(in: .fr).count == 1)
        #expect(lostCodes.message(in: .fr).hasSuffix("a été retiré\nAucun code n'a été créé."))
    }

    /// One French plural for `prst status` and the monitoring synthesis (status wrote
    /// « service de santés » for a kind of several words).
    @Test func frenchPluralsOfUnitKinds() {
        #expect(FrenchPlural.of("fiche-action") == "fiches-actions")
        #expect(FrenchPlural.of("service de santé") == "services de santé")
        #expect(FrenchPlural.of("SPSTI") == "SPSTI")
        #expect(FrenchPlural.of("bureau") == "bureaux")
        #expect(FrenchPlural.of("commission", count: 1) == "commission")
        #expect(FrenchPlural.of("commission", count: 2) == "commissions")
    }
}

private let counts = CommandOutcome.ResponseCounts(valid: 12, completed: 10, inProgress: 2)
private let mergeCounts: CommandOutcome.MergeCounts = {
    var counts = CommandOutcome.MergeCounts()
    counts.sessionsAdded = 2
    counts.answersAdded = 1
    counts.sessionsSkipped = 1
    counts.tokensUpdated = 1
    return counts
}()

private let commandOutcomes: [CommandOutcome] = [
    .definitionsValid(paths: ["surveys"], warnings: 0), .definitionsValid(paths: ["a.yaml", "b.yaml"], warnings: 2),
    .importChecked(counts, file: "r.csv"), .importEmpty(file: "r.csv"), .imported(counts, store: "a.sqlite"), .exportWithoutStore(path: "a.sqlite"),
    .exportFileWritten(path: "x/pilotes.csv", responses: 3, columns: 40), .exportDictionaryWritten(directory: "x"),
    .populationSimulated(population: "pilotes", sessions: 17),
    .simulationWritten(store: "a.sqlite"), .backupWritten(store: "a.sqlite", destination: "b.sqlite"), .noSessionYet(store: "a.sqlite"),
    .nothingToPurge(olderThan: "30d"), .finishedMeanwhile(count: 1), .purged(sessions: 2),
    .invitationsWritten(count: 3, questionnaireID: "pilotes", version: 1, file: "i.csv"), .tokenAlreadyRevoked, .tokenRevokedWhileInProgress,
    .tokenRevoked, .answersReceipt(sessionID: "S7K2M9QF"), .invitationCodeAsked,
    .purgePlan(sessionIDs: ["S1", "S2"], completed: 1, inProgress: 1, answers: 9, tokensFreed: 1), .merged(into: "a.sqlite", mergeCounts),
    .noInvitationCode(store: "a.sqlite"), .invitationCodesTotal(byState: [.init(.unused, 2), .init(.inProgress, 2), .init(.completed, 1)]),
]

@Suite("Command outcomes are worded in French and in English")
struct CommandOutcomeWordingTests {
    @Test(arguments: commandOutcomes)
    func everyOutcomeHasWordsInBothLanguages(_ outcome: CommandOutcome) {
        let french = outcome.text(in: .fr), english = outcome.text(in: .en)
        #expect(!french.isEmpty && french != english, "not translated: \(french)")
        for frenchWord in [" dans ", " réponse", "écrit", "Aucun"] { #expect(!english.contains(frenchWord), "\(english)") }
    }

    @Test func frenchLinesAreTheCommandsOwn() {
        #expect(
            CommandOutcome.invitationCodesTotal(byState: [.init(.unused, 2), .init(.inProgress, 2), .init(.completed, 1), .init(.revoked, 0)]).text(
                in: .fr
            ).hasPrefix("Total : 5 codes (2 non utilisés, 2 en cours, 1 terminé)."))
        #expect(
            CommandOutcome.merged(into: "a.sqlite", mergeCounts).text(in: .fr)
                == "Fusion dans a.sqlite : 2 sessions ajoutées (1 réponse), 1 déjà présente (ignorée).\n"
                + "Définitions de questionnaires : 0 ajoutée, 0 déjà présente.\nCodes d'invitation : 0 ajouté, 1 mis à jour, 0 inchangé.")
        let ids = (1...52).map { "S\($0)" }
        #expect(
            CommandOutcome.purgePlan(sessionIDs: ids, completed: 2, inProgress: 50, answers: 1, tokensFreed: 2).text(in: .fr)
                == "À effacer : 52 sessions (2 terminées, 50 non terminées), 1 réponse.\nSessions : \(ids.prefix(50).joined(separator: ", ")), … (2 de plus)\n"
                + "2 codes d'invitation redeviendront utilisables.")
        #expect(
            CommandOutcome.imported(counts, store: "a.sqlite").text(in: .fr)
                == "12 réponse(s) (10 terminée(s), 2 en cours) importée(s) dans a.sqlite, marquées « importées ».")
        #expect(CommandOutcome.definitionsValid(paths: ["a.yaml", "b.yaml"], warnings: 2).text(in: .fr) == "a.yaml b.yaml : valide, avec 2 avertissements.")
        #expect(CommandOutcome.definitionsValid(paths: ["surveys"], warnings: 0).text(in: .fr) == "surveys : valide.")
        #expect(
            CommandOutcome.invitationsWritten(count: 1, questionnaireID: "p", version: 2, file: "i.csv").text(in: .fr).hasPrefix(
                "1 code d'invitation pour « p » version 2 écrit dans i.csv.\nCe fichier est le seul"))
    }
}
