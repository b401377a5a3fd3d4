import Testing
import SurveyCore
@testable import SurveyRunner

@Suite struct InputParserTests {
    let questionnaire = Fixtures.questionnaire()

    func step(_ id: String, repetition: String? = nil) throws -> Step {
        let answers: [AnswerKey: AnswerValue] = [AnswerKey("connus"): .choices(["guide"])]
        return try #require(questionnaire.plan(given: answers).first { $0.step.key == AnswerKey(id, repetition: repetition) }?.step)
    }

    func parse(_ line: String, _ id: String, in questionnaire: Questionnaire? = nil) throws -> ParsedInput {
        InputParser.parse(line, for: try step(id), in: questionnaire ?? self.questionnaire)
    }

    @Test func scaleLevelsByNumberAndNonSubstantiveAfterThem() throws {
        #expect(try parse("1", "a1") == .value(.choice("4")))
        #expect(try parse(" 4 ", "a1") == .value(.choice("1")))
        #expect(try parse("5", "a1") == .value(.nonSubstantive("nsp")))
        #expect(try parse("NSP", "a1") == .value(.nonSubstantive("nsp")))
        #expect(try parse("6", "a1") == .invalid("« 6 » ne correspond à aucun choix : tapez un numéro entre 1 et 5."))
        #expect(try parse("1 2", "a1") == .invalid("Un seul choix est possible ici."))
        let options = InputParser.options(for: try step("utile", repetition: "guide"), in: questionnaire)
        #expect(options.map(\.number) == [1, 2, 3, 4, 5])
        #expect(options.map(\.isNonSubstantive) == [false, false, false, false, true])
    }

    @Test func singleChoiceByNumberOrCode() throws {
        #expect(try parse("2", "couleur") == .value(.choice("vert")))
        #expect(try parse("Rouge", "couleur") == .value(.choice("rouge")))
        #expect(try parse("3", "couleur") == .value(.choice("autre")))
        #expect(try parse("autre", "couleur") == .value(.choice("autre")))
        if case .invalid = try parse("bleu", "couleur") {} else { Issue.record("bleu accepted") }
        #expect(try parse("", "couleur") == .empty)
    }

    @Test func yesNoInFrenchAndEnglish() throws {
        for yes in ["o", "O", "oui", "Oui", "y", "yes", "1"] { #expect(try parse(yes, "participe") == .value(.choice("oui"))) }
        for no in ["n", "non", "NON", "no", "2"] { #expect(try parse(no, "participe") == .value(.choice("non"))) }
        #expect(try parse("peut-être", "participe") == .invalid("Répondez par o (oui) ou n (non)."))
        #expect(try parse("maybe", "participe", in: Fixtures.english) == .invalid("Answer y (yes) or n (no)."))
    }

    @Test func multipleByNumbersSeparatedByCommasOrSpaces() throws {
        #expect(try parse("1,2", "connus") == .value(.choices(["guide", "plaquette"])))
        #expect(try parse("2 1", "connus") == .value(.choices(["guide", "plaquette"])))
        #expect(try parse("2, 1 ; 2", "connus") == .value(.choices(["guide", "plaquette"])))
        #expect(try parse("aucun", "connus") == .value(.choices(["aucun"])))
        #expect(try parse("1, 9", "connus") == .invalid("« 9 » ne correspond à aucun choix : tapez un numéro entre 1 et 3."))
    }

    @Test func numbersWithCommaOrPoint() throws {
        #expect(try parse("3,5", "nb") == .value(.number(3.5)))
        #expect(try parse("3.5", "nb") == .value(.number(3.5)))
        #expect(try parse("12", "nb") == .value(.number(12)))
        #expect(try parse("1 000", "nb") == .value(.number(1000)))
        #expect(try parse("-2", "nb") == .value(.number(-2)))
        for bad in ["douze", "3,5,1", "1e3", "nan", "12 h"] {
            #expect(try parse(bad, "nb") == .invalid("Saisissez un nombre, par exemple 12 ou 3,5."))
        }
    }

    @Test func textIsKeptTrimmed() throws {
        #expect(try parse("  Très bien é  ", "remarques") == .value(.text("Très bien é")))
        #expect(try parse("   ", "remarques") == .empty)
    }
}
