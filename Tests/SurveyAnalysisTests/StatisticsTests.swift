import Foundation
import Testing
@testable import SurveyAnalysis

func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance }

@Suite struct StatisticsTests {
    @Test func wilsonEightOfSeventeen() throws {
        let ci = try #require(Statistics.wilson(8, 17))
        #expect(close(ci.low, 0.26165106442409436, 1e-9))
        #expect(close(ci.high, 0.6903676493999558, 1e-9))
    }

    /// Reference: statsmodels 0.14 `confint_proportions_2indep(x1, n1, x2, n2, method="newcomb",
    /// compare="diff")`. The first case is Newcombe's (1998) own example: 56/70 − 48/80.
    @Test(arguments: [
        (56, 70, 48, 80, 0.05243147240236498, 0.33387265403690614),
        (9, 10, 3, 10, 0.1705227239345029, 0.809017973535488),
        (30, 30, 15, 30, 0.29686546644314693, 0.6684587435946624),
        (0, 12, 0, 15, -0.20388330103584867, 0.24249400665524096),
        (5, 56, 0, 29, -0.038137147903536936, 0.19256001385511165),
        (120, 200, 98, 210, 0.03671340225411797, 0.22643591628941856),
    ])
    func newcombeMatchesStatsmodels(_ reference: (Int, Int, Int, Int, Double, Double)) throws {
        let ci = try #require(Statistics.newcombe(reference.0, reference.1, reference.2, reference.3))
        #expect(close(ci.low, reference.4, 1e-9), "\(ci.low)")
        #expect(close(ci.high, reference.5, 1e-9), "\(ci.high)")
    }

    @Test func newcombeIsAntisymmetricAndNeedsBothBases() throws {
        let forward = try #require(Statistics.newcombe(56, 70, 48, 80)), backward = try #require(Statistics.newcombe(48, 80, 56, 70))
        #expect(close(forward.low, -backward.high, 1e-12) && close(forward.high, -backward.low, 1e-12))
        #expect(Statistics.newcombe(3, 10, 0, 0) == nil)
    }

    @Test func wilsonEdges() throws {
        #expect(Statistics.wilson(0, 0) == nil)
        let one = try #require(Statistics.wilson(1, 1))
        #expect(close(one.high, 1) && close(one.low, 0.20654931437723742, 1e-9))
        let zero = try #require(Statistics.wilson(0, 29))
        #expect(zero.low == 0 && close(zero.high, 0.11697, 1e-4))
    }

    @Test func normalAndChiSquare() {
        #expect(close(Statistics.normalCDF(1.96), 0.9750021048517795, 1e-12))
        #expect(close(Statistics.normalCDF(-1), 0.15865525393145707, 1e-12))
        #expect(close(Statistics.chiSquareSurvival(3.84, df: 1), 0.05004352124870519, 1e-10))
        #expect(close(Statistics.chiSquareSurvival(10, df: 4), 0.04042768199451279, 1e-10))
        #expect(close(Statistics.chiSquareSurvival(0.5, df: 2), 0.7788007830714049, 1e-10))
        #expect(close(Statistics.chiSquareSurvival(30, df: 10), 0.000856641210775301, 1e-12))
        #expect(close(Statistics.chiSquareSurvival(100, df: 3) / 1.5541594313896026e-21, 1, 1e-6))
        #expect(Statistics.chiSquareSurvival(0, df: 3) == 1)
    }

    @Test func mannWhitneyWithTies() throws {
        // a = 1,1,2,2,2,3 ; b = 2,3,3,3,4,4 (scipy: U = 4, p = 0.024449 with continuity correction).
        let result = try #require(Statistics.mannWhitney([2, 3, 1, 0], [0, 1, 3, 2]))
        #expect(result.statistic == 4)
        #expect(close(result.pValue, 0.02444894531008939, 1e-9))
    }

    @Test func kruskalWallisWithTies() throws {
        // scipy.stats.kruskal([1,1,2,2,2,3],[2,3,3,3,4,4],[1,2,3,4,4,4,4]) = 6.0274673, p = 0.0491080
        let result = try #require(Statistics.kruskalWallis([[2, 3, 1, 0], [0, 1, 3, 2], [1, 1, 1, 4]]))
        #expect(close(result.statistic, 6.027467348862253, 1e-9))
        #expect(close(result.pValue, 0.04910798282361649, 1e-9))
    }

    @Test func effectSizesMatchScipy() throws {
        // a = 1,1,2,2,2,3 ; b = 2,3,3,3,4,4. scipy.stats.mannwhitneyu: U = 4 ; rank-biserial
        // r = 2U / (n1 n2) − 1 = −0.7777…, equal to Cliff's delta counted pair by pair.
        let twoGroups = try #require(Statistics.mannWhitney([2, 3, 1, 0], [0, 1, 3, 2]))
        #expect(close(twoGroups.effectSize, -0.7777777777777778, 1e-12))
        #expect(twoGroups.effectMeasure == "rank_biserial")
        // 8 answers 4,4,4,4,4,3,3,1 against 50 (10 × 4, 20 × 3, 15 × 2, 5 × 1): scipy U = 287.5,
        // p = 0.0397317 (asymptotic, continuity), r = Cliff's delta = 0.4375.
        let small = try #require(Statistics.mannWhitney([1, 0, 2, 5], [5, 15, 20, 10]))
        #expect(small.statistic == 287.5)
        #expect(close(small.pValue, 0.039731674961104885, 1e-9))
        #expect(close(small.effectSize, 0.4375, 1e-12))
        // scipy.stats.kruskal(a, b, [1,2,3,4,4,4,4]): H = 6.0274673 over n = 19 answers;
        // epsilon² = H / (n − 1) = H (n + 1) / (n² − 1) = 0.33485929715901.
        let threeGroups = try #require(Statistics.kruskalWallis([[2, 3, 1, 0], [0, 1, 3, 2], [1, 1, 1, 4]]))
        #expect(close(threeGroups.effectSize, 0.3348592971590141, 1e-12))
        #expect(threeGroups.effectMeasure == "epsilon_squared")
        // No difference at all: both effects are 0.
        #expect(try #require(Statistics.mannWhitney([0, 5, 0, 0], [0, 7, 0, 0])).effectSize == 0)
        #expect(try #require(Statistics.kruskalWallis([[0, 3, 0], [0, 4, 0], [0, 0, 0]])).effectSize == 0)
    }

    @Test func allEqualAnswersAndEmptyGroups() throws {
        let same = try #require(Statistics.mannWhitney([0, 5, 0, 0], [0, 7, 0, 0]))
        #expect(same.pValue == 1)
        let kw = try #require(Statistics.kruskalWallis([[0, 3, 0], [0, 4, 0], [0, 0, 0]]))
        #expect(kw.pValue == 1 && kw.statistic == 0)
        #expect(Statistics.mannWhitney([0, 0], [1, 2]) == nil)
        #expect(Statistics.kruskalWallis([[1, 2], [0, 0]]) == nil)
    }

    @Test func holm() {
        let adjusted = Statistics.holm([0.01, 0.04, 0.03, 0.005])
        // sorted 0.005×4 = 0.02, 0.01×3 = 0.03, 0.03×2 = 0.06, 0.04×1 → max(0.06, 0.04) = 0.06
        #expect(zip(adjusted, [0.03, 0.06, 0.06, 0.02]).allSatisfy { close($0, $1, 1e-12) })
        #expect(Statistics.holm([0.5, 0.9]) == [1, 1])
        #expect(Statistics.holm([]) == [])
    }

    @Test func ordinalMedian() {
        #expect(Statistics.median([(1, 1), (2, 1), (3, 1), (4, 1)]) == 2.5)
        #expect(Statistics.median([(1, 0), (2, 3), (3, 1)]) == 2)
        #expect(Statistics.median([(1, 0)]) == nil)
    }
}

@Suite struct FrenchTextTests {
    @Test func foldsCaseAndAccents() {
        #expect(FrenchText.fold("Élaboration DU Plan, Œuvre, l’équipe") == "elaboration du plan, oeuvre, l'equipe")
    }

    @Test func codesAtWordStartsWithNegations() {
        let codebook: [(id: String, patterns: [String])] = [("moyens", ["moyens", "budget"]), ("diffusion", ["diffus", "tpe"])]
        let coded = FrenchText.code("Pas assez de MOYENS ; la diffusion était bonne.", codebook: codebook)
        #expect(coded.count == 2)
        #expect(coded[0].theme == "moyens" && coded[0].negated)
        #expect(coded[1].theme == "diffusion" && !coded[1].negated)
        // Not at a word start: "stpe" does not match "tpe".
        #expect(FrenchText.code("stpe", codebook: codebook).isEmpty)
        #expect(FrenchText.code("Les TPE", codebook: codebook).first?.theme == "diffusion")
        // A no-break space or a French quotation mark before a word is not a letter: the word starts there.
        #expect(FrenchText.code("Pas de\u{A0}moyens", codebook: codebook).first?.theme == "moyens")
        #expect(FrenchText.code("Le «budget» et la\u{202F}diffusion", codebook: codebook).map(\.theme) == ["moyens", "diffusion"])
        // A letter with an accent before the pattern still joins the word: « édiffusion » is not « diffusion ».
        #expect(FrenchText.code("édiffusion", codebook: codebook).isEmpty)
    }

    @Test func negationWindowStopsAtSentenceBoundaries() {
        let codebook: [(id: String, patterns: [String])] = [("dynamique", ["mobilisation"]), ("moyens", ["moyens", "budget"])]
        // The negation belongs to the first clause; the mobilisation is praised in the second.
        let praised = FrenchText.code("Aucune difficulté : la mobilisation a été constante.", codebook: codebook)
        #expect(praised.count == 1 && praised[0].theme == "dynamique" && !praised[0].negated)
        let separated = [
            "Pas de souci. Mobilisation forte", "Rien à redire ; mobilisation forte", "Jamais absent !\nMobilisation", "Pas de retard… mobilisation",
        ]
        for text in separated {
            #expect(FrenchText.code(text, codebook: codebook).first?.negated == false, "\(text)")
        }
        // Within a sentence the three words before the mention still count.
        #expect(FrenchText.code("Manque de mobilisation.", codebook: codebook).first?.negated == true)
        // A theme negated in one sentence and not in another is reported both ways, sentence by sentence.
        let both = FrenchText.code("Un budget dédié au départ. Ensuite, plus aucun budget.", codebook: codebook)
        #expect(both.map(\.theme) == ["moyens", "moyens"] && both.map(\.negated) == [false, true])
    }

    @Test func contentWordsKeepNegations() {
        #expect(FrenchText.contentWords("Il n'y a pas de moyens et sans budget") == ["n", "pas", "moyens", "sans", "budget"])
    }

    @Test func anonymises() {
        let text = "Écrire à jean.dupont@dreets.gouv.fr ou au 04 72 00 00 00, voir https://exemple.fr/prst. Merci Mme Durand-Martin !"
        let out = FrenchText.anonymise(text, names: ["Durand-Martin"])
        #expect(out == "Écrire à [courriel] ou au [téléphone], voir [lien]. Merci Mme [nom] !")
        #expect(FrenchText.anonymise("+33 6 12 34 56 78", names: []) == "[téléphone]")
    }
}

@Suite struct FrenchFoldingTests {
    @Test func theLatinPathFoldsExactlyAsUnicodeNormalisationDoes() {
        var samples = [
            "Les réunions étaient TROP espacées ; l’équipe n’a pas pu suivre.", "Œuvre, cœur, Æsop, naïve, Noël, Ça, ÿ, ß, Ø, ×÷", "E\u{301}te\u{301} déjà",
            "plain ascii 123",
        ]
        // Every Latin-1 character, alone and in a word.
        for value in 0x80...0xFF { samples.append("x" + String(Unicode.Scalar(UInt8(value))) + "Y") }
        for text in samples {
            // Every sample is Latin text: the fast path must take it, and agree.
            let fast = FrenchText.latinFold(text)
            #expect(fast != nil, "\(text)")
            #expect(fast == FrenchText.unicodeFold(text), "\(text)")
        }
        #expect(FrenchText.latinFold("Élan") == "elan")
        #expect(FrenchText.latinFold("日本") == nil)
        #expect(FrenchText.latinFold("« Très » bien") == "« tres » bien")
        #expect(FrenchText.fold("日本") == FrenchText.unicodeFold("日本"))
    }
}
