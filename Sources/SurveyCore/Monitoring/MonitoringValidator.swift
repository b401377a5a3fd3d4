import Foundation

extension QuestionnaireValidator {
    /// Checks that need the whole questionnaire: the reported units referential exists, `{n}`
    /// sits in an open repeat, `foreach` does not read an open repeat, `part_of` names an earlier
    /// number of the same section.
    static func checkMonitoring(_ questionnaire: Questionnaire, into diagnostics: inout DiagnosticCollector) {
        if let reporting = questionnaire.reporting, questionnaire.units[reporting.unitsID] == nil {
            let known = questionnaire.units.keys.sorted()
            diagnostics.error(
                reporting.location,
                MonitoringProblem.unknownUnitReferential(
                    id: reporting.unitsID, suggestion: closestMatch(to: reporting.unitsID, in: known), known: known))
        }
        var sectionOfQuestion: [String: Section] = [:]
        for section in questionnaire.sections {
            for question in section.questions { sectionOfQuestion[question.id] = section }
        }
        var earlierSections: [String: Section] = [:]
        for section in questionnaire.sections {
            checkRepetitionNumber(in: section, into: &diagnostics)
            if let foreach = section.foreach, let source = earlierSections[foreach], source.openRepeat != nil {
                diagnostics.error(section.location, MonitoringProblem.foreachOverRepeatedQuestion(id: foreach, section: source.id))
            }
            var earlierInSection: [String: Question] = [:]
            for question in section.questions {
                if let total = question.partOf {
                    let at = question.location(of: "part_of")
                    if total == question.id {
                        diagnostics.error(at, MonitoringProblem.partOfSelf(id: total))
                    } else if let target = earlierInSection[total] {
                        if target.type != .number { diagnostics.error(at, MonitoringProblem.partOfNotNumber(id: total, type: target.type)) }
                    } else if let otherSection = earlierSections[total] {
                        diagnostics.error(at, MonitoringProblem.partOfOtherSection(id: total, section: otherSection.id))
                    } else if sectionOfQuestion[total] != nil {
                        diagnostics.error(at, MonitoringProblem.partOfLater(id: total))
                    } else {
                        let numbers = earlierInSection.values.filter { $0.type == .number }.map(\.id).sorted()
                        diagnostics.error(at, MonitoringProblem.partOfUnknown(id: total, suggestion: closestMatch(to: total, in: numbers)))
                    }
                }
                earlierInSection[question.id] = question
            }
            for question in section.questions { earlierSections[question.id] = section }
        }
    }

    /// `{n}` is replaced only in an open repeat; elsewhere it would be shown as written.
    private static func checkRepetitionNumber(in section: Section, into diagnostics: inout DiagnosticCollector) {
        guard section.openRepeat == nil else { return }
        let placeholder = "{n}"
        let problem = MonitoringProblem.repetitionNumberOutsideRepeat(section: section.id)
        if section.title.contains(placeholder) || section.intro?.contains(placeholder) == true {
            diagnostics.error(section.location, problem)
        }
        for question in section.questions where question.label.contains(placeholder) || question.hint?.contains(placeholder) == true {
            diagnostics.error(question.location, problem)
        }
    }
}
