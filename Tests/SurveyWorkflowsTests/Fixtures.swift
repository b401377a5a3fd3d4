import Foundation
import SurveyCore
import SurveyTestSupport
import SurveyWorkflows

/// What a use case wrote, kept for the test to read.
final class RecordingOutput: WorkflowOutput {
    var stdout = ""
    var stderr: [String] = []
    var diagnostics: [Diagnostic] = []
    var progressLines: [String] = []
    /// Whether the use case may draw progress lines (a terminal); they are kept in `progressLines`.
    let showsProgress: Bool
    init(showsProgress: Bool = false) { self.showsProgress = showsProgress }
    func out(_ text: String) { stdout += text }
    func error(_ text: String) { stderr.append(text) }
    func print(_ diagnostics: [Diagnostic]) { self.diagnostics += diagnostics }
    func progress(_ text: String) { progressLines.append(text) }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = start }
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    var clock: WorkflowClock { { [self] in now } }
}

enum Questionnaires {
    /// Two questions, open access unless `access` says otherwise.
    static func short(id: String = "court", access: String? = nil) -> String {
        """
        format: 1
        id: \(id)
        version: 1
        title: "Questionnaire court"
        population: pilotes
        \(access.map { "access: \($0)" } ?? "")
        sections:
          - id: s1
            title: "Partie unique"
            questions:
              - {id: participe, type: yesno, label: "Avez-vous participé ?"}
              - {id: nb, type: number, min: 0, max: 10, label: "Combien ?"}
        """
    }
}
