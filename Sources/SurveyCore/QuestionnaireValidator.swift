import Foundation

/// Checks that need the whole questionnaire: identifiers, references, conditions, numbering.
enum QuestionnaireValidator {
    static func validate(_ questionnaire: inout Questionnaire, themes: Set<String>?, into diagnostics: inout DiagnosticCollector) {
        assignNumbers(&questionnaire)
        questionnaire.buildIndex()
        checkIdentifiers(questionnaire, into: &diagnostics)
        checkReferences(questionnaire, themes: themes, into: &diagnostics)
        checkConditions(questionnaire, into: &diagnostics)
        checkMonitoring(questionnaire, into: &diagnostics)
    }

    /// Questions are numbered 1, 2, 3… across the questionnaire (notes are not numbered);
    /// matrix items get letters (12a, 12b); an `other` follow-up takes its question's number
    /// with "-autre".
    static func assignNumbers(_ questionnaire: inout Questionnaire) {
        var counter = 0
        for s in questionnaire.sections.indices {
            for q in questionnaire.sections[s].questions.indices {
                var question = questionnaire.sections[s].questions[q]
                guard question.isAnswerable else { continue }
                if let parent = question.otherOf,
                    let number = questionnaire.sections[s].questions.first(where: { $0.id == parent })?.number
                {
                    question.number = number + "-autre"
                } else {
                    counter += 1
                    question.number = String(counter)
                    for i in question.items.indices {
                        question.items[i].number = String(counter) + letters(i)
                    }
                }
                questionnaire.sections[s].questions[q] = question
            }
        }
    }

    static func letters(_ index: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        return index < 26 ? String(alphabet[index]) : letters(index / 26 - 1) + String(alphabet[index % 26])
    }

    static func checkIdentifiers(_ questionnaire: Questionnaire, into diagnostics: inout DiagnosticCollector) {
        var seen: [String: (String, SourceLocation)] = [:]
        func record(_ id: String, _ location: SourceLocation, generated: Bool = false) {
            guard !id.isEmpty else { return }
            let key = id.lowercased()
            if let (previous, at) = seen[key] {
                diagnostics.error(location, .duplicateIdentifier(id, existing: previous, existingAt: at, createdByOther: generated))
            } else {
                seen[key] = (id, location)
            }
        }
        for section in questionnaire.sections {
            record(section.id, section.location)
            for question in section.questions {
                record(question.id, question.location, generated: question.otherOf != nil)
                for item in question.items { record(item.id, item.location) }
            }
        }
    }

    static func checkReferences(_ questionnaire: Questionnaire, themes: Set<String>?, into diagnostics: inout DiagnosticCollector) {
        var earlier: [String: Question] = [:]
        for section in questionnaire.sections {
            if let theme = section.theme, let themes, !themes.contains(theme) {
                diagnostics.error(section.location, .undeclaredTheme(theme, suggestion: suggestion(theme, themes)))
            }
            if let foreach = section.foreach {
                if let source = earlier[foreach] {
                    if source.type != .multiple {
                        diagnostics.error(section.location, .foreachNotMultiple(foreach, type: source.type))
                    }
                } else {
                    diagnostics.error(section.location, .foreachNotEarlier(foreach, suggestion: suggestion(foreach, Set(earlier.keys))))
                }
            }
            for question in section.questions {
                check(question, in: questionnaire, themes: themes, into: &diagnostics)
                // The analysis reads use, relay and channel once per known deliverable: anywhere
                // else they would silently count 0 %.
                if let role = question.diffusion, [.use, .relay, .channel].contains(role),
                    section.foreach.flatMap({ earlier[$0] })?.diffusion != .awareness
                {
                    let awareness = earlier.values.first { $0.diffusion == .awareness }?.id
                    diagnostics.error(question.location(of: "diffusion"), .diffusionRoleOutsideDeliverableSection(role, awareness: awareness))
                }
                earlier[question.id] = question
            }
        }
    }

    /// The closest candidate to a misspelt word, in a stable order.
    static func suggestion(_ word: String, _ candidates: Set<String>) -> String? {
        closestMatch(to: word, in: candidates.sorted())
    }

    static func check(_ question: Question, in questionnaire: Questionnaire, themes: Set<String>?, into diagnostics: inout DiagnosticCollector) {
        let at = question.location
        if let id = question.choicesID {
            if let list = questionnaire.lists[id] {
                if list.choices.isEmpty { diagnostics.error(at, .emptyList(id)) }
                if question.other, list.choice(Questionnaire.otherCode) != nil {
                    diagnostics.error(at, .listHasOtherCode(list: id))
                }
                if question.type == .single, list.choices.contains(where: \.exclusive) {
                    diagnostics.warning(at, .exclusiveOutsideMultiple)
                }
                if question.type == .multiple, let min = question.min, Int(min) > list.choices.count + (question.other ? 1 : 0) {
                    diagnostics.error(at, .minAboveChoiceCount(min: min, list: id, count: list.choices.count))
                }
            } else {
                diagnostics.error(question.location(of: "choices"), .undefinedList(id, suggestion: suggestion(id, Set(questionnaire.lists.keys))))
            }
        }
        if let id = question.scaleID, questionnaire.scales[id] == nil {
            diagnostics.error(question.location(of: "scale"), .undefinedScale(id, suggestion: suggestion(id, Set(questionnaire.scales.keys))))
        }
        if question.polarity != nil, question.type != .text {
            diagnostics.error(question.location(of: "polarity"), .polarityNotText(question.type))
        }
        if let role = question.diffusion {
            let expected: [DiffusionRole: Set<QuestionType>] = [
                .awareness: [.multiple], .channel: [.single, .multiple], .use: [.yesno],
                .usefulness: [.scale], .relay: [.multiple, .single],
            ]
            if let types = expected[role], !types.contains(question.type) {
                diagnostics.error(
                    question.location(of: "diffusion"), .diffusionRoleType(role, expected: types.sorted { $0.rawValue < $1.rawValue }, actual: question.type))
            }
        }
        if let theme = question.theme, let themes, !themes.contains(theme), question.theme != questionnaire.section(containing: question.id)?.theme {
            diagnostics.error(question.location(of: "theme"), .undeclaredTheme(theme, suggestion: suggestion(theme, themes)))
        }
        if question.type == .multiple, let min = question.min, let max = question.max, min > max {
            // Already reported where the keys are.
        }
        if question.otherOf == nil, question.id.hasSuffix(Questionnaire.otherSuffix) {
            diagnostics.error(at, .reservedOtherSuffix)
        }
    }

    // MARK: Conditions

    static func checkConditions(_ questionnaire: Questionnaire, into diagnostics: inout DiagnosticCollector) {
        // Variables visible so far: id → (question, section index, variable value type).
        var visible: [String: (question: Question, sectionIndex: Int)] = [:]
        for (sectionIndex, section) in questionnaire.sections.enumerated() {
            if let condition = section.when {
                check(condition, in: questionnaire, visible: visible, sectionIndex: sectionIndex, selfQuestion: nil, into: &diagnostics)
            }
            for question in section.questions {
                if let condition = question.when {
                    check(condition, in: questionnaire, visible: visible, sectionIndex: sectionIndex, selfQuestion: nil, into: &diagnostics)
                }
                if let constraint = question.constraint {
                    check(constraint, in: questionnaire, visible: visible, sectionIndex: sectionIndex, selfQuestion: question, into: &diagnostics)
                }
                if question.type == .matrix {
                    for item in question.items { visible[item.id] = (question, sectionIndex) }
                } else if question.isAnswerable {
                    visible[question.id] = (question, sectionIndex)
                }
            }
        }
    }

    static func check(
        _ condition: Condition, in questionnaire: Questionnaire, visible: [String: (question: Question, sectionIndex: Int)],
        sectionIndex: Int, selfQuestion: Question?, into diagnostics: inout DiagnosticCollector
    ) {
        var ok = true
        for (id, offset) in condition.expression.variables {
            let at = condition.location.offset(by: offset)
            if let (_, definedIn) = visible[id] {
                let definingSection = questionnaire.sections[definedIn]
                if definingSection.foreach != nil, definedIn != sectionIndex {
                    diagnostics.error(at, .repeatedQuestionOutsideItsSection(id))
                    ok = false
                } else if definingSection.openRepeat != nil, definedIn != sectionIndex {
                    diagnostics.error(at, MonitoringProblem.repeatedQuestionOutsideItsSection(id: id, section: definingSection.id))
                    ok = false
                }
            } else if questionnaire.variable(id) != nil {
                diagnostics.error(at, .questionAskedLater(id))
                ok = false
            } else {
                diagnostics.error(at, .unknownQuestionInCondition(id, suggestion: suggestion(id, Set(visible.keys))))
                ok = false
            }
        }
        if selfQuestion == nil, containsCurrent(condition.expression) {
            diagnostics.error(condition.location, .currentAnswerOutsideConstraint)
        }
        guard ok else { return }
        checkTypes(condition.expression, condition: condition, questionnaire: questionnaire, selfQuestion: selfQuestion, into: &diagnostics)
    }

    static func containsCurrent(_ expression: ConditionExpression) -> Bool {
        switch expression {
        case .current: return true
        case .string, .number, .variable: return false
        case .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r): return containsCurrent(l) || containsCurrent(r)
        case .not(let inner): return containsCurrent(inner)
        case .inList(let l, let list): return containsCurrent(l) || list.contains(where: containsCurrent)
        case .call(_, let arguments, _): return arguments.contains(where: containsCurrent)
        }
    }

    /// What kind of value a variable holds, and which codes it can take.
    static func describe(_ expression: ConditionExpression, questionnaire: Questionnaire, selfQuestion: Question?) -> (
        type: QuestionType, codes: [String]?, id: String
    )? {
        let variable: Variable?
        switch expression {
        case .variable(let id, _): variable = questionnaire.variable(id)
        case .current:
            guard let selfQuestion else { return nil }
            return (selfQuestion.type, codes(of: selfQuestion, questionnaire), ".")
        default: return nil
        }
        guard let variable else { return nil }
        return (variable.valueType, codes(of: variable.question, questionnaire), variable.id)
    }

    static func codes(of question: Question, _ questionnaire: Questionnaire) -> [String]? {
        switch question.type {
        case .single, .multiple, .yesno, .scale, .matrix: return questionnaire.options(for: question).map(\.code)
        default: return nil
        }
    }

    static func checkTypes(
        _ expression: ConditionExpression, condition: Condition, questionnaire: Questionnaire, selfQuestion: Question?,
        into diagnostics: inout DiagnosticCollector
    ) {
        func checkLiteral(_ variable: (type: QuestionType, codes: [String]?, id: String), _ literal: ConditionExpression, op: ComparisonOperator?) {
            let at = condition.location
            switch (variable.type, literal) {
            case (.number, .string(let text)):
                diagnostics.error(at, .numberComparedToText(variable.id, text: text))
            case (.text, .number(let value)):
                diagnostics.error(at, .textComparedToNumber(variable.id, number: value))
            case (.multiple, _) where op != nil:
                diagnostics.error(at, .multipleComparedDirectly(variable.id))
            case (_, .string), (_, .number):
                guard let codes = variable.codes else { break }
                let text: String
                if case .string(let code) = literal { text = code } else if case .number(let value) = literal { text = format(value) } else { break }
                if !codes.contains(text) {
                    let isOrder = op.map { ![.equal, .notEqual].contains($0) } ?? false
                    if variable.type == .scale, isOrder, Double(text) != nil { break }
                    diagnostics.error(at, .notACode(text, of: variable.id, codes: codes))
                }
            default:
                break
            }
        }
        switch expression {
        case .comparison(let op, let lhs, let rhs):
            if let variable = describe(lhs, questionnaire: questionnaire, selfQuestion: selfQuestion) {
                checkLiteral(variable, rhs, op: op)
            } else if let variable = describe(rhs, questionnaire: questionnaire, selfQuestion: selfQuestion) {
                checkLiteral(variable, lhs, op: op)
            }
        case .inList(let lhs, let list):
            if let variable = describe(lhs, questionnaire: questionnaire, selfQuestion: selfQuestion) {
                for literal in list { checkLiteral(variable, literal, op: .equal) }
            }
        case .and(let l, let r), .or(let l, let r):
            checkTypes(l, condition: condition, questionnaire: questionnaire, selfQuestion: selfQuestion, into: &diagnostics)
            checkTypes(r, condition: condition, questionnaire: questionnaire, selfQuestion: selfQuestion, into: &diagnostics)
        case .not(let inner):
            checkTypes(inner, condition: condition, questionnaire: questionnaire, selfQuestion: selfQuestion, into: &diagnostics)
        case .call(.selected, let arguments, let offset):
            if let variable = describe(arguments[0], questionnaire: questionnaire, selfQuestion: selfQuestion) {
                if variable.codes == nil {
                    diagnostics.error(condition.location.offset(by: offset), .selectedOnNonChoice(variable.id, type: variable.type))
                } else {
                    var single = variable
                    single.type = .single
                    checkLiteral(single, arguments[1], op: nil)
                }
            }
        default:
            break
        }
    }
}
