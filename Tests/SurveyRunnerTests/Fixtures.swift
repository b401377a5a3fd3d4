import Foundation
import SurveyCore
import SurveyTestSupport
@testable import SurveyRunner

enum Fixtures {
    static let yaml = SampleQuestionnaire.yaml

    static func questionnaire(_ text: String = yaml) -> Questionnaire { SampleQuestionnaire.load(text) }

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
