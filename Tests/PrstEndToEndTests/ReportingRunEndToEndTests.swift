import Foundation
import Testing

/// `prst run` of a monitoring questionnaire, driven in plain mode through the built binary: one
/// response per unit × period, every bad unit or period refused before anything is stored.
@Suite struct ReportingRunEndToEndTests {
    static let fixture = """
        format: 1
        id: suivi_e2e
        version: 1
        title: "Suivi de bout en bout"
        population: pilotes
        language: fr
        units:
          commissions:
            kind: commission
            items:
              - {code: c_alpes, label: "Commission des Alpes"}
              - {code: c_rhone, label: "Commission du Rhône"}
        reporting:
          units: commissions
          periods: [2020, 2021]
        sections:
          - id: s1
            title: "Avancement"
            questions:
              - {id: nombre, type: number, min: 0, label: "Combien de réunions ?"}
        """

    static func workspace() throws -> (questionnaire: String, store: String) {
        let directory = try RunEndToEndTests.workspace()
        let path = directory.appendingPathComponent("suivi.yaml").path
        try fixture.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, directory.appendingPathComponent("reponses.sqlite").path)
    }

    static func status(_ store: String) throws -> String {
        try RunEndToEndTests.requireFreshBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunEndToEndTests.binary)
        process.arguments = ["status", "--store", store]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aKeyIsAnsweredOnceThenRefused() throws {
        let (questionnaire, store) = try Self.workspace()
        let first = try RunEndToEndTests.run([questionnaire, "--store", store, "--plain", "--unit", "c_alpes", "--period", "2021"], stdin: "3\no\n")
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stdout.contains("Suivi de bout en bout\n=====================\nCommission : Commission des Alpes (2021)\n"))
        #expect(first.stdout.contains("Merci, vos réponses sont enregistrées."))
        let before = try Self.status(store)
        #expect(before.contains("suivi_e2e (version 1), période 2021 : 1 commission sur 2, 0 en cours, 1 sans réponse"), "\(before)")
        #expect(before.contains("période 2020 : 0 commission sur 2, 0 en cours, 2 sans réponse"), "\(before)")

        let second = try RunEndToEndTests.run([questionnaire, "--store", store, "--plain", "--unit", "c_alpes", "--period", "2021"], stdin: "4\no\n")
        #expect(second.status == 1)
        #expect(
            second.stderr.contains(
                "La réponse de « Commission des Alpes » (c_alpes) pour la période 2021 au questionnaire « suivi_e2e » (version 1) a déjà été envoyée"),
            "\(second.stderr)")
        #expect(second.stderr.contains("adressez-vous à l'équipe d'évaluation"))
        #expect(!second.stdout.contains("Combien de réunions"))
        #expect(try Self.status(store) == before)
    }

    @Test func anUnfinishedKeyIsResumed() throws {
        let (questionnaire, store) = try Self.workspace()
        let arguments = [questionnaire, "--store", store, "--plain", "--unit", "c_rhone", "--period", "2020"]
        let first = try RunEndToEndTests.run(arguments, stdin: "")
        #expect(first.status == 3, "\(first.stdout)\n\(first.stderr)")
        let code = try #require(RunEndToEndTests.resumeCode(in: first.stdout))
        #expect(try Self.status(store).contains("période 2020 : 0 commission sur 2, 1 en cours, 1 sans réponse"))

        let second = try RunEndToEndTests.run(arguments, stdin: "5\no\n")
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("Reprise de votre questionnaire"))
        #expect(second.stdout.contains("Code de reprise : \(code)"), "the same session, not a new one")
        #expect(second.stdout.contains("Commission : Commission du Rhône (2020)"))
        #expect(try Self.status(store).contains("période 2020 : 1 commission sur 2, 0 en cours, 1 sans réponse"))
    }

    @Test func unknownUnitsAndPeriodsAreRefusedAndNothingIsStored() throws {
        let (questionnaire, store) = try Self.workspace()
        let unit = try RunEndToEndTests.run([questionnaire, "--store", store, "--unit", "c_alpe", "--period", "2021"], stdin: "3\no\n")
        #expect(unit.status == 1)
        #expect(
            unit.stderr.contains("« c_alpe » ne figure pas parmi les unités (commission) de ce questionnaire : vouliez-vous dire « c_alpes » ?"),
            "\(unit.stderr)")
        #expect(unit.stderr.contains("Codes possibles : c_alpes, c_rhone. Rien n'a été enregistré."))

        let period = try RunEndToEndTests.run([questionnaire, "--store", store, "--unit", "c_alpes", "--period", "2019"], stdin: "3\no\n")
        #expect(period.status == 1)
        #expect(period.stderr.contains("« 2019 » n'est pas une période de ce questionnaire"), "\(period.stderr)")
        #expect(period.stderr.contains("Périodes possibles : 2020, 2021."))

        let rehearsal = try RunEndToEndTests.run([questionnaire, "--dry-run", "--unit", "inconnue"], stdin: "")
        #expect(rehearsal.status == 1)
        #expect(rehearsal.stderr.contains("« inconnue » ne figure pas parmi les unités"))
        #expect(!FileManager.default.fileExists(atPath: store), "nothing stored, not even an empty store")
    }

    @Test func resumeWithAUnitIsAUsageError() throws {
        let (questionnaire, store) = try Self.workspace()
        let result = try RunEndToEndTests.run([questionnaire, "--store", store, "--resume", "K7F3-9QXM", "--unit", "c_alpes"], stdin: "")
        #expect(result.status == 64)
        #expect(result.stderr.contains("--resume et --unit ne peuvent pas être utilisés ensemble"), "\(result.stderr)")
    }

    @Test func unitOnASurveyOfPeopleIsRefused() throws {
        let directory = try RunEndToEndTests.workspace()
        let store = directory.appendingPathComponent("reponses.sqlite").path
        let result = try RunEndToEndTests.run([directory.appendingPathComponent("essai.yaml").path, "--store", store, "--unit", "c_alpes"], stdin: "o\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Le questionnaire « essai_e2e » n'est pas rempli pour une unité ni pour une période"), "\(result.stderr)")
        #expect(result.stderr.contains("relancez sans --unit"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func theUnitAndPeriodAreAskedWhenAbsent() throws {
        let (questionnaire, store) = try Self.workspace()
        let result = try RunEndToEndTests.run([questionnaire, "--store", store, "--plain"], stdin: "9\nC_RHONE\n\nautre\n2\n6\no\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(
            result.stdout.contains("Pour quelle unité (commission) répondez-vous ?\n  1. Commission des Alpes [c_alpes]\n  2. Commission du Rhône [c_rhone]\n"))
        #expect(result.stdout.contains("« 9 » n'est ni un numéro de 1 à 2 ni un code de la liste : réessayez."))
        #expect(result.stdout.contains("Pour quelle période répondez-vous ?\n  1. 2020\n  2. 2021\n"))
        #expect(result.stdout.contains("« autre » n'est ni un numéro de 1 à 2"))
        #expect(result.stdout.contains("Commission : Commission du Rhône (2021)"))
        #expect(try Self.status(store).contains("période 2021 : 1 commission sur 2"))

        let ended = try RunEndToEndTests.run([questionnaire, "--store", store, "--plain"], stdin: "")
        #expect(ended.status == 1)
        #expect(ended.stderr.contains("Aucune unité (commission) ni période n'a été choisie : rien n'a été enregistré."))
    }

    @Test func theShippedBilanShowsItsFicheActionInARehearsal() throws {
        let bilan = RunEndToEndTests.packageRoot.appendingPathComponent("surveys/bilan.yaml").path
        let result = try RunEndToEndTests.run([bilan, "--dry-run", "--plain", "--unit", "fa_1_1"], stdin: "")
        #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Fiche-action : 1.1 – Favoriser la culture de prévention (PRST3)"))
        #expect(result.stdout.contains("MODE ESSAI"))
    }
}
