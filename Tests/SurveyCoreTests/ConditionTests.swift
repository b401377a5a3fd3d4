import SurveyCore
import Testing

private func evaluate(_ source: String, _ values: [String: ConditionValue], current: ConditionValue = .missing) throws -> Bool {
    let condition = try Condition(source: source, location: SourceLocation(file: "t"))
    return condition.expression.isTrue(lookup: { values[$0] ?? .missing }, current: current)
}

@Suite("The condition language")
struct ConditionTests {
    @Test(arguments: [
        ("copilote == \"oui\"", true),
        ("copilote != \"oui\"", false),
        ("nb >= 3 and nb < 10", true),
        ("nb > 3 or copilote == \"non\"", false),
        ("not (nb == 3)", false),
        ("institution in [\"dreets\", \"carsat\"]", true),
        ("institution in [\"aract\"]", false),
        ("selected(fiches, \"fa_1_1\")", true),
        ("selected(fiches, \"fa_2_6\")", false),
        ("count(fiches) == 2", true),
        ("answered(commentaire)", false),
        ("not answered(commentaire)", true),
        ("commentaire == \"x\"", false),
        ("commentaire != \"x\"", false),
        ("accord >= 3", true),
        ("accord == 4", true),
        ("accord == \"4\"", true),
        ("(nb == 3 or nb == 4) and copilote == 'oui'", true),
    ])
    func evaluates(_ source: String, _ expected: Bool) throws {
        let values: [String: ConditionValue] = [
            "copilote": .string("oui"), "nb": .number(3), "institution": .string("dreets"),
            "fiches": .set(["fa_1_1", "fa_1_3"]), "accord": .string("4"),
        ]
        #expect(try evaluate(source, values) == expected)
    }

    @Test func constraintReadsTheCurrentAnswer() throws {
        #expect(try evaluate(". <= total", ["total": .number(10)], current: .number(4)))
        #expect(try !evaluate(". <= total", ["total": .number(10)], current: .number(12)))
    }

    @Test(arguments: [
        ("q1 = \"oui\"", 3, "« == »"),
        ("q1 == ", 6, "incomplète"),
        ("q1 == \"oui", 6, "guillemet"),
        ("q1 && q2", 3, "and, or"),
        ("(q1 == 1", 8, ")"),
        ("frobnicate(q1)", 0, "fonction inconnue"),
        ("selected(q1)", 0, "2 arguments"),
        ("q1 in \"a\"", 6, "crochets"),
        ("", 0, "vide"),
    ])
    func reportsSyntaxErrorsWithOffsets(_ source: String, _ offset: Int, _ fragment: String) {
        #expect {
            _ = try Condition(source: source, location: SourceLocation(file: "t"))
        } throws: { error in
            guard let error = error as? ConditionSyntaxError else { return false }
            return error.offset == offset && error.message.contains(fragment)
        }
    }

    @Test func listsTheVariablesItReads() throws {
        let condition = try Condition(source: "a == 1 and selected(b, \"x\") or count(c) > 2", location: SourceLocation(file: "t"))
        #expect(condition.expression.variables.map(\.id) == ["a", "b", "c"])
        #expect(condition.expression.variables.map(\.offset) == [0, 20, 37])
    }
}
