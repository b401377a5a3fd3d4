import Foundation
import Testing
@testable import SurveyStore

@Suite struct CodesTests {
    @Test func alphabetHasNoLookAlikes() {
        #expect(Codes.alphabet.count == 31)
        for confusable in "0O1IL" { #expect(!Codes.alphabet.contains(confusable)) }
        #expect(Set(Codes.alphabet).count == Codes.alphabet.count)
    }

    @Test func randomCodesVary() {
        let codes = (0..<1000).map { _ in Codes.random() }
        #expect(Set(codes).count == 1000)
        #expect(codes.allSatisfy { $0.count == 8 && $0.allSatisfy(Codes.alphabet.contains) })
        // Every character of the alphabet shows up somewhere (8,000 draws of 31 symbols).
        #expect(Set(codes.joined()) == Set(Codes.alphabet))
    }

    @Test func normalisation() {
        #expect(Codes.formatResumeCode("K7F39QXM") == "K7F3-9QXM")
        #expect(Codes.normalizeResumeCode("k7f3-9qxm") == "K7F39QXM")
        #expect(Codes.normalizeResumeCode(" K7F3 9QXM\n") == "K7F39QXM")
        #expect(Codes.normalizeResumeCode("K7F39QX") == nil)
        #expect(Codes.normalizeResumeCode("K7F3-9QXMM") == nil)
        #expect(Codes.normalizeResumeCode("K7F0-9QXM") == nil)  // 0 is never issued
    }
}

@Suite struct StoreLocationTests {
    @Test func optionThenEnvironmentThenDefault() {
        #expect(StoreLocation.resolve("a.sqlite", environment: ["PRST_STORE": "b.sqlite"]) == "a.sqlite")
        #expect(StoreLocation.resolve(nil, environment: ["PRST_STORE": "b.sqlite"]) == "b.sqlite")
        #expect(StoreLocation.resolve(nil, environment: ["PRST_STORE": ""]) == "prst.sqlite")
        #expect(StoreLocation.resolve(nil, environment: [:]) == "prst.sqlite")
    }

    @Test func durationsInFrench() {
        #expect(frenchDuration(0) == "0 s")
        #expect(frenchDuration(45.4) == "45 s")
        #expect(frenchDuration(59.6) == "1 min")
        #expect(frenchDuration(750) == "12 min 30 s")
        #expect(frenchDuration(3600) == "1 h")
        #expect(frenchDuration(3900) == "1 h 05 min")
        #expect(frenchDuration(3600 * 26 + 60 * 42) == "26 h 42 min")
    }
}

@Suite struct AnswerCodingTests {
    @Test func choicesReadBackWhateverTheirCodes() throws {
        for codes in [[], ["a"], ["plaquette_qvt", "guide"], ["a,b", "c"], ["dit \"oui\"", "x\\y"], ["é", ""], ["ligne\nsuivante"]] {
            let json = AnswerCoding.jsonArray(codes)
            let decoded = try AnswerCoding.codesArray(json) ?? (JSONDecoder().decode([String].self, from: Data(json.utf8)))
            #expect(decoded == codes, "\(json)")
            #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == codes)
        }
        #expect(AnswerCoding.codesArray("[\"a\",\"b\"]") == ["a", "b"])
        #expect(AnswerCoding.codesArray("[\"a\",]") == nil)
        #expect(AnswerCoding.codesArray("[\"a\" , \"b\"]") == nil)
        #expect(AnswerCoding.codesArray("nope") == nil)
    }
}
