import Foundation

/// What can be wrong in the monitoring parts of a definition: units referentials, the
/// `reporting:` block, open repeats and number indicators.
package enum MonitoringProblem: Sendable, Hashable {
    case unitsNotAMapping
    case unitReferentialDefinedTwice(id: String, previous: SourceLocation)
    case emptyUnitReferential(id: String)
    case emptyUnitCode
    case duplicateUnitCode(code: String, previousLine: Int)
    case unknownUnitReferential(id: String, suggestion: String?, known: [String])
    case noPeriods
    case invalidPeriodCode(String)
    case yearOutOfRange(Int)
    case periodRangeReversed(from: Int, to: Int)
    case duplicatePeriod(code: String, previousLine: Int)
    case repeatWithForeach
    case repeatMinNegative(Int)
    case repeatMaxBelowOne(Int)
    case repeatMinAboveMax(min: Int, max: Int)
    /// `{n}` in a section that is not an open repeat: it would be shown as written.
    case repetitionNumberOutsideRepeat(section: String)
    /// A condition outside an open repeat naming one of its questions.
    case repeatedQuestionOutsideItsSection(id: String, section: String)
    /// `foreach` naming a question asked in each repetition of an open repeat.
    case foreachOverRepeatedQuestion(id: String, section: String)
    case partOfSelf(id: String)
    case partOfUnknown(id: String, suggestion: String?)
    case partOfLater(id: String)
    case partOfOtherSection(id: String, section: String)
    case partOfNotNumber(id: String, type: QuestionType)
}

extension DiagnosticCollector {
    /// A monitoring problem is a definition problem of its own family.
    mutating func error(_ location: SourceLocation, _ problem: MonitoringProblem) { error(location, .monitoring(problem)) }
    mutating func warning(_ location: SourceLocation, _ problem: MonitoringProblem) { warning(location, .monitoring(problem)) }
}
