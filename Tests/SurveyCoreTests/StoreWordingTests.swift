import Foundation
import Testing

@testable import SurveyCore

/// The store's problems moved from sentences built in SurveyStore to typed cases worded here:
/// the French sentences are the ones prst printed before, byte for byte.
@Suite struct StoreWordingTests {
    static let french: [(StoreProblem, String)] = [
        (
            .notAStore(path: "a.sqlite"),
            "« a.sqlite » n'est pas un fichier de réponses prst : indiquez le bon fichier avec --store (ou PRST_STORE), ou un nom de fichier nouveau pour en créer un."
        ),
        (
            .notAStore(path: nil),
            "Ce fichier n'est pas un fichier de réponses prst : indiquez le bon fichier avec --store (ou PRST_STORE), ou un nom de fichier nouveau pour en créer un."
        ),
        (.cannotOpen(path: "a.sqlite"), "Impossible d'ouvrir « a.sqlite » : vérifiez que le dossier existe et que vous avez le droit d'y écrire."),
        (
            .readOnly(path: nil),
            "La base de réponses n'est accessible qu'en lecture : vérifiez les droits du fichier et de son dossier, ou indiquez un autre fichier avec --store."
        ),
        (.diskFull(path: "a.sqlite"), "Le disque est plein : la réponse n'a pas pu être enregistrée dans « a.sqlite ». Libérez de la place puis réessayez."),
        (.busy(path: "a.sqlite"), "« a.sqlite » est occupé par un autre programme depuis trop longtemps : réessayez dans un instant."),
        (.corrupt(path: "a.sqlite"), "« a.sqlite » est endommagé : restaurez la dernière sauvegarde et contactez l'équipe prst."),
        (
            .ioError(path: "a.sqlite"),
            "Erreur d'entrée-sortie sur « a.sqlite » (disque amovible retiré, partage réseau coupé ?) : vérifiez le support puis réessayez."
        ),
        (
            .unexpected(path: "a.sqlite", sqliteCode: 19, details: "constraint"),
            "Erreur SQLite 19 sur « a.sqlite » : réessayez ; si elle persiste, signalez-la à l'équipe prst."
        ),
        (.unexpectedFailure(path: nil), "Erreur inattendue en accédant à la base de réponses : réessayez ; si elle persiste, signalez-la à l'équipe prst."),
        (
            .newerSchema(path: "a.sqlite"),
            "« a.sqlite » a été écrit par une version plus récente de prst : mettez prst à jour avant de l'utiliser (rien n'a été modifié)."
        ),
        (.openFailed(path: "a.sqlite"), "Impossible d'ouvrir « a.sqlite » : réessayez."),
        (.folderMissing(directory: "d"), "Le dossier « d » n'existe pas : créez-le ou indiquez un autre fichier avec --store."),
        (.storeIsAFolder(path: "d"), "« d » est un dossier : indiquez un fichier, par exemple d/prst.sqlite."),
        (
            .fileNotWritable(path: "a.sqlite"),
            "« a.sqlite » n'est pas accessible en écriture : vérifiez ses droits (ls -l) ou indiquez un autre fichier avec --store."
        ),
        (
            .folderNotWritable(directory: "d"),
            "Le dossier « d » n'est pas accessible en écriture : prst doit pouvoir y écrire le fichier de réponses et ses fichiers -wal et -shm. Choisissez un autre dossier."
        ),
        (.cannotCreate(path: "a.sqlite"), "Impossible de créer « a.sqlite » : l'emplacement n'est pas accessible en écriture. Choisissez un autre dossier."),
        (.diskFullCreating(path: "a.sqlite"), "Le disque est plein : impossible de créer « a.sqlite ». Libérez de la place puis réessayez."),
        (.cannotOpenFile(path: "a.sqlite", systemError: 5), "Impossible d'ouvrir « a.sqlite » (erreur système 5) : vérifiez le chemin."),
        (.cannotRead(path: "a.sqlite"), "Impossible de lire « a.sqlite » : vérifiez ses droits."),
        (
            .definitionHasErrors(mainFile: "q.yaml"),
            "Le questionnaire « q.yaml » contient des erreurs : corrigez-les (prst validate q.yaml) avant de recueillir des réponses."
        ),
        (
            .snapshotNotRebuilt(mainFile: "q.yaml", outsideFiles: []),
            "prst ne sait pas relire « q.yaml » depuis la copie de ses fichiers gardée avec les réponses : signalez-le à l'équipe prst."
        ),
        (
            .snapshotNotRebuilt(mainFile: "q.yaml", outsideFiles: ["../lib.yaml", "/x.yaml"]),
            "prst ne sait pas relire « q.yaml » depuis la copie de ses fichiers gardée avec les réponses : placez les fichiers inclus dans le dossier du questionnaire ou un sous-dossier (hors du dossier : ../lib.yaml, /x.yaml)."
        ),
        (.definitionNotSaved(questionnaireID: "q"), "Impossible d'enregistrer la définition de « q » : réessayez."),
        (
            .incompatibleDefinition(questionnaireID: "q", version: 2, changes: [.questionRemoved(.init(id: "age", number: "Q2"))]),
            "Le questionnaire « q » version 2 a déjà des réponses et sa structure a changé : pour publier ces changements, indiquez « version: 3 » dans le fichier (ou changez « id »). Les changements de libellés, d'aides et les ajouts facultatifs n'en demandent pas."
        ),
        (.definitionNotFound(id: 4, path: nil), "La définition n° 4 est introuvable dans « la base »."),
        (.definitionMissingForSession(id: 4), "La définition n° 4 est introuvable : enregistrez le questionnaire avant d'ouvrir une session."),
        (.definitionMissingForInsert(id: 4), "La définition n° 4 est introuvable : enregistrez le questionnaire d'abord."),
        (
            .definitionUnreadable(questionnaireID: "q", version: 1),
            "La définition enregistrée de « q » version 1 ne se relit plus avec cette version de prst : signalez-le à l'équipe prst."
        ),
        (.sessionCreatedButMissing, "La session vient d'être créée mais reste introuvable : réessayez."),
        (.noFreeSessionID, "Impossible de tirer un identifiant de session libre : réessayez."),
        (
            .resumeOfCompletedSession,
            "Ce questionnaire a déjà été terminé et envoyé : ses réponses ne peuvent plus être modifiées. Merci de votre participation."
        ),
        (.unknownSession(id: "S7K2M9QF"), "La session « S7K2M9QF » n'existe pas dans cette base : vérifiez le fichier de réponses utilisé (--store)."),
        (.sessionCompleted(id: "S7K2M9QF"), "La session « S7K2M9QF » est terminée : ses réponses ne peuvent plus être modifiées."),
        (
            .unreadableAnswer(key: "note[rouge]", session: "S7K2M9QF"),
            "La réponse « note[rouge] » de la session « S7K2M9QF » est illisible : la base a peut-être été modifiée à la main."
        ),
        (
            .sessionAlreadyStored(id: "S7K2M9QF"),
            "La session « S7K2M9QF » est déjà dans cette base : rien n'a été ajouté (ces réponses ont-elles déjà été importées ?)."
        ),
        (
            .noSessionToPurge(typed: "ZZZZ2222", path: "a.sqlite"),
            "Aucune session « ZZZZ2222 » dans « a.sqlite » : vérifiez le numéro de reçu donné par le répondant (8 caractères) et le fichier de réponses (--store). Rien n'a été supprimé."
        ),
        (.backupIsAFolder(destination: "d"), "« d » est un dossier : indiquez un nom de fichier, par exemple d/sauvegarde.sqlite."),
        (
            .backupExists(destination: "b.sqlite"),
            "« b.sqlite » existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer. Rien n'a été écrit."
        ),
        (.backupOverStore, "La sauvegarde ne peut pas remplacer le fichier de réponses lui-même : choisissez un autre nom."),
        (.backupFolderMissing(directory: "d"), "Le dossier « d » n'existe pas : créez-le ou choisissez un autre emplacement pour la sauvegarde."),
        (.backupFolderNotWritable(directory: "d"), "Impossible d'écrire dans le dossier « d » : vérifiez ses droits ou choisissez un autre emplacement."),
        (
            .backupFailedIntegrity,
            "La copie de sauvegarde n'a pas passé la vérification d'intégrité : réessayez ; si cela se reproduit, signalez-le à l'équipe prst."
        ),
        (
            .backupNotRenamed(destination: "b.sqlite", systemError: 18),
            "Impossible de nommer la sauvegarde « b.sqlite » (erreur système 18) : vérifiez le dossier puis réessayez."
        ),
        (.mergeIntoItself(path: "a.sqlite"), "« a.sqlite » est le fichier de destination lui-même : retirez-le de la liste des fichiers à fusionner."),
        (
            .mergeIncompatibleDefinition(source: nil, questionnaireID: "q", version: 1, changes: []),
            "« la base à fusionner » contient une autre définition du questionnaire « q » version 1, incompatible avec celle des réponses déjà présentes : ces réponses ne peuvent pas être réunies dans un même fichier. Gardez-les dans des fichiers séparés, ou vérifiez que les postes utilisaient bien le même questionnaire. Rien n'a été fusionné."
        ),
        (
            .mergeDefinitionUnreadable(questionnaireID: "q", version: 1, path: "b.sqlite"),
            "La définition enregistrée de « q » version 1 dans « b.sqlite » ne se relit plus : signalez-le à l'équipe prst. Rien n'a été fusionné."
        ),
        (
            .mergeSessionWithoutDefinition(session: "S7K2M9QF", source: "b.sqlite"),
            "La session « S7K2M9QF » renvoie à une définition absente de « b.sqlite » : ce fichier est endommagé. Rien n'a été fusionné."
        ),
        (
            .mergeConflicts(count: 1, shown: ["S7K2M9QF"], source: "b.sqlite", target: "a.sqlite"),
            "1 session de « b.sqlite » existe déjà dans « a.sqlite » avec un contenu différent (S7K2M9QF) : ce sont sans doute deux copies du même poste prises à des moments différents. Fusionnez seulement la copie la plus récente de chaque poste. Rien n'a été fusionné."
        ),
        (
            .mergeConflicts(count: 12, shown: ["A", "B"], source: nil, target: nil),
            "12 sessions de « la base à fusionner » existent déjà dans « la base » avec un contenu différent (A, B, …) : ce sont sans doute deux copies du même poste prises à des moments différents. Fusionnez seulement la copie la plus récente de chaque poste. Rien n'a été fusionné."
        ),
        (
            .tokenHasOddCharacters(["0", "O"]),
            "Ce code d'invitation contient des caractères qui n'y figurent jamais (0, O) : les codes n'utilisent ni 0, ni O, ni 1, ni I, ni L. Recopiez-le depuis l'invitation reçue."
        ),
        (
            .tokenHasWrongLength(count: 1, expected: 16),
            "Ce code d'invitation a 1 caractère au lieu de 16 (quatre groupes de quatre, par exemple K7F3-9QXM-2PAB-H4TR) : recopiez-le depuis l'invitation reçue."
        ),
        (
            .completedTokenNotRevocable(prefix: "K7F3"),
            "Le code K7F3-… a déjà servi à envoyer un questionnaire complet : il ne peut plus être révoqué. Pour effacer ces réponses, demandez au répondant le numéro de reçu affiché à la fin et utilisez « prst purge --session »."
        ),
        (.tokenSessionMissing, "La session liée à ce code d'invitation est introuvable : la base a peut-être été modifiée à la main."),
        (
            .tokenJustStarted,
            "Ce code d'invitation vient d'être utilisé pour commencer le questionnaire : saisissez-le de nouveau pour reprendre là où vous en êtes."
        ),
        (
            .tokenOfAnotherQuestionnaire(questionnaireID: "q"),
            "Ce code d'invitation est prévu pour un autre questionnaire (« q ») : vérifiez que vous avez ouvert le bon questionnaire, ou utilisez le code reçu pour celui-ci."
        ),
        (
            .unknownToken,
            "Ce code d'invitation est inconnu : vérifiez-le (quatre groupes de quatre caractères, reçus avec l'invitation) ; s'il est correct, contactez la personne qui vous a invité."
        ),
        (.revokedToken, "Ce code d'invitation a été annulé : contactez la personne qui vous a invité pour en recevoir un autre."),
        (
            .tokenAlreadyUsed,
            "Ce code d'invitation a déjà servi à envoyer un questionnaire complet : il ne peut être utilisé qu'une fois. Merci de votre participation."
        ),
    ]

    @Test func frenchSentencesAreTheOnesPrstPrinted() {
        for (problem, expected) in Self.french {
            #expect(Problem.store(problem).message(in: .fr) == expected)
        }
    }

    /// English is a translation, not a copy of the French, and names the same file or id.
    @Test func everyProblemHasEnglishWords() {
        for (problem, french) in Self.french {
            let english = Problem.store(problem).message(in: .en)
            #expect(!english.isEmpty && english != french, "\(problem)")
            #expect(!english.contains("« ") && !english.contains(" :"), "\(english)")
            for name in ["a.sqlite", "S7K2M9QF", "q.yaml", "K7F3", "ZZZZ2222"] where french.contains(name) {
                #expect(english.contains(name), "\(english)")
            }
        }
    }

    /// The options of the command line are named only by `CommandLineAdvice`: the store's
    /// sentences splice its words in, in both languages.
    @Test func commandLineOptionsComeFromTheAdvice() {
        let spliced: [(StoreProblem, CommandLineAdvice)] = [
            (.notAStore(path: nil), .nameTheRightStore), (.readOnly(path: nil), .nameAnotherStore), (.folderMissing(directory: "d"), .nameAnotherStore),
            (.fileNotWritable(path: "a"), .nameAnotherStore), (.unknownSession(id: "S"), .checkTheStoreInUse),
            (.noSessionToPurge(typed: "Z", path: nil), .theStoreFile), (.backupExists(destination: "b"), .forceToReplace),
            (.completedTokenNotRevocable(prefix: "K7F3"), .purgeBySession), (.definitionHasErrors(mainFile: "q.yaml"), .validate(file: "q.yaml")),
        ]
        for language in [Language.fr, .en] {
            for (problem, advice) in spliced {
                #expect(Problem.store(problem).message(in: language).contains(advice.text(in: language)), "\(problem) \(language)")
            }
        }
        // Problems without advice never name an option.
        let spliceFree = Self.french.map(\.0).filter { problem in !spliced.contains { $0.0.sameCase(as: problem) } }
        for problem in spliceFree {
            for language in [Language.fr, .en] {
                #expect(!Problem.store(problem).message(in: language).contains("--"), "\(problem)")
            }
        }
    }

    /// The clauses listed under an incompatible definition, as prst printed them before.
    @Test func definitionChangesAreWordedInBothLanguages() {
        let age = DefinitionChange.Question(id: "age", number: "Q2")
        let bare = DefinitionChange.Question(id: "note", number: "")
        let changes: [(DefinitionChange, String, String)] = [
            (.populationChanged(old: "a", new: "b"), "la population a changé (« a » → « b »)", "the population changed (“a” → “b”)"),
            (
                .matrixItemRemoved(bare, matrix: "grille"), "l'item « note » de la matrice « grille » a été retiré",
                "the item “note” of the matrix “grille” was removed"
            ),
            (.questionRemoved(age), "la question « age » (Q2) a été supprimée", "the question “age” (Q2) was deleted"),
            (
                .typeChanged(age, old: .number, new: .text), "le type de la question « age » (Q2) a changé (number → text)",
                "the type of the question “age” (Q2) changed (number → text)"
            ),
            (
                .choiceRemoved(code: "vert", of: bare), "le choix « vert » de la question « note » a été retiré",
                "the choice “vert” of the question “note” was removed"
            ),
            (.levelRemoved(code: "4", of: bare), "le niveau « 4 » de la question « note » a été retiré", "the level “4” of the question “note” was removed"),
            (
                .outOfScaleAnswerRemoved(code: "nsp", of: bare), "la réponse hors échelle « nsp » de la question « note » a été retirée",
                "the out-of-scale answer “nsp” of the question “note” was removed"
            ),
            (
                .noLongerRepeated(bare, source: "couleurs"), "la question « note » n'est plus répétée pour chaque choix de « couleurs »",
                "the question “note” is no longer repeated for each choice of “couleurs”"
            ),
            (
                .nowRepeated(bare, source: "couleurs"), "la question « note » est maintenant répétée pour chaque choix de « couleurs »",
                "the question “note” is now repeated for each choice of “couleurs”"
            ),
            (
                .repeatedOverAnother(bare, old: "a", new: "b"), "la question « note » est répétée pour chaque choix de « b » au lieu de « a »",
                "the question “note” is repeated for each choice of “b” instead of “a”"
            ),
        ]
        for (change, french, english) in changes {
            #expect(change.words(in: .fr) == french)
            #expect(change.words(in: .en) == english)
        }
    }

    @Test func tokenStatesInBothLanguages() {
        #expect(TokenState.allCases.map(FrenchWording.wording(for:)) == ["non utilisé", "en cours", "terminé", "révoqué"])
        #expect(TokenState.allCases.map(EnglishWording.wording(for:)) == ["unused", "in progress", "completed", "revoked"])
    }

    @Test func unknownStatesNameTheirRow() {
        #expect(
            Problem.store(.unknownState(stored: "abandoned", of: .session("S7K2M9QF"))).message(in: .fr)
                == "La session « S7K2M9QF » a un état inconnu (« abandoned ») : la base a peut-être été modifiée à la main.")
        #expect(
            Problem.store(.unknownState(stored: "lost", of: .token(prefix: "K7F3"))).message(in: .en)
                == "The invitation code K7F3-… has an unknown state (“lost”): the file may have been edited by hand.")
    }
}

extension StoreProblem {
    /// Same case, whatever the associated values (the mirror's label is the case name).
    fileprivate func sameCase(as other: StoreProblem) -> Bool {
        Mirror(reflecting: self).children.first?.label == Mirror(reflecting: other).children.first?.label
            && (Mirror(reflecting: self).children.first != nil || "\(self)" == "\(other)")
    }
}
