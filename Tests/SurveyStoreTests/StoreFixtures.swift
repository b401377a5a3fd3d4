import Foundation
import SurveyCore
@testable import SurveyStore

/// A fresh directory under the system temporary directory.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "prst-store-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A questionnaire with every kind of variable: choices, number, scale with "nsp", matrix
/// items, optional text, and a foreach section. `edit` changes the main file's text.
enum Fixture {
    static let library = """
        format: 1
        scales:
          accord4:
            levels:
              - {code: 4, label: "Tout à fait d'accord"}
              - {code: 3, label: "Plutôt d'accord"}
              - {code: 2, label: "Plutôt pas d'accord"}
              - {code: 1, label: "Pas du tout d'accord"}
            favourable: [4, 3]
            missing:
              - {code: nsp, label: "Ne sait pas"}
        """

    static func main(id: String = "essai", version: Int = 1) -> String {
        """
        format: 1
        id: \(id)
        version: \(version)
        title: "Questionnaire d'essai"
        population: pilotes
        include: [lib.yaml]
        lists:
          couleurs:
            - {code: rouge, label: "Rouge"}
            - {code: vert, label: "Vert"}
            - {code: bleu, label: "Bleu"}
        sections:
          - id: s1
            title: "Première partie"
            questions:
              - id: couleurs
                type: multiple
                choices: couleurs
                label: "Quelles couleurs aimez-vous ?"
              - id: age
                type: number
                min: 0
                max: 120
                label: "Votre âge ?"
              - id: avis
                type: scale
                scale: accord4
                label: "Êtes-vous d'accord ?"
              - id: grille
                type: matrix
                scale: accord4
                label: "Grille d'accord"
                items:
                  - {id: item_a, label: "Premier item"}
                  - {id: item_b, label: "Second item"}
              - id: commentaire
                type: text
                required: false
                label: "Un commentaire ?"
          - id: parcouleur
            foreach: couleurs
            title: "À propos de {label}"
            questions:
              - id: aime
                type: yesno
                label: "Aimez-vous vraiment {label} ?"
        """
    }

    /// Writes the files in a new directory and loads them.
    static func load(_ main: String = main(), library: String = library) throws -> LoadedQuestionnaire {
        let directory = temporaryDirectory()
        try main.write(toFile: directory + "/essai.yaml", atomically: true, encoding: .utf8)
        try library.write(toFile: directory + "/lib.yaml", atomically: true, encoding: .utf8)
        let loaded = QuestionnaireLoader.load(directory + "/essai.yaml")
        if loaded.questionnaire == nil {
            throw FixtureError(diagnostics: loaded.diagnostics.map { "\($0.location): \($0.message)" })
        }
        return loaded
    }

    static func load(replacing old: String, with new: String) throws -> LoadedQuestionnaire {
        let text = main()
        precondition(text.contains(old), "fixture text not found: \(old)")
        return try load(text.replacingOccurrences(of: old, with: new))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var diagnostics: [String]
    var description: String { diagnostics.joined(separator: "\n") }
}
