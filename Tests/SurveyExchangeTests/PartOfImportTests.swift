import Foundation
import SurveyCore
import SurveyTestSupport
import Testing

@testable import SurveyExchange

@Suite("Importing indicators with a « dont »")
struct PartOfImportTests {
    static let indicators = SampleQuestionnaire.load(
        """
        format: 1
        id: cpom
        title: "Indicateurs CPOM"
        population: spsti
        sections:
          - id: pdp
            title: "Prévention de la désinsertion professionnelle"
            questions:
              - {id: nb_etudes, type: number, min: 0, unit: "études", provider: SPSTI, label: "Nombre d'études de poste TMS réalisées"}
              - {id: nb_amenages, type: number, min: 0, unit: "postes", part_of: nb_etudes, label: "dont postes ayant fait l'objet d'un aménagement"}
        """)

    func messages(_ csv: String) throws -> (messages: [String], accepted: Int) {
        var accepted = 0
        let summary = try WideImporter(questionnaire: Self.indicators).read(
            data: Data(csv.utf8), file: "cpom.csv", now: Date(timeIntervalSince1970: 1_700_000_000),
            newSessionID: { "NEW" },
            accept: { _, _ in
                accepted += 1; return nil
            })
        return (summary.issues.map { $0.locatedMessage(in: .fr) }, accepted)
    }

    @Test func aDontAboveItsTotalIsRefusedAtItsCell() throws {
        let refused = try messages("session,nb_etudes,nb_amenages\n,12,15\n")
        #expect(refused.accepted == 0)
        #expect(
            refused.messages.contains { $0.hasPrefix("cpom.csv:2:") && $0.contains("Ce nombre ne peut pas dépasser le total donné à la question 1 (12).") },
            "\(refused.messages)")
        let fine = try messages("session,nb_etudes,nb_amenages\n,12,7\n")
        #expect(fine.messages.isEmpty, "\(fine.messages)")
        #expect(fine.accepted == 1)
    }
}
