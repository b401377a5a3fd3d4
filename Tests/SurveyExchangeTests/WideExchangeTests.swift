import Foundation
import SurveyCore
import SurveySimulation
import SurveyTestSupport
import Testing

@testable import SurveyExchange

@Suite("Wide CSV export and import")
struct WideExchangeTests {
    static let sample = SampleQuestionnaire.load()
    static let header = "session,participe,a1,a2,nb,couleur,couleur_autre,connus__guide,connus__plaquette,connus__aucun,utile__guide,utile__plaquette,remarques"

    /// Reads `csv` as an import would, keeping the valid records.
    func importing(_ csv: String, _ questionnaire: Questionnaire = sample) throws -> (ImportSummary, [ResponseRecord]) {
        var records: [ResponseRecord] = []
        var counter = 0
        let summary = try WideImporter(questionnaire: questionnaire).read(
            data: Data(csv.utf8), file: "f.csv", now: Date(timeIntervalSince1970: 1_700_000_000),
            newSessionID: {
                counter += 1; return "NEW\(counter)"
            },
            accept: { record, _ in
                records.append(record); return nil
            })
        return (summary, records)
    }

    func messages(_ csv: String) throws -> [String] {
        try importing(csv).0.issues.map { $0.locatedMessage(in: .fr) }
    }

    // MARK: - Layout and cells

    @Test func columnsFollowTheQuestionnaire() {
        let layout = ExchangeLayout(Self.sample, includeStatus: false)
        #expect(layout.columns.map(\.name).joined(separator: ",") == Self.header)
        let withStatus = ExchangeLayout(Self.sample, includeStatus: true)
        #expect(withStatus.columns.map(\.name).prefix(2) == ["session", "statut"])
    }

    @Test func timesOnlyWhenTheQuestionnaireIsNotAnonymous() {
        let named = SampleQuestionnaire.load(SampleQuestionnaire.yaml.replacingOccurrences(of: "language: fr", with: "language: fr\nanonymous: false"))
        #expect(ExchangeLayout(named, includeStatus: false).columns.map(\.name).prefix(3) == ["session", "debut", "fin"])
        #expect(!ExchangeLayout(Self.sample, includeStatus: true).columns.contains { $0.name == "debut" || $0.name == "fin" })
    }

    @Test func dictionaryDescribesEveryColumn() {
        let layout = ExchangeLayout(Self.sample, includeStatus: true)
        let rows = DataDictionary.rows(file: "essai.csv", layout: layout)
        #expect(rows.map { $0[1] } == layout.columns.map(\.name))
        let byColumn = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0) })
        #expect(byColumn["statut"]?[6] == "complet = terminée | en_cours = en cours")
        #expect(
            byColumn["a1"] == [
                "essai.csv", "a1", "2a", "a1", "Êtes-vous d'accord ? — Premier item", "scale",
                "4 = Tout à fait d'accord | 3 = Plutôt d'accord | 2 = Plutôt pas d'accord | 1 = Pas du tout d'accord | nsp = Ne sait pas (hors échelle)",
                "la réponse à la question 1 est « Oui »",
            ])
        #expect(byColumn["nb"]?[6] == "nombre décimal, minimum 0, maximum 10")
        #expect(byColumn["connus__guide"]?[4] == "Quels livrables connaissez-vous ? — Guide")
        #expect(byColumn["connus__guide"]?[5] == "0/1")
        #expect(byColumn["utile__plaquette"]?[2] == "6[plaquette]")
        #expect(byColumn["utile__plaquette"]?[4] == "Utilité de « Plaquette » ?")
        #expect(byColumn["utile__plaquette"]?[7] == "« Plaquette » cochée à la question 5")
        #expect(byColumn["couleur_autre"]?[7] == "« Autre (précisez) » est cochée à la question 4")
        #expect(byColumn["remarques"]?[6] == "texte libre, 50 caractères au plus")
    }

    @Test func importRLabelsEveryColumnInASCII() {
        let script = RImportScript.make([RImportScript.Entry(file: "essai.csv", layout: ExchangeLayout(Self.sample, includeStatus: false))], style: .excel)
        #expect(script.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(script.contains(#"essai <- prst_lire("essai.csv")"#))
        #expect(script.contains(#"sep = ";""#))
        #expect(script.contains(#"essai[["a2.nsp"]] <- essai[["a2"]] %in% c("nsp")"#))
        #expect(
            script.contains(
                #"essai[["a2"]] <- prst_libelle(prst_facteur(essai[["a2"]], c("1", "2", "3", "4"), c("Pas du tout d'accord", "Plut\u00f4t pas d'accord", "Plut\u00f4t d'accord", "Tout \u00e0 fait d'accord"), ordonne = TRUE), "2b. \u00cates-vous d'accord ? \u2014 Second item")"#
            ))
        #expect(
            script.contains(
                #"essai[["connus__aucun"]] <- prst_libelle(as.integer(prst_na(essai[["connus__aucun"]])), "5. Quels livrables connaissez-vous ? \u2014 Aucun")"#
            ))
        #expect(RImportScript.literal("a\"b\\c\n😀") == #""a\"b\\c\n\U0001f600""#)
        #expect(RImportScript.objectName("2024-pilotes") == "q2024_pilotes")
    }

    @Test func timesOfNamedQuestionnairesComeBackToTheSecond() throws {
        let named = SampleQuestionnaire.load(SampleQuestionnaire.yaml.replacingOccurrences(of: "language: fr", with: "language: fr\nanonymous: false"))
        let record = ResponseRecord(
            sessionID: "S1", questionnaireID: "essai", questionnaireVersion: 1, population: "pilotes", status: .completed, origin: .respondent,
            startedAt: Date(timeIntervalSince1970: 1_764_491_127.6), completedAt: Date(timeIntervalSince1970: 1_764_491_800.2),
            answers: [
                AnswerKey("participe"): .choice("non"), AnswerKey("a1"): .notAsked, AnswerKey("a2"): .notAsked, AnswerKey("nb"): .number(1),
                AnswerKey("couleur"): .skipped, AnswerKey("couleur_autre"): .notAsked, AnswerKey("connus"): .choices(["aucun"]),
                AnswerKey("remarques"): .skipped,
            ])
        let exporter = WideExporter(layout: ExchangeLayout(named, includeStatus: false), style: .rfc4180)
        let csv = exporter.header() + exporter.row(record)
        #expect(csv.contains("S1,2025-11-30T08:25:27Z,2025-11-30T08:36:40Z,non,"))
        let (summary, records) = try importing(csv, named)
        #expect(summary.issues.isEmpty, "\(summary.issues)")
        #expect(records.first?.startedAt == Date(timeIntervalSince1970: 1_764_491_127))
        #expect(records.first?.completedAt == Date(timeIntervalSince1970: 1_764_491_800))
        #expect(exporter.row(try #require(records.first)) == exporter.row(record))
        let reversed = csv.replacingOccurrences(of: "2025-11-30T08:36:40Z", with: "2025-11-30T08:00:00Z")
        #expect(try importing(reversed, named).0.issues.map { $0.message(in: .fr) } == ["colonne « fin » : la fin précède le début de la session."])
    }

    @Test func cellsTellNotAskedSkippedAndNonSubstantiveApart() {
        let record = ResponseRecord(
            sessionID: "S1", questionnaireID: "essai", questionnaireVersion: 1, population: "pilotes", status: .completed, origin: .respondent,
            startedAt: Date(timeIntervalSince1970: 0), completedAt: Date(timeIntervalSince1970: 60),
            answers: [
                AnswerKey("participe"): .choice("non"), AnswerKey("a1"): .notAsked, AnswerKey("a2"): .notAsked, AnswerKey("nb"): .number(2.5),
                AnswerKey("couleur"): .skipped, AnswerKey("couleur_autre"): .notAsked, AnswerKey("connus"): .choices(["guide"]),
                AnswerKey("utile", repetition: "guide"): .nonSubstantive("nsp"), AnswerKey("remarques"): .text("=SOMME(A1) ; « ok »"),
            ])
        let rfc = WideExporter(layout: ExchangeLayout(Self.sample, includeStatus: false), style: .rfc4180)
        #expect(rfc.row(record) == "S1,non,#NP,#NP,2.5,,#NP,1,0,0,nsp,#NP,\"=SOMME(A1) ; « ok »\"\n")
        let excel = WideExporter(layout: ExchangeLayout(Self.sample, includeStatus: false), style: .excel)
        #expect(excel.row(record) == "S1;non;#NP;#NP;\"2,5\";;#NP;1;0;0;nsp;#NP;\"'=SOMME(A1) ; « ok »\"\r\n")
        #expect(excel.header().hasPrefix("\u{FEFF}session;participe"))
    }

    @Test func numbersAndTimesReadBackExactly() {
        for value in [0.0, 3, -2, 2.5, 0.1, 1.0 / 3.0, 123_456_789.25] {
            #expect(ExchangeNumber.parse(ExchangeNumber.format(value, style: .excel)) == value)
            #expect(ExchangeNumber.parse(ExchangeNumber.format(value, style: .rfc4180)) == value)
        }
        #expect(ExchangeNumber.parse("3,5") == 3.5)
        #expect(ExchangeNumber.parse(" 12 ") == 12)
        #expect(ExchangeNumber.parse("12 ans") == nil)
        #expect(ExchangeNumber.parse("nan") == nil)
        let date = Date(timeIntervalSince1970: 1_764_491_127)
        #expect(ExchangeTime.format(date) == "2025-11-30T08:25:27Z")
        #expect(ExchangeTime.parse("2025-11-30T08:25:27Z") == date)
        #expect(ExchangeTime.parse("2025-11-30 08:25:27") == date)
        #expect(ExchangeTime.parse("30/11/2025") == nil)
        #expect(ExchangeTime.parse("2025-13-30T08:25:27Z") == nil)
    }

    @Test func formulaProtectionIsUndoneExactly() {
        for text in ["=1+1", "+33 6", "-", "@moi", "'déjà'", "''=x", "normal", "'b"] {
            #expect(ExchangeText.unprotect(ExchangeText.protect(text, style: .excel), style: .excel) == text)
            #expect(ExchangeText.protect(text, style: .rfc4180) == text)
        }
        #expect(ExchangeText.protect("=1+1", style: .excel) == "'=1+1")
        #expect(ExchangeText.protect("'b", style: .excel) == "''b")
        #expect(ExchangeText.unprotect("'b", style: .excel) == "'b")
    }

    // MARK: - Round trip on the real questionnaires

    @Test(arguments: [CSVStyle.rfc4180, .excel])
    func exportImportExportIsLossless(style: CSVStyle) throws {
        let loaded = CampaignLoader.load(packageRoot() + "/surveys/campagne.yaml")
        let campaign = try #require(loaded.campaign)
        let (profile, phrases) = try Simulator.load(campaign)
        let simulator = Simulator(profile: profile, phrases: phrases, seed: 11)
        var unfinished = 0
        for questionnaire in loaded.questionnaires.compactMap(\.questionnaire) {
            var originals: [ResponseRecord] = []
            try simulator.generate(questionnaire, count: 40) { originals.append($0) }
            unfinished += originals.filter { $0.status == .inProgress }.count
            let exporter = WideExporter(layout: ExchangeLayout(questionnaire, includeStatus: true), style: style)
            let first = exporter.header() + originals.map(exporter.row).joined()
            let (summary, imported) = try importing(first, questionnaire)
            #expect(summary.issues.isEmpty, "\(summary.issues.prefix(3))")
            #expect(imported.count == originals.count)
            #expect(imported.allSatisfy { $0.origin == .imported })
            #expect(imported.map(\.sessionID) == originals.map(\.sessionID))
            let second = exporter.header() + imported.map(exporter.row).joined()
            #expect(first == second, "\(questionnaire.id)")
            // Completed sessions come back with the same answers, not-asked ones included.
            for (original, copy) in zip(originals, imported) where original.status == .completed {
                #expect(copy.answers == original.answers, "\(original.sessionID)")
            }
        }
        #expect(unfinished > 0)
    }

    // MARK: - What a typist sends

    @Test func aHandTypedRowIsReadWithCommaSeparatorsLabelsAndDecimalComma() throws {
        let csv =
            "\u{FEFF}" + Self.header.replacingOccurrences(of: ",", with: ";") + "\r\n"
            + ";Oui;4;nsp;2,5;Rouge;;1;;;3;;\"Deux lignes\nde texte ; avec « guillemets »\"\r\n"
        let (summary, records) = try importing(csv)
        #expect(summary.issues.isEmpty, "\(summary.issues)")
        let record = try #require(records.first)
        #expect(record.sessionID == "NEW1")
        #expect(record.status == .completed)
        #expect(record.answers[AnswerKey("participe")] == .choice("oui"))
        #expect(record.answers[AnswerKey("a2")] == .nonSubstantive("nsp"))
        #expect(record.answers[AnswerKey("nb")] == .number(2.5))
        #expect(record.answers[AnswerKey("couleur")] == .choice("rouge"))
        #expect(record.answers[AnswerKey("couleur_autre")] == .notAsked)
        #expect(record.answers[AnswerKey("connus")] == .choices(["guide"]))
        #expect(record.answers[AnswerKey("utile", repetition: "guide")] == .choice("3"))
        #expect(record.answers[AnswerKey("utile", repetition: "plaquette")] == nil)
        #expect(record.answers[AnswerKey("remarques")] == .text("Deux lignes\nde texte ; avec « guillemets »"))
    }

    @Test func everyBadCellIsLocatedAndNothingIsAccepted() throws {
        let csv =
            Self.header + "\n"
            + "S1,peut-être,4,4,11,rouge,,1,0,0,3,#NP,\n"  // bad yes/no code, number above max
            + "S2,non,4,#NP,abc,,,0,0,1,#NP,#NP,\n"  // a1 answered while not asked; nb not a number
            + "S3,oui,4,4,1,vert,,1,1,1,3,3,\n"  // "Aucun" with other choices
            + "S4,oui,,4,1,vert,,1,0,0,#NP,2,\n"  // a1 required left empty; utile[guide] #NP while asked; utile[plaquette] not selected
            + "S1,oui,4,4,1,vert,,0,1,0,#NP,4,\n"  // duplicated session
            + "S6,oui,4,4,1\n"  // ragged
            + "S 7,oui,4,4,1,vert,,0,1,2,#NP,4,\n"  // bad id; 0/1 cell
        let (summary, records) = try importing(csv)
        #expect(summary.rows == 7)
        #expect(summary.valid == 0)
        let rendered = summary.issues.map { $0.locatedMessage(in: .fr) }
        let expected = [
            "f.csv:2:2: colonne « participe » : « peut-être » n'est pas un code prévu (codes : oui, non).",
            "f.csv:2:5: colonne « nb » : question 3 : Le nombre doit être au plus 10.",
            "f.csv:3:3: colonne « a1 » : la question 2a n'est pas posée à ce répondant (condition : la réponse à la question 1 est « Oui ») : la cellule doit être vide ou « #NP ».",
            "f.csv:3:5: colonne « nb » : « abc » n'est pas un nombre (exemples : 12, 3,5 ou 3.5).",
            "f.csv:4:8: colonne « connus__guide » : question 5 : « Aucun » ne peut pas être combiné avec d'autres choix.",
            "f.csv:5:3: colonne « a1 » : la question 2a est obligatoire et elle est posée à ce répondant : la cellule ne peut pas rester vide (pour un questionnaire laissé inachevé, mettez « en_cours » dans une colonne statut).",
            "f.csv:5:11: colonne « utile__guide » : « #NP » (non posée) alors que la question 6[guide] est posée à ce répondant : donnez la réponse, ou laissez vide si elle est facultative.",
            "f.csv:5:12: colonne « utile__plaquette » : réponse sur « plaquette » alors que ce choix n'est pas coché à la question 5 : la cellule doit être vide ou « #NP ».",
            "f.csv:6:1: colonne « session » : la session « S1 » figure déjà à la ligne 2 : une session ne peut être importée qu'une fois.",
            "f.csv:7: la ligne a 5 valeur(s) alors que l'en-tête a 13 colonnes : un séparateur en trop ou en moins ?",
            "f.csv:8:1: colonne « session » : « S 7 » ne peut pas être un identifiant de session : lettres, chiffres, - et _ seulement, 64 caractères au plus. Laissez la cellule vide pour qu'un identifiant soit créé.",
            "f.csv:8:10: colonne « connus__aucun » : « 2 » : attendu 1 (coché) ou 0 (non coché).",
        ]
        #expect(rendered == expected)
        #expect(records.isEmpty)
    }

    @Test func importDiagnosticsAreTypedAndLocatedAtTheirCell() throws {
        let csv = Self.header + "\nS1,oui,4,4,11,rouge,,1,0,0,3,#NP,\nS2,oui,4,4,1\n"
        let issues = try importing(csv).0.issues
        #expect(
            issues == [
                .error(
                    SourceLocation(file: "f.csv", line: 2, column: 5),
                    ImportProblem.cell(column: "nb", .answer(questionNumber: "3", .numberAboveMaximum(10)))),
                .error(SourceLocation(file: "f.csv", line: 3), ImportProblem.fieldCountMismatch(values: 5, columns: 13)),
            ])
        // A whole row has no column: printed file:row, as a spreadsheet user reads it.
        #expect(issues.map(\.location.description) == ["f.csv:2:5", "f.csv:3"])
    }

    @Test func headerProblemsStopBeforeAnyRow() throws {
        let misspelt = Self.header.replacingOccurrences(of: "remarques", with: "remarque")
        #expect(
            try messages(misspelt + "\n") == [
                "f.csv:1: colonne(s) absente(s) : « remarques ». Chaque question doit avoir sa colonne, même vide : partez d'un fichier produit par prst export.",
                "f.csv:1:13: colonne inconnue « remarque » : elle ne correspond à aucune question de « essai ». Vouliez-vous dire « remarques » ? Partez d'un fichier produit par prst export pour avoir les bons noms.",
            ])
        #expect(
            try messages(Self.header + ",nb\n") == [
                "f.csv:1:14: la colonne « nb » apparaît deux fois (déjà en colonne 5) : gardez-en une seule."
            ])
    }

    @Test func emptyTrailingColumnsOfASpreadsheetAreAccepted() throws {
        let row = "S1,non,#NP,#NP,1,,#NP,0,0,1,#NP,#NP,"
        let (summary, records) = try importing(Self.header + ",,\n" + row + ",,\n" + String(repeating: ",", count: 14) + "\n")
        #expect(summary.issues.isEmpty, "\(summary.issues)")
        #expect(records.count == 1 && summary.rows == 1)
        #expect(
            try messages(Self.header + ",\n" + row + ",oups\n") == [
                "f.csv:2:14: « oups » est dans une colonne sans nom d'en-tête : rattachez-la à une question ou videz-la."
            ])
    }

    @Test func malformedFilesGetOneClearMessage() throws {
        #expect(try messages("") == ["f.csv:1: le fichier est vide : il doit au moins contenir la ligne d'en-tête."])
        var latin1 = Data((Self.header + "\nS1,non,#NP,#NP,1,,#NP,0,0,1,#NP,#NP,").utf8)
        latin1.append(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x0A])  // "café" in Latin-1
        let summary = try WideImporter(questionnaire: Self.sample).read(data: latin1, file: "f.csv", newSessionID: { "X" })
        #expect(
            summary.issues.map { $0.locatedMessage(in: .fr) } == [
                "f.csv:2: le fichier n'est pas encodé en UTF-8 (octet 0xE9) : il vient sans doute d'un export Latin-1 ou Windows. Dans Excel, « Enregistrer sous » puis « CSV UTF-8 » ; dans LibreOffice, jeu de caractères « Unicode (UTF-8) »."
            ])
        #expect(
            try messages(Self.header + "\nS1,non,#NP,#NP,1,,#NP,0,0,1,#NP,#NP,\"pas fermé\n") == [
                "f.csv:2: un guillemet ouvert à la ligne 2 du fichier n'est jamais refermé : vérifiez les guillemets de cette ligne."
            ])
    }

    @Test func unfinishedSessionsKeepOnlyWhatWasAnswered() throws {
        let header = Self.header.replacingOccurrences(of: "session,", with: "session,statut,")
        let csv = header + "\nS1,en_cours,oui,4,,,,,,,,,,\nS2,fini,non,#NP,#NP,1,,#NP,0,0,1,#NP,#NP,\n"
        let (summary, records) = try importing(csv)
        #expect(
            summary.issues.map { $0.locatedMessage(in: .fr) } == [
                "f.csv:3:2: colonne « statut » : « fini » n'est pas un état : « complet » ou « en_cours »."
            ])
        #expect(records.count == 1)
        #expect(records.first?.status == .inProgress)
        #expect(records.first?.completedAt == nil)
        #expect(records.first?.answers == [AnswerKey("participe"): .choice("oui"), AnswerKey("a1"): .choice("4")])
    }

    @Test func englishQuestionnairesGetEnglishMessages() throws {
        let english = SampleQuestionnaire.load(SampleQuestionnaire.yaml.replacingOccurrences(of: "language: fr", with: "language: en"))
        let (summary, _) = try importing(Self.header + "\nS1,maybe,#NP,#NP,1,,#NP,0,0,1,#NP,#NP,\n", english)
        #expect(summary.issues.map { $0.message(in: .en) } == ["column “participe”: “maybe” is not an expected code (codes: oui, non)."])
    }
}
