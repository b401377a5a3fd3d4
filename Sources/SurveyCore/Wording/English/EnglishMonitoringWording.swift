import Foundation

extension EnglishWording {
    static func wording(for problem: MonitoringProblem) -> Wording {
        switch problem {
        case .unitsNotAMapping:
            return Wording(
                "“units” must map an identifier to each units referential", hint: "for example: units: {fiches_prst3: {kind: fiche-action, items: [...]}}")
        case .unitReferentialDefinedTwice(let id, let previous):
            return Wording("units referential “\(id)” already defined at \(previous)", hint: "a referential id may be defined only once, includes included")
        case .emptyUnitReferential(let id):
            return Wording("units referential “\(id)” has no unit", hint: "list the units under “items:”, one per line: - {code: fa_1_1, label: \"1.1 – …\"}")
        case .emptyUnitCode:
            return Wording("a unit's code must not be empty", hint: identifierRule)
        case .duplicateUnitCode(let code, let line):
            return Wording("duplicate unit code “\(code)” (already used on line \(line))", hint: "each unit has its own code: it identifies its responses")
        case .unknownUnitReferential(let id, let suggestion, let known):
            let hint =
                suggestion.map { "did you mean “\($0)”?" }
                ?? (known.isEmpty ? "define it under “units:” in an included referential" : "units referentials defined: \(known.joined(separator: ", "))")
            return Wording("units referential “\(id)” is not defined", hint: hint)
        case .noPeriods:
            return Wording("“periods” holds no period", hint: "for example: periods: [PRST3] or periods: {from: 2019, to: 2021}")
        case .invalidPeriodCode(let text):
            return Wording(
                "invalid period “\(text)”", hint: "a period is a year (2021) or a short name without spaces or accents (PRST3), 32 characters at most")
        case .yearOutOfRange(let year):
            return Wording("year \(year) outside the accepted years (1900 to 2200)")
        case .periodRangeReversed(let from, let to):
            return Wording("“from” (\(from)) is after “to” (\(to))", hint: "write the first year in “from” and the last one in “to”")
        case .duplicatePeriod(let code, let line):
            return Wording("duplicate period “\(code)” (already listed on line \(line))")
        case .repeatWithForeach:
            return Wording(
                "a section cannot have both “repeat” and “foreach”",
                hint: "“foreach” repeats the section for each selected choice; “repeat” repeats it as often as the respondent wishes: keep one of them")
        case .repeatMinNegative(let min):
            return Wording("“min” (\(min)) cannot be negative", hint: "0: the respondent may fill no repetition")
        case .repeatMaxBelowOne(let max):
            return Wording("“max” (\(max)) must be at least 1")
        case .repeatMinAboveMax(let min, let max):
            return Wording("min (\(min)) is greater than max (\(max))")
        case .repetitionNumberOutsideRepeat(let section):
            return Wording(
                "“{n}” only makes sense in a section repeated with “repeat”; section “\(section)” is not",
                hint: "in a “foreach” section, use “{label}” or “{code}”")
        case .repeatedQuestionOutsideItsSection(let id, let section):
            return Wording("“\(id)” is asked in each repetition of section “\(section)”: it can only be used inside that section")
        case .foreachOverRepeatedQuestion(let id, let section):
            return Wording("“foreach” cannot name “\(id)”, asked in each repetition of section “\(section)”")
        case .partOfSelf(let id):
            return Wording("“part_of” of “\(id)” names the question itself", hint: "“part_of” names the total this question is a part of")
        case .partOfUnknown(let id, let suggestion):
            return Wording(
                "“part_of” names “\(id)”, which is not a question of this questionnaire",
                hint: suggestion.map { "did you mean “\($0)”?" } ?? "“part_of” names a number question asked earlier in the same section")
        case .partOfLater(let id):
            return Wording("“part_of” names “\(id)”, asked later: the total must be asked before its part", hint: "move “\(id)” before this question")
        case .partOfOtherSection(let id, let section):
            return Wording("“part_of” names “\(id)”, of section “\(section)”: a total and its part must be in the same section")
        case .partOfNotNumber(let id, let type):
            return Wording("“part_of” names “\(id)”, of type \(type.rawValue): the total must be a number question")
        }
    }
}
