import Foundation
import SurveyCore

/// A small questionnaire with one question of every kind (a condition, a matrix, `other`, an
/// exclusive choice, a repeated section), shared by the tests of several modules.
package enum SampleQuestionnaire {
    package static let yaml = """
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

    /// The questionnaire defined by `text` (the sample by default); stops the test run when the
    /// fixture itself is invalid, since every test built on it would be meaningless.
    package static func load(_ text: String = yaml) -> Questionnaire {
        let loaded = QuestionnaireLoader.load(snapshot: ["essai.yaml": text], mainFile: "essai.yaml")
        guard let questionnaire = loaded.questionnaire else {
            fatalError("fixture invalid: \(loaded.diagnostics.map { "\($0.location): \($0.message)" })")
        }
        return questionnaire
    }
}
