import Foundation
import SurveyCore
import SurveySimulation
import SurveyTestSupport
import Testing

@testable import SurveyExchange

@Suite("Exporting and importing open repeats, units and periods")
struct OpenRepeatExchangeTests {
    static let bilan: Questionnaire = {
        let loaded = QuestionnaireLoader.load(packageRoot() + "/surveys/bilan.yaml")
        guard let questionnaire = loaded.questionnaire else { fatalError("\(loaded.diagnostics)") }
        return questionnaire
    }()

    /// A bilan of fiche-action 1.1 that declares `count` deliverables, as the runner stores it:
    /// the « add » answers of repetitions 1…count are « oui », the next one « non ».
    static func bilanRecord(_ sessionID: String, deliverables count: Int, unit: String = "fa_1_1") -> ResponseRecord {
        var answers: [AnswerKey: AnswerValue] = [
            AnswerKey("etat_realisation"): .choice("realisee"), AnswerKey("copilotage"): .choice("oui"),
            AnswerKey("pilote_continu"): .choice("non"), AnswerKey("nb_reunions"): .number(12), AnswerKey("nb_structures"): .number(9),
            AnswerKey("nb_structures_syndicales"): .number(3), AnswerKey("fiche_cadre_utile"): .choice("oui"),
        ]
        for number in 1...max(count, 1) where number <= count {
            let n = String(number)
            answers[AnswerKey("livrables", repetition: n)] = .choice("oui")
            answers[AnswerKey("livrable_titre", repetition: n)] = .text("Guide n° \(number), « TMS »")
            answers[AnswerKey("livrable_type", repetition: n)] = .choice(number == 2 ? "autre" : "guide")
            answers[AnswerKey("livrable_type_autre", repetition: n)] = number == 2 ? .text("Jeu de cartes") : .notAsked
            answers[AnswerKey("livrable_annee", repetition: n)] = .number(2018)
            answers[AnswerKey("livrable_cibles", repetition: n)] = .choices(["entreprises", "spsti"])
            answers[AnswerKey("livrable_cibles_autre", repetition: n)] = .notAsked
            answers[AnswerKey("livrable_personnes_touchees", repetition: n)] = number == 3 ? .skipped : .number(250)
            answers[AnswerKey("livrable_tpe_pme", repetition: n)] = number == 3 ? .skipped : .number(40)
        }
        answers[AnswerKey("livrables", repetition: String(count + 1))] = .choice("non")
        for step in bilan.plan(given: answers) where answers[step.step.key] == nil && !step.step.isNote {
            answers[step.step.key] = filler(for: step.step)
        }
        return ResponseRecord(
            sessionID: sessionID, questionnaireID: "bilan", questionnaireVersion: 1, population: "pilotes", status: .completed, origin: .respondent,
            startedAt: Date(timeIntervalSince1970: 1_700_000_000), completedAt: Date(timeIntervalSince1970: 1_700_000_600), answers: answers,
            reporting: ReportingKey(unit: unit, period: "PRST3"))
    }

    /// An answer for the questions after the deliverables, so that the record is complete.
    static func filler(for step: Step) -> AnswerValue {
        switch step.variable.valueType {
        case .single, .yesno: bilan.options(for: step.variable.question).first.map { .choice($0.code) } ?? .skipped
        case .multiple: bilan.options(for: step.variable.question).first.map { .choices([$0.code]) } ?? .skipped
        case .number: .number(1)
        case .scale: bilan.scale(for: step.variable.question)?.levels.first.map { .choice($0.code) } ?? .skipped
        default: .text("Texte")
        }
    }

    func cells(_ exporter: WideExporter, _ record: ResponseRecord) throws -> [String: String] {
        let names = exporter.layout.columns.map(\.name)
        var reader = try CSVReader(data: Data((exporter.header() + exporter.row(record)).utf8))
        _ = try reader.next()
        let fields = try #require(try reader.next()).fields
        return Dictionary(uniqueKeysWithValues: zip(names, fields))
    }

    // MARK: - Export

    @Test func theDeliverablesOfABilanAreExported() throws {
        let exporter = WideExporter(layout: ExchangeLayout(Self.bilan, includeStatus: false), style: .rfc4180)
        let row = try cells(exporter, Self.bilanRecord("S1", deliverables: 2))
        #expect(row["livrable_titre__1"] == "Guide n° 1, « TMS »")
        #expect(row["livrable_titre__2"] == "Guide n° 2, « TMS »")
        #expect(row["livrable_type__2"] == "autre")
        #expect(row["livrable_type_autre__2"] == "Jeu de cartes")
        #expect(row["livrable_annee__1"] == "2018")
        #expect(row["livrable_cibles__2__spsti"] == "1")
        #expect(row["livrable_cibles__2__salaries"] == "0")
        #expect(row["livrable_tpe_pme__1"] == "40")
        #expect(row["livrable_titre__3"] == "#NP")
        #expect(row["livrable_cibles__3__spsti"] == "#NP")
        #expect(row["livrable_titre__40"] == "#NP")
        #expect(row["livrable_titre__41"] == nil)
    }

    @Test func unitAndPeriodComeFirstAndTheDictionaryNamesEachRepetition() throws {
        let layout = ExchangeLayout(Self.bilan, includeStatus: true)
        #expect(layout.columns.map(\.name).prefix(4) == ["session", "unite", "periode", "statut"])
        let names = layout.columns.map(\.name)
        let firstTitle = try #require(names.firstIndex(of: "livrable_titre__1"))
        // Repetition by repetition, as the paper form reads.
        #expect(names[firstTitle...].prefix(3) == ["livrable_titre__1", "livrable_type__1", "livrable_type_autre__1"])
        #expect(names.contains("livrable_titre__40") && !names.contains("livrable_titre__41"))
        #expect(names.firstIndex(of: "livrable_titre__2") ?? 0 > names.firstIndex(of: "livrable_tpe_pme__1") ?? 0)
        let rows = DataDictionary.rows(file: "bilan.csv", layout: layout)
        let byColumn = Dictionary(uniqueKeysWithValues: rows.map { ($0[1], $0) })
        #expect(byColumn["livrable_titre__2"]?[2] == "8[2]")
        #expect(byColumn["livrable_titre__2"]?[4] == "livrable 2 : Intitulé du livrable 2")
        #expect(byColumn["livrable_titre__2"]?[7] == "livrable 2 ajouté (« Ajouter un livrable ? » : oui)")
        #expect(byColumn["livrable_cibles__3__spsti"]?[4] == "livrable 3 : À qui s'adresse-t-il ? — Services de prévention et de santé au travail (SPSTI)")
        #expect(byColumn["unite"]?[5] == "unite")
        #expect(byColumn["unite"]?[6].hasPrefix("fa_1_1 = 1.1 – Favoriser la culture de prévention | fa_1_2_1 = ") == true)
        #expect(byColumn["periode"]?[6] == "PRST3")
        let script = RImportScript.make([RImportScript.Entry(file: "bilan.csv", layout: layout)], style: .rfc4180)
        #expect(script.contains(#"bilan[["unite"]] <- prst_facteur(bilan[["unite"]], c("fa_1_1", "fa_1_2_1""#))
        #expect(script.contains(#"bilan[["periode"]] <- prst_facteur(bilan[["periode"]], c("PRST3"), c("PRST3"))"#))
        #expect(
            script.contains(
                #"bilan[["livrable_annee__2"]] <- prst_libelle(prst_nombre(bilan[["livrable_annee__2"]]), "10[2]. livrable 2 : En quelle ann\u00e9e"#))
        #expect(script.contains(#"bilan[["livrable_cibles__2__spsti"]] <- prst_libelle(as.integer(prst_na(bilan[["livrable_cibles__2__spsti"]]))"#))
    }

    @Test(.enabled(if: Renderers.path(of: "Rscript") != nil, "R is not installed (apt-get install r-base-core)"), arguments: [CSVStyle.rfc4180, .excel])
    func importRReadsEveryRepetitionAndTheUnit(style: CSVStyle) throws {
        let directory = try TemporaryDirectory()
        let layout = ExchangeLayout(Self.bilan, includeStatus: false)
        let exporter = WideExporter(layout: layout, style: style)
        let records = [Self.bilanRecord("S1", deliverables: 2), Self.bilanRecord("S2", deliverables: 0, unit: "fa_1_2_1")]
        _ = try directory.write("bilan.csv", exporter.header() + records.map(exporter.row).joined())
        _ = try directory.write("import.R", RImportScript.make([RImportScript.Entry(file: "bilan.csv", layout: layout)], style: style))
        let script = """
            source("import.R")
            stopifnot(nrow(bilan) == 2, ncol(bilan) == \(layout.columns.count))
            stopifnot(identical(as.character(bilan$unite), c("1.1 \\u2013 Favoriser la culture de pr\\u00e9vention", "1.2.1 \\u2013 Pr\\u00e9vention primaire et parcours professionnels des salari\\u00e9s")))
            stopifnot(identical(as.vector(bilan$livrable_titre__2), c("Guide n\\u00b0 2, \\u00ab TMS \\u00bb", NA)), is.na(bilan$livrable_titre__3[1]))
            stopifnot(is.factor(bilan$livrable_type__2), !is.na(bilan$livrable_type__2[1]), is.na(bilan$livrable_type__2[2]), identical(as.vector(bilan$livrable_cibles__2__spsti), c(1L, NA)))
            stopifnot(identical(as.vector(bilan$livrable_annee__1), c(2018, NA)))
            cat("ok\\n")
            """
        let result = try Renderers.run("Rscript", ["-e", "setwd('\(directory.path)'); " + script.replacingOccurrences(of: "\n", with: "; ")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok"), "\(result.stdout)")
    }

    // MARK: - Round trip

    /// Reads `csv` as an import would, keeping the valid records.
    func importing(_ csv: String, _ questionnaire: Questionnaire = bilan) throws -> (ImportSummary, [ResponseRecord]) {
        var records: [ResponseRecord] = []
        var counter = 0
        let summary = try WideImporter(questionnaire: questionnaire).read(
            data: Data(csv.utf8), file: "bilan.csv", now: Date(timeIntervalSince1970: 1_700_000_000),
            newSessionID: {
                counter += 1
                return "NEW\(counter)"
            },
            accept: { record, _ in
                records.append(record)
                return nil
            })
        return (summary, records)
    }

    @Test(arguments: [CSVStyle.rfc4180, .excel])
    func bilansWithZeroOneOrThreeDeliverablesComeBackByteForByte(style: CSVStyle) throws {
        let originals = [
            Self.bilanRecord("S0", deliverables: 0, unit: "fa_1_1"), Self.bilanRecord("S1", deliverables: 1, unit: "fa_1_2_1"),
            Self.bilanRecord("S3", deliverables: 3, unit: "fa_1_2_2"),
        ]
        let exporter = WideExporter(layout: ExchangeLayout(Self.bilan, includeStatus: false), style: style)
        let first = exporter.header() + originals.map(exporter.row).joined()
        let (summary, imported) = try importing(first)
        #expect(summary.issues.isEmpty, "\(summary.issues.prefix(3).map { $0.locatedMessage(in: .fr) })")
        #expect(imported.map(\.sessionID) == ["S0", "S1", "S3"])
        #expect(imported.map(\.reporting) == originals.map(\.reporting))
        #expect(summary.reportingRows == [originals[0].reporting!: 2, originals[1].reporting!: 3, originals[2].reporting!: 4])
        let second = exporter.header() + imported.map(exporter.row).joined()
        #expect(first == second, "\(first.count) \(second.count)")
        // The « add another? » answers come back too, so that the plan finds the same repetitions.
        for (original, copy) in zip(originals, imported) {
            #expect(copy.answers == original.answers, "\(original.sessionID)")
        }
        let section = try #require(Self.bilan.sections.first { $0.openRepeat != nil })
        #expect(imported.map { Self.bilan.openRepetitions(of: section, given: $0.answers).count } == [0, 1, 3])
    }

    @Test(arguments: [CSVStyle.rfc4180, .excel])
    func simulatedBilansComeBackByteForByte(style: CSVStyle) throws {
        let simulator = Simulator(profile: SimulationProfile(), phrases: PhraseBank(), seed: 5)
        var originals: [ResponseRecord] = []
        let units = try #require(Self.bilan.reportingUnits).units
        try simulator.generate(Self.bilan, count: units.count) { record in
            var record = record
            // The simulator may leave a required « dont » unanswered when its total is 0 (all its
            // random candidates are above it): the runner would not store that, the import refuses it.
            for (key, value) in record.answers
            where value == .skipped && Self.bilan.question(key.variable)?.partOf != nil
                && Self.bilan.question(key.variable)?.requirement == .required
            {
                record.answers[key] = .number(0)
            }
            record.reporting = ReportingKey(unit: units[originals.count].code, period: "PRST3")
            originals.append(record)
        }
        let section = try #require(Self.bilan.sections.first { $0.openRepeat != nil })
        #expect(originals.contains { Self.bilan.openRepetitions(of: section, given: $0.answers).count >= 2 })
        let exporter = WideExporter(layout: ExchangeLayout(Self.bilan, includeStatus: true), style: style)
        let first = exporter.header() + originals.map(exporter.row).joined()
        let (summary, imported) = try importing(first)
        #expect(summary.issues.isEmpty, "\(summary.issues.prefix(3).map { $0.locatedMessage(in: .fr) })")
        #expect(imported.count == originals.count)
        let second = exporter.header() + imported.map(exporter.row).joined()
        #expect(first == second, "\(first.count) \(second.count)")
        for (original, copy) in zip(originals, imported) where original.status == .completed {
            let keys = Set(copy.answers.keys).union(original.answers.keys).filter { copy.answers[$0] != original.answers[$0] }
            #expect(
                keys.isEmpty,
                "\(original.sessionID): \(keys.sorted { "\($0)" < "\($1)" }.map { "\($0) \(String(describing: original.answers[$0])) → \(String(describing: copy.answers[$0]))" })"
            )
        }
    }

    // MARK: - Bad input

    /// A completed bilan row of the template with `changes` applied (column name → cell).
    func row(_ changes: [String: String], deliverables: Int = 2, unit: String = "fa_1_1") throws -> String {
        let exporter = WideExporter(layout: ExchangeLayout(Self.bilan, includeStatus: false), style: .rfc4180)
        var cells = try cells(exporter, Self.bilanRecord("", deliverables: deliverables, unit: unit))
        for (name, value) in changes { cells[name] = value }
        return CSVStyle.rfc4180.row(exporter.layout.columns.map { cells[$0.name] ?? "" })
    }

    var header: String { WideExporter(layout: ExchangeLayout(Self.bilan, includeStatus: false), style: .rfc4180).header() }

    func column(_ name: String) -> Int {
        (ExchangeLayout(Self.bilan, includeStatus: false).columns.firstIndex { $0.name == name } ?? -1) + 1
    }

    func messages(_ csv: String) throws -> [String] {
        let (summary, _) = try importing(csv)
        return summary.issues.map { $0.locatedMessage(in: .fr) }
    }

    @Test func aPaperRowMayLeaveTheUnusedRepetitionsEmpty() throws {
        // Empty cells, and 0s in the 0/1 columns, as a typist leaves the unused repetitions.
        var unused: [String: String] = [:]
        for column in ExchangeLayout(Self.bilan, includeStatus: false).columns {
            switch column.content {
            case .value(let key) where (key.repetition.flatMap { Int($0) } ?? 0) > 1: unused[column.name] = ""
            case .option(let key, _) where (key.repetition.flatMap { Int($0) } ?? 0) > 1: unused[column.name] = "0"
            default: continue
            }
        }
        #expect(unused["livrable_titre__12"] == "" && unused["livrable_cibles__40__spsti"] == "0" && unused["livrable_titre__1"] == nil)
        let (summary, records) = try importing(header + row(unused, deliverables: 1))
        #expect(summary.issues.isEmpty, "\(summary.issues.prefix(3).map { $0.locatedMessage(in: .fr) })")
        let record = try #require(records.first)
        #expect(record.answers[AnswerKey("livrables", repetition: "1")] == .choice("oui"))
        #expect(record.answers[AnswerKey("livrables", repetition: "2")] == .choice("non"))
        #expect(record.answers[AnswerKey("livrable_titre", repetition: "2")] == nil)
    }

    @Test func aRepetitionAfterAnEmptyOneIsRefusedAtItsCell() throws {
        var blanks: [String: String] = [:]
        for column in ExchangeLayout(Self.bilan, includeStatus: false).columns where column.name.hasSuffix("__2") || column.name.contains("__2__") {
            blanks[column.name] = "#NP"
        }
        blanks["livrable_titre__2"] = ""
        let found = try messages(header + row(blanks, deliverables: 3))
        #expect(
            found == [
                "bilan.csv:2:\(column("livrable_titre__3")): colonne « livrable_titre__3 » : « livrable 3 » a des réponses alors que « livrable 2 » n'en a aucune : les répétitions se remplissent dans l'ordre, sans en sauter ; reportez ces réponses dans les colonnes __2."
            ])
    }

    @Test func aDontAboveItsTotalIsRefusedInItsRepetition() throws {
        let found = try messages(header + row(["livrable_tpe_pme__2": "300"]))
        #expect(
            found == [
                "bilan.csv:2:\(column("livrable_personnes_touchees__2")): colonne « livrable_personnes_touchees__2 » : question 12[2] : Ce total ne peut pas être inférieur au « dont » donné à la question 13[2] (300).",
                "bilan.csv:2:\(column("livrable_tpe_pme__2")): colonne « livrable_tpe_pme__2 » : question 13[2] : Ce nombre ne peut pas dépasser le total donné à la question 12[2] (250).",
            ])
    }

    @Test func aRepetitionBeyondTheMaximumIsNamedAsSuch() throws {
        let found = try messages(header.dropLast() + ",livrable_titre__41\n" + row([:]).dropLast() + ",\n")
        #expect(
            found == [
                "bilan.csv:1:\(ExchangeLayout(Self.bilan, includeStatus: false).columns.count + 1): colonne « livrable_titre__41 » : le questionnaire prévoit au plus 40 répétition(s) « livrable » (colonnes __1 à __40) : retirez cette colonne, ou reportez ses réponses dans une répétition encore libre."
            ])
    }

    @Test func unitsAndPeriodsAreCheckedAgainstTheDefinition() throws {
        let unite = column("unite"), periode = column("periode")
        let found = try messages(
            header + row(["unite": "fa_1_1_"]) + row(["periode": "PRST2"]) + row(["unite": "", "periode": ""]) + row(["unite": "fa_1_2_1"])
                + row(["unite": "FA_1_2_1", "periode": "prst3"]))
        #expect(
            found == [
                "bilan.csv:2:\(unite): colonne « unite » : « fa_1_1_ » n'est pas une unité (fiche-action) du référentiel « fiches_prst3 » (codes : fa_1_1, fa_1_2_1, fa_1_2_2, fa_1_2_3, fa_1_3_1, fa_1_3_2, fa_1_3_3, fa_1_3_4, fa_1_3_6, fa_1_3_7, fa_1_3_8, fa_1_3_10, …). Vouliez-vous dire « fa_1_1 » ?",
                "bilan.csv:3:\(periode): colonne « periode » : « PRST2 » n'est pas une période de ce questionnaire (périodes : PRST3). Vouliez-vous dire « PRST3 » ?",
                "bilan.csv:4:\(unite): colonne « unite » : cellule vide : indiquez pour quelle unité (fiche-action) cette réponse est donnée, par son code (voir dictionnaire.csv).",
                "bilan.csv:4:\(periode): colonne « periode » : cellule vide : indiquez la période de cette réponse (périodes : PRST3).",
                "bilan.csv:6:\(unite): colonne « unite » : l'unité « fa_1_2_1 » a déjà une réponse pour la période « PRST3 » à la ligne 5 : une seule réponse par unité et par période ; gardez l'une des deux lignes.",
            ])
        let (summary, records) = try importing(header + row(["unite": "FA_1_2_1", "periode": "prst3"]))
        #expect(summary.issues.isEmpty)
        #expect(records.first?.reporting == ReportingKey(unit: "fa_1_2_1", period: "PRST3"))
        let missing = try messages("session,statut,etat_realisation\n")
        #expect(
            missing.first?.hasPrefix("bilan.csv:1: colonne(s) absente(s) : « unite », « periode », « copilotage »") == true, "\(missing.map { $0.prefix(300) })"
        )
    }
}

@Suite("Importing an open repeat with a minimum")
struct OpenRepeatMinimumImportTests {
    static let actions = SampleQuestionnaire.load(
        """
        format: 1
        id: actions
        title: "Actions"
        population: spsti
        sections:
          - id: actions
            title: "Action {n}"
            repeat: {min: 2, max: 3, item: "action", add: "Ajouter une action ?"}
            questions:
              - {id: intitule, type: text, label: "Intitulé de l'action {n}"}
              - {id: public, type: text, required: false, label: "Public visé"}
        """)

    func importing(_ csv: String) throws -> (messages: [String], records: [ResponseRecord]) {
        var records: [ResponseRecord] = []
        let summary = try WideImporter(questionnaire: Self.actions).read(
            data: Data(csv.utf8), file: "actions.csv", now: Date(timeIntervalSince1970: 1_700_000_000), newSessionID: { "NEW" },
            accept: { record, _ in
                records.append(record)
                return nil
            })
        return (summary.issues.map { $0.locatedMessage(in: .fr) }, records)
    }

    static let header = "session,intitule__1,public__1,intitule__2,public__2,intitule__3,public__3\n"

    @Test func fewerRepetitionsThanTheMinimumAreRefused() throws {
        let refused = try importing(Self.header + "S1,Réunion,,,,,\n")
        #expect(
            refused.messages == [
                "actions.csv:2:4: colonne « intitule__2 » : le questionnaire demande au moins 2 répétition(s) « action » et « action 2 » n'a aucune réponse : remplissez-la (pour un questionnaire laissé inachevé, mettez « en_cours » dans une colonne statut)."
            ])
        #expect(refused.records.isEmpty)
        // Unfinished, it may stop before the minimum.
        let unfinished = try importing("session,statut,intitule__1,public__1,intitule__2,public__2,intitule__3,public__3\nS1,en_cours,Réunion,,,,,\n")
        #expect(unfinished.messages.isEmpty, "\(unfinished.messages)")
        #expect(unfinished.records.first?.answers[AnswerKey("actions", repetition: "3")] == nil)
    }

    @Test func theMinimumRepetitionsNeedNoAddAnswer() throws {
        let accepted = try importing(Self.header + "S1,Réunion,,Atelier,salariés,#NP,#NP\nS2,Réunion,,Atelier,,Guide,\n")
        #expect(accepted.messages.isEmpty, "\(accepted.messages)")
        let two = try #require(accepted.records.first), three = try #require(accepted.records.last)
        #expect(two.answers[AnswerKey("actions", repetition: "1")] == nil)
        #expect(two.answers[AnswerKey("actions", repetition: "3")] == .choice("non"))
        #expect(three.answers[AnswerKey("actions", repetition: "3")] == .choice("oui"))
        #expect(three.answers[AnswerKey("actions", repetition: "4")] == nil)
        #expect(three.answers[AnswerKey("public", repetition: "2")] == .skipped)
        let section = try #require(Self.actions.sections.first)
        #expect(Self.actions.openRepetitions(of: section, given: three.answers) == [1, 2, 3])
    }

    static let conditional = SampleQuestionnaire.load(
        """
        format: 1
        id: actions
        title: "Actions"
        population: spsti
        sections:
          - id: general
            title: "Général"
            questions:
              - {id: a_des_actions, type: yesno, label: "Avez-vous mené des actions ?"}
          - id: actions
            title: "Action {n}"
            when: 'a_des_actions == "oui"'
            repeat: {min: 1, max: 3, item: "action", add: "Ajouter une action ?"}
            questions:
              - {id: intitule, type: text, label: "Intitulé de l'action {n}"}
        """)

    @Test func aRepeatNotAskedIsNotAskedWholly() throws {
        var records: [ResponseRecord] = []
        let summary = try WideImporter(questionnaire: Self.conditional).read(
            data: Data("session,a_des_actions,intitule__1,intitule__2,intitule__3\nS1,non,#NP,#NP,#NP\nS2,oui,Réunion,Atelier,\nS3,non,Réunion,,\n".utf8),
            file: "actions.csv", newSessionID: { "NEW" },
            accept: { record, _ in
                records.append(record)
                return nil
            })
        #expect(
            summary.issues.map { $0.locatedMessage(in: .fr) } == [
                "actions.csv:4:3: colonne « intitule__1 » : la question 2[1] n'est pas posée à ce répondant (condition : la réponse à la question 1 est « Oui ») : la cellule doit être vide ou « #NP »."
            ])
        #expect(summary.issues.count == 1 && summary.issues.first?.location.line == 4)
        let notAsked = try #require(records.first { $0.sessionID == "S1" })
        #expect(notAsked.answers[AnswerKey("intitule", repetition: "1")] == .notAsked)
        #expect(notAsked.answers[AnswerKey("actions", repetition: "2")] == .notAsked)
        let two = try #require(records.first { $0.sessionID == "S2" })
        #expect(two.answers[AnswerKey("actions", repetition: "2")] == .choice("oui"))
        #expect(two.answers[AnswerKey("actions", repetition: "3")] == .choice("non"))
        // Every step the runner would plan has its answer, as in a session completed with prst run.
        for record in [notAsked, two] {
            for step in Self.conditional.plan(given: record.answers) where !step.step.isNote {
                #expect(record.answers[step.step.key] != nil, "\(record.sessionID) \(step.step.key)")
            }
        }
    }
}
