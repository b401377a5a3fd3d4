import Foundation
import SurveyCore

/// French text handling for open answers: folding, dictionary coding with negations kept,
/// word counts and anonymisation.
package enum FrenchText {
    /// NFD-normalises, removes combining accents, folds case and typographic apostrophes.
    package static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x2019, 0x2018, 0x02BC: result.append("'")
            case 0x0152: result.append(contentsOf: "oe".unicodeScalars) // Œ
            case 0x0153: result.append(contentsOf: "oe".unicodeScalars) // œ
            case 0x00C6, 0x00E6: result.append(contentsOf: "ae".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result).lowercased()
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Words that turn a mention into a difficulty ("pas assez de moyens", "manque de temps").
    package static let negations: Set<String> = ["pas", "ne", "n", "sans", "aucun", "aucune", "manque", "manquent", "manquait", "peu", "insuffisant", "insuffisante", "insuffisants", "insuffisance", "jamais", "faible", "faiblesse", "absence", "difficile", "difficulte", "difficultes"]

    /// Words always removed from word counts; negations are kept on purpose.
    package static let stopwords: Set<String> = [
        "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "c", "d", "dans", "de", "des", "du", "elle", "elles", "en", "et", "eu", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "mes", "moi", "mon", "nos", "notre", "nous", "on", "ou", "par", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "est", "sont", "ete", "etre", "avoir", "ont", "etait", "etaient", "fait", "tres", "bien", "aussi", "comme", "donc", "ainsi", "entre", "tout", "tous", "toutes", "toute", "cela", "ca", "lors", "dont", "ni", "si", "autres", "autre", "plutot",
    ]

    /// Word-start matches of folded patterns in a folded text: the index of each match start.
    static func matches(of pattern: String, in text: [Character]) -> [Int] {
        let p = Array(pattern)
        guard !p.isEmpty, p.count <= text.count else { return [] }
        var result: [Int] = []
        var i = 0
        while i + p.count <= text.count {
            if (i == 0 || !isWordCharacter(text[i - 1])) && text[i] == p[0] {
                var ok = true
                for j in 1..<p.count where text[i + j] != p[j] { ok = false; break }
                if ok { result.append(i) }
            }
            i += 1
        }
        return result
    }

    /// Splits folded text into words (letters and digits).
    package static func words(_ folded: String) -> [String] {
        folded.split { !isWordCharacter($0) }.map(String.init)
    }

    /// The themes an answer mentions, each with whether a negation precedes the mention within
    /// three words ("pas assez de moyens").
    package static func code(_ text: String, codebook: [(id: String, patterns: [String])]) -> [(theme: String, negated: Bool)] {
        let folded = Array(fold(text))
        var result: [(String, Bool)] = []
        for theme in codebook {
            var found = false, negated = false
            for pattern in theme.patterns {
                for start in matches(of: pattern, in: folded) {
                    found = true
                    let before = String(folded[max(0, start - 40)..<start])
                    let previous = words(before).suffix(3)
                    if previous.contains(where: { negations.contains($0) }) { negated = true }
                }
            }
            if found { result.append((theme.id, negated)) }
        }
        return result
    }

    /// Folded words without stopwords (negations kept), for the uncoded answers' vocabulary.
    package static func contentWords(_ text: String) -> [String] {
        words(fold(text)).filter { !stopwords.contains($0) && ($0.count > 1 || negations.contains($0)) }
    }

    /// Replaces e-mails, URLs, phone numbers and the campaign's names with placeholders.
    package static func anonymise(_ text: String, names: [String]) -> String {
        var result = text
        if result.contains("@") {
            result = replace(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, in: result, with: "[courriel]")
        }
        if result.range(of: "http", options: .caseInsensitive) != nil || result.range(of: "www.", options: .caseInsensitive) != nil {
            result = replace(#"(https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)]"#, in: result, with: "[lien]")
        }
        if result.filter(\.isNumber).count >= 9 {
            result = replace(#"(\+33\s?|0033\s?|\b0)[1-9](?:[\s.\-]?\d{2}){4}\b"#, in: result, with: "[téléphone]")
        }
        for name in names where !name.isEmpty {
            let escaped = NSRegularExpression.escapedPattern(for: name)
            result = replace("(?<![\\p{L}\\p{N}])" + escaped + "(?![\\p{L}\\p{N}])", in: result, with: "[nom]", caseInsensitive: true)
        }
        return result
    }

    static func replace(_ pattern: String, in text: String, with replacement: String, caseInsensitive: Bool = false) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }
}
