import SurveyRunner
import Testing

@Suite("Word wrapping of French text")
struct TextLayoutTests {
    @Test func frenchPunctuationNeverStartsALine() {
        let text = "Aucun nom ni aucune coordonnée ne vous est demandé ; merci de ne pas citer « Jean » : rien ?"
        for width in 10...40 {
            for line in TextLayout.wrap(text, width: width) {
                #expect(![";", ":", "?", "»"].contains { line.hasPrefix($0) }, "width \(width): \(line)")
                #expect(!line.hasSuffix("«"), "width \(width): \(line)")
            }
        }
    }

    @Test func wrappingKeepsEveryWord() {
        let text = "Le questionnaire prend environ 10 à 15 minutes ; vos réponses sont anonymes."
        #expect(TextLayout.wrap(text, width: 20).joined(separator: " ") == text)
    }
}
