import Foundation
import Testing
import SurveyCore
@testable import SurveyAnalysis

/// A tiny two-population campaign built in memory.
enum Fixture {
    static let campaign = """
        format: 1
        id: test
        title: "Test"
        questionnaires:
          - {population: a, label: "Groupe A", file: a.yaml, target: 10}
          - {population: b, label: "Groupe B", file: b.yaml}
        themes:
          - {id: moyens, title: "Moyens"}
        min_group: 3
        codebook: codebook.yaml
        names: ["Durand"]
        """
    static func questionnaire(_ id: String) -> String {
        """
        format: 1
        id: \(id)
        version: 1
        title: "Q \(id)"
        population: \(id)
        scales:
          accord:
            levels:
              - {code: 4, label: "Tout à fait"}
              - {code: 3, label: "Plutôt"}
              - {code: 2, label: "Plutôt pas"}
              - {code: 1, label: "Pas du tout"}
            favourable: [4, 3]
            missing:
              - {code: nsp, label: "Ne sait pas"}
        sections:
          - id: s
            title: "S"
            theme: moyens
            questions:
              - {id: filtre, type: yesno, label: "Filtre ?"}
              - {id: moyens_ok, type: scale, scale: accord, when: 'filtre == "oui"', label: "Moyens suffisants"}
              - {id: difficultes, type: text, polarity: difficulte, required: false, label: "Difficultés ?"}
        """
    }
    static let codebook = """
        format: 1
        themes:
          - {id: moyens, definition: "Moyens", patterns: ["moyens", "budget"]}
        """

    static func load() -> LoadedCampaign {
        CampaignLoader.load(
            "c/campagne.yaml",
            source: InMemorySource(texts: [
                "c/campagne.yaml": campaign, "c/a.yaml": questionnaire("a"), "c/b.yaml": questionnaire("b"), "c/codebook.yaml": codebook,
            ]))
    }
}

final class ArrayReader: ResponseReader {
    var questionnaires: [Questionnaire]
    var records: [ResponseRecord]
    init(_ questionnaires: [Questionnaire], _ records: [ResponseRecord]) {
        self.questionnaires = questionnaires
        self.records = records
    }
    func definitions() throws -> [Questionnaire] { questionnaires }
    func forEachResponse(questionnaireID: String, version: Int, _ body: (ResponseRecord) throws -> Void) throws {
        for record in records where record.questionnaireID == questionnaireID && record.questionnaireVersion == version { try body(record) }
    }
}

func record(_ population: String, _ index: Int, _ answers: [String: AnswerValue], status: SessionStatus = .completed) -> ResponseRecord {
    ResponseRecord(
        sessionID: "\(population)-\(index)", questionnaireID: population, questionnaireVersion: 1, population: population, status: status,
        origin: .respondent, startedAt: Date(timeIntervalSince1970: 0), completedAt: nil,
        answers: Dictionary(uniqueKeysWithValues: answers.map { (AnswerKey($0.key), $0.value) }))
}

@Suite struct AnalyzerTests {
    func analyse(_ records: [ResponseRecord], options: AnalysisOptions = AnalysisOptions()) throws -> AnalysisResult {
        let loaded = Fixture.load()
        #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
        let campaign = try #require(loaded.campaign)
        return try SurveyAnalyzer.analyse(
            campaign: campaign, codebook: loaded.codebook,
            reader: ArrayReader(loaded.questionnaires.compactMap(\.questionnaire), records), options: options)
    }

    @Test func basesNotAskedNonSubstantiveAndCompletedOnly() throws {
        var records: [ResponseRecord] = []
        // Group A: 4 answers 4,3,2,1 ; 1 "ne sait pas" ; 2 not asked ; 1 unfinished (ignored).
        for (i, code) in ["4", "3", "2", "1"].enumerated() { records.append(record("a", i, ["filtre": .choice("oui"), "moyens_ok": .choice(code)])) }
        records.append(record("a", 10, ["filtre": .choice("oui"), "moyens_ok": .nonSubstantive("nsp")]))
        records.append(record("a", 11, ["filtre": .choice("non"), "moyens_ok": .notAsked]))
        records.append(record("a", 12, ["filtre": .choice("non"), "moyens_ok": .notAsked]))
        records.append(record("a", 13, ["filtre": .choice("oui"), "moyens_ok": .choice("4")], status: .inProgress))
        let result = try analyse(records)
        let item = try #require(result.items.first { $0.item == "moyens_ok" && $0.population == "a" })
        #expect(item.nValid == 4 && item.nNonSubstantive == 1 && item.nNotAsked == 2)
        #expect(item.favourable == 2 && item.unfavourable == 2 && item.netScore == 0 && item.median == 2.5)
        #expect(item.shown)
        let participation = try #require(result.participation.first { $0.population == "a" })
        #expect(participation.started == 8 && participation.completed == 7)
        #expect(participation.responseRate == 0.7)
    }

    @Test func disclosureControlWithholdsSmallGroups() throws {
        var records: [ResponseRecord] = []
        for i in 0..<5 { records.append(record("a", i, ["filtre": .choice("oui"), "moyens_ok": .choice("3")])) }
        // Group B: 2 respondents, under min_group 3.
        for i in 0..<2 {
            records.append(record("b", i, ["filtre": .choice("oui"), "moyens_ok": .choice("1"), "difficultes": .text("Pas de budget, écrire à Durand")]))
        }
        let result = try analyse(records)
        #expect(result.items.first { $0.population == "b" }?.shown == false)
        #expect(result.suppressed.contains { $0.group == "b" && $0.what == .population })
        #expect(result.comparisons.isEmpty)  // B withheld: no comparison that would reveal it
        #expect(result.quotes.allSatisfy { $0.population != "b" })
        #expect(result.mentions.filter { $0.population == "b" }.allSatisfy { !$0.shown })
        // With --min-group 2, B is published and compared.
        let relaxed = try analyse(records, options: AnalysisOptions(minGroup: 2))
        #expect(relaxed.comparisons.count == 1 && relaxed.comparisons[0].test == "mann-whitney")
        #expect(relaxed.quotes.first?.text == "Pas de budget, écrire à [nom]")
    }

    @Test func respondentsNotMentionsAndManualCoding() throws {
        var records: [ResponseRecord] = []
        records.append(record("a", 0, ["filtre": .choice("non"), "difficultes": .text("Pas de moyens, pas de budget, moyens encore")]))
        records.append(record("a", 1, ["filtre": .choice("non"), "difficultes": .text("Rien à dire sur ce point")]))
        records.append(record("a", 2, ["filtre": .choice("non"), "difficultes": .text("Aucun souci")]))
        let automatic = try analyse(records)
        let mention = try #require(automatic.mentions.first { $0.population == "a" && $0.theme == "moyens" && $0.polarity == .difficulte })
        #expect(mention.respondents == 1 && mention.base == 3)
        #expect(automatic.uncodedAnswers == 2)
        let manual = try analyse(records, options: AnalysisOptions(manualCodes: ManualCoding.parse("session,question,theme\na-1,difficultes,moyens\n")))
        #expect(manual.mentions.first { $0.population == "a" && $0.theme == "moyens" && $0.polarity == .difficulte }?.respondents == 2)
    }

    @Test func emptyStore() throws {
        let result = try analyse([])
        #expect(result.items.allSatisfy { $0.nValid == 0 && !$0.shown })
        #expect(result.participation.allSatisfy { $0.started == 0 })
    }
}

@Suite struct AnalysedPopulationTests {
    func analyse(_ records: [ResponseRecord], options: AnalysisOptions = AnalysisOptions()) throws -> AnalysisResult {
        try AnalyzerTests().analyse(records, options: options)
    }

    @Test func importedUnfinishedSessionsAreNotAnalysed() throws {
        var records = (0..<4).map { record("a", $0, ["filtre": .choice("oui"), "moyens_ok": .choice("4")]) }
        var unfinished = record("a", 9, ["filtre": .choice("oui"), "moyens_ok": .choice("1")], status: .inProgress)
        unfinished.origin = .imported
        records.append(unfinished)
        let result = try analyse(records)
        let participation = try #require(result.participation.first { $0.population == "a" })
        #expect(participation.started == 5 && participation.completed == 4)
        let item = try #require(result.items.first { $0.item == "moyens_ok" && $0.population == "a" })
        #expect(item.nValid == 4 && item.unfavourable == 0)
    }

    @Test func openAnswersOfAQuestionUnderTheThresholdAreWithheld() throws {
        // Five people, one open answer: the answer is about one person.
        var records = (0..<4).map { record("a", $0, ["filtre": .choice("non")]) }
        records.append(record("a", 4, ["filtre": .choice("non"), "difficultes": .text("Pas assez de moyens pour notre petite équipe ici")]))
        let result = try analyse(records)
        #expect(result.verbatims.isEmpty)
        #expect(result.quotes.isEmpty)
        #expect(result.suppressed.contains { $0.what == .texts("difficultes") && $0.group == "a" && $0.base == 1 && $0.reason == .belowThreshold })
        #expect(result.frequencies.first { $0.variable == "difficultes" && $0.population == "a" }?.shown == false)
        let relaxed = try analyse(records, options: AnalysisOptions(minGroup: 1))
        #expect(relaxed.verbatims.count == 1)
        #expect(!relaxed.suppressed.contains { $0.what == .texts("difficultes") })
    }

    @Test func theFlatCountOfAScaleLeavesNeSaitPasOutOfTheBase() throws {
        var records = (0..<4).map { record("a", $0, ["filtre": .choice("oui"), "moyens_ok": .choice("4")]) }
        records.append(record("a", 4, ["filtre": .choice("oui"), "moyens_ok": .nonSubstantive("nsp")]))
        let result = try analyse(records)
        let flat = try #require(result.frequencies.first { $0.variable == "moyens_ok" && $0.population == "a" })
        let item = try #require(result.items.first { $0.item == "moyens_ok" && $0.population == "a" })
        #expect(flat.given == 5 && flat.base == 4 && flat.base == item.nValid)
    }
}

@Suite struct VerbatimOrderTests {
    @Test func answersOfAQuestionAreNotInTheOrderOfSessions() throws {
        // The same order of sessions in every question would link a person's answers by position.
        let records = (0..<12).map { record("a", $0, ["filtre": .choice("non"), "difficultes": .text("Réponse libre numéro \($0)")]) }
        let result = try AnalyzerTests().analyse(records)
        let sessions = result.verbatims.map(\.session)
        #expect(sessions.count == 12)
        #expect(sessions != records.map(\.sessionID))
        #expect(result.verbatims.map(\.publicationOrder) == result.verbatims.map(\.publicationOrder).sorted())
    }
}
