import Foundation
import SurveyCore
@testable import SurveyRunner

enum Fixtures {
    static let yaml = """
    format: 1
    id: essai
    version: 1
    title: "Questionnaire d'essai"
    population: pilotes
    language: fr
    intro: "Vos réponses sont anonymes (mention de confidentialité)."
    outro: "Merci pour votre participation."
    scales:
      accord:
        levels:
          - {code: 4, label: "Tout à fait d'accord"}
          - {code: 3, label: "Plutôt d'accord"}
          - {code: 2, label: "Plutôt pas d'accord"}
          - {code: 1, label: "Pas du tout d'accord"}
        favourable: [4, 3]
        missing:
          - {code: nsp, label: "Ne sait pas"}
    lists:
      couleurs:
        - {code: rouge, label: "Rouge"}
        - {code: vert, label: "Vert"}
      livrables:
        - {code: guide, label: "Guide"}
        - {code: plaquette, label: "Plaquette"}
        - {code: aucun, label: "Aucun", exclusive: true}
    sections:
      - id: debut
        title: "Début"
        questions:
          - {id: participe, type: yesno, label: "Avez-vous participé ?"}
          - id: avis
            type: matrix
            scale: accord
            when: 'participe == "oui"'
            label: "Êtes-vous d'accord ?"
            items:
              - {id: a1, label: "Premier item"}
              - {id: a2, label: "Second item"}
          - {id: info, type: note, label: "Une note d'information."}
          - {id: nb, type: number, min: 0, max: 10, decimal: true, label: "Combien ?", hint: "Un ordre de grandeur suffit."}
          - {id: couleur, type: single, choices: couleurs, other: true, required: soft, label: "Quelle couleur ?"}
          - {id: connus, type: multiple, choices: livrables, label: "Quels livrables connaissez-vous ?"}
      - id: rep
        title: "À propos de : {label}"
        intro: "Quelques questions sur {label}."
        foreach: connus
        questions:
          - {id: utile, type: scale, scale: accord, label: "Utilité de « {label} » ?"}
      - id: fin
        title: "Fin"
        questions:
          - {id: remarques, type: text, required: false, long: true, max_length: 50, label: "Remarques ?"}
    """

    static func questionnaire(_ text: String = yaml) -> Questionnaire {
        let loaded = QuestionnaireLoader.load(snapshot: ["essai.yaml": text], mainFile: "essai.yaml")
        guard let questionnaire = loaded.questionnaire else {
            fatalError("fixture invalid: \(loaded.diagnostics.map { "\($0.location): \($0.message)" })")
        }
        return questionnaire
    }

    static var english: Questionnaire {
        questionnaire(yaml.replacingOccurrences(of: "language: fr", with: "language: en"))
    }
}

extension SessionEngine {
    /// Submits and expects acceptance; returns the writes.
    @discardableResult
    func answer(_ value: AnswerValue) throws -> [AnswerWrite] {
        let outcome = try submit(value)
        guard case .accepted(let writes) = outcome else {
            throw FixtureError.notAccepted(String(describing: outcome.message))
        }
        return writes
    }

    var currentID: String? { current?.key.description }
}

enum FixtureError: Error { case notAccepted(String) }
