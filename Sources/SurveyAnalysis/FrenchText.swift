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

    /// A word character of folded UTF-8: ASCII letters and digits, and any non-ASCII byte.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits folded text into words (letters and digits).
    package static func words(_ folded: String) -> [String] {
        folded.split { !isWordCharacter($0) }.map(String.init)
    }

    /// Folded UTF-8 patterns of a codebook, prepared once for `code`.
    package static func prepare(_ codebook: [(id: String, patterns: [String])]) -> [(id: String, patterns: [[UInt8]])] {
        codebook.map { ($0.id, $0.patterns.map { Array(fold($0).utf8) }.filter { !$0.isEmpty }) }
    }

    /// The themes an answer mentions, each with whether a negation precedes the mention within
    /// three words ("pas assez de moyens"). Patterns match at word starts of the folded text.
    package static func code(_ text: String, codebook: [(id: String, patterns: [String])]) -> [(theme: String, negated: Bool)] {
        code(text, prepared: prepare(codebook))
    }

    package static func code(_ text: String, prepared: [(id: String, patterns: [[UInt8]])]) -> [(theme: String, negated: Bool)] {
        let bytes = Array(fold(text).utf8)
        let count = bytes.count
        var starts: [Int] = []
        starts.reserveCapacity(count / 4)
        for i in 0..<count where isWordByte(bytes[i]) && (i == 0 || !isWordByte(bytes[i - 1])) { starts.append(i) }
        var result: [(String, Bool)] = []
        for theme in prepared {
            var found = false, negated = false
            for pattern in theme.patterns {
                let first = pattern[0], length = pattern.count
                for start in starts where bytes[start] == first && start + length <= count {
                    var ok = true
                    var j = 1
                    while j < length { if bytes[start + j] != pattern[j] { ok = false; break }; j += 1 }
                    guard ok else { continue }
                    found = true
                    if !negated {
                        let before = String(decoding: bytes[max(0, start - 40)..<start], as: UTF8.self)
                        if words(before).suffix(3).contains(where: { negations.contains($0) }) { negated = true }
                    }
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
        if result.utf8.contains(0x40) {
            result = replace(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, in: result, with: "[courriel]")
        }
        if containsLink(result) {
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

    /// A cheap pre-check for "http" or "www." (any case) before running the URL expression.
    static func containsLink(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return false }
        for i in 0...(bytes.count - 4) {
            let a = bytes[i] | 0x20, b = bytes[i + 1] | 0x20, c = bytes[i + 2] | 0x20, d = bytes[i + 3]
            if a == 0x68, b == 0x74, c == 0x74, d | 0x20 == 0x70 { return true } // http
            if a == 0x77, b == 0x77, c == 0x77, d == 0x2E { return true } // www.
        }
        return false
    }

    static func replace(_ pattern: String, in text: String, with replacement: String, caseInsensitive: Bool = false) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }
}
