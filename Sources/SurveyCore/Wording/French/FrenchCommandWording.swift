import Foundation

extension FrenchWording {
    /// Why a command stopped, saying what to do.
    package static func wording(for problem: CommandProblem) -> Wording {
        switch problem {
        // The response store
        case .storeMissing(let path):
            Wording("Le fichier de réponses « \(path) » n'existe pas : indiquez le bon fichier avec --store (ou PRST_STORE).")
        case .notAStoreFile(let path):
            Wording("« \(path) » n'est pas un fichier de réponses prst : vérifiez le nom du fichier indiqué. Rien n'a été modifié.")
        case .noStoreToCompare(let path):
            Wording("Le fichier de réponses \(path) n'existe pas : aucune réponse à comparer.")
        case .noStoreToReport(let path):
            Wording("Aucune réponse : le fichier \(path) n'existe pas. Indiquez la base avec --store (ou la variable PRST_STORE).")
        case .noPreviousWaveStore(let path):
            Wording(
                "Le fichier de réponses de la vague précédente « \(path) » n'existe pas : indiquez avec --previous le fichier de la vague précédente (par exemple prst3.sqlite). Aucun rapport n'a été écrit."
            )
        case .noStoreYet(let path):
            Wording("Aucune réponse : le fichier \(path) n'existe pas encore.")
        case .storeHoldsRealResponses(let path):
            Wording("La base \(path) contient de vraies réponses : la simulation n'y écrit pas. Choisissez un autre fichier (--store essai.sqlite).")

        // Definition files
        case .invalidQuestionnaire(let path):
            Wording("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (\(advice(.validate(file: path)))).")
        case .invalidQuestionnaireNoCodeCreated(let path):
            Wording("Le questionnaire n'est pas valide : corrigez les erreurs ci-dessus (\(advice(.validate(file: path)))). Aucun code n'a été créé.")
        case .invalidQuestionnaireToFilter(let path):
            Wording("Le questionnaire \(path) n'est pas valide : vérifiez-le avec « \(advice(.validate(file: path))) ».")
        case .invalidCampaign:
            Wording("La campagne n'est pas valide : corrigez les erreurs ci-dessus (prst validate).")
        case .definitionFileMissing(let path):
            Wording("Le fichier « \(path) » n'existe pas : indiquez la campagne (campagne.yaml) ou un questionnaire.")
        case .notADefinition(let path):
            Wording("« \(path) » n'est ni une campagne ni un questionnaire : indiquez campagne.yaml ou un fichier de questionnaire.")
        case .questionnaireNotInCampaign(let id):
            Wording("Questionnaire « \(id) » inconnu de la campagne.")
        case .questionnaireChangedSinceStored(let store, _):
            Wording(
                "Le questionnaire a changé depuis les réponses déjà enregistrées dans \(store) : donnez-lui un nouveau numéro de version (version:) avant d'importer."
            )

        // Other files
        case .fileMissing(let path):
            Wording("Le fichier « \(path) » n'existe pas : vérifiez son nom et son dossier.")
        case .fileTooLarge(let path, let megabytes, let limit):
            Wording(
                "« \(path) » pèse \(megabytes) Mo, plus que les \(limit) Mo admis : est-ce bien un CSV de réponses ? Découpez-le en plusieurs fichiers si c'est le cas."
            )
        case .fileUnreadable(let path):
            Wording("Impossible de lire « \(path) » : vérifiez vos droits sur ce fichier.")
        case .manualCodingUnreadable(let path):
            Wording("Impossible de lire le codage manuel \(path).")
        case .cannotCreateFolder(let path):
            Wording("Impossible de créer le dossier « \(path) » : vérifiez le chemin et vos droits d'écriture.")
        case .cannotWrite(let path):
            Wording("Impossible d'écrire « \(path) » : vérifiez le dossier et vos droits d'écriture.")
        case .cannotWritePreview(let path):
            Wording("Impossible d'écrire \(path) : vérifiez le dossier et les droits d'écriture.")
        case .diskFullWhileExporting(let path):
            Wording("Impossible d'écrire « \(path) » (disque plein ?) : libérez de la place puis relancez l'export.")

        // Options
        case .respondentsNotPopulationCounts(let part):
            Wording("--respondents : « \(part) » n'est pas de la forme population=nombre")

        // validate
        case .definitionsHaveProblems(let errors, let warnings):
            Wording(
                "\(errors) erreur\(errors > 1 ? "s" : ""), \(warnings) avertissement\(warnings > 1 ? "s" : "") : corrigez puis relancez « prst validate »."
            )

        // import
        case .nothingImported:
            Wording("Rien n'a été importé.")
        case .moreImportErrorsNotShown(let count):
            Wording("… et \(count) autre(s) erreur(s) non affichée(s).")
        case .importHasErrors(let count, let file):
            Wording("Rien n'a été importé : \(count) erreur(s) dans \(file). Corrigez-les puis relancez (avec --dry-run pour seulement vérifier).")

        // run
        case .invitationRequired:
            Wording("Ce questionnaire est réservé aux personnes invitées : relancez avec votre code d'invitation (--token CODE).")
        case .unknownResumeCode(let code):
            Wording("Code de reprise inconnu : « \(code) ». Vérifiez le code (par exemple K7F3-9QXM) et le fichier de réponses (--store).")
        case .resumeCodeOfAnotherQuestionnaire(let found, let expected):
            Wording("Ce code de reprise correspond au questionnaire « \(found) », pas à « \(expected) ».")

        // invite
        case .openAccessQuestionnaire(let id, let file):
            Wording(
                "« \(id) » est en accès libre (access: open) : les codes d'invitation ne serviraient à rien. "
                    + "Ajoutez « access: token » dans \(file) si seules les personnes invitées doivent pouvoir répondre. Aucun code n'a été créé.")
        case .invitationFileExists(let path):
            Wording(
                "« \(path) » existe déjà (il contient peut-être des codes déjà envoyés) : choisissez un autre nom avec --out. Aucun code n'a été créé.")
        case .cannotCreateInvitationFile(let path):
            Wording("Impossible de créer « \(path) » : vérifiez que le dossier existe et que vous pouvez y écrire. Aucun code n'a été créé.")
        case .noCodeCreated(let store):
            // The store's lines, then the consequence on a line of its own (glued to a detail line
            // it read « … a été retiré Aucun code n'a été créé. »).
            Wording((Problem.store(store).lines(in: .fr) + ["Aucun code n'a été créé."]).joined(separator: "\n"))
        case .invitationCodesLost(let path, let count):
            Wording(
                "Impossible d'écrire « \(path) » (disque plein ?) : les \(count) codes créés sont perdus et ne pourront servir à personne. Libérez de la place puis relancez la commande."
            )

        // purge
        case .purgeNotConfirmed:
            Wording("Rien n'a été effacé : relancez la même commande en ajoutant --yes pour confirmer.")
        }
    }
}
