import Foundation

extension FrenchWording {
    static func wording(for problem: StoreProblem) -> Wording {
        switch problem {
        // SQLite's verdicts
        case .notAStore(let path):
            Wording(
                "\(path.map { "« \($0) »" } ?? "Ce fichier") n'est pas un fichier de réponses prst : \(advice(.nameTheRightStore)), ou un nom de fichier nouveau pour en créer un."
            )
        case .cannotOpen(let path):
            Wording("Impossible d'ouvrir \(store(path)) : vérifiez que le dossier existe et que vous avez le droit d'y écrire.")
        case .readOnly(let path):
            Wording(
                "\(capitalized(store(path))) n'est accessible qu'en lecture : vérifiez les droits du fichier et de son dossier, ou \(advice(.nameAnotherStore))."
            )
        case .diskFull(let path):
            Wording("Le disque est plein : la réponse n'a pas pu être enregistrée dans \(store(path)). Libérez de la place puis réessayez.")
        case .busy(let path):
            Wording("\(capitalized(store(path))) est occupé par un autre programme depuis trop longtemps : réessayez dans un instant.")
        case .corrupt(let path):
            Wording("\(capitalized(store(path))) est endommagé : restaurez la dernière sauvegarde et contactez l'équipe prst.")
        case .ioError(let path):
            Wording("Erreur d'entrée-sortie sur \(store(path)) (disque amovible retiré, partage réseau coupé ?) : vérifiez le support puis réessayez.")
        case .unexpected(let path, let sqliteCode, let details):
            Wording("Erreur SQLite \(sqliteCode) sur \(store(path)) : réessayez ; si elle persiste, signalez-la à l'équipe prst.", hint: details)
        case .unexpectedFailure(let path):
            Wording("Erreur inattendue en accédant à \(store(path)) : réessayez ; si elle persiste, signalez-la à l'équipe prst.")
        case .unrecognizedValue(let path):
            Wording("\(capitalized(store(path))) contient une valeur que prst ne connaît pas : la base a peut-être été modifiée à la main.")

        // Opening the file
        case .newerSchema(let path):
            Wording(
                "« \(path ?? "la base") » a été écrit par une version plus récente de prst : mettez prst à jour avant de l'utiliser (rien n'a été modifié).")
        case .openFailed(let path):
            Wording("Impossible d'ouvrir « \(path) » : réessayez.")
        case .folderMissing(let directory):
            Wording("Le dossier « \(directory) » n'existe pas : créez-le ou \(advice(.nameAnotherStore)).")
        case .storeIsAFolder(let path):
            Wording("« \(path) » est un dossier : indiquez un fichier, par exemple \(path)/prst.sqlite.")
        case .fileNotWritable(let path):
            Wording("« \(path) » n'est pas accessible en écriture : vérifiez ses droits (ls -l) ou \(advice(.nameAnotherStore)).")
        case .folderNotWritable(let directory):
            Wording(
                "Le dossier « \(directory) » n'est pas accessible en écriture : prst doit pouvoir y écrire le fichier de réponses et ses fichiers -wal et -shm. Choisissez un autre dossier."
            )
        case .cannotCreate(let path):
            Wording("Impossible de créer « \(path) » : l'emplacement n'est pas accessible en écriture. Choisissez un autre dossier.")
        case .diskFullCreating(let path):
            Wording("Le disque est plein : impossible de créer « \(path) ». Libérez de la place puis réessayez.")
        case .cannotOpenFile(let path, let systemError):
            Wording("Impossible d'ouvrir « \(path) » (erreur système \(systemError)) : vérifiez le chemin.")
        case .cannotRead(let path):
            Wording("Impossible de lire « \(path) » : vérifiez ses droits.")

        // Definitions
        case .definitionHasErrors(let mainFile):
            Wording(
                "Le questionnaire « \(mainFile) » contient des erreurs : corrigez-les (\(advice(.validate(file: mainFile)))) avant de recueillir des réponses.")
        case .snapshotNotRebuilt(let mainFile, let outsideFiles):
            Wording(
                "prst ne sait pas relire « \(mainFile) » depuis la copie de ses fichiers gardée avec les réponses : "
                    + (outsideFiles.isEmpty
                        ? "signalez-le à l'équipe prst."
                        : "placez les fichiers inclus dans le dossier du questionnaire ou un sous-dossier (hors du dossier : \(outsideFiles.joined(separator: ", "))).")
            )
        case .definitionNotSaved(let questionnaireID):
            Wording("Impossible d'enregistrer la définition de « \(questionnaireID) » : réessayez.")
        case .incompatibleDefinition(let questionnaireID, let version, _):
            Wording(
                "Le questionnaire « \(questionnaireID) » version \(version) a déjà des réponses et sa structure a changé : "
                    + "pour publier ces changements, indiquez « version: \(version + 1) » dans le fichier (ou changez « id »). "
                    + "Les changements de libellés, d'aides et les ajouts facultatifs n'en demandent pas.")
        case .incompatibleChange(let change):
            Wording(
                wording(for: change),
                hint: "des réponses existent déjà pour cette version : augmentez « version: » (ou changez d'« id ») pour une modification de structure")
        case .definitionNotFound(let id, let path):
            Wording("La définition n° \(id) est introuvable dans « \(path ?? "la base") ».")
        case .definitionMissingForSession(let id):
            Wording("La définition n° \(id) est introuvable : enregistrez le questionnaire avant d'ouvrir une session.")
        case .definitionMissingForInsert(let id):
            Wording("La définition n° \(id) est introuvable : enregistrez le questionnaire d'abord.")
        case .definitionUnreadable(let questionnaireID, let version):
            Wording(
                "La définition enregistrée de « \(questionnaireID) » version \(version) ne se relit plus avec cette version de prst : signalez-le à l'équipe prst."
            )

        // Sessions and answers
        case .sessionCreatedButMissing:
            Wording("La session vient d'être créée mais reste introuvable : réessayez.")
        case .noFreeSessionID:
            Wording("Impossible de tirer un identifiant de session libre : réessayez.")
        case .resumeOfCompletedSession:
            Wording("Ce questionnaire a déjà été terminé et envoyé : ses réponses ne peuvent plus être modifiées. Merci de votre participation.")
        case .unknownSession(let id):
            Wording("La session « \(id) » n'existe pas dans cette base : \(advice(.checkTheStoreInUse)).")
        case .sessionCompleted(let id):
            Wording("La session « \(id) » est terminée : ses réponses ne peuvent plus être modifiées.")
        case .unknownState(let stored, let owner):
            Wording("\(subject(owner)) a un état inconnu (« \(stored) ») : la base a peut-être été modifiée à la main.")
        case .unreadableAnswer(let key, let session):
            Wording("La réponse « \(key) » de la session « \(session) » est illisible : la base a peut-être été modifiée à la main.")
        case .sessionAlreadyStored(let id):
            Wording("La session « \(id) » est déjà dans cette base : rien n'a été ajouté (ces réponses ont-elles déjà été importées ?).")
        case .reportingResponseAlreadySent(let questionnaireID, let version, let unit, let unitLabel, let period):
            Wording(
                "La réponse de \(unitLabel.map { "« \($0) » (\(unit))" } ?? "« \(unit) »") pour la période \(period) au questionnaire « \(questionnaireID) » (version \(version)) a déjà été envoyée : "
                    + "une seule réponse par unité et par période. Pour la corriger, adressez-vous à l'équipe d'évaluation. Rien n'a été enregistré.")
        case .reportingResponseInProgress(let questionnaireID, let version, let unit, let unitLabel, let period):
            Wording(
                "La réponse de \(unitLabel.map { "« \($0) » (\(unit))" } ?? "« \(unit) »") pour la période \(period) au questionnaire « \(questionnaireID) » (version \(version)) est déjà commencée "
                    + "par une autre personne : reprenez-la avec son code de reprise (--resume), ou adressez-vous à l'équipe d'évaluation. Votre code d'invitation reste utilisable."
            )
        case .reportingKeyAlreadyStored(let questionnaireID, let version, let unit, let period, let session):
            Wording(
                "La base a déjà une réponse (session « \(session) ») pour « \(unit) », période \(period), au questionnaire « \(questionnaireID) » (version \(version)) : "
                    + "une seule réponse par unité et par période. Rien n'a été ajouté : importez sans cette réponse, ou simulez dans une base neuve."
            )

        // Purge and backup
        case .noSessionToPurge(let typed, let path):
            Wording(
                "Aucune session « \(typed) » dans « \(path ?? "la base") » : vérifiez le numéro de reçu donné par le répondant (8 caractères) et \(advice(.theStoreFile)). Rien n'a été supprimé."
            )
        case .backupIsAFolder(let destination):
            Wording("« \(destination) » est un dossier : indiquez un nom de fichier, par exemple \(destination)/sauvegarde.sqlite.")
        case .backupExists(let destination):
            Wording("« \(destination) » existe déjà : choisissez un autre nom, ou \(advice(.forceToReplace)). Rien n'a été écrit.")
        case .backupOverStore:
            Wording("La sauvegarde ne peut pas remplacer le fichier de réponses lui-même : choisissez un autre nom.")
        case .backupFolderMissing(let directory):
            Wording("Le dossier « \(directory) » n'existe pas : créez-le ou choisissez un autre emplacement pour la sauvegarde.")
        case .backupFolderNotWritable(let directory):
            Wording("Impossible d'écrire dans le dossier « \(directory) » : vérifiez ses droits ou choisissez un autre emplacement.")
        case .backupFailedIntegrity:
            Wording("La copie de sauvegarde n'a pas passé la vérification d'intégrité : réessayez ; si cela se reproduit, signalez-le à l'équipe prst.")
        case .backupNotRenamed(let destination, let systemError):
            Wording("Impossible de nommer la sauvegarde « \(destination) » (erreur système \(systemError)) : vérifiez le dossier puis réessayez.")

        // Merge
        case .mergeIntoItself(let path):
            Wording("« \(path) » est le fichier de destination lui-même : retirez-le de la liste des fichiers à fusionner.")
        case .mergeIncompatibleDefinition(let source, let questionnaireID, let version, _):
            Wording(
                "« \(source ?? "la base à fusionner") » contient une autre définition du questionnaire « \(questionnaireID) » version \(version), "
                    + "incompatible avec celle des réponses déjà présentes : ces réponses ne peuvent pas être réunies dans un même fichier. "
                    + "Gardez-les dans des fichiers séparés, ou vérifiez que les postes utilisaient bien le même questionnaire. Rien n'a été fusionné.")
        case .mergeDefinitionUnreadable(let questionnaireID, let version, let path):
            Wording(
                "La définition enregistrée de « \(questionnaireID) » version \(version) dans « \(path ?? "la base") » ne se relit plus : signalez-le à l'équipe prst. Rien n'a été fusionné."
            )
        case .mergeSessionWithoutDefinition(let session, let source):
            Wording(
                "La session « \(session) » renvoie à une définition absente de « \(source ?? "la base") » : ce fichier est endommagé. Rien n'a été fusionné.")
        case .mergeConflicts(let count, let shown, let source, let target):
            Wording(
                "\(count) session\(count > 1 ? "s" : "") de « \(source ?? "la base à fusionner") » \(count > 1 ? "existent" : "existe") déjà dans « \(target ?? "la base") » "
                    + "avec un contenu différent (\(shown.joined(separator: ", "))\(count > shown.count ? ", …" : "")) : "
                    + "ce sont sans doute deux copies du même poste prises à des moments différents. Fusionnez seulement la copie la plus récente de chaque poste. Rien n'a été fusionné."
            )
        case .mergeReportingConflicts(let count, let shown, let source, let target):
            Wording(
                "\(count) réponse\(count > 1 ? "s" : "") de « \(source ?? "la base à fusionner") » \(count > 1 ? "portent" : "porte") sur une unité et une période déjà renseignées dans « \(target ?? "la base") » par une autre session "
                    + "(\(shown.joined(separator: ", "))\(count > shown.count ? ", …" : "")) : une seule réponse par unité et par période. "
                    + "Choisissez avec l'équipe d'évaluation la réponse à garder et supprimez l'autre (prst purge) avant de fusionner. Rien n'a été fusionné.")

        // Invitation tokens
        case .tokenHasOddCharacters(let characters):
            Wording(
                "Ce code d'invitation contient des caractères qui n'y figurent jamais (\(characters.map(String.init).joined(separator: ", "))) : "
                    + "les codes n'utilisent ni 0, ni O, ni 1, ni I, ni L. Recopiez-le depuis l'invitation reçue.")
        case .tokenHasWrongLength(let count, let expected):
            Wording(
                "Ce code d'invitation a \(count) caractère\(count > 1 ? "s" : "") au lieu de \(expected) (quatre groupes de quatre, par exemple K7F3-9QXM-2PAB-H4TR) : recopiez-le depuis l'invitation reçue."
            )
        case .completedTokenNotRevocable(let prefix):
            Wording(
                "Le code \(prefix)-… a déjà servi à envoyer un questionnaire complet : il ne peut plus être révoqué. "
                    + "Pour effacer ces réponses, demandez au répondant le numéro de reçu affiché à la fin et \(advice(.purgeBySession)).")
        case .tokenSessionMissing:
            Wording("La session liée à ce code d'invitation est introuvable : la base a peut-être été modifiée à la main.")
        case .tokenJustStarted:
            Wording("Ce code d'invitation vient d'être utilisé pour commencer le questionnaire : saisissez-le de nouveau pour reprendre là où vous en êtes.")
        case .tokenOfAnotherQuestionnaire(let questionnaireID):
            Wording(
                "Ce code d'invitation est prévu pour un autre questionnaire (« \(questionnaireID) ») : vérifiez que vous avez ouvert le bon questionnaire, ou utilisez le code reçu pour celui-ci."
            )
        case .unknownToken:
            Wording(
                "Ce code d'invitation est inconnu : vérifiez-le (quatre groupes de quatre caractères, reçus avec l'invitation) ; s'il est correct, contactez la personne qui vous a invité."
            )
        case .revokedToken:
            Wording("Ce code d'invitation a été annulé : contactez la personne qui vous a invité pour en recevoir un autre.")
        case .tokenAlreadyUsed:
            Wording("Ce code d'invitation a déjà servi à envoyer un questionnaire complet : il ne peut être utilisé qu'une fois. Merci de votre participation.")

        // Warnings
        case .readableByOthers(let files):
            Wording(
                "Attention : \(files.map { "« \($0.path) » (droits \(String($0.mode, radix: 8)))" }.joined(separator: ", ")) "
                    + "\(files.count > 1 ? "sont lisibles" : "est lisible") par d'autres utilisateurs que vous, alors que les réponses sont confidentielles. "
                    + "Rendez \(files.count > 1 ? "ces fichiers privés" : "ce fichier privé") : chmod 600 \(files.map { "'\($0.path)'" }.joined(separator: " "))"
            )
        case .tokenUsedOnTwoStations(let prefix):
            Wording(
                "Le code d'invitation \(prefix)-… a servi sur deux postes : les deux réponses sont gardées ; vérifiez qu'il n'a pas été transmis à deux personnes."
            )
        }
    }

    /// The store file named in guillemets, or "la base de réponses" when its path is unknown.
    private static func store(_ path: String?) -> String {
        path.map { "« \($0) »" } ?? "la base de réponses"
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    private static func subject(_ owner: StoreProblem.StateOwner) -> String {
        switch owner {
        case .session(let id): "La session « \(id) »"
        case .sessionsOf(let questionnaireID, let version): "Une session du questionnaire « \(questionnaireID) » version \(version)"
        case .token(let prefix): "Le code d'invitation \(prefix)-…"
        }
    }
}

extension FrenchWording {
    /// A token's state in the token list.
    package static func wording(for state: TokenState) -> String {
        switch state {
        case .unused: "non utilisé"
        case .inProgress: "en cours"
        case .completed: "terminé"
        case .revoked: "révoqué"
        }
    }
}
